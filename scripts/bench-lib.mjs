// What the benchmarks (scripts/bench.mjs, scripts/bench-scale.mjs) share: medians, and running a command
// while measuring its wall time and peak memory.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'

export const median = values => {
  const sorted = [...values].sort((x, y) => x - y)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export const seconds = ms => `${(ms / 1000).toFixed(2)} s`

/**
 * Runs a command, returning its wall time in ms, its peak RSS in MB and its exit code. The peak is the
 * kernel's high-water mark (VmHWM in /proc/PID/status), sampled every 5 ms while it runs: only growth in
 * its last 5 ms could be missed. stdout is dropped (a 50,000-line table must not cost the parent memory).
 */
export function timed(command, args, options = {}) {
  return new Promise(resolve => {
    const started = process.hrtime.bigint()
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options })
    let peakKb = 0
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += chunk))
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))
      } catch {
        // The process has exited.
      }
    }
    const timer = setInterval(sample, 5)
    child.on('exit', code => {
      clearInterval(timer)
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, peakMb: peakKb / 1024, code, stderr })
    })
  })
}

/**
 * Runs a command the way an exec credential plugin must be run by a gate: asynchronously, with no terminal,
 * bounded in time and output, and stopped with everything it started when it overruns.
 */
import type { ChildProcessByStdio } from 'node:child_process'
import type { Readable } from 'node:stream'

/** Between SIGTERM and SIGKILL for a process that overran its time. */
const KILL_GRACE_MS = 1_000
export const MAX_STDOUT_BYTES = 1 << 20
const STDERR_KEPT_CHARS = 64 * 1024

export type RunOutcome =
  | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }
  | { kind: 'timed-out' | 'too-much-output'; stderr: string }
  | { kind: 'not-started'; error: NodeJS.ErrnoException }

/**
 * Runs a command in its own process group with no standard input. When it overruns `timeoutMs` (or floods
 * stdout) the whole group gets SIGTERM, then SIGKILL after a grace period, so nothing it started survives it.
 * Settles once the process is gone (after a stop, as soon as the leader has exited); never rejects.
 */
export async function runProcessGroup(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number
): Promise<RunOutcome> {
  // Loaded when a plugin runs: most kubeconfigs have none.
  const { spawn } = await import('node:child_process')
  return new Promise(settle => {
    const posix = process.platform !== 'win32'
    let child: ChildProcessByStdio<null, Readable, Readable>
    try {
      child = spawn(command, args, {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: posix,
        windowsHide: true
      })
    } catch (error) {
      // e.g. a NUL byte in an argument.
      return settle({ kind: 'not-started', error: error as NodeJS.ErrnoException })
    }
    const stdout: Buffer[] = []
    let stdoutBytes = 0
    let stderr = ''
    let stopped: 'timed-out' | 'too-much-output' | undefined
    let graceTimer: NodeJS.Timeout | undefined
    let done = false
    const signalGroup = (signal: NodeJS.Signals): void => {
      try {
        if (posix && child.pid) process.kill(-child.pid, signal)
        else child.kill(signal)
      } catch {
        // Already gone.
      }
    }
    const stop = (why: 'timed-out' | 'too-much-output'): void => {
      if (stopped || done) return
      stopped = why
      signalGroup('SIGTERM')
      graceTimer = setTimeout(() => signalGroup('SIGKILL'), KILL_GRACE_MS)
    }
    const finish = (outcome: RunOutcome): void => {
      if (done) return
      done = true
      clearTimeout(timer)
      clearTimeout(graceTimer)
      settle(outcome)
    }
    // setTimeout fires at once for more than 2^31-1 ms.
    const timer = setTimeout(() => stop('timed-out'), Math.min(timeoutMs, 2 ** 31 - 1))
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length
      if (stdoutBytes > MAX_STDOUT_BYTES) return stop('too-much-output')
      stdout.push(chunk)
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEPT_CHARS)
    })
    child.on('error', error => {
      // Not started (ENOENT, EACCES): no process to wait for. Errors after a start end in 'close' anyway.
      if (child.pid === undefined) finish({ kind: 'not-started', error })
    })
    child.on('exit', () => {
      if (!stopped) return
      // The leader is gone; whatever it started in its group goes too, without a grace period.
      signalGroup('SIGKILL')
      finish({ kind: stopped, stderr })
    })
    child.on('close', (code, signal) => {
      if (stopped) return finish({ kind: stopped, stderr })
      finish({ kind: 'exited', code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr })
    })
  })
}

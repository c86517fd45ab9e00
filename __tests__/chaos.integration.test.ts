/**
 * Faults of the real API server in the middle of a run (test/cluster/): killed and restarted, and frozen
 * (SIGSTOP) while the dry-run talks to it. The gate must end within its bounds, say no-go with a clear
 * cause — or go only when every check completed — and never report a partial ConfigMap backup as complete.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { type RunHooks } from '../src/core/engine.js'
import { runPreflight } from '../src/preflight.js'
import { isBlocking } from '../src/core/policy.js'
import type { Report } from '../src/core/types.js'
import {
  ADMIN_KUBECONFIG,
  apiserverArgv,
  apiserverPid,
  apiserverReady,
  apply,
  ensureCluster,
  killAndRestartApiserver,
  killApiserver,
  kubectl,
  kubectlJson,
  kwokNode,
  startApiserver,
  waitFor,
  waitForRollouts
} from '../test/cluster-harness.js'
import { EXAMPLE_BUNDLE, cleanupTempDirs, tempDir } from '../test/fixtures.js'

const NS = 'vapora'
const NODE = 'node-1'
/** A short per-request timeout, so that a frozen server costs seconds here (the default is 10 s). */
const REQUEST_TIMEOUT_MS = 1500
let serverVersion = ''

function preflight(hooks: RunHooks): Promise<Report> {
  return runPreflight(
    {
      bundlePath: EXAMPLE_BUNDLE,
      kubeconfigPath: ADMIN_KUBECONFIG,
      kubectlVersion: serverVersion,
      artifactsDir: tempDir('preflight-kit-'),
      requestTimeoutMs: REQUEST_TIMEOUT_MS
    },
    hooks
  )
}

/** Go only when every check completed; else no-go with every blocking result saying what it could not do. */
function expectHonest(report: Report): void {
  if (report.decision === 'go') {
    for (const r of report.results) expect(isBlocking(r)).toBe(false)
    expect(report.results.filter(r => r.status === 'error')).toEqual([])
  } else {
    expect(report.failedChecks.length).toBeGreaterThan(0)
    expect(report.reasons.length).toBeGreaterThan(0)
    for (const reason of report.reasons) expect(reason.message.trim()).not.toBe('')
  }
}

/** A backup is reported only when complete: the file is there and holds the live ConfigMap's data. */
function expectNoPartialBackup(report: Report): void {
  const backup = report.results.find(r => r.id === 'configmap-backup')!
  const path = report.rollback?.configMapBackupPath
  if (backup.status !== 'pass') {
    expect(path === undefined || !existsSync(path)).toBe(true)
    return
  }
  expect(path && existsSync(path)).toBeTruthy()
  const saved = parse(readFileSync(path!, 'utf8')) as { data: Record<string, string> }
  const live = kubectlJson<{ data: Record<string, string> }>(['get', 'configmap', 'vapora-config', '-n', NS])
  expect(saved.data).toEqual(live.data)
}

beforeAll(
  async () => {
    ensureCluster()
    serverVersion = kubectlJson<{ serverVersion: { gitVersion: string } }>(['version']).serverVersion
      .gitVersion
    await kwokNode(NODE)
    apply(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${NS}\n`)
    kubectl(['delete', 'deployments,replicasets', '--all', '-n', NS, '--wait=false'])
    kubectl(['delete', 'pods', '--all', '-n', NS, '--grace-period=0', '--force', '--wait=false'])
    apply(readFileSync(join(EXAMPLE_BUNDLE, 'configmap.yaml'), 'utf8'))
    apply(readFileSync(join(EXAMPLE_BUNDLE, 'deployment.yaml'), 'utf8'))
    await waitForRollouts(NS)
  },
  10 * 60 * 1000
)

afterAll(async () => {
  // Whatever happened, leave a running, unfrozen API server for the suites after this one.
  try {
    process.kill(apiserverPid(), 'SIGCONT')
  } catch {
    // Not running: the restart below brings it back.
  }
  if (!apiserverReady()) await killAndRestartApiserver().catch(() => undefined)
  cleanupTempDirs()
})

describe('the API server fails in the middle of a run', () => {
  it('killed after cluster-access and back only after the run: no-go, one root cause that counts what it stopped', async () => {
    let killed: Promise<void> | undefined
    const argv = apiserverArgv()
    const started = Date.now()
    const report = await preflight({
      concurrency: 1,
      onResult: r => {
        if (r.id === 'cluster-access' && r.status === 'pass' && !killed) killed = killApiserver()
      }
    })
    const elapsed = Date.now() - started
    await killed
    await startApiserver(argv)
    expect(report.decision).toBe('no-go')
    // One cause, said once: the server went away; the checks that met it say they were blocked by it.
    expect(report.rootCauses.map(c => c.check)).toEqual(['api-server'])
    const [cause] = report.rootCauses
    expect(cause.message).toMatch(/^the API server stopped answering during the run: /)
    expect(cause.blocks.length).toBeGreaterThan(5)
    expect(report.results.find(r => r.id === 'permissions')!.message).not.toMatch(
      /the deploy identity cannot/
    )
    expect(report.results.find(r => r.id === 'dry-run')!.message).not.toMatch(/unexpectedly/)
    expectNoPartialBackup(report)
    expect(elapsed).toBeLessThan(30_000)
  })

  it('killed and restarted after cluster-access: ends in bounds, no-go with a clear cause or go with every check done', async () => {
    let restart: Promise<{ downMs: number }> | undefined
    const started = Date.now()
    // One check at a time, so that the checks after cluster-access meet the server while it is away.
    const report = await preflight({
      concurrency: 1,
      onResult: r => {
        if (r.id === 'cluster-access' && r.status === 'pass' && !restart) restart = killAndRestartApiserver()
      }
    })
    const elapsed = Date.now() - started
    expect(restart).toBeDefined()
    const { downMs } = await restart!
    // Bound: every request ends within 3 attempts of 1.5 s plus backoff; after that the client knows the
    // server is down and the other checks end at once.
    expect(elapsed).toBeLessThan(30_000)
    expectHonest(report)
    expectNoPartialBackup(report)
    if (report.decision === 'no-go') {
      const said = report.rootCauses.map(c => c.message).join('\n')
      expect(said).toMatch(/ECONNREFUSED|stopped answering|cannot reach|socket hang up|ECONNRESET/)
    }
    console.log(
      `kill + restart: preflight ${elapsed} ms, decision ${report.decision}, server away ${downMs} ms`
    )
  })

  it('frozen (SIGSTOP) while the dry-run runs: no-go within the bound, the dry-run saying the server did not answer', async () => {
    await waitFor('the API server to be ready', () => apiserverReady(), 60_000)
    const pid = apiserverPid()
    let frozen = false
    const started = Date.now()
    try {
      const report = await preflight({
        concurrency: 1,
        onStart: check => {
          if (check.id === 'dry-run' && !frozen) {
            process.kill(pid, 'SIGSTOP')
            frozen = true
          }
        }
      })
      const elapsed = Date.now() - started
      expect(frozen).toBe(true)
      expect(report.decision).toBe('no-go')
      const dryRun = report.results.find(r => r.id === 'dry-run')!
      expect(dryRun.blocking).toBe(true)
      expect(`${dryRun.message} ${(dryRun.details ?? []).join(' ')}`).toMatch(
        new RegExp(`no answer within ${REQUEST_TIMEOUT_MS} ms|stopped answering`)
      )
      expectHonest(report)
      expectNoPartialBackup(report)
      // 3 attempts × 1.5 s + backoff for the first request that meets the frozen server; the rest fail at once.
      expect(elapsed).toBeLessThan(20_000)
      console.log(`SIGSTOP mid-dry-run: preflight ${elapsed} ms, ${report.failedChecks.length} checks block`)
    } finally {
      if (frozen) process.kill(pid, 'SIGCONT')
    }
  })
})

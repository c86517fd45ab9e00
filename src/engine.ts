/**
 * The engine: acquire the bundle, run the checks (concurrently, each behind its own error boundary),
 * let the policy decide, and return the report. No I/O beyond reading the bundle; no process exit.
 */
import { performance } from 'node:perf_hooks'
import { acquireBundle } from './bundle/acquire.js'
import type { Bundle } from './bundle/bundle.js'
import { ALL_CHECKS } from './checks/index.js'
import { SECTION } from './checks/sections.js'
import { BundleError, describeError } from './errors.js'
import { resolveOptions, type PreflightInput, type PreflightOptions } from './options.js'
import { decide, isBlocking } from './policy.js'
import { openCluster } from './kube/session.js'
import type { Check, CheckContext, CheckOutcome, CheckResult, Report, RollbackKit } from './types.js'
import { TOOL_NAME, TOOL_VERSION } from './version.js'

export interface RunHooks {
  /** Called as each result is known (for progress lines); results arrive in completion order. */
  onResult?: (result: CheckResult) => void
  /** Replaces the built-in checks (tests, or callers adding their own). */
  checks?: readonly Check[]
  /** How many checks run at once. */
  concurrency?: number
  /** Called with every secret found in the kubeconfig, before anything is logged (adapters mask them). */
  onSecrets?: (secrets: string[]) => void
}

const OUT_OF_SCOPE_OFFLINE = new Set(['cluster', 'network'])

function finish(
  check: Pick<Check, 'id' | 'title' | 'section'>,
  outcome: CheckOutcome,
  durationMs: number
): CheckResult {
  const located = outcome.findings?.find(f => f.file)
  return {
    id: check.id,
    title: check.title,
    section: check.section,
    ...outcome,
    blocking: isBlocking(outcome),
    file: located?.file,
    line: located?.line,
    column: located?.column,
    durationMs: Math.round(durationMs * 10) / 10
  }
}

/** Runs one check, turning a throw into an `error` result: a broken check never crashes the run. */
async function runOne(check: Check, ctx: CheckContext): Promise<CheckResult> {
  const started = performance.now()
  const outcome = await (async (): Promise<CheckOutcome> => {
    if (ctx.options.offline && check.needs.some(need => OUT_OF_SCOPE_OFFLINE.has(need))) {
      return { status: 'skip', skipReason: 'offline', message: 'skipped: offline run (out of scope)' }
    }
    if (check.needs.includes('bundle') && !ctx.bundle) {
      return {
        status: 'skip',
        skipReason: 'prerequisite-failed',
        message: 'not run: the bundle could not be read (see bundle-unpack)'
      }
    }
    const notApplicable = check.notApplicable?.(ctx)
    if (notApplicable)
      return { status: 'skip', skipReason: 'not-applicable', message: `not applicable: ${notApplicable}` }
    try {
      return await check.run(ctx)
    } catch (error) {
      return {
        status: 'error',
        message: `check failed unexpectedly: ${describeError(error)}`,
        hint: 'This is a bug in the check; please report it with the bundle that triggered it.'
      }
    }
  })()
  return finish(check, outcome, performance.now() - started)
}

/** Runs `tasks` with at most `limit` in flight, keeping results in input order. */
async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++
      results[index] = await tasks[index]()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return results
}

const UNPACK_CHECK = {
  id: 'bundle-unpack',
  title: 'Download artifacts and unpack them safely',
  section: SECTION.artifacts
}

function openBundle(options: PreflightOptions): { bundle?: Bundle; result: CheckResult } {
  const started = performance.now()
  try {
    const bundle = acquireBundle(options.bundlePath, options.expectedFiles, options.limits, options.workDir)
    const how = bundle.source.kind === 'zip' ? 'unpacked safely from zip' : 'read from directory'
    const outcome: CheckOutcome = { status: 'pass', message: `${bundle.files.length} files ${how}` }
    return { bundle, result: finish(UNPACK_CHECK, outcome, performance.now() - started) }
  } catch (error) {
    const outcome: CheckOutcome =
      error instanceof BundleError
        ? {
            status: 'fail',
            message: error.message,
            hint: error.hint,
            details: error.entry ? [`offending entry: ${error.entry}`] : undefined
          }
        : { status: 'error', message: `could not open the bundle: ${describeError(error)}` }
    return { result: finish(UNPACK_CHECK, outcome, performance.now() - started) }
  }
}

/**
 * Runs a preflight and returns its report. Throws only `UsageError` (invalid options); everything that
 * goes wrong with the bundle or a check is a result in the report, and the decision is then `no-go`.
 */
export async function runPreflight(input: PreflightInput, hooks: RunHooks = {}): Promise<Report> {
  const options = resolveOptions(input)
  const startedAt = new Date()
  const t0 = performance.now()
  const opened = openBundle(options)
  hooks.onResult?.(opened.result)
  const bundleMs = performance.now() - t0
  const ctx: CheckContext = { options, bundle: opened.bundle }
  try {
    if (!options.offline) {
      const cluster = await openCluster(options.kubeconfig, options.context, {
        timeoutMs: options.requestTimeoutMs
      })
      if (cluster.ok) {
        hooks.onSecrets?.(cluster.secrets)
        ctx.cluster = cluster.session
      } else {
        ctx.clusterProblem = cluster.message
      }
    }
    const checks = hooks.checks ?? ALL_CHECKS
    const results = await pool(
      checks.map(check => async () => {
        const result = await runOne(check, ctx)
        hooks.onResult?.(result)
        return result
      }),
      hooks.concurrency ?? 8
    )
    const all = [opened.result, ...results]
    const verdict = decide(all, options)
    const totalMs = performance.now() - t0
    return {
      version: 1,
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      decision: verdict.decision,
      scope: verdict.scope,
      reasons: verdict.reasons,
      failedChecks: verdict.failedChecks,
      warnings: verdict.warnings,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      durationMs: Math.round(totalMs),
      namespace: options.namespace,
      cluster: ctx.cluster ? { server: ctx.cluster.client.serverUrl, version: versionOf(all) } : undefined,
      rollback: rollbackKit(all),
      bundle: opened.bundle
        ? {
            kind: opened.bundle.source.kind,
            path: options.bundlePath,
            // A zip's root is a temp dir that is gone after the run: only a directory's root means anything.
            root: opened.bundle.source.kind === 'directory' ? opened.bundle.root : undefined,
            files: [...opened.bundle.files]
          }
        : {
            kind: options.bundlePath.toLowerCase().endsWith('.zip') ? 'zip' : 'directory',
            path: options.bundlePath
          },
      results: all,
      timings: {
        totalMs: Math.round(totalMs),
        bundleMs: Math.round(bundleMs),
        checksMs: Math.round(totalMs - bundleMs)
      }
    }
  } finally {
    opened.bundle?.cleanup()
    ctx.cluster?.close()
  }
}

function versionOf(results: CheckResult[]): string | undefined {
  return results.find(r => r.id === 'cluster-access')?.data?.version as string | undefined
}

/** Gathers the rollback kit from the rollout-history and configmap-backup results. */
function rollbackKit(results: CheckResult[]): RollbackKit | undefined {
  const history = results.find(r => r.id === 'rollout-history')?.data
  const backup = results.find(r => r.id === 'configmap-backup')?.data
  if (!history && !backup) return undefined
  return {
    revisions: (history?.revisions as Record<string, number> | undefined) ?? {},
    undoCommands: (history?.undoCommands as string[] | undefined) ?? [],
    configMapBackupPath: backup?.path as string | undefined
  }
}

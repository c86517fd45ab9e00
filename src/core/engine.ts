/**
 * The engine: acquire the bundle, run the checks (concurrently, each behind its own error boundary),
 * let the policy decide, and return the report. No I/O beyond reading the bundle; no process exit.
 */
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { performance } from 'node:perf_hooks'
import { acquireBundle } from '../bundle/acquire.js'
import { mapLimited, yieldToEventLoop } from './concurrency.js'
import { readData } from './check-data.js'
import { CLUSTER_ACCESS_DATA } from '../checks/cluster-access.js'
import { CONFIGMAP_BACKUP_DATA } from '../checks/configmap-backup.js'
import { ROLLOUT_HISTORY_DATA } from '../checks/rollout-history.js'
import { changeTarget } from '../checks/change-common.js'
import type { Bundle } from '../bundle/bundle.js'
import type { ChangeSpec } from './options.js'
import { ALL_CHECKS } from '../checks/index.js'
import { API_SERVER, ARTIFACT_DOWNLOAD, BASELINE, BUNDLE_UNPACK, type ResultSpec } from './results.js'
import { BundleError, describeError } from './errors.js'
import type { PreflightOptions } from './options.js'
import { decide, isBlocking } from './policy.js'
import { baselineOutcome, collectBaseline } from '../checks/baseline.js'
import { ruleFor, type CheckRule } from './policy-file.js'
import { checklistState, checklistStatus, type ItemStatus } from '../checklist/state.js'
import {
  REPORT_VERSION,
  type ArtifactOrigin,
  type CheckOutcome,
  type CheckResult,
  type Report,
  type RollbackKit,
  type RunMode,
  type VerifyReport
} from './types.js'
import type { ChangeReader, Check, CheckContext, ClusterConnection } from './check.js'
import { TOOL_NAME, TOOL_VERSION } from './version.js'
import { DEFAULT_NAMESPACE } from './defaults.js'

export interface RunHooks {
  /** Called as a check starts (for live progress). */
  onStart?: (check: Pick<Check, 'id' | 'title' | 'section'>) => void
  /** Called as each result is known (for progress lines); results arrive in completion order. */
  onResult?: (result: CheckResult) => void
  /** Replaces the built-in checks (tests, or callers adding their own). */
  checks?: readonly Check[]
  /** How many checks run at once (all by default: each reader bounds its own requests). */
  concurrency?: number
  /** Called with every secret found in the kubeconfig, before anything is logged (adapters mask them). */
  onSecrets?: (secrets: string[]) => void
  /** False: no `baseline` result (verify mode measures "after", not a baseline). report.baseline is kept. */
  baselineResult?: boolean
  /** The phase the report is for (verify mode passes `verify`); default `preflight`. */
  mode?: RunMode
}

/** A bundle downloaded for the run (the GitHub artifact): its outcome is the `artifact-download` result. */
export interface FetchedBundle {
  outcome: CheckOutcome
  /** The downloaded zip (in a temp dir of its own, removed after the run); absent when it failed. */
  zipPath?: string
  origin?: ArtifactOrigin
}

/**
 * Where a run's evidence comes from. The engine imports no adapter: the composition root (src/preflight.ts)
 * wires Kubernetes and GitHub in, tests wire memory in. A source the run does not need is never called.
 */
export interface RunSources {
  /** Downloads the bundle named by `options.artifact` (not called when it is a path). */
  fetchBundle?: (options: PreflightOptions) => Promise<FetchedBundle>
  /** Opens the cluster (not called offline); `onSecrets` receives credentials refreshed mid-run. */
  openCluster?: (
    options: PreflightOptions,
    onSecrets?: (secrets: string[]) => void
  ) => Promise<ClusterConnection>
  /** The change history's reader for a repository (opened on the change checks' first use). */
  openChanges?: (spec: ChangeSpec, repository: string) => Promise<ChangeReader>
  /** The kubectl on PATH, asked by kubectl-version when the options give no kubectl-version. */
  localKubectl?: () => Promise<string | undefined>
}

// GitHub is not out of scope offline: like the download and the tracking issue, the change checks still run.
const OUT_OF_SCOPE_OFFLINE = new Set(['cluster', 'network'])

/** Turns a check's outcome into a result: identity, the policy's blocking verdict, position, timing. */
export function finish(
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

/** A policy rule's severity applied to a check's outcome: a failure that only warns, or a warning that blocks. */
function applyRule(outcome: CheckOutcome, rule: CheckRule | undefined): CheckOutcome {
  if (rule?.severity === 'warning' && (outcome.status === 'fail' || outcome.status === 'error')) {
    return { ...outcome, status: 'warn', message: `${outcome.message} — a warning by policy (${rule.where})` }
  }
  if (rule?.severity === 'blocking' && outcome.status === 'warn') {
    return { ...outcome, status: 'fail', message: `${outcome.message} — blocking by policy (${rule.where})` }
  }
  return outcome
}

/** An outcome as a policy rule has it: off (not applicable), or its severity applied. */
function withPolicy(rule: CheckRule | undefined, outcome: CheckOutcome): CheckOutcome {
  if (rule?.severity === 'off') return offByPolicy(rule)
  return applyRule(outcome, rule)
}

function offByPolicy(rule: CheckRule): CheckOutcome {
  return {
    status: 'skip',
    skipReason: 'not-applicable',
    message: `not applicable: off by policy (${rule.where})`
  }
}

/** Runs one check, turning a throw into an `error` result: a broken check never crashes the run. */
async function runOne(check: Check, ctx: CheckContext): Promise<CheckResult> {
  const started = performance.now()
  const outcome = await (async (): Promise<CheckOutcome> => {
    if (ctx.options.offline && check.needs.some(need => OUT_OF_SCOPE_OFFLINE.has(need))) {
      return { status: 'skip', skipReason: 'offline', message: 'out of scope: offline run' }
    }
    if (check.needs.includes('bundle') && !ctx.bundle) {
      return {
        status: 'skip',
        skipReason: 'prerequisite-failed',
        blockedBy: 'bundle-unpack',
        message: 'not run: the bundle could not be read'
      }
    }
    const notApplicable = check.notApplicable?.(ctx)
    if (notApplicable)
      return { status: 'skip', skipReason: 'not-applicable', message: `not applicable: ${notApplicable}` }
    const rule = ruleFor(ctx.options.policy, check.id, ctx.options.environment)
    if (rule?.severity === 'off') return offByPolicy(rule)
    try {
      return applyRule(await check.run(ctx), rule)
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

interface Fetched {
  result: CheckResult
  zipPath?: string
  origin?: ArtifactOrigin
}

/**
 * The API server answered at the start (cluster-access) and stopped answering during the run: that is one
 * cause, not a dozen. Its own result leads; the cluster checks that ended after it failed, and block, say
 * they were blocked by it (still blocking: nothing they were asked to verify was verified).
 */
function attributeLostServer(
  lost: { at: number; message: string },
  results: readonly CheckResult[],
  checks: readonly Check[],
  endedAt: ReadonlyMap<string, number>
): CheckResult[] {
  const needsCluster = new Set(checks.filter(c => c.needs.includes('cluster')).map(c => c.id))
  const blamed = results.map(r =>
    r.blocking && !r.blockedBy && needsCluster.has(r.id) && (endedAt.get(r.id) ?? 0) >= lost.at
      ? { ...r, blockedBy: API_SERVER.id }
      : r
  )
  const cause = finish(
    API_SERVER,
    {
      status: 'error',
      message: `the API server stopped answering during the run: ${lost.message}`,
      hint: 'It answered at the start (cluster-access): check its health and the network between this runner and it, then re-run the job.'
    },
    0
  )
  return [...blamed, cause]
}

/**
 * @actions/artifact has its own clients and retries (a stalled blob download can take 15 minutes to give
 * up): bound it from outside, failing closed.
 */
async function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
    timer.unref()
  })
  try {
    return await Promise.race([work, deadline])
  } finally {
    clearTimeout(timer)
  }
}

/** Downloads the artifact (only when asked to), bounded from outside by `downloadTimeoutMs`. */
async function fetchArtifact(options: PreflightOptions, sources: RunSources): Promise<Fetched | undefined> {
  if (!options.artifact) return undefined
  const started = performance.now()
  try {
    if (!sources.fetchBundle) throw new Error('no artifact download is wired into this run')
    const download = await withDeadline(
      sources.fetchBundle(options),
      options.downloadTimeoutMs,
      `the artifact download did not finish within ${Math.round(options.downloadTimeoutMs / 1000)} s`
    )
    const result = finish(ARTIFACT_DOWNLOAD, download.outcome, performance.now() - started)
    return download.zipPath ? { result, zipPath: download.zipPath, origin: download.origin } : { result }
  } catch (error) {
    const outcome: CheckOutcome = {
      status: 'error',
      message: `could not download the artifact: ${describeError(error)}`
    }
    return { result: finish(ARTIFACT_DOWNLOAD, outcome, performance.now() - started) }
  }
}

function openBundle(
  options: PreflightOptions,
  fetched: Fetched | undefined
): { bundle?: Bundle; result: CheckResult } {
  const started = performance.now()
  const path = fetched ? fetched.zipPath : options.bundlePath
  if (!path) {
    const outcome: CheckOutcome = {
      status: 'skip',
      skipReason: 'prerequisite-failed',
      blockedBy: 'artifact-download',
      message: 'not run: the artifact could not be downloaded'
    }
    return { result: finish(BUNDLE_UNPACK, outcome, 0) }
  }
  try {
    const bundle = acquireBundle(path, options.expectedFiles, options.limits, options.workDir)
    const how = bundle.source.kind === 'zip' ? 'unpacked safely from zip' : 'read from directory'
    const outcome: CheckOutcome = { status: 'pass', message: `${bundle.files.length} files ${how}` }
    return { bundle, result: finish(BUNDLE_UNPACK, outcome, performance.now() - started) }
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
    return { result: finish(BUNDLE_UNPACK, outcome, performance.now() - started) }
  }
}

/**
 * Runs the checks on resolved options with the given sources and returns the report. Never throws for
 * what goes wrong with the bundle, the cluster or a check: each is a result, and the decision is then no-go.
 */
export async function runChecks(
  options: PreflightOptions,
  sources: RunSources,
  hooks: RunHooks = {}
): Promise<Report> {
  const startedAt = new Date()
  const t0 = performance.now()
  const fetched = await fetchArtifact(options, sources)
  if (fetched) hooks.onResult?.(fetched.result)
  const opened = openBundle(options, fetched)
  hooks.onResult?.(opened.result)
  const bundleMs = performance.now() - t0
  const ctx: CheckContext = {
    options,
    bundle: opened.bundle,
    changes: changeTarget(options.changes, fetched?.origin, (spec, repository) =>
      sources.openChanges
        ? sources.openChanges(spec, repository)
        : Promise.reject(new Error('no change history reader is wired into this run'))
    ),
    localKubectl: sources.localKubectl
  }
  let connection: ClusterConnection | undefined
  try {
    if (!options.offline) {
      connection = sources.openCluster
        ? await sources.openCluster(options, hooks.onSecrets)
        : { ok: false, reason: 'not-configured', message: 'no cluster is wired into this run' }
      if (connection.ok) {
        hooks.onSecrets?.(connection.secrets)
        ctx.cluster = connection.reader
      } else {
        ctx.clusterProblem = connection.message
      }
    }
    const checks = hooks.checks ?? ALL_CHECKS
    const endedAt = new Map<string, number>()
    // The cluster checks start first and their requests go out before any other check's synchronous work
    // (parsing the bundle's files): the server answers while that runs, and each of the others waits for
    // one turn of the event loop, so that answers and TLS handshakes are read between them.
    const isClusterCheck = (check: Check) => check.needs.includes('cluster')
    const order = checks.map((_, index) => index)
    const schedule = [
      ...order.filter(i => isClusterCheck(checks[i])),
      ...order.filter(i => !isClusterCheck(checks[i]))
    ]
    let turn = Promise.resolve()
    const ran = new Array<CheckResult>(checks.length)
    await mapLimited(schedule, hooks.concurrency ?? schedule.length, async index => {
      const check = checks[index]
      if (!isClusterCheck(check) && ctx.cluster) {
        turn = turn.then(yieldToEventLoop)
        await turn
      }
      hooks.onStart?.(check)
      const result = await runOne(check, ctx)
      endedAt.set(result.id, Date.now())
      hooks.onResult?.(result)
      ran[index] = result
    })
    const lost = connection?.ok ? connection.lost() : undefined
    const results = lost ? attributeLostServer(lost, ran, checks, endedAt) : ran
    if (lost) hooks.onResult?.(results.at(-1)!)
    const baseline = collectBaseline(results, options.latencyThresholdMs)
    const baselineResult =
      hooks.baselineResult === false
        ? []
        : [
            finish(
              BASELINE,
              withPolicy(ruleFor(options.policy, 'baseline', options.environment), baselineOutcome(baseline)),
              0
            )
          ]
    baselineResult.forEach(r => hooks.onResult?.(r))
    const all = [...(fetched ? [fetched.result] : []), opened.result, ...results, ...baselineResult]
    const verdict = decide(all, options)
    const totalMs = performance.now() - t0
    const mode = hooks.mode ?? 'preflight'
    return {
      version: REPORT_VERSION,
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      mode,
      ...verdict,
      checklist: checklistState(checklistStatus({ ...verdict, results: all, mode }), mode),
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      durationMs: Math.round(totalMs),
      namespace: options.namespace,
      cluster: ctx.cluster ? { server: ctx.cluster.server, version: versionOf(all) } : undefined,
      rollback: rollbackKit(all),
      baseline,
      bundle: opened.bundle
        ? {
            kind: opened.bundle.source.kind,
            path: fetched?.origin?.url ?? options.bundlePath,
            origin: fetched?.origin,
            // A zip's root is a temp dir that is gone after the run: only a directory's root means anything.
            root: opened.bundle.source.kind === 'directory' ? opened.bundle.root : undefined,
            files: [...opened.bundle.files]
          }
        : {
            kind: fetched || options.bundlePath.toLowerCase().endsWith('.zip') ? 'zip' : 'directory',
            path: fetched?.origin?.url ?? options.bundlePath ?? '',
            origin: fetched?.origin
          },
      policy: options.policy
        ? { path: options.policy.path, optionalItems: [...options.policy.optionalItems] }
        : undefined,
      results: all,
      timings: {
        totalMs: Math.round(totalMs),
        bundleMs: Math.round(bundleMs),
        checksMs: Math.round(totalMs - bundleMs)
      }
    }
  } finally {
    opened.bundle?.cleanup()
    if (fetched?.zipPath) rmSync(dirname(fetched.zipPath), { recursive: true, force: true })
    if (connection?.ok) connection.close()
  }
}

function versionOf(results: CheckResult[]): string | undefined {
  return readData(results, CLUSTER_ACCESS_DATA)?.version
}

/** Gathers the rollback kit from the rollout-history and configmap-backup results. */
function rollbackKit(results: CheckResult[]): RollbackKit | undefined {
  const history = readData(results, ROLLOUT_HISTORY_DATA)
  const backup = readData(results, CONFIGMAP_BACKUP_DATA)
  if (!history && !backup) return undefined
  return {
    revisions: history?.revisions ?? {},
    undoCommands: history?.undoCommands ?? [],
    configMapBackupPath: backup?.path
  }
}

/**
 * Adds results produced after the run (the tracking issue, the kit upload) and decides again: a step the
 * adapter was asked to do and could not do blocks like any check. Replaces results with the same id.
 */
export function amendReport<R extends Report>(report: R, extra: readonly CheckResult[]): R {
  const ids = new Set(extra.map(r => r.id))
  const results = [...report.results.filter(r => !ids.has(r.id)), ...extra]
  const verdict = decide(results, { offline: report.scope === 'bundle-only' })
  // People's ticks already known (from the tracking issue) are kept; the tool's own are derived again.
  const statuses = checklistStatus({ ...verdict, results, mode: report.mode, checklist: report.checklist })
  const amended = { ...report, ...verdict, results, checklist: checklistState(statuses, report.mode) }
  // A verify report is verified exactly when it is go: a step that fails after the checks un-verifies it.
  if ('verification' in report) {
    const verification = (report as Report & Pick<VerifyReport, 'verification'>).verification
    return { ...amended, verification: { ...verification, verified: verdict.decision === 'go' } }
  }
  return amended
}

/** What could not run: the inputs (invalid), or the adapter itself (a crash, a module that failed to load). */
export interface RunFailure {
  /** `INPUTS` or `ACTION` (src/core/results.ts). */
  result: ResultSpec
  message: string
  hint?: string
}

/**
 * The report of a run that could not start (an invalid input or policy file, a crash before the checks): one
 * blocking result, so that the decision, reason, failed checks, report and summary all still say why.
 */
export function reportOfFailure(
  failure: RunFailure,
  context: { mode?: RunMode; namespace?: string; startedAt?: Date } = {}
): Report {
  const mode = context.mode ?? 'preflight'
  const now = new Date()
  const started = context.startedAt ?? now
  const result = finish(failure.result, { status: 'error', message: failure.message, hint: failure.hint }, 0)
  const verdict = decide([result], { offline: false })
  const durationMs = Math.max(0, now.getTime() - started.getTime())
  return {
    version: REPORT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    mode,
    ...verdict,
    checklist: checklistState(checklistStatus({ ...verdict, results: [result], mode }), mode),
    startedAt: started.toISOString(),
    finishedAt: now.toISOString(),
    durationMs,
    namespace: context.namespace ?? DEFAULT_NAMESPACE,
    results: [result],
    timings: { totalMs: durationMs, bundleMs: 0, checksMs: 0 }
  }
}

/** The report with the checklist as merged with the tracking issue (people's ticks included). */
export function withChecklist<R extends Report>(report: R, statuses: readonly ItemStatus[]): R {
  return { ...report, checklist: checklistState(statuses, report.mode) }
}

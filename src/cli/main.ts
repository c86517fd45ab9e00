/**
 * The CLI adapter: flags → the same options → the same engine → stdout and an exit code
 * (0 go, 1 no-go, 2 usage or internal error). Progress goes to stderr, one line per check.
 */
import {
  accessSync,
  constants,
  existsSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs, styleText } from 'node:util'
import { type RunHooks } from '../core/engine.js'
import { runPreflight } from '../preflight.js'
import type { ArtifactSpec } from '../github/artifact.js'
import type { ChangeSpec, PreflightInput } from '../core/options.js'
import type { CheckResult, Report, VerifyReport } from '../core/types.js'
import { recordOf, type PreflightRecord } from '../report/preflight-record.js'
import { UsageError, describeError } from '../core/errors.js'
import { readJsonReport, renderJson } from '../report/json.js'
import { renderMarkdown } from '../report/markdown.js'
import { LiveProgress, progressLine } from '../report/progress.js'
import { renderText, type Paint } from '../report/text.js'
import {
  DEFAULT_CONFIGMAP,
  DEFAULT_DEPLOYMENTS,
  DEFAULT_EXPECTED_FILES_PATTERN,
  DEFAULT_NAMESPACE
} from '../core/defaults.js'
import { TOOL_NAME, TOOL_VERSION } from '../core/version.js'

export const EXIT = { go: 0, noGo: 1, error: 2 } as const

export const HELP = `Usage: ${TOOL_NAME} --bundle PATH [options]
       ${TOOL_NAME} --artifact NAME --run-id N --repository OWNER/NAME [options]
       ${TOOL_NAME} --verify --bundle PATH --preflight-report FILE [options]

Verifies a Vapora deployment bundle and the cluster it deploys to, and prints a go/no-go report
(the same checks as the GitHub Action vapora/preflight-action).

Bundle
  --bundle PATH             deployment-artifacts .zip or a directory holding its files
  --artifact NAME           or download the GitHub Actions artifact NAME (e.g. deployment-artifacts)
  --run-id N                ... uploaded by workflow run N
  --repository O/R          ... of repository O/R (token from GITHUB_TOKEN, needs actions: read)
  --expected-files LIST     files the bundle must hold; commas/newlines, braces expand (default:
                            ${DEFAULT_EXPECTED_FILES_PATTERN.replace(', vapora-', ',\n                            vapora-')})
  --deployments LIST        Deployments deployment.yaml must hold
                            (default: ${DEFAULT_DEPLOYMENTS.join(',')})
  --configmap NAME          ConfigMap configmap.yaml must hold (default: ${DEFAULT_CONFIGMAP})
  --offline                 bundle checks only: cluster and network checks are out of scope
                            (the decision then says it covers the bundle only)

Cluster
  --kubeconfig PATH         kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster)
  --context NAME            kubeconfig context (default: its current context)
  --namespace NS            target namespace (default: ${DEFAULT_NAMESPACE})
  --kubectl-version V       the kubectl the deploy uses, for the skew check (default: on PATH)
  --events-window D         how far back Warning events and restarts count (default: 1h)
  --capacity-threshold P    node CPU/memory share that counts as near capacity (default: 85%)
  --artifacts-dir DIR       where the rollback kit (ConfigMap backup) goes (default: a temp dir)

Endpoints
  --health-url URL          probe this health endpoint (token from VAPORA_HEALTH_TOKEN)
  --api-urls LIST           API endpoints that must answer 200 (relative to --health-url)
  --probe-count N           probes per endpoint (default: 5)
  --probe-timeout D         per probe: status and whole body within D, else failed (default: 10s)
  --endpoint-budget D       per endpoint: all its probes within D, the rest not sent (default: 30s)
  --latency-threshold-ms N  a p95 above this blocks (default: measured, not judged)
  --tls-endpoint H:P        check this endpoint's certificate (default port 443)
  --tls-ca FILE             extra CA certificate (PEM) trusted for --tls-endpoint
  --cert-min-days N         fewer days left on the certificate blocks (default: 14)

Change checks
  --commit SHA              the deployed commit of --repository: head of the default branch or a
                            tag on it (token from GITHUB_TOKEN: contents and pull-requests: read)
  --since SHA               ... and every commit since SHA (the last go) came through an approved PR

Verify mode (after the deploy)
  --verify                  success criteria instead of the preflight (exit 0 verified)
  --preflight-report FILE   the preflight's JSON report to compare with (its --format json output,
                            or the kit's report.json): baseline, revisions, undo commands
  --ready-timeout D         how long pods may take to become Ready (default: 5m)
  --latency-factor N        p99 may be N × the baseline's, plus 25 ms (default: 2)

Output
  --format FORMAT           text (default on a terminal), markdown (default otherwise) or json
  --output FILE             write the report to FILE instead of stdout
  --quiet                   no progress on stderr
  --version                 print the version
  --help                    print this help

Environment
  KUBECONFIG                kubeconfig files, when --kubeconfig is not given
  GITHUB_TOKEN, GH_TOKEN    token for --artifact and --commit (never a flag: flags show in ps)
  GITHUB_API_URL            GitHub Enterprise API, e.g. https://ghe.example.com/api/v3
  GITHUB_SERVER_URL         GitHub Enterprise web address, e.g. https://ghe.example.com
  VAPORA_HEALTH_TOKEN       bearer token for --health-url and --api-urls (masked, never printed)
  NO_COLOR, FORCE_COLOR     turn colours off / on (default: on when stdout is a terminal)

Examples
  ${TOOL_NAME} --bundle deployment-artifacts.zip --offline
  KUBECONFIG=~/.kube/staging ${TOOL_NAME} --bundle ./deployment-artifacts --namespace vapora
  GITHUB_TOKEN=… ${TOOL_NAME} --artifact deployment-artifacts --run-id 123 \\
      --repository vapora/app
  ${TOOL_NAME} --bundle artifacts.zip --format json --output preflight.json
  ${TOOL_NAME} --verify --bundle artifacts.zip --preflight-report preflight.json

Exit codes: 0 go (verify: verified), 1 no-go (not verified), 2 could not run (usage or crash).`

export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** stdout is a terminal: the text report by default. */
  stdoutTTY?: boolean
  /** stderr is a terminal: progress is one line updated in place. */
  stderrTTY?: boolean
  /** The terminal's width (the text report wraps at it; 100 otherwise). */
  columns?: number
  /** Colours for stdout (the default honours the TTY, NO_COLOR and FORCE_COLOR). */
  paint?: Paint
}

const processIO: CliIO = {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  stdoutTTY: process.stdout.isTTY === true,
  stderrTTY: process.stderr.isTTY === true,
  // A pseudo-terminal without a size reports 0 columns: then COLUMNS, else the report's default (100).
  columns: process.stdout.columns || Number(process.env.COLUMNS) || undefined,
  // node:util decides per stream: a terminal that has colours, NO_COLOR off, FORCE_COLOR on.
  paint: (style, text) => styleText(style, text, { stream: process.stdout })
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        bundle: { type: 'string' },
        artifact: { type: 'string' },
        'run-id': { type: 'string' },
        repository: { type: 'string' },
        commit: { type: 'string' },
        since: { type: 'string' },
        verify: { type: 'boolean', default: false },
        'preflight-report': { type: 'string' },
        'ready-timeout': { type: 'string' },
        'latency-factor': { type: 'string' },
        offline: { type: 'boolean', default: false },
        format: { type: 'string' },
        output: { type: 'string' },
        namespace: { type: 'string' },
        'expected-files': { type: 'string' },
        deployments: { type: 'string' },
        configmap: { type: 'string' },
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        'kubectl-version': { type: 'string' },
        'events-window': { type: 'string' },
        'capacity-threshold': { type: 'string' },
        'artifacts-dir': { type: 'string' },
        'health-url': { type: 'string' },
        'api-urls': { type: 'string' },
        'tls-endpoint': { type: 'string' },
        'tls-ca': { type: 'string' },
        'cert-min-days': { type: 'string' },
        'probe-count': { type: 'string' },
        'probe-timeout': { type: 'string' },
        'endpoint-budget': { type: 'string' },
        'latency-threshold-ms': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        version: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      }
    }).values
  } catch (error) {
    throw new UsageError(describeError(error))
  }
}

type Flags = ReturnType<typeof parse>

/** The artifact to download, from --artifact/--run-id/--repository and the environment's token. */
function artifactSpec(flags: Flags): ArtifactSpec | undefined {
  if (!flags.artifact && !flags['run-id'] && (!flags.repository || flags.commit)) return undefined
  if (!flags.artifact || !flags['run-id'] || !flags.repository) {
    throw new UsageError(
      '--artifact, --run-id and --repository go together: name the artifact, the workflow run that uploaded it and its repository.'
    )
  }
  const runId = Number(flags['run-id'])
  return {
    name: flags.artifact,
    runId,
    repository: flags.repository,
    token: process.env.GITHUB_TOKEN || process.env.GH_TOKEN || undefined,
    apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com'
  }
}

/** The change checks: --commit on --repository, with --since as the last go. */
function changeSpec(flags: Flags): ChangeSpec | undefined {
  if (!flags.commit) {
    if (flags.since)
      throw new UsageError('--since needs --commit (and --repository): the commits between them are checked.')
    return undefined
  }
  if (!flags.repository)
    throw new UsageError('--commit needs --repository OWNER/NAME: the repository the commit is in.')
  const since = flags.since?.trim().toLowerCase()
  if (since !== undefined && !/^[0-9a-f]{40}$/.test(since)) {
    throw new UsageError(`--since: "${flags.since}" is not a full commit sha (40 hex digits).`)
  }
  return {
    token: process.env.GITHUB_TOKEN || process.env.GH_TOKEN || '',
    apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    repository: flags.repository,
    commit: flags.commit,
    lastGo: since ? { sha: since, repository: flags.repository } : undefined,
    noRecordReason: 'no --since given (the last go to compare with)'
  }
}

/** --verify's inputs; the record comes from the preflight's JSON report. */
function verifyInput(flags: Flags): NonNullable<PreflightInput['verify']> {
  const path = flags['preflight-report']
  let record: PreflightRecord | undefined
  if (path) {
    let report: Report
    try {
      report = readJsonReport(readFileSync(path, 'utf8'))
    } catch (error) {
      throw new UsageError(
        `--preflight-report: cannot read "${path}" as a preflight JSON report (${describeError(error)}); pass the --format json output of the preflight.`
      )
    }
    record = recordOf(report)
  }
  return {
    record,
    recordProblem: record
      ? undefined
      : 'no --preflight-report given (the preflight JSON report to compare with)',
    readyTimeout: flags['ready-timeout'],
    latencyFactor: flags['latency-factor']
  }
}

function readTlsCa(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(`--tls-ca: cannot read "${path}" (${describeError(error)}).`)
  }
}

function stdoutToStderr(): () => void {
  const write = process.stdout.write
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
  return () => {
    process.stdout.write = write
  }
}

/** A path problem says all there is to say: no "run --help" after it. */
const NO_HELP = { help: false }

/** Edit distance (Levenshtein), for "did you mean": a typo is one or two edits away. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    row = next
  }
  return row[b.length]
}

function closest(name: string, candidates: readonly string[]): string | undefined {
  const scored = candidates
    .map(c => ({ c, d: distance(name.toLowerCase(), c.toLowerCase()) }))
    .filter(x => x.d <= Math.min(2, Math.max(1, Math.floor(name.length / 3))))
    .sort((a, b) => a.d - b.d)
  return scored[0]?.c
}

/** The bundle path must be something the engine can open: said before any check runs (exit 2). */
function checkBundlePath(path: string): void {
  let stat
  try {
    stat = statSync(path)
  } catch {
    const parent = dirname(resolve(path))
    const near = existsSync(parent) ? closest(basename(path), readdirSync(parent)) : undefined
    throw new UsageError(
      `--bundle: ${path} does not exist${near ? ` (did you mean ${join(dirname(path), near)}?)` : ''}; pass the deployment-artifacts .zip or the directory it was extracted to.`,
      NO_HELP
    )
  }
  if (!stat.isDirectory() && !stat.isFile()) {
    throw new UsageError(
      `--bundle: ${path} is neither a file nor a directory; pass the .zip or its directory.`,
      NO_HELP
    )
  }
  try {
    accessSync(path, constants.R_OK | (stat.isDirectory() ? constants.X_OK : 0))
  } catch {
    throw new UsageError(`--bundle: ${path} cannot be read (permission denied).`, NO_HELP)
  }
}

/** --output must be writable before the run starts: a run that cannot write its report is wasted. */
function checkOutputPath(path: string): void {
  const dir = dirname(resolve(path))
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`--output: the directory ${dirname(path)} does not exist; create it first.`, NO_HELP)
  }
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new UsageError(
      `--output: ${path} is a directory; give a file name, e.g. ${join(path, 'report.json')}.`,
      NO_HELP
    )
  }
  try {
    accessSync(existsSync(path) ? path : dir, constants.W_OK)
  } catch {
    throw new UsageError(`--output: ${path} cannot be written (permission denied).`, NO_HELP)
  }
}

type Format = 'text' | 'markdown' | 'json'

function formatOf(flags: Flags, io: CliIO): Format {
  const format = flags.format ?? (io.stdoutTTY && !flags.output ? 'text' : 'markdown')
  if (format !== 'text' && format !== 'markdown' && format !== 'json') {
    throw new UsageError(`--format: "${format}" is not supported; use text, markdown or json.`)
  }
  return format
}

/** Progress on stderr: one line in place on a terminal, one plain line per check otherwise. */
function progressHooks(flags: Flags, io: CliIO): { hooks: RunHooks; stop: () => void } {
  if (flags.quiet) return { hooks: {}, stop: () => undefined }
  if (io.stderrTTY) {
    const live = new LiveProgress({ write: text => io.stderr(text), columns: io.columns })
    return {
      hooks: { onStart: check => live.started(check.id), onResult: result => live.finished(result) },
      stop: () => live.stop()
    }
  }
  return {
    hooks: { onResult: (result: CheckResult) => io.stderr(`${progressLine(result)}\n`) },
    stop: () => undefined
  }
}

async function render(report: Report, format: Format, flags: Flags, io: CliIO): Promise<string> {
  if (format === 'json') return renderJson(report)
  if (format === 'text') {
    // A file never gets colours; stdout gets them as io.paint decides (TTY, NO_COLOR, FORCE_COLOR).
    return renderText(report, { paint: flags.output ? undefined : io.paint, width: io.columns ?? 100 })
  }
  const verification =
    flags.verify && 'verification' in report
      ? `\n${(await import('../report/verify-body.js')).renderVerification(report as VerifyReport, {})}\n`
      : ''
  return `${renderMarkdown(report)}\n${verification}`
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let stopProgress = (): void => undefined
  try {
    const flags = parse(argv)
    if (flags.help) {
      io.stdout(`${HELP}\n`)
      return EXIT.go
    }
    if (flags.version) {
      io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`)
      return EXIT.go
    }
    const format = formatOf(flags, io)
    const artifact = artifactSpec(flags)
    if (!flags.bundle && !artifact) {
      throw new UsageError(
        '--bundle is required (the deployment-artifacts .zip or its directory), or --artifact with --run-id and --repository.'
      )
    }
    if (flags.bundle) checkBundlePath(flags.bundle)
    if (flags.output) checkOutputPath(flags.output)
    // @actions/artifact logs through @actions/core, i.e. to stdout, where the report goes: send its lines
    // to stderr while the download runs.
    const restoreStdout = artifact && !flags.output && io === processIO ? stdoutToStderr() : undefined
    const input: PreflightInput = {
      bundlePath: flags.bundle,
      artifact: flags.bundle ? undefined : artifact,
      offline: flags.offline,
      namespace: flags.namespace,
      expectedFiles: flags['expected-files'],
      deployments: flags.deployments,
      configMap: flags.configmap,
      kubeconfigPath: flags.kubeconfig,
      context: flags.context,
      kubectlVersion: flags['kubectl-version'],
      eventsWindow: flags['events-window'],
      capacityThreshold: flags['capacity-threshold'],
      artifactsDir: flags['artifacts-dir'],
      healthUrl: flags['health-url'],
      healthToken: process.env.VAPORA_HEALTH_TOKEN || undefined,
      apiUrls: flags['api-urls'],
      tlsEndpoint: flags['tls-endpoint'],
      tlsCa: flags['tls-ca'] ? readTlsCa(flags['tls-ca']) : undefined,
      certMinDays: flags['cert-min-days'],
      probeCount: flags['probe-count'],
      probeTimeout: flags['probe-timeout'],
      endpointBudget: flags['endpoint-budget'],
      latencyThresholdMs: flags['latency-threshold-ms'],
      changes: flags.verify ? undefined : changeSpec(flags)
    }
    const verify = flags.verify ? verifyInput(flags) : undefined
    const progress = progressHooks(flags, io)
    stopProgress = progress.stop
    const report = await (
      verify
        ? (await import('../preflight.js')).runVerify({ ...input, verify }, progress.hooks)
        : runPreflight(input, progress.hooks)
    ).finally(() => {
      progress.stop()
      restoreStdout?.()
    })
    const rendered = await render(report, format, flags, io)
    if (flags.output) writeFileSync(flags.output, rendered)
    else io.stdout(rendered)
    // The text report ends with the verdict; any other output gets it on stderr, for the person watching.
    if (!flags.quiet && (format !== 'text' || flags.output)) {
      const scope = report.scope === 'bundle-only' ? ' (bundle only: offline run)' : ''
      const cause = report.reasons[0]
      const why = cause ? ` — ${cause.check ? `${cause.check}: ` : ''}${cause.message}` : ''
      io.stderr(`decision: ${report.decision}${scope}${why.length > 200 ? `${why.slice(0, 199)}…` : why}\n`)
    }
    return report.decision === 'go' ? EXIT.go : EXIT.noGo
  } catch (error) {
    stopProgress()
    if (error instanceof UsageError) {
      io.stderr(`${TOOL_NAME}: ${error.message}\n${error.help ? `Run ${TOOL_NAME} --help for usage.\n` : ''}`)
    } else {
      io.stderr(`${TOOL_NAME}: internal error: ${describeError(error)}\n`)
    }
    return EXIT.error
  }
}

/**
 * The typed options of a preflight run and the one place they are validated. The action (inputs.ts),
 * the CLI (cli.ts) and library callers all build a `PreflightInput` and call `resolveOptions`.
 */
import { tmpdir } from 'node:os'
import { isAbsolute } from 'node:path'
import { UsageError } from './errors.js'
import { DEFAULT_BUNDLE_LIMITS, type BundleLimits } from '../bundle/limits.js'
import { OPTIONS, type OptionKey } from './option-table.js'
import { parsePatternList, splitList } from './list-syntax.js'
import { parseDuration } from './duration.js'
import { loadPolicy, type Policy } from './policy-file.js'
import type { PreflightRecord } from './types.js'
import { checklistItems } from '../checklist/model.js'
import { ARTIFACT_DOWNLOAD, BUNDLE_UNPACK, DECISION, SLACK_WEBHOOK, TRACKING_ISSUE } from './results.js'

/** Which kubeconfig to use: content given as an input, a file, or the defaults (KUBECONFIG, ~/.kube/config, in-cluster). */
export type KubeconfigSource =
  { kind: 'content'; content: string } | { kind: 'path'; path: string } | { kind: 'default' }

/** The GitHub Actions artifact to download the bundle from. */
export interface ArtifactSpec {
  name: string
  /** The workflow run that uploaded it; undefined = this run (through the Actions runtime). */
  runId?: number
  /** owner/name; undefined = this repository. */
  repository?: string
  /** Needs `actions: read` on `repository` for another run. */
  token?: string
  /** The run's context: REST base URL, web URL, this repository and run. */
  apiUrl: string
  serverUrl: string
  currentRepository?: string
  currentRunId?: number
}

/** A validated, complete set of options. */
export interface PreflightOptions {
  /**
   * A deployment-artifacts .zip or a directory holding its files; empty when `artifact` is set (the
   * downloaded zip is used then).
   */
  bundlePath: string
  /** Download the bundle from a GitHub Actions artifact instead of reading `bundlePath`. */
  artifact?: ArtifactSpec
  /** File names the bundle must contain (relative to its root). */
  expectedFiles: string[]
  /** The namespace the bundle deploys to; namespaced manifests must agree with it. */
  namespace: string
  /** Deployments that `deployment.yaml` must hold (and, later, that the cluster checks inspect). */
  deployments: string[]
  /** The ConfigMap that `configmap.yaml` must hold (and, later, that is backed up). */
  configMap: string
  /**
   * Declares cluster and network checks out of scope: they are reported as skipped, do not block, and the
   * report says the decision covers the bundle only.
   */
  offline: boolean
  limits: BundleLimits
  /** Where zips are extracted (a fresh sub-directory per run). */
  workDir: string
  /** Which kubeconfig to use; `default` = KUBECONFIG, ~/.kube/config or in-cluster. */
  kubeconfig: KubeconfigSource
  /** Context to switch to (default: the kubeconfig's current context). */
  context?: string
  /** The kubectl version the deploy job will use (e.g. `v1.35.2`); undefined → detect `kubectl` on PATH. */
  kubectlVersion?: string
  /** How far back Warning events count. */
  eventsWindowMs: number
  /** Percent of allocatable CPU or memory above which a node counts as near capacity. */
  capacityThreshold: number
  /** Where the rollback kit (ConfigMap backup) is written; undefined → a fresh temp dir. */
  artifactsDir?: string
  /** Per-request timeout for API calls. */
  requestTimeoutMs: number
  /** How long a kubeconfig exec credential plugin may take to print a credential (each run). */
  execTimeoutMs: number
  /** How long the artifact download may take in all. */
  downloadTimeoutMs: number
  /** The health endpoint, probed `probeCount` times (expects 200). */
  healthUrl?: URL
  /** Sent as a bearer token to the health and API endpoints; a secret. */
  healthToken?: string
  /** API endpoints that must answer 200 (relative ones resolved against `healthUrl`). */
  apiUrls: URL[]
  /** The TLS endpoint whose certificate is checked. */
  tlsEndpoint?: { host: string; port: number }
  /** Extra CA certificates (PEM) to trust for the TLS check, e.g. a private CA. */
  tlsCa?: string
  certMinDays: number
  probeCount: number
  /** Per probe: connect, status line, headers and the whole body within it, or the probe failed. */
  probeTimeoutMs: number
  /** Per endpoint: all its `probeCount` probes within it; probes left when it is spent are not sent (failed). */
  endpointBudgetMs: number
  /** A p95 above this blocks; undefined: latency is measured, not judged. */
  latencyThresholdMs?: number
  /** The team's policy file, when one was given. */
  policy?: Policy
  /** The environment deployed to (policy rules can be limited to some). */
  environment: string
  /** Where the change checks look (the deployed commit's repository); undefined: they do not apply. */
  changes?: ChangeSpec
  /** Set in verify mode (after the deploy). */
  verify?: VerifyOptions
}

export interface VerifyOptions {
  /** What the preflight recorded in the tracking issue (baseline, revisions, undo commands). */
  record?: PreflightRecord
  /** Why there is no record, for the checks that need it. */
  recordProblem?: string
  readyTimeoutMs: number
  /** p99 after the deploy may be this many times the baseline's. */
  latencyFactor: number
  /** Warning events from then on count; also the deploy's start time in the record. */
  deployStartedAt?: Date
}

/**
 * The change checks' inputs. The commit checked is `commit` when given, else the head commit of the run
 * that built a bundle downloaded from another run (that is the code deployed), else `runCommit`.
 */
export interface ChangeSpec {
  /** Needs `contents: read` and `pull-requests: read` on `repository`. A secret. */
  token: string
  apiUrl: string
  /** owner/name of the deployed code; a bundle downloaded from another repository's run wins. */
  repository: string
  /** The commit deployed, as the user named it (a full sha). */
  commit?: string
  /** The workflow's own commit (GITHUB_SHA). */
  runCommit?: string
  /** The workflow's ref (GITHUB_REF): `refs/tags/v1.2.0` shows a tag deploy without listing tags. */
  ref?: string
  /** The commit of the last run that reached go (read from the tracking issue), if any. */
  lastGo?: LastGo
  /** Why the last go could not be read; the history check reports it rather than assume there is none. */
  lastGoProblem?: string
  /** Why there is no record at all (e.g. tracking-issue: false), for the not-applicable message. */
  noRecordReason?: string
}

export interface LastGo {
  sha: string
  repository: string
  /** When that run finished (ISO). */
  at?: string
  runUrl?: string
}

/** What a caller may pass: `bundlePath` or `artifact` is required; lists may be arrays or list strings. */
export interface PreflightInput {
  bundlePath?: string
  artifact?: ArtifactSpec
  expectedFiles?: string[] | string
  namespace?: string
  deployments?: string[] | string
  configMap?: string
  offline?: boolean
  limits?: Partial<BundleLimits>
  workDir?: string
  /** Kubeconfig content (raw YAML or base64). Takes precedence over `kubeconfigPath`. */
  kubeconfig?: string
  kubeconfigPath?: string
  context?: string
  kubectlVersion?: string
  /** e.g. `1h`, `30m`, `90s`. */
  eventsWindow?: string
  /** e.g. `85%` or 85. */
  capacityThreshold?: string | number
  artifactsDir?: string
  requestTimeoutMs?: number
  /** How long a kubeconfig exec credential plugin may take (default 30 s). */
  execTimeoutMs?: number
  /** Default 5 minutes. */
  downloadTimeoutMs?: number
  healthUrl?: string
  healthToken?: string
  /** Newline or comma list; relative paths resolve against `healthUrl`. */
  apiUrls?: string[] | string
  /** `host` or `host:port` (default port 443). */
  tlsEndpoint?: string
  /** PEM certificates trusted in addition to Node's roots for the TLS check. */
  tlsCa?: string
  certMinDays?: number | string
  probeCount?: number | string
  /** Per probe, e.g. `10s` (default) or `1500ms`. */
  probeTimeout?: string
  /** Per endpoint, all its probes together, e.g. `30s` (default) or `2m`. */
  endpointBudget?: string
  latencyThresholdMs?: number | string
  /** Path of a policy file (YAML); its thresholds take precedence over the options above. */
  policy?: string
  /** Default `staging`. */
  environment?: string
  changes?: ChangeSpec
  verify?: {
    record?: PreflightRecord
    recordProblem?: string
    /** e.g. `5m` (default). */
    readyTimeout?: string
    /** Default 2. */
    latencyFactor?: number | string
    /** ISO time; default: the preflight's end, from its record. */
    deployStartedAt?: string
  }
}

/** The `PreflightInput` fields that options fill as they are, as the string the adapter read. */
type PlainField = Extract<(typeof OPTIONS)[OptionKey], { field: string }>['field']

/** The plain part of `PreflightInput`; compiles only while every `field` of the table names one of its own. */
export type PlainInput = Pick<PreflightInput, PlainField>

/** The `PreflightInput` field an option fills as it is, if any. */
export function fieldOf(key: OptionKey): PlainField | undefined {
  const spec = OPTIONS[key]
  return 'field' in spec ? spec.field : undefined
}

// Kubernetes name rules (k8s.io/apimachinery validation): namespaces are DNS-1123 labels,
// Deployments and ConfigMaps DNS-1123 subdomains.
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

function checkName(option: string, value: string, rule: 'label' | 'subdomain'): string {
  const max = rule === 'label' ? 63 : 253
  const pattern = rule === 'label' ? DNS1123_LABEL : DNS1123_SUBDOMAIN
  if (!pattern.test(value) || value.length > max) {
    throw new UsageError(
      `${option}: "${value}" is not a valid Kubernetes name (lower-case letters, digits and '-'${rule === 'subdomain' ? " or '.'" : ''}, at most ${max} characters, starting and ending with a letter or digit).`
    )
  }
  return value
}

function asList(
  value: string[] | string | undefined,
  fallback: readonly string[],
  expand: boolean
): string[] {
  if (value === undefined) return [...fallback]
  const raw = Array.isArray(value) ? value.join('\n') : value
  const items = expand ? parsePatternList(raw) : [...new Set(splitList(raw))]
  return items.length > 0 ? items : [...fallback]
}

function checkRelativePath(option: string, file: string): string {
  if (isAbsolute(file) || /^[A-Za-z]:/.test(file) || file.split(/[/\\]/).includes('..')) {
    throw new UsageError(`${option}: "${file}" must be a path relative to the bundle root, without "..".`)
  }
  if (/[{}]/.test(file)) {
    throw new UsageError(
      `${option}: "${file}" has an unbalanced brace; write e.g. vapora-{solo,enterprise}.toml.`
    )
  }
  return file.replace(/\\/g, '/').replace(/^\.\//, '')
}

function checkLimits(limits: Partial<BundleLimits> | undefined): BundleLimits {
  const merged = { ...DEFAULT_BUNDLE_LIMITS, ...limits }
  for (const [key, value] of Object.entries(merged)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new UsageError(`limits.${key}: must be a positive number (got ${String(value)}).`)
    }
  }
  return merged
}

function checkArtifact(spec: ArtifactSpec): ArtifactSpec {
  const name = spec.name?.trim()
  if (!name || /[\\/":<>|*?\r\n]/.test(name)) {
    throw new UsageError(
      `artifact-name: "${spec.name ?? ''}" is not an artifact name; use the name given to actions/upload-artifact, e.g. deployment-artifacts.`
    )
  }
  if (spec.runId !== undefined && (!Number.isSafeInteger(spec.runId) || spec.runId <= 0)) {
    throw new UsageError(
      `run-id: "${spec.runId}" is not a workflow run id; use the number in the run URL (…/actions/runs/<run-id>).`
    )
  }
  if (spec.repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(spec.repository)) {
    throw new UsageError(`repository: "${spec.repository}" is not owner/name, e.g. vapora/app.`)
  }
  return { ...spec, name }
}

function httpUrl(option: string, raw: string, base?: URL): URL {
  let url: URL
  try {
    url = new URL(raw, base)
  } catch {
    throw new UsageError(
      `${option}: "${raw}" is not a URL${base ? '' : ' (a relative path needs health-url to resolve against)'}; write e.g. http://vapora-backend.vapora:8001/health.`
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${option}: "${raw}" must be an http:// or https:// URL.`)
  }
  if (url.username || url.password) {
    throw new UsageError(`${option}: put credentials in health-token, not in the URL (they would be logged).`)
  }
  return url
}

function positiveNumber(
  option: string,
  raw: number | string | undefined,
  fallback: number | undefined,
  example: string
): number | undefined {
  if (raw === undefined || String(raw).trim() === '') return fallback
  const value = Number(String(raw).trim())
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${option}: "${raw}" must be a positive number, e.g. ${example}.`)
  return value
}

// `probe-timeout` defaults to the kubelet's `timeoutSeconds`; `endpoint-budget` bounds a hung endpoint's
// cost (not `probe-count` × `probe-timeout`).
const DEFAULT_PROBE_TIMEOUT = OPTIONS.probeTimeout.default
const DEFAULT_ENDPOINT_BUDGET = OPTIONS.endpointBudget.default
const MAX_PROBE_TIMEOUT = { ms: 120_000, text: '2m' }
const MAX_ENDPOINT_BUDGET = { ms: 3_600_000, text: '1h' }

/** A positive duration up to `max`; `from` says where a value set in the policy file came from. */
function boundedDuration(
  option: string,
  raw: string | undefined,
  fallback: string,
  max: { ms: number; text: string },
  from: string,
  examples: string
): number {
  const ms = parseDuration(raw?.trim() || fallback)
  if (ms === undefined || ms <= 0 || ms > max.ms) {
    throw new UsageError(
      `${option}: "${raw}"${from} is not a positive duration up to ${max.text}; write e.g. ${examples}.`
    )
  }
  return ms
}

/** The probe bounds: each probe within `probe-timeout`, each endpoint's probes within `endpoint-budget`. */
function probeBounds(input: PreflightInput, policy: Policy | undefined) {
  const from = (set: string | undefined): string => (set === undefined ? '' : ` (policy ${policy!.path})`)
  const timeoutFrom = from(policy?.thresholds.probeTimeout)
  const budgetFrom = from(policy?.thresholds.endpointBudget)
  const probeTimeoutMs = boundedDuration(
    'probe-timeout',
    input.probeTimeout,
    DEFAULT_PROBE_TIMEOUT,
    MAX_PROBE_TIMEOUT,
    timeoutFrom,
    '10s or 1500ms'
  )
  const endpointBudgetMs = boundedDuration(
    'endpoint-budget',
    input.endpointBudget,
    DEFAULT_ENDPOINT_BUDGET,
    MAX_ENDPOINT_BUDGET,
    budgetFrom,
    '30s or 2m'
  )
  if (probeTimeoutMs > endpointBudgetMs) {
    const timeout = input.probeTimeout?.trim() || DEFAULT_PROBE_TIMEOUT
    const budget = input.endpointBudget?.trim() || DEFAULT_ENDPOINT_BUDGET
    throw new UsageError(
      `probe-timeout: ${timeout}${timeoutFrom} is longer than endpoint-budget ${budget}${budgetFrom}, which all the probes of an endpoint share. Lower probe-timeout to at most ${budget}, or raise endpoint-budget to at least ${timeout}.`
    )
  }
  return { probeTimeoutMs, endpointBudgetMs }
}

function endpointOptions(input: PreflightInput, policy: Policy | undefined) {
  const healthUrl = input.healthUrl?.trim() ? httpUrl('health-url', input.healthUrl.trim()) : undefined
  const apiUrls = asList(input.apiUrls, [], false).map(raw => httpUrl('api-urls', raw, healthUrl))
  const probeCount = positiveNumber('probe-count', input.probeCount, Number(OPTIONS.probeCount.default), '5')!
  if (!Number.isInteger(probeCount) || probeCount > 100)
    throw new UsageError(`probe-count: "${input.probeCount}" must be a whole number from 1 to 100.`)
  return {
    healthUrl,
    healthToken: input.healthToken?.trim() || undefined,
    apiUrls,
    tlsEndpoint: tlsEndpoint(input.tlsEndpoint),
    tlsCa: tlsCa(input.tlsCa),
    certMinDays: positiveNumber(
      'cert-min-days',
      input.certMinDays,
      Number(OPTIONS.certMinDays.default),
      '14'
    )!,
    probeCount,
    ...probeBounds(input, policy),
    latencyThresholdMs: positiveNumber('latency-threshold-ms', input.latencyThresholdMs, undefined, '500')
  }
}

function tlsCa(raw: string | undefined): string | undefined {
  if (!raw?.trim()) return undefined
  if (!raw.includes('-----BEGIN CERTIFICATE-----')) {
    throw new UsageError(
      'tls-ca: not a PEM certificate; pass the CA certificate itself (-----BEGIN CERTIFICATE----- …).'
    )
  }
  return raw.trim()
}

function tlsEndpoint(raw: string | undefined): { host: string; port: number } | undefined {
  const text = raw
    ?.trim()
    .replace(/^https:\/\//, '')
    .replace(/\/.*$/, '')
  if (!text) return undefined
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(text)
  const port = Number(match?.[2] ?? 443)
  if (!match || port < 1 || port > 65535) {
    throw new UsageError(`tls-endpoint: "${raw}" is not host:port; write e.g. vapora.example.com:443.`)
  }
  return { host: match[1].replace(/^\[|\]$/g, ''), port }
}

function verifyOptions(input: PreflightInput['verify']): VerifyOptions | undefined {
  if (!input) return undefined
  const readyTimeoutMs = parseDuration(input.readyTimeout?.trim() || OPTIONS.readyTimeout.default)
  if (readyTimeoutMs === undefined || readyTimeoutMs <= 0 || readyTimeoutMs > 3_600_000) {
    throw new UsageError(
      `ready-timeout: "${input.readyTimeout}" is not a duration up to 1h; write e.g. 5m or 90s.`
    )
  }
  const latencyFactor = positiveNumber(
    'latency-factor',
    input.latencyFactor,
    Number(OPTIONS.latencyFactor.default),
    '2'
  )!
  let deployStartedAt: Date | undefined
  if (input.deployStartedAt?.trim()) {
    deployStartedAt = new Date(input.deployStartedAt.trim())
    if (Number.isNaN(deployStartedAt.getTime())) {
      throw new UsageError(
        `deploy-started-at: "${input.deployStartedAt}" is not a time; write ISO 8601, e.g. 2026-11-28T14:05:00Z.`
      )
    }
  } else if (input.record) {
    deployStartedAt = new Date(input.record.finishedAt)
  }
  return {
    record: input.record,
    recordProblem: input.recordProblem,
    readyTimeoutMs,
    latencyFactor,
    deployStartedAt
  }
}

const FULL_SHA = /^[0-9a-f]{40}$/

function checkChanges(spec: ChangeSpec | undefined): ChangeSpec | undefined {
  if (!spec) return undefined
  if (!/^[\w.-]+\/[\w.-]+$/.test(spec.repository)) {
    throw new UsageError(`repository: "${spec.repository}" is not owner/name, e.g. vapora/app.`)
  }
  const commit = spec.commit?.trim().toLowerCase() || undefined
  if (commit && !FULL_SHA.test(commit)) {
    throw new UsageError(
      `commit: "${spec.commit}" is not a full commit sha (40 hex digits); pass e.g. \${{ github.sha }} or the output of git rev-parse HEAD.`
    )
  }
  const runCommit = spec.runCommit && FULL_SHA.test(spec.runCommit) ? spec.runCommit : undefined
  return { ...spec, commit, runCommit }
}

/** What the steps after the checks do (tracking issue, manual gate, rollback kit, Slack, sign-off). */
export interface StepSettings {
  /** Empty only when nothing needs it (a bundle-path run with the tracking issue and the upload off). */
  token?: string
  trackingIssue: boolean
  environment: string
  issueLabels: string[]
  issueNumber?: number
  /** Identifies the tracking issue (hidden marker); defaults to the environment. */
  issueKey: string
  uploadRollbackKit: boolean
  /** No-go until people ticked every required manual item of the tracking issue. */
  requireManual: boolean
  /** A Slack incoming webhook (a secret) that receives the decision. */
  slackWebhookUrl?: string
  /** Verify mode: close the tracking issue when the deploy is verified. */
  closeOnSuccess: boolean
}

/** The steps' settings as an adapter read them: switches as booleans, the rest as the text given. */
export interface StepInput {
  token?: string
  trackingIssue?: boolean
  environment?: string
  issueLabels?: string
  issueNumber?: string
  issueKey?: string
  uploadRollbackKit?: boolean
  requireManual?: boolean
  slackWebhookUrl?: string
  closeOnSuccess?: boolean
}

// The key lives in an HTML comment and in label filters: no '>' (would end the comment), no newline.
const ISSUE_KEY = /^[A-Za-z0-9][A-Za-z0-9 ._/:@-]{0,99}$/

function checkEnvironment(raw: string | undefined): string {
  const environment = raw?.trim() || OPTIONS.environment.default
  if (/[\r\n]/.test(environment) || environment.length > 255) {
    throw new UsageError(`${OPTIONS.environment.name}: must be one line of at most 255 characters.`)
  }
  return environment
}

function slackWebhook(raw: string | undefined): string | undefined {
  if (!raw?.trim()) return undefined
  let url: URL | undefined
  try {
    url = new URL(raw.trim())
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    // The value is a secret: say what is wrong without repeating it.
    throw new UsageError(
      `${OPTIONS.slackWebhookUrl.name}: not a URL; pass the incoming webhook, e.g. https://hooks.slack.com/services/….`
    )
  }
  return raw.trim()
}

function issueNumber(raw: string | undefined): number | undefined {
  if (!raw?.trim()) return undefined
  const value = Number(raw.trim().replace(/^#/, ''))
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new UsageError(
      `${OPTIONS.issueNumber.name}: "${raw}" is not a positive whole number; give the number of an open issue, e.g. 42.`
    )
  }
  return value
}

/** Validates and completes the steps' settings. Throws `UsageError` with a message that says how to fix it. */
export function resolveStepSettings(input: StepInput): StepSettings {
  const environment = checkEnvironment(input.environment)
  const issueKey = input.issueKey?.trim() || environment
  if (!ISSUE_KEY.test(issueKey)) {
    throw new UsageError(
      `${OPTIONS.issueKey.name}: "${issueKey}" cannot identify an issue (it defaults to the environment). Use letters, digits, spaces and . _ / : @ - (at most 100 characters), e.g. staging or prod-eu.`
    )
  }
  const issueLabels = splitList(input.issueLabels?.trim() || OPTIONS.issueLabels.default)
  for (const label of issueLabels) {
    if (label.length > 50)
      throw new UsageError(`${OPTIONS.issueLabels.name}: "${label}" is longer than GitHub's 50 characters.`)
  }
  if (issueLabels.length === 0) {
    throw new UsageError(
      `${OPTIONS.issueLabels.name}: empty. The tracking issue is found by its labels; give at least one, e.g. ${OPTIONS.issueLabels.default}.`
    )
  }
  return {
    token: input.token?.trim() || undefined,
    trackingIssue: input.trackingIssue ?? false,
    environment,
    issueLabels,
    issueNumber: issueNumber(input.issueNumber),
    issueKey,
    uploadRollbackKit: input.uploadRollbackKit ?? false,
    requireManual: input.requireManual ?? false,
    slackWebhookUrl: slackWebhook(input.slackWebhookUrl),
    closeOnSuccess: input.closeOnSuccess ?? false
  }
}

/** Results of the preflight's items that a policy may not change (see below). */
const NOT_POLICY_MATTERS: ReadonlySet<string> = new Set(
  [BUNDLE_UNPACK, ARTIFACT_DOWNLOAD, TRACKING_ISSUE, SLACK_WEBHOOK, DECISION].map(r => r.id)
)

/**
 * Ids a policy may name: the checks the preflight's items name (a test holds them to the registry), and
 * `baseline` (the engine records it after them; only `off` changes it, since it never fails). The bundle download and unpack, the tracking issue and the kit upload are not
 * policy matters: without a bundle nothing is verified, and the GitHub steps have their own inputs.
 */
export const POLICY_IDS: readonly string[] = [
  ...new Set(
    checklistItems()
      .filter(item => item.phase === 'preflight')
      .flatMap(item => item.checks ?? [])
      .filter(id => !NOT_POLICY_MATTERS.has(id))
  )
].sort()

/** Validates and completes `input`. Throws `UsageError` with a message that says how to fix it. */
export function resolveOptions(given: PreflightInput): PreflightOptions {
  const policy = given.policy?.trim()
    ? loadPolicy(
        given.policy.trim(),
        POLICY_IDS,
        checklistItems().map(item => item.id)
      )
    : undefined
  const thresholds = Object.fromEntries(
    Object.entries(policy?.thresholds ?? {}).filter(([, value]) => value !== undefined)
  )
  const input: PreflightInput = { ...given, ...thresholds }
  const bundlePath = typeof input.bundlePath === 'string' ? input.bundlePath.trim() : ''
  if (bundlePath === '' && !input.artifact) {
    throw new UsageError(
      'bundle: no bundle given. Pass the path of the deployment-artifacts .zip or of a directory holding its files, or the artifact to download.'
    )
  }
  const artifact = bundlePath === '' ? checkArtifact(input.artifact!) : undefined
  const namespace = checkName(
    'namespace',
    (input.namespace ?? '').trim() || OPTIONS.namespace.default,
    'label'
  )
  const deployments = asList(input.deployments, splitList(OPTIONS.deployments.default), false).map(name =>
    checkName('deployments', name, 'subdomain')
  )
  const configMap = checkName(
    'configmap',
    (input.configMap ?? '').trim() || OPTIONS.configMap.default,
    'subdomain'
  )
  const expectedFiles = asList(
    input.expectedFiles,
    parsePatternList(OPTIONS.expectedFiles.default),
    true
  ).map(file => checkRelativePath('expected-files', file))
  const eventsWindowMs = parseDuration(input.eventsWindow?.trim() || OPTIONS.eventsWindow.default)
  if (eventsWindowMs === undefined || eventsWindowMs <= 0) {
    throw new UsageError(
      `events-window: "${input.eventsWindow}" is not a duration; write e.g. 1h, 30m or 90s.`
    )
  }
  const threshold = Number(
    String(input.capacityThreshold ?? OPTIONS.capacityThreshold.default)
      .trim()
      .replace(/%$/, '')
  )
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 100) {
    throw new UsageError(
      `capacity-threshold: "${input.capacityThreshold}" must be a percentage between 1 and 100, e.g. 85%.`
    )
  }
  const kubectlVersion = input.kubectlVersion?.trim() || undefined
  if (kubectlVersion && !/^v?\d+\.\d+(\.\d+)?([-+].*)?$/.test(kubectlVersion)) {
    throw new UsageError(`kubectl-version: "${kubectlVersion}" is not a version; write e.g. v1.35.2.`)
  }
  const kubeconfig: KubeconfigSource = input.kubeconfig?.trim()
    ? { kind: 'content', content: input.kubeconfig }
    : input.kubeconfigPath?.trim()
      ? { kind: 'path', path: input.kubeconfigPath.trim() }
      : { kind: 'default' }
  const timeout = input.requestTimeoutMs ?? 10_000
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new UsageError('requestTimeoutMs: must be a positive number.')
  const execTimeout = input.execTimeoutMs ?? 30_000
  if (!Number.isFinite(execTimeout) || execTimeout <= 0)
    throw new UsageError('execTimeoutMs: must be a positive number of milliseconds, e.g. 30000.')
  return {
    kubeconfig,
    context: input.context?.trim() || undefined,
    kubectlVersion,
    eventsWindowMs,
    capacityThreshold: threshold,
    artifactsDir: input.artifactsDir?.trim() || undefined,
    requestTimeoutMs: timeout,
    execTimeoutMs: execTimeout,
    downloadTimeoutMs: input.downloadTimeoutMs ?? 300_000,
    ...endpointOptions(input, policy),
    policy,
    environment: checkEnvironment(input.environment),
    changes: checkChanges(input.changes),
    verify: verifyOptions(input.verify),
    bundlePath,
    artifact,
    expectedFiles,
    namespace,
    deployments,
    configMap,
    offline: input.offline ?? false,
    limits: checkLimits(input.limits),
    workDir: input.workDir ?? tmpdir()
  }
}

/**
 * The one place that reads action inputs. It turns raw strings into a `PreflightInput`; validation
 * proper happens in `resolveOptions`, shared with the CLI and library.
 */
import { UsageError } from '../core/errors.js'
import { INPUT } from './names.js'
import type { ChangeSpec, PreflightInput } from '../core/options.js'
import type { RunContext } from '../github/context.js'
import { splitList } from '../core/list-syntax.js'

/** Reads one input as the runner passes it (`core.getInput` semantics: '' when unset). */
export type InputReader = (name: string) => string

const TRUE = new Set(['true', 'True', 'TRUE'])
const FALSE = new Set(['false', 'False', 'FALSE', ''])

function booleanInput(read: InputReader, name: string): boolean {
  const raw = read(name).trim()
  if (TRUE.has(raw)) return true
  if (FALSE.has(raw)) return false
  throw new UsageError(`${name}: "${raw}" is not a boolean. Use true or false.`)
}

function optional(read: InputReader, name: string): string | undefined {
  const raw = read(name).trim()
  return raw === '' ? undefined : raw
}

/** What the action does on GitHub besides the preflight itself. */
export interface GitHubInputs {
  /** Empty only when nothing needs it (a bundle-path run with tracking-issue and upload off). */
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
}

export interface ActionInputs {
  preflight: PreflightInput
  github: GitHubInputs
  /** `preflight` (before the deploy) or `verify` (after it). */
  mode: 'preflight' | 'verify'
  /** Verify mode only. */
  verify: { readyTimeout?: string; latencyFactor?: string; deployStartedAt?: string; closeOnSuccess: boolean }
}

// The key lives in an HTML comment and in label filters: no '>' (would end the comment), no newline.
const ISSUE_KEY = /^[A-Za-z0-9][A-Za-z0-9 ._/:@-]{0,99}$/

function positiveInteger(read: InputReader, name: string, example: string): number | undefined {
  const raw = optional(read, name)
  if (raw === undefined) return undefined
  const value = Number(raw.replace(/^#/, ''))
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new UsageError(`${name}: "${raw}" is not a positive whole number; ${example}.`)
  }
  return value
}

function slackWebhook(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  let url: URL | undefined
  try {
    url = new URL(raw)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    // The value is a secret: say what is wrong without repeating it.
    throw new UsageError(
      `${INPUT.slackWebhookUrl}: not a URL; pass the incoming webhook, e.g. https://hooks.slack.com/services/….`
    )
  }
  return raw
}

function readGitHubInputs(read: InputReader): GitHubInputs {
  const environment = optional(read, INPUT.environment) ?? 'staging'
  if (/[\r\n]/.test(environment) || environment.length > 255) {
    throw new UsageError(`${INPUT.environment}: must be one line of at most 255 characters.`)
  }
  const issueKey = optional(read, INPUT.issueKey) ?? environment
  if (!ISSUE_KEY.test(issueKey)) {
    throw new UsageError(
      `${INPUT.issueKey}: "${issueKey}" cannot identify an issue (it defaults to the environment). Use letters, digits, spaces and . _ / : @ - (at most 100 characters), e.g. staging or prod-eu.`
    )
  }
  const issueLabels = splitList(optional(read, INPUT.issueLabels) ?? 'deployment,preflight')
  for (const label of issueLabels) {
    if (label.length > 50)
      throw new UsageError(`${INPUT.issueLabels}: "${label}" is longer than GitHub's 50 characters.`)
  }
  if (issueLabels.length === 0) {
    throw new UsageError(
      `${INPUT.issueLabels}: empty. The tracking issue is found by its labels; give at least one, e.g. deployment,preflight.`
    )
  }
  return {
    token: optional(read, INPUT.githubToken),
    trackingIssue: booleanInput(read, INPUT.trackingIssue),
    environment,
    issueLabels,
    issueNumber: positiveInteger(read, INPUT.issueNumber, 'give the number of an open issue, e.g. 42'),
    issueKey,
    uploadRollbackKit: booleanInput(read, INPUT.uploadRollbackKit),
    requireManual: booleanInput(read, INPUT.requireManual),
    slackWebhookUrl: slackWebhook(optional(read, INPUT.slackWebhookUrl))
  }
}

/**
 * The change checks' inputs, when they apply: on by default in a GitHub job with a token. The last go is
 * filled in later, from the tracking issue (see main.ts).
 */
function changeSpec(
  read: InputReader,
  github: GitHubInputs,
  context: RunContext | undefined,
  bundleRepository: string | undefined
): ChangeSpec | undefined {
  const commit = optional(read, INPUT.commit)
  if (!booleanInput(read, INPUT.checkChanges) || !context?.repository) return undefined
  return {
    // Empty: the change checks report it (fail closed) rather than the whole run refusing to start.
    token: github.token ?? '',
    apiUrl: context.apiUrl,
    repository: bundleRepository ?? context.repository,
    commit,
    runCommit: context.sha,
    ref: context.ref,
    noRecordReason: github.trackingIssue
      ? undefined
      : `${INPUT.trackingIssue} is false, so no go is recorded to compare with`
  }
}

/**
 * Reads and validates every input. `context` supplies what the runner knows (this repository, this
 * run, the API URL); the bundle comes from `bundle-path` when set, else from the artifact.
 */
export function readActionInputs(read: InputReader, context?: RunContext): ActionInputs {
  const bundlePath = optional(read, INPUT.bundlePath)
  const github = readGitHubInputs(read)
  const runId = positiveInteger(
    read,
    INPUT.runId,
    'use the number in the run URL (…/actions/runs/<run-id>), or leave it empty for this run'
  )
  const repository = optional(read, INPUT.repository)
  if (repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw new UsageError(`${INPUT.repository}: "${repository}" is not owner/name, e.g. vapora/app.`)
  }
  const artifactName = optional(read, INPUT.artifactName) ?? 'deployment-artifacts'
  const otherRepository = repository !== undefined && repository !== context?.repository
  if (!bundlePath && otherRepository && runId === undefined) {
    throw new UsageError(
      `${INPUT.runId}: empty, but ${INPUT.repository} is ${repository}. Downloading from another repository needs the run that built the bundle there.`
    )
  }
  const mode = (optional(read, INPUT.mode) ?? 'preflight').toLowerCase()
  if (mode !== 'preflight' && mode !== 'verify') {
    throw new UsageError(
      `${INPUT.mode}: "${mode}" is not a mode; use preflight (before the deploy) or verify (after it).`
    )
  }
  return {
    github,
    mode,
    verify: {
      readyTimeout: optional(read, INPUT.readyTimeout),
      latencyFactor: optional(read, INPUT.latencyFactor),
      deployStartedAt: optional(read, INPUT.deployStartedAt),
      closeOnSuccess: booleanInput(read, INPUT.closeOnSuccess)
    },
    preflight: {
      bundlePath,
      artifact: bundlePath
        ? undefined
        : {
            name: artifactName,
            runId,
            repository,
            token: github.token,
            apiUrl: context?.apiUrl ?? 'https://api.github.com',
            serverUrl: context?.serverUrl ?? 'https://github.com',
            currentRepository: context?.repository,
            currentRunId: context?.runId
          },
      expectedFiles: optional(read, INPUT.expectedFiles),
      namespace: optional(read, INPUT.namespace),
      deployments: optional(read, INPUT.deployments),
      configMap: optional(read, INPUT.configMap),
      offline: booleanInput(read, INPUT.offline),
      kubeconfig: optional(read, INPUT.kubeconfig),
      context: optional(read, INPUT.context),
      kubectlVersion: optional(read, INPUT.kubectlVersion),
      eventsWindow: optional(read, INPUT.eventsWindow),
      capacityThreshold: optional(read, INPUT.capacityThreshold),
      healthUrl: optional(read, INPUT.healthUrl),
      healthToken: optional(read, INPUT.healthToken),
      apiUrls: optional(read, INPUT.apiUrls),
      tlsEndpoint: optional(read, INPUT.tlsEndpoint),
      tlsCa: optional(read, INPUT.tlsCa),
      certMinDays: optional(read, INPUT.certMinDays),
      probeCount: optional(read, INPUT.probeCount),
      probeTimeout: optional(read, INPUT.probeTimeout),
      endpointBudget: optional(read, INPUT.endpointBudget),
      latencyThresholdMs: optional(read, INPUT.latencyThresholdMs),
      policy: optional(read, INPUT.policy),
      environment: github.environment,
      // The repository input names where the bundle is downloaded from: only then is its code what is deployed.
      changes: changeSpec(read, github, context, bundlePath ? undefined : repository)
    }
  }
}

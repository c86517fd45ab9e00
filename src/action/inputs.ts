/**
 * The one place that reads action inputs, by the names of the option table (core/option-table.ts). It
 * turns the runner's strings into a `PreflightInput` and the steps' input; validation proper happens in
 * `resolveOptions` and `resolveStepSettings`, shared with the CLI and library.
 */
import { UsageError } from '../core/errors.js'
import { INPUT } from './names.js'
import { OPTIONS, isActionInput, type OptionKey } from '../core/option-table.js'
import {
  fieldOf,
  resolveStepSettings,
  type ChangeSpec,
  type PlainInput,
  type PreflightInput,
  type StepSettings
} from '../core/options.js'
import type { RunContext } from '../github/context.js'

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

export interface ActionInputs {
  preflight: PreflightInput
  /** What the steps after the checks do: the tracking issue, the manual gate, the kit, Slack. */
  steps: StepSettings
  /** `preflight` (before the deploy) or `verify` (after it). */
  mode: 'preflight' | 'verify'
  /** Verify mode only. */
  verify: { readyTimeout?: string; latencyFactor?: string; deployStartedAt?: string }
}

function positiveInteger(read: InputReader, name: string, example: string): number | undefined {
  const raw = optional(read, name)
  if (raw === undefined) return undefined
  const value = Number(raw.replace(/^#/, ''))
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new UsageError(`${name}: "${raw}" is not a positive whole number; ${example}.`)
  }
  return value
}

function readStepSettings(read: InputReader): StepSettings {
  return resolveStepSettings({
    token: optional(read, INPUT.githubToken),
    trackingIssue: booleanInput(read, INPUT.trackingIssue),
    environment: optional(read, INPUT.environment),
    issueLabels: optional(read, INPUT.issueLabels),
    issueNumber: optional(read, INPUT.issueNumber),
    issueKey: optional(read, INPUT.issueKey),
    uploadRollbackKit: booleanInput(read, INPUT.uploadRollbackKit),
    requireManual: booleanInput(read, INPUT.requireManual),
    slackWebhookUrl: optional(read, INPUT.slackWebhookUrl),
    closeOnSuccess: booleanInput(read, INPUT.closeOnSuccess)
  })
}

/** Every input that fills a `PreflightInput` field as it is (namespace, probe-count, policy…). */
function plainInputs(read: InputReader): PlainInput {
  const plain: Record<string, string | undefined> = {}
  for (const key of Object.keys(OPTIONS) as OptionKey[]) {
    const field = fieldOf(key)
    if (field && isActionInput(key)) plain[field] = optional(read, OPTIONS[key].name)
  }
  return plain
}

/**
 * The change checks' inputs, when they apply: on by default in a GitHub job with a token. The last go is
 * filled in later, from the tracking issue (see steps/tracking-issue.ts).
 */
function changeSpec(
  read: InputReader,
  steps: StepSettings,
  context: RunContext | undefined,
  bundleRepository: string | undefined
): ChangeSpec | undefined {
  const commit = optional(read, INPUT.commit)
  if (!booleanInput(read, INPUT.checkChanges) || !context?.repository) return undefined
  return {
    // Empty: the change checks report it (fail closed) rather than the whole run refusing to start.
    token: steps.token ?? '',
    apiUrl: context.apiUrl,
    repository: bundleRepository ?? context.repository,
    commit,
    runCommit: context.sha,
    ref: context.ref,
    noRecordReason: steps.trackingIssue
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
  const steps = readStepSettings(read)
  const runId = positiveInteger(
    read,
    INPUT.runId,
    'use the number in the run URL (…/actions/runs/<run-id>), or leave it empty for this run'
  )
  const repository = optional(read, INPUT.repository)
  if (repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw new UsageError(`${INPUT.repository}: "${repository}" is not owner/name, e.g. vapora/app.`)
  }
  const artifactName = optional(read, INPUT.artifactName) ?? OPTIONS.artifactName.default
  const otherRepository = repository !== undefined && repository !== context?.repository
  if (!bundlePath && otherRepository && runId === undefined) {
    throw new UsageError(
      `${INPUT.runId}: empty, but ${INPUT.repository} is ${repository}. Downloading from another repository needs the run that built the bundle there.`
    )
  }
  const mode = (optional(read, INPUT.mode) ?? OPTIONS.mode.default).toLowerCase()
  if (mode !== 'preflight' && mode !== 'verify') {
    throw new UsageError(
      `${INPUT.mode}: "${mode}" is not a mode; use preflight (before the deploy) or verify (after it).`
    )
  }
  return {
    steps,
    mode,
    verify: {
      readyTimeout: optional(read, INPUT.readyTimeout),
      latencyFactor: optional(read, INPUT.latencyFactor),
      deployStartedAt: optional(read, INPUT.deployStartedAt)
    },
    preflight: {
      ...plainInputs(read),
      bundlePath,
      artifact: bundlePath
        ? undefined
        : {
            name: artifactName,
            runId,
            repository,
            token: steps.token,
            apiUrl: context?.apiUrl ?? 'https://api.github.com',
            serverUrl: context?.serverUrl ?? 'https://github.com',
            currentRepository: context?.repository,
            currentRunId: context?.runId
          },
      offline: booleanInput(read, INPUT.offline),
      environment: steps.environment,
      // The repository input names where the bundle is downloaded from: only then is its code what is deployed.
      changes: changeSpec(read, steps, context, bundlePath ? undefined : repository)
    }
  }
}

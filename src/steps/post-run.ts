/**
 * What the action does on GitHub after the checks: keep the rollback kit as an artifact and record the
 * run in the tracking issue. Each step becomes a result (`rollback-kit-upload`, `tracking-issue`) so that
 * a step the user asked for and that failed blocks like any check. No @actions/core here: the action
 * adapter logs and masks.
 */
import { existsSync } from 'node:fs'
import { dataKey, readData } from '../core/check-data.js'
import { performance } from 'node:perf_hooks'
import {
  MANUAL_ITEMS,
  ROLLBACK_KIT_UPLOAD,
  SLACK_WEBHOOK,
  TRACKING_ISSUE,
  type ResultSpec
} from '../core/results.js'
import { amendReport, finish } from '../core/engine.js'
import type { OverriddenTick } from '../checklist/state.js'
import { plainItemText } from '../checklist/model.js'
import { untickedManualItems } from '../checklist/manual-gate.js'
import type { ItemStatus } from '../checklist/state.js'
import type { GitHubInputs } from '../action/inputs.js'
import type { CheckOutcome, CheckResult, Report } from '../core/types.js'
import type { RunContext } from '../github/context.js'

async function timed(check: ResultSpec, step: () => Promise<CheckOutcome>): Promise<CheckResult> {
  const started = performance.now()
  const outcome = await step()
  return finish(check, outcome, performance.now() - started)
}

/** What the kit upload leaves: the artifact it made. */
interface KitUploadData {
  artifactId?: number
  name?: string
}
const KIT_UPLOAD_DATA = dataKey<KitUploadData>('rollback-kit-upload')

/** Uploads the report and the ConfigMap backup, when asked to and the runtime allows it. */
export async function saveRollbackKit(
  report: Report,
  reportPath: string,
  inputs: GitHubInputs,
  context: RunContext
): Promise<{ result?: CheckResult; url?: string }> {
  if (!inputs.uploadRollbackKit) return {}
  const result = await timed(ROLLBACK_KIT_UPLOAD, async () => {
    if (!context.hasActionsRuntime) {
      return {
        status: 'skip',
        skipReason: 'not-applicable',
        message: 'not applicable: no Actions runtime (ACTIONS_RUNTIME_TOKEN) to upload to'
      }
    }
    const backup = report.rollback?.configMapBackupPath
    const files = [reportPath, ...(backup && existsSync(backup) ? [backup] : [])]
    const { kitArtifactName, uploadRollbackKit } = await import('../github/upload.js')
    const upload = await uploadRollbackKit(kitArtifactName(inputs.issueKey), files)
    return upload.ok
      ? {
          status: 'pass',
          message: upload.message,
          data: { artifactId: upload.artifactId, name: upload.name } satisfies KitUploadData
        }
      : {
          // Not blocking: the deploy is no less safe, and the revisions and undo commands are in the summary
          // and the issue. But the backup file now lives only in this job, which the warning says.
          status: 'warn',
          message: `rollback kit not kept: ${upload.message}`,
          hint: 'The ConfigMap backup exists only in this job (output configmap-backup-path): copy it before the job ends, or re-run.'
        }
  })
  const id = readData([result], KIT_UPLOAD_DATA)?.artifactId
  return {
    result,
    url:
      id && context.runUrl ? `${context.runUrl.replace(/\/attempts\/\d+$/, '')}/artifacts/${id}` : undefined
  }
}

/** Creates or updates the tracking issue; its body shows this step as done (it is, if anyone can read it). */
export async function recordInTrackingIssue(
  report: Report,
  inputs: GitHubInputs,
  context: RunContext
): Promise<{
  result?: CheckResult
  number?: number
  url?: string
  overridden?: OverriddenTick[]
  statuses?: ItemStatus[]
}> {
  if (!inputs.trackingIssue) return {}
  let number: number | undefined
  let url: string | undefined
  let overridden: OverriddenTick[] = []
  let statuses: ItemStatus[] | undefined
  const result = await timed(TRACKING_ISSUE, async () => {
    if (!context.repository) {
      // Not in a GitHub Actions job (a local runner, another CI): there is no repository to write to.
      return {
        status: 'skip',
        skipReason: 'not-applicable',
        message:
          'not applicable: no GitHub repository (GITHUB_REPOSITORY is not set) to track the deployment in'
      }
    }
    if (!inputs.token) {
      return {
        status: 'fail',
        message: 'github-token: empty, so the tracking issue cannot be written.',
        hint: 'Keep github-token at its default (${{ github.token }}) with `permissions: issues: write`, or set tracking-issue: false.'
      }
    }
    const provisional = finish(TRACKING_ISSUE, { status: 'pass', message: 'tracked in this issue' }, 0)
    const { updateTrackingIssue } = await import('../github/tracking-issue.js')
    const outcome = await updateTrackingIssue(amendReport(report, [provisional]), {
      token: inputs.token,
      apiUrl: context.apiUrl,
      repository: context.repository,
      key: inputs.issueKey,
      environment: inputs.environment,
      labels: inputs.issueLabels,
      issueNumber: inputs.issueNumber,
      runUrl: context.runUrl,
      runMarker: context.runId ? `${context.runId}/${context.runAttempt ?? 1}` : undefined,
      reportWithTicks: inputs.requireManual
        ? statuses => amendReport(report, [manualItemsGate(report, inputs, { statuses, url: undefined })!])
        : undefined,
      fullReportUrl: context.runUrl
    })
    number = outcome.number
    url = outcome.url
    overridden = outcome.rendered?.merged.overridden ?? []
    if (outcome.ok) statuses = outcome.rendered?.merged.statuses
    if (outcome.ok && outcome.commentProblem) {
      return {
        status: 'warn',
        message: `${outcome.message}: ${outcome.url}; but the run's comment was not added: ${outcome.commentProblem}`,
        data: { number, url }
      }
    }
    return outcome.ok
      ? { status: 'pass', message: `${outcome.message}: ${outcome.url}`, data: { number, url } }
      : { status: 'fail', message: outcome.message, hint: outcome.hint }
  })
  return { result, number, url, overridden, statuses }
}

/**
 * The manual-item gate: with `require-manual`, no-go until people ticked every required manual item
 * (read from the issue as this run merged it). Re-running the job after ticking turns it go.
 */
export function manualItemsGate(
  report: Report,
  inputs: GitHubInputs,
  issue: { url?: string; statuses?: ItemStatus[] }
): CheckResult | undefined {
  if (!inputs.requireManual) return undefined
  if (!issue.statuses) {
    return finish(
      MANUAL_ITEMS,
      {
        status: 'fail',
        blockedBy: TRACKING_ISSUE.id,
        message: 'require-manual needs the tracking issue, and there is none for this run',
        hint: 'Keep tracking-issue: true (and its permissions), or set require-manual: false.'
      },
      0
    )
  }
  const optional = new Set(report.policy?.optionalItems ?? [])
  const unticked = untickedManualItems(issue.statuses, optional)
  const outcome: CheckOutcome =
    unticked.length === 0
      ? { status: 'pass', message: 'every required manual item is ticked' }
      : {
          status: 'fail',
          message: `${unticked.length} required manual item(s) not ticked yet in ${issue.url ?? 'the tracking issue'}: ${unticked
            .slice(0, 5)
            .map(s => `"${plainItemText(s.item.text)}"`)
            .join(', ')}${unticked.length > 5 ? ', …' : ''}`,
          details: unticked.map(s => `${s.item.id}: ${plainItemText(s.item.text)}`),
          hint: 'Tick them in the tracking issue as they are done, then re-run this job. Items that do not apply to you can be listed under optional-items in the policy file.',
          data: { unticked: unticked.map(s => s.item.id) }
        }
  return finish(MANUAL_ITEMS, outcome, 0)
}

/** Posts the final decision to Slack when a webhook is given; a failure warns (the gate stands). */
export async function announceInSlack(
  report: Report,
  inputs: GitHubInputs,
  context: RunContext,
  issueUrl: string | undefined
): Promise<CheckResult | undefined> {
  if (!inputs.slackWebhookUrl) return undefined
  return timed(SLACK_WEBHOOK, async () => {
    const { postToSlack, slackText } = await import('../github/slack.js')
    const posted = await postToSlack(
      inputs.slackWebhookUrl!,
      slackText(report, inputs.environment, { runUrl: context.runUrl, issueUrl })
    )
    return posted.ok
      ? { status: 'pass', message: posted.message }
      : {
          status: 'warn',
          message: posted.message,
          hint: 'Check slack-webhook-url (an incoming webhook of the #deployments channel).'
        }
  })
}

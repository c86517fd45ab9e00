/**
 * The tracking issue: the checklist as checkboxes, created or updated after the checks (people's ticks
 * kept), and read before them for the last go the change checks compare with. Its body shows this step
 * as done: it is, if anyone can read it.
 */
import { amendReport, finish } from '../core/engine.js'
import type { ChangeSpec } from '../core/options.js'
import { TRACKING_ISSUE } from '../core/results.js'
import type { Report } from '../core/types.js'
import { manualItemsResult } from './manual-gate.js'
import { timed, type Step, type StepContext, type StepOutcome } from './step.js'

/** Where the tracking issue is, when this run may write it: a repository and a token. */
function issueTarget(context: Pick<StepContext, 'settings' | 'run'>) {
  const { settings, run } = context
  return {
    apiUrl: run.apiUrl,
    repository: run.repository,
    key: settings.issueKey,
    labels: settings.issueLabels,
    issueNumber: settings.issueNumber
  }
}

export const trackingIssueStep: Step = {
  spec: TRACKING_ISSUE,
  async run(report: Report, context: StepContext): Promise<StepOutcome | undefined> {
    const { settings, run } = context
    if (!settings.trackingIssue) return undefined
    let facts: StepOutcome['facts'] = {}
    let statuses: StepOutcome['statuses']
    const result = await timed(TRACKING_ISSUE, async () => {
      if (!run.repository) {
        // Not in a GitHub Actions job and no --repository: there is no repository to write to.
        return {
          status: 'skip',
          skipReason: 'not-applicable',
          message:
            'not applicable: no GitHub repository (GITHUB_REPOSITORY is not set) to track the deployment in'
        }
      }
      if (!settings.token) {
        return {
          status: 'fail',
          message: 'github-token: empty, so the tracking issue cannot be written.',
          hint: 'Keep github-token at its default (${{ github.token }}) with `permissions: issues: write` (the CLI: set GITHUB_TOKEN), or turn tracking-issue off.'
        }
      }
      const provisional = finish(TRACKING_ISSUE, { status: 'pass', message: 'tracked in this issue' }, 0)
      const { updateTrackingIssue } = await import('../github/tracking-issue.js')
      const outcome = await updateTrackingIssue(amendReport(report, [provisional]), {
        ...issueTarget(context),
        repository: run.repository,
        token: settings.token,
        environment: settings.environment,
        runUrl: run.runUrl,
        runMarker: context.runMarker,
        reportWithTicks: settings.requireManual
          ? ticks => amendReport(report, [manualItemsResult(report, { statuses: ticks })])
          : undefined,
        fullReportUrl: run.runUrl
      })
      const { number, url } = outcome
      facts = { issue: { number, url, overridden: outcome.rendered?.merged.overridden ?? [] } }
      if (outcome.ok) {
        statuses = outcome.rendered?.merged.statuses
        facts.issue!.statuses = statuses
      }
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
    return { result, statuses, facts }
  }
}

/**
 * The change checks compare with the last go, which the tracking issue records: read it before the
 * checks run (only when the issue is kept and the change checks apply).
 */
export async function withLastGo(
  changes: ChangeSpec | undefined,
  context: Pick<StepContext, 'settings' | 'run'>
): Promise<ChangeSpec | undefined> {
  if (!changes?.token || !context.settings.trackingIssue || !context.run.repository) return changes
  const { findLastGo } = await import('../github/tracking-issue.js')
  const found = await findLastGo({
    ...issueTarget(context),
    repository: context.run.repository,
    token: changes.token
  })
  return { ...changes, lastGo: found.lastGo, lastGoProblem: found.problem }
}

/**
 * Verify mode's tracking issue: before the checks, the preflight's record (baseline, revisions, undo
 * commands) read from it; after them, the success items, the post-deployment record and the sign-off
 * written into it, a comment, and the issue closed on success when asked.
 */
import type { PreflightRecord } from '../report/preflight-record.js'
import { SIGN_OFF } from '../core/results.js'
import type { VerifyReport } from '../core/types.js'
import { timed, type Step, type StepContext, type StepOutcome } from './step.js'

/** The issue this run may read and write: a repository, a token, and the tracking issue asked for. */
function issueTarget(context: Pick<StepContext, 'settings' | 'run' | 'runMarker'>) {
  const { settings, run } = context
  if (!settings.trackingIssue || !run.repository || !settings.token) return undefined
  return {
    token: settings.token,
    apiUrl: run.apiUrl,
    repository: run.repository,
    key: settings.issueKey,
    labels: settings.issueLabels,
    issueNumber: settings.issueNumber,
    runUrl: run.runUrl,
    runMarker: context.runMarker ? `${context.runMarker}/verify` : undefined
  }
}

/** The preflight's record, from the tracking issue; or why there is none (the checks that need it say so). */
export async function preflightRecordFromIssue(
  context: Pick<StepContext, 'settings' | 'run' | 'runMarker'>
): Promise<{ record?: PreflightRecord; problem?: string }> {
  const target = issueTarget(context)
  if (!target) {
    return {
      problem:
        'no tracking issue to read the preflight record from (tracking-issue off, no repository or no token)'
    }
  }
  const { readPreflightRecord } = await import('../github/verify-issue.js')
  return readPreflightRecord(target)
}

export const signOffStep: Step<VerifyReport> = {
  spec: SIGN_OFF,
  async run(report, context): Promise<StepOutcome | undefined> {
    const target = issueTarget(context)
    if (!target) return undefined
    let url: string | undefined
    const result = await timed(SIGN_OFF, async () => {
      const { recordVerification } = await import('../github/verify-issue.js')
      const outcome = await recordVerification(report, {
        ...target,
        closeOnSuccess: context.settings.closeOnSuccess,
        actor: context.actor
      })
      url = outcome.url
      return outcome.ok
        ? { status: 'pass', message: outcome.message }
        : { status: 'fail', message: outcome.message }
    })
    return { result, facts: { issue: { url } } }
  }
}

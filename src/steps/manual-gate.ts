/**
 * The manual-item gate: with `require-manual`, no-go until people ticked every required manual item of
 * the tracking issue (read as this run merged it). Re-running the job after ticking turns it go.
 */
import { finish } from '../core/engine.js'
import { MANUAL_ITEMS, TRACKING_ISSUE } from '../core/results.js'
import type { CheckOutcome, CheckResult, Report } from '../core/types.js'
import { plainItemText } from '../checklist/model.js'
import { untickedManualItems } from '../checklist/manual-gate.js'
import type { ItemStatus } from '../checklist/state.js'
import type { Step, StepFacts, StepOutcome } from './step.js'

/** What the gate leaves: the ids of the items still to tick. */
export interface ManualItemsData {
  unticked: string[]
}

/** The gate's result from the issue's items (none: there is no tracking issue for this run). */
export function manualItemsResult(
  report: Pick<Report, 'policy'>,
  issue: { url?: string; statuses?: readonly ItemStatus[] }
): CheckResult {
  if (!issue.statuses) {
    return finish(
      MANUAL_ITEMS,
      {
        status: 'fail',
        blockedBy: TRACKING_ISSUE.id,
        message: 'require-manual needs the tracking issue, and there is none for this run',
        hint: 'Keep tracking-issue on (and its permissions), or turn require-manual off.'
      },
      0
    )
  }
  const optional = new Set(report.policy?.optionalItems ?? [])
  const unticked = untickedManualItems([...issue.statuses], optional)
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
          data: { unticked: unticked.map(s => s.item.id) } satisfies ManualItemsData
        }
  return finish(MANUAL_ITEMS, outcome, 0)
}

export const manualGateStep: Step = {
  spec: MANUAL_ITEMS,
  async run(report, context, facts: StepFacts): Promise<StepOutcome | undefined> {
    if (!context.settings.requireManual) return undefined
    return { result: manualItemsResult(report, facts.issue) }
  }
}

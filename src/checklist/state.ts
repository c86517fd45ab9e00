/** Derives each checklist item's state from a run's results. Manual items are never ticked here. */
import type { CheckResult, Report } from '../types.js'
import { checklistItems, type LocatedItem } from './model.js'

export type ItemState = 'passed' | 'warning' | 'failed' | 'skipped' | 'not-run' | 'manual'

export interface ItemStatus {
  item: LocatedItem
  state: ItemState
  /** Automated items: true when their checks all passed (or warned) in this run. Manual: a person's tick. */
  ticked: boolean
  /** Who ticked it: this run (re-checked every run) or a person (kept across runs, see merge.ts). */
  tickedBy?: 'preflight' | 'person'
  /** Why: the failing or skipping results' messages, or the warning. */
  note?: string
}

/** The verdict itself verifies "No critical issues found during testing". */
const DECISION_PSEUDO_CHECK = 'decision'

function resultsFor(item: LocatedItem, report: Report): CheckResult[] {
  const byId = new Map(report.results.map(r => [r.id, r]))
  return (item.checks ?? []).flatMap(id => {
    if (id === DECISION_PSEUDO_CHECK) {
      const go = report.decision === 'go'
      const decision: CheckResult = {
        id,
        title: 'Go/no-go decision',
        section: '',
        status: go ? 'pass' : 'fail',
        blocking: !go,
        message: go ? 'no blocking issue found' : `no-go: ${report.failedChecks.join(', ')}`,
        durationMs: 0
      }
      return [decision]
    }
    const result = byId.get(id)
    return result ? [result] : []
  })
}

export function itemStatus(item: LocatedItem, report: Report): ItemStatus {
  if (!item.automated) return { item, state: 'manual', ticked: false }
  const results = resultsFor(item, report)
  if (results.length === 0) return { item, state: 'not-run', ticked: false, note: 'not checked by this run' }
  const failed = results.filter(r => r.status === 'fail' || r.status === 'error')
  if (failed.length > 0)
    return { item, state: 'failed', ticked: false, note: failed.map(r => r.message).join('; ') }
  const skipped = results.filter(r => r.status === 'skip')
  if (skipped.length > 0)
    return { item, state: 'skipped', ticked: false, note: skipped.map(r => r.message).join('; ') }
  const warned = results.filter(r => r.status === 'warn')
  if (warned.length > 0)
    return {
      item,
      state: 'warning',
      ticked: true,
      tickedBy: 'preflight',
      note: warned.map(r => r.message).join('; ')
    }
  return {
    item,
    state: 'passed',
    ticked: true,
    tickedBy: 'preflight',
    note: results.map(r => r.message).join('; ')
  }
}

/** Every checklist item, in document order, with its state for this report. */
export function checklistStatus(report: Report): ItemStatus[] {
  return checklistItems().map(item => itemStatus(item, report))
}

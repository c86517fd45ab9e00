/**
 * What a report shows row by row and what it folds into one counted line: checks a root cause kept from
 * running ("12 not run because of cluster-access"), checks out of scope offline, checks that do not apply.
 * Shared by the Markdown and terminal reports, so both count the same way.
 */
import type { CheckResult, Report } from '../core/types.js'

export interface Folded {
  /** Results shown one by one, in report order. */
  shown: CheckResult[]
  /** Blocking results that did not run because of a root cause (the cause itself is shown, or is no check). */
  blocked: Array<{ cause: string; checks: string[] }>
  /** Out of scope in an offline run. */
  offline: string[]
  /** Not applicable, grouped by why. */
  notApplicable: Array<{ why: string; checks: string[] }>
}

export function foldResults(report: Pick<Report, 'results' | 'rootCauses'>): Folded {
  const causeOf = new Map<string, string>()
  for (const cause of report.rootCauses) for (const id of cause.blocks) causeOf.set(id, cause.check)
  const folded: Folded = { shown: [], blocked: [], offline: [], notApplicable: [] }
  for (const result of report.results) {
    const cause = causeOf.get(result.id)
    if (cause) {
      const group = folded.blocked.find(b => b.cause === cause)
      if (group) group.checks.push(result.id)
      else folded.blocked.push({ cause, checks: [result.id] })
    } else if (result.status === 'skip' && result.skipReason === 'offline') {
      folded.offline.push(result.id)
    } else if (result.status === 'skip' && result.skipReason === 'not-applicable') {
      const why = result.message.replace(/^not applicable: /, '')
      const group = folded.notApplicable.find(g => g.why === why)
      if (group) group.checks.push(result.id)
      else folded.notApplicable.push({ why, checks: [result.id] })
    } else {
      folded.shown.push(result)
    }
  }
  return folded
}

/** Hand-made reports for unit tests of the pure report and checklist code. */
import { checklistItems } from '../src/checklist/model.js'
import { isBlocking } from '../src/policy.js'
import type { CheckResult, Report, Status } from '../src/types.js'

export function reportWith(statuses: Record<string, Status>, decision: Report['decision'] = 'go'): Report {
  const results: CheckResult[] = Object.entries(statuses).map(([id, status]) => ({
    id,
    title: id,
    section: '',
    status,
    message: `${id} said ${status}`,
    blocking: isBlocking({ status }),
    durationMs: 1
  }))
  return {
    version: 1,
    tool: { name: 't', version: '0' },
    decision,
    scope: 'full',
    reasons: [],
    failedChecks: results.filter(r => r.blocking).map(r => r.id),
    warnings: [],
    startedAt: '',
    finishedAt: '',
    durationMs: 0,
    namespace: 'vapora',
    results,
    timings: { totalMs: 0, bundleMs: 0, checksMs: 0 }
  }
}

/** Every check id any item refers to, all passing. */
export const allChecksPass = (): Record<string, Status> =>
  Object.fromEntries(
    checklistItems()
      .flatMap(i => i.checks ?? [])
      .map(id => [id, 'pass' as Status])
  )

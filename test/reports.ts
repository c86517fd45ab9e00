/** Hand-made reports for unit tests of the pure report and checklist code. */
import { checklistItems } from '../src/checklist/model.js'
import { checklistState, checklistStatus } from '../src/checklist/state.js'
import { decide, isBlocking } from '../src/core/policy.js'
import {
  REPORT_VERSION,
  type CheckResult,
  type Report,
  type RunMode,
  type Status
} from '../src/core/types.js'

/** A report whose results have these statuses (messages "<id> said <status>"), decided by the policy. */
export function reportWith(
  statuses: Record<string, Status>,
  decision?: Report['decision'],
  mode: RunMode = 'preflight'
): Report {
  const results: CheckResult[] = Object.entries(statuses).map(([id, status]) => ({
    id,
    title: id,
    section: '',
    status,
    message: `${id} said ${status}`,
    blocking: isBlocking({ status }),
    durationMs: 1
  }))
  return reportOf(results, decision, mode)
}

/** A report of these results, as the engine would assemble it (verdict and checklist derived). */
export function reportOf(
  results: CheckResult[],
  decision?: Report['decision'],
  mode: RunMode = 'preflight'
): Report {
  const verdict = decide(results, { offline: false })
  const decided = { ...verdict, decision: decision ?? verdict.decision }
  return {
    version: REPORT_VERSION,
    tool: { name: 't', version: '0' },
    mode,
    ...decided,
    startedAt: '',
    finishedAt: '',
    durationMs: 0,
    namespace: 'vapora',
    results,
    checklist: checklistState(checklistStatus({ ...decided, results, mode }), mode),
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

/**
 * The go/no-go rule, from the seed's "Final Go/No-Go Decision": proceed only when nothing critical was
 * found. Fail closed: anything the run was asked to verify and did not verify blocks.
 */
import type {
  CheckResult,
  Decision,
  Reason,
  RootCause,
  SkipReason,
  Status,
  StatusCounts,
  Verdict
} from './types.js'

/** Skips that do not block: the check was declared out of scope, or has nothing to look at. */
const HARMLESS_SKIPS: ReadonlySet<SkipReason> = new Set(['offline', 'not-applicable'])

/** Whether one result keeps the decision at no-go. */
export function isBlocking(result: { status: Status; skipReason?: SkipReason }): boolean {
  switch (result.status) {
    case 'pass':
    case 'warn':
      return false
    case 'fail':
    case 'error':
      return true
    case 'skip':
      return !(result.skipReason && HARMLESS_SKIPS.has(result.skipReason))
  }
}

/**
 * The root cause of a blocking result: follow `blockedBy` while it names another blocking result. A
 * `blockedBy` that names no result of the run is a missing prerequisite (e.g. `preflight-record`); one
 * that names a result that does not block (a policy made it a warning) leaves this result its own cause.
 */
function rootOf(result: CheckResult, byId: ReadonlyMap<string, CheckResult>): string {
  let current = result
  const seen = new Set<string>()
  while (current.blockedBy && !seen.has(current.id)) {
    seen.add(current.id)
    const next = byId.get(current.blockedBy)
    if (!next) return current.blockedBy
    if (!next.blocking) return current.id
    current = next
  }
  return current.id
}

/** Groups the blocking results by root cause, in report order. */
export function rootCauses(results: readonly CheckResult[]): RootCause[] {
  const byId = new Map(results.map(r => [r.id, r]))
  const causes = new Map<string, RootCause>()
  for (const result of results.filter(r => r.blocking)) {
    const root = rootOf(result, byId)
    const rootResult = byId.get(root)
    let cause = causes.get(root)
    if (!cause) {
      const source = rootResult ?? result
      cause = {
        check: root,
        prerequisite: rootResult === undefined,
        // A missing prerequisite speaks through the first check it stopped ("not run: no record …").
        message: rootResult ? source.message : source.message.replace(/^not run: /, ''),
        hint: source.hint,
        blocks: []
      }
      causes.set(root, cause)
    }
    if (result.id !== root) cause.blocks.push(result.id)
  }
  return [...causes.values()]
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** "…; 12 more checks blocked by it" — a root cause counts what it kept from running. */
export function causeMessage(cause: RootCause): string {
  const blocked = cause.blocks.length
  if (blocked === 0) return cause.message
  return `${cause.message}; ${plural(blocked, cause.prerequisite ? 'check' : 'more check')} blocked by it`
}

export function countStatuses(results: readonly CheckResult[]): StatusCounts {
  const counts: StatusCounts = { pass: 0, warn: 0, fail: 0, skip: 0, error: 0 }
  for (const result of results) counts[result.status]++
  return counts
}

/** Decides from results whose `blocking` flags were set with `isBlocking`. */
export function decide(results: readonly CheckResult[], options: { offline: boolean }): Verdict {
  const blocking = results.filter(r => r.blocking)
  const ran = results.filter(r => r.status !== 'skip')
  const causes = rootCauses(results)
  const reasons: Reason[] = causes.map(cause => ({ check: cause.check, message: causeMessage(cause) }))
  if (ran.length === 0) reasons.push({ check: null, message: 'no check ran, so nothing was verified' })
  const decision: Decision = blocking.length === 0 && ran.length > 0 ? 'go' : 'no-go'
  return {
    decision,
    failedChecks: blocking.map(r => r.id),
    warnings: results.filter(r => r.status === 'warn').map(r => ({ check: r.id, message: r.message })),
    reasons,
    rootCauses: causes,
    counts: countStatuses(results),
    scope: options.offline ? 'bundle-only' : 'full'
  }
}

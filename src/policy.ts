/**
 * The go/no-go rule, from the seed's "Final Go/No-Go Decision": proceed only when nothing critical was
 * found. Fail closed: anything the run was asked to verify and did not verify blocks.
 */
import type { CheckResult, Decision, SkipReason, Status, Verdict } from './types.js'

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

/** Decides from results whose `blocking` flags were set with `isBlocking`. */
export function decide(results: readonly CheckResult[], options: { offline: boolean }): Verdict {
  const blocking = results.filter(r => r.blocking)
  const ran = results.filter(r => r.status !== 'skip')
  const reasons = blocking.map(r => `${r.id}: ${r.message}`)
  if (ran.length === 0) reasons.push('no check ran, so nothing was verified')
  const decision: Decision = blocking.length === 0 && ran.length > 0 ? 'go' : 'no-go'
  if (options.offline) {
    reasons.push('offline run: cluster and network checks were not run; this decision covers the bundle only')
  }
  return {
    decision,
    failedChecks: blocking.map(r => r.id),
    warnings: results.filter(r => r.status === 'warn').map(r => r.id),
    reasons,
    scope: options.offline ? 'bundle-only' : 'full'
  }
}

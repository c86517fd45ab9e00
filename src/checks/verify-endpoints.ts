/**
 * After the deploy: the health and API endpoints answer 200 again (the same probes as the preflight's),
 * and their latency and errors compare with the baseline the preflight recorded.
 */
import type { Baseline, CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { apiEndpointsCheck } from './api-endpoints.js'
import { healthEndpointCheck } from './health-endpoint.js'

export const verifyHealthCheck = defineCheck({
  ...healthEndpointCheck,
  id: 'verify-health',
  title: 'Health endpoints respond (200 OK)',
  item: 'success-health-200'
})

export const verifyApiCheck = defineCheck({
  ...apiEndpointsCheck,
  id: 'verify-api',
  title: 'API endpoints respond to test requests',
  item: 'success-api-respond'
})

/**
 * Jitter allowance added to `factor × before`: a 2 ms baseline must not fail at 5 ms. Latency that
 * matters to users is well above it.
 */
export const LATENCY_SLACK_MS = 25

/** p99 after vs before for each endpoint measured both times; more errors than before also fail. */
export function compareWithBaseline(
  before: Baseline | undefined,
  after: Baseline | undefined,
  factor: number
): CheckOutcome {
  if (!before || before.endpoints.length === 0) {
    return {
      status: 'skip',
      skipReason: 'not-applicable',
      message: 'not applicable: the preflight measured no endpoint to compare with'
    }
  }
  const lines: string[] = []
  const problems: string[] = []
  for (const b of before.endpoints) {
    const a = after?.endpoints.find(e => e.url === b.url)
    if (!a) {
      problems.push(`${b.url} was not probed after the deploy`)
      continue
    }
    const was = b.p99Ms ?? b.p95Ms
    const allowed = Math.round(was * factor + LATENCY_SLACK_MS)
    lines.push(
      `${a.url}: p99 ${was} → ${a.p99Ms ?? a.p95Ms} ms (allowed ${allowed} ms), errors ${b.errors}/${b.probes} → ${a.errors}/${a.probes}`
    )
    if ((a.p99Ms ?? a.p95Ms) > allowed)
      problems.push(`${a.url} p99 ${a.p99Ms ?? a.p95Ms} ms is over ${factor}× the baseline ${was} ms`)
    if (a.errors / Math.max(1, a.probes) > b.errors / Math.max(1, b.probes))
      problems.push(`${a.url} errors rose: ${b.errors}/${b.probes} → ${a.errors}/${a.probes}`)
  }
  if (problems.length > 0) {
    return {
      status: 'fail',
      message: `worse than before the deploy: ${problems.join('; ')}`,
      details: lines,
      hint: 'Compare dashboards; the seed says roll back on more than 10% error increase. latency-factor sets the allowed factor.'
    }
  }
  return { status: 'pass', message: `latency and errors within ${factor}× the baseline`, details: lines }
}

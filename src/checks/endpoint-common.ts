/** What the health and API checks share: probe each URL, judge status and latency, describe it. */
import { dataKey } from '../core/check-data.js'
import { formatSeconds, probe, summarise, type EndpointSummary } from '../net/http-probe.js'
import type { CheckOutcome } from '../core/types.js'
import type { PreflightOptions } from '../core/options.js'

/** `2 HTTP 503; 1 no complete answer within 10 s (…)`: each problem with how many probes had it. */
function problemList(s: EndpointSummary): string {
  return s.problems.map(p => `${p.probes} ${p.problem}`).join('; ')
}

/**
 * `…/health: 5/5 OK in 0.031 s of its 30 s budget, p50 2 ms, p95 4 ms`. What failed is in the message,
 * which lists every failing endpoint with its problems; a detail line does not repeat them.
 */
/** What the endpoint checks leave: each endpoint's probes summarised (latency, errors, time spent). */
export interface EndpointsData {
  endpoints: EndpointSummary[]
}
/** The endpoint checks, preflight and verify mode alike: the baseline reads them all. */
export const ENDPOINTS_DATA = ['health-endpoint', 'api-endpoints', 'verify-health', 'verify-api'].map(id =>
  dataKey<EndpointsData>(id)
)

function describe(s: EndpointSummary): string {
  const latency = Number.isNaN(s.p50Ms) ? 'no complete answer' : `p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms`
  const spent = `in ${formatSeconds(s.spentMs)} of its ${formatSeconds(s.budgetMs)} budget`
  return `${s.url}: ${s.ok}/${s.count} OK ${spent}, ${latency}`
}

/** How to fix what failed, the most specific cause first. */
function hintFor(failing: readonly EndpointSummary[]): string {
  const statuses = failing.flatMap(s => Object.keys(s.statuses))
  const hints: string[] = []
  if (statuses.includes('401') || statuses.includes('403'))
    hints.push('The endpoint refused the credentials: check health-token.')
  if (statuses.includes('no complete answer')) {
    const timeout = formatSeconds(failing[0].probeTimeoutMs)
    hints.push(
      `A probe counts only when its status and whole body arrive within probe-timeout (${timeout}): check the service is not hung or overloaded; raise probe-timeout only if it is slow by design.`
    )
  }
  if (failing.some(s => s.notSent > 0)) {
    const budget = formatSeconds(failing[0].budgetMs)
    hints.push(
      `The probes used up endpoint-budget (${budget}) before all were sent: fix what makes them slow, or raise endpoint-budget (or lower probe-count).`
    )
  }
  return hints.length > 0
    ? hints.join(' ')
    : 'Check the service is up and the URL is right; a redirect is reported, not followed.'
}

/**
 * Probes every URL `probeCount` times (one URL after another, so the latency measured is the service's,
 * not ours), each probe within `probeTimeoutMs` and each URL's probes within `endpointBudgetMs`. Blocks
 * when any probe did not answer 200 in time (or was not sent), or when a p95 is over the latency threshold.
 */
export async function checkEndpoints(
  urls: readonly URL[],
  options: PreflightOptions,
  what: string
): Promise<CheckOutcome> {
  const bounds = { probeTimeoutMs: options.probeTimeoutMs, budgetMs: options.endpointBudgetMs }
  const summaries: EndpointSummary[] = []
  for (const url of urls) {
    const run = await probe(url, {
      token: options.healthToken,
      timeoutMs: bounds.probeTimeoutMs,
      budgetMs: bounds.budgetMs,
      count: options.probeCount
    })
    summaries.push(summarise(url, run, 200, bounds))
  }
  const failing = summaries.filter(s => s.errors > 0)
  const slow =
    options.latencyThresholdMs === undefined
      ? []
      : summaries.filter(s => !Number.isNaN(s.p95Ms) && s.p95Ms > options.latencyThresholdMs!)
  const details = summaries.map(describe)
  const data: EndpointsData = { endpoints: summaries }
  if (failing.length > 0) {
    const failed = failing.reduce((n, s) => n + s.errors, 0)
    const probes = summaries.reduce((n, s) => n + s.count, 0)
    const where = failing.map(s => `${s.url} (${problemList(s)})`).join(', ')
    return {
      status: 'fail',
      message: `${what}: ${failed} of ${probes} probes failed at ${where}`,
      details,
      data,
      hint: hintFor(failing)
    }
  }
  if (slow.length > 0) {
    return {
      status: 'fail',
      message: `${what}: p95 latency over ${options.latencyThresholdMs} ms at ${slow.map(s => `${s.url} (${s.p95Ms} ms)`).join(', ')}`,
      details,
      data
    }
  }
  return { status: 'pass', message: `${what}: ${details.join('; ')}`, details, data }
}

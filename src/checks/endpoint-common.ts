/** What the health and API checks share: probe each URL, judge status and latency, describe it. */
import { probe, summarise, type EndpointSummary } from '../net/http-probe.js'
import type { CheckOutcome } from '../types.js'
import type { PreflightOptions } from '../options.js'

export const ENDPOINT_SECTION = '4 Hours Before Deployment › Health Baseline'

function describe(s: EndpointSummary): string {
  const latency = Number.isNaN(s.p50Ms) ? 'no answer' : `p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms`
  return `${s.url}: ${s.ok}/${s.count} OK, ${latency}${s.firstProblem ? ` — ${s.firstProblem}` : ''}`
}

/**
 * Probes every URL `probeCount` times (one URL after another, so the latency measured is the service's,
 * not ours). Blocks when any probe did not answer 200, or when a p95 is over the latency threshold.
 */
export async function checkEndpoints(
  urls: readonly URL[],
  options: PreflightOptions,
  what: string
): Promise<CheckOutcome> {
  const summaries: EndpointSummary[] = []
  for (const url of urls) {
    const samples = await probe(url, {
      token: options.healthToken,
      timeoutMs: options.requestTimeoutMs,
      count: options.probeCount
    })
    summaries.push(summarise(url, samples, 200))
  }
  const failing = summaries.filter(s => s.errors > 0)
  const slow =
    options.latencyThresholdMs === undefined
      ? []
      : summaries.filter(s => !Number.isNaN(s.p95Ms) && s.p95Ms > options.latencyThresholdMs!)
  const details = summaries.map(describe)
  const data = { endpoints: summaries }
  if (failing.length > 0) {
    const first = failing[0]
    return {
      status: 'fail',
      message: `${what}: ${failing.length} of ${summaries.length} did not answer 200 every time (${first.url}: ${first.firstProblem})`,
      details,
      data,
      hint:
        first.statuses['401'] || first.statuses['403']
          ? 'The endpoint refused the credentials: check health-token.'
          : 'Check the service is up and the URL is right; a redirect is reported, not followed.'
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
  return { status: 'pass', message: `${what}: ${summaries.map(describe).join('; ')}`, details, data }
}

/**
 * Probes an HTTP(S) endpoint a few times and measures each answer. Redirects are never followed (a
 * bearer token must not travel to wherever a Location points), bodies are discarded, and every probe is
 * bounded in time. Error messages name the URL without its query or credentials, never the token.
 */
import http from 'node:http'
import https from 'node:https'
import { performance } from 'node:perf_hooks'

export interface ProbeSample {
  /** HTTP status, or undefined when no answer came. */
  status?: number
  /** Time to the response headers. */
  ms: number
  error?: string
}

export interface ProbeOptions {
  /** Sent as `Authorization: Bearer …`. */
  token?: string
  timeoutMs: number
  count: number
}

/** The URL as safe to show: no user info, no query string (either may carry a secret). */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`
}

function probeOnce(url: URL, options: ProbeOptions): Promise<ProbeSample> {
  const client = url.protocol === 'https:' ? https : http
  const started = performance.now()
  const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10
  return new Promise(resolve => {
    let answered: ProbeSample | undefined
    const finish = (sample: ProbeSample): void => {
      clearTimeout(deadline)
      resolve(sample)
    }
    const request = client.get(
      url,
      {
        headers: {
          'user-agent': 'vapora-preflight',
          accept: 'application/json, */*',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {})
        },
        timeout: options.timeoutMs
      },
      response => {
        answered = { status: response.statusCode, ms: elapsed() }
        const sample = answered
        response.resume()
        // Whichever comes first: a body cut off mid-way ends in 'close' without 'end'.
        response.on('end', () => finish(sample))
        response.on('error', () => finish(sample))
        response.on('close', () => finish(sample))
      }
    )
    // The socket timeout only measures silence: a server trickling bytes would never trip it. This
    // bounds the whole probe; a status already received still counts.
    const deadline = setTimeout(() => {
      request.destroy()
      finish(answered ?? { ms: elapsed(), error: `no complete answer within ${options.timeoutMs} ms` })
    }, options.timeoutMs)
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)))
    // Node's network errors carry the host and port, never the request headers.
    request.on('error', error => finish(answered ?? { ms: elapsed(), error: error.message }))
  })
}

/** Probes `url` `count` times, one after the other (latency is what is measured, not throughput). */
export async function probe(url: URL, options: ProbeOptions): Promise<ProbeSample[]> {
  const samples: ProbeSample[] = []
  for (let i = 0; i < options.count; i++) samples.push(await probeOnce(url, options))
  return samples
}

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/** One line per endpoint: statuses, p50/p95/p99 latency and errors, for details and the baseline. */
export interface EndpointSummary {
  url: string
  ok: number
  count: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  errors: number
  statuses: Record<string, number>
  firstProblem?: string
}

export function summarise(url: URL, samples: readonly ProbeSample[], expected: number): EndpointSummary {
  const statuses: Record<string, number> = {}
  for (const s of samples) {
    const key = s.status === undefined ? 'no answer' : String(s.status)
    statuses[key] = (statuses[key] ?? 0) + 1
  }
  const answered = samples.filter(s => s.status !== undefined).map(s => s.ms)
  const bad = samples.find(s => s.status !== expected)
  return {
    url: displayUrl(url),
    ok: samples.filter(s => s.status === expected).length,
    count: samples.length,
    p50Ms: percentile(answered, 50),
    p95Ms: percentile(answered, 95),
    p99Ms: percentile(answered, 99),
    errors: samples.length - samples.filter(s => s.status === expected).length,
    statuses,
    firstProblem: bad
      ? (bad.error ??
        `HTTP ${bad.status}${bad.status && bad.status >= 300 && bad.status < 400 ? ' (redirect, not followed)' : ''}`)
      : undefined
  }
}

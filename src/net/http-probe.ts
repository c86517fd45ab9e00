/**
 * Probes an HTTP(S) endpoint a few times and measures each answer. A probe is an answer only when its
 * status line, headers and whole body arrive within the probe timeout (as the kubelet's HTTP probe, whose
 * client timeout covers reading the body); all the probes of one endpoint share one budget, and a probe
 * the budget has no time left for is not sent. Redirects are never followed (a bearer token must not
 * travel to wherever a Location points), bodies are read and discarded, and error messages name the URL
 * without its query or credentials, never the token.
 */
import http from 'node:http'
import https from 'node:https'
import { performance } from 'node:perf_hooks'

/**
 * How much of a body is read before the answer counts as complete. A health endpoint with a huge body is
 * not hung, and an API list of a few hundred KiB is still read whole, so its latency is the real one; the
 * kubelet reads 10 KiB and treats more as a non-fatal truncation, the same idea.
 */
export const MAX_BODY_BYTES = 1024 * 1024

export interface ProbeSample {
  /** HTTP status, when a status line arrived (even if the rest of the answer did not). */
  status?: number
  /** Status, headers and body (or its first MAX_BODY_BYTES) arrived in time: only then is it an answer. */
  complete: boolean
  /** Time to the complete answer; otherwise until the probe was given up (0 when not sent). */
  ms: number
  /** Why the probe is no answer: a network error, an unfinished answer, or `not sent: …`. */
  error?: string
  /** The endpoint's budget was spent before this probe's turn. */
  notSent?: true
}

export interface ProbeOptions {
  /** Sent as `Authorization: Bearer …`. */
  token?: string
  /** Per probe: connect, status line, headers and the whole body within it. */
  timeoutMs: number
  /** Per endpoint: all its probes together. */
  budgetMs: number
  count: number
}

export interface ProbeRun {
  samples: ProbeSample[]
  /** Wall time of all the probes of the endpoint. */
  spentMs: number
}

/** The URL as safe to show: no user info, no query string (either may carry a secret). */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`
}

/** A duration as people read it in a message: `0.031 s`, `2.5 s`, `30 s`. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000
  return `${Number(s.toFixed(s >= 10 ? 1 : s >= 1 ? 2 : 3))} s`
}

const round = (ms: number): number => Math.round(ms * 10) / 10

/**
 * One probe, given up after `limitMs` (`within` says which bound that is, for the message). A fresh
 * connection each time, as the kubelet's prober: every probe measures the same thing, and no socket
 * outlives the probe.
 */
function probeOnce(
  url: URL,
  token: string | undefined,
  limitMs: number,
  within: string
): Promise<ProbeSample> {
  const client = url.protocol === 'https:' ? https : http
  const started = performance.now()
  const elapsed = (): number => round(performance.now() - started)
  return new Promise(resolve => {
    let status: number | undefined
    let done = false
    const finish = (sample: ProbeSample): void => {
      if (done) return
      done = true
      clearTimeout(deadline)
      request.destroy()
      resolve(sample)
    }
    const cutOff = (cause: string): ProbeSample =>
      status === undefined
        ? { complete: false, ms: elapsed(), error: cause }
        : {
            status,
            complete: false,
            ms: elapsed(),
            error: `answer cut off (status ${status} received, body incomplete: ${cause})`
          }
    const request = client.get(
      url,
      {
        agent: false,
        headers: {
          'user-agent': 'vapora-preflight',
          accept: 'application/json, */*',
          ...(token ? { authorization: `Bearer ${token}` } : {})
        }
      },
      response => {
        status = response.statusCode
        let bytes = 0
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length
          if (bytes >= MAX_BODY_BYTES) finish({ status, complete: true, ms: elapsed() })
        })
        response.on('end', () => finish({ status, complete: true, ms: elapsed() }))
        response.on('error', error => finish(cutOff(error.message)))
        // A body cut off mid-way can end in 'close' without 'end' or 'error'.
        response.on('close', () => finish(cutOff('connection closed')))
      }
    )
    // One deadline for the whole probe: a socket timeout only measures silence, and a server trickling
    // its body a byte at a time would never trip it.
    const deadline = setTimeout(() => {
      const got = status === undefined ? 'no status received' : `status ${status} received, body unfinished`
      finish({ status, complete: false, ms: elapsed(), error: `no complete answer ${within} (${got})` })
    }, limitMs)
    // Node's network errors carry the host and port, never the request headers.
    request.on('error', error => finish(cutOff(error.message)))
  })
}

/**
 * Probes `url` `count` times, one after the other (latency is what is measured, not throughput), each
 * probe within `timeoutMs` and all of them within `budgetMs`: a probe gets the time the budget has left
 * when that is less than its timeout, and once the budget is spent the remaining probes are not sent.
 */
export async function probe(url: URL, options: ProbeOptions): Promise<ProbeRun> {
  const started = performance.now()
  const budget = formatSeconds(options.budgetMs)
  const samples: ProbeSample[] = []
  for (let i = 0; i < options.count; i++) {
    // Whole ms, rounded up: the first probe of a budget equal to the timeout gets the whole timeout.
    const left = Math.ceil(options.budgetMs - (performance.now() - started))
    if (left <= 0) {
      const error = `not sent: the endpoint's ${budget} budget was spent`
      samples.push({ complete: false, ms: 0, error, notSent: true })
    } else if (left < options.timeoutMs) {
      const within = `within the ${formatSeconds(left)} left of the endpoint's ${budget} budget`
      samples.push(await probeOnce(url, options.token, left, within))
    } else {
      const within = `within ${formatSeconds(options.timeoutMs)}`
      samples.push(await probeOnce(url, options.token, options.timeoutMs, within))
    }
  }
  return { samples, spentMs: round(performance.now() - started) }
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
  /** Probes that answered the expected status in time. */
  ok: number
  /** Probes planned (`probe-count`), sent or not. */
  count: number
  /** Of answered probes only (any status); NaN when none answered. */
  p50Ms: number
  p95Ms: number
  p99Ms: number
  /** Probes that failed: a wrong status, no complete answer, or not sent. */
  errors: number
  /** Complete answers by status, with `no complete answer` and `not sent`. */
  statuses: Record<string, number>
  /** Why probes failed, in the order each first happened, with how many probes each. */
  problems: Array<{ problem: string; probes: number }>
  notSent: number
  spentMs: number
  budgetMs: number
  probeTimeoutMs: number
}

function problemOf(sample: ProbeSample, expected: number): string | undefined {
  if (!sample.complete) return sample.error
  if (sample.status === expected) return undefined
  const redirect = sample.status! >= 300 && sample.status! < 400 ? ' (redirect, not followed)' : ''
  return `HTTP ${sample.status}${redirect}`
}

export function summarise(
  url: URL,
  run: ProbeRun,
  expected: number,
  bounds: { budgetMs: number; probeTimeoutMs: number }
): EndpointSummary {
  const { samples } = run
  const statuses: Record<string, number> = {}
  const problems = new Map<string, number>()
  let notSent = 0
  for (const s of samples) {
    if (s.notSent) notSent++
    const key = s.complete ? String(s.status) : s.notSent ? 'not sent' : 'no complete answer'
    statuses[key] = (statuses[key] ?? 0) + 1
    const problem = problemOf(s, expected)
    if (problem) problems.set(problem, (problems.get(problem) ?? 0) + 1)
  }
  const answered = samples.filter(s => s.complete).map(s => s.ms)
  const ok = samples.filter(s => s.complete && s.status === expected).length
  return {
    url: displayUrl(url),
    ok,
    count: samples.length,
    p50Ms: percentile(answered, 50),
    p95Ms: percentile(answered, 95),
    p99Ms: percentile(answered, 99),
    errors: samples.length - ok,
    statuses,
    // In the order they first happened: a hang comes before the probes it left no time for.
    problems: [...problems].map(([problem, probes]) => ({ problem, probes })),
    notSent,
    spentMs: run.spentMs,
    budgetMs: bounds.budgetMs,
    probeTimeoutMs: bounds.probeTimeoutMs
  }
}

/**
 * Failure and delay knobs: tests queue them, and the emulator consults them for each request before the
 * emulated service sees it.
 */
import { openApiValidator } from './openapi-validator.js'
import { DEFAULT_MESSAGES, githubError, type EmulatorRequest, type Reply } from './reply.js'
import { azureError, twirpError } from './results-service.js'

/** Requests to match: a string is an exact pathname, a RegExp is tested against path + query. */
export interface RequestMatcher {
  method?: string
  path: string | RegExp
  /** Tested against the request's body as text, e.g. /"state":"closed"/ for the PATCH that closes. */
  requestBody?: RegExp
}

export interface FailureKnob extends RequestMatcher {
  status: number
  /** How many matching requests fail (default 1). */
  times?: number
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number
  /** The body to send instead of the service's usual error for `status` (objects are sent as JSON). */
  body?: unknown
  /**
   * The request takes effect first (an issue or comment is created, a label deleted…) and only the answer
   * is the failure: what a client sees when GitHub acted and a proxy in front of it still answered 502.
   */
  afterApplying?: boolean
}

/** Slows responses: the reply is computed when the request arrives and sent `ms` later. */
export interface DelayKnob extends RequestMatcher {
  ms: number
  /** How many matching requests are slowed (default: all). */
  times?: number
}

/** What the service would send for the knob's status, in its own error format (GitHub JSON, twirp, Azure XML). */
export function injectedReply(
  knob: FailureKnob,
  kind: 'rest' | 'twirp' | 'blob',
  request: EmulatorRequest
): Reply {
  const headers: Record<string, string> =
    knob.retryAfter === undefined ? {} : { 'retry-after': String(knob.retryAfter) }
  if (knob.body !== undefined) {
    const raw =
      Buffer.isBuffer(knob.body) || typeof knob.body === 'string' ? Buffer.from(knob.body) : undefined
    return { status: knob.status, headers, ...(raw ? { raw } : { json: knob.body }) }
  }
  const message = DEFAULT_MESSAGES[knob.status] ?? 'Error'
  if (kind === 'twirp')
    return { ...twirpError(TWIRP_CODES[knob.status] ?? 'unknown', message), status: knob.status, headers }
  if (kind === 'blob') return { ...azureError(knob.status, 'InjectedFailure', message), headers }
  const matched = openApiValidator().match(request.method, request.url.pathname)
  const docsUrl = 'docsUrl' in matched ? matched.docsUrl : undefined
  if (knob.status === 429 || (knob.status === 403 && knob.retryAfter !== undefined)) {
    headers['x-ratelimit-remaining'] = '0'
    headers['x-ratelimit-reset'] = String(Math.ceil(Date.now() / 1000) + (knob.retryAfter ?? 60))
  }
  return { ...githubError(knob.status, message, docsUrl), headers }
}

const TWIRP_CODES: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'already_exists',
  429: 'resource_exhausted',
  500: 'internal',
  503: 'unavailable'
}

/** The first knob matching the request; counts it down and drops it when used up. */
export function take<T extends RequestMatcher & { left: number }>(
  knobs: T[],
  request: EmulatorRequest
): T | undefined {
  const index = knobs.findIndex(
    k =>
      (!k.method || k.method.toUpperCase() === request.method) &&
      (typeof k.path === 'string'
        ? k.path === request.url.pathname
        : k.path.test(request.url.pathname + request.url.search)) &&
      (!k.requestBody || k.requestBody.test(request.body.toString('utf8')))
  )
  if (index < 0) return undefined
  const knob = knobs[index]
  if (--knob.left <= 0) knobs.splice(index, 1)
  return knob
}

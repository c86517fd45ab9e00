/**
 * What the artifact download did on the wire, attempt by attempt (`artifact-failure.ts` words it).
 *
 * @actions/artifact retries each step itself and then hides what it saw: five storage answers become
 * "Artifact download failed after 5 retries." (no status), a disk that filled up reads the same. We do not
 * parse its debug output (not an interface), nor ask storage again for the status (a later answer may
 * differ from the ones that failed; the one re-read is of a 403's body, see below). We watch the requests it makes, through Node's diagnostics channels:
 * `http.client.*` for @actions/http-client (results service and storage) and `undici:request:*` for
 * Octokit's fetch (the REST calls). Every attempt's status, network error and timing is then exactly what
 * the library got. Requests are attributed to one download through AsyncLocalStorage (the channels publish
 * in the requesting code's async context), so concurrent work elsewhere in the process is never counted.
 * The channels are Node's documented, experimental instrumentation points; were they ever silent, nothing
 * is recorded and the messages fall back to the library's own text.
 *
 * A signed URL's query is a credential (`sig`): it is kept in memory only, for one bounded re-read of a
 * refused answer's body (Azure says there why it refused), and never stored in an attempt or a message.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import diagnostics from 'node:diagnostics_channel'
import { statfs } from 'node:fs/promises'
import http, { type ClientRequest, type IncomingMessage } from 'node:http'
import https from 'node:https'

/** The step of a download a request belongs to. */
export type Step = 'list' | 'sign' | 'redirect' | 'blob' | 'other'

/** One HTTP request as the download made it. No query, no headers but Azure's error code. */
export interface Attempt {
  step: Step
  method: string
  /** scheme://host[:port]. */
  origin: string
  path: string
  startedAt: number
  endedAt?: number
  status?: number
  statusText?: string
  /** Azure's `x-ms-error-code`, e.g. AuthenticationFailed, ServerBusy. */
  storageCode?: string
  /** The network error (ECONNRESET, a timeout…) when no answer came or its body broke off. */
  error?: string
  /** For an answer with a body: all of it arrived, it broke off, or the client stopped reading it. */
  body?: 'open' | 'complete' | 'cut'
  /** The signed URL's `se` (expiry) in ms: compared with the clock, never shown. */
  signedExpiry?: number
}

export interface Recording {
  attempts: Attempt[]
}

const current = new AsyncLocalStorage<Recording>()
const signedUrls = new WeakMap<Attempt, URL>()
const openBodies = new WeakMap<Attempt, IncomingMessage>()
const byRequest = new WeakMap<object, Attempt>()
let subscribed = false

function stepOf(method: string, path: string): Step {
  if (/ArtifactService\/ListArtifacts$/.test(path) || /\/actions\/runs\/\d+\/artifacts$/.test(path))
    return 'list'
  if (/ArtifactService\/GetSignedArtifactURL$/.test(path)) return 'sign'
  if (/\/actions\/artifacts\/\d+\/zip$/.test(path)) return 'redirect'
  if (method === 'GET' && !/\/twirp\/|\/repos\/|\/repositories\//.test(path)) return 'blob'
  return 'other'
}

function begin(request: object, method: string, url: URL): void {
  const recording = current.getStore()
  if (!recording) return
  const step = stepOf(method, url.pathname)
  const expiry = Date.parse(url.searchParams.get('se') ?? '')
  const attempt: Attempt = { step, method, origin: url.origin, path: url.pathname, startedAt: Date.now() }
  if (Number.isFinite(expiry)) attempt.signedExpiry = expiry
  if (url.searchParams.has('sig')) signedUrls.set(attempt, url)
  byRequest.set(request, attempt)
  recording.attempts.push(attempt)
}

function failed(request: object, error: unknown): void {
  const attempt = byRequest.get(request)
  if (!attempt) return
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  attempt.error ??= code ?? message ?? String(error)
  attempt.endedAt ??= Date.now()
  if (attempt.body === 'open') attempt.body = 'cut'
}

function subscribe(): void {
  if (subscribed) return
  subscribed = true
  diagnostics.subscribe('http.client.request.start', message => {
    const request = (message as { request: ClientRequest }).request
    const host = String(request.getHeader('host') ?? request.host)
    begin(request, request.method, new URL(request.path, `${request.protocol}//${host}`))
  })
  diagnostics.subscribe('http.client.response.finish', message => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage }
    const attempt = byRequest.get(request)
    if (!attempt) return
    attempt.status = response.statusCode
    attempt.statusText = response.statusMessage || undefined
    attempt.storageCode = headerText(response.headers['x-ms-error-code'])
    attempt.endedAt = Date.now()
    attempt.body = 'open'
    openBodies.set(attempt, response)
    // 'end' and 'close' listeners do not start the stream flowing: the library still reads it itself.
    response.once('end', () => (attempt.body = 'complete'))
    response.once('close', () => {
      openBodies.delete(attempt)
      if (attempt.body === 'open') {
        attempt.body = response.complete ? 'complete' : 'cut'
        if (response.errored) attempt.error ??= response.errored.message
      }
    })
  })
  diagnostics.subscribe('http.client.request.error', message => {
    const { request, error } = message as { request: ClientRequest; error: unknown }
    failed(request, error)
  })
  type UndiciRequest = { origin?: string | URL; method?: string; path?: string }
  diagnostics.subscribe('undici:request:create', message => {
    const request = (message as { request: UndiciRequest }).request
    if (request.origin === undefined || request.path === undefined) return
    begin(request, request.method ?? 'GET', new URL(request.path, request.origin))
  })
  diagnostics.subscribe('undici:request:headers', message => {
    const { request, response } = message as {
      request: object
      response: { statusCode: number; statusText?: string; headers?: Array<Buffer | string> }
    }
    const attempt = byRequest.get(request)
    if (!attempt) return
    attempt.status = response.statusCode
    attempt.statusText = response.statusText || undefined
    attempt.endedAt = Date.now()
    const raw = response.headers ?? []
    for (let i = 0; i + 1 < raw.length; i += 2) {
      if (String(raw[i]).toLowerCase() === 'x-ms-error-code') attempt.storageCode = String(raw[i + 1])
    }
  })
  diagnostics.subscribe('undici:request:error', message => {
    const { request, error } = message as { request: object; error: unknown }
    failed(request, error)
  })
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** Runs `work`, recording into `recording` every HTTP request it makes (directly or in libraries). */
export function watch<T>(recording: Recording, work: () => Promise<T>): Promise<T> {
  subscribe()
  return current.run(recording, work)
}

/**
 * After a failure: lets go of answers the library stopped reading (after a write error it leaves the
 * storage response paused, holding its socket) and marks them as not read to the end.
 */
export function release(recording: Recording): void {
  for (const attempt of recording.attempts) {
    const body = openBodies.get(attempt)
    if (body && attempt.body === 'open') body.destroy()
  }
}

/**
 * Re-reads a refused storage answer's body once (bounded by `timeoutMs`, at most 8 KiB) for Azure's
 * reason: `AuthenticationErrorDetail` tells an expired signature from a wrong one. Nothing of the URL or
 * the body is returned but the error code and whether the reason is about time.
 */
export async function askStorageWhy(
  attempt: Attempt,
  timeoutMs = 5000
): Promise<{ status?: number; code?: string; expired: boolean } | undefined> {
  const url = signedUrls.get(attempt)
  if (!url) return undefined
  const client = url.protocol === 'https:' ? https : http
  return new Promise(resolve => {
    const request = client.get(url, { headers: { 'user-agent': 'vapora-preflight' } }, response => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        text += chunk
        if (text.length > 8192) response.destroy()
      })
      response.on('close', () => {
        clearTimeout(timer)
        const code = headerText(response.headers['x-ms-error-code']) ?? /<Code>([^<]*)</.exec(text)?.[1]
        const detail = /<AuthenticationErrorDetail>([^<]*)</.exec(text)?.[1] ?? ''
        const expired = /expir|not valid in the specified time frame/i.test(detail)
        resolve({ status: response.statusCode, code, expired })
      })
    })
    const timer = setTimeout(() => request.destroy(new Error('timeout')), timeoutMs)
    request.on('error', () => {
      clearTimeout(timer)
      resolve(undefined)
    })
  })
}

/** Free bytes on the file system holding `dir`, when it can be told. */
export async function freeBytes(dir: string): Promise<number | undefined> {
  try {
    const stats = await statfs(dir)
    return Number(stats.bavail) * Number(stats.bsize)
  } catch {
    return undefined
  }
}

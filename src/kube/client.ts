/**
 * A small raw client for the Kubernetes API. Authentication and TLS come from @kubernetes/client-node's
 * KubeConfig (certificates, tokens, in-cluster); exec credential plugins are run by ExecCredentials, with a
 * timeout, and their credential handed to the KubeConfig. Requests are sent as raw JSON, because
 * client-node's typed models silently drop unknown fields — and a dry-run of a manifest with a typo must
 * reach the server with the typo. Over TLS they share one HTTP/2 connection, as kubectl's do (one
 * handshake, and each request is a stream: measured ~9 ms less CPU of a ~150 ms preflight than a pool of
 * HTTP/1.1 connections); a server that does not offer h2 (a proxy, say) is spoken to over HTTP/1.1.
 *
 * Every request has a timeout; transient failures (network errors, 429, 502-504) are retried with backoff
 * within a bounded budget; everything else fails at once with the server's own message.
 */
import http from 'node:http'
import https from 'node:https'
import http2 from 'node:http2'
import { isIP } from 'node:net'
import { connect as connectTls, createSecureContext, type SecureContext } from 'node:tls'
import type { KubeConfig } from '@kubernetes/client-node'
import { describeError } from '../core/errors.js'
import { DEFAULT_EXEC_TIMEOUT_MS, type ExecCredentials } from './exec-credential.js'
import { PROTOBUF } from './protobuf.js'

export interface KubeRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** Absolute API path, e.g. `/api/v1/namespaces/vapora`. */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  contentType?: string
  /**
   * Asks for Kubernetes' protobuf encoding (JSON stays acceptable) and decodes a protobuf answer with
   * this, an error's Status included; a JSON answer is parsed as usual. For a list whose size is the
   * cluster's, decoding only the fields a check reads (see protobuf.ts).
   */
  protobuf?: (bytes: Uint8Array) => unknown
}

export interface KubeResponse<T> {
  status: number
  body: T
  /** Server warnings (the `Warning` response headers), e.g. deprecated API versions. */
  warnings: string[]
}

/** The Kubernetes `Status` object servers answer errors with. */
export interface KubeStatus {
  kind?: string
  message?: string
  reason?: string
  code?: number
  details?: {
    name?: string
    kind?: string
    causes?: Array<{ field?: string; message?: string; reason?: string }>
  }
}

export class KubeApiError extends Error {
  override name = 'KubeApiError'
  /** The server's `Retry-After`, in seconds, when it sent one (429, 503). */
  readonly retryAfterS?: number
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly kubeStatus?: KubeStatus,
    options?: { cause?: unknown; retryAfterS?: number }
  ) {
    super(message, options)
    this.retryAfterS = options?.retryAfterS
  }

  /** True when the server could not be reached or did not answer in time. */
  get unreachable(): boolean {
    return this.status === undefined
  }
}

export interface ClientOptions {
  /** Per-attempt timeout. */
  timeoutMs: number
  /** Attempts for transient failures (1 = no retry). */
  attempts: number
  /** First backoff; doubles each retry. */
  backoffMs: number
  /** Requests in flight at once. */
  concurrency: number
  /** How long the kubeconfig's exec credential plugin may take to print a credential (each time it runs). */
  execTimeoutMs: number
  /** Called with the secrets of credentials obtained later in the run (an exec plugin's refreshed token). */
  onSecrets?: (secrets: string[]) => void
  /** Objects per page of a list (`limit`); the server's continue token asks for the next page. */
  pageSize: number
  /** Pages one pass over a list may take: a list longer than this is an error, never an endless loop. */
  pageCap: number
  /** Times a list starts again from the start when its continue token expired (410 Gone). */
  listRestarts: number
}

export const DEFAULT_CLIENT_OPTIONS: ClientOptions = {
  timeoutMs: 10_000,
  attempts: 3,
  backoffMs: 250,
  // A preflight asks ~30 small things at once (8 access reviews, the dry-runs, the lists' first pages):
  // 16 streams on the one HTTP/2 connection send them together instead of queueing the dry-runs behind
  // the access reviews; the lists that grow with the cluster stay one page in flight each.
  concurrency: 16,
  execTimeoutMs: DEFAULT_EXEC_TIMEOUT_MS,
  // kubectl's --chunk-size: a page of pods is ~2 MB of JSON, so one page in memory stays small.
  pageSize: 500,
  // 500,000 objects: far beyond any namespace's pods or events, and ~10x the pods of a 5,000-node cluster.
  pageCap: 1000,
  // Once: a token expires when a pass outlives etcd's compaction window (5 min by default), so a second
  // expiry means passes that slow will keep expiring.
  listRestarts: 1
}

/** One page of a list, as the server sends it. */
interface ListPage<T> {
  items?: T[]
  metadata?: { resourceVersion?: string; continue?: string }
}

/** A list folded page by page (`KubeClient.fold`), and what reading it cost. */
export interface FoldedList<A> {
  value: A
  pages: number
  items: number
  restarts: number
  /** The list's resourceVersion (every page of a pass is a snapshot at it): where a watch starts. */
  resourceVersion?: string
}

const TRANSIENT_STATUS = new Set([429, 502, 503, 504])
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  // An HTTP/2 stream the server refused or reset (a GOAWAY), or cut off with its connection.
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_STREAM_CANCEL',
  'ERR_HTTP2_GOAWAY_SESSION',
  'ERR_HTTP2_SESSION_ERROR',
  'ERR_HTTP2_INVALID_SESSION'
])

/**
 * HTTP/2 flow control: what the server may send ahead on one stream (client-go's 4 MiB), and on the
 * connection. Node's defaults (64 KiB) would hold a 4 MB page of pods to a round trip per 64 KiB.
 */
const STREAM_WINDOW = 4 * 1024 * 1024
const CONNECTION_WINDOW = 32 * 1024 * 1024
/** Node's default (10 MB) is less than a few pages of pods in flight at once. */
const SESSION_MEMORY_MB = 128

/**
 * An answer, whichever HTTP version carried it: its status and headers (lower-case names), and its body
 * as it arrives. `ended` resolves at the body's end and rejects with the network failure that cut it short
 * (a reset, a timeout, a connection closed mid-body): a reader never waits on a body that will not come.
 */
interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  onData(listener: (chunk: Buffer) => void): void
  ended: Promise<void>
}

const cutShort = (): NodeJS.ErrnoException =>
  Object.assign(new Error('the connection closed before the answer ended'), { code: 'ECONNRESET' })

const noAnswerWithin = (ms: number | undefined): NodeJS.ErrnoException =>
  Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' })

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Parses `Warning: 299 - "message"` headers into their messages. */
function parseWarnings(header: string | string[] | undefined): string[] {
  const values = header === undefined ? [] : Array.isArray(header) ? header : [header]
  return values.flatMap(value =>
    [...value.matchAll(/\d{3} \S+ "((?:[^"\\]|\\.)*)"/g)].map(m => m[1].replace(/\\"/g, '"'))
  )
}

/** Certificate and key as comparable text (client-node gives Buffers). */
const identity = (options: Pick<https.AgentOptions, 'cert' | 'key'>): string =>
  [options.cert, options.key]
    .map(v => (v === undefined ? '' : Buffer.isBuffer(v) ? v.toString('base64') : String(v)))
    .join('|')

/**
 * One TLS context for all of an agent's connections: without it each connection builds its own, parsing
 * the CA and the client certificate again (~5 ms of CPU each). A context that cannot be built (a broken
 * certificate) is left to the first connection, which fails with the error the checks explain.
 */
function sharedSecureContext(tls: https.AgentOptions): { secureContext?: SecureContext } {
  const { ca, cert, key, pfx, passphrase } = tls
  try {
    return { secureContext: createSecureContext({ ca, cert, key, pfx, passphrase }) }
  } catch {
    return {}
  }
}

export class KubeClient {
  private readonly server: URL
  private agent: http.Agent
  /** TLS options with the shared context, for the HTTP/2 connection (the agent has its own copy). */
  private connectOptions: https.AgentOptions
  /** The HTTP/2 connection while it is open. */
  private session?: http2.ClientHttp2Session
  /** False once the server chose HTTP/1.1 over h2 (ALPN): from then on, the agent's pool for the run. */
  private speaksH2?: boolean
  private connecting?: Promise<http2.ClientHttp2Session | undefined>
  /** Agents replaced when the client certificate changed (a refreshed exec credential); closed with the client. */
  private readonly retired: http.Agent[] = []
  private tlsIdentity: string
  private inFlight = 0
  private readonly waiting: Array<() => void> = []
  /** Set once a request found the server unreachable after all retries: later requests fail at once. */
  private down?: KubeApiError
  private downAt?: number

  /** When and why the server stopped answering during this run (after retries); undefined while it answers. */
  get lost(): { at: number; message: string } | undefined {
    return this.down && this.downAt !== undefined
      ? { at: this.downAt, message: this.down.message }
      : undefined
  }

  private constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly tls: https.AgentOptions,
    readonly options: ClientOptions,
    private readonly credentials?: ExecCredentials
  ) {
    const cluster = kubeConfig.getCurrentCluster()!
    this.server = new URL(cluster.server)
    this.tlsIdentity = identity(tls)
    this.connectOptions = this.server.protocol === 'https:' ? { ...tls, ...sharedSecureContext(tls) } : {}
    this.agent = this.newAgent(this.connectOptions)
  }

  private newAgent(connectOptions: https.AgentOptions): http.Agent {
    const agentOptions = { keepAlive: true, maxSockets: this.options.concurrency }
    if (this.server.protocol === 'http:') return new http.Agent(agentOptions)
    return new https.Agent({ ...agentOptions, ...connectOptions })
  }

  /**
   * Builds a client for the KubeConfig's current context. With `credentials` (the current user's exec
   * plugin), the plugin runs first, within its timeout; if it fails, the first request throws its error.
   */
  static async create(
    kubeConfig: KubeConfig,
    options: Partial<ClientOptions> = {},
    credentials?: ExecCredentials
  ): Promise<KubeClient> {
    await credentials?.prepare()
    const applied: https.RequestOptions = {}
    await kubeConfig.applyToHTTPSOptions(applied)
    const { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername } = applied
    return new KubeClient(
      kubeConfig,
      { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername },
      { ...DEFAULT_CLIENT_OPTIONS, ...options },
      credentials
    )
  }

  /** Objects per page of a list (`ClientOptions.pageSize`). */
  get pageSize(): number {
    return this.options.pageSize
  }

  /** The API server URL (no credentials). */
  get serverUrl(): string {
    return this.server.origin + this.server.pathname.replace(/\/$/, '')
  }

  private async acquire(): Promise<void> {
    if (this.inFlight < this.options.concurrency) {
      this.inFlight++
      return
    }
    await new Promise<void>(resolve => this.waiting.push(resolve))
  }

  private release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.inFlight--
  }

  /** Fresh auth headers for each request: exec plugins and OIDC tokens expire. */
  private async authHeaders(): Promise<Record<string, string>> {
    // Throws the plugin's error (a timeout, a failure) when there is no credential to send.
    await this.credentials?.current()
    const opts: https.RequestOptions = {}
    await this.kubeConfig.applyToHTTPSOptions(opts)
    if (this.server.protocol === 'https:' && identity(opts) !== this.tlsIdentity) {
      // A new client certificate (a refreshed exec credential): new connections present it; the
      // requests on the old HTTP/2 connection finish there.
      const tls = { ...this.tls, cert: opts.cert, key: opts.key }
      this.connectOptions = { ...tls, ...sharedSecureContext(tls) }
      this.retired.push(this.agent)
      this.agent = this.newAgent(this.connectOptions)
      this.session?.close()
      this.session = undefined
      this.tlsIdentity = identity(opts)
    }
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(opts.headers ?? {})) headers[name] = String(value)
    if (opts.auth) headers.Authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`
    return headers
  }

  /**
   * The one request path: URL, headers, transport and timeout, for a call and a watch alike. Resolves with
   * the answer as soon as its status and headers arrive; a network failure before that rejects, one after
   * it rejects the answer's `ended`. `timeoutMs` bounds every wait for the server: connecting, the answer,
   * and each gap in its body.
   */
  private async send(
    req: KubeRequest,
    headers: Record<string, string>,
    options: { timeoutMs?: number; signal?: AbortSignal } = {}
  ): Promise<Answer> {
    const url = new URL(this.server.pathname.replace(/\/$/, '') + req.path, this.server)
    for (const [name, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value))
    }
    const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body))
    const head: Record<string, string | number> = {
      ...headers,
      Accept: req.protobuf ? `${PROTOBUF}, application/json` : 'application/json',
      'User-Agent': 'vapora-preflight',
      ...(payload
        ? { 'Content-Type': req.contentType ?? 'application/json', 'Content-Length': payload.length }
        : {})
    }
    // Connecting is bounded by the request timeout even for a watch, whose own wait is its deadline.
    const session =
      url.protocol === 'https:'
        ? await this.http2Session(options.timeoutMs ?? this.options.timeoutMs)
        : undefined
    return session
      ? this.sendHttp2(session, url, req.method, head, payload, options)
      : this.sendHttp1(url, req.method, head, payload, options)
  }

  /**
   * The open HTTP/2 connection, or a new one (requests that arrive while it connects share it); undefined
   * when the server does not offer h2, and from then on for the run.
   */
  private async http2Session(timeoutMs: number | undefined): Promise<http2.ClientHttp2Session | undefined> {
    if (this.speaksH2 === false) return undefined
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session
    this.connecting ??= this.connectHttp2(timeoutMs).finally(() => (this.connecting = undefined))
    return this.connecting
  }

  /** A TLS connection offering h2 and http/1.1: an HTTP/2 session on it if the server chose h2. */
  private connectHttp2(timeoutMs: number | undefined): Promise<http2.ClientHttp2Session | undefined> {
    const host = this.server.hostname.replace(/^\[|\]$/g, '')
    const connectOptions = this.connectOptions
    const { servername, ...tls } = connectOptions
    return new Promise((resolve, reject) => {
      const socket = connectTls({
        ...tls,
        host,
        port: Number(this.server.port) || 443,
        // SNI names a host, never an address (as node:https does).
        servername: servername ?? (isIP(host) ? undefined : host),
        ALPNProtocols: ['h2', 'http/1.1']
      })
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => socket.destroy(noAnswerWithin(timeoutMs)), timeoutMs)
      socket.once('error', error => {
        clearTimeout(timer)
        reject(this.networkError(error))
      })
      socket.once('secureConnect', () => {
        clearTimeout(timer)
        if (socket.alpnProtocol !== 'h2') {
          this.speaksH2 = false
          socket.destroy()
          return resolve(undefined)
        }
        this.speaksH2 = true
        const session = http2.connect(this.server.origin, {
          createConnection: () => socket,
          settings: { initialWindowSize: STREAM_WINDOW },
          maxSessionMemory: SESSION_MEMORY_MB
        })
        // Each stream reports the failure that ends it; the connection is only forgotten.
        session.on('error', () => undefined)
        const forget = (): void => {
          if (this.session === session) this.session = undefined
        }
        session.once('close', forget)
        session.once('goaway', forget)
        session.once('connect', () => session.setLocalWindowSize(CONNECTION_WINDOW))
        // A client certificate refreshed while this connected: the requests waiting use this connection,
        // later ones a new one that presents the new certificate.
        if (this.connectOptions === connectOptions) this.session = session
        else session.once('connect', () => session.close())
        resolve(session)
      })
    })
  }

  private sendHttp2(
    session: http2.ClientHttp2Session,
    url: URL,
    method: string,
    head: Record<string, string | number>,
    payload: Buffer | undefined,
    options: { timeoutMs?: number; signal?: AbortSignal }
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers: http2.OutgoingHttpHeaders = { ':method': method, ':path': url.pathname + url.search }
      for (const [name, value] of Object.entries(head)) headers[name.toLowerCase()] = value
      let stream: http2.ClientHttp2Stream
      try {
        stream = session.request(headers, { signal: options.signal })
      } catch (error) {
        // The connection went away between the check and the request: a transient failure, retried.
        return reject(this.networkError(error as NodeJS.ErrnoException))
      }
      if (options.timeoutMs !== undefined) {
        const ms = options.timeoutMs
        stream.setTimeout(ms, () => stream.destroy(noAnswerWithin(ms)))
      }
      let answered = false
      const ended = new Promise<void>((done, failed) => {
        // A connection that goes mid-body ends its streams too, cancelled (NGHTTP2_CANCEL): only a stream
        // the server ended itself (no error code) has all of its answer.
        stream.once('end', () =>
          stream.rstCode === undefined || stream.rstCode === http2.constants.NGHTTP2_NO_ERROR
            ? done()
            : failed(this.networkError(cutShort()))
        )
        stream.once('error', error => failed(this.networkError(error)))
        stream.once('close', () => failed(this.networkError(cutShort())))
      })
      stream.once('response', received => {
        answered = true
        resolve({
          status: Number(received[':status']),
          headers: received,
          onData: listener => stream.on('data', listener),
          ended
        })
      })
      // Before the answer, a failure is the request's; after it, its reader's (one that stopped early,
      // a watch that is done, never awaits it).
      ended.catch(error => {
        if (!answered) reject(error)
      })
      stream.end(payload)
    })
  }

  private sendHttp1(
    url: URL,
    method: string,
    head: Record<string, string | number>,
    payload: Buffer | undefined,
    options: { timeoutMs?: number; signal?: AbortSignal }
  ): Promise<Answer> {
    const transport = url.protocol === 'http:' ? http : https
    return new Promise((resolve, reject) => {
      let response: http.IncomingMessage | undefined
      const request = transport.request(
        url,
        { method, agent: this.agent, headers: head, timeout: options.timeoutMs, signal: options.signal },
        answer => {
          response = answer
          const ended = new Promise<void>((done, failed) => {
            answer.once('end', done)
            // Node's "aborted" (a connection dropped mid-body) is a network failure like any other: retried.
            answer.once('error', error => failed(this.networkError(error)))
            answer.once('close', () => failed(this.networkError(cutShort())))
          })
          ended.catch(() => undefined)
          resolve({
            status: answer.statusCode ?? 0,
            headers: answer.headers,
            onData: listener => answer.on('data', listener),
            ended
          })
        }
      )
      request.on('timeout', () => request.destroy(noAnswerWithin(options.timeoutMs)))
      request.on('error', error => {
        const failure = this.networkError(error)
        if (response) response.destroy(failure)
        else reject(failure)
      })
      request.end(payload)
    })
  }

  /** A failure to talk to the server at all, as one line that says what to check. */
  private networkError(error: NodeJS.ErrnoException): KubeApiError {
    if (error instanceof KubeApiError) return error // already said (a response destroyed with it)
    const code = error.code ?? ''
    const what = /CERT|SSL|TLS|SIGNATURE|ALTNAME/.test(code)
      ? `the API server at ${this.serverUrl} failed TLS verification (check the kubeconfig's certificate-authority)`
      : `cannot reach the API server at ${this.serverUrl}`
    return new KubeApiError(`${what}: ${code} ${error.message}`.replace('  ', ' '), undefined, undefined, {
      cause: error
    })
  }

  /** One attempt: the whole answer read and parsed; an error status becomes a KubeApiError. */
  private async attempt<T>(req: KubeRequest, headers: Record<string, string>): Promise<KubeResponse<T>> {
    const response = await this.send(req, headers, { timeoutMs: this.options.timeoutMs })
    const chunks: Buffer[] = []
    response.onData(chunk => chunks.push(chunk))
    await response.ended
    const bytes = Buffer.concat(chunks)
    const status = response.status
    let body: unknown
    const contentType = response.headers['content-type']
    if (req.protobuf && typeof contentType === 'string' && contentType.startsWith(PROTOBUF)) {
      try {
        body = req.protobuf(bytes)
      } catch (error) {
        throw new KubeApiError(
          `cannot read the API server's protobuf answer to ${req.path} (HTTP ${status}): ${describeError(error)}`,
          status,
          undefined,
          { cause: error }
        )
      }
    } else {
      const text = bytes.toString('utf8')
      body = text
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {
        // Not JSON (a proxy's HTML error page, say): keep the text for the message.
      }
    }
    const warnings = parseWarnings(response.headers.warning)
    if (status >= 200 && status < 300) return { status, body: body as T, warnings }
    const kubeStatus = typeof body === 'object' && body !== null ? (body as KubeStatus) : undefined
    const message =
      kubeStatus?.message ?? (typeof body === 'string' && body ? body.slice(0, 300) : `HTTP ${status}`)
    throw new KubeApiError(message, status, kubeStatus, {
      retryAfterS: Number(response.headers['retry-after']) || undefined
    })
  }

  /** Sends a request, retrying transient failures. Throws `KubeApiError` with the server's message. */
  async request<T>(req: KubeRequest): Promise<KubeResponse<T>> {
    await this.acquire()
    try {
      // A dead server would otherwise cost every remaining call its full timeout and retries.
      if (this.down)
        throw new KubeApiError(`the API server stopped answering: ${this.down.message}`, undefined)
      let lastError: unknown
      for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
        try {
          return await this.attempt<T>(req, await this.authHeaders())
        } catch (error) {
          lastError = error
          if (!(error instanceof KubeApiError) || attempt === this.options.attempts) break
          const code = ((error.cause as NodeJS.ErrnoException | undefined)?.code ?? '') as string
          const transient =
            error.status === undefined ? TRANSIENT_CODES.has(code) : TRANSIENT_STATUS.has(error.status)
          if (!transient) break
          const retryAfterMs = (error.retryAfterS ?? 0) * 1000
          await sleep(Math.min(Math.max(retryAfterMs, this.options.backoffMs * 2 ** (attempt - 1)), 5000))
        }
      }
      if (lastError instanceof KubeApiError && lastError.unreachable && !this.down) {
        this.down = lastError
        this.downAt = Date.now()
      }
      throw lastError
    } finally {
      this.release()
    }
  }

  async get<T>(path: string, query?: KubeRequest['query']): Promise<T> {
    return (await this.request<T>({ method: 'GET', path, query })).body
  }

  /** GET that answers undefined for 404 instead of throwing. */
  async getOptional<T>(path: string, query?: KubeRequest['query']): Promise<T | undefined> {
    try {
      return await this.get<T>(path, query)
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) return undefined
      throw error
    }
  }

  /**
   * Lists `path` page by page (`limit` + `continue`, as kubectl does), folding each object into the value
   * `start` made; each page is one request (retried as any other) and is dropped before the next is asked
   * for. A continue token the server no longer honours (410: etcd compacted the revision it pins) starts
   * the list again from `start()`, at most `listRestarts` times; a pass of more than `pageCap` pages is an
   * error. `how.label` names the list in those errors; `how.protobuf` decodes pages asked for in protobuf
   * (see `KubeRequest.protobuf`), and `how.pageSize` sets the objects per page instead of the client's.
   */
  async fold<T, A>(
    path: string,
    query: KubeRequest['query'],
    start: () => A,
    step: (value: A, object: T) => A,
    how: { label?: string; protobuf?: KubeRequest['protobuf']; pageSize?: number } = {}
  ): Promise<FoldedList<A>> {
    const { pageCap, listRestarts } = this.options
    const { label = path, protobuf, pageSize = this.options.pageSize } = how
    let pages = 0
    let items = 0
    for (let restarts = 0; ; restarts++) {
      let value = start()
      let token: string | undefined
      let resourceVersion: string | undefined
      let passPages = 0
      try {
        do {
          const { body: page } = await this.request<ListPage<T>>({
            method: 'GET',
            path,
            query: { ...query, limit: pageSize, continue: token },
            protobuf
          })
          pages++
          passPages++
          for (const object of page.items ?? []) value = step(value, object)
          items += page.items?.length ?? 0
          resourceVersion ??= page.metadata?.resourceVersion
          token = page.metadata?.continue || undefined
          if (token && passPages >= pageCap) {
            throw new Error(
              `listing ${label}: more than ${pageCap} pages of ${pageSize} objects, the most the preflight reads of one list (${pageCap * pageSize} objects)`
            )
          }
        } while (token)
        return { value, pages, items, restarts, resourceVersion }
      } catch (error) {
        const expired = token !== undefined && error instanceof KubeApiError && error.status === 410
        if (!expired) throw error
        if (restarts < listRestarts) continue
        throw new KubeApiError(
          `listing ${label}: the continue token expired ${restarts + 1} times (410 Gone: a pass over the list took longer than the server keeps its history); re-run when the API server is less loaded`,
          410,
          error.kubeStatus,
          { cause: error }
        )
      }
    }
  }

  /**
   * Lists `path`, then watches it (`watch=1` from the list's resourceVersion), calling `isDone` with the
   * current objects after the list and after every event, until it returns true or `deadline` (epoch ms)
   * passes. A watch the server ends (its timeoutSeconds, or 410 Gone) is resumed with a fresh list.
   * Returns the last objects seen and whether `isDone` was satisfied.
   */
  async watchUntil<T extends { metadata?: { name?: string; resourceVersion?: string } }>(
    path: string,
    isDone: (objects: T[]) => boolean,
    deadline: number
  ): Promise<{ done: boolean; objects: T[] }> {
    let objects: T[] = []
    while (Date.now() < deadline) {
      const list = await this.fold<T, Map<string, T>>(
        path,
        {},
        () => new Map(),
        (byName, object) => byName.set(object.metadata?.name ?? '', object)
      )
      const byName = list.value
      objects = [...byName.values()]
      if (isDone(objects)) return { done: true, objects }
      const outcome = await this.streamWatch<T>(path, list.resourceVersion, deadline, (type, object) => {
        const name = object.metadata?.name ?? ''
        if (type === 'DELETED') byName.delete(name)
        else if (type === 'ADDED' || type === 'MODIFIED') byName.set(name, object)
        objects = [...byName.values()]
        return isDone(objects)
      })
      if (outcome === 'done') return { done: true, objects }
      // The server ended the watch (its timeout, or 410 Gone): list again, but never in a tight loop.
      await sleep(Math.min(1000, Math.max(0, deadline - Date.now())))
    }
    return { done: false, objects }
  }

  /** One watch request: resolves 'done', or 'ended' when the server or the deadline closes it. */
  private async streamWatch<T>(
    path: string,
    resourceVersion: string | undefined,
    deadline: number,
    onEvent: (type: string, object: T) => boolean
  ): Promise<'done' | 'ended'> {
    const remainingS = Math.max(1, Math.ceil((deadline - Date.now()) / 1000))
    const query = {
      watch: '1',
      allowWatchBookmarks: 'false',
      timeoutSeconds: String(Math.min(remainingS, 300)),
      resourceVersion: resourceVersion || undefined
    }
    // Our own deadline, not a socket timeout: the server's timeoutSeconds is a hint, a quiet watch is
    // legitimate, and a silent connection must still not hang us.
    const abort = new AbortController()
    const timer = setTimeout(() => abort.abort(), Math.max(0, deadline - Date.now()) + 50)
    let response: Answer
    try {
      response = await this.send({ method: 'GET', path, query }, await this.authHeaders(), {
        signal: abort.signal
      })
    } catch (error) {
      clearTimeout(timer)
      if (abort.signal.aborted) return 'ended'
      const message = error instanceof Error ? error.message : String(error)
      throw new KubeApiError(`watching ${path}: ${message}`, undefined, undefined, { cause: error })
    }
    const status = response.status
    if (status >= 300) {
      // e.g. 403: allowed to list but not to watch. Re-listing would loop until the deadline.
      clearTimeout(timer)
      abort.abort()
      throw new KubeApiError(`watching ${path}: HTTP ${status}`, status)
    }
    return new Promise(resolve => {
      let settled = false
      const finish = (outcome: 'done' | 'ended'): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        abort.abort()
        resolve(outcome)
      }
      let buffered = ''
      response.onData(chunk => {
        buffered += chunk.toString('utf8')
        let newline: number
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline).trim()
          buffered = buffered.slice(newline + 1)
          if (!line) continue
          let event: { type?: string; object?: T }
          try {
            event = JSON.parse(line)
          } catch {
            continue
          }
          // ERROR carries a Status (e.g. 410 Gone: the resourceVersion is too old): list again.
          if (event.type === 'ERROR' || !event.object) return finish('ended')
          if (onEvent(event.type ?? '', event.object)) return finish('done')
        }
      })
      // The server or the deadline closed it, or the connection went: either way, list again.
      response.ended.then(
        () => finish('ended'),
        () => finish('ended')
      )
    })
  }

  /** Closes kept-alive connections so the process can exit. */
  close(): void {
    this.session?.destroy()
    this.session = undefined
    this.agent.destroy()
    this.retired.forEach(agent => agent.destroy())
  }
}

/**
 * Retry, timeout and error behaviour of the raw client, against a real server on loopback that misbehaves
 * on purpose (a real API server cannot be made to answer 429 or hang on demand), over each transport the
 * client speaks: plain HTTP/1.1, HTTP/2 over TLS (what an API server offers), and HTTP/1.1 over TLS (a
 * server or proxy that does not offer h2, which the client falls back to).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2'
import type { AddressInfo, Server } from 'node:net'
import { KubeConfig } from '@kubernetes/client-node'
import { KubeApiError, KubeClient } from '../src/kube/client.js'
import { cleanupTempDirs, tempDir } from '../test/fixtures.js'
import { makeTestCertificates } from '../test/tls-certs.js'

type Handler = (req: IncomingMessage, res: ServerResponse, count: number) => void

const TRANSPORTS = ['HTTP/1.1', 'HTTP/2 over TLS', 'HTTP/1.1 over TLS (no h2 offered)'] as const
type Transport = (typeof TRANSPORTS)[number]

const certs = makeTestCertificates(tempDir('kube-client-certs-'))

interface Served {
  url: string
  hits: () => number
  /** TLS connections (HTTP/2 sessions or HTTP/1.1 sockets) the server accepted. */
  connections: () => number
  close: () => void
}

/** The server and client helpers for one transport. */
function over(transport: Transport) {
  async function serve(handler: Handler): Promise<Served> {
    let count = 0
    let connections = 0
    const handle = (req: IncomingMessage, res: ServerResponse) => handler(req, res, ++count)
    // HTTP/2's compatibility API answers as node:http does: the same handlers serve every transport.
    const handleHttp2 = handle as unknown as (req: Http2ServerRequest, res: Http2ServerResponse) => void
    const server: Server =
      transport === 'HTTP/1.1'
        ? createServer(handle)
        : transport === 'HTTP/2 over TLS'
          ? createSecureServer({ ...certs.valid, allowHTTP1: false }, handleHttp2)
          : createTlsServer(certs.valid, handle)
    server.on(transport === 'HTTP/1.1' ? 'connection' : 'secureConnection', () => connections++)
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const scheme = transport === 'HTTP/1.1' ? 'http' : 'https'
    return {
      url: `${scheme}://127.0.0.1:${port}`,
      hits: () => count,
      connections: () => connections,
      close: () => server.close()
    }
  }

  async function clientFor(url: string, options = {}): Promise<KubeClient> {
    const kc = new KubeConfig()
    const cluster = url.startsWith('https:')
      ? { name: 'c', server: url, caData: Buffer.from(certs.ca).toString('base64') }
      : // client-node allows plain http only with skipTLSVerify
        { name: 'c', server: url, skipTLSVerify: true }
    kc.loadFromOptions({
      clusters: [cluster],
      users: [{ name: 'u', token: 'test-token-123' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x'
    })
    return KubeClient.create(kc, { backoffMs: 20, ...options })
  }
  return { serve, clientFor }
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

const closers: Array<() => void> = []
afterAll(() => {
  closers.forEach(close => close())
  cleanupTempDirs()
})

describe.each(TRANSPORTS)('over %s', transport => {
  const { serve, clientFor } = over(transport)

  describe('the Kubernetes API client', () => {
    it('sends the bearer token and returns JSON with server warnings', async () => {
      const server = await serve((req, res) => {
        expect(req.headers.authorization).toBe('Bearer test-token-123')
        json(res, 200, { gitVersion: 'v1.36.3' }, { Warning: '299 - "apps/v1beta1 is deprecated"' })
      })
      closers.push(server.close)
      const client = await clientFor(server.url)
      const response = await client.request({ method: 'GET', path: '/version' })
      expect(response.body).toEqual({ gitVersion: 'v1.36.3' })
      expect(response.warnings).toEqual(['apps/v1beta1 is deprecated'])
      client.close()
    })

    it('retries 429 (honouring Retry-After) and 503, then succeeds', async () => {
      const server = await serve((_req, res, n) => {
        if (n === 1) return json(res, 429, { message: 'slow down' }, { 'Retry-After': '0' })
        if (n === 2) return json(res, 503, { message: 'unavailable' })
        json(res, 200, { ok: true })
      })
      closers.push(server.close)
      const client = await clientFor(server.url)
      expect(await client.get('/x')).toEqual({ ok: true })
      expect(server.hits()).toBe(3)
      client.close()
    })

    it('never retries a 500 (the server answers validation failures that way) and shows its message', async () => {
      const server = await serve((_req, res) =>
        json(res, 500, {
          kind: 'Status',
          reason: 'InternalError',
          message: '.spec.x: field not declared in schema'
        })
      )
      closers.push(server.close)
      const client = await clientFor(server.url)
      await expect(client.get('/x')).rejects.toMatchObject({
        status: 500,
        message: '.spec.x: field not declared in schema'
      })
      expect(server.hits()).toBe(1)
      client.close()
    })

    it('gives up on a server that keeps failing after the bounded attempts', async () => {
      const server = await serve((_req, res) => json(res, 503, { message: 'unavailable' }))
      closers.push(server.close)
      const client = await clientFor(server.url, { attempts: 3 })
      await expect(client.get('/x')).rejects.toBeInstanceOf(KubeApiError)
      expect(server.hits()).toBe(3)
      client.close()
    })

    it('times out a server that does not answer, within the bounded time', async () => {
      const server = await serve(() => {
        /* never answers */
      })
      closers.push(server.close)
      const client = await clientFor(server.url, { timeoutMs: 200, attempts: 2 })
      const started = Date.now()
      const error = (await client.get('/x').catch(e => e)) as KubeApiError
      expect(error.unreachable).toBe(true)
      expect(error.message).toMatch(/no answer within 200 ms/)
      expect(Date.now() - started).toBeLessThan(2000)
      client.close()
    })

    it('reports an unreachable server clearly, without hanging', async () => {
      const server = await serve(() => undefined)
      const url = server.url
      server.close()
      const client = await clientFor(url, { attempts: 2 })
      const error = (await client.get('/version').catch(e => e)) as KubeApiError
      expect(error.unreachable).toBe(true)
      expect(error.message).toMatch(
        /cannot reach the API server at https?:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/
      )
      expect(error.message).not.toContain('test-token-123')
      // Once the server is known to be gone, later calls fail at once instead of waiting out their retries.
      const started = Date.now()
      await expect(client.get('/api/v1/nodes')).rejects.toThrow(/the API server stopped answering/)
      expect(Date.now() - started).toBeLessThan(50)
      client.close()
    })
  })

  /** A list endpoint replaying the API server's pagination: `limit` objects a page, the next index as token. */
  function paginated(
    total: number,
    options: { expire?: (request: number) => boolean; always?: boolean } = {}
  ): Handler {
    return (req, res, count) => {
      const url = new URL(req.url ?? '/', 'http://x')
      const limit = Number(url.searchParams.get('limit'))
      const token = url.searchParams.get('continue')
      if (token && (options.always || options.expire?.(count))) {
        return json(res, 410, {
          kind: 'Status',
          status: 'Failure',
          reason: 'Expired',
          code: 410,
          message: 'The provided continue parameter is too old to display a consistent list result.'
        })
      }
      const from = token ? Number(token) : 0
      const items = Array.from({ length: Math.min(limit, total - from) }, (_, i) => ({ n: from + i }))
      const next = from + limit < total || options.always ? String(from + limit) : undefined
      json(res, 200, { kind: 'List', metadata: { resourceVersion: '100', continue: next }, items })
    }
  }

  const sum = (total: number, item: { n: number }) => total + item.n

  describe('lists, page by page', () => {
    it('asks for pages of `pageSize` with the continue token of the last, folding each as it arrives', async () => {
      const seen: string[] = []
      const replay = paginated(5)
      const server = await serve((req, res, n) => {
        seen.push(req.url ?? '')
        replay(req, res, n)
      })
      closers.push(server.close)
      const client = await clientFor(server.url, { pageSize: 2 })
      const listed = await client.fold('/api/v1/pods', { fieldSelector: 'type=Warning' }, () => 0, sum)
      expect(listed).toEqual({ value: 10, pages: 3, items: 5, restarts: 0, resourceVersion: '100' })
      expect(seen).toEqual([
        '/api/v1/pods?fieldSelector=type%3DWarning&limit=2',
        '/api/v1/pods?fieldSelector=type%3DWarning&limit=2&continue=2',
        '/api/v1/pods?fieldSelector=type%3DWarning&limit=2&continue=4'
      ])
      client.close()
    })

    it('asks for protobuf when told how to decode it, and reads a JSON answer as JSON (a server that chose it)', async () => {
      const accepts: string[] = []
      const replay = paginated(3)
      const server = await serve((req, res, n) => {
        accepts.push(req.headers.accept ?? '')
        replay(req, res, n)
      })
      closers.push(server.close)
      const client = await clientFor(server.url, { pageSize: 2 })
      const decode = () => {
        throw new Error('a JSON answer must not reach the protobuf decoder')
      }
      const listed = await client.fold('/api/v1/pods', {}, () => 0, sum, { protobuf: decode, pageSize: 3 })
      expect(listed).toMatchObject({ value: 3, pages: 1, items: 3 })
      expect(accepts).toEqual(['application/vnd.kubernetes.protobuf, application/json'])
      client.close()
    })

    it('says which answer it could not read when a protobuf answer does not decode, and does not retry it', async () => {
      let requests = 0
      const server = await serve((_req, res) => {
        requests++
        res.writeHead(200, { 'Content-Type': 'application/vnd.kubernetes.protobuf' })
        res.end(Buffer.from('k8s\0garbage'))
      })
      closers.push(server.close)
      const client = await clientFor(server.url)
      const error = (await client
        .fold('/api/v1/pods', {}, () => 0, sum, {
          protobuf: () => {
            throw new Error('premature EOF')
          }
        })
        .catch(e => e)) as KubeApiError
      expect(error.message).toBe(
        "cannot read the API server's protobuf answer to /api/v1/pods (HTTP 200): premature EOF"
      )
      expect(error.unreachable).toBe(false)
      expect(requests).toBe(1)
      client.close()
    })

    it('starts a list again from the start once when its continue token expired (410 Gone)', async () => {
      const server = await serve(paginated(5, { expire: request => request === 2 }))
      closers.push(server.close)
      const client = await clientFor(server.url, { pageSize: 2 })
      // The first pass's page is not counted twice into the value: the fold starts from a fresh seed.
      const listed = await client.fold('/api/v1/events', {}, () => 0, sum)
      expect(listed).toMatchObject({ value: 10, restarts: 1, pages: 4, items: 7 })
      client.close()
    })

    it('gives up when the token expires again, saying so and how to get past it', async () => {
      const server = await serve(paginated(5, { always: true }))
      closers.push(server.close)
      const client = await clientFor(server.url, { pageSize: 2 })
      const error = (await client
        .fold('/api/v1/pods', {}, () => 0, sum, { label: 'pods' })
        .catch(e => e)) as KubeApiError
      expect(error).toBeInstanceOf(KubeApiError)
      expect(error.status).toBe(410)
      expect(error.message).toBe(
        'listing pods: the continue token expired 2 times (410 Gone: a pass over the list took longer than the server keeps its history); re-run when the API server is less loaded'
      )
      // Two passes of one page each, and the two continues that expired.
      expect(server.hits()).toBe(4)
      client.close()
    })

    it('takes a 410 on the first page as the server’s answer, not an expiry: no restart', async () => {
      const server = await serve((_req, res) => json(res, 410, { reason: 'Gone', message: 'gone' }))
      closers.push(server.close)
      const client = await clientFor(server.url)
      await expect(client.fold('/api/v1/pods', {}, () => 0, sum)).rejects.toMatchObject({ status: 410 })
      expect(server.hits()).toBe(1)
      client.close()
    })

    it('stops at the page cap with an error naming the list and the bound, never looping', async () => {
      const endless = await serve((req, res, n) => {
        const url = new URL(req.url ?? '/', 'http://x')
        const from = Number(url.searchParams.get('continue') ?? 0)
        json(res, 200, { metadata: { continue: String(from + 2) }, items: [{ n }, { n }] })
      })
      closers.push(endless.close)
      const client = await clientFor(endless.url, { pageSize: 2, pageCap: 3 })
      await expect(
        client.fold('/api/v1/pods', {}, () => 0, sum, { label: 'pods in every namespace' })
      ).rejects.toThrow(
        'listing pods in every namespace: more than 3 pages of 2 objects, the most the preflight reads of one list (6 objects)'
      )
      expect(endless.hits()).toBe(3)
      client.close()
    })

    it('retries a page that met a transient failure, as any request, and goes on from the same token', async () => {
      const seen: string[] = []
      const replay = paginated(4)
      const server = await serve((req, res, n) => {
        seen.push(req.url ?? '')
        if (n === 2) return json(res, 503, { message: 'unavailable' })
        replay(req, res, n)
      })
      closers.push(server.close)
      const client = await clientFor(server.url, { pageSize: 2 })
      expect(await client.fold('/api/v1/pods', {}, () => 0, sum)).toMatchObject({ value: 6, pages: 2 })
      expect(seen.slice(1)).toEqual(['/api/v1/pods?limit=2&continue=2', '/api/v1/pods?limit=2&continue=2'])
      client.close()
    })

    it('times out a page whose body stalls after the status line', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.write('{"items": [')
      })
      closers.push(server.close)
      const client = await clientFor(server.url, { timeoutMs: 200, attempts: 1 })
      const error = (await client.fold('/api/v1/pods', {}, () => 0, sum).catch(e => e)) as KubeApiError
      expect(error.unreachable).toBe(true)
      expect(error.message).toMatch(/no answer within 200 ms/)
      client.close()
    })
  })

  describe('connections', () => {
    // What the server's connection is: an HTTP/2 session, or the socket of an HTTP/1.1 request.
    const connectionOf = (req: IncomingMessage): { destroy: () => void; close: () => void } => {
      const session = (req as unknown as Http2ServerRequest).stream?.session
      return session
        ? { destroy: () => session.destroy(), close: () => session.close() }
        : { destroy: () => req.socket.destroy(), close: () => req.socket.end() }
    }

    it('shares one connection between requests made at once (HTTP/2), or pools them (HTTP/1.1)', async () => {
      const server = await serve((req, res) => json(res, 200, { path: req.url }))
      closers.push(server.close)
      const client = await clientFor(server.url)
      const answers = await Promise.all(['/a', '/b', '/c', '/d', '/e', '/f'].map(path => client.get(path)))
      expect(answers).toEqual(['/a', '/b', '/c', '/d', '/e', '/f'].map(path => ({ path })))
      // One TLS handshake for all six over HTTP/2; the h2 probe plus a pool otherwise.
      if (transport === 'HTTP/2 over TLS') expect(server.connections()).toBe(1)
      else expect(server.connections()).toBeGreaterThan(1)
      client.close()
    })

    it('reconnects when the server closes the connection between requests (a GOAWAY)', async () => {
      const server = await serve((req, res, n) => {
        const connection = connectionOf(req)
        json(res, 200, { n })
        if (n === 1) res.on('finish', () => connection.close())
      })
      closers.push(server.close)
      const client = await clientFor(server.url)
      expect(await client.get('/x')).toEqual({ n: 1 })
      await new Promise(resolve => setTimeout(resolve, 50))
      expect(await client.get('/x')).toEqual({ n: 2 })
      if (transport === 'HTTP/2 over TLS') expect(server.connections()).toBe(2)
      client.close()
    })

    it('retries an answer cut off mid-body by a dropped connection, on a new connection', async () => {
      const server = await serve((req, res, n) => {
        if (n > 1) return json(res, 200, { items: [1, 2] })
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.write('{"items": [1,')
        setTimeout(() => connectionOf(req).destroy(), 20)
      })
      closers.push(server.close)
      const client = await clientFor(server.url, { timeoutMs: 2000 })
      const started = Date.now()
      expect(await client.get('/api/v1/pods')).toEqual({ items: [1, 2] })
      expect(server.hits()).toBe(2)
      expect(Date.now() - started).toBeLessThan(1500)
      client.close()
    })

    it('reads an answer of several MB whole', async () => {
      const items = Array.from({ length: 40_000 }, (_, i) => ({ name: `pod-${i}`, pad: 'x'.repeat(100) }))
      const server = await serve((_req, res) => json(res, 200, { items }))
      closers.push(server.close)
      const client = await clientFor(server.url)
      const body = await client.get<{ items: unknown[] }>('/api/v1/pods')
      expect(body.items).toHaveLength(40_000)
      client.close()
    })
  })

  describe('watches', () => {
    const object = (name: string, ready: boolean) => ({ metadata: { name, resourceVersion: '7' }, ready })

    it('lists, then watches from the list’s resourceVersion until the objects are done', async () => {
      const watched: string[] = []
      const server = await serve((req, res) => {
        const url = new URL(req.url ?? '/', 'http://x')
        if (!url.searchParams.get('watch')) {
          return json(res, 200, { metadata: { resourceVersion: '42' }, items: [object('web', false)] })
        }
        watched.push(url.searchParams.get('resourceVersion') ?? '')
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.write(`${JSON.stringify({ type: 'MODIFIED', object: object('web', true) })}\n`)
      })
      closers.push(server.close)
      const client = await clientFor(server.url)
      const outcome = await client.watchUntil<ReturnType<typeof object>>(
        '/apis/apps/v1/namespaces/vapora/deployments',
        objects => objects.every(o => o.ready),
        Date.now() + 5000
      )
      expect(outcome).toEqual({ done: true, objects: [object('web', true)] })
      expect(watched).toEqual(['42'])
      client.close()
    })

    it('ends a watch that stays silent at its deadline', async () => {
      const server = await serve((req, res) => {
        if (!req.url?.includes('watch=1')) return json(res, 200, { items: [object('web', false)] })
        res.writeHead(200, { 'Content-Type': 'application/json' })
      })
      closers.push(server.close)
      const client = await clientFor(server.url)
      const started = Date.now()
      const outcome = await client.watchUntil('/x', () => false, started + 300)
      expect(outcome.done).toBe(false)
      expect(Date.now() - started).toBeLessThan(2000)
      client.close()
    })
  })
})

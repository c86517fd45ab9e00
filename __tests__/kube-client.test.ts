/**
 * Retry, timeout and error behaviour of the raw client, against a real HTTP server on loopback that
 * misbehaves on purpose (a real API server cannot be made to answer 429 or hang on demand).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { KubeConfig } from '@kubernetes/client-node'
import { KubeApiError, KubeClient } from '../src/kube/client.js'

type Handler = (req: IncomingMessage, res: ServerResponse, count: number) => void

async function serve(handler: Handler): Promise<{ url: string; hits: () => number; close: () => void }> {
  let count = 0
  const server = createServer((req, res) => handler(req, res, ++count))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, hits: () => count, close: () => server.close() }
}

async function clientFor(url: string, options = {}): Promise<KubeClient> {
  const kc = new KubeConfig()
  kc.loadFromOptions({
    // client-node allows plain http only with skipTLSVerify
    clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
    users: [{ name: 'u', token: 'test-token-123' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x'
  })
  return KubeClient.create(kc, { backoffMs: 20, ...options })
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

const closers: Array<() => void> = []
afterAll(() => closers.forEach(close => close()))

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
    expect(error.message).toMatch(/cannot reach the API server at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/)
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

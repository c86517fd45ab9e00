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

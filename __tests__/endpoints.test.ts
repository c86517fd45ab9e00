/**
 * The endpoint checks against real local servers: HTTPS with certificates made here (valid, expiring in
 * 3 days, expired, wrong host) and an HTTP health endpoint that wants a bearer token.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { resolveOptions, type PreflightInput } from '../src/options.js'
import { healthEndpointCheck } from '../src/checks/health-endpoint.js'
import { apiEndpointsCheck } from '../src/checks/api-endpoints.js'
import { tlsExpiryCheck } from '../src/checks/tls-expiry.js'
import type { Check, CheckOutcome } from '../src/types.js'
import { EXAMPLE_BUNDLE, cleanupTempDirs, tempDir } from '../test/fixtures.js'
import { makeTestCertificates, type TestCertificates } from '../test/tls-certs.js'

const HEALTH_TOKEN = 'h3alth-t0ken-that-must-stay-secret'
const servers: Array<http.Server | https.Server> = []
let certs: TestCertificates
let healthBase = ''
const tlsPorts: Record<string, number> = {}

async function listen(server: http.Server | https.Server): Promise<number> {
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
  return (server.address() as AddressInfo).port
}

beforeAll(async () => {
  certs = makeTestCertificates(tempDir('certs-'))
  for (const [name, pair] of Object.entries(certs)) {
    if (typeof pair === 'string') continue
    tlsPorts[name] = await listen(https.createServer(pair, (_, res) => res.end('ok')))
  }
  const port = await listen(
    http.createServer((req, res) => {
      if (req.url === '/trickle') {
        // Headers, then one byte every 100 ms for ever: the socket is never silent long enough to time out.
        res.writeHead(200)
        const timer = setInterval(() => res.write('.'), 100)
        res.on('close', () => clearInterval(timer))
      } else if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://elsewhere.example/steal' }).end()
      } else if (req.headers.authorization !== `Bearer ${HEALTH_TOKEN}`) {
        res.writeHead(401).end('{"error":"unauthorized"}')
      } else if (req.url === '/api/missing') {
        res.writeHead(404).end()
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}')
      }
    })
  )
  healthBase = `http://127.0.0.1:${port}`
})

afterAll(async () => {
  await Promise.all(servers.map(s => new Promise(resolve => s.close(resolve))))
  cleanupTempDirs()
})

async function run(check: Check, input: Partial<PreflightInput>): Promise<CheckOutcome> {
  const options = resolveOptions({
    bundlePath: EXAMPLE_BUNDLE,
    probeCount: 3,
    requestTimeoutMs: 2000,
    ...input
  })
  const skip = check.notApplicable?.({ options })
  if (skip) return { status: 'skip', skipReason: 'not-applicable', message: skip }
  return check.run({ options })
}

describe('the TLS check, on a live handshake', () => {
  it('passes a valid certificate for the host, naming issuer and days left (chain untrusted here: a warning)', async () => {
    const outcome = await run(tlsExpiryCheck, { tlsEndpoint: `localhost:${tlsPorts.valid}` })
    expect(outcome.status).toBe('warn')
    expect(outcome.message).toMatch(
      /valid for localhost, 36[45] days left, but the chain is not trusted here/
    )
    expect(outcome.details).toEqual(
      expect.arrayContaining(['subject: localhost', 'issuer: Preflight Test CA'])
    )
  })

  it('passes it cleanly when tls-ca makes the chain trusted', async () => {
    const outcome = await run(tlsExpiryCheck, { tlsEndpoint: `localhost:${tlsPorts.valid}`, tlsCa: certs.ca })
    expect(outcome.status).toBe('pass')
    expect(outcome.message).toMatch(/valid for localhost, 36[45] days left \(issuer Preflight Test CA\)/)
  })

  it('blocks a certificate that expires in fewer days than cert-min-days', async () => {
    const outcome = await run(tlsExpiryCheck, { tlsEndpoint: `localhost:${tlsPorts.expiresSoon}` })
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toMatch(/expires in 3 days \(< cert-min-days 14\)/)
    const relaxed = await run(tlsExpiryCheck, {
      tlsEndpoint: `localhost:${tlsPorts.expiresSoon}`,
      certMinDays: 2
    })
    expect(relaxed.status).toBe('warn')
  })

  it('blocks an expired certificate', async () => {
    const outcome = await run(tlsExpiryCheck, { tlsEndpoint: `localhost:${tlsPorts.expired}` })
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toMatch(/the certificate expired on 2020-02-01/)
  })

  it('blocks a certificate for another host', async () => {
    const outcome = await run(tlsExpiryCheck, { tlsEndpoint: `localhost:${tlsPorts.wrongHost}` })
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toMatch(/not valid for localhost/)
  })

  it('blocks when nothing speaks TLS there, and does not apply without tls-endpoint', async () => {
    const plain = await run(tlsExpiryCheck, { tlsEndpoint: healthBase.replace('http://', '') })
    expect(plain.status).toBe('fail')
    expect(plain.message).toMatch(/no TLS handshake/)
    expect((await run(tlsExpiryCheck, {})).status).toBe('skip')
  })
})

describe('the health and API checks', () => {
  it('pass with the right token, with p50/p95 latency of every probe', async () => {
    const outcome = await run(healthEndpointCheck, {
      healthUrl: `${healthBase}/health`,
      healthToken: HEALTH_TOKEN
    })
    expect(outcome.status).toBe('pass')
    expect(outcome.message).toMatch(/\/health: 3\/3 OK, p50 [\d.]+ ms, p95 [\d.]+ ms/)
  })

  it('block with a wrong token, and never show the token', async () => {
    const outcome = await run(healthEndpointCheck, {
      healthUrl: `${healthBase}/health`,
      healthToken: 'wrong'
    })
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toMatch(/HTTP 401/)
    expect(outcome.hint).toMatch(/health-token/)
    const right = await run(healthEndpointCheck, {
      healthUrl: `${healthBase}/health?key=x`,
      healthToken: HEALTH_TOKEN
    })
    expect(JSON.stringify(right)).not.toContain(HEALTH_TOKEN)
    expect(JSON.stringify(right)).not.toContain('key=x')
  })

  it('end a probe at its timeout even when the server trickles its body for ever', async () => {
    const started = Date.now()
    const outcome = await run(healthEndpointCheck, {
      healthUrl: `${healthBase}/trickle`,
      probeCount: 1,
      requestTimeoutMs: 500
    })
    expect(Date.now() - started).toBeLessThan(1500)
    expect(outcome.status).toBe('pass') // the 200 arrived; only the body never ended
  })

  it('report a redirect instead of following it with the token', async () => {
    const outcome = await run(healthEndpointCheck, {
      healthUrl: `${healthBase}/redirect`,
      healthToken: HEALTH_TOKEN
    })
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toMatch(/HTTP 302 \(redirect, not followed\)/)
  })

  it('resolve API paths against the health URL and block on any non-200', async () => {
    const outcome = await run(apiEndpointsCheck, {
      healthUrl: `${healthBase}/health`,
      healthToken: HEALTH_TOKEN,
      apiUrls: '/api/projects\n/api/missing'
    })
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toMatch(
      /1 of 2 did not answer 200 every time \(http:\/\/127\.0\.0\.1:\d+\/api\/missing: HTTP 404\)/
    )
  })

  it('block a p95 over latency-threshold-ms, and an endpoint that does not answer', async () => {
    const slow = await run(healthEndpointCheck, {
      healthUrl: `${healthBase}/health`,
      healthToken: HEALTH_TOKEN,
      latencyThresholdMs: 0.001
    })
    expect(slow.status).toBe('fail')
    expect(slow.message).toMatch(/p95 latency over 0\.001 ms/)
    const down = await run(healthEndpointCheck, { healthUrl: 'http://127.0.0.1:1/health' })
    expect(down.status).toBe('fail')
    expect(down.message).toMatch(/ECONNREFUSED/)
  })

  it('reject bad endpoint inputs with a message that says how to fix them', () => {
    expect(() => resolveOptions({ bundlePath: 'x', healthUrl: 'ftp://host/health' })).toThrow(
      /must be an http/
    )
    expect(() => resolveOptions({ bundlePath: 'x', healthUrl: 'http://u:p@host/health' })).toThrow(
      /health-token, not in the URL/
    )
    expect(() => resolveOptions({ bundlePath: 'x', apiUrls: '/api/projects' })).toThrow(
      /relative path needs health-url/
    )
    expect(() => resolveOptions({ bundlePath: 'x', tlsEndpoint: 'host:99999' })).toThrow(
      /tls-endpoint: "host:99999" is not host:port/
    )
    expect(() => resolveOptions({ bundlePath: 'x', probeCount: '0' })).toThrow(/probe-count/)
    expect(
      resolveOptions({ bundlePath: 'x', tlsEndpoint: 'https://vapora.example.com/x' }).tlsEndpoint
    ).toEqual({
      host: 'vapora.example.com',
      port: 443
    })
  })
})

describe('the baseline', () => {
  it('records each endpoint’s p50/p95/p99 and errors before the deploy, and shows them in the report', async () => {
    const { runPreflight } = await import('../src/engine.js')
    const { renderMarkdown } = await import('../src/report/markdown.js')
    const report = await runPreflight(
      {
        bundlePath: EXAMPLE_BUNDLE,
        healthUrl: `${healthBase}/health`,
        healthToken: HEALTH_TOKEN,
        probeCount: 3
      },
      { checks: [healthEndpointCheck] }
    )
    expect(report.baseline?.endpoints).toEqual([
      expect.objectContaining({ url: `${healthBase}/health`, errors: 0, probes: 3 })
    ])
    expect(report.results.find(r => r.id === 'baseline')).toMatchObject({
      status: 'pass',
      message: 'recorded 1 endpoint(s)'
    })
    expect(renderMarkdown(report)).toMatch(
      /### Baseline before deploy\n\n.*\n\n\| Endpoint \| p50 \| p95 \| p99 \| Errors \|/
    )
  })
})

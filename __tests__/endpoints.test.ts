/**
 * The endpoint checks against real local servers: HTTPS with certificates made here (valid, expiring in
 * 3 days, expired, wrong host) and an HTTP health endpoint that wants a bearer token, with routes that
 * misbehave the way real services do (a body that never ends, trickles, is cut off or is huge).
 */
import { readData } from '../src/core/check-data.js'
import { ENDPOINTS_DATA } from '../src/checks/endpoint-common.js'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { resolveOptions, type PreflightInput } from '../src/core/options.js'
import { readActionInputs } from '../src/action/inputs.js'
import { main as cliMain } from '../src/cli/main.js'
import { UsageError } from '../src/core/errors.js'
import type { EndpointSummary } from '../src/net/http-probe.js'
import { healthEndpointCheck } from '../src/checks/health-endpoint.js'
import { apiEndpointsCheck } from '../src/checks/api-endpoints.js'
import { tlsExpiryCheck } from '../src/checks/tls-expiry.js'
import type { CheckOutcome } from '../src/core/types.js'
import type { Check } from '../src/core/check.js'
import { EXAMPLE_BUNDLE, cleanupTempDirs, tempDir } from '../test/fixtures.js'
import { makeTestCertificates, type TestCertificates } from '../test/tls-certs.js'

const HEALTH_TOKEN = 'h3alth-t0ken-that-must-stay-secret'
const servers: Array<http.Server | https.Server> = []
let certs: TestCertificates
let healthBase = ''
const tlsPorts: Record<string, number> = {}
/** Requests each path received: what was sent, not what the check says it sent. */
const requests = new Map<string, number>()

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
      const url = new URL(req.url!, 'http://peer')
      requests.set(url.pathname, (requests.get(url.pathname) ?? 0) + 1)
      if (req.url === '/trickle') {
        // Headers, then one byte every 200 ms for ever: the socket is never silent long enough to time out.
        res.writeHead(200)
        const timer = setInterval(() => res.write('.'), 200)
        res.on('close', () => clearInterval(timer))
      } else if (req.url === '/endless') {
        // 64 KiB chunks as fast as the client reads them, for ever: a huge body, not a hung one.
        res.writeHead(200)
        const chunk = Buffer.alloc(64 * 1024, 'x')
        const pump = (): void => {
          while (!res.destroyed && res.write(chunk));
        }
        res.on('drain', pump)
        pump()
      } else if (req.url === '/cut') {
        // Promises 100 bytes, sends 10, then drops the connection.
        res.writeHead(200, { 'content-length': '100' })
        res.write('{"status":')
        setTimeout(() => res.socket?.destroy(), 20)
      } else if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://elsewhere.example/steal' }).end()
      } else if (req.headers.authorization !== `Bearer ${HEALTH_TOKEN}`) {
        res.writeHead(401).end('{"error":"unauthorized"}')
      } else if (req.url === '/api/missing') {
        res.writeHead(404).end()
      } else if (url.pathname.startsWith('/hang/')) {
        // The 200 and its headers, then a body that never ends: the hung endpoint.
        res.writeHead(200, { 'content-type': 'application/json' })
        res.flushHeaders()
      } else if (url.pathname.startsWith('/slow/')) {
        // The headers at once, the body after ?ms= milliseconds: slow, but complete.
        res.writeHead(200, { 'content-type': 'application/json' })
        res.flushHeaders()
        const timer = setTimeout(() => res.end('{"status":"ok"}'), Number(url.searchParams.get('ms')))
        res.on('close', () => clearTimeout(timer))
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
    probeTimeout: '2s',
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
    expect(outcome.message).toMatch(
      /\/health: 3\/3 OK in [\d.]+ s of its 30 s budget, p50 [\d.]+ ms, p95 [\d.]+ ms$/
    )
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
      /^2 API endpoint\(s\): 3 of 6 probes failed at http:\/\/127\.0\.0\.1:\d+\/api\/missing \(3 HTTP 404\)$/
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

/** The check's data for its one endpoint. */
const endpointOf = (outcome: CheckOutcome): EndpointSummary =>
  readData([{ id: 'health-endpoint', data: outcome.data }], ENDPOINTS_DATA[0])!.endpoints[0]

/** Runs the health check on `path` of the local peer (with the token) and measures how long it took. */
async function timed(path: string, input: Partial<PreflightInput>) {
  const started = performance.now()
  const outcome = await run(healthEndpointCheck, {
    healthUrl: `${healthBase}${path}`,
    healthToken: HEALTH_TOKEN,
    ...input
  })
  return { outcome, elapsedMs: performance.now() - started }
}

/** What timers and a loaded machine may add to a bound; far less than any probe timeout used here. */
const SLACK_MS = 300

describe('the probe bounds: probe-timeout per probe, endpoint-budget per endpoint', () => {
  it('a 200 whose body never ends is no answer: no-go within the budget, and the failure counts probes', async () => {
    const { outcome, elapsedMs } = await timed('/hang/health', {
      probeCount: 5,
      probeTimeout: '400ms',
      endpointBudget: '1s'
    })
    expect(elapsedMs).toBeLessThan(1000 + SLACK_MS)
    expect(outcome.status).toBe('fail')
    // Two probes use their whole 0.4 s, the third the 0.2 s left, and two are never sent.
    expect(outcome.message).toMatch(
      new RegExp(
        `^health endpoint: 5 of 5 probes failed at ${healthBase}/hang/health \\(` +
          '2 no complete answer within 0\\.4 s \\(status 200 received, body unfinished\\); ' +
          "1 no complete answer within the 0\\.\\d+ s left of the endpoint's 1 s budget \\(status 200 received, body unfinished\\); " +
          "2 not sent: the endpoint's 1 s budget was spent\\)$"
      )
    )
    expect(requests.get('/hang/health')).toBe(3)
    expect(endpointOf(outcome)).toMatchObject({ ok: 0, errors: 5, notSent: 2, budgetMs: 1000 })
    expect(Number.isNaN(endpointOf(outcome).p50Ms)).toBe(true) // no answer, so no latency
    expect(outcome.hint).toMatch(/within probe-timeout \(0\.4 s\)/)
    expect(outcome.hint).toMatch(/raise endpoint-budget \(or lower probe-count\)/)
    expect(JSON.stringify(outcome)).not.toContain(HEALTH_TOKEN)
  })

  it('a slow but complete endpoint passes within the budget, and says how much of it the probes spent', async () => {
    const { outcome, elapsedMs } = await timed('/slow/health?ms=100', {
      probeCount: 5,
      probeTimeout: '1s',
      endpointBudget: '3s'
    })
    expect(outcome.status).toBe('pass')
    expect(outcome.message).toMatch(
      /^health endpoint: http:\/\/127\.0\.0\.1:\d+\/slow\/health: 5\/5 OK in (0\.[5-9]\d*|1(\.\d+)?) s of its 3 s budget, p50 1\d\d(\.\d)? ms, p95 [\d.]+ ms$/
    )
    const endpoint = endpointOf(outcome)
    // Latency is the time to the complete answer, not to the headers (which came at once).
    expect(endpoint.p50Ms).toBeGreaterThanOrEqual(100)
    expect(endpoint.spentMs).toBeGreaterThanOrEqual(500)
    expect(endpoint.spentMs).toBeLessThanOrEqual(elapsedMs)
    expect(JSON.stringify(outcome)).not.toContain('ms=100') // the query string is not shown
  })

  it('once the endpoint budget is spent, the remaining probes are not sent and count as failed', async () => {
    // 0.3 s a probe in a 1.1 s budget: three answers, a fourth cut short by the budget, a fifth not sent.
    const { outcome, elapsedMs } = await timed('/slow/budget?ms=300', {
      probeCount: 5,
      probeTimeout: '1s',
      endpointBudget: '1100ms'
    })
    expect(elapsedMs).toBeLessThan(1100 + SLACK_MS)
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toMatch(
      new RegExp(
        `^health endpoint: 2 of 5 probes failed at ${healthBase}/slow/budget \\(` +
          "1 no complete answer within the 0\\.\\d+ s left of the endpoint's 1\\.1 s budget \\(status 200 received, body unfinished\\); " +
          "1 not sent: the endpoint's 1\\.1 s budget was spent\\)$"
      )
    )
    expect(requests.get('/slow/budget')).toBe(4)
    const endpoint = endpointOf(outcome)
    expect(endpoint).toMatchObject({ ok: 3, errors: 2, notSent: 1, count: 5 })
    expect(endpoint.statuses).toEqual({ '200': 3, 'no complete answer': 1, 'not sent': 1 })
    expect(endpoint.p50Ms).toBeGreaterThanOrEqual(300) // of the three answers only
    expect(outcome.details).toEqual([
      expect.stringMatching(/\/slow\/budget: 3\/5 OK in 1\.1\d* s of its 1\.1 s budget, p50 3\d\d(\.\d)? ms/)
    ])
    expect(outcome.hint).toMatch(/used up endpoint-budget \(1\.1 s\) before all were sent/)
  })

  it('a body trickled a byte every 200 ms and never finished is bounded by probe-timeout', async () => {
    const { outcome, elapsedMs } = await timed('/trickle', {
      probeCount: 2,
      probeTimeout: '500ms',
      endpointBudget: '5s'
    })
    expect(elapsedMs).toBeLessThan(2 * 500 + SLACK_MS)
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toMatch(
      /^health endpoint: 2 of 2 probes failed at http:\/\/127\.0\.0\.1:\d+\/trickle \(2 no complete answer within 0\.5 s \(status 200 received, body unfinished\)\)$/
    )
  })

  it('a body larger than 1 MiB is read no further and counts as answered: a huge body is not a hung one', async () => {
    const { outcome, elapsedMs } = await timed('/endless', {
      probeCount: 2,
      probeTimeout: '5s',
      endpointBudget: '10s'
    })
    expect(outcome.status).toBe('pass')
    expect(outcome.message).toMatch(/\/endless: 2\/2 OK in/)
    expect(elapsedMs).toBeLessThan(5000) // read up to the cap, not until the timeout
  })

  it('a body cut off before its content-length is no answer', async () => {
    const { outcome } = await timed('/cut', { probeCount: 1 })
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toMatch(
      /1 of 1 probes failed at http:\/\/127\.0\.0\.1:\d+\/cut \(1 answer cut off \(status 200 received, body incomplete: aborted\)\)$/
    )
  })

  it('default to 10 s per probe and 30 s per endpoint, and read durations as events-window does', () => {
    expect(resolveOptions({ bundlePath: 'x' })).toMatchObject({
      probeTimeoutMs: 10_000,
      endpointBudgetMs: 30_000
    })
    expect(
      resolveOptions({ bundlePath: 'x', probeTimeout: '1500ms', endpointBudget: '1m30s' })
    ).toMatchObject({ probeTimeoutMs: 1500, endpointBudgetMs: 90_000 })
  })

  it.each([
    [
      { probeTimeout: 'ten' },
      /^probe-timeout: "ten" is not a positive duration up to 2m; write e\.g\. 10s or 1500ms\.$/
    ],
    [{ probeTimeout: '10' }, /^probe-timeout: "10" is not a positive duration up to 2m; write e\.g\. 10s/],
    [{ probeTimeout: '0s' }, /^probe-timeout: "0s" is not a positive duration/],
    [
      { probeTimeout: '3m', endpointBudget: '10m' },
      /^probe-timeout: "3m" is not a positive duration up to 2m/
    ],
    [
      { endpointBudget: '-5s' },
      /^endpoint-budget: "-5s" is not a positive duration up to 1h; write e\.g\. 30s or 2m\.$/
    ],
    [{ endpointBudget: '2h' }, /^endpoint-budget: "2h" is not a positive duration up to 1h/],
    [
      { probeTimeout: '40s' },
      /^probe-timeout: 40s is longer than endpoint-budget 30s, which all the probes of an endpoint share\. Lower probe-timeout to at most 30s, or raise endpoint-budget to at least 40s\.$/
    ]
  ])('reject %j with a usage error naming the input and an example', (input, message) => {
    const resolve = () => resolveOptions({ bundlePath: 'x', ...input })
    expect(resolve).toThrow(UsageError)
    expect(resolve).toThrow(message)
  })

  it('take probe-timeout and endpoint-budget from the action inputs and the CLI flags', async () => {
    const inputs: Record<string, string> = {
      'bundle-path': 'x',
      'probe-timeout': '2s',
      'endpoint-budget': '45s'
    }
    const action = readActionInputs(name => inputs[name] ?? '')
    expect(resolveOptions(action.preflight)).toMatchObject({ probeTimeoutMs: 2000, endpointBudgetMs: 45_000 })
    const stderr: string[] = []
    const io = { stdout: () => undefined, stderr: (text: string) => void stderr.push(text) }
    const code = await cliMain(
      ['--bundle', EXAMPLE_BUNDLE, '--probe-timeout', '5s', '--endpoint-budget', '2s'],
      io
    )
    expect(code).toBe(2)
    expect(stderr.join('')).toMatch(/probe-timeout: 5s is longer than endpoint-budget 2s/)
    const help: string[] = []
    await cliMain(['--help'], { stdout: text => void help.push(text), stderr: () => undefined })
    expect(help.join('')).toMatch(/^ {2}--probe-timeout D +per probe: .*\(default: 10s\)$/m)
    expect(help.join('')).toMatch(/^ {2}--endpoint-budget D +per endpoint: .*\(default: 30s\)$/m)
  })

  it('take them from the policy file too, whose wrong values name the line and whose conflicts name the file', () => {
    const policy = (text: string): string => {
      const path = join(tempDir('policy-'), 'preflight-policy.yml')
      writeFileSync(path, text)
      return path
    }
    const strict = policy('thresholds:\n  probe-timeout: 5s\n  endpoint-budget: 20s\n')
    expect(
      resolveOptions({ bundlePath: 'x', probeTimeout: '1s', endpointBudget: '1m', policy: strict })
    ).toMatchObject({ probeTimeoutMs: 5000, endpointBudgetMs: 20_000 })
    expect(() =>
      resolveOptions({ bundlePath: 'x', policy: policy('thresholds:\n  probe-timeout: 10\n') })
    ).toThrow(
      /^policy .*preflight-policy\.yml:2:18: probe-timeout must be a positive duration, e\.g\. 30s or 5m \(got 10\)\.$/
    )
    expect(() =>
      resolveOptions({ bundlePath: 'x', policy: policy('thresholds:\n  endpoint-budget: 5s\n') })
    ).toThrow(/^probe-timeout: 10s is longer than endpoint-budget 5s \(policy .*preflight-policy\.yml\)/)
  })
})

describe('the baseline', () => {
  it('records each endpoint’s p50/p95/p99 and errors before the deploy, and shows them in the report', async () => {
    const { runPreflight } = await import('../src/preflight.js')
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

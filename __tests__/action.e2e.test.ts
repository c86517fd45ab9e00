/** End to end: `node dist/index.js` run exactly as the Actions runner runs it. */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseOutputFile, runAction } from '../test/action-runner.js'
import { EXAMPLE_BUNDLE, REPO_ROOT, cleanupTempDirs, tempDir } from '../test/fixtures.js'

afterAll(cleanupTempDirs)

describe('the action (dist/index.js) as the runner runs it', () => {
  it('writes decision=go, the report and the summary for the example bundle offline', async () => {
    // All other inputs at their action.yml defaults (tracking-issue and upload-rollback-kit on): outside a
    // GitHub job there is nothing to track in or upload to, which is not a reason to block.
    const run = await runAction({ 'bundle-path': 'examples/deployment-artifacts.zip', offline: 'true' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.decision).toBe('go')
    expect(run.outputs['failed-checks']).toBe('')
    const report = JSON.parse(readFileSync(run.outputs['report-path'], 'utf8'))
    expect(report).toMatchObject({ version: 2, decision: 'go', scope: 'bundle-only' })
    expect(run.outputs['report-path'].startsWith(run.runnerTemp)).toBe(true)
    expect(run.summary).toMatch(/🟢 GO/)
    expect(run.summary).toMatch(/This decision covers the bundle only/)
    expect(run.summary).toMatch(/- \[x\] (?:🤖|👤) Verify artifact contents/)
    expect(run.stdout).toMatch(/Preflight decision: go/)
    expect(run.stdout).toMatch(/tracking-issue +not applicable: no GitHub repository/)
    expect(run.stdout).toMatch(/rollback-kit-upload +not applicable: no Actions runtime/)
    // The extracted zip is cleaned up; only the report stays in RUNNER_TEMP.
    expect(readdirSync(run.runnerTemp)).toEqual(['vapora-preflight'])
  })

  it('fails the job with no-go, annotations and a failing exit code on a broken bundle', async () => {
    const run = await runAction({
      'bundle-path': 'examples/broken/yaml-syntax-error',
      offline: 'true',
      'tracking-issue': 'false'
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.decision).toBe('no-go')
    expect(run.outputs['failed-checks'].split(',')).toEqual(
      expect.arrayContaining(['bundle-syntax', 'manifests'])
    )
    expect(run.stdout).toMatch(
      /^::error title=preflight bundle-syntax,file=examples\/broken\/yaml-syntax-error\/deployment\.yaml,line=35,col=1::/m
    )
    // Each annotation carries how to fix it; the failure message leads with the root cause, once.
    expect(run.stdout).toMatch(
      /^::error title=preflight bundle-syntax,file=[^:]*deployment\.yaml,line=35,col=1::All mapping items must start at the same column \(BAD_INDENT\)%0AHow to fix: Fix the file in the generator/m
    )
    expect(run.stdout).toMatch(
      /^::error::Preflight decision: no-go\. bundle-syntax: 3 syntax errors in deployment\.yaml: .*; 1 more check blocked by it \(blocking: bundle-syntax, manifests\)$/m
    )
    expect(run.outputs.reason).toMatch(
      /^no-go: bundle-syntax: 3 syntax errors in deployment\.yaml: deployment\.yaml:35:1 /
    )
    expect(run.summary).toMatch(/🔴 NO-GO/)
    expect(run.summary).toMatch(/- \[ \] 🤖 Validate manifest syntax .* — ❌ /)
  })

  it('annotates each syntax error of a zip bundle with its file and line', async () => {
    const run = await runAction({
      'bundle-path': 'examples/broken/json-syntax-error',
      offline: 'true',
      'tracking-issue': 'false'
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error title=preflight bundle-syntax,file=[^,]*vapora-solo\.json,line=15,col=\d+::invalid JSON/
    )
  })

  it('is no-go by default (offline: false) without a kubeconfig, because the cluster was not verified', async () => {
    const run = await runAction({ 'bundle-path': 'examples/bundle', 'tracking-issue': 'false' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.decision).toBe('no-go')
    expect(run.outputs['failed-checks'].split(',')).toEqual(
      expect.arrayContaining(['cluster-access', 'dry-run'])
    )
    expect(run.stdout).toMatch(/no kubeconfig \(KUBECONFIG is not set/)
  })

  it('rejects invalid input with a clear message, decision no-go and a failing exit code', async () => {
    const bad = await runAction({ 'bundle-path': 'examples/bundle', offline: 'yes please' })
    expect(bad.exitCode).toBe(1)
    expect(bad.outputs.decision).toBe('no-go')
    expect(bad.stdout).toMatch(/::error::Invalid input: offline: "yes please" is not a boolean/)
    // Like every no-go: the reason, the failed check, a report (valid, checked by runAction) and a summary.
    expect(bad.outputs).toMatchObject({
      decision: 'no-go',
      reason: 'no-go: inputs: invalid input: offline: "yes please" is not a boolean. Use true or false.',
      'failed-checks': 'inputs'
    })
    expect(existsSync(bad.outputs['report-path'])).toBe(true)
    expect(JSON.parse(readFileSync(bad.outputs['report-path'], 'utf8'))).toMatchObject({
      decision: 'no-go',
      rootCauses: [{ check: 'inputs', message: expect.stringMatching(/offline: "yes please"/) }]
    })
    expect(bad.summary).toMatch(/## 🔴 NO-GO/)
    expect(bad.summary).toMatch(
      /### Why no-go\n\n- \*\*`inputs`\*\* — invalid input: offline: "yes please" is not a boolean/
    )
    // Only the preflight's own outputs: verified belongs to verify mode.
    expect(bad.outputs).not.toHaveProperty('verified')
    const badRun = await runAction({ 'run-id': 'latest', 'tracking-issue': 'false' })
    expect(badRun.stdout).toMatch(/::error::Invalid input: run-id: "latest" is not a positive whole number/)
    const badVerify = await runAction({ mode: 'verify', 'ready-timeout': 'soon', 'tracking-issue': 'false' })
    expect(badVerify.outputs).toMatchObject({
      decision: 'no-go',
      verified: 'false',
      'failed-checks': 'inputs'
    })
    expect(badVerify.summary).toMatch(/## 🔴 NO-GO — Vapora deployment verification/)
  })

  it('without bundle-path and outside Actions, is no-go and says how to point it at a bundle', async () => {
    const run = await runAction({ 'tracking-issue': 'false', offline: 'true' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.decision).toBe('no-go')
    expect(run.outputs['failed-checks']).toMatch(/artifact-download/)
    expect(run.stdout).toMatch(/needs the Actions runtime \(ACTIONS_RUNTIME_TOKEN is not set\)/)
  })

  it('probes health-url with the masked health-token: a wrong token blocks, the right one passes, a hung body blocks within endpoint-budget, no token is printed', async () => {
    const token = 'health-token-for-the-e2e-0123456789'
    const server = http.createServer((req, res) => {
      res.writeHead(req.headers.authorization === `Bearer ${token}` ? 200 : 401)
      // /hang: the 200 and its headers, then a body that never ends.
      if (req.url === '/hang') res.flushHeaders()
      else res.end()
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`
    try {
      const base = {
        'bundle-path': 'examples/bundle',
        'tracking-issue': 'false',
        'health-url': url,
        'probe-count': '2'
      }
      const wrong = await runAction({ ...base, 'health-token': 'not-the-token-9876543210' })
      expect(wrong.outputs['failed-checks'].split(',')).toContain('health-endpoint')
      expect(wrong.stdout).toMatch(
        /health-endpoint +\[blocks\] health endpoint: 2 of 2 probes failed at .*\/health \(2 HTTP 401\)/
      )
      const right = await runAction({ ...base, 'health-token': token })
      expect(right.outputs['failed-checks'].split(',')).not.toContain('health-endpoint')
      expect(right.stdout).toMatch(
        /✓ health-endpoint +health endpoint: .*\/health: 2\/2 OK in [\d.]+ s of its 30 s budget, p50/
      )
      const started = performance.now()
      const hung = await runAction({
        ...base,
        'health-url': url.replace(/\/health$/, '/hang'),
        'health-token': token,
        'probe-count': '5',
        'probe-timeout': '300ms',
        'endpoint-budget': '1s'
      })
      // The whole action run, Node's start-up and the other checks included, well under 5 × 10 s.
      expect(performance.now() - started).toBeLessThan(10_000)
      expect(hung.outputs.decision).toBe('no-go')
      expect(hung.outputs['failed-checks'].split(',')).toContain('health-endpoint')
      expect(hung.stdout).toMatch(
        /health-endpoint +\[blocks\] health endpoint: 5 of 5 probes failed at .*\/hang \(3 no complete answer within 0\.3 s \(status 200 received, body unfinished\); 1 no complete answer within the 0\.\d+ s left/
      )
      const report = JSON.parse(readFileSync(hung.outputs['report-path'], 'utf8'))
      const health = report.results.find((r: { id: string }) => r.id === 'health-endpoint')
      expect(health.data.endpoints[0]).toMatchObject({
        probeTimeoutMs: 300,
        budgetMs: 1000,
        ok: 0,
        errors: 5
      })
      expect(health.durationMs).toBeLessThan(1000 + 300) // the check itself: its budget and some slack
      for (const run of [wrong, right, hung]) {
        const visible = run.stdout
          .split('\n')
          .filter(line => !line.startsWith('::add-mask::'))
          .join('\n')
        const report = readFileSync(run.outputs['report-path'], 'utf8')
        for (const secret of [token, 'not-the-token-9876543210']) {
          expect(visible + run.stderr + run.summary + JSON.stringify(run.outputs) + report).not.toContain(
            secret
          )
        }
      }
      expect(right.stdout).toContain(`::add-mask::${token}`)
    } finally {
      await new Promise(resolve => server.close(resolve))
    }
  })

  it('on a Node older than 22.19 writes decision=no-go with the reason, before loading anything that crashes', async () => {
    const old = spawnSync('node', ['--version'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } })
    const version = old.stdout.trim().replace(/^v/, '')
    const [major, minor] = version.split('.').map(Number)
    if (!(major < 22 || (major === 22 && minor < 19))) return
    const outputs = join(tempDir(), 'github_output')
    writeFileSync(outputs, '')
    const run = spawnSync('node', [join(REPO_ROOT, 'dist', 'index.js')], {
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin', GITHUB_OUTPUT: outputs, 'INPUT_BUNDLE-PATH': EXAMPLE_BUNDLE }
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(
      /^::error title=vapora-preflight::no-go: vapora-preflight needs Node\.js >= 22\.19/m
    )
    expect(run.stderr).not.toMatch(/node:sqlite|at .*\.js:\d+/)
    expect(parseOutputFile(readFileSync(outputs, 'utf8'))).toEqual({
      decision: 'no-go',
      reason: `no-go: vapora-preflight needs Node.js >= 22.19 (found ${version}); install Node 24 (e.g. npm i node@24, or actions/setup-node).`
    })
  })

  it('whose code fails to load (a chunk missing) still writes decision=no-go with the reason', () => {
    const copy = tempDir('preflight-dist-')
    cpSync(join(REPO_ROOT, 'dist'), copy, { recursive: true })
    const entry = readFileSync(join(copy, 'index.js'), 'utf8')
    // The entry loads its adapter lazily, as CommonJS: require('./chunks/main-<hash>.js') in a promise.
    const chunk = /require\('\.\/(chunks\/main-[\w-]+\.js)'\)/.exec(entry)![1]
    rmSync(join(copy, chunk))
    const outputs = join(tempDir(), 'github_output')
    writeFileSync(outputs, '')
    const run = spawnSync(process.execPath, [join(copy, 'index.js')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, GITHUB_OUTPUT: outputs }
    })
    expect(run.status).toBe(1)
    expect(parseOutputFile(readFileSync(outputs, 'utf8'))).toEqual({
      decision: 'no-go',
      reason: expect.stringMatching(
        /^no-go: vapora-preflight could not load its code \(.*main-[\w-]+\.js.*\); re-run the job/
      )
    })
    expect(run.stdout).toMatch(
      /^::error title=vapora-preflight::no-go: vapora-preflight could not load its code/m
    )
  })
})

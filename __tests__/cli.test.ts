import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { main, EXIT } from '../src/cli.js'
import { ALL_CHECKS } from '../src/checks/index.js'
import { BROKEN, EXAMPLE_BUNDLE, REPO_ROOT, cleanupTempDirs, tempDir } from '../test/fixtures.js'

afterAll(cleanupTempDirs)

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, { stdout: t => (stdout += t), stderr: t => (stderr += t) })
  return { code, stdout, stderr }
}

describe('the vapora-preflight CLI', () => {
  it('prints the checklist with decision go and exits 0 on the example bundle offline', async () => {
    const run = await cli('--bundle', EXAMPLE_BUNDLE, '--offline')
    expect(run.code).toBe(EXIT.go)
    expect(run.stdout).toMatch(/^## 🟢 GO/)
    expect(run.stdout).toMatch(/### Checklist/)
    expect(run.stderr).toMatch(/^✓ bundle-files/m)
    expect(run.stderr).toMatch(/decision: go \(bundle only: offline run\)/)
  })

  it('exits 1 on no-go and prints one progress line per check', async () => {
    const run = await cli('--bundle', BROKEN('mode-mismatch'), '--offline')
    expect(run.code).toBe(EXIT.noGo)
    expect(run.stderr).toMatch(/^✗ config-modes\s+\[blocks\] formats disagree/m)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(ALL_CHECKS.length + 3) // bundle-unpack, every check, baseline, the decision line
    for (const check of ALL_CHECKS) expect(lines.filter(l => l.includes(` ${check.id} `))).toHaveLength(1)
  })

  it('writes the JSON report to --output', async () => {
    const out = join(tempDir(), 'report.json')
    const run = await cli(
      '--bundle',
      EXAMPLE_BUNDLE,
      '--offline',
      '--format',
      'json',
      '--output',
      out,
      '--quiet'
    )
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' })
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: 2, decision: 'go' })
  })

  it.each([
    [['--bundle'], /--bundle.*argument missing|Option '--bundle <value>' argument missing/],
    [['--bundle', EXAMPLE_BUNDLE, '--format', 'xml'], /--format: "xml" is not supported/],
    [['--offline'], /--bundle is required/],
    [
      ['--bundle', EXAMPLE_BUNDLE, '--namespace', 'UPPER'],
      /namespace: "UPPER" is not a valid Kubernetes name/
    ],
    [['--bundle', EXAMPLE_BUNDLE, '--frobnicate'], /Unknown option '--frobnicate'/]
  ])('exits 2 with a usage message for %j', async (argv, message) => {
    const run = await cli(...argv)
    expect(run.code).toBe(EXIT.error)
    expect(run.stderr).toMatch(message)
    expect(run.stderr).toMatch(/--help/)
  })

  it('honours --expected-files, --deployments and --configmap', async () => {
    const run = await cli(
      '--bundle',
      EXAMPLE_BUNDLE,
      '--offline',
      '--quiet',
      '--format',
      'json',
      '--expected-files',
      'deployment.yaml, configmap.yaml, vapora-solo.{toml,json}',
      '--deployments',
      'vapora-backend',
      '--configmap',
      'vapora-config'
    )
    const report = JSON.parse(run.stdout)
    expect(report.decision).toBe('go')
    expect(report.warnings.map((w: { check: string }) => w.check)).toEqual(['bundle-files'])
  })

  it('runs as the built bundle (dist/cli.js) with the documented exit codes', () => {
    const exec = (...args: string[]) =>
      spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8' })
    expect(exec('--bundle', EXAMPLE_BUNDLE, '--offline').status).toBe(0)
    expect(exec('--bundle', BROKEN('missing-file'), '--offline').status).toBe(1)
    expect(exec('--nope').status).toBe(2)
    expect(exec('--help').stdout).toMatch(
      /Exit codes: 0 go \(verify: verified\), 1 no-go \(not verified\), 2 could not run/
    )
  })
})

describe('the CLI endpoint flags', () => {
  it('probe --health-url with the token from VAPORA_HEALTH_TOKEN and check --tls-endpoint', async () => {
    const server = http.createServer((req, res) => {
      res.writeHead(req.headers.authorization === 'Bearer cli-health-token-42' ? 200 : 401).end()
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
    process.env.VAPORA_HEALTH_TOKEN = 'cli-health-token-42'
    try {
      const port = (server.address() as AddressInfo).port
      const run = await cli(
        '--bundle',
        EXAMPLE_BUNDLE,
        '--format',
        'json',
        '--health-url',
        `http://127.0.0.1:${port}/health`,
        '--probe-count',
        '2',
        '--tls-endpoint',
        `127.0.0.1:${port}`
      )
      const report = JSON.parse(run.stdout)
      const byId = (id: string) => report.results.find((r: { id: string }) => r.id === id)
      expect(byId('health-endpoint')).toMatchObject({ status: 'pass' })
      expect(byId('tls-expiry')).toMatchObject({ status: 'fail', blocking: true })
      expect(run.stdout + run.stderr).not.toContain('cli-health-token-42')
      expect((await cli('--bundle', EXAMPLE_BUNDLE, '--tls-ca', '/nonexistent.pem')).stderr).toMatch(
        /--tls-ca: cannot read/
      )
    } finally {
      delete process.env.VAPORA_HEALTH_TOKEN
      await new Promise(resolve => server.close(resolve))
    }
  })
})

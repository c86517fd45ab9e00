import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { main, EXIT } from '../src/cli/main.js'
import { ALL_CHECKS } from '../src/checks/index.js'
import { expectValidReport } from '../test/report-schema.js'
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
    expectValidReport(readFileSync(out, 'utf8'), '--output report.json')
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

/** The built CLI as a user runs it: piped, with this environment. */
function built(args: string[], env: Record<string, string | undefined> = {}) {
  const merged = { ...process.env, ...env }
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k]
  return spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), ...args], {
    encoding: 'utf8',
    env: merged as NodeJS.ProcessEnv
  })
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g
const lines = (text: string) => text.replace(/\n$/, '').split('\n')

describe('the terminal report (--format text)', () => {
  it('fits an offline go in 30 lines of at most 100 columns, verdict first and last, nothing of Markdown or HTML', () => {
    const run = built(['--bundle', EXAMPLE_BUNDLE, '--offline', '--format', 'text', '--quiet'])
    expect(run.status).toBe(0)
    const out = lines(run.stdout)
    expect(out.length).toBeLessThanOrEqual(30)
    expect(out[0]).toMatch(/^✓ GO {2}Vapora pre-deployment preflight/)
    expect(out.at(-1)).toMatch(/^✓ GO \(bundle only: offline run\) — 6 passed; nothing blocks · exit 0$/)
    for (const line of out) expect(line.length).toBeLessThanOrEqual(100)
    expect(run.stdout).not.toMatch(/<!--|&lt;|\\\[|\*\*|^#+ /m)
    expect(run.stdout).toMatch(
      /^ {2}- 19 not run, none blocks: 16 cluster and network checks out of scope \(offline\); 3 not applicable\s+\(git-main, git-history: /m
    )
    expect(run.stdout).not.toMatch(ANSI)
  })

  it('groups results by checklist section in checklist order, with ✓ ✗ ! marks', () => {
    const run = built(['--bundle', BROKEN('json-syntax-error'), '--offline', '--format', 'text', '--quiet'])
    const out = run.stdout
    expect(out.indexOf('24 Hours Before Deployment')).toBeLessThan(out.indexOf('2 Hours Before Deployment'))
    expect(out).toMatch(/^ {2}✗ bundle-syntax +1 syntax error in vapora-solo\.json: vapora-solo\.json:15:30/m)
    expect(out).toMatch(/^ {2}! bundle-files +all 12 expected files present; 1 unexpected: README\.md/m)
    expect(out).toMatch(/^ {2}✓ manifests /m)
  })

  it('ends a no-go with its root cause, where and how to fix it, within the last 40 lines', () => {
    const run = built(['--bundle', BROKEN('yaml-syntax-error'), '--offline', '--format', 'text', '--quiet'])
    expect(run.status).toBe(1)
    const tail = lines(run.stdout).slice(-40).join('\n')
    expect(tail).toMatch(/^✗ NO-GO \(bundle only: offline run\) — 1 root cause, 2 checks block · exit 1$/m)
    expect(tail).toMatch(/✗ bundle-syntax: 3 syntax errors in deployment\.yaml.* — blocks 1 more: manifests/s)
    expect(tail).toMatch(/deployment\.yaml:35:20 {2}Nested mappings are not allowed/)
    expect(tail).toMatch(/fix: Fix the file in the generator/)
  })

  it('refuses the gcp and azure auth-providers kubectl removed in v1.26, saying to use their exec plugins', () => {
    const dir = tempDir()
    // The provider's command prints a token; client-node would pick it out with a JSONPath.
    const command = join(dir, 'token.sh')
    writeFileSync(command, '#!/bin/sh\necho \'{"token": "t", "expiry": "2099-01-01T00:00:00Z"}\'\n', {
      mode: 0o755
    })
    const kubeconfig = join(dir, 'config')
    writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]',
        'contexts: [{name: x, context: {cluster: c, user: u}}]',
        'current-context: x',
        'users: [{name: u, user: {auth-provider: {name: gcp, config: {',
        `  cmd-path: ${command}, token-key: "{.token}", expiry-key: "{.expiry}"}}}}]`,
        ''
      ].join('\n')
    )
    const run = built(['--bundle', EXAMPLE_BUNDLE, '--kubeconfig', kubeconfig, '--format', 'text', '--quiet'])
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/✗ cluster-access: .*auth-providers were removed from kubectl in v1\.26/s)
    expect(run.stdout).toMatch(/gke-gcloud-auth-plugin/)
  })

  it('never prints a kubeconfig token in a YAML warning (a map as a key is quoted by the parser)', () => {
    const kubeconfig = join(tempDir(), 'config')
    writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]',
        'contexts: [{name: x, context: {cluster: c, user: u}}]',
        'current-context: x',
        'users: [{name: u, user: {token: s3cr3t-kubeconfig-token}}]',
        '? {token: s3cr3t-kubeconfig-token}',
        ': x',
        ''
      ].join('\n')
    )
    const run = built(['--bundle', EXAMPLE_BUNDLE, '--kubeconfig', kubeconfig, '--format', 'text'])
    expect(run.status).toBe(1)
    expect(run.stdout + run.stderr).toMatch(/cluster-access/)
    expect(run.stdout + run.stderr).not.toMatch(/s3cr3t-kubeconfig-token/)
  })

  it('says one cause once when there is no kubeconfig, and counts what it blocked', () => {
    const run = built(['--bundle', EXAMPLE_BUNDLE, '--format', 'text', '--quiet'], {
      HOME: tempDir(),
      KUBECONFIG: undefined
    })
    expect(run.status).toBe(1)
    const out = run.stdout
    expect(out.match(/no kubeconfig/g)).toHaveLength(2) // its line in the section, and the end
    expect(out).toMatch(/✗ 12 not run because of cluster-access \(each blocks\): kubectl-version,/)
    expect(lines(out).slice(-6).join('\n')).toMatch(/✗ cluster-access: no kubeconfig .* — blocks 12 more:/s)
  })

  it('honours FORCE_COLOR and NO_COLOR, and has no colour when piped', () => {
    const args = ['--bundle', BROKEN('missing-file'), '--offline', '--format', 'text', '--quiet']
    expect(built(args, { FORCE_COLOR: '1', NO_COLOR: undefined }).stdout).toMatch(ANSI)
    expect(built(args, { NO_COLOR: '1', FORCE_COLOR: undefined }).stdout).not.toMatch(ANSI)
    expect(built(args, { NO_COLOR: undefined, FORCE_COLOR: undefined }).stdout).not.toMatch(ANSI)
  })

  it('on a terminal: the text report by default, in colour, with progress updated in place', () => {
    // script(1) gives the CLI a pseudo-terminal, as a person's shell does.
    const command = `${process.execPath} ${join(REPO_ROOT, 'dist', 'cli.js')} --bundle ${BROKEN('missing-file')} --offline`
    const run = spawnSync('script', ['-qec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', COLUMNS: '100', TERM: 'xterm-256color' }
    })
    expect(run.stdout).toMatch(ANSI)
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).toMatch(/\r\x1b\[2K⠋?.*checking: \d+ done/)
    const plain = run.stdout.replace(ANSI, '')
    expect(plain).toMatch(/✗ NO-GO {2}Vapora pre-deployment preflight/)
    expect(plain).not.toMatch(/<!--|### /)
  })

  it('piped without --format prints Markdown (for files and CI logs) and the decision on stderr', () => {
    const run = built(['--bundle', EXAMPLE_BUNDLE, '--offline'])
    expect(run.stdout).toMatch(/^## 🟢 GO/)
    expect(run.stderr).toMatch(/^decision: go \(bundle only: offline run\)$/m)
  })

  it('--help is grouped, with the environment variables it reads and examples', () => {
    const help = built(['--help']).stdout
    for (const heading of [
      'Bundle',
      'Cluster',
      'Endpoints',
      'Change checks',
      'Verify mode',
      'Output',
      'Environment',
      'Examples'
    ]) {
      expect(help).toMatch(new RegExp(`^${heading}( \\(.*\\))?$`, 'm'))
    }
    for (const variable of ['KUBECONFIG', 'GITHUB_TOKEN', 'VAPORA_HEALTH_TOKEN', 'NO_COLOR', 'FORCE_COLOR']) {
      expect(help).toContain(variable)
    }
    for (const line of lines(help)) expect(line.length).toBeLessThanOrEqual(100)
  })
})

describe('the CLI could not run: exit 2 with one clear line, before any check', () => {
  it.each([
    [
      ['--bundle', 'examples/bundel', '--offline'],
      /^vapora-preflight: --bundle: examples\/bundel does not exist \(did you mean examples\/bundle\?\); pass the deployment-artifacts \.zip/
    ],
    [
      ['--bundle', EXAMPLE_BUNDLE, '--offline', '--output', '/nonexistent-dir/report.json'],
      /^vapora-preflight: --output: the directory \/nonexistent-dir does not exist; create it first\.$/m
    ],
    [
      ['--bundle', EXAMPLE_BUNDLE, '--offline', '--output', REPO_ROOT],
      /^vapora-preflight: --output: .* is a directory; give a file name/
    ]
  ])('%j', (args, message) => {
    const run = built(args, { HOME: tempDir() })
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(lines(run.stderr)).toHaveLength(1)
    expect(run.stderr).toMatch(message)
  })

  it('a run left waiting on a promise that never settles exits 2 and says so, never 0 (a "go")', () => {
    // The entries run as an async function: with nothing left to wait for, Node would exit 0.
    const guard = readdirSync(join(REPO_ROOT, 'dist', 'chunks')).find(f => f.startsWith('node-guard-'))!
    const script = (settle: string) =>
      [
        `const { failIfUnfinished, UNFINISHED } = require(${JSON.stringify(join(REPO_ROOT, 'dist', 'chunks', guard))})`,
        "const run = failIfUnfinished(() => { process.stderr.write('internal error: ' + UNFINISHED); process.exitCode = 2 })",
        settle
      ].join('\n')
    const stuck = spawnSync(process.execPath, ['-e', script('new Promise(() => {})')], { encoding: 'utf8' })
    expect(stuck.status).toBe(2)
    expect(stuck.stderr).toMatch(/internal error: stopped before the run ended .*nothing was decided/)
    const ended = spawnSync(process.execPath, ['-e', script('run.finished()')], { encoding: 'utf8' })
    expect([ended.status, ended.stderr]).toEqual([0, ''])
  })

  it('on a Node older than 22.19, before importing anything that would crash', () => {
    const old = spawnSync('node', ['--version'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } })
    const version = old.stdout.trim().replace(/^v/, '')
    const [major, minor] = version.split('.').map(Number)
    if (!(major < 22 || (major === 22 && minor < 19))) {
      console.warn(`no Node older than 22.19 at /usr/bin/node (found ${version}); the guard is not exercised`)
      return
    }
    const run = spawnSync(
      'node',
      [join(REPO_ROOT, 'dist', 'cli.js'), '--bundle', EXAMPLE_BUNDLE, '--offline'],
      {
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin' }
      }
    )
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(
      `vapora-preflight: needs Node.js >= 22.19 (found ${version}); install Node 24 (e.g. npm i node@24, or actions/setup-node).\n`
    )
  })
})

/**
 * Kubeconfig exec credential plugins, run for real: small shell and node scripts written to a temp dir, a
 * kubeconfig file beside them, and a local API server (HTTP, or HTTPS asking for client certificates) that
 * records the credentials it is sent.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { X509Certificate } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { clusterAccessCheck } from '../src/checks/cluster-access.js'
import { runPreflight } from '../src/preflight.js'
import { resolveOptions } from '../src/core/options.js'
import { openCluster, type ClusterSession } from '../src/kube/session.js'
import type { ClusterReader } from '../src/core/check.js'
import type { CheckContext } from '../src/core/check.js'
import { EXAMPLE_BUNDLE, cleanupTempDirs, tempDir } from '../test/fixtures.js'
import { makeTestCertificates } from '../test/tls-certs.js'

const V1 = 'client.authentication.k8s.io/v1'
const V1BETA1 = 'client.authentication.k8s.io/v1beta1'

const closers: Array<() => void> = []
afterAll(() => {
  closers.forEach(close => close())
  cleanupTempDirs()
})

interface Server {
  url: string
  /** The Authorization header of each request. */
  authorizations: string[]
}

/** A local API server answering /version, recording what it is sent. */
async function apiServer(): Promise<Server> {
  const authorizations: string[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    authorizations.push(req.headers.authorization ?? '(none)')
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ major: '1', minor: '36', gitVersion: 'v1.36.3' }))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => server.close())
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, authorizations }
}

/** Writes an executable script. */
function script(path: string, text: string): string {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
  chmodSync(path, 0o755)
  return path
}

const credential = (status: Record<string, unknown>, apiVersion = V1): string =>
  JSON.stringify({ apiVersion, kind: 'ExecCredential', status })

/** A shell plugin that prints `output` (a here-document, so any JSON goes through untouched). */
const printing = (output: string, before = ''): string =>
  `#!/bin/sh\n${before}\ncat <<'EOF'\n${output}\nEOF\n`

/** A kubeconfig file in `dir` for `server`, whose user `ci-bot` gets its credential from `exec`. */
function kubeconfig(
  dir: string,
  server: string,
  exec: Record<string, unknown>,
  cluster: object = {}
): string {
  const file = join(dir, 'config')
  writeFileSync(
    file,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: { server, 'insecure-skip-tls-verify': true, ...cluster } }],
      users: [{ name: 'ci-bot', user: { exec: { apiVersion: V1, interactiveMode: 'Never', ...exec } } }],
      contexts: [{ name: 'x', context: { cluster: 'c', user: 'ci-bot' } }],
      'current-context': 'x'
    })
  )
  return file
}

async function open(
  file: string,
  options: { execTimeoutMs?: number; onSecrets?: (s: string[]) => void } = {}
) {
  const opened = await openCluster({ kind: 'path', path: file }, undefined, { attempts: 1, ...options })
  if (!opened.ok) throw new Error(`openCluster: ${opened.message}`)
  closers.push(() => opened.close())
  return opened
}

/** The cluster-access check's result for a session, as the engine would report it. */
function clusterAccess(session: ClusterReader) {
  const ctx: CheckContext = { options: resolveOptions({ bundlePath: EXAMPLE_BUNDLE }), cluster: session }
  return clusterAccessCheck.run(ctx)
}

/** The error message of a session's first request. */
const failure = (session: ClusterReader): Promise<string> =>
  session.version().then(
    () => 'no error',
    (error: Error) => error.message
  )

/** True while `pid` runs (a zombie waiting for its parent counts as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs
  while (alive(pid)) {
    if (Date.now() > deadline) return false
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  return true
}

describe('a kubeconfig exec credential plugin', () => {
  it('authenticates the requests with the token it prints, and the token is among the secrets to mask', async () => {
    const dir = tempDir('exec-')
    const server = await apiServer()
    const token = 'exec-token-3f9a1c77d2'
    const plugin = script(join(dir, 'token.sh'), printing(credential({ token })))
    const opened = await open(kubeconfig(dir, server.url, { command: plugin }))
    expect(opened.secrets).toContain(token)
    const result = await clusterAccess(opened.reader)
    expect(result.status).toBe('pass')
    expect(server.authorizations).toEqual([`Bearer ${token}`])
  })

  it('is run through the engine without any change there: the token reaches onSecrets before the checks', async () => {
    const dir = tempDir('exec-')
    const server = await apiServer()
    const token = 'engine-token-81be0c5a'
    const plugin = script(join(dir, 'token.sh'), printing(credential({ token })))
    const masked: string[] = []
    let maskedBeforeRequest = false
    const report = await runPreflight(
      { bundlePath: EXAMPLE_BUNDLE, kubeconfigPath: kubeconfig(dir, server.url, { command: plugin }) },
      {
        checks: [clusterAccessCheck],
        onSecrets: secrets => {
          masked.push(...secrets)
          maskedBeforeRequest = server.authorizations.length === 0
        }
      }
    )
    expect(report.results.find(r => r.id === 'cluster-access')?.status).toBe('pass')
    expect(masked).toContain(token)
    expect(maskedBeforeRequest).toBe(true)
    expect(server.authorizations).toEqual([`Bearer ${token}`])
  })

  it('that hangs is stopped at its timeout with its whole process group, and cluster-access says so', async () => {
    const dir = tempDir('exec-')
    const server = await apiServer()
    script(
      join(dir, 'hang.sh'),
      `#!/bin/sh\necho run >> "${dir}/runs"\necho $$ > "${dir}/plugin.pid"\nsleep 300 &\necho $! > "${dir}/child.pid"\necho "waiting for the browser login" >&2\nwait\n`
    )
    const started = Date.now()
    const opened = await open(kubeconfig(dir, server.url, { command: './hang.sh' }), { execTimeoutMs: 500 })
    const openMs = Date.now() - started
    expect(openMs).toBeGreaterThanOrEqual(500)
    expect(openMs).toBeLessThan(1500)
    const result = await clusterAccess(opened.reader)
    expect(result.status).toBe('error')
    expect(result.message).toContain(
      "the kubeconfig's exec credential plugin `./hang.sh` did not answer within 0.5 s (user ci-bot) and was stopped"
    )
    expect(result.message).toContain('Its stderr: waiting for the browser login')
    const pids = ['plugin.pid', 'child.pid'].map(file => Number(readFileSync(join(dir, file), 'utf8')))
    for (const pid of pids) expect(await gone(pid, 1000)).toBe(true)
    // Nothing was sent, and later requests fail at once with the same cause instead of running it again.
    const again = Date.now()
    expect(await failure(opened.reader)).toBe(await failure(opened.reader))
    expect(
      await opened.reader
        .fold(
          { kind: 'nodes' },
          () => 0,
          n => n
        )
        .catch((e: Error) => e.message)
    ).toMatch(/did not answer within 0\.5 s/)
    expect(Date.now() - again).toBeLessThan(100)
    expect(readFileSync(join(dir, 'runs'), 'utf8')).toBe('run\n')
    expect(server.authorizations).toEqual([])
  })

  it('that ignores SIGTERM is killed with SIGKILL after a short grace period', async () => {
    const dir = tempDir('exec-')
    const server = await apiServer()
    script(
      join(dir, 'stubborn.sh'),
      `#!/bin/sh\ntrap '' TERM\necho $$ > "${dir}/plugin.pid"\nwhile :; do sleep 0.05; done\n`
    )
    const started = Date.now()
    const opened = await open(kubeconfig(dir, server.url, { command: './stubborn.sh' }), {
      execTimeoutMs: 300
    })
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(1300)
    expect(elapsed).toBeLessThan(2500)
    expect(await gone(Number(readFileSync(join(dir, 'plugin.pid'), 'utf8')), 500)).toBe(true)
    expect(await failure(opened.reader)).toMatch(
      /`\.\/stubborn\.sh` did not answer within 0\.3 s \(user ci-bot\)/
    )
  })

  it('that exits 1 has its stderr in the message, bounded and without the credentials in it', async () => {
    const dir = tempDir('exec-')
    const server = await apiServer()
    const envSecret = 'vault-secret-0d6c2b9e'
    script(
      join(dir, 'fail.sh'),
      [
        '#!/bin/sh',
        'i=0; while [ $i -lt 200 ]; do echo "noise line $i" >&2; i=$((i+1)); done',
        'echo "using $VAULT_SECRET" >&2',
        'echo "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl" >&2',
        'echo "error: the session for profile ci has expired" >&2',
        `cat <<'EOF'\n${credential({ token: 'printed-before-failing-7d1e' })}\nEOF`,
        'echo "again: printed-before-failing-7d1e" >&2',
        'exit 1'
      ].join('\n')
    )
    const file = kubeconfig(dir, server.url, {
      command: './fail.sh',
      env: [{ name: 'VAULT_SECRET', value: envSecret }]
    })
    const opened = await open(file)
    expect(opened.secrets).toContain(envSecret)
    const message = await failure(opened.reader)
    expect(message).toMatch(
      /^the kubeconfig's exec credential plugin `\.\/fail\.sh` failed with exit code 1 \(user ci-bot\): …/
    )
    expect(message).toContain('error: the session for profile ci has expired')
    expect(message).not.toContain('noise line 0')
    expect(message.length).toBeLessThan(520)
    for (const secret of [envSecret, 'eyJhbGciOiJIUzI1NiJ9', 'printed-before-failing-7d1e']) {
      expect(message).not.toContain(secret)
    }
    expect(message).toContain('using ***')
    expect(server.authorizations).toEqual([])
  })

  it.each([
    [
      'output that is not JSON',
      'token=sekrit-token-5b3a',
      /printed something that is not JSON \(\d+ bytes, not shown/
    ],
    ['nothing at all', '', /exited 0 but printed nothing/],
    [
      'another kind',
      JSON.stringify({ apiVersion: V1, kind: 'Secret', status: { token: 'sekrit-token-5b3a' } }),
      /printed kind "Secret", not ExecCredential/
    ],
    [
      'a kind that could be a credential',
      JSON.stringify({ apiVersion: V1, kind: 'sekrit-token-5b3a', status: {} }),
      /printed kind \(not shown\), not ExecCredential/
    ],
    [
      'another apiVersion',
      credential({ token: 'sekrit-token-5b3a' }, V1BETA1),
      /printed apiVersion "client\.authentication\.k8s\.io\/v1beta1", but the kubeconfig asks for client\.authentication\.k8s\.io\/v1/
    ],
    [
      'no credential',
      credential({ expirationTimestamp: '2030-01-01T00:00:00Z' }),
      /returned neither status\.token nor/
    ],
    [
      'a certificate without its key',
      credential({ clientCertificateData: 'sekrit-token-5b3a' }),
      /a client certificate without its key/
    ],
    [
      'an expirationTimestamp that is not a time',
      credential({ token: 'sekrit-token-5b3a', expirationTimestamp: 'tomorrow' }),
      /status\.expirationTimestamp that is not an RFC 3339 time/
    ]
  ])('that prints %s gets a clear error that does not quote its output', async (_what, output, expected) => {
    const dir = tempDir('exec-')
    const server = await apiServer()
    script(join(dir, 'bad.sh'), output ? printing(output) : '#!/bin/sh\nexit 0\n')
    const opened = await open(kubeconfig(dir, server.url, { command: './bad.sh' }))
    const result = await clusterAccess(opened.reader)
    expect(result.status).toBe('error')
    expect(result.message).toMatch(expected)
    expect(result.message).toMatch(/\(user ci-bot\)/)
    expect(result.message).not.toContain('sekrit')
    expect(opened.secrets.join()).not.toContain('sekrit')
    expect(server.authorizations).toEqual([])
  })

  it('with interactiveMode Always is refused without being run: preflight is never interactive', async () => {
    const dir = tempDir('exec-')
    const server = await apiServer()
    script(
      join(dir, 'login.sh'),
      `#!/bin/sh\ntouch "${dir}/ran"\n${printing(credential({ token: 'x-token-123' }))}`
    )
    const opened = await open(
      kubeconfig(dir, server.url, { command: './login.sh', interactiveMode: 'Always' })
    )
    const result = await clusterAccess(opened.reader)
    expect(result.status).toBe('error')
    expect(result.message).toContain(
      "the kubeconfig's exec credential plugin `./login.sh` (user ci-bot) has interactiveMode: Always, but preflight never runs a plugin interactively"
    )
    expect(existsSync(join(dir, 'ran'))).toBe(false)
    expect(server.authorizations).toEqual([])
  })

  it.each([
    ['no command', { command: '' }, /^the kubeconfig's exec credential plugin of user ci-bot has no command/],
    [
      'no apiVersion',
      { apiVersion: undefined },
      /`\.\/token\.sh` \(user ci-bot\) has no apiVersion: set users\[\]\.user\.exec\.apiVersion to client\.authentication\.k8s\.io\/v1 or/
    ],
    [
      'the retired apiVersion v1alpha1',
      { apiVersion: 'client.authentication.k8s.io/v1alpha1' },
      /has apiVersion "client\.authentication\.k8s\.io\/v1alpha1", which is not supported/
    ],
    [
      'an unknown interactiveMode',
      { interactiveMode: 'Sometimes' },
      /has interactiveMode "Sometimes": use Never, IfAvailable or Always/
    ],
    ['an env entry without a name', { env: [{ value: 'x' }] }, /has an env entry without a name/]
  ])(
    'whose kubeconfig stanza has %s is not run, and the error says what to fix',
    async (_what, change, expected) => {
      const dir = tempDir('exec-')
      const server = await apiServer()
      script(
        join(dir, 'token.sh'),
        `#!/bin/sh\ntouch "${dir}/ran"\n${printing(credential({ token: 'x-token-123' }))}`
      )
      const opened = await open(kubeconfig(dir, server.url, { command: './token.sh', ...change }))
      expect(await failure(opened.reader)).toMatch(expected)
      expect(existsSync(join(dir, 'ran'))).toBe(false)
    }
  )

  it('with a relative command path is run from the kubeconfig file’s directory, not the working directory', async () => {
    const dir = tempDir('exec-')
    const server = await apiServer()
    script(join(dir, 'bin', 'token.sh'), printing(credential({ token: 'relative-token-4c2f' })))
    const file = kubeconfig(dir, server.url, { command: 'bin/token.sh' })
    expect(process.cwd()).not.toBe(dir)
    const opened = await open(file)
    expect((await clusterAccess(opened.reader)).status).toBe('pass')
    expect(server.authorizations).toEqual(['Bearer relative-token-4c2f'])
  })

  it('that does not exist is reported with where it was looked for and the kubeconfig’s installHint', async () => {
    const dir = tempDir('exec-')
    const server = await apiServer()
    const relative = await open(kubeconfig(dir, server.url, { command: './nowhere/get-token' }))
    expect(await failure(relative.reader)).toBe(
      `the kubeconfig's exec credential plugin \`./nowhere/get-token\` was not found at ${join(dir, 'nowhere', 'get-token')} (user ci-bot).`
    )
    const bare = await open(
      kubeconfig(dir, server.url, {
        command: 'vapora-no-such-plugin',
        installHint: 'Install it with:\n  brew install vapora-auth'
      })
    )
    expect(await failure(bare.reader)).toBe(
      "the kubeconfig's exec credential plugin `vapora-no-such-plugin` was not found on PATH (user ci-bot). Install it with: brew install vapora-auth"
    )
  })

  it('gets its args and env, and KUBERNETES_EXEC_INFO with the cluster only when provideClusterInfo is set', async () => {
    const dir = tempDir('exec-')
    const server = await apiServer()
    const plugin = script(
      join(dir, 'record.sh'),
      `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/args"\nprintf '%s' "$AUDIENCE" > "${dir}/env"\nprintf '%s' "$KUBERNETES_EXEC_INFO" > "${dir}/info-$PHASE.json"\n${printing(credential({ token: 'info-token-99aa' }, V1BETA1))}`
    )
    const exec = {
      command: plugin,
      apiVersion: V1BETA1,
      args: ['token', '--cluster', 'prod eu'],
      env: [{ name: 'AUDIENCE', value: 'vapora' }]
    }
    const cluster = {
      'certificate-authority-data': Buffer.from('-----BEGIN CERTIFICATE-----\n').toString('base64'),
      extensions: [{ name: 'client.authentication.k8s.io/exec', extension: { audience: 'prod' } }]
    }
    const without = await open(
      kubeconfig(dir, server.url, { ...exec, env: [...exec.env, { name: 'PHASE', value: 'a' }] }, cluster)
    )
    expect((await clusterAccess(without.reader)).status).toBe('pass')
    expect(readFileSync(join(dir, 'args'), 'utf8')).toBe('token\n--cluster\nprod eu\n')
    expect(readFileSync(join(dir, 'env'), 'utf8')).toBe('vapora')
    expect(JSON.parse(readFileSync(join(dir, 'info-a.json'), 'utf8'))).toEqual({
      apiVersion: V1BETA1,
      kind: 'ExecCredential',
      spec: { interactive: false }
    })
    const withInfo = await open(
      kubeconfig(
        dir,
        server.url,
        { ...exec, provideClusterInfo: true, env: [...exec.env, { name: 'PHASE', value: 'b' }] },
        cluster
      )
    )
    expect((await clusterAccess(withInfo.reader)).status).toBe('pass')
    expect(JSON.parse(readFileSync(join(dir, 'info-b.json'), 'utf8'))).toEqual({
      apiVersion: V1BETA1,
      kind: 'ExecCredential',
      spec: {
        interactive: false,
        cluster: {
          server: server.url,
          'insecure-skip-tls-verify': true,
          'certificate-authority-data': cluster['certificate-authority-data'],
          config: { audience: 'prod' }
        }
      }
    })
  })

  it('is run again once its credential nears expirationTimestamp, and the new token is masked before use', async () => {
    const dir = tempDir('exec-')
    const server = await apiServer()
    // Each run prints the next token, valid for 6 s: within 5 s of expiry it is obtained again.
    script(
      join(dir, 'rotating.js'),
      `#!${process.execPath}\nconst fs = require('node:fs')\nconst file = ${JSON.stringify(join(dir, 'count'))}\nconst n = (fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : 0) + 1\nfs.writeFileSync(file, String(n))\nprocess.stdout.write(JSON.stringify({ apiVersion: '${V1}', kind: 'ExecCredential', status: { token: 'rotating-token-' + n, expirationTimestamp: new Date(Date.now() + 6000).toISOString() } }))\n`
    )
    const later: string[][] = []
    const opened = await open(kubeconfig(dir, server.url, { command: './rotating.js' }), {
      onSecrets: secrets => later.push(secrets)
    })
    expect(opened.secrets).toEqual(['rotating-token-1'])
    await (opened.reader as ClusterSession).client.get('/version')
    await (opened.reader as ClusterSession).client.get('/version')
    await new Promise(resolve => setTimeout(resolve, 1200))
    await Promise.all([
      (opened.reader as ClusterSession).client.get('/version'),
      (opened.reader as ClusterSession).client.get('/version')
    ])
    expect(server.authorizations).toEqual([
      'Bearer rotating-token-1',
      'Bearer rotating-token-1',
      'Bearer rotating-token-2',
      'Bearer rotating-token-2'
    ])
    // Two requests needing a fresh token ran the plugin once, and its token was masked before it was sent.
    expect(readFileSync(join(dir, 'count'), 'utf8')).toBe('2')
    expect(later).toEqual([['rotating-token-2']])
  })

  it('that prints a client certificate has it presented over TLS, and a refreshed one replaces it', async () => {
    const dir = tempDir('exec-')
    const certs = makeTestCertificates(tempDir('exec-certs-'))
    const serials: string[] = []
    const server = createHttpsServer(
      { ...certs.valid, ca: certs.ca, requestCert: true, rejectUnauthorized: true },
      (req, res) => {
        serials.push((req.socket as TLSSocket).getPeerCertificate().serialNumber)
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ gitVersion: 'v1.36.3' }))
      }
    )
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    closers.push(() => server.close())
    const pairs = [certs.expiresSoon, certs.wrongHost]
    writeFileSync(join(dir, 'pairs.json'), JSON.stringify(pairs))
    // First run: a pair valid for 6 s; second run: another pair.
    script(
      join(dir, 'cert.js'),
      `#!${process.execPath}\nconst fs = require('node:fs')\nconst file = ${JSON.stringify(join(dir, 'count'))}\nconst n = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : 0\nfs.writeFileSync(file, String(n + 1))\nconst pair = JSON.parse(fs.readFileSync(${JSON.stringify(join(dir, 'pairs.json'))}, 'utf8'))[n]\nprocess.stdout.write(JSON.stringify({ apiVersion: '${V1}', kind: 'ExecCredential', status: { clientCertificateData: pair.cert, clientKeyData: pair.key, expirationTimestamp: new Date(Date.now() + 6000).toISOString() } }))\n`
    )
    const { port } = server.address() as AddressInfo
    const file = kubeconfig(
      dir,
      `https://127.0.0.1:${port}`,
      { command: './cert.js' },
      {
        'insecure-skip-tls-verify': false,
        'certificate-authority-data': Buffer.from(certs.ca).toString('base64')
      }
    )
    const opened = await open(file)
    expect(opened.secrets).toContain(certs.expiresSoon.key)
    // Each line of the PEM key too: log lines are masked one at a time.
    expect(opened.secrets).toContain(certs.expiresSoon.key.split('\n')[1])
    await (opened.reader as ClusterSession).client.get('/version')
    await new Promise(resolve => setTimeout(resolve, 1200))
    await (opened.reader as ClusterSession).client.get('/version')
    const serialOf = (pem: string) => new X509Certificate(pem).serialNumber
    expect(serials).toEqual([serialOf(certs.expiresSoon.cert), serialOf(certs.wrongHost.cert)])
  })
})

/**
 * The artifact download when GitHub fails, end to end: `node dist/index.js` (and once `dist/cli.js`)
 * spawned against the emulator, with failures injected at each step — the REST list and the zip
 * redirect of another run, the results service's signed URL, blob storage (5xx, an expired signature,
 * a disk that fills up), and one transient storage fault. Each failure path costs the libraries' own
 * retries (storage 5 × 5 s, the results service ~30 s, REST 1 + 4 + 9 s), so every run starts in
 * `beforeAll`, all at once, and the tests below only read what each left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { runAction, type ActionRun } from '../test/action-runner.js'
import { EXAMPLE_ZIP, REPO_ROOT, cleanupTempDirs, tempDir } from '../test/fixtures.js'
import { startGitHubEmulator, type GitHubEmulator } from '../test/github/emulator.js'
import { watch, type Recording } from '../src/github/artifact-attempts.js'
import { explainFailure, withoutQueries } from '../src/github/artifact-failure.js'

const REPO = 'vapora/app'
const TOKEN = 'ghs_artifactFaultsToken0000000000000001'
const zip = readFileSync(EXAMPLE_ZIP)

/** Azure's answer to a SAS past its expiry (as storage words it; the times are `se` and now). */
const EXPIRED_SAS = `<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.
RequestId:8c3e1f7a-001e-0043-6b2f-2f3a1c000000
Time:2026-12-01T10:00:00.0000000Z</Message><AuthenticationErrorDetail>Signed expiry time [Tue, 01 Dec 2026 09:00:00 GMT] must be after signed start time [Tue, 01 Dec 2026 10:00:00 GMT]</AuthenticationErrorDetail></Error>`

let github: GitHubEmulator
let elapsedMs = 0
let expiredBlob = ''

/** What one preflight left: the action's run, or the CLI's (stdout is then the JSON report). */
interface Outcome {
  stdout: string
  stderr: string
  summary: string
  report: Report
  runtimeToken?: string
  exitCode: number | null
}

interface Report {
  decision: string
  results: Array<{
    id: string
    status: string
    blocking: boolean
    message: string
    hint?: string
    details?: string[]
  }>
}

const outcomes = new Map<string, Outcome>()

/** Seeds an artifact in its own run and finds its blob's path (a knob for it hits only this download). */
async function seed(runId: number, content = zip): Promise<{ id: number; blobPath: string }> {
  const { id } = github.addArtifact(REPO, runId, 'deployment-artifacts', content)
  const response = await fetch(`${github.url}/repos/${REPO}/actions/artifacts/${id}/zip`, {
    headers: { authorization: `token ${TOKEN}` },
    redirect: 'manual'
  })
  return { id, blobPath: new URL(response.headers.get('location')!).pathname }
}

async function action(name: string, runId: number, inputs: Record<string, string> = {}): Promise<void> {
  const env = github.actionEnv(REPO, runId)
  const run: ActionRun = await runAction(
    { offline: 'true', 'check-changes': 'false', 'tracking-issue': 'false', ...inputs },
    env,
    { githubToken: TOKEN }
  )
  const report = JSON.parse(readFileSync(run.outputs['report-path'], 'utf8')) as Report
  expect(run.outputs.decision).toBe(report.decision)
  outcomes.set(name, { ...run, report, runtimeToken: env.ACTIONS_RUNTIME_TOKEN })
}

/** The CLI, for another run's artifact, in its own mount namespace with TMPDIR on a 256 KiB tmpfs. */
async function cliOnSmallDisk(name: string, runId: number): Promise<void> {
  const tmp = tempDir('preflight-small-disk-')
  const child = spawn(
    'unshare',
    [
      '-m',
      'sh',
      '-c',
      'mount -t tmpfs -o size=256k tmpfs "$TMPDIR" && exec "$@"',
      'sh',
      process.execPath,
      'dist/cli.js',
      ...['--artifact', 'deployment-artifacts', '--run-id', String(runId), '--repository', REPO],
      ...['--offline', '--format', 'json']
    ],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: tempDir('cli-home-'),
        TMPDIR: tmp,
        GITHUB_TOKEN: TOKEN,
        GITHUB_API_URL: github.url
      }
    }
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const exitCode = await new Promise<number | null>(resolve => child.on('close', resolve))
  let report: Report
  try {
    report = JSON.parse(stdout) as Report
  } catch {
    throw new Error(`${name}: exit ${exitCode}, no JSON report; stderr:\n${stderr}`)
  }
  outcomes.set(name, { stdout, stderr, summary: '', report, exitCode })
}

const canMountTmpfs =
  process.platform === 'linux' &&
  spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$0"', tempDir()]).status === 0

async function until(condition: () => boolean, what: string): Promise<void> {
  for (const started = Date.now(); !condition();) {
    if (Date.now() - started > 20_000) throw new Error(`waited 20 s for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

const blobRead = (blobPath: string) => () =>
  github.exchanges.some(e => e.method === 'GET' && e.url.startsWith(`${blobPath}?`))

/** Seeds an artifact per case, sets its fault and starts every run at once; resolves when all ended. */
async function runEveryCase(): Promise<void> {
  github = await startGitHubEmulator()
  github.addRepo(REPO)
  github.addToken(TOKEN, { issues: 'write', actions: 'read', repos: [REPO] })
  const started = Date.now()

  const storage503 = await seed(8101)
  github.failNext({ method: 'GET', path: storage503.blobPath, status: 503, times: 5 })
  const storage500Other = await seed(8102)
  github.failNext({ method: 'GET', path: storage500Other.blobPath, status: 500, times: 5 })
  // Five library attempts and the one re-read of the refusal that asks storage why.
  const expired = await seed(8103)
  expiredBlob = expired.blobPath
  github.failNext({ method: 'GET', path: expired.blobPath, status: 403, times: 6, body: EXPIRED_SAS })
  const transient = await seed(8104)
  github.failNext({ method: 'GET', path: transient.blobPath, status: 503, times: 1 })
  await seed(8105)
  github.failNext({
    method: 'GET',
    path: `/repos/${REPO}/actions/runs/8105/artifacts`,
    status: 502,
    times: 4
  })
  const redirect = await seed(8106)
  github.failNext({
    method: 'GET',
    path: `/repos/${REPO}/actions/artifacts/${redirect.id}/zip`,
    status: 500,
    times: 3
  })
  await seed(8107, Buffer.concat([zip, randomBytes(1024 * 1024)]))
  // Storage sends the first 1000 bytes as if they were all: the digest tells (its own message).
  const truncated = await seed(8110)
  github.failNext({
    method: 'GET',
    path: truncated.blobPath,
    status: 200,
    times: 1,
    body: zip.subarray(0, 1000)
  })

  const runs = [
    action('storage 503, this run', 8101),
    action('storage 500, another run', 8102, { 'run-id': '8102' }),
    action('storage 403 expired, this run', 8103),
    action('storage 503 once, this run', 8104),
    action('storage truncated, another run', 8110, { 'run-id': '8110' }),
    action('REST list 502, another run', 8105, { 'run-id': '8105' }),
    action('zip redirect 500, another run', 8106, { 'run-id': '8106' }),
    ...(canMountTmpfs ? [cliOnSmallDisk('disk full, another run (CLI)', 8107)] : [])
  ]
  // The results service's routes are the same for every run: its knob may only be set once the other
  // downloads from this run have their signed URLs (each has reached storage), or they would take it.
  await until(
    () => [storage503, expired, transient].every(s => blobRead(s.blobPath)()),
    'the downloads from this run to reach storage'
  )
  await seed(8108)
  github.failNext({ method: 'POST', path: /ArtifactService\/GetSignedArtifactURL$/, status: 500, times: 5 })
  runs.push(action('signed URL 500, this run', 8108))
  // Likewise for the list: once that run has listed (it is asking for its URL), no other run lists.
  await until(
    () => github.exchanges.some(e => e.injected && /GetSignedArtifactURL$/.test(e.url)),
    'the signed-URL run to ask for its URL'
  )
  await seed(8109)
  github.failNext({ method: 'POST', path: /ArtifactService\/ListArtifacts$/, status: 503, times: 5 })
  runs.push(action('results list 503, this run', 8109))
  const settled = await Promise.allSettled(runs)
  // A run that could not even report is shown by the test that reads it ("no run …"), with this cause.
  for (const s of settled) if (s.status === 'rejected') console.error(s.reason)
  elapsedMs = Date.now() - started
}

function download(name: string): Report['results'][number] {
  const outcome = outcomes.get(name)
  if (!outcome) throw new Error(`no run "${name}"`)
  const result = outcome.report.results.find(r => r.id === 'artifact-download')
  if (!result) throw new Error(`"${name}" has no artifact-download result`)
  return result
}

/** No-go, blocked by artifact-download with `message`, and the message shown in the log and summary. */
function expectNoGo(name: string, message: RegExp, hint: RegExp): void {
  const outcome = outcomes.get(name)!
  const result = download(name)
  expect(outcome.report.decision).toBe('no-go')
  expect(outcome.exitCode).toBe(1)
  expect(result).toMatchObject({ status: 'fail', blocking: true })
  expect(result.message).toMatch(message)
  expect(result.hint).toMatch(hint)
  expect(result.message).not.toMatch(/after 5 retries/)
  if (outcome.summary) {
    expect(outcome.stdout).toContain(result.message)
    expect(outcome.summary.replace(/\\/g, '')).toContain(result.message.slice(0, 150))
    expect(outcome.summary).toMatch(/🔴 NO-GO/)
    expect(outcome.summary).toContain('artifact-download')
  } else {
    expect(outcome.stderr).toMatch(/✗ artifact-download/)
  }
}

const GITHUB_SIDE = /GitHub's side.*re-run the job; see https:\/\/www\.githubstatus\.com/

describe('the artifact download when GitHub fails (emulated; all runs at once)', () => {
  beforeAll(runEveryCase, 150_000)
  afterAll(async () => {
    await github?.close()
    cleanupTempDirs()
  })

  it('says storage answered 503 on every attempt, for how long, and that it is GitHub’s side', () => {
    expectNoGo(
      'storage 503, this run',
      /^downloading artifact "deployment-artifacts" \(id \d+\) from GitHub's artifact storage failed: storage answered 503 Service Unavailable on every one of 5 attempts over (2[0-9]|3[0-9]) s\.$/,
      GITHUB_SIDE
    )
  })

  it('says the same for another run’s artifact, reached through its zip redirect', () => {
    expectNoGo(
      'storage 500, another run',
      /^downloading artifact "deployment-artifacts" \(id \d+\) from GitHub's artifact storage failed: storage answered 500 Internal Server Error on every one of 5 attempts over \d+ s\.$/,
      GITHUB_SIDE
    )
  })

  it('tells an expired signed URL from other refusals, in storage’s own words', () => {
    expectNoGo(
      'storage 403 expired, this run',
      /^downloading artifact "deployment-artifacts" \(id \d+\) from GitHub's artifact storage failed: storage refused the signed download URL as expired \(403 AuthenticationFailed\) on every one of 5 attempts over \d+ s\.$/,
      /fresh, short-lived URL for each download: re-run the job/
    )
    // Storage's reason came from one re-read of its refusal, after the library's five attempts.
    const reads = github.exchanges.filter(e => e.method === 'GET' && e.url.startsWith(`${expiredBlob}?`))
    expect(reads.map(e => e.status)).toEqual([403, 403, 403, 403, 403, 403])
  })

  it('keeps the digest’s own message for a body storage cut short', () => {
    expectNoGo(
      'storage truncated, another run',
      /^artifact "deployment-artifacts" \(id \d+\) does not match its published digest sha256:[0-9a-f]{64}: it was altered or corrupted after upload\.$/,
      /Do not deploy this bundle/
    )
  })

  it('names the results service and its signed-URL step when that fails every time', () => {
    expectNoGo(
      'signed URL 500, this run',
      /^asking GitHub's Actions results service for the download URL of artifact "deployment-artifacts" \(id \d+\) failed: it answered 500 Internal Server Error on every one of 5 attempts over (2[0-9]|3[0-9]) s\.$/,
      GITHUB_SIDE
    )
  })

  it('names the results service’s list of this run’s artifacts when that fails every time', () => {
    expectNoGo(
      'results list 503, this run',
      /^listing this run's artifacts with GitHub's Actions results service failed: it answered 503 Service Unavailable on every one of 5 attempts over (2[0-9]|3[0-9]) s\.$/,
      GITHUB_SIDE
    )
  })

  it('names the REST list of another run when it fails every time', () => {
    expectNoGo(
      'REST list 502, another run',
      /^listing the artifacts of run 8105 of vapora\/app failed: GitHub's API answered 502 Bad Gateway on every one of 4 attempts over 1[3-9] s\.$/,
      GITHUB_SIDE
    )
  })

  it('retries the zip redirect of another run (the artifact client does not) and names it when it keeps failing', () => {
    expectNoGo(
      'zip redirect 500, another run',
      /^asking GitHub's API for the download of artifact "deployment-artifacts" \(id \d+\) of run 8106 of vapora\/app \(GET \/repos\/vapora\/app\/actions\/artifacts\/\d+\/zip\) failed: it answered 500 Internal Server Error on every one of 3 attempts over [5-9] s\.$/,
      GITHUB_SIDE
    )
  })

  const onSmallDisk = canMountTmpfs ? it : it.skip
  onSmallDisk(
    'says the runner’s disk is full, before the download, when the zip cannot fit (a 256 KiB tmpfs)',
    () => {
      expectNoGo(
        'disk full, another run (CLI)',
        /^writing artifact "deployment-artifacts" \(id \d+\) to \/tmp\/preflight-small-disk-\w+\/artifact-\w+ is not possible: the runner's disk is full \(\d+(\.\d)? (B|KiB) free there; the artifact is 1(\.\d)? MiB\), so it was not downloaded\.$/,
        /Free disk space on the runner/
      )
    }
  )

  it('goes ahead after one transient storage fault, and says it needed a second attempt', () => {
    const outcome = outcomes.get('storage 503 once, this run')!
    expect(outcome.report.decision).toBe('go')
    expect(outcome.exitCode).toBe(0)
    expect(download('storage 503 once, this run')).toMatchObject({
      status: 'pass',
      details: ["reading from GitHub's artifact storage took 2 attempts (before: 503 Service Unavailable ×1)"]
    })
  })

  it('never lets a token or a signed URL’s signature reach the log, the summary or the report', () => {
    // The signatures GitHub handed out: in signed URLs from the results service and in zip redirects.
    const signed = github.exchanges.flatMap(e => {
      const text = `${e.responseHeaders.location ?? ''} ${e.kind === 'twirp' ? e.responseBody.toString('utf8') : ''}`
      return [...text.matchAll(/https?:\/\/[^\s"]+\?[^\s"]+/g)].map(m => new URL(m[0]))
    })
    const sigs = signed.map(u => u.searchParams.get('sig')).filter((s): s is string => !!s)
    expect(sigs.length).toBeGreaterThanOrEqual(outcomes.size)
    for (const [name, outcome] of outcomes) {
      const log = asTheRunnerShowsIt(outcome.stdout)
      const ours = [outcome.summary, JSON.stringify(outcome.report)].join('\n')
      const everything = [log, outcome.stderr, ours].join('\n')
      for (const secret of [TOKEN, outcome.runtimeToken, ...sigs].filter((s): s is string => !!s)) {
        for (const form of [
          secret,
          encodeURIComponent(secret),
          encodeURIComponent(encodeURIComponent(secret))
        ]) {
          expect({ name, leaked: everything.includes(form) }).toEqual({ name, leaked: false })
        }
      }
      // What we write ourselves carries no signed-URL parameter at all, not even masked.
      expect({ name, ours: /\b(sig|se|sp)=/.test(ours + outcome.stderr) }).toEqual({ name, ours: false })
    }
  })

  it('keeps the suite bounded: every failure path at once, in about the time of the slowest', () => {
    expect(elapsedMs).toBeLessThan(75_000)
    expect(github.violations()).toEqual([])
  })
})

/**
 * The recording itself, in this process and at the transport: a local server answers as storage or the
 * REST API would, requests go out through node:http (as the artifact client's) and fetch (as Octokit's).
 */
describe('what the recorded attempts say', () => {
  const answers: Array<{ status: number; headers?: Record<string, string> }> = []
  let server: http.Server
  let base = ''
  let closedPort = 0
  const ctx = { artifact: 'artifact "deployment-artifacts" (id 7)', thisRun: true, where: 'this run' }

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const answer = (req.url !== '/unrelated' && answers.shift()) || { status: 200 }
      res.writeHead(answer.status, answer.headers).end('<Error><Code>X</Code></Error>')
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const spare = http.createServer()
    await new Promise<void>(resolve => spare.listen(0, '127.0.0.1', resolve))
    closedPort = (spare.address() as AddressInfo).port
    await new Promise(resolve => spare.close(resolve))
  })
  afterAll(() => new Promise(resolve => server.close(resolve)))

  /** A GET as @actions/http-client makes it; resolves with the status, or the error code. */
  const get = (url: string): Promise<number | string> =>
    new Promise(resolve => {
      http
        .get(url, response => {
          response.resume()
          response.on('end', () => resolve(response.statusCode ?? 0))
        })
        .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
    })

  it('names a storage host that never answered, and the network error', async () => {
    const recording: Recording = { attempts: [] }
    const url = `http://127.0.0.1:${closedPort}/blob/actions-results/x?sp=r&se=2099-01-01T00%3A00%3A00Z&sig=SECRET`
    const got = await watch(recording, async () => [await get(url), await get(url), await get(url)])
    expect(got).toEqual(['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED'])
    const why = await explainFailure(recording, 'Artifact download failed after 5 retries.', ctx)
    expect(why?.message).toMatch(
      /^downloading artifact "deployment-artifacts" \(id 7\) from GitHub's artifact storage failed: storage gave no answer \(ECONNREFUSED\) on every one of 3 attempts over \d+\.\d s\.$/
    )
    expect(why?.hint).toContain(`could not reach GitHub's artifact storage at http://127.0.0.1:${closedPort}`)
    expect(JSON.stringify(why)).not.toMatch(/SECRET|sig=|se=/)
  })

  it('gives the last answer and counts the different ones before it', async () => {
    const recording: Recording = { attempts: [] }
    answers.push(
      { status: 500 },
      { status: 500 },
      { status: 503, headers: { 'x-ms-error-code': 'ServerBusy' } }
    )
    const url = `${base}/blob/actions-results/y?sig=s`
    await watch(recording, async () => [await get(url), await get(url), await get(url)])
    const why = await explainFailure(recording, '', ctx)
    expect(why?.message).toMatch(
      /storage answered 503 Service Unavailable \(ServerBusy\) on the last of 3 attempts over \d+\.\d s \(before: 500 Internal Server Error ×2\)\.$/
    )
    expect(why?.data).toMatchObject({
      failedStep: 'blob',
      attempts: [
        '500 Internal Server Error',
        '500 Internal Server Error',
        '503 Service Unavailable (ServerBusy)'
      ]
    })
  })

  it('tells an expired signature by its expiry when storage gives no reason', async () => {
    const past = `${base}/blob/actions-results/z?sp=r&se=2020-01-01T00%3A00%3A00Z&sig=s`
    const future = `${base}/blob/actions-results/z?sp=r&se=2099-01-01T00%3A00%3A00Z&sig=s`
    const refused = { status: 403, headers: { 'x-ms-error-code': 'AuthenticationFailed' } }
    const messages: string[] = []
    for (const url of [past, future]) {
      const recording: Recording = { attempts: [] }
      answers.push(refused, refused) // the download's read, then the one re-read for the reason
      await watch(recording, () => get(url))
      messages.push((await explainFailure(recording, '', ctx))?.message ?? '')
    }
    expect(messages).toEqual([
      expect.stringMatching(
        /storage refused the signed download URL as expired \(403 AuthenticationFailed\) on its only attempt\.$/
      ),
      expect.stringMatching(
        /storage refused the signed download URL \(403 AuthenticationFailed\) on its only attempt\.$/
      )
    ])
  })

  it('records fetch (Octokit) too, and only the requests of the work it watches', async () => {
    const recording: Recording = { attempts: [] }
    answers.push({ status: 502 }, { status: 502 })
    const list = `${base}/repos/vapora/app/actions/runs/4001/artifacts?per_page=100`
    const [, elsewhere] = await Promise.all([
      watch(recording, async () => [(await fetch(list)).status, (await fetch(list)).status]),
      get(`${base}/unrelated`)
    ])
    expect(elsewhere).toBe(200)
    expect(recording.attempts.map(a => `${a.method} ${a.path} ${a.status}`)).toEqual([
      'GET /repos/vapora/app/actions/runs/4001/artifacts 502',
      'GET /repos/vapora/app/actions/runs/4001/artifacts 502'
    ])
    const why = await explainFailure(recording, '', {
      ...ctx,
      thisRun: false,
      where: 'run 4001 of vapora/app'
    })
    expect(why?.message).toMatch(
      /^listing the artifacts of run 4001 of vapora\/app failed: GitHub's API answered 502 Bad Gateway on every one of 2 attempts over \d+\.\d s\.$/
    )
  })

  it('keeps the library’s own words when nothing was recorded, minus any URL query', async () => {
    expect(await explainFailure({ attempts: [] }, 'GHESNotSupportedError', ctx)).toBeUndefined()
    expect(
      withoutQueries(
        'GET https://x.blob.core.windows.net/a/b?sv=2021&se=2026-12-01T10%3A00Z&sp=r&sig=abc%3D failed; sig=abc'
      )
    ).toBe('GET https://x.blob.core.windows.net/a/b failed; sig=…')
  })
})

/**
 * The log as the runner shows it: `::add-mask::` lines hidden and every value they registered replaced
 * by `***` (the runner masks from then on). @actions/artifact registers a signed URL's signature this way
 * before it logs the twirp answer holding it (a debug line, shown only with step debugging on).
 */
function asTheRunnerShowsIt(stdout: string): string {
  const masks = [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map(m => m[1]).filter(Boolean)
  const unescaped = masks.map(m => m.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'))
  let log = stdout
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  for (const mask of [...masks, ...unescaped].sort((a, b) => b.length - a.length))
    log = log.split(mask).join('***')
  return log
}

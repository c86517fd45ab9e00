/**
 * Proves the GitHub emulator (test/github/) with the real clients the action uses: @actions/github's Octokit
 * (with @octokit/plugin-retry) and @actions/artifact's DefaultArtifactClient. Every exchange is checked against
 * GitHub's official OpenAPI description (and the twirp schemas) after each test.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startGitHubEmulator, type GitHubEmulator } from '../test/github/emulator.js'
import { cleanupTempDirs, REPO_ROOT, tempDir } from '../test/fixtures.js'
import { buildZip } from '../test/zip-writer.js'

type ActionsGitHub = typeof import('@actions/github')
type ArtifactModule = typeof import('@actions/artifact')

let emulator: GitHubEmulator
let github: ActionsGitHub
let artifacts: ArtifactModule
const REPO = 'vapora/app'
const RUN = 7001

beforeAll(async () => {
  emulator = await startGitHubEmulator()
  emulator.addRepo(REPO)
  emulator.addRun(REPO, RUN)
  emulator.addToken('t-write', { issues: 'write', actions: 'read', repos: [REPO] })
  emulator.addToken('t-read', { issues: 'read', repos: [REPO] })
  // @actions/github reads GITHUB_API_URL once, when imported; @actions/artifact reads the rest per call.
  Object.assign(process.env, emulator.actionEnv(REPO, RUN))
  github = await import('@actions/github')
  artifacts = await import('@actions/artifact')
})

// Each test answers for its own traffic, so one failure does not cascade into the next tests.
let firstExchange = 0
beforeEach(() => {
  firstExchange = emulator.exchanges.length
})
afterEach(() => {
  expect(emulator.violations(firstExchange)).toEqual([])
})

afterAll(async () => {
  await emulator.close()
  cleanupTempDirs()
})

function octokit(token = 't-write') {
  return github.getOctokit(token, { baseUrl: emulator.url })
}

/** The status and body of a request Octokit rejected. */
async function failure(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e
  )) as { status: number; response: { data: unknown; headers: Record<string, string> } } | undefined
  if (!error) throw new Error('expected the request to fail')
  return { status: error.status, data: error.response.data, headers: error.response.headers }
}

describe('issues through @actions/github', () => {
  it('creates, reads, updates and filters issues with labels given as names or objects', async () => {
    const client = octokit()
    const created = await client.rest.issues.create({
      owner: 'vapora',
      repo: 'app',
      title: 'Preflight: web',
      body: '<!-- preflight -->',
      labels: ['preflight', { name: 'Deploy' }]
    })
    expect(created.status).toBe(201)
    expect(created.data.html_url).toBe(`https://github.com/vapora/app/issues/${created.data.number}`)
    expect(created.data.labels.map(l => (typeof l === 'string' ? l : l.name))).toEqual([
      'preflight',
      'Deploy'
    ])
    expect(emulator.labels(REPO)).toEqual(expect.arrayContaining(['preflight', 'Deploy']))

    const number = created.data.number
    const closed = await client.rest.issues.update({
      owner: 'vapora',
      repo: 'app',
      issue_number: number,
      state: 'closed'
    })
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed' })
    expect(closed.data.closed_at).not.toBeNull()

    const list = (state: 'open' | 'closed' | 'all', labels?: string) =>
      client.rest.issues
        .listForRepo({ owner: 'vapora', repo: 'app', state, labels })
        .then(r => r.data.map(i => i.number))
    expect(await list('open')).not.toContain(number)
    expect(await list('closed', 'PREFLIGHT,deploy')).toContain(number)
    expect(await list('all', 'preflight,missing')).not.toContain(number)

    const reopened = await client.rest.issues.update({
      owner: 'vapora',
      repo: 'app',
      issue_number: number,
      state: 'open',
      labels: ['preflight']
    })
    expect(reopened.data).toMatchObject({ state: 'open', state_reason: 'reopened', closed_at: null })
    expect(
      (await client.rest.issues.get({ owner: 'vapora', repo: 'app', issue_number: number })).data.labels
    ).toHaveLength(1)
    expect(emulator.issues(REPO).find(i => i.number === number)).toMatchObject({
      body: '<!-- preflight -->',
      author: 'github-actions[bot]',
      labels: ['preflight']
    })
  })

  it('paginates like GitHub: 30 by default, at most 100, Link next/last, pull requests included', async () => {
    emulator.addRepo('vapora/busy')
    emulator.addToken('t-busy', { issues: 'read', repos: ['vapora/busy'] })
    for (let i = 1; i <= 120; i++) emulator.seedIssue('vapora/busy', { title: `issue ${i}` })
    const pr = emulator.seedIssue('vapora/busy', { title: 'a pull request', pullRequest: true })
    expect(pr.number).toBe(121) // issues and pull requests share the numbering

    const client = octokit('t-busy')
    const first = await client.rest.issues.listForRepo({ owner: 'vapora', repo: 'busy' })
    expect(first.data).toHaveLength(30)
    expect(first.data[0].number).toBe(121) // newest first
    expect(first.headers.link).toBe(
      `<${emulator.url}/repos/vapora/busy/issues?page=2>; rel="next", <${emulator.url}/repos/vapora/busy/issues?page=5>; rel="last"`
    )
    const capped = await client.rest.issues.listForRepo({ owner: 'vapora', repo: 'busy', per_page: 500 })
    expect(capped.data).toHaveLength(100)

    const all = await client.paginate(client.rest.issues.listForRepo, {
      owner: 'vapora',
      repo: 'busy',
      per_page: 100
    })
    expect(all.map(i => i.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 121 }, (_, i) => i + 1))
    expect(all.filter(i => i.pull_request).map(i => i.number)).toEqual([121])
    expect(all.find(i => i.number === 121)?.html_url).toBe('https://github.com/vapora/busy/pull/121')
  })

  it('lists comments page by page and creates new ones', async () => {
    const client = octokit()
    const { number } = emulator.seedIssue(REPO, { title: 'chatty' })
    for (let i = 1; i <= 35; i++) {
      await client.rest.issues.createComment({
        owner: 'vapora',
        repo: 'app',
        issue_number: number,
        body: `c${i}`
      })
    }
    const page = await client.rest.issues.listComments({ owner: 'vapora', repo: 'app', issue_number: number })
    expect(page.data).toHaveLength(30)
    expect(page.data[0].html_url).toMatch(
      new RegExp(`^https://github.com/vapora/app/issues/${number}#issuecomment-\\d+$`)
    )
    const all = await client.paginate(client.rest.issues.listComments, {
      owner: 'vapora',
      repo: 'app',
      issue_number: number
    })
    expect(all.map(c => c.body)).toEqual(Array.from({ length: 35 }, (_, i) => `c${i + 1}`))
    expect(emulator.comments(REPO, number)).toHaveLength(35)
    expect(
      (await client.rest.issues.get({ owner: 'vapora', repo: 'app', issue_number: number })).data.comments
    ).toBe(35)
  })

  it('creates labels, finds them by name in any case, refuses duplicates with a 422 and deletes them', async () => {
    const client = octokit()
    const created = await client.rest.issues.createLabel({
      owner: 'vapora',
      repo: 'app',
      name: 'go-live',
      color: 'ff0000'
    })
    expect(created.data).toMatchObject({ name: 'go-live', color: 'ff0000', default: false })
    expect(
      (await client.rest.issues.getLabel({ owner: 'vapora', repo: 'app', name: 'GO-LIVE' })).data.id
    ).toBe(created.data.id)
    const duplicate = await failure(
      client.rest.issues.createLabel({ owner: 'vapora', repo: 'app', name: 'Go-Live' })
    )
    expect(duplicate.status).toBe(422)
    expect(duplicate.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ code: 'already_exists', field: 'name' }]
    })
    expect(
      (await failure(client.rest.issues.getLabel({ owner: 'vapora', repo: 'app', name: 'nope' }))).status
    ).toBe(404)

    const { number } = emulator.seedIssue(REPO, { title: 'labelled', labels: ['go-live', 'keep'] })
    const deleted = await client.rest.issues.deleteLabel({ owner: 'vapora', repo: 'app', name: 'Go-Live' })
    expect(deleted.status).toBe(204)
    expect(emulator.labels(REPO)).not.toContain('go-live')
    expect(emulator.issues(REPO).find(i => i.number === number)?.labels).toEqual(['keep'])
    const again = await failure(
      client.rest.issues.deleteLabel({ owner: 'vapora', repo: 'app', name: 'go-live' })
    )
    expect(again.status).toBe(404)
  })

  it('answers 401, 403 and 404 in the shapes GitHub uses', async () => {
    const unknown = await failure(
      octokit('t-unknown').rest.issues.listForRepo({ owner: 'vapora', repo: 'app' })
    )
    expect(unknown).toMatchObject({ status: 401, data: { message: 'Bad credentials', status: '401' } })

    const readOnly = await failure(
      octokit('t-read').rest.issues.create({ owner: 'vapora', repo: 'app', title: 'x' })
    )
    expect(readOnly).toMatchObject({
      status: 403,
      data: { message: 'Resource not accessible by integration' }
    })
    expect(readOnly.headers['x-accepted-github-permissions']).toBe('issues=write')
    expect((readOnly.data as { documentation_url: string }).documentation_url).toBe(
      'https://docs.github.com/rest/issues/issues#create-an-issue'
    )

    const noActions = await failure(
      octokit('t-read').rest.actions.getWorkflowRun({ owner: 'vapora', repo: 'app', run_id: RUN })
    )
    expect(noActions.status).toBe(403)
    expect(noActions.headers['x-accepted-github-permissions']).toBe('actions=read')

    emulator.addRepo('vapora/secret')
    const invisible = await failure(octokit().rest.issues.listForRepo({ owner: 'vapora', repo: 'secret' }))
    expect(invisible).toMatchObject({ status: 404, data: { message: 'Not Found', status: '404' } })
    const missing = await failure(octokit().rest.repos.get({ owner: 'vapora', repo: 'ghost' }))
    expect(missing.status).toBe(404)
    expect((await octokit('t-read').rest.repos.get({ owner: 'vapora', repo: 'app' })).data.full_name).toBe(
      REPO
    )
  })

  it('answers a 429 with Retry-After, which the retry plugin retries to success', async () => {
    const { GitHub, getOctokitOptions } = await import('@actions/github/lib/utils')
    const { retry } = await import('@octokit/plugin-retry')
    const Retrying = GitHub.plugin(retry)
    // plugin-retry ignores Retry-After and waits (retries + 1)² × retryAfterBaseValue ms; keep that short.
    const client = new Retrying(
      getOctokitOptions('t-write', { baseUrl: emulator.url, retry: { retryAfterBaseValue: 10 } })
    )
    emulator.failNext({ method: 'GET', path: '/repos/vapora/app/issues', status: 429, retryAfter: 1 })
    const before = emulator.exchanges.length
    const listed = await client.rest.issues.listForRepo({ owner: 'vapora', repo: 'app' })
    expect(listed.status).toBe(200)
    const seen = emulator.exchanges.slice(before)
    expect(seen.map(e => e.status)).toEqual([429, 200])
    expect(seen[0]).toMatchObject({
      injected: true,
      responseHeaders: { 'retry-after': '1', 'x-ratelimit-remaining': '0' }
    })
  })

  it('keeps issue numbers unique and lists from current state under concurrent clients', async () => {
    emulator.addRepo('vapora/race')
    emulator.addToken('t-race', { issues: 'write', repos: ['vapora/race'] })
    const client = octokit('t-race')
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        client.rest.issues.create({ owner: 'vapora', repo: 'race', title: `t${i}` })
      )
    )
    expect(created.map(r => r.data.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])

    // With a create delay, a list sent while a create is in flight does not see it yet (the race to test).
    emulator.createDelayMs = 300
    try {
      const pending = client.rest.issues.create({ owner: 'vapora', repo: 'race', title: 'late' })
      await new Promise(resolve => setTimeout(resolve, 50))
      const during = await client.rest.issues.listForRepo({ owner: 'vapora', repo: 'race', per_page: 100 })
      expect(during.data.map(i => i.title)).not.toContain('late')
      await pending
      const after = await client.rest.issues.listForRepo({ owner: 'vapora', repo: 'race', per_page: 100 })
      expect(after.data.map(i => i.title)).toContain('late')
    } finally {
      emulator.createDelayMs = 0
    }
  })
})

describe('artifacts through @actions/artifact', () => {
  // @actions/core prints ::debug:: commands and progress lines straight to stdout; the runner hides them.
  beforeAll(() => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  })
  afterAll(() => {
    jest.restoreAllMocks()
  })
  const bundleZip = buildZip([
    { name: 'manifest.yaml', data: 'kind: Deployment\n' },
    { name: 'config/app.env', data: 'MODE=prod\n' }
  ])

  it('finds and downloads an artifact of this run through the Results service', async () => {
    const { digest } = emulator.addArtifact(REPO, RUN, 'bundle-here', bundleZip)
    const client = new artifacts.DefaultArtifactClient()
    const { artifact } = await client.getArtifact('bundle-here')
    expect(artifact).toMatchObject({ name: 'bundle-here', size: bundleZip.length, digest })
    const dir = tempDir()
    const result = await client.downloadArtifact(artifact.id, { path: dir, expectedHash: artifact.digest })
    expect(result.digestMismatch).toBe(false)
    expect(readFileSync(join(dir, 'config/app.env'), 'utf8')).toBe('MODE=prod\n')
    expect(emulator.exchanges.filter(e => e.kind === 'twirp').map(e => e.url.split('/').pop())).toEqual(
      expect.arrayContaining(['ListArtifacts', 'GetSignedArtifactURL'])
    )
  })

  it('finds and downloads another run’s artifact through REST with findBy', async () => {
    emulator.addRepo('vapora/builds')
    emulator.addToken('t-actions', { actions: 'read', repos: ['vapora/builds'] })
    const { id, digest } = emulator.addArtifact('vapora/builds', 9100, 'bundle-there', bundleZip)
    const findBy = {
      token: 't-actions',
      workflowRunId: 9100,
      repositoryOwner: 'vapora',
      repositoryName: 'builds'
    }
    const client = new artifacts.DefaultArtifactClient()
    const { artifact } = await client.getArtifact('bundle-there', { findBy })
    expect(artifact).toMatchObject({ id, digest })
    const dir = tempDir()
    const result = await client.downloadArtifact(id, { path: dir, findBy, expectedHash: digest })
    expect(result.digestMismatch).toBe(false)
    expect(readFileSync(join(dir, 'manifest.yaml'), 'utf8')).toBe('kind: Deployment\n')
    const redirect = emulator.exchanges.find(
      e => e.url === `/repos/vapora/builds/actions/artifacts/${id}/zip`
    )
    expect(redirect?.status).toBe(302)
    expect(redirect?.responseHeaders.location).toMatch(new RegExp(`^${emulator.url}/blob/.+\\?.*sig=`))
  })

  it('reports a wrong advertised digest as digestMismatch, on both download paths', async () => {
    const wrong = `sha256:${'0'.repeat(64)}`
    emulator.addArtifact(REPO, RUN, 'bundle-tampered', bundleZip, { digestOverride: wrong })
    const client = new artifacts.DefaultArtifactClient()
    const { artifact } = await client.getArtifact('bundle-tampered')
    expect(artifact.digest).toBe(wrong)
    const here = await client.downloadArtifact(artifact.id, {
      path: tempDir(),
      expectedHash: artifact.digest
    })
    expect(here.digestMismatch).toBe(true)

    const findBy = { token: 't-write', workflowRunId: RUN, repositoryOwner: 'vapora', repositoryName: 'app' }
    const there = await client.downloadArtifact(artifact.id, { path: tempDir(), findBy, expectedHash: wrong })
    expect(there.digestMismatch).toBe(true)
  })

  it('lists an expired artifact as expired and answers its zip download with 410', async () => {
    const { id } = emulator.addArtifact(REPO, RUN, 'bundle-old', bundleZip, { expired: true })
    const client = octokit()
    const listed = await client.rest.actions.listWorkflowRunArtifacts({
      owner: 'vapora',
      repo: 'app',
      run_id: RUN,
      name: 'bundle-old'
    })
    expect(listed.data.artifacts).toEqual([expect.objectContaining({ id, expired: true })])
    const gone = await failure(
      client.rest.actions.downloadArtifact({
        owner: 'vapora',
        repo: 'app',
        artifact_id: id,
        archive_format: 'zip'
      })
    )
    expect(gone).toMatchObject({ status: 410, data: { message: 'Artifact has expired' } })
    // The Results service no longer offers it to this run's jobs.
    await expect(new artifacts.DefaultArtifactClient().getArtifact('bundle-old')).rejects.toThrow(
      /not found/i
    )
  })

  it('round-trips an upload of two files: Results service, blob blocks, REST list and download', async () => {
    const root = tempDir()
    writeFileSync(join(root, 'report.md'), '# Preflight\n\ngo\n')
    writeFileSync(join(root, 'results.json'), '{"decision":"go"}\n')
    const client = new artifacts.DefaultArtifactClient()
    const uploaded = await client.uploadArtifact(
      'preflight-report',
      [join(root, 'report.md'), join(root, 'results.json')],
      root
    )
    expect(uploaded.id).toBeGreaterThan(0)

    const [stored] = emulator.uploadedArtifacts(RUN)
    expect(stored).toMatchObject({
      id: uploaded.id,
      name: 'preflight-report',
      digest: `sha256:${uploaded.digest}`
    })
    expect(stored.files.map(f => [f.name, f.data.toString()]).sort()).toEqual([
      ['report.md', '# Preflight\n\ngo\n'],
      ['results.json', '{"decision":"go"}\n']
    ])
    // Azure's SDK stages even a tiny upload as a block, then commits the block list.
    const blobPuts = emulator.exchanges.filter(e => e.kind === 'blob' && e.method === 'PUT')
    expect(blobPuts.map(e => new URL(e.url, emulator.url).searchParams.get('comp'))).toEqual([
      'block',
      'blocklist'
    ])

    const listed = await octokit().rest.actions.listWorkflowRunArtifacts({
      owner: 'vapora',
      repo: 'app',
      run_id: RUN,
      name: 'preflight-report'
    })
    expect(listed.data).toMatchObject({
      total_count: 1,
      artifacts: [{ id: uploaded.id, size_in_bytes: stored.size }]
    })
    expect((await client.getArtifact('preflight-report')).artifact.id).toBe(uploaded.id)
    const findBy = { token: 't-write', workflowRunId: RUN, repositoryOwner: 'vapora', repositoryName: 'app' }
    const dir = tempDir()
    await client.downloadArtifact(uploaded.id!, { path: dir, findBy })
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('{"decision":"go"}\n')

    // Like GitHub since artifacts v4, a run holds one artifact per name.
    await expect(client.uploadArtifact('preflight-report', [join(root, 'report.md')], root)).rejects.toThrow(
      /already exists/
    )
  })
})

describe('a spawned process, as the end-to-end tests run the action', () => {
  it('reaches the REST API and the Results service with nothing but actionEnv and a token', async () => {
    emulator.addArtifact(REPO, RUN, 'bundle-child', buildZip([{ name: 'a.txt', data: 'from child' }]))
    const dir = tempDir()
    const script = `
      import { getOctokit } from '@actions/github'
      import { DefaultArtifactClient } from '@actions/artifact'
      const issue = await getOctokit(process.env.TOKEN).rest.issues.create({ owner: 'vapora', repo: 'app', title: 'from a child' })
      const client = new DefaultArtifactClient()
      const { artifact } = await client.getArtifact('bundle-child')
      await client.downloadArtifact(artifact.id, { path: process.env.DIR })
      console.error(JSON.stringify({ number: issue.data.number }))`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, ...emulator.actionEnv(REPO, RUN), TOKEN: 't-write', DIR: dir },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += chunk))
    const code = await new Promise(resolve => child.on('close', resolve))
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringMatching(/^\{"number":\d+\}\n$/) })
    const { number } = JSON.parse(stderr)
    expect(emulator.issues(REPO).find(i => i.number === number)?.title).toBe('from a child')
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('from child')
  })
})

describe('the validator behind violations()', () => {
  let own: GitHubEmulator
  beforeAll(async () => {
    own = await startGitHubEmulator()
    own.addRepo('o/r')
    own.addToken('t', { issues: 'write', actions: 'read' })
  })
  afterAll(() => own.close())

  const send = (path: string, init: RequestInit = {}) =>
    fetch(own.url + path, { ...init, headers: { authorization: 'token t', ...init.headers } })

  it('reports an unknown route, which also answers 404', async () => {
    const response = await send('/repos/o/r/pulls')
    expect(response.status).toBe(404)
    expect(own.violations()).toEqual([
      'GET /repos/o/r/pulls → 404: unknown route (no documented route matches /repos/o/r/pulls)'
    ])
  })

  it('reports a response that breaks the schema, an undocumented status and a misspelt filter', async () => {
    const before = own.exchanges.length
    own.failNext({ method: 'POST', path: '/repos/o/r/issues', status: 201, body: { title: 5 } })
    await send('/repos/o/r/issues', { method: 'POST', body: JSON.stringify({ title: 'x' }) })
    own.failNext({ path: /\/actions\/runs\//, status: 422 })
    await send('/repos/o/r/actions/runs/1/artifacts')
    await send('/repos/o/r/issues?label=preflight')
    await send('/repos/o/r/issues?milestone=3')
    const found = own.violations(before)
    expect(found).toEqual(
      expect.arrayContaining([
        "POST /repos/o/r/issues → 201: /body must have required property 'id'",
        'POST /repos/o/r/issues → 201: /body/title must be string',
        'GET /repos/o/r/actions/runs/1/artifacts → 422: status 422 is not documented (documented: 200)',
        'GET /repos/o/r/issues → 200: undocumented query parameter label',
        "GET /repos/o/r/issues: the emulator does not implement the 'milestone' filter"
      ])
    )
  })

  it('reports request bodies that break the schema, for REST and for twirp', async () => {
    const before = own.exchanges.length
    await send('/repos/o/r/issues', { method: 'POST', body: JSON.stringify({ title: 'x', labels: 'bug' }) })
    await send('/twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workflow_run_backend_id: 5 })
    })
    const found = own.violations(before)
    expect(found).toContain('POST /repos/o/r/issues → 201: request /body/labels must be array')
    expect(found).toContain('POST ListArtifacts → 401: request /body/workflow_run_backend_id must be string')
  })

  it('slows matching requests with the delay knob', async () => {
    own.delay({ path: '/repos/o/r', ms: 200, times: 1 })
    const started = Date.now()
    expect((await send('/repos/o/r')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
  })
})

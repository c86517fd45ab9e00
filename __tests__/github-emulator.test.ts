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

describe('commits, branches, tags, pull requests and reviews through @actions/github', () => {
  const GIT = 'vapora/git'
  const o = { owner: 'vapora', repo: 'git' }
  // root ← c2 ← c3 ← merge (main); c2 ← f1 ← f2 (feature/x, merged by the merge commit); c3 ← long×35
  let root: string, c2: string, c3: string, f1: string, f2: string, merge: string, long: string[]
  beforeAll(() => {
    emulator.addRepo(GIT)
    emulator.addToken('t-git', { contents: 'read', pull_requests: 'read', repos: [GIT] })
    emulator.addToken('t-git-no-contents', { issues: 'write', pull_requests: 'read', repos: [GIT] })
    emulator.addToken('t-git-no-pulls', { contents: 'read', repos: [GIT] })
    root = emulator.addCommit(GIT, { message: 'Initial commit' })
    c2 = emulator.addCommit(GIT, { message: 'Second\n\nwith a body', parents: [root], author: 'alice' })
    f1 = emulator.addCommit(GIT, { message: 'Feature one', parents: [c2], author: 'bob' })
    f2 = emulator.addCommit(GIT, { message: 'Feature two', parents: [f1], author: 'bob' })
    c3 = emulator.addCommit(GIT, { message: 'Third', parents: [c2] })
    emulator.setBranch(GIT, 'main', c3)
    emulator.setBranch(GIT, 'feature/x', f2)
    long = []
    for (let i = 1; i <= 35; i++)
      long.push(emulator.addCommit(GIT, { message: `long ${i}`, parents: [long.at(-1) ?? c3] }))
    emulator.setBranch(GIT, 'long', long.at(-1)!)
  })
  const client = (token = 't-git') => octokit(token)
  const compare = (basehead: string, page?: { per_page?: number; page?: number }) =>
    client().rest.repos.compareCommitsWithBasehead({ ...o, basehead, ...page })

  it('makes deterministic 40-hex shas and refuses unknown parents', async () => {
    expect(root).toMatch(/^[0-9a-f]{40}$/)
    const again = await startGitHubEmulator()
    try {
      again.addRepo(GIT)
      expect(again.addCommit(GIT, { message: 'Initial commit' })).toBe(root) // same calls, same shas
      again.addRepo('vapora/git-twin')
      expect(again.addCommit('vapora/git-twin', { message: 'Initial commit' })).not.toBe(root)
    } finally {
      await again.close()
    }
    expect(() => emulator.addCommit(GIT, { message: 'orphan', parents: ['0'.repeat(40)] })).toThrow(
      /no commit/
    )
    const chosen = emulator.addCommit(GIT, { message: 'given', parents: [root], sha: 'AB'.repeat(20) })
    expect(chosen).toBe('ab'.repeat(20))
    expect(emulator.branches(GIT)).toMatchObject({ main: c3, 'feature/x': f2 })
  })

  it('compares identical, ahead, behind and diverged refs through the merge base', async () => {
    const identical = await compare('main...main')
    expect(identical.data).toMatchObject({ status: 'identical', ahead_by: 0, behind_by: 0, total_commits: 0 })
    expect(identical.data.commits).toEqual([])

    const ahead = await compare(`${c2}...main`)
    expect(ahead.data).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1 })
    expect(ahead.data.commits.map(c => c.sha)).toEqual([c3])
    expect(ahead.data.base_commit.sha).toBe(c2)
    expect(ahead.data.commits[0]).toMatchObject({
      html_url: `https://github.com/vapora/git/commit/${c3}`,
      author: { login: 'octocat' },
      commit: { message: 'Third', author: { name: 'octocat' } },
      parents: [{ sha: c2 }]
    })

    // An abbreviated sha resolves like a full one.
    const behind = await compare(`main...${c2.slice(0, 7)}`)
    expect(behind.data).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 1 })
    expect(behind.data.merge_base_commit.sha).toBe(c2)

    // A branch name with a slash, as Octokit sends it (%2F) — the description marks basehead multi-segment.
    const diverged = await compare('main...feature/x')
    expect(diverged.data).toMatchObject({ status: 'diverged', ahead_by: 2, behind_by: 1, total_commits: 2 })
    expect(diverged.data.merge_base_commit.sha).toBe(c2)
    expect(diverged.data.commits.map(c => c.sha)).toEqual([f1, f2]) // oldest first
    expect(diverged.data.html_url).toBe('https://github.com/vapora/git/compare/main...feature/x')

    // And unencoded, as a plain client may send it.
    const raw = await fetch(`${emulator.url}/repos/vapora/git/compare/main...feature/x`, {
      headers: { authorization: 'token t-git' }
    })
    expect(raw.status).toBe(200)
    expect(((await raw.json()) as { ahead_by: number }).ahead_by).toBe(2)
  })

  it('pages the commits of a compare when asked, with Link headers, and shows them all otherwise', async () => {
    const all = await compare('main...long')
    expect(all.data.commits).toHaveLength(35)
    expect(all.headers.link).toBeUndefined()

    const first = await compare('main...long', { per_page: 10 })
    expect(first.data).toMatchObject({ status: 'ahead', ahead_by: 35, total_commits: 35 })
    expect(first.data.commits.map(c => c.sha)).toEqual(long.slice(0, 10))
    const base = `${emulator.url}/repos/vapora/git/compare/main...long?per_page=10`
    expect(first.headers.link).toBe(`<${base}&page=2>; rel="next", <${base}&page=4>; rel="last"`)
    const seen: string[] = []
    for (let page = 1; page <= 4; page++)
      seen.push(...(await compare('main...long', { per_page: 10, page })).data.commits.map(c => c.sha))
    expect(seen).toEqual(long)
    const last = await compare('main...long', { per_page: 10, page: 4 })
    expect(last.data.commits).toHaveLength(5)
    expect(last.headers.link).toBe(`<${base}&page=3>; rel="prev", <${base}&page=1>; rel="first"`)
  })

  it('answers an unknown ref with 404 Not Found', async () => {
    for (const basehead of ['main...nope', `${'f'.repeat(40)}...main`, 'main..feature/x']) {
      const missing = await failure(compare(basehead))
      expect(missing).toMatchObject({ status: 404, data: { message: 'Not Found' } })
    }
  })

  it('finds pull requests by commit and by merge commit; a short sha is a 422', async () => {
    merge = emulator.addCommit(GIT, { message: 'Merge pull request: feature', parents: [c3, f2] })
    const merged = emulator.addPull(GIT, {
      title: 'Feature',
      commits: [f1, f2],
      headRef: 'feature/x',
      mergeCommitSha: merge,
      author: 'bob'
    })
    emulator.setBranch(GIT, 'main', merge)
    const pending = emulator.addCommit(GIT, { message: 'Work in progress', parents: [merge] })
    const open = emulator.addPull(GIT, { title: 'WIP', commits: [pending], merged: false })

    const pullsOf = (commit_sha: string) =>
      client().rest.repos.listPullRequestsAssociatedWithCommit({ ...o, commit_sha })
    const byCommit = await pullsOf(f1)
    expect(byCommit.data).toHaveLength(1)
    expect(byCommit.data[0]).toMatchObject({
      number: merged,
      state: 'closed',
      merge_commit_sha: merge,
      html_url: `https://github.com/vapora/git/pull/${merged}`,
      base: { ref: 'main', repo: { full_name: GIT } },
      head: { ref: 'feature/x', sha: f2 },
      user: { login: 'bob' }
    })
    expect(byCommit.data[0].merged_at).not.toBeNull()
    expect((await pullsOf(merge)).data.map(p => p.number)).toEqual([merged])
    expect((await pullsOf(c3)).data).toEqual([])
    // Not on the default branch yet: open pull requests count too.
    expect((await pullsOf(pending)).data.map(p => [p.number, p.merged_at])).toEqual([[open, null]])
    // The issues API shows the pull request with its merge time.
    const asIssue = await client('t-git-no-contents').rest.issues.get({ ...o, issue_number: merged })
    expect(asIssue.data.pull_request?.merged_at).toBe(byCommit.data[0].merged_at)

    const short = await failure(pullsOf(f1.slice(0, 7)))
    expect(short).toMatchObject({
      status: 422,
      data: { message: `No commit found for SHA: ${f1.slice(0, 7)}` }
    })
  })

  it('lists reviews in submission order, page by page; 404 for an issue', async () => {
    const head = emulator.addCommit(GIT, { message: 'Reviewed change', parents: [c3] })
    const number = emulator.addPull(GIT, { title: 'Reviewed', commits: [head] })
    const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute))
    emulator.addReview(GIT, number, { user: 'alice', state: 'CHANGES_REQUESTED', submittedAt: at(1) })
    emulator.addReview(GIT, number, { user: 'carol', state: 'COMMENTED', submittedAt: at(3) })
    emulator.addReview(GIT, number, { user: 'alice', state: 'APPROVED', submittedAt: at(2) })
    const page = await client().rest.pulls.listReviews({ ...o, pull_number: number, per_page: 2 })
    expect(page.data).toHaveLength(2)
    expect(page.headers.link).toContain('rel="next"')
    const all = await client().paginate(client().rest.pulls.listReviews, { ...o, pull_number: number })
    expect(all.map(r => [r.user?.login, r.state, r.submitted_at])).toEqual([
      ['alice', 'CHANGES_REQUESTED', '2025-01-01T12:01:00Z'],
      ['alice', 'APPROVED', '2025-01-01T12:02:00Z'],
      ['carol', 'COMMENTED', '2025-01-01T12:03:00Z']
    ])
    expect(all[0]).toMatchObject({
      commit_id: head,
      pull_request_url: `${emulator.url}/repos/vapora/git/pulls/${number}`
    })

    const { number: issue } = emulator.seedIssue(GIT, { title: 'not a pull request' })
    expect((await failure(client().rest.pulls.listReviews({ ...o, pull_number: issue }))).status).toBe(404)
    expect((await failure(client().rest.pulls.listReviews({ ...o, pull_number: 999 }))).status).toBe(404)
  })

  it('lists tags, last name first, paginated', async () => {
    emulator.addTag(GIT, 'v1.9.0', root)
    emulator.addTag(GIT, 'v1.10.0', c2)
    emulator.addTag(GIT, 'v2.0.0', c3)
    const tags = await client().paginate(client().rest.repos.listTags, { ...o, per_page: 2 })
    expect(tags.map(t => [t.name, t.commit.sha])).toEqual([
      ['v2.0.0', c3],
      ['v1.10.0', c2],
      ['v1.9.0', root]
    ])
    expect(tags[0].zipball_url).toBe(`${emulator.url}/repos/vapora/git/zipball/refs/tags/v2.0.0`)
    expect(() => emulator.addTag(GIT, 'v2.0.0', root)).toThrow(/already has tag/)
  })

  it('answers 403 naming contents and pull_requests when the token lacks them', async () => {
    const noContents = client('t-git-no-contents')
    const noPulls = client('t-git-no-pulls')
    const cases: Array<[Promise<unknown>, string]> = [
      [noContents.rest.repos.compareCommitsWithBasehead({ ...o, basehead: 'main...main' }), 'contents=read'],
      [noContents.rest.repos.listTags(o), 'contents=read'],
      [
        noContents.rest.repos.listPullRequestsAssociatedWithCommit({ ...o, commit_sha: c3 }),
        'contents=read,pull_requests=read'
      ],
      [
        noPulls.rest.repos.listPullRequestsAssociatedWithCommit({ ...o, commit_sha: c3 }),
        'contents=read,pull_requests=read'
      ],
      [noPulls.rest.pulls.listReviews({ ...o, pull_number: 1 }), 'pull_requests=read']
    ]
    for (const [request, accepted] of cases) {
      const refused = await failure(request)
      expect(refused).toMatchObject({
        status: 403,
        data: { message: 'Resource not accessible by integration' }
      })
      expect(refused.headers['x-accepted-github-permissions']).toBe(accepted)
    }
    // The permissions default to none, as when a workflow's `permissions:` block leaves them out.
    const plain = await failure(octokit('t-read').rest.repos.listTags({ owner: 'vapora', repo: 'app' }))
    expect(plain.status).toBe(403)
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

  it('can let a failed request take effect first, as GitHub does when a proxy answers 502 after it acted', async () => {
    own.failNext({ method: 'POST', path: '/repos/o/r/issues', status: 502, afterApplying: true })
    own.failNext({ method: 'POST', path: '/repos/o/r/issues', status: 502 })
    const before = own.issues('o/r').length
    const applied = await send('/repos/o/r/issues', {
      method: 'POST',
      body: JSON.stringify({ title: 'kept' })
    })
    const refused = await send('/repos/o/r/issues', {
      method: 'POST',
      body: JSON.stringify({ title: 'lost' })
    })
    expect([applied.status, refused.status]).toEqual([502, 502])
    expect(
      own
        .issues('o/r')
        .slice(before)
        .map(i => i.title)
    ).toEqual(['kept'])
    expect(own.exchanges.slice(-2).map(e => e.injected)).toEqual([true, true])
  })

  it('tells apart requests to one route by their body', async () => {
    const issue = own.seedIssue('o/r', { title: 'two edits' })
    own.failNext({ method: 'PATCH', path: /\/issues\/\d+$/, requestBody: /"state":"closed"/, status: 503 })
    const patch = (body: object) =>
      send(`/repos/o/r/issues/${issue.number}`, { method: 'PATCH', body: JSON.stringify(body) })
    expect((await patch({ body: 'edited' })).status).toBe(200)
    expect((await patch({ state: 'closed' })).status).toBe(503)
    expect((await patch({ state: 'closed' })).status).toBe(200)
  })

  it('slows matching requests with the delay knob', async () => {
    own.delay({ path: '/repos/o/r', ms: 200, times: 1 })
    const started = Date.now()
    expect((await send('/repos/o/r')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
  })
})

/**
 * Our Octokit (src/github/octokit.ts) against the GitHub emulator: bounded in time, errors explained, and
 * attemptWrite's bounds on a write that must not be resent.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  NO_RESEND,
  WRITE_ATTEMPTS,
  attemptWrite,
  createGitHubClient,
  explainGitHubError
} from '../src/github/octokit.js'
import { startGitHubEmulator, type GitHubEmulator } from '../test/github/emulator.js'

const REPO = { owner: 'vapora', repo: 'app' }
const TOKEN = 'ghs_clientTestToken000000000000000000001'
let github: GitHubEmulator

beforeAll(async () => {
  github = await startGitHubEmulator()
  github.addRepo('vapora/app')
  github.addToken(TOKEN, { issues: 'write', actions: 'none' })
  github.seedIssue('vapora/app', { title: 'the issue the writes comment on' })
})

afterAll(async () => {
  await github?.close()
})

describe('the GitHub client', () => {
  it('gives up on a request that does not answer within its timeout, saying so', async () => {
    github.delay({ path: '/repos/vapora/app/issues', ms: 3000, times: 1 })
    const client = createGitHubClient(TOKEN, { baseUrl: github.url, requestTimeoutMs: 500 })
    const started = Date.now()
    await expect(client.rest.issues.listForRepo(REPO)).rejects.toThrow(
      /no answer within 1 s|no answer within 0 s/
    )
    expect(Date.now() - started).toBeLessThan(2500)
  })

  it('stops retrying when its total budget is spent', async () => {
    // Matched by its query only, so the failures left over when the client gives up touch no other test.
    github.failNext({ path: /per_page=7/, status: 502, times: 10 })
    const client = createGitHubClient(TOKEN, { baseUrl: github.url, budgetMs: 1500, retryBaseMs: 400 })
    const started = Date.now()
    await expect(client.rest.issues.listForRepo({ ...REPO, per_page: 7 })).rejects.toThrow(
      /took longer than the 2 s allowed|502/
    )
    expect(Date.now() - started).toBeLessThan(4000)
  })

  it('waits out a 429 Retry-After and succeeds', async () => {
    github.failNext({ path: '/repos/vapora/app/issues', status: 429, retryAfter: 1 })
    const client = createGitHubClient(TOKEN, { baseUrl: github.url })
    const started = Date.now()
    const { status } = await client.rest.issues.listForRepo(REPO)
    expect(status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
  })

  it('counts the attempts of a read the retry plugin gave up on', async () => {
    github.failNext({ path: /per_page=9/, status: 502, times: 4 })
    const client = createGitHubClient(TOKEN, { baseUrl: github.url, retryBaseMs: 10 })
    const error = await client.rest.issues.listForRepo({ ...REPO, per_page: 9 }).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(explainGitHubError(error, 'listing issues', 'issues: write')).toBe(
      'listing issues: GitHub answered 502 (Server Error) on each of 4 attempts. Re-run the job; see https://www.githubstatus.com.'
    )
  })

  describe('a write that must not be resent (attemptWrite)', () => {
    beforeEach(() => github.clearKnobs())
    afterEach(() => expect(github.violations()).toEqual([]))
    const comment = (client: ReturnType<typeof createGitHubClient>) => () =>
      client.rest.issues.createComment({ ...REPO, issue_number: 1, body: 'x', ...NO_RESEND })

    it('is attempted WRITE_ATTEMPTS times, waiting 1 s then 2 s, and says what each attempt got', async () => {
      github.failNext({ method: 'POST', path: '/repos/vapora/app/issues/1/comments', status: 502, times: 3 })
      const client = createGitHubClient(TOKEN, { baseUrl: github.url })
      let looks = 0
      const started = Date.now()
      const error = await attemptWrite(client, {
        attempt: comment(client),
        look: async () => {
          looks++
          return undefined
        },
        followedBy: 'each followed by a look'
      }).then(
        () => undefined,
        (e: unknown) => e
      )
      const elapsed = Date.now() - started
      expect(WRITE_ATTEMPTS).toBe(3)
      expect(looks).toBe(3)
      expect(explainGitHubError(error, 'commenting', 'issues: write')).toBe(
        'commenting: 3 attempts (502, 502, 502), each followed by a look. GitHub answered 502 (Server Error). Re-run the job; see https://www.githubstatus.com.'
      )
      expect(elapsed).toBeGreaterThanOrEqual(4000) // 1 s, 2 s, and 1 s before the last look
      expect(elapsed).toBeLessThan(6000)
    })

    it('ends as soon as a look finds the write done, without attempting again', async () => {
      github.failNext({ method: 'POST', path: '/repos/vapora/app/issues/1/comments', status: 502 })
      const client = createGitHubClient(TOKEN, { baseUrl: github.url })
      let attempts = 0
      const result = await attemptWrite(client, {
        attempt: async () => {
          attempts++
          await comment(client)()
          return 'posted'
        },
        look: async () => 'found',
        followedBy: 'each followed by a look'
      })
      expect([result, attempts]).toEqual(['found', 1])
    })

    it('never waits past the client’s budget', async () => {
      github.failNext({
        method: 'POST',
        path: '/repos/vapora/app/issues/1/comments',
        status: 429,
        retryAfter: 1,
        times: 2
      })
      const client = createGitHubClient(TOKEN, { baseUrl: github.url, budgetMs: 1500 })
      const started = Date.now()
      await expect(attemptWrite(client, { attempt: comment(client), followedBy: '' })).rejects.toThrow(
        /^2 attempts \(429, retry after 1 s, 429, retry after 1 s\); another attempt would pass the 2 s allowed for GitHub calls$/
      )
      expect(Date.now() - started).toBeLessThan(1500)
    })

    it('throws a first failure that is not transient as it is, after one attempt', async () => {
      github.failNext({ method: 'POST', path: '/repos/vapora/app/issues/1/comments', status: 422 })
      const client = createGitHubClient(TOKEN, { baseUrl: github.url })
      let looks = 0
      await expect(
        attemptWrite(client, {
          attempt: comment(client),
          look: async () => (looks++, undefined),
          followedBy: ''
        })
      ).rejects.toMatchObject({ status: 422, name: 'HttpError' })
      expect(looks).toBe(0)
    })
  })

  it('names the missing permission on 403 and never repeats the token', async () => {
    const client = createGitHubClient(TOKEN, { baseUrl: github.url })
    const error = await client.rest.actions.listWorkflowRunArtifacts({ ...REPO, run_id: 1 }).then(
      () => undefined,
      (e: unknown) => e
    )
    const message = explainGitHubError(error, 'listing artifacts', 'actions: read')
    expect(message).toMatch(
      /^listing artifacts: the token lacks permission \(403 Resource not accessible by integration\)\. Give the job `permissions: actions: read`/
    )
    expect(message).not.toContain(TOKEN)
    expect(github.violations()).toEqual([])
  })
})

/** Our Octokit (src/github/octokit.ts) against the GitHub emulator: bounded in time, errors explained. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createGitHubClient, explainGitHubError } from '../src/github/octokit.js'
import { startGitHubEmulator, type GitHubEmulator } from '../test/github/emulator.js'

const REPO = { owner: 'vapora', repo: 'app' }
const TOKEN = 'ghs_clientTestToken000000000000000000001'
let github: GitHubEmulator

beforeAll(async () => {
  github = await startGitHubEmulator()
  github.addRepo('vapora/app')
  github.addToken(TOKEN, { issues: 'write', actions: 'none' })
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

/**
 * Resilience at the edges, end to end: `node dist/index.js` spawned as the runner spawns it, against the
 * GitHub emulator with failures injected on every route the tracking issue writes. One blip never blocks
 * a deploy; a lasting fault ends in a no-go within its documented bound, counting the attempts; a person's
 * tick made while a run waits is never lost; no lock label is left behind. Verify mode's writes are
 * exercised through the module (verify mode needs a cluster for its checks, not for its writes).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { runAction, type ActionRun } from '../test/action-runner.js'
import { EXAMPLE_BUNDLE, cleanupTempDirs } from '../test/fixtures.js'
import {
  startGitHubEmulator,
  type Exchange,
  type FailureKnob,
  type GitHubEmulator
} from '../test/github/emulator.js'
import { reportWith } from '../test/reports.js'
import { readTicks } from '../src/report/ticks.js'
import { checklistItems } from '../src/checklist/model.js'
import { issueKeyMarker } from '../src/report/issue-body.js'
import {
  LOCK_CLOCK_SKEW_MS,
  LOCK_HOLD_MS,
  abandonment,
  createOnce,
  lockLabel
} from '../src/github/issue-lock.js'
import { createGitHubClient } from '../src/github/octokit.js'
import { recordVerification } from '../src/github/verify-issue.js'
import type { VerifyReport } from '../src/core/types.js'

const REPO = 'vapora/app'
const TOKEN = 'ghs_faultsTestToken00000000000000000001'
const KUBECONFIG = `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: 'https://127.0.0.1:1' } }]
users: [{ name: u, user: { token: kube-token-faults } }]
contexts: [{ name: x, context: { cluster: c, user: u } }]
current-context: x
`
const ISSUES = new RegExp(`^/repos/${REPO}/issues$`)
const ISSUE = new RegExp(`^/repos/${REPO}/issues/\\d+$`)
const COMMENTS = new RegExp(`^/repos/${REPO}/issues/\\d+/comments$`)
const LABELS = `/repos/${REPO}/labels`
const LOCK = new RegExp(`^/repos/${REPO}/labels/preflight-lock-`)
const manual = checklistItems().filter(i => !i.automated)

let github: GitHubEmulator
let firstExchange = 0
let nextRunId = 9000

beforeAll(async () => {
  github = await startGitHubEmulator()
  github.addRepo(REPO)
  github.addToken(TOKEN, { issues: 'write', actions: 'read', repos: [REPO] })
})

beforeEach(() => {
  github.clearKnobs()
  firstExchange = github.exchanges.length
})

afterAll(async () => {
  await github?.close()
  cleanupTempDirs()
})

interface Run extends ActionRun {
  runId: number
  elapsedMs: number
}

/**
 * The preflight, offline, on the example bundle (no artifact, no rollback kit: only the tracking issue
 * talks to GitHub), in a fresh workflow run unless `runId` is given.
 */
async function preflight(environment: string, runId = nextRunId++, attempt = 1): Promise<Run> {
  github.addRun(REPO, runId)
  const started = Date.now()
  const run = await runAction(
    {
      offline: 'true',
      kubeconfig: KUBECONFIG,
      'check-changes': 'false',
      'bundle-path': EXAMPLE_BUNDLE,
      'upload-rollback-kit': 'false',
      environment
    },
    { ...github.actionEnv(REPO, runId), GITHUB_RUN_ATTEMPT: String(attempt) },
    { githubToken: TOKEN }
  )
  return { ...run, runId, elapsedMs: Date.now() - started }
}

function trackingIssues(key: string) {
  return github.issues(REPO).filter(i => !i.pullRequest && (i.body ?? '').includes(issueKeyMarker(key)))
}

/** This test's requests to a route (method and path, the query left off), in order. */
function sent(method: string, path: RegExp | string): Exchange[] {
  return github.exchanges
    .slice(firstExchange)
    .filter(
      e =>
        e.method === method &&
        (typeof path === 'string' ? e.url.split('?')[0] === path : path.test(e.url.split('?')[0]))
    )
}

const lockLabels = () => github.labels(REPO).filter(l => l.startsWith('preflight-lock-'))

/**
 * What every run that weathered its blip leaves: go, one open issue, its one comment, no lock, and no
 * exchange GitHub's description does not allow (but `allowed`).
 */
function expectWeathered(run: Run, key: string, allowed: string[] = []): void {
  expect(run.outputs.decision).toBe('go')
  expect(run.stdout).toMatch(/tracking-issue +(?:created|updated) #\d+/)
  const open = trackingIssues(key).filter(i => i.state === 'open')
  expect(open).toHaveLength(1)
  expect(run.outputs['issue-number']).toBe(String(open[0].number))
  const mine = github
    .comments(REPO, open[0].number)
    .filter(c => c.body.includes(`<!-- vapora-preflight:run=${run.runId}/`))
  expect(mine).toHaveLength(1)
  expect(lockLabels()).toEqual([])
  expect(github.violations(firstExchange)).toEqual(allowed)
}

const tickByHand = (number: number, id: string): Promise<void> => github.tickByHand(REPO, number, id, TOKEN)

/** Resolves once the emulator has answered a request that a knob failed on `path` (the run now waits). */
async function injectedOn(method: string, path: RegExp): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (sent(method, path).some(e => e.injected)) return
    await new Promise(resolve => setTimeout(resolve, 25))
  }
  throw new Error(`no injected failure on ${method} ${path} within 10 s`)
}

/** An existing tracking issue for `key`, made by a clean run. */
async function existingIssue(key: string): Promise<number> {
  const run = await preflight(key)
  expect(run.outputs.decision).toBe('go')
  firstExchange = github.exchanges.length
  return Number(run.outputs['issue-number'])
}

describe('one transient fault on a GitHub write never blocks a deploy', () => {
  it.each([502, 503])(
    'a %d on creating the tracking issue is retried after a look finds no issue',
    async status => {
      github.failNext({ method: 'POST', path: ISSUES, status })
      const run = await preflight(`create-${status}`)
      expectWeathered(run, `create-${status}`)
      expect(sent('POST', ISSUES).map(e => e.status)).toEqual([status, 201])
      const failedAt = sent('POST', ISSUES)[0].at
      const looks = sent('GET', ISSUES).filter(e => e.at > failedAt && e.at < sent('POST', ISSUES)[1].at)
      expect(looks.length).toBeGreaterThanOrEqual(1)
    }
  )

  it('a 429 on creating the tracking issue waits the Retry-After it sends before trying again', async () => {
    github.failNext({ method: 'POST', path: ISSUES, status: 429, retryAfter: 2 })
    const run = await preflight('create-429')
    expectWeathered(run, 'create-429')
    const [limited, created] = sent('POST', ISSUES)
    expect([limited.status, created.status]).toEqual([429, 201])
    expect(created.at - limited.at).toBeGreaterThanOrEqual(2000)
  })

  it('an issue GitHub created before answering 502 is found by the look and never created twice', async () => {
    github.failNext({ method: 'POST', path: ISSUES, status: 502, afterApplying: true })
    const run = await preflight('create-applied')
    expectWeathered(run, 'create-applied')
    expect(sent('POST', ISSUES)).toHaveLength(1)
    expect(trackingIssues('create-applied')).toHaveLength(1)
  })

  it('a 502 and, on the next run, a 429 on updating the issue are retried from a fresh read', async () => {
    const number = await existingIssue('update')
    github.failNext({ method: 'PATCH', path: ISSUE, status: 502 })
    const first = await preflight('update')
    expectWeathered(first, 'update')
    expect(sent('PATCH', ISSUE).map(e => e.status)).toEqual([502, 200])
    expect(first.outputs['issue-number']).toBe(String(number))

    firstExchange = github.exchanges.length
    github.failNext({ method: 'PATCH', path: ISSUE, status: 429, retryAfter: 1 })
    const second = await preflight('update')
    expectWeathered(second, 'update')
    const [limited, updated] = sent('PATCH', ISSUE)
    expect([limited.status, updated.status]).toEqual([429, 200])
    expect(updated.at - limited.at).toBeGreaterThanOrEqual(1000)
    // Each attempt started from a read of the issue, never from the body it had sent.
    const reads = sent('GET', ISSUE).filter(e => e.at > limited.at && e.at < updated.at)
    expect(reads).toHaveLength(1)
  })

  it.each([
    ['a 502', { status: 502 }],
    ['a 429 with Retry-After: 1', { status: 429, retryAfter: 1 }]
  ])('%s on the run’s comment is retried and leaves exactly one comment', async (_, knob) => {
    const number = await existingIssue(`comment-${knob.status}`)
    github.failNext({ method: 'POST', path: COMMENTS, ...knob })
    const run = await preflight(`comment-${knob.status}`)
    expectWeathered(run, `comment-${knob.status}`)
    expect(run.stdout).not.toMatch(/comment was not added/)
    const [failed, posted] = sent('POST', COMMENTS)
    expect([failed.status, posted.status]).toEqual([knob.status, 201])
    expect(posted.at - failed.at).toBeGreaterThanOrEqual(1000)
    expect(github.comments(REPO, number)).toHaveLength(2)
  })

  it('a comment GitHub posted before answering 502 is found by its marker and never posted twice', async () => {
    const number = await existingIssue('comment-applied')
    github.failNext({ method: 'POST', path: COMMENTS, status: 502, afterApplying: true })
    const run = await preflight('comment-applied')
    expectWeathered(run, 'comment-applied')
    expect(sent('POST', COMMENTS)).toHaveLength(1)
    expect(github.comments(REPO, number)).toHaveLength(2)
  })

  it('a 502 on taking the lock label is retried, and the lock is released', async () => {
    github.failNext({ method: 'POST', path: LABELS, status: 502 })
    const run = await preflight('lock-create')
    expectWeathered(run, 'lock-create')
    expect(sent('POST', LABELS).map(e => e.status)).toEqual([502, 201])
    expect(sent('DELETE', LOCK).map(e => e.status)).toEqual([204])
    expect(run.stdout).not.toMatch(/without the lock/)
  })

  it('a lock GitHub created before answering 502, unreadable once, is known as the run’s own and released', async () => {
    github.failNext({ method: 'POST', path: LABELS, status: 502, afterApplying: true })
    github.failNext({ method: 'GET', path: LOCK, status: 503 })
    const run = await preflight('lock-applied')
    expectWeathered(run, 'lock-applied')
    // Taken in the first attempt (its answer lost), then unreadable once, then found to be this run's.
    expect(sent('POST', LABELS).map(e => e.status)).toEqual([502, 422])
    expect(sent('GET', LOCK).map(e => e.status)).toEqual([503, 200])
    expect(sent('DELETE', LOCK).map(e => e.status)).toEqual([204])
  })

  it('a 502 on deleting the lock label is retried until the lock is gone', async () => {
    github.failNext({ method: 'DELETE', path: LOCK, status: 502 })
    const run = await preflight('lock-delete')
    expectWeathered(run, 'lock-delete')
    expect(sent('DELETE', LOCK).map(e => e.status)).toEqual([502, 204])
  })

  it('a 502 on reading another run’s lock does not stop the run from waiting for it', async () => {
    const held = await fetch(`${github.url}${LABELS}`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      // Taken long ago by another run: abandoned, by its own timestamp.
      body: JSON.stringify({
        name: lockLabel('lock-read'),
        description: `vapora-preflight lock ${new Date(Date.now() - 10 * 60_000).toISOString()} 0badf00d hold=30 run=1/1`
      })
    })
    expect(held.status).toBe(201)
    firstExchange = github.exchanges.length
    github.failNext({ method: 'GET', path: LOCK, status: 502 })
    const run = await preflight('lock-read')
    expectWeathered(run, 'lock-read')
    expect(sent('GET', LOCK)[0].status).toBe(502)
    expect(run.stdout).toMatch(/cleared an abandoned lock \(taken 6\d\d s ago, held for 30 s\)/)
    expect(run.elapsedMs).toBeLessThan(10_000)
  })

  it('a fresh lock of another run that never finishes is cleared once seen unchanged for its hold', async () => {
    // Another run's lock, taken now, whose holder relies on it for 2 s (30 s in this version) and dies.
    const held = await fetch(`${github.url}${LABELS}`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: lockLabel('lock-dead'),
        description: `vapora-preflight lock ${new Date().toISOString()} deadbeef hold=2 run=1/1`
      })
    })
    expect(held.status).toBe(201)
    firstExchange = github.exchanges.length
    const run = await preflight('lock-dead')
    expectWeathered(run, 'lock-dead')
    expect(run.stdout).toMatch(/created #\d+; cleared an abandoned lock \(unchanged for [2-5] s\)/)
    // It waited out the hold, polling at most 2 s apart (not the 60 s lock timeout), reading the lock each time.
    const reads = sent('GET', LOCK)
    expect(reads.length).toBeGreaterThan(2)
    expect(sent('DELETE', LOCK)[0].at - reads[0].at).toBeGreaterThanOrEqual(2000)
    expect(run.elapsedMs).toBeLessThan(10_000)
  })

  it('ten runs at once, the first create answered 502 after GitHub made it, still open exactly one issue', async () => {
    github.failNext({ method: 'POST', path: ISSUES, status: 502, afterApplying: true })
    const all = await Promise.all(Array.from({ length: 10 }, () => preflight('crowd')))
    expect(all.map(r => r.outputs.decision)).toEqual(Array(10).fill('go'))
    const open = trackingIssues('crowd').filter(i => i.state === 'open')
    expect(open).toHaveLength(1)
    expect(new Set(all.map(r => r.outputs['issue-number']))).toEqual(new Set([String(open[0].number)]))
    expect(github.comments(REPO, open[0].number)).toHaveLength(10)
    expect(sent('POST', ISSUES).filter(e => e.injected)).toHaveLength(1)
    expect(lockLabels()).toEqual([])
    expect(github.violations(firstExchange)).toEqual([])
  })
})

describe('a lock the run took is released on every path (the module)', () => {
  const client = () => createGitHubClient(TOKEN, { baseUrl: github.url })
  const [owner, repo] = REPO.split('/')
  const issue = (number: number) => ({ number, html_url: `https://github.com/${REPO}/issues/${number}` })
  const refused = Object.assign(new Error('Validation Failed'), { status: 422 })

  it('when the create throws, the error reaches the caller and the lock is gone', async () => {
    const create = () => Promise.reject(refused)
    await expect(
      createOnce(
        client(),
        { owner, repo, key: 'mod-create' },
        async () => [],
        create,
        async () => {}
      )
    ).rejects.toBe(refused)
    expect(sent('POST', LABELS).map(e => e.status)).toEqual([201])
    expect(lockLabels()).toEqual([])
  })

  it('when the look after the create throws, the lock is gone too', async () => {
    let looks = 0
    const find = async () => {
      if (++looks > 1) throw new Error('the list broke')
      return []
    }
    await expect(
      createOnce(
        client(),
        { owner, repo, key: 'mod-converge' },
        find,
        async () => issue(900),
        async () => {}
      )
    ).rejects.toThrow('the list broke')
    expect(lockLabels()).toEqual([])
  })

  it('when closing a duplicate fails, the winner is returned with a note and the lock is gone', async () => {
    let looks = 0
    const find = async () => (++looks === 1 ? [] : [issue(5), issue(901)])
    const outcome = await createOnce(
      client(),
      { owner, repo, key: 'mod-duplicate' },
      find,
      async () => issue(901),
      () => Promise.reject(refused)
    )
    expect(outcome).toMatchObject({ issue: { number: 5 }, created: false })
    expect(outcome.notes).toEqual(['closing duplicate #901: 422 Validation Failed'])
    expect(lockLabels()).toEqual([])
  })
})

describe('a lasting fault ends within its documented bound, with a message that counts the attempts', () => {
  it('creating the tracking issue gives up after 3 attempts, each followed by a look, in about 4 s', async () => {
    github.failNext({ method: 'POST', path: ISSUES, status: 502, times: 2 })
    github.failNext({ method: 'POST', path: ISSUES, status: 503 })
    const run = await preflight('create-lasting')
    expect(run.outputs.decision).toBe('no-go')
    expect(run.outputs['failed-checks']).toBe('tracking-issue')
    expect(run.stdout).toMatch(
      /creating the tracking issue in vapora\/app: 3 attempts \(502, 502, 503\), each followed by a look that found no issue\. GitHub answered 503 \(Service Unavailable\)\. Re-run the job/
    )
    expect(trackingIssues('create-lasting')).toEqual([])
    expect(sent('POST', ISSUES)).toHaveLength(3)
    // 1 s, 2 s and 1 s before the looks; nothing resent blindly, no 55 s of plugin retries.
    const posts = sent('POST', ISSUES)
    expect(posts[2].at - posts[0].at).toBeGreaterThanOrEqual(3000)
    expect(run.elapsedMs).toBeLessThan(15_000)
    expect(lockLabels()).toEqual([])
    expect(github.violations(firstExchange)).toEqual([])
  })

  it('updating the issue gives up after 3 attempts (502), each from a fresh read', async () => {
    const number = await existingIssue('update-lasting')
    github.failNext({ method: 'PATCH', path: ISSUE, status: 502, times: 3 })
    const run = await preflight('update-lasting')
    expect(run.outputs.decision).toBe('no-go')
    expect(run.stdout).toMatch(
      new RegExp(
        `updating tracking issue #${number}: 3 attempts \\(502, 502, 502\\), each after reading the issue again and merging its ticks\\. GitHub answered 502`
      )
    )
    expect(sent('GET', ISSUE)).toHaveLength(3)
    expect(run.elapsedMs).toBeLessThan(12_000)
    expect(github.violations(firstExchange)).toEqual([])
  })

  it('a 429 asking for longer than a write waits ends the update at once, saying how long GitHub asked', async () => {
    await existingIssue('update-limited')
    github.failNext({ method: 'PATCH', path: ISSUE, status: 429, retryAfter: 600 })
    const run = await preflight('update-limited')
    expect(run.outputs.decision).toBe('no-go')
    expect(run.stdout).toMatch(
      /1 attempt \(429, retry after 600 s\); GitHub asked to wait 600 s, longer than the 20 s a write waits\. GitHub is rate limiting/
    )
    expect(sent('PATCH', ISSUE)).toHaveLength(1)
    expect(run.elapsedMs).toBeLessThan(10_000)
  })

  it('the run’s comment gives up after 3 attempts: a warning that counts them, the deploy still go', async () => {
    await existingIssue('comment-lasting')
    github.failNext({ method: 'POST', path: COMMENTS, status: 429, retryAfter: 1, times: 3 })
    const run = await preflight('comment-lasting')
    // The body is what the gate needs; a missing comment warns (as before), now after three attempts.
    expect(run.outputs.decision).toBe('go')
    expect(run.stdout).toMatch(
      /the run's comment was not added: commenting on tracking issue #\d+: 3 attempts \(429, retry after 1 s, 429, retry after 1 s, 429, retry after 1 s\), each followed by a look that found no such comment\. GitHub is rate limiting/
    )
    expect(run.elapsedMs).toBeLessThan(12_000)
    expect(github.violations(firstExchange)).toEqual([])
  })

  it('a lasting 5xx on the lock label costs about a second: the run goes on without the lock', async () => {
    github.failNext({ method: 'POST', path: LABELS, status: 502, times: 50 })
    github.failNext({ method: 'GET', path: LOCK, status: 503, times: 50 })
    const run = await preflight('lock-lasting')
    github.clearKnobs()
    expect(run.outputs.decision).toBe('go')
    expect(run.stdout).toMatch(
      /created #\d+; without the lock \(its label requests failed 3 times: 502, 503, 502\)/
    )
    expect(trackingIssues('lock-lasting')).toHaveLength(1)
    // Taking: create, read, create; releasing what it may hold: three reads. Nothing more.
    expect(sent('POST', LABELS)).toHaveLength(2)
    expect(sent('GET', LOCK)).toHaveLength(4)
    const lockTraffic = [...sent('POST', LABELS), ...sent('GET', LOCK)].map(e => e.at)
    expect(Math.max(...lockTraffic) - Math.min(...lockTraffic)).toBeLessThan(3000)
    expect(run.elapsedMs).toBeLessThan(8_000)
    expect(github.violations(firstExchange)).toEqual([])
  })

  it.each([403, 404, 422])(
    'a lock label route answering %d cannot work: the run goes on without the lock at once',
    async status => {
      github.failNext({ method: 'POST', path: LABELS, status })
      const run = await preflight(`lock-${status}`)
      expectWeathered(run, `lock-${status}`)
      expect(sent('POST', LABELS)).toHaveLength(1)
      expect(sent('GET', LOCK)).toEqual([])
      expect(run.stdout).toMatch(
        new RegExp(
          `without the lock \\(its label answered ${status}, so labels cannot serve as a lock here\\)`
        )
      )
    }
  )

  it.each([405, 501])(
    'a GitHub-compatible server answering %d on labels is detected at once too (GitHub itself never sends it)',
    async status => {
      github.failNext({ method: 'POST', path: LABELS, status })
      const run = await preflight(`lock-${status}`)
      expectWeathered(run, `lock-${status}`, [
        `POST /repos/${REPO}/labels → ${status}: status ${status} is not documented (documented: 201, 404, 422)`
      ])
      expect(sent('POST', LABELS)).toHaveLength(1)
      expect(run.stdout).toMatch(new RegExp(`without the lock \\(its label answered ${status}`))
    }
  )

  it('a lock left behind by lasting faults is cleared at once by the re-run of the same run', async () => {
    const runId = nextRunId++
    github.failNext({ method: 'POST', path: ISSUES, status: 502, times: 3 })
    github.failNext({ method: 'DELETE', path: LOCK, status: 502, times: 3 })
    const failed = await preflight('left-behind', runId, 1)
    expect(failed.outputs.decision).toBe('no-go')
    expect(lockLabels()).toEqual([lockLabel('left-behind')])

    firstExchange = github.exchanges.length
    github.clearKnobs()
    const rerun = await preflight('left-behind', runId, 2)
    expectWeathered(rerun, 'left-behind')
    expect(sent('DELETE', LOCK).map(e => e.status)).toEqual([204, 204]) // the abandoned lock, then its own
    expect(rerun.stdout).toMatch(/created #\d+; cleared an abandoned lock \(taken by attempt 1 of this run\)/)
    expect(rerun.elapsedMs).toBeLessThan(8_000)
  })
})

describe('a lock is deleted only by its holder or once provably abandoned', () => {
  const taken = (ago: number, extra = '') =>
    `vapora-preflight lock ${new Date(Date.now() - ago).toISOString()} 1a2b3c4d hold=${LOCK_HOLD_MS / 1000}${extra}`

  it('a fresh lock of another run is held; this run has to see it unchanged for the whole hold', () => {
    const now = Date.now()
    expect(abandonment(taken(1000, ' run=77/1'), now, '78/1', now)).toBeUndefined()
    expect(abandonment(taken(1000), now - LOCK_HOLD_MS + 1000, '78/1', now)).toBeUndefined()
    expect(abandonment(taken(1000), now - LOCK_HOLD_MS - 1, '78/1', now)).toMatch(/unchanged for 30 s/)
  })

  it('a lock older than its hold plus the clock allowance, or taken by an earlier attempt of this run, is abandoned at once', () => {
    const now = Date.now()
    expect(abandonment(taken(LOCK_HOLD_MS + LOCK_CLOCK_SKEW_MS - 1000), now, '78/1', now)).toBeUndefined()
    expect(abandonment(taken(LOCK_HOLD_MS + LOCK_CLOCK_SKEW_MS + 1000), now, '78/1', now)).toMatch(
      /taken 61 s ago/
    )
    expect(abandonment(taken(0, ' run=78/1'), now, '78/2', now)).toBe('taken by attempt 1 of this run')
    // The same attempt (another job of the run, say) and a later one are not proof.
    expect(abandonment(taken(0, ' run=78/2'), now, '78/2', now)).toBeUndefined()
    expect(abandonment(taken(0, ' run=78/3'), now, '78/2', now)).toBeUndefined()
  })

  it('a lock written by 0.4 keeps its 120 s, and a description no version writes is never taken as abandoned early', () => {
    const now = Date.now()
    const legacy = `vapora-preflight lock ${new Date(now - 100_000).toISOString()} 1a2b3c4d`
    expect(abandonment(legacy, now, '78/1', now)).toBeUndefined()
    expect(abandonment('made by hand', now - 119_000, '78/1', now)).toBeUndefined()
    expect(abandonment('made by hand', now - 121_000, '78/1', now)).toMatch(/unchanged/)
  })
})

describe('a person’s tick made while the run waits survives', () => {
  it('a tick made during the Retry-After of a failed update is merged, not overwritten', async () => {
    const number = await existingIssue('tick-update')
    github.failNext({ method: 'PATCH', path: ISSUE, status: 429, retryAfter: 2 })
    const running = preflight('tick-update')
    await injectedOn('PATCH', ISSUE)
    await tickByHand(number, manual[2].id)
    const run = await running
    expectWeathered(run, 'tick-update')
    const body = trackingIssues('tick-update')[0].body ?? ''
    expect(readTicks(body).get(manual[2].id)?.ticked).toBe(true)
    expect(run.stdout).toMatch(/updated #\d+; kept 1 tick\(s\) made by people/)
    // The tick landed between the failed update and the one that followed.
    const patches = sent('PATCH', ISSUE)
    expect(patches.map(e => e.status)).toEqual([429, 200, 200])
  })

  it('a tick made while the run’s comment waits is kept: the retried comment never rewrites the body', async () => {
    const number = await existingIssue('tick-comment')
    github.failNext({ method: 'POST', path: COMMENTS, status: 429, retryAfter: 2 })
    const running = preflight('tick-comment')
    await injectedOn('POST', COMMENTS)
    await tickByHand(number, manual[3].id)
    const run = await running
    expectWeathered(run, 'tick-comment')
    expect(readTicks(trackingIssues('tick-comment')[0].body ?? '').get(manual[3].id)?.ticked).toBe(true)
  })
})

describe('verify mode’s writes (the module, as main.ts calls it) survive one fault each', () => {
  function verifyReport(): VerifyReport {
    return {
      ...reportWith({ 'verify-images': 'pass', 'verify-pods-ready': 'pass' }, 'go', 'verify'),
      verification: {
        verified: true,
        rollbackDetected: false,
        startedAt: '2026-11-28T10:00:00.000Z',
        endedAt: '2026-11-28T10:03:05.000Z',
        durationMs: 185_000,
        undoCommands: []
      }
    }
  }
  const record = (key: string) =>
    recordVerification(verifyReport(), {
      token: TOKEN,
      apiUrl: github.url,
      repository: REPO,
      key,
      labels: ['deployment', 'preflight'],
      runMarker: `${nextRunId++}/1/verify`,
      closeOnSuccess: true
    })
  const EDIT = /"body":/
  const CLOSE = /"state":"closed"/

  it.each<[string, FailureKnob & { method: string; path: RegExp }]>([
    ['a 502 on writing the record', { method: 'PATCH', path: ISSUE, requestBody: EDIT, status: 502 }],
    [
      'a 429 on writing the record',
      { method: 'PATCH', path: ISSUE, requestBody: EDIT, status: 429, retryAfter: 1 }
    ],
    ['a 502 on the comment', { method: 'POST', path: COMMENTS, status: 502 }],
    [
      'a comment GitHub posted before answering 502',
      { method: 'POST', path: COMMENTS, status: 502, afterApplying: true }
    ],
    ['a 503 on closing', { method: 'PATCH', path: ISSUE, requestBody: CLOSE, status: 503 }],
    [
      'a close GitHub made before answering 502',
      { method: 'PATCH', path: ISSUE, requestBody: CLOSE, status: 502, afterApplying: true }
    ]
  ])('%s: the verification is recorded once, commented once, and the issue closed', async (what, knob) => {
    const key = `verify-${what.replace(/\W+/g, '-')}`
    const number = await existingIssue(key)
    const before = github.comments(REPO, number).length
    github.failNext(knob)
    const outcome = await record(key)
    expect(outcome).toMatchObject({ ok: true, closed: true, number })
    const faulted = sent(knob.method, knob.path)
    expect(faulted.filter(e => e.injected)).toHaveLength(1)
    // What GitHub already did is found by a look, never done twice.
    if (knob.afterApplying) expect(faulted).toHaveLength(knob.requestBody ? 2 : 1)
    const issue = github.issues(REPO).find(i => i.number === number)!
    expect(issue.state).toBe('closed')
    expect(issue.stateReason).toBe('completed')
    expect(issue.body).toContain('DEPLOYMENT COMPLETED')
    expect(github.comments(REPO, number)).toHaveLength(before + 1)
    expect(github.violations(firstExchange)).toEqual([])
  })

  it('a lasting 502 on closing gives up after 3 attempts, each followed by a look, in about 4 s', async () => {
    const number = await existingIssue('verify-close-lasting')
    github.failNext({ method: 'PATCH', path: ISSUE, requestBody: CLOSE, status: 502, times: 3 })
    const started = Date.now()
    const outcome = await record('verify-close-lasting')
    const elapsed = Date.now() - started
    expect(outcome.ok).toBe(false)
    expect(outcome.message).toMatch(
      new RegExp(
        `^closing tracking issue #${number}: 3 attempts \\(502, 502, 502\\), each followed by a look that found the issue still open\\. GitHub answered 502`
      )
    )
    expect(elapsed).toBeGreaterThanOrEqual(4000)
    expect(elapsed).toBeLessThan(8000)
    expect(github.issues(REPO).find(i => i.number === number)!.state).toBe('open')
  })

  it('a tick made while writing the record waits out a 429 is merged into the record', async () => {
    const number = await existingIssue('verify-tick')
    github.failNext({ method: 'PATCH', path: ISSUE, requestBody: EDIT, status: 429, retryAfter: 2 })
    const recording = record('verify-tick')
    await injectedOn('PATCH', ISSUE)
    await tickByHand(number, manual[4].id)
    expect((await recording).ok).toBe(true)
    const body = github.issues(REPO).find(i => i.number === number)!.body ?? ''
    expect(readTicks(body).get(manual[4].id)?.ticked).toBe(true)
    expect(body).toContain('DEPLOYMENT COMPLETED')
  })
})

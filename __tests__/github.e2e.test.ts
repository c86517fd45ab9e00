/**
 * End to end against the GitHub emulator: `node dist/index.js` spawned as the runner spawns it (INPUT_*
 * with action.yml defaults, `${{ github.token }}` evaluated), talking HTTP to an emulator whose every
 * request and response is checked against GitHub's OpenAPI description.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { runAction, type ActionRun } from '../test/action-runner.js'
import { EXAMPLE_ZIP, REPO_ROOT, cleanupTempDirs, tempDir } from '../test/fixtures.js'
import { startGitHubEmulator, type GitHubEmulator } from '../test/github/emulator.js'
import { readTicks } from '../src/report/ticks.js'
import { checklistItems } from '../src/checklist/model.js'
import { BEFORE_DEPLOY_SECTIONS } from '../src/checklist/manual-gate.js'
import { issueKeyMarker } from '../src/report/issue-body.js'
import { lockLabel } from '../src/github/issue-lock.js'

const REPO = 'vapora/app'
const OTHER_REPO = 'vapora/builds'
const THIS_RUN = 5001
const JOB_TOKEN = 'ghs_jobTokenForTests0000000000000000001'
const READ_ISSUES_TOKEN = 'ghs_readOnlyIssuesToken000000000000002'
const NO_ACTIONS_TOKEN = 'ghs_noActionsReadToken00000000000000003'
const KUBE_TOKEN = 'kube-token-that-must-never-appear-0123456789'
const KUBECONFIG = `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: 'https://127.0.0.1:1' } }]
users: [{ name: u, user: { token: ${KUBE_TOKEN} } }]
contexts: [{ name: x, context: { cluster: c, user: u } }]
current-context: x
`
const SECRETS = [JOB_TOKEN, READ_ISSUES_TOKEN, NO_ACTIONS_TOKEN, KUBE_TOKEN]

let github: GitHubEmulator
const runs: ActionRun[] = []
const zip = readFileSync(EXAMPLE_ZIP)

beforeAll(async () => {
  github = await startGitHubEmulator()
  github.addRepo(REPO)
  github.addRepo(OTHER_REPO)
  github.addToken(JOB_TOKEN, { issues: 'write', actions: 'read', repos: [REPO, OTHER_REPO] })
  github.addToken(READ_ISSUES_TOKEN, { issues: 'read', actions: 'read', repos: [REPO] })
  github.addToken(NO_ACTIONS_TOKEN, { issues: 'write', actions: 'none', repos: [REPO, OTHER_REPO] })
  github.addRun(REPO, THIS_RUN)
  github.addArtifact(REPO, THIS_RUN, 'deployment-artifacts', zip)
  github.addArtifact(REPO, 4001, 'deployment-artifacts', zip)
  github.addArtifact(REPO, 4001, 'test-results', Buffer.from('PK\x05\x06' + '\0'.repeat(18), 'binary'))
  github.addArtifact(REPO, 4002, 'deployment-artifacts', zip, { expired: true })
  github.addArtifact(REPO, 4003, 'deployment-artifacts', zip, { digestOverride: `sha256:${'0'.repeat(64)}` })
  github.addArtifact(OTHER_REPO, 7001, 'deployment-artifacts', zip)
  // More labelled issues than one page holds: the tracking issue is found on a later page.
  for (let i = 0; i < 120; i++) {
    github.seedIssue(REPO, {
      title: `Deploy note ${i}`,
      body: 'no marker',
      labels: ['deployment', 'preflight']
    })
  }
  // Look-alikes the action must not take for the staging tracking issue: a pull request and a closed
  // issue, both labelled and carrying the marker.
  for (const pullRequest of [true, false]) {
    github.seedIssue(REPO, {
      title: pullRequest ? 'A pull request quoting the marker' : 'Old, closed tracking issue',
      body: `${issueKeyMarker('staging')}\nold`,
      labels: ['deployment', 'preflight'],
      state: pullRequest ? 'open' : 'closed',
      pullRequest
    })
  }
})

afterAll(async () => {
  await github?.close()
  cleanupTempDirs()
})

let nextRunId = 6000

/**
 * Runs the action offline (these tests are about GitHub) in a workflow run of REPO: a fresh one unless
 * `runId` is given, as each real preflight runs in its own workflow run.
 */
async function preflight(
  inputs: Record<string, string>,
  token = JOB_TOKEN,
  runId?: number
): Promise<ActionRun> {
  const id = runId ?? nextRunId++
  if (runId === undefined) github.addRun(REPO, id)
  const run = await runAction(
    // The change checks have their own tests (changes.e2e.test.ts); this repository has no commits.
    { offline: 'true', kubeconfig: KUBECONFIG, 'check-changes': 'false', ...inputs },
    github.actionEnv(REPO, id),
    { githubToken: token }
  )
  runs.push(run)
  return run
}

function trackingIssues(key: string): ReturnType<GitHubEmulator['issues']> {
  return github.issues(REPO).filter(i => (i.body ?? '').includes(issueKeyMarker(key)))
}

const tickByHand = (number: number, id: string): Promise<void> =>
  github.tickByHand(REPO, number, id, JOB_TOKEN)

const manual = checklistItems().filter(i => !i.automated)

describe('the action with GitHub (emulated), run as the runner runs it', () => {
  let issueNumber = 0

  it('downloads the bundle from this run, verifies it, opens the tracking issue and uploads the rollback kit', async () => {
    const run = await preflight({ environment: 'staging' }, JOB_TOKEN, THIS_RUN)
    expect(run.stderr).toBe('')
    expect(run.outputs.decision).toBe('go')
    expect(run.exitCode).toBe(0)
    expect(run.outputs['bundle-source']).toMatch(
      new RegExp(`^https://github\\.com/${REPO}/actions/runs/${THIS_RUN}/artifacts/\\d+$`)
    )
    expect(run.stdout).toMatch(/artifact-download +.* from this run; digest sha256:[0-9a-f]{12}… verified/)
    const issues = trackingIssues('staging').filter(i => i.state === 'open' && !i.pullRequest)
    expect(issues).toHaveLength(1)
    const issue = issues[0]
    issueNumber = issue.number
    expect(issue.body).not.toMatch(/\nold$/)
    expect(run.outputs['issue-number']).toBe(String(issue.number))
    expect(run.outputs['issue-url']).toBe(`https://github.com/${REPO}/issues/${issue.number}`)
    expect(issue.labels).toEqual(expect.arrayContaining(['deployment', 'preflight']))
    expect(issue.title).toBe('Deployment preflight: staging')
    expect(issue.body).toMatch(/🟢 GO/)
    expect(issue.body).toContain(run.outputs['bundle-source'])
    expect(readTicks(issue.body ?? '').size).toBe(checklistItems().length)
    expect(issue.body).toMatch(/- \[x\] (?:🤖|👤) Create GitHub issue or ticket tracking the deployment/)
    expect(github.comments(REPO, issue.number)).toHaveLength(1)
    expect(github.comments(REPO, issue.number)[0].body).toMatch(/🟢 \*\*go\*\*/)
    // The lock label used to create the issue is gone again.
    expect(github.labels(REPO).filter(l => l.startsWith('preflight-lock-'))).toEqual([])
    const kit = github.uploadedArtifacts(THIS_RUN)
    expect(kit.map(a => a.name)).toEqual(['vapora-preflight-staging'])
    expect(kit[0].files.map(f => f.name)).toEqual(['report.json'])
    expect(run.summary).toMatch(
      new RegExp(
        `Rollback kit \\(report and ConfigMap backup\\): \\[artifact\\]\\(https://github\\.com/${REPO}/actions/runs/${THIS_RUN}/artifacts/${kit[0].id}\\)`
      )
    )
    // The uploaded report is the final one: it already holds the tracking issue's result.
    const uploaded = JSON.parse(kit[0].files[0].data.toString('utf8'))
    expect(uploaded.results.find((r: { id: string }) => r.id === 'tracking-issue')?.status).toBe('pass')
    expect(run.summary).toContain(`Tracking issue: [#${issue.number}]`)
  })

  it('a second run, from another run’s artifact, updates the same issue and keeps a person’s ticks', async () => {
    await tickByHand(issueNumber, manual[0].id)
    await tickByHand(issueNumber, manual[5].id)
    const run = await preflight({ environment: 'staging', 'run-id': '4001' })
    expect(run.outputs.decision).toBe('go')
    expect(run.outputs['issue-number']).toBe(String(issueNumber))
    expect(run.outputs['bundle-source']).toMatch(new RegExp(`/actions/runs/4001/artifacts/\\d+$`))
    const issues = trackingIssues('staging').filter(i => i.number === issueNumber)
    const ticks = readTicks(issues[0].body ?? '')
    expect(ticks.get(manual[0].id)?.ticked).toBe(true)
    expect(ticks.get(manual[5].id)?.ticked).toBe(true)
    expect(ticks.get(manual[1].id)?.ticked).toBe(false)
    expect(issues[0].body).toContain('/actions/runs/4001/artifacts/')
    expect(github.comments(REPO, issueNumber)).toHaveLength(2)
    expect(run.stdout).toMatch(/updated #\d+; kept 2 tick\(s\) made by people/)
  })

  it('retries 5xx and honours a 429 Retry-After, then succeeds', async () => {
    github.failNext({ method: 'GET', path: new RegExp(`^/repos/${REPO}/issues\\?`), status: 500 })
    github.failNext({
      method: 'PATCH',
      path: new RegExp(`^/repos/${REPO}/issues/\\d+$`),
      status: 429,
      retryAfter: 1
    })
    const started = Date.now()
    const run = await preflight({ environment: 'staging', 'run-id': '4001' })
    expect(run.outputs.decision).toBe('go')
    expect(run.outputs['issue-number']).toBe(String(issueNumber))
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000) // 1 s backoff + 1 s Retry-After
  })

  it('never reuses a closed tracking issue, and updates the one given as issue-number', async () => {
    await fetch(`${github.url}/repos/${REPO}/issues/${issueNumber}`, {
      method: 'PATCH',
      headers: { authorization: `token ${JOB_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'closed' })
    })
    const fresh = await preflight({ environment: 'staging', 'run-id': '4001' })
    expect(Number(fresh.outputs['issue-number'])).toBeGreaterThan(issueNumber)
    expect(trackingIssues('staging').filter(i => i.state === 'open' && !i.pullRequest)).toHaveLength(1)

    const chosen = github.seedIssue(REPO, { title: 'Release 1.4.1', body: 'Release notes.', labels: [] })
    const explicit = await preflight({
      environment: 'release',
      'run-id': '4001',
      'issue-number': String(chosen.number)
    })
    expect(explicit.outputs['issue-number']).toBe(String(chosen.number))
    const updated = github.issues(REPO).find(i => i.number === chosen.number)!
    expect(updated.labels).toEqual(['deployment', 'preflight'])
    expect(updated.body).toContain(issueKeyMarker('release'))
    expect(updated.body).toMatch(/\n---\n\nRelease notes\.$/)

    const foreign = await preflight({
      environment: 'canary',
      'run-id': '4001',
      'issue-number': String(chosen.number)
    })
    expect(foreign.outputs.decision).toBe('no-go')
    expect(foreign.stdout).toMatch(
      new RegExp(`issue-number: #${chosen.number} tracks "release", not "canary"`)
    )

    const closed = github.seedIssue(REPO, { title: 'Closed', body: 'x', labels: [], state: 'closed' })
    const refused = await preflight({ 'run-id': '4001', 'issue-number': String(closed.number) })
    expect(refused.outputs.decision).toBe('no-go')
    expect(refused.stdout).toMatch(new RegExp(`issue-number: #${closed.number} is closed; reopen it`))
  })

  it('reports and removes a hand tick on an automated item whose check fails', async () => {
    const downloadItem = checklistItems().find(i => i.checks?.includes('artifact-download'))!
    const first = await preflight({ environment: 'hotfix', 'run-id': '4003' })
    expect(first.outputs.decision).toBe('no-go')
    const number = Number(first.outputs['issue-number'])
    expect(readTicks(trackingIssues('hotfix')[0].body ?? '').get(downloadItem.id)?.ticked).toBe(false)
    await tickByHand(number, downloadItem.id)
    const second = await preflight({ environment: 'hotfix', 'run-id': '4003' })
    expect(second.outputs['issue-number']).toBe(String(number))
    const body = trackingIssues('hotfix')[0].body ?? ''
    expect(readTicks(body).get(downloadItem.id)?.ticked).toBe(false)
    expect(body).toMatch(/Ticks removed because the check now fails/)
    expect(second.stdout).toMatch(/::warning::Tracking issue: ".*" was ticked by hand but its check fails/)
    expect(second.summary).toMatch(/⚠️ tick removed from ".*": ticked by hand, but .*published digest/)
  })

  it('require-manual: no-go listing the unticked manual items, then go once people ticked them', async () => {
    const required = checklistItems().filter(
      i => !i.automated && !i.optional && BEFORE_DEPLOY_SECTIONS.has(i.id.split('.')[0])
    )
    const first = await preflight({ environment: 'gate', 'run-id': '4001', 'require-manual': 'true' })
    expect(first.outputs.decision).toBe('no-go')
    expect(first.outputs['failed-checks']).toBe('manual-items')
    const number = Number(first.outputs['issue-number'])
    expect(first.stdout).toMatch(
      new RegExp(
        `manual-items +\\[blocks\\] ${required.length} required manual item\\(s\\) not ticked yet in https://github\\.com/${REPO}/issues/${number}`
      )
    )
    expect(first.summary).toContain(required[0].id)
    expect(trackingIssues('gate')[0].body).toMatch(/🔴 NO-GO/)
    for (const item of required.slice(0, -1)) await tickByHand(number, item.id)
    const almost = await preflight({ environment: 'gate', 'run-id': '4001', 'require-manual': 'true' })
    expect(almost.outputs.decision).toBe('no-go')
    expect(almost.stdout).toMatch(/1 required manual item\(s\) not ticked yet/)
    await tickByHand(number, required[required.length - 1].id)
    const done = await preflight({ environment: 'gate', 'run-id': '4001', 'require-manual': 'true' })
    expect(done.outputs.decision).toBe('go')
    expect(done.stdout).toMatch(/manual-items +every required manual item is ticked/)
    expect(trackingIssues('gate')[0].body).toMatch(/🟢 GO/)
  })

  it('posts the decision to a Slack webhook, with the issue link; a failing webhook only warns', async () => {
    const received: Array<{ path: string; body: { text: string } }> = []
    let status = 200
    const receiver = http.createServer((req, res) => {
      let body = ''
      req.on('data', chunk => (body += chunk))
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: JSON.parse(body) })
        res.writeHead(status).end(status === 200 ? 'ok' : 'invalid_token')
      })
    })
    await new Promise<void>(resolve => receiver.listen(0, '127.0.0.1', () => resolve()))
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/services/T0/B0/slack-secret-part-123`
    try {
      const run = await preflight({ environment: 'staging', 'run-id': '4001', 'slack-webhook-url': hook })
      expect(run.outputs.decision).toBe('go')
      expect(received).toHaveLength(1)
      expect(received[0].path).toBe('/services/T0/B0/slack-secret-part-123')
      expect(received[0].body.text).toMatch(/:large_green_circle: \*GO\* — Vapora preflight for \*staging\*/)
      expect(received[0].body.text).toContain(`<${run.outputs['issue-url']}|tracking issue>`)
      expect(run.stdout).toMatch(/slack-webhook +decision posted to Slack \(127\.0\.0\.1:\d+\)/)
      status = 500
      const failing = await preflight({ environment: 'staging', 'run-id': '4001', 'slack-webhook-url': hook })
      expect(failing.outputs.decision).toBe('go')
      expect(failing.stdout).toMatch(/::warning::Slack \(127\.0\.0\.1:\d+\) answered 500: invalid_token/)
      for (const r of [run, failing]) {
        const visible = r.stdout
          .split('\n')
          .filter(line => !line.startsWith('::add-mask::'))
          .join('\n')
        expect(visible + r.summary + readFileSync(r.outputs['report-path'], 'utf8')).not.toContain(
          'slack-secret-part-123'
        )
      }
    } finally {
      await new Promise(resolve => receiver.close(resolve))
    }
  })

  it('ten runs at once open exactly one issue, and each leaves its comment', async () => {
    const all = await Promise.all(
      Array.from({ length: 10 }, () => preflight({ environment: 'production', 'run-id': '4001' }))
    )
    expect(all.map(r => r.outputs.decision)).toEqual(Array(10).fill('go'))
    const issues = trackingIssues('production')
    expect(issues).toHaveLength(1)
    expect(new Set(all.map(r => r.outputs['issue-number']))).toEqual(new Set([String(issues[0].number)]))
    expect(github.comments(REPO, issues[0].number)).toHaveLength(10)
    expect(github.labels(REPO).filter(l => l.startsWith('preflight-lock-'))).toEqual([])
  })

  it('ten runs at once where labels cannot be made still leave exactly one open issue', async () => {
    github.failNext({ method: 'POST', path: `/repos/${REPO}/labels`, status: 404, times: 10 })
    const all = await Promise.all(
      Array.from({ length: 10 }, () => preflight({ environment: 'unlocked', 'run-id': '4001' }))
    )
    expect(all.map(r => r.outputs.decision)).toEqual(Array(10).fill('go'))
    github.clearKnobs() // runs that found the issue at once never asked for the lock
    const open = trackingIssues('unlocked').filter(i => i.state === 'open')
    expect(open).toHaveLength(1)
    expect(new Set(all.map(r => r.outputs['issue-number']))).toEqual(new Set([String(open[0].number)]))
  })

  it('takes over a lock left behind by a run that died, and does without one where labels cannot be made', async () => {
    const response = await fetch(`${github.url}/repos/${REPO}/labels`, {
      method: 'POST',
      headers: { authorization: `token ${JOB_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: lockLabel('canary'),
        description: 'vapora-preflight lock 2026-01-01T00:00:00.000Z'
      })
    })
    expect(response.status).toBe(201)
    const run = await preflight({ environment: 'canary', 'run-id': '4001' })
    expect(run.outputs.decision).toBe('go')
    expect(trackingIssues('canary')).toHaveLength(1)
    expect(github.labels(REPO)).not.toContain(lockLabel('canary'))

    github.failNext({ method: 'POST', path: `/repos/${REPO}/labels`, status: 404 })
    const unlocked = await preflight({ environment: 'edge', 'run-id': '4001' })
    expect(unlocked.outputs.decision).toBe('go')
    expect(trackingIssues('edge')).toHaveLength(1)
  })

  it('is no-go with a specific message for an expired, a missing and a forbidden artifact', async () => {
    const expired = await preflight({ 'run-id': '4002', 'tracking-issue': 'false' })
    expect(expired.outputs.decision).toBe('no-go')
    expect(expired.outputs['failed-checks']).toMatch(/artifact-download/)
    expect(expired.stdout).toMatch(
      /artifact "deployment-artifacts" \(id \d+\) of run 4002 of vapora\/app expired/
    )
    expect(expired.summary).toMatch(/raise retention-days on its upload step/)

    const missing = await preflight({
      'run-id': '4001',
      'artifact-name': 'deploy-bundle',
      'tracking-issue': 'false'
    })
    expect(missing.outputs.decision).toBe('no-go')
    expect(missing.stdout).toMatch(
      /artifact "deploy-bundle" not found in run 4001 of vapora\/app; it has: "deployment-artifacts", "test-results"/
    )

    const forbidden = await preflight({ 'run-id': '4001', 'tracking-issue': 'false' }, NO_ACTIONS_TOKEN)
    expect(forbidden.outputs.decision).toBe('no-go')
    expect(forbidden.stdout).toMatch(
      /the token lacks permission \(403 .*\)\. Give the job `permissions: actions: read`/
    )

    github.failNext({ method: 'GET', path: /\/actions\/artifacts\/\d+\/zip$/, status: 410 })
    const gone = await preflight({ 'run-id': '4001', 'tracking-issue': 'false' })
    expect(gone.outputs.decision).toBe('no-go')
    expect(gone.stdout).toMatch(/artifact "deployment-artifacts" \(id \d+\) of run 4001 has expired/)

    const notInThisRun = await preflight({ 'tracking-issue': 'false' })
    expect(notInThisRun.outputs.decision).toBe('no-go')
    expect(notInThisRun.stdout).toMatch(
      /artifact "deployment-artifacts" not found in this run; it has no artifacts yet/
    )

    const badToken = await preflight(
      { 'run-id': '4001', 'tracking-issue': 'false' },
      'ghs_revokedToken0000000000000000000009'
    )
    expect(badToken.outputs.decision).toBe('no-go')
    expect(badToken.stdout).toMatch(/GitHub rejected the token \(401 Bad credentials\)/)

    const noToken = await preflight({ 'run-id': '4001', 'tracking-issue': 'false' }, '')
    expect(noToken.outputs.decision).toBe('no-go')
    expect(noToken.stdout).toMatch(
      /github-token: empty; downloading from run 4001 of vapora\/app needs a token with actions: read/
    )

    const noRun = await preflight({ 'run-id': '999999', 'tracking-issue': 'false' })
    expect(noRun.stdout).toMatch(/workflow run 999999 not found in vapora\/app/)

    const wrongRepo = await preflight({
      repository: 'vapora/nope',
      'run-id': '7001',
      'tracking-issue': 'false'
    })
    expect(wrongRepo.outputs.decision).toBe('no-go')
    expect(wrongRepo.stdout).toMatch(/repository "vapora\/nope" not found, or the token cannot see it/)

    const otherRepo = await preflight({ repository: OTHER_REPO, 'run-id': '7001', 'tracking-issue': 'false' })
    expect(otherRepo.outputs.decision).toBe('go')
    expect(otherRepo.outputs['bundle-source']).toMatch(/vapora\/builds\/actions\/runs\/7001\/artifacts\//)
  })

  it('warns, without blocking, when the rollback kit cannot be uploaded', async () => {
    github.failNext({ method: 'POST', path: /ArtifactService\/CreateArtifact$/, status: 403 })
    const run = await preflight({ 'run-id': '4001', 'tracking-issue': 'false' })
    expect(run.outputs.decision).toBe('go')
    expect(run.stdout).toMatch(
      /::warning::rollback kit not kept: uploading artifact "vapora-preflight-staging": .*copy it before the job ends/
    )
    expect(run.summary).toMatch(/`rollback-kit-upload`: rollback kit not kept/)
  })

  it('is no-go when the artifact does not match its published digest', async () => {
    const run = await preflight({ 'run-id': '4003', 'tracking-issue': 'false' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.decision).toBe('no-go')
    expect(run.outputs['failed-checks']).toMatch(/^artifact-download/)
    expect(run.stdout).toMatch(/does not match its published digest sha256:0{64}/)
  })

  it('fails closed, naming the permission, when the token cannot write issues', async () => {
    const run = await preflight({ environment: 'qa', 'run-id': '4001' }, READ_ISSUES_TOKEN)
    expect(run.outputs.decision).toBe('no-go')
    expect(run.outputs['failed-checks']).toBe('tracking-issue')
    expect(run.stdout).toMatch(/permissions: issues: write/)
    expect(trackingIssues('qa')).toEqual([])
    // GitHub refusing the body (422) is a failure with GitHub's reason, not a crash.
    github.failNext({ method: 'POST', path: `/repos/${REPO}/issues`, status: 422 })
    const refused = await preflight({ environment: 'qa', 'run-id': '4001' })
    expect(refused.outputs.decision).toBe('no-go')
    expect(refused.outputs['failed-checks']).toBe('tracking-issue')
    expect(refused.stdout).toMatch(/creating the tracking issue in vapora\/app: 422 /)
  })

  it('never lets a secret reach the logs, summary, outputs, report, issues or comments', () => {
    const issues = github.issues(REPO)
    const produced = [
      ...runs.flatMap(r => [
        r.stdout
          .split('\n')
          .filter(line => !line.startsWith('::add-mask::'))
          .join('\n'),
        r.stderr,
        r.summary,
        JSON.stringify(r.outputs),
        r.outputs['report-path'] ? readFileSync(r.outputs['report-path'], 'utf8') : ''
      ]),
      ...issues.flatMap(i => [i.title, i.body ?? '', ...github.comments(REPO, i.number).map(c => c.body)]),
      ...[THIS_RUN, ...Array.from({ length: nextRunId - 6000 }, (_, i) => 6000 + i)].flatMap(id =>
        github.uploadedArtifacts(id).flatMap(a => a.files.map(f => f.data.toString('utf8')))
      )
    ].join('\n')
    expect(runs.length).toBeGreaterThanOrEqual(15)
    for (const secret of SECRETS) expect(produced).not.toContain(secret)
    // The tokens the runs used were registered as secrets with the runner.
    expect(runs[0].stdout).toContain(`::add-mask::${JOB_TOKEN}`)
  })

  it('the CLI downloads another run’s artifact too, with the token from GITHUB_TOKEN, keeping stdout clean', async () => {
    const child = spawn(
      process.execPath,
      [
        'dist/cli.js',
        '--artifact',
        'deployment-artifacts',
        '--run-id',
        '4001',
        '--repository',
        REPO,
        '--offline',
        '--format',
        'json'
      ],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: tempDir('cli-home-'),
          GITHUB_TOKEN: JOB_TOKEN,
          GITHUB_API_URL: github.url
        }
      }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    const code = await new Promise<number | null>(resolve => child.on('close', resolve))
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.decision).toBe('go')
    expect(report.bundle.origin).toMatchObject({
      repository: REPO,
      runId: 4001,
      name: 'deployment-artifacts'
    })
    expect(stderr).toMatch(/✓ artifact-download /)
    expect(stdout + stderr).not.toContain(JOB_TOKEN)
  })

  it('sent and received only what GitHub’s OpenAPI description allows', () => {
    expect(github.exchanges.length).toBeGreaterThan(50)
    expect(github.violations()).toEqual([])
  })
})

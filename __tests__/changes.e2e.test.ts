/**
 * The change checks end to end: `node dist/index.js` as the runner spawns it, against the GitHub
 * emulator's commits, branches, tags, pull requests and reviews (every exchange OpenAPI-validated).
 * The last go travels through the tracking issue, as between real runs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAction, type ActionRun } from '../test/action-runner.js'
import { EXAMPLE_BUNDLE, EXAMPLE_ZIP, cleanupTempDirs, tempDir } from '../test/fixtures.js'
import { startGitHubEmulator, type GitHubEmulator } from '../test/github/emulator.js'
import { issueKeyMarker } from '../src/report/issue-body.js'
import { readLastGo } from '../src/report/commit-list.js'

const REPO = 'vapora/app'
const TOKEN = 'ghs_changeChecksToken0000000000000000001'
const NO_CONTENTS = 'ghs_noContentsReadToken000000000000002'
const NO_PULLS = 'ghs_noPullRequestsToken000000000000003'

let github: GitHubEmulator
const runs: ActionRun[] = []
let nextRunId = 9000

beforeAll(async () => {
  github = await startGitHubEmulator()
  github.addRepo(REPO)
  const everything = { issues: 'write', actions: 'read', contents: 'read', pull_requests: 'read' } as const
  github.addToken(TOKEN, { ...everything, repos: [REPO] })
  github.addToken(NO_CONTENTS, { ...everything, contents: 'none', repos: [REPO] })
  github.addToken(NO_PULLS, { ...everything, pull_requests: 'none', repos: [REPO] })
})

afterAll(async () => {
  await github?.close()
  cleanupTempDirs()
})

/** One preflight in a fresh workflow run of REPO on `sha` (offline: these tests are about GitHub). */
async function preflight(
  sha: string,
  inputs: Record<string, string> = {},
  options: { token?: string; ref?: string } = {}
): Promise<ActionRun> {
  const id = nextRunId++
  github.addRun(REPO, id, { headSha: sha })
  const run = await runAction(
    { offline: 'true', 'bundle-path': EXAMPLE_BUNDLE, environment: 'production', ...inputs },
    { ...github.actionEnv(REPO, id), GITHUB_SHA: sha, GITHUB_REF: options.ref ?? 'refs/heads/main' },
    { githubToken: options.token ?? TOKEN }
  )
  runs.push(run)
  return run
}

function trackingBody(key = 'production'): string {
  return github.issues(REPO).find(i => i.state === 'open' && (i.body ?? '').includes(issueKeyMarker(key)))
    ?.body as string
}

/** A policy file in a fresh directory; returns its path. */
function policy(text: string): string {
  const path = join(tempDir('policy-'), 'preflight-policy.yml')
  writeFileSync(path, text)
  return path
}

describe('change checks against the emulator', () => {
  let root: string
  let reviewed: string
  let direct: string
  let unapproved: string
  let reviewedPull: number
  let unapprovedPull: number
  let mainHead: string

  it('first run: the head of main passes, no earlier go to compare with, and the go is recorded', async () => {
    root = github.addCommit(REPO, { message: 'Initial provisioning' })
    github.setBranch(REPO, 'main', root)
    const run = await preflight(root)
    expect(run.outputs.decision).toBe('go')
    expect(run.stdout).toMatch(/git-main +[0-9a-f]{7} is the head of main/)
    expect(run.stdout).toMatch(/git-history +not applicable: no earlier go is recorded/)
    const body = trackingBody()
    expect(readLastGo(body)).toMatchObject({ sha: root, repository: REPO })
    expect(body).toMatch(/Last go: `[0-9a-f]{7}` of vapora\/app/)
    // The first run verified nothing about history: that item is not ticked.
    expect(body).toMatch(/- \[ \] (?:🤖|👤) Check git log for unexpected commits/)
    expect(body).toMatch(/- \[x\] (?:🤖|👤) Confirm main branch has latest changes/)
  })

  it('lists the commits since the last go and flags a direct push and an unapproved merge: no-go', async () => {
    // Through a pull request approved by a reviewer (after one asked for changes): the accepted way.
    const feature = github.addCommit(REPO, { message: 'Raise backend replicas to 3', parents: [root] })
    reviewed = github.addCommit(REPO, { message: 'Merge pull request: replicas', parents: [root, feature] })
    reviewedPull = github.addPull(REPO, { title: 'Replicas', commits: [feature], mergeCommitSha: reviewed })
    github.addReview(REPO, reviewedPull, { user: 'alice', state: 'CHANGES_REQUESTED' })
    github.addReview(REPO, reviewedPull, { user: 'alice', state: 'APPROVED' })
    // Pushed straight to main.
    direct = github.addCommit(REPO, { message: 'hotfix: bump llm-router image', parents: [reviewed] })
    // Merged, but only commented on.
    unapproved = github.addCommit(REPO, { message: 'Tune agent pool [skip ci]', parents: [direct] })
    unapprovedPull = github.addPull(REPO, { title: 'Agents', commits: [unapproved] })
    github.addReview(REPO, unapprovedPull, { user: 'bob', state: 'COMMENTED' })
    github.setBranch(REPO, 'main', unapproved)

    const run = await preflight(unapproved)
    expect(run.outputs.decision).toBe('no-go')
    expect(run.outputs['failed-checks']).toBe('git-history')
    expect(run.stdout).toMatch(/✓ git-main /)
    expect(run.stdout).toMatch(
      /git-history +\[blocks\] 2 of 4 commit\(s\) since the last go \([0-9a-f]{7}, [^)]+\) did not arrive through a merged, approved pull request/
    )
    expect(run.stdout).toContain('not from a merged pull request (pushed directly?)')
    expect(run.stdout).toContain(`PR #${unapprovedPull} merged without an approving review`)
    const body = trackingBody()
    expect(body).toContain('### Commits since the last go')
    expect(body).toContain('**2 flagged**')
    expect(body).toContain(direct.slice(0, 7))
    expect(body).toContain(`[#${reviewedPull}]`)
    expect(body).toMatch(/hotfix: bump llm-router image — octocat — ⚠️ \*\*not from a merged pull request/)
    // A no-go does not move the record: the next run still lists everything since the root.
    expect(readLastGo(body)?.sha).toBe(root)
    expect(body).toMatch(/- \[ \] 🤖 Check git log for unexpected commits — ❌ /)
    expect(body).toMatch(/- \[ \] 🤖 All provisioning changes merged and code reviewed — ❌ /)
    expect(run.summary).toContain('### Commits since the last go')
  })

  it('a policy making git-history a warning lets the team accept them; the go then moves the record', async () => {
    const accepted = await preflight(unapproved, {
      policy: policy('checks:\n  git-history: warning\n')
    })
    expect(accepted.outputs.decision).toBe('go')
    expect(accepted.outputs.warnings).toContain('git-history')
    expect(readLastGo(trackingBody())?.sha).toBe(unapproved)
    const again = await preflight(unapproved)
    expect(again.outputs.decision).toBe('go')
    expect(again.stdout).toMatch(/git-history +no new commits since the last go/)
  })

  it('only approved pull requests since the last go: pass, listing them', async () => {
    const change = github.addCommit(REPO, { message: 'Add enterprise mode TLS', parents: [unapproved] })
    const pull = github.addPull(REPO, { title: 'TLS', commits: [change], mergeCommitSha: change })
    github.addReview(REPO, pull, { user: 'carol', state: 'APPROVED' })
    github.setBranch(REPO, 'main', change)
    const run = await preflight(change)
    expect(run.outputs.decision).toBe('go')
    expect(run.stdout).toMatch(
      new RegExp(
        `git-history +1 commit\\(s\\) since the last go .*all through merged, approved pull requests \\(#${pull}\\)`
      )
    )
    expect(readLastGo(trackingBody())?.sha).toBe(change)
  })

  it('git-main: behind the head blocks unless a tag points at it; a commit never merged blocks', async () => {
    const head = github.addCommit(REPO, { message: 'Newer work', parents: [readLastGo(trackingBody())!.sha] })
    github.setBranch(REPO, 'main', head)
    mainHead = head
    const older = readLastGo(trackingBody())!.sha
    const behind = await preflight(older, { 'tracking-issue': 'false' })
    expect(behind.outputs.decision).toBe('no-go')
    expect(behind.stdout).toMatch(/git-main +\[blocks\] [0-9a-f]{7} is 1 commit\(s\) behind the head of main/)
    // The run's ref names the tag: no listing needed.
    const byRef = await preflight(older, { 'tracking-issue': 'false' }, { ref: 'refs/tags/v1.4.0' })
    expect(byRef.stdout).toMatch(/git-main +[0-9a-f]{7} is tag v1\.4\.0 on main/)
    // Found by listing the tags (e.g. a dispatch run on main deploying a release).
    github.addTag(REPO, 'v1.4.1', older)
    const listed = await preflight(older, { 'tracking-issue': 'false', commit: older })
    expect(listed.stdout).toMatch(/git-main +[0-9a-f]{7} is tag v1\.4\.1 on main/)
    const branch = github.addCommit(REPO, { message: 'Experiment', parents: [head] })
    const unmerged = await preflight(branch, { 'tracking-issue': 'false' })
    expect(unmerged.stdout).toMatch(
      /git-main +\[blocks\] [0-9a-f]{7} is not on main: 1 commit\(s\) of it were never merged/
    )
    const unknown = await preflight('f'.repeat(40), { 'tracking-issue': 'false' })
    expect(unknown.outputs.decision).toBe('no-go')
    expect(unknown.stdout).toMatch(/git-main +\[blocks\] commit fffffff is not in vapora\/app/)
  })

  it('missing permissions are errors that name them, never a silent go', async () => {
    const noContents = await preflight(readLastGo(trackingBody())!.sha, {}, { token: NO_CONTENTS })
    expect(noContents.outputs.decision).toBe('no-go')
    expect(noContents.stdout).toMatch(/git-main +\[blocks\] .*permissions: contents: read/)
    // The head of main is one commit past the last go: listing its pull requests needs pull-requests: read.
    const noPulls = await preflight(mainHead, {}, { token: NO_PULLS })
    expect(noPulls.outputs.decision).toBe('no-go')
    expect(noPulls.stdout).toMatch(/✓ git-main /)
    expect(noPulls.stdout).toMatch(/git-history +\[blocks\] .*permissions: pull-requests: read/)
  })

  it("a bundle from another run: that run's commit is what is deployed, and what is checked", async () => {
    const builtFrom = github.addCommit(REPO, { message: 'Built by CI, never merged', parents: [mainHead] })
    github.addRun(REPO, 4100, { headSha: builtFrom })
    github.addArtifact(REPO, 4100, 'deployment-artifacts', readFileSync(EXAMPLE_ZIP))
    const run = await preflight(mainHead, { 'bundle-path': '', 'run-id': '4100', 'tracking-issue': 'false' })
    expect(run.outputs.decision).toBe('no-go')
    expect(run.stdout).toMatch(
      new RegExp(
        `git-main +\\[blocks\\] ${builtFrom.slice(0, 7)} is not on main: .*\\(the run that built the bundle \\(https://github\\.com/${REPO}/actions/runs/4100\\)\\)`
      )
    )
  })

  it('a bad commit input is refused with how to fix it; check-changes: false turns both off', async () => {
    const bad = await preflight(root, { commit: 'main' })
    expect(bad.outputs.decision).toBe('no-go')
    expect(bad.stdout).toMatch(/commit: "main" is not a full commit sha/)
    const off = await preflight(root, { 'check-changes': 'false', 'tracking-issue': 'false' })
    expect(off.outputs.decision).toBe('go')
    expect(off.stdout).toMatch(/git-main +not applicable: no commit to check \(check-changes is off/)
  })

  it("no exchange broke GitHub's OpenAPI description, and no token was printed", () => {
    expect(github.violations()).toEqual([])
    for (const run of runs) {
      const visible = run.stdout
        .split('\n')
        .filter(line => !line.startsWith('::add-mask::'))
        .join('\n')
      for (const secret of [TOKEN, NO_CONTENTS, NO_PULLS]) {
        expect(visible + run.summary).not.toContain(secret)
      }
    }
  })
})

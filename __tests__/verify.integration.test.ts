/**
 * Verify mode (issue 6) end to end: `node dist/index.js` as the runner spawns it, against the REAL test
 * cluster and the GitHub emulator (the tracking issue carries the preflight's record to the verify run).
 * Every rollout here is real: a new image applied → the deployment controller's ReplicaSets → the
 * scheduler binds the pods → kwok runs them → Ready. A rollout that never becomes Ready, or pods that
 * restart, are kwok Stages chosen by a pod-template label (test/cluster/kwok/stages.yaml).
 * Its own namespace, so it can run beside cluster.integration.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expectRendersOnGitHub } from '../test/gfm.js'
import { expectValidReport } from '../test/report-schema.js'
import { runAction, type ActionRun } from '../test/action-runner.js'
import {
  ADMIN_KUBECONFIG,
  apply,
  ensureCluster,
  kubectl,
  kubectlJson,
  kwokNode,
  pods,
  STAGE_LABEL,
  waitFor,
  waitForRollouts,
  type PodStage
} from '../test/cluster-harness.js'
import { EXAMPLE_BUNDLE, REPO_ROOT, cleanupTempDirs, tempDir } from '../test/fixtures.js'
import { startGitHubEmulator, type GitHubEmulator } from '../test/github/emulator.js'
import { issueKeyMarker } from '../src/report/issue-body.js'
import { readRecord } from '../src/report/preflight-record.js'
import { kubeconfigSecrets } from '../src/kube/config.js'

const NS = 'vapora-verify'
const NODE = 'node-1'
const REPO = 'vapora/app'
const TOKEN = 'ghs_verifyModeToken00000000000000000001'
const KEY = 'production'

let github: GitHubEmulator
let kubeconfig = ''
let serverVersion = ''
let nextRunId = 7000
const runs: ActionRun[] = []

interface BundleChange {
  /** One Deployment's image at another tag. */
  override?: { deployment: string; tag: string }
  /** One Deployment's pods played by a kwok Stage (a label on its pod template). */
  stage?: { deployment: string; stage: PodStage }
}

/** The example bundle in NS with every image at `tag`, and optionally one Deployment changed. */
function bundle(tag: string, change: BundleChange = {}): string {
  const dir = tempDir('verify-bundle-')
  cpSync(EXAMPLE_BUNDLE, dir, { recursive: true })
  const { override, stage } = change
  for (const file of ['configmap.yaml', 'deployment.yaml']) {
    const text = readFileSync(join(EXAMPLE_BUNDLE, file), 'utf8')
      .replace(/namespace: vapora\b/g, `namespace: ${NS}`)
      .replace(/(ghcr\.io\/[\w./-]+):[\w.-]+/g, `$1:${tag}`)
      .split(/^---$/m)
      .map(doc => {
        if (override && doc.includes(`name: ${override.deployment}\n`))
          doc = doc.replace(/(ghcr\.io\/[\w./-]+):[\w.-]+/g, `$1:${override.tag}`)
        if (stage && doc.includes(`name: ${stage.deployment}\n`))
          doc = doc.replace(
            /\n {4}metadata:\n {6}labels:\n/,
            `\n    metadata:\n      labels:\n        ${STAGE_LABEL}: ${stage.stage}\n`
          )
        return doc
      })
      .join('---')
    writeFileSync(join(dir, file), text)
  }
  return dir
}

/** What the deploy job does: apply the bundle's manifests. */
function deploy(dir: string): void {
  for (const file of ['configmap.yaml', 'deployment.yaml']) apply(readFileSync(join(dir, file), 'utf8'))
}

async function action(inputs: Record<string, string>): Promise<ActionRun> {
  const id = nextRunId++
  github.addRun(REPO, id)
  const run = await runAction(
    {
      namespace: NS,
      kubeconfig,
      'kubectl-version': serverVersion,
      environment: KEY,
      'check-changes': 'false',
      'upload-rollback-kit': 'false',
      ...inputs
    },
    { ...github.actionEnv(REPO, id), GITHUB_ACTOR: 'deploy-lead' },
    { githubToken: TOKEN }
  )
  runs.push(run)
  return run
}

const preflight = (dir: string) => action({ 'bundle-path': dir })
const verify = (dir: string, extra: Record<string, string> = {}) =>
  action({ 'bundle-path': dir, mode: 'verify', 'ready-timeout': '90s', ...extra })

function trackingIssue() {
  return github
    .issues(REPO)
    .filter(i => (i.body ?? '').includes(issueKeyMarker(KEY)))
    .sort((a, b) => b.number - a.number)[0]
}

const revisionOf = (name: string): number =>
  Number(
    kubectlJson<{ metadata: { annotations: Record<string, string> } }>(['get', 'deployment', name, '-n', NS])
      .metadata.annotations['deployment.kubernetes.io/revision']
  )

let healthServer: ChildProcess | undefined
let healthUrl = ''

/** A stand-in for the Vapora backend in its own process (this one blocks on kubectl while staging pods). */
async function startHealthServer(): Promise<void> {
  healthServer = spawn(process.execPath, [
    '-e',
    "require('http').createServer((q, s) => s.writeHead(200, {'content-type': 'application/json'}).end('{\"ok\":true}')).listen(0, '127.0.0.1', function () { console.log(this.address().port) })"
  ])
  const port = await new Promise<string>(resolve =>
    healthServer!.stdout!.once('data', d => resolve(String(d).trim()))
  )
  healthUrl = `http://127.0.0.1:${port}`
}

beforeAll(async () => {
  await startHealthServer()
  ensureCluster()
  serverVersion = kubectlJson<{ serverVersion: { gitVersion: string } }>(['version']).serverVersion.gitVersion
  kubeconfig = Buffer.from(readFileSync(ADMIN_KUBECONFIG, 'utf8')).toString('base64')
  await kwokNode(NODE)
  apply(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${NS}\n`)
  kubectl(['delete', 'deployments,replicasets', '--all', '-n', NS, '--wait=false'])
  kubectl(['delete', 'pods', '--all', '-n', NS, '--grace-period=0', '--force', '--wait=false'])
  deploy(bundle('1.0.0'))
  await waitForRollouts(NS)
  github = await startGitHubEmulator()
  github.addRepo(REPO)
  github.addToken(TOKEN, { issues: 'write', actions: 'read', repos: [REPO] })
}, 180_000)

afterAll(async () => {
  healthServer?.kill()
  await github?.close()
  cleanupTempDirs()
})

describe('verify mode on the real cluster', () => {
  it('a deploy that rolls out: verified, success items ticked, record and sign-off filled, issue closed', async () => {
    const next = bundle('2.0.0')
    const before = await action({
      'bundle-path': next,
      'health-url': `${healthUrl}/health`,
      'api-urls': '/api/projects'
    })
    expect(before.stdout).toMatch(/baseline +recorded 2 endpoint\(s\)/)
    expect(before.outputs['issue-number']).not.toBe('')
    const record = readRecord(trackingIssue().body ?? '', issueKeyMarker(KEY))!
    expect(record.revisions['vapora-backend']).toBe(revisionOf('vapora-backend'))
    expect(record.undoCommands).toContain(
      `kubectl rollout undo deployment/vapora-backend -n ${NS} --to-revision=${record.revisions['vapora-backend']}`
    )

    // The deploy job applies the new images; the verify run starts at once and watches the rollout.
    deploy(next)
    const run = await verify(next, {
      'close-on-success': 'true',
      'health-url': `${healthUrl}/health`,
      'api-urls': '/api/projects'
    })
    // Nothing was staged: the new ReplicaSets' pods were bound by the scheduler and run by kwok.
    const backend = pods(NS).filter(p => p.metadata.name.startsWith('vapora-backend-'))
    expect(backend).toHaveLength(2)
    for (const pod of backend) {
      expect(pod.spec.containers[0].image).toMatch(/:2\.0\.0$/)
      expect(pod.spec.nodeName).toBe(NODE)
      expect(pod.status?.conditions).toContainEqual(
        expect.objectContaining({ type: 'Ready', status: 'True' })
      )
      const scheduled = kubectl([
        'get',
        'events',
        '-n',
        NS,
        '--field-selector',
        `involvedObject.name=${pod.metadata.name},reason=Scheduled`,
        '-o',
        'jsonpath={.items[*].message}'
      ])
      expect(scheduled).toContain(`Successfully assigned ${NS}/${pod.metadata.name} to ${NODE}`)
    }
    expect(run.stdout).toMatch(
      /verify-pods-ready +3 Deployment\(s\) rolled out, every pod Ready \(\d+(\.\d)? s after/
    )
    expect(run.stdout).toMatch(/✓ verify-health /)
    expect(run.stdout).toMatch(/✓ verify-api /)
    expect(run.stdout).toMatch(/verify-metrics +latency and errors within 2× the baseline/)
    expect(run.stdout).toMatch(/✓ verify-images /)
    expect(run.outputs.verified).toBe('true')
    expect(run.outputs['rollback-detected']).toBe('false')
    expect(Number(run.outputs.duration)).toBeGreaterThanOrEqual(0)
    expect(run.exitCode).toBe(0)
    const issue = trackingIssue()
    expect(issue.state).toBe('closed')
    const body = issue.body ?? ''
    expect(body).toContain('### ✅ Deployment verified')
    expect(body).toMatch(/\| Deployment start time \(UTC\) \| \d{4}-\d\d-\d\dT/)
    expect(body).toMatch(/\| Rollback performed \| No \|/)
    expect(body).toContain('DEPLOYMENT COMPLETED')
    expect(body).toContain('✓ All pods running')
    expect(body).toContain('Deployed by: deploy-lead')
    expect(body).toContain('✓ Health checks passing')
    expect(body).toMatch(
      /\| `http:\/\/127\.0\.0\.1:\d+\/api\/projects` \| [\d.]+ ms \| — \| [\d.]+ ms \| — \| 0\/5 \| 0\/5 \|/
    )
    expect(body).toMatch(
      /- \[x\] (?:🤖|👤) All three deployments have updated image IDs .*ticked-by=preflight/
    )
    expect(body).toMatch(/- \[x\] (?:🤖|👤) All pods reach "Ready" state within 5 minutes/)
    expect(body).toMatch(/- \[x\] (?:🤖|👤) Deployment start time \(UTC\) — ✅ start \d{4}-/)
    expect(body).toMatch(/- \[x\] (?:🤖|👤) Rollback performed \(Y\/N\) — ✅ .*rollback no/)
    // What only people know stays for them.
    expect(body).toMatch(/- \[ \] (?:🤖|👤) Team members involved <!--/)
    // The preflight's own ticks are untouched by the verify run.
    expect(body).toMatch(/- \[x\] (?:🤖|👤) Validate manifest syntax/)
    expect(github.comments(REPO, issue.number).at(-1)?.body).toMatch(/✅ \*\*Deployment verified\*\*/)
    expect(run.summary).toContain('DEPLOYMENT COMPLETED')
  })

  it('the CLI verifies too, against the preflight JSON report (exit 0 verified, 2 on a bad report)', async () => {
    // State now: the 2.0.0 deploy of the first test, verified. Its preflight's report is the reference.
    const preflightReport = runs[0].outputs['report-path']
    const cli = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>(resolve => {
        const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), ...args])
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', d => (stdout += d))
        child.stderr.on('data', d => (stderr += d))
        child.on('close', code => resolve({ code, stdout, stderr }))
      })
    const common = [
      '--verify',
      '--bundle',
      bundle('2.0.0'),
      '--namespace',
      NS,
      '--kubeconfig',
      ADMIN_KUBECONFIG
    ]
    // The preflight probed the endpoints: the verify must probe them again, or the comparison fails.
    const unprobed = await cli([...common, '--preflight-report', preflightReport])
    expect(unprobed.code).toBe(1)
    expect(unprobed.stderr).toMatch(/verify-metrics +\[blocks\] .*\/health was not probed after the deploy/)
    const verified = [
      ...common,
      '--preflight-report',
      preflightReport,
      '--ready-timeout',
      '30s',
      '--health-url',
      `${healthUrl}/health`,
      '--api-urls',
      '/api/projects'
    ]
    const ok = await cli(verified)
    expect(ok.stderr).toMatch(/✓ verify-pods-ready /)
    expect(ok.stdout).toContain('DEPLOYMENT COMPLETED')
    expect(ok.code).toBe(0)
    expectRendersOnGitHub(ok.stdout, 'the CLI verify report')
    // The JSON report of a verify run keeps the contract, with its post-deployment record.
    const json = await cli([...verified, '--format', 'json', '--quiet'])
    expectValidReport(json.stdout, 'the CLI verify JSON report')
    expect(JSON.parse(json.stdout)).toMatchObject({ mode: 'verify', verification: { verified: true } })
    const text = await cli([...verified, '--format', 'text', '--quiet'])
    expect(text.stdout.trimEnd().split('\n').at(-1)).toMatch(/^✓ GO — \d+ passed; nothing blocks · exit 0$/)
    expect(text.stdout).toMatch(/^Deployment verified$/m)
    const bad = await cli([...common, '--preflight-report', join(REPO_ROOT, 'package.json')])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--preflight-report: cannot read ".*package\.json" as a preflight JSON report/)
  })

  it('a rollout held by a stage (new pods never Ready): not verified within the timeout, the issue stays open with the rollback commands', async () => {
    // vapora-backend's new pods run but never become Ready; the other two roll out.
    const next = bundle('3.0.0', { stage: { deployment: 'vapora-backend', stage: 'never-ready' } })
    await preflight(next)
    deploy(next)
    const run = await verify(next, { 'ready-timeout': '8s', 'close-on-success': 'true' })
    expect(run.outputs.verified).toBe('false')
    expect(run.exitCode).toBe(1)
    // maxSurge 1, maxUnavailable 0: one new pod, never Ready; the two old ones keep serving.
    expect(run.stdout).toMatch(
      /verify-pods-ready +\[blocks\] not Ready within 8 s: vapora-backend: 2\/2 ready, 1 updated, 3 total \(\d+ ms\)\n/
    )
    expect(run.stdout).toMatch(
      /Roll back with:\nkubectl rollout undo deployment\/vapora-backend -n vapora-verify --to-revision=2/
    )
    const issue = trackingIssue()
    expect(issue.state).toBe('open')
    expect(issue.body).toContain('### ❌ Deployment not verified')
    expect(issue.body).toContain('DEPLOYMENT NOT VERIFIED')
    expect(issue.body).toMatch(/```sh\nkubectl rollout undo deployment\/vapora-backend/)
    expect(github.comments(REPO, issue.number).at(-1)?.body).toMatch(
      /❌ \*\*Deployment not verified\*\*[\s\S]*verify-pods-ready/
    )
  }, 120_000)

  it('a preflight taken while that rollout is still in progress says so, naming the Deployment', async () => {
    // State: the held rollout of the test before (vapora-backend: 1 of 2 new replicas, never Ready).
    const held = pods(NS).filter(
      p => p.metadata.labels?.[STAGE_LABEL] === 'never-ready' && !p.metadata.deletionTimestamp
    )
    expect(held).toHaveLength(1)
    const run = await preflight(bundle('4.0.0'))
    expect(run.outputs.decision).toBe('no-go')
    expect(run.stdout).toMatch(
      /deployments-available +\[blocks\] a rollout is in progress: vapora-backend: 1 of 2 new replicas updated/
    )
    expect(run.stdout).toMatch(new RegExp(`pods-running +\\[blocks\\] ${held[0].metadata.name} is not Ready`))
    // Leave the Deployment rolled out for the tests after this one.
    deploy(bundle('3.0.0'))
    await waitForRollouts(NS)
  }, 120_000)

  it('an image left at the old tag: not verified, naming the Deployment', async () => {
    const next = bundle('4.0.0')
    await preflight(next)
    deploy(bundle('4.0.0', { override: { deployment: 'vapora-llm-router', tag: '3.0.0' } }))
    const run = await verify(next)
    expect(run.outputs.verified).toBe('false')
    expect(run.stdout).toMatch(
      /verify-images +\[blocks\] not running the bundle's images: vapora-llm-router\/\S+ runs ghcr\.io\/\S+:3\.0\.0, the bundle has ghcr\.io\/\S+:4\.0\.0/
    )
    expect(run.stdout).not.toMatch(/vapora-backend\/\S+ runs/)
  }, 120_000)

  it('a rollback to the previous revision after the deploy: rollback-detected', async () => {
    // Bring llm-router to the bundle too, so the only difference left is the rollback.
    const next = bundle('5.0.0')
    deploy(bundle('4.0.0'))
    await waitForRollouts(NS)
    await preflight(next)
    deploy(next)
    await waitForRollouts(NS)
    const deployed = revisionOf('vapora-backend')
    kubectl(['rollout', 'undo', 'deployment/vapora-backend', '-n', NS])
    await waitForRollouts(NS)
    // kubectl rollout undo gives the old template a new, higher revision: the number alone cannot tell.
    expect(revisionOf('vapora-backend')).toBeGreaterThan(deployed)
    const run = await verify(next)
    expect(run.outputs['rollback-detected']).toBe('true')
    expect(run.outputs.verified).toBe('false')
    expect(run.stdout).toMatch(
      /verify-rollback +\[blocks\] rollback detected: vapora-backend: revision \d+ runs ReplicaSet vapora-backend-\w+/
    )
    expect(trackingIssue().body).toMatch(/\| Rollback performed \| \*\*Yes\*\* \(detected\) \|/)
  }, 150_000)

  it('pods that restart after the deploy (a stage): Ready, but verify-restarts fails naming them', async () => {
    // vapora-agents' new pods become Ready, then kwok restarts each container 3 times.
    const next = bundle('6.0.0', { stage: { deployment: 'vapora-agents', stage: 'restarting' } })
    await preflight(next)
    deploy(next)
    await waitForRollouts(NS)
    await waitFor('the new vapora-agents pods to restart', () =>
      pods(NS)
        .filter(p => p.metadata.labels?.[STAGE_LABEL] === 'restarting' && !p.metadata.deletionTimestamp)
        .every(p => (p.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1)
    )
    const run = await verify(next)
    expect(run.outputs.verified).toBe('false')
    expect(run.stdout).toMatch(/✓ verify-pods-ready /)
    expect(run.stdout).toMatch(
      /verify-restarts +\[blocks\] restarts rose since the preflight: vapora-agents-\w+-\w+: 0 → [1-3], vapora-agents-\w+-\w+: 0 → [1-3] \(\d+ ms\)\n/
    )
    expect(run.stdout).not.toMatch(/verify-restarts .*vapora-backend/)
  }, 150_000)

  it('without a preflight record: not verified, saying to run the preflight first', async () => {
    const issue = trackingIssue()
    // Close the open one: no tracking issue, so no record.
    await fetch(`${github.url}/repos/${REPO}/issues/${issue.number}`, {
      method: 'PATCH',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'closed' })
    })
    const run = await verify(bundle('5.0.0'))
    expect(run.outputs.verified).toBe('false')
    expect(run.stdout).toMatch(/verify-restarts +\[blocks\] not run: no open tracking issue for "production"/)
  })

  it('the whole cycle from the CLI alone (another CI): preflight into the tracking issue, verify from it, sign-off', async () => {
    const key = 'cli-cycle'
    const cli = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>(resolve => {
        const child = spawn(
          process.execPath,
          [join(REPO_ROOT, 'dist', 'cli.js'), ...args, '--namespace', NS, '--kubeconfig', ADMIN_KUBECONFIG],
          {
            // Another CI: no GITHUB_* but the API; the repository and the run's page are flags.
            env: { PATH: process.env.PATH ?? '', GITHUB_API_URL: github.url, GITHUB_TOKEN: TOKEN }
          }
        )
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', d => (stdout += d))
        child.stderr.on('data', d => (stderr += d))
        child.on('close', code => resolve({ code, stdout, stderr }))
      })
    const gate = [
      '--repository',
      REPO,
      '--tracking-issue',
      '--environment',
      key,
      '--run-url',
      'https://ci.example/7'
    ]
    // A settled namespace first: the earlier tests left restarting pods and their Warning events.
    deploy(bundle(`5.9.${process.pid}`))
    await waitForRollouts(NS)
    kubectl(['delete', 'events', '--all', '-n', NS])
    // Tags of this process only: a living test cluster keeps the ReplicaSets of earlier runs.
    const next = bundle(`6.0.${process.pid}`)
    const before = await cli([
      '--bundle',
      next,
      ...gate,
      '--kubectl-version',
      serverVersion,
      '--format',
      'json'
    ])
    expect({ code: before.code, failed: JSON.parse(before.stdout).failedChecks }).toEqual({
      code: 0,
      failed: []
    })
    const issue = () => github.issues(REPO).find(i => (i.body ?? '').includes(issueKeyMarker(key)))!
    const record = readRecord(issue().body ?? '', issueKeyMarker(key))!
    expect(record.revisions['vapora-backend']).toBe(revisionOf('vapora-backend'))
    deploy(next)
    // No --preflight-report: the record comes from the issue, as in the action.
    const after = await cli([
      '--verify',
      '--bundle',
      next,
      ...gate,
      '--close-on-success',
      '--ready-timeout',
      '90s'
    ])
    expect(after.stderr).toMatch(/✓ verify-pods-ready /)
    expect(after.stderr).toMatch(/sign-off +recorded in #\d+, closed/)
    expect(after.code).toBe(0)
    expect(issue().state).toBe('closed')
    expect(issue().body).toContain('### ✅ Deployment verified')
    expect(issue().body).toContain('https://ci.example/7')
    for (const text of [before.stdout, before.stderr, after.stdout, after.stderr, issue().body ?? ''])
      expect(text).not.toContain(TOKEN)
  }, 150_000)

  it('no exchange broke the OpenAPI description, and no secret was printed', () => {
    expect(github.violations()).toEqual([])
    for (const run of runs) {
      const visible = run.stdout
        .split('\n')
        .filter(line => !line.startsWith('::add-mask::'))
        .join('\n')
      for (const secret of [
        TOKEN,
        kubeconfig,
        ...kubeconfigSecrets(readFileSync(ADMIN_KUBECONFIG, 'utf8'))
      ]) {
        expect(visible + run.summary).not.toContain(secret)
      }
    }
    // And none reached the tracking issues or their comments.
    for (const issue of github.issues(REPO)) {
      const text = [issue.body ?? '', ...github.comments(REPO, issue.number).map(c => c.body ?? '')].join(
        '\n'
      )
      expect(text).not.toContain(TOKEN)
      for (const secret of kubeconfigSecrets(readFileSync(ADMIN_KUBECONFIG, 'utf8')))
        expect(text).not.toContain(secret)
    }
  })
})

/**
 * The cluster half against a REAL control plane (test/cluster/): kube-apiserver, controller-manager and
 * scheduler, with kwok running the nodes and pods. Nothing here is mocked: dry-runs, RBAC, strict field
 * validation and rollout history come from the real server; a NotReady node and a restarting pod are
 * kwok Stages chosen by a label. The tests share one cluster and run in order; each restores what it changes.
 */
import { readData } from '../src/core/check-data.js'
import { ROLLOUT_HISTORY_DATA } from '../src/checks/rollout-history.js'
import { WHAT_CHANGES_DATA } from '../src/checks/what-changes.js'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { execFileSync } from 'node:child_process'
import { type RunHooks } from '../src/core/engine.js'
import { runPreflight } from '../src/preflight.js'
import { renderMarkdown } from '../src/report/markdown.js'
import { reportJson } from '../src/report/json.js'
import { renderText } from '../src/report/text.js'
import { expectRendersOnGitHub } from '../test/gfm.js'
import { expectValidReport } from '../test/report-schema.js'
import { kubeconfigSecrets } from '../src/kube/config.js'
import type { CheckResult, Report } from '../src/core/types.js'
import { runAction } from '../test/action-runner.js'
import {
  ADMIN_KUBECONFIG,
  LIMITED_KUBECONFIG,
  apiserverPid,
  apply,
  ensureCluster,
  kubectl,
  kubectlJson,
  kwokNode,
  pods,
  STAGE_LABEL,
  waitFor,
  waitForRollouts
} from '../test/cluster-harness.js'
import { BROKEN, EXAMPLE_BUNDLE, bundleWith, cleanupTempDirs, tempDir } from '../test/fixtures.js'

const NS = 'vapora'
const NODE = 'node-1'
let serverVersion = ''

const result = (report: Report, id: string): CheckResult => report.results.find(r => r.id === id)!

/** A preflight against the test cluster as admin, with the kubectl version pinned to the server's. */
function preflight(
  bundlePath: string,
  extra: Record<string, unknown> = {},
  hooks: RunHooks = {}
): Promise<Report> {
  return runPreflight(
    {
      bundlePath,
      kubeconfigPath: ADMIN_KUBECONFIG,
      kubectlVersion: serverVersion,
      artifactsDir: tempDir('preflight-kit-'),
      ...extra
    },
    hooks
  )
}

/** The example bundle with every `namespace: vapora` replaced. */
function bundleInNamespace(namespace: string): string {
  const dir = tempDir('preflight-ns-')
  for (const file of readdirSync(EXAMPLE_BUNDLE)) {
    const text = readFileSync(join(EXAMPLE_BUNDLE, file), 'utf8')
    writeFileSync(
      join(dir, file),
      file === 'configmap.yaml' || file === 'deployment.yaml'
        ? text.replace(/namespace: vapora\b/g, `namespace: ${namespace}`)
        : text
    )
  }
  return dir
}

/** A throwaway CA made with openssl, unrelated to the cluster's. */
function tempCaDir(): string {
  const dir = tempDir('preflight-ca-')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=other-ca',
      '-keyout',
      join(dir, 'ca.key'),
      '-out',
      join(dir, 'ca.crt')
    ],
    { stdio: 'ignore' }
  )
  return dir
}

/** The example manifests with every image tag replaced, as the live "before" state. */
const exampleWithTag = (file: string, tag: string): string =>
  readFileSync(join(EXAMPLE_BUNDLE, file), 'utf8').replace(/(ghcr\.io\/[\w./-]+):[\w.-]+/g, `$1:${tag}`)

beforeAll(
  async () => {
    ensureCluster()
    serverVersion = kubectlJson<{ serverVersion: { gitVersion: string } }>(['version']).serverVersion
      .gitVersion
    await kwokNode(NODE)
    apply(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${NS}\n`)
    // Start from no Deployments, so the revisions below are exactly the ones this run makes (the cluster
    // outlives test runs). Pods left on a node of an earlier cluster would wait for its kubelet: force them out.
    kubectl(['delete', 'deployments,replicasets', '--all', '-n', NS, '--wait=false'])
    kubectl(['delete', 'pods', '--all', '-n', NS, '--grace-period=0', '--force', '--wait=false'])
    // Three template changes make three revisions, each produced by the real deployment controller.
    apply(
      readFileSync(join(EXAMPLE_BUNDLE, 'configmap.yaml'), 'utf8').replace(
        /RUST_LOG: .*/,
        'RUST_LOG: "debug"'
      )
    )
    apply(exampleWithTag('deployment.yaml', '1.4.0'))
    for (const tag of ['1.4.1', '1.4.1-hotfix1']) {
      await waitForRollouts(NS)
      apply(exampleWithTag('deployment.yaml', tag))
    }
    await waitForRollouts(NS)
  },
  30 * 60 * 1000
)

afterAll(cleanupTempDirs)

describe('a healthy staged cluster', () => {
  let report: Report

  beforeAll(async () => {
    report = await preflight(EXAMPLE_BUNDLE)
  })

  it('is go for the valid example bundle, with every cluster check run', () => {
    expect(report.failedChecks).toEqual([])
    expect(report.decision).toBe('go')
    for (const id of [
      'cluster-access',
      'kubectl-version',
      'permissions',
      'nodes-ready',
      'namespace-exists',
      'dry-run'
    ]) {
      expect(result(report, id).status).toBe('pass')
    }
    expect(report.cluster?.version).toBe(serverVersion)
  })

  it('records the revisions the deployment controller produced (3 template changes → revision 3)', () => {
    expect(report.rollback?.revisions).toEqual({
      'vapora-backend': 3,
      'vapora-agents': 3,
      'vapora-llm-router': 3
    })
    const live = kubectl(['rollout', 'history', 'deployment/vapora-backend', '-n', NS])
    expect(live).toMatch(/^3\s/m)
    const histories = readData(report.results, ROLLOUT_HISTORY_DATA)!.histories
    const backend = histories.find(h => h.deployment === 'vapora-backend')!
    expect(backend.revisions.map(r => [r.revision, r.images[0].split(':').pop()])).toEqual([
      [1, '1.4.0'],
      [2, '1.4.1'],
      [3, '1.4.1-hotfix1']
    ])
    expect(report.rollback?.undoCommands).toContain(
      'kubectl rollout undo deployment/vapora-backend -n vapora --to-revision=3'
    )
    const markdown = renderMarkdown(report)
    expect(markdown).toMatch(
      /### Rollback kit[\s\S]*\| `vapora-backend` \| 3 \|[\s\S]*kubectl rollout undo deployment\/vapora-agents -n vapora --to-revision=3/
    )
    expect(markdown).toMatch(/### What's changing[\s\S]*ConfigMap\/vapora-config`: key RUST_LOG changed/)
  })

  it('backs up the live ConfigMap as clean YAML that round-trips to the same data', () => {
    const path = report.rollback!.configMapBackupPath!
    const backup = parse(readFileSync(path, 'utf8'))
    const live = kubectlJson<{ data: Record<string, string>; metadata: { labels: Record<string, string> } }>([
      'get',
      'configmap',
      'vapora-config',
      '-n',
      NS
    ])
    expect(backup.data).toEqual(live.data)
    expect(backup.metadata.labels).toEqual(live.metadata.labels)
    for (const field of ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp']) {
      expect(backup.metadata).not.toHaveProperty(field)
    }
    expect(backup).not.toHaveProperty('status')
    // And the server takes it back as it is.
    kubectl(['apply', '--dry-run=server', '-f', path])
  })

  it('says what is changing: images, and the ConfigMap key that differs', () => {
    const changes = readData(report.results, WHAT_CHANGES_DATA)!.changes
    expect(changes['Deployment/vapora-backend'].join()).toMatch(
      /image ghcr\.io\/[\w./-]+:1\.4\.1-hotfix1 → ghcr\.io\/[\w./-]+:1\.4\.2/
    )
    expect(changes['ConfigMap/vapora-config']).toEqual(['key RUST_LOG changed'])
  })
})

describe('a first deploy into a namespace the bundle creates', () => {
  it('is go: the Namespace "will be created", its objects are not dry-run yet, and nothing is lost', async () => {
    const dir = bundleInNamespace('vapora-new')
    writeFileSync(
      join(dir, 'configmap.yaml'),
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: vapora-new\n---\n${readFileSync(join(dir, 'configmap.yaml'), 'utf8')}`
    )
    const report = await preflight(dir, { namespace: 'vapora-new' })
    expect(report.failedChecks).toEqual([])
    expect(report.decision).toBe('go')
    expect(result(report, 'namespace-exists')).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/this bundle creates it/)
    })
    const dryRun = result(report, 'dry-run')
    expect(dryRun.status).toBe('warn')
    expect(dryRun.details!.join('\n')).toMatch(/Namespace\/vapora-new: accepted \(will be created\)/)
    expect(result(report, 'configmap-backup').status).toBe('warn')
    expect(report.rollback?.revisions).toEqual({})
  })
})

describe('each of these is no-go, naming the cause', () => {
  it('a kubeconfig whose certificate authority does not match the server (TLS verification)', async () => {
    const admin = parse(readFileSync(ADMIN_KUBECONFIG, 'utf8'))
    for (const c of admin.clusters) {
      delete c.cluster['certificate-authority']
      // Any other valid CA: the server's serving certificate is not signed by it.
      c.cluster['certificate-authority-data'] = Buffer.from(
        readFileSync(join(tempCaDir(), 'ca.crt'))
      ).toString('base64')
    }
    const path = join(tempDir(), 'kubeconfig')
    writeFileSync(path, stringify(admin))
    const report = await preflight(EXAMPLE_BUNDLE, { kubeconfigPath: path })
    expect(report.decision).toBe('no-go')
    expect(result(report, 'cluster-access')).toMatchObject({ status: 'error' })
    expect(result(report, 'cluster-access').message).toMatch(/failed TLS verification/)
  })

  it('a manifest with an unknown field (strict validation on the real server)', async () => {
    const report = await preflight(BROKEN('unknown-field'))
    expect(report.decision).toBe('no-go')
    const dryRun = result(report, 'dry-run')
    expect(dryRun.status).toBe('fail')
    expect(dryRun.message).toMatch(/Deployment\/vapora-agents/)
    expect(dryRun.details!.join('\n')).toMatch(/imagePullPolicyy/)
  })

  it('the unknown-field no-go renders right on GitHub and reads right in a terminal, server message first', async () => {
    const report = await preflight(BROKEN('unknown-field'))
    expect(report.rootCauses.map(c => c.check)).toEqual(['dry-run'])
    const markdown = renderMarkdown(report)
    expectRendersOnGitHub(markdown, 'cluster no-go summary')
    expectValidReport(reportJson(report), 'cluster no-go report')
    const text = renderText(report, { width: 100 })
    const tail = text.trimEnd().split('\n').slice(-40).join('\n')
    expect(tail).toMatch(
      /✗ dry-run: 1 of 4 objects rejected or not sent: Deployment\/vapora-agents: server rejected/
    )
    expect(tail).toMatch(/imagePullPolicyy: field not declared in schema/)
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100)
  })

  it('the dry-run says what it sent: a namespace rewritten, documents left out and why, a kind not served', async () => {
    const dir = bundleWith({
      'configmap.yaml': t =>
        `${t.replace(/namespace: vapora\b/, 'namespace: staging')}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: vapora-extra-\ndata:\n  A: "1"\n---\napiVersion: vapora.example/v1\nkind: Widget\nmetadata:\n  name: w\n`
    })
    const dryRun = result(await preflight(dir), 'dry-run')
    const details = dryRun.details!.join('\n')
    expect(details).toMatch(
      /ConfigMap\/vapora-config: accepted \(sent with metadata\.namespace rewritten from "staging" to "vapora"\)/
    )
    expect(details).toMatch(
      /document 2: not sent: uses metadata\.generateName; a server-side apply needs metadata\.name/
    )
    expect(details).toMatch(/Widget\/w: not sent: the server does not serve Widget in vapora\.example\/v1/)
    expect(details).not.toMatch(/HTTP undefined/)
    expect(dryRun).toMatchObject({ status: 'fail', blocking: true })
    expect(dryRun.message).toMatch(/not sent: the server does not serve Widget/)
  })

  it('the dry-run of a clean bundle names the namespace it set on the objects that had none', async () => {
    const dir = bundleWith({ 'configmap.yaml': t => t.replace(/^ {2}namespace: vapora\n/m, '') })
    const dryRun = result(await preflight(dir), 'dry-run')
    expect(dryRun.status).toBe('pass')
    expect(dryRun.message).toMatch(/; metadata\.namespace set to vapora on the 1 that had none$/)
    expect(dryRun.details!.join('\n')).toMatch(
      /ConfigMap\/vapora-config: accepted \(sent with metadata\.namespace set to "vapora"\)/
    )
  })

  it('a Deployment whose spec.selector differs from the live one (the server’s immutable-field message)', async () => {
    const dir = bundleWith({
      'deployment.yaml': t =>
        t.replace(/app\.kubernetes\.io\/name: vapora-backend/g, 'app.kubernetes.io/name: vapora-backend-v2')
    })
    const report = await preflight(dir)
    expect(report.decision).toBe('no-go')
    expect(result(report, 'manifests').status).toBe('pass')
    expect(result(report, 'dry-run').details!.join('\n')).toMatch(
      /Deployment\/vapora-backend: REJECTED \(HTTP 422 Invalid\): .*spec\.selector.*field is immutable/
    )
  })

  it('a missing namespace', async () => {
    const report = await preflight(bundleInNamespace('vapora-absent'), { namespace: 'vapora-absent' })
    expect(report.decision).toBe('no-go')
    expect(result(report, 'namespace-exists')).toMatchObject({
      status: 'fail',
      message: 'namespace vapora-absent does not exist'
    })
    expect(result(report, 'dry-run').details!.join('\n')).toMatch(/namespaces "vapora-absent" not found/)
  })

  it('the limited user (missing permissions listed)', async () => {
    const report = await preflight(EXAMPLE_BUNDLE, { kubeconfigPath: LIMITED_KUBECONFIG })
    expect(report.decision).toBe('no-go')
    const permissions = result(report, 'permissions')
    expect(permissions.status).toBe('fail')
    for (const missing of [
      'create deployments.apps in namespace vapora',
      'patch deployments.apps in namespace vapora',
      'create configmaps in namespace vapora'
    ]) {
      expect(permissions.message).toContain(missing)
    }
    expect(result(report, 'nodes-ready').message).toMatch(/forbidden/i)
  })

  it('a NotReady node (pressure conditions named)', async () => {
    // kwok runs node-2 (its lease is renewed) but reports it NotReady with MemoryPressure.
    await kwokNode('node-2', { stage: 'not-ready', pressure: 'MemoryPressure' })
    try {
      const report = await preflight(EXAMPLE_BUNDLE)
      expect(report.decision).toBe('no-go')
      expect(result(report, 'nodes-ready').message).toMatch(
        /node-2 is NotReady \(KubeletNotReady.*\); node-2 has MemoryPressure/
      )
    } finally {
      kubectl(['delete', 'node', 'node-2', '--ignore-not-found'])
    }
  })

  it('a pod with rising restarts', async () => {
    const pod = pods(NS).find(p => p.metadata.name.startsWith('vapora-agents'))!
    const { name } = pod.metadata
    // The restarting Stage: kwok restarts its container 4 times while it stays Running and Ready.
    kubectl(['annotate', 'pod', name, '-n', NS, 'preflight.test/restarts=4'])
    kubectl(['label', 'pod', name, '-n', NS, `${STAGE_LABEL}=restarting`])
    try {
      await waitFor(`kwok to restart ${name} 4 times`, () => {
        const now = pods(NS).find(p => p.metadata.name === name)
        return now?.status?.containerStatuses?.[0]?.restartCount === 4
      })
      const report = await preflight(EXAMPLE_BUNDLE)
      expect(report.decision).toBe('no-go')
      expect(result(report, 'pods-running').message).toMatch(
        new RegExp(`${name}/\\S+ restarted 4 times.*restarts are rising`)
      )
    } finally {
      // A restart count never goes down: the ReplicaSet replaces the pod with a fresh one.
      kubectl(['delete', 'pod', name, '-n', NS, '--wait=true'])
      await waitForRollouts(NS)
    }
  })

  it.each([
    ['in CrashLoopBackOff', 'crashloop', 'CrashLoopBackOff'],
    ['that cannot pull its image (ImagePullBackOff)', 'image-pull-backoff', 'ImagePullBackOff']
  ] as const)('a pod %s', async (_, stage, reason) => {
    const name = `broken-${stage}`
    apply(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: NS, labels: { [STAGE_LABEL]: stage } },
        spec: { containers: [{ name: 'app', image: 'ghcr.io/vapora-platform/broken:1.0' }] }
      })
    )
    try {
      await waitFor(`kwok to put ${name} in ${reason}`, () => {
        const pod = pods(NS).find(p => p.metadata.name === name)
        return pod?.status?.containerStatuses?.[0]?.state?.waiting !== undefined
      })
      const report = await preflight(EXAMPLE_BUNDLE)
      expect(report.decision).toBe('no-go')
      expect(result(report, 'pods-running').message).toMatch(
        new RegExp(`${name}/app is in ${reason} \\(\\d+ restarts\\)`)
      )
    } finally {
      kubectl(['delete', 'pod', name, '-n', NS, '--wait=true'])
    }
  })

  it('a skewed kubectl version', async () => {
    const report = await preflight(EXAMPLE_BUNDLE, { kubectlVersion: 'v1.30.4' })
    expect(report.decision).toBe('no-go')
    expect(result(report, 'kubectl-version').message).toMatch(
      /kubectl v1\.30\.4 .* minor versions older than the server v1\.\d+/
    )
  })

  it('the API server stopped mid-run: an error within the timeout, never a hang or a pass', async () => {
    const pid = apiserverPid()
    let stopped = false
    const started = Date.now()
    try {
      // One check at a time, so the server is stopped right after it answered cluster-access.
      const report = await preflight(
        EXAMPLE_BUNDLE,
        { requestTimeoutMs: 1500 },
        {
          concurrency: 1,
          onResult: r => {
            if (r.id === 'cluster-access' && r.status === 'pass') {
              process.kill(pid, 'SIGSTOP')
              stopped = true
            }
          }
        }
      )
      expect(stopped).toBe(true)
      expect(report.decision).toBe('no-go')
      const broken = report.results.filter(r => r.blocking && r.id !== 'cluster-access')
      expect(broken.length).toBeGreaterThan(3)
      expect(broken.map(r => `${r.message} ${(r.details ?? []).join(' ')}`).join('\n')).toMatch(
        /no answer within 1500 ms/
      )
      expect(Date.now() - started).toBeLessThan(30_000)
    } finally {
      if (stopped) process.kill(pid, 'SIGCONT')
    }
  })
})

describe('the action on the real cluster', () => {
  it('takes the kubeconfig as an input, writes decision, revisions and the backup path, and never prints a secret', async () => {
    const kubeconfig = readFileSync(ADMIN_KUBECONFIG, 'utf8')
    const run = await runAction({
      'bundle-path': 'examples/deployment-artifacts.zip',
      'tracking-issue': 'false',
      kubeconfig: Buffer.from(kubeconfig).toString('base64'),
      'kubectl-version': serverVersion
    })
    expect(run.outputs.decision).toBe('go')
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs.revisions)).toEqual({
      'vapora-backend': 3,
      'vapora-agents': 3,
      'vapora-llm-router': 3
    })
    expect(parse(readFileSync(run.outputs['configmap-backup-path'], 'utf8')).metadata.name).toBe(
      'vapora-config'
    )

    const secrets = [
      ...kubeconfigSecrets(kubeconfig),
      kubeconfig.trim(),
      Buffer.from(kubeconfig).toString('base64')
    ]
    expect(secrets.length).toBeGreaterThan(2)
    const visible = run.stdout
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::')) // the runner consumes these; they are never shown
      .join('\n')
    const everything = [
      visible,
      run.stderr,
      run.summary,
      JSON.stringify(run.outputs),
      readFileSync(run.outputs['report-path'], 'utf8')
    ]
    for (const secret of secrets) for (const text of everything) expect(text.includes(secret)).toBe(false)
    // Every secret was registered for masking before use.
    for (const secret of kubeconfigSecrets(kubeconfig)) expect(run.stdout).toContain(`::add-mask::${secret}`)
  })
})

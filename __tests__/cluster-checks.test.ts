/**
 * The cluster checks against an in-memory cluster (test/in-memory-cluster.ts), fast and without a
 * cluster: here the access checks, and what every cluster check does when the cluster cannot be used.
 * The environment, manifest, rollback and verify checks have files of their own (*-checks.test.ts). What
 * the real API server answers stays the integration tests' business (cluster.integration.test.ts).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { CLUSTER_ACCESS_DATA, clusterAccessCheck } from '../src/checks/cluster-access.js'
import { ALL_CHECKS } from '../src/checks/index.js'
import { kubectlVersionCheck } from '../src/checks/kubectl-version.js'
import { permissionsCheck } from '../src/checks/permissions.js'
import { whatChangesCheck } from '../src/checks/what-changes.js'
import { runChecks } from '../src/core/engine.js'
import { resolveOptions } from '../src/core/options.js'
import { isBlocking } from '../src/core/policy.js'
import { bundleWith, cleanupTempDirs, EXAMPLE_BUNDLE, tempDir } from '../test/fixtures.js'
import {
  apiError,
  bundleCreatingNamespace,
  contextWith,
  dataOf,
  InMemoryCluster,
  type ReaderMethod,
  runCheck,
  SERVER,
  unreachable,
  vaporaCluster,
  connectionTo
} from '../test/in-memory-cluster.js'

afterAll(cleanupTempDirs)

const CLUSTER_CHECKS = ALL_CHECKS.filter(c => c.needs.includes('cluster'))

describe('cluster-access', () => {
  it('passes when the API server answers, leaving the server and its version', async () => {
    const { cluster } = vaporaCluster()
    const outcome = await runCheck(clusterAccessCheck, cluster)
    expect(outcome).toEqual({
      status: 'pass',
      message: `API server ${SERVER} answers (Kubernetes v1.35.2)`,
      data: { server: SERVER, version: 'v1.35.2' }
    })
    expect(dataOf(clusterAccessCheck, outcome, CLUSTER_ACCESS_DATA)).toEqual({
      server: SERVER,
      version: 'v1.35.2'
    })
  })

  it('is an error naming where the credentials came from and why the server could not be used', async () => {
    const { cluster } = vaporaCluster()
    cluster.failNext('version', unreachable())
    const outcome = await runCheck(clusterAccessCheck, cluster)
    expect(outcome).toMatchObject({
      status: 'error',
      message: `cannot use the cluster from memory: cannot reach the API server at ${SERVER}: ECONNREFUSED connect ECONNREFUSED 203.0.113.10:6443`,
      hint: expect.stringContaining('that this runner can reach it')
    })
    expect(outcome.data).toBeUndefined()
  })

  it('says the HTTP status and reason when the server refuses the credentials', async () => {
    const { cluster } = vaporaCluster()
    cluster.failNext('version', apiError(401, 'Unauthorized', 'Unauthorized'))
    const outcome = await runCheck(clusterAccessCheck, cluster)
    expect(outcome.status).toBe('error')
    expect(outcome.message).toBe('cannot use the cluster from memory: Unauthorized (HTTP 401 Unauthorized)')
  })

  it('is a blocking skip saying why when no cluster is configured', async () => {
    const outcome = await clusterAccessCheck.run({
      ...contextWith(undefined),
      clusterProblem: 'no kubeconfig (KUBECONFIG is not set)'
    })
    expect(outcome).toMatchObject({
      status: 'skip',
      skipReason: 'not-configured',
      message: 'no kubeconfig (KUBECONFIG is not set)',
      hint: expect.stringContaining('Pass a kubeconfig')
    })
    expect(outcome.blockedBy).toBeUndefined()
    expect(isBlocking(outcome)).toBe(true)
  })
})

describe('kubectl-version', () => {
  it.each([
    ['the same minor', 'v1.35.0', 'v1.35.2'],
    ['one minor older', 'v1.34.3', 'v1.35.2'],
    ['one minor newer', 'v1.36.0', 'v1.35.2'],
    ['a vendor suffix on the server', 'v1.34.1', 'v1.35.0-eks-3025e55']
  ])('passes for a client at %s (%s against %s)', async (_, client, server) => {
    const cluster = new InMemoryCluster().setVersion(server)
    const outcome = await runCheck(kubectlVersionCheck, cluster, { kubectlVersion: client })
    expect(outcome).toEqual({
      status: 'pass',
      message: `kubectl ${client} (kubectl-version) vs server ${server}: within ±1 minor`,
      data: { client, server }
    })
  })

  it.each([
    ['v1.33.7', '2 minor versions older'],
    ['v1.38.0', '3 minor versions newer']
  ])('fails for %s against v1.35.2: %s, with the kubectl to use', async (client, skew) => {
    const cluster = new InMemoryCluster().setVersion('v1.35.2')
    const outcome = await runCheck(kubectlVersionCheck, cluster, { kubectlVersion: client })
    expect(outcome).toEqual({
      status: 'fail',
      message: `kubectl ${client} (kubectl-version) is ${skew} than the server v1.35.2; supported skew is ±1`,
      hint: 'Use kubectl v1.35.x (±1 minor) in the deploy job.',
      data: { client, server: 'v1.35.2' }
    })
  })

  it('without kubectl-version, judges the kubectl on PATH and says that is where the version came from', async () => {
    const cluster = new InMemoryCluster().setVersion('v1.35.2')
    const ctx = contextWith(cluster, { kubectlVersion: undefined })
    const outcome = await kubectlVersionCheck.run({ ...ctx, localKubectl: async () => 'v1.32.4' })
    expect(outcome).toMatchObject({
      status: 'fail',
      message:
        'kubectl v1.32.4 (kubectl on PATH) is 3 minor versions older than the server v1.35.2; supported skew is ±1'
    })
  })

  it('without kubectl-version nor a kubectl on PATH, is a harmless skip that says what to set', async () => {
    const cluster = new InMemoryCluster().setVersion('v1.35.2')
    const ctx = contextWith(cluster, { kubectlVersion: undefined })
    const outcome = await kubectlVersionCheck.run({ ...ctx, localKubectl: async () => undefined })
    expect(outcome).toEqual({
      status: 'skip',
      skipReason: 'not-applicable',
      message: 'no kubectl on PATH and no kubectl-version given: skew not checked',
      hint: 'Set kubectl-version to the kubectl your deploy job uses.'
    })
  })

  it('is an error when the server reports a version it cannot read', async () => {
    const cluster = new InMemoryCluster().setVersion('devel')
    const outcome = await runCheck(kubectlVersionCheck, cluster, { kubectlVersion: 'v1.35.0' })
    expect(outcome).toEqual({ status: 'error', message: 'cannot compare versions "v1.35.0" and "devel"' })
  })
})

describe('permissions', () => {
  const APPLY = ['get', 'create', 'patch', 'update']

  it('passes when every verb the deploy and a rollback need is granted, listing each question', async () => {
    const { cluster } = vaporaCluster()
    const outcome = await runCheck(permissionsCheck, cluster)
    expect(outcome).toEqual({
      status: 'pass',
      message: 'all 8 permissions the deploy and a rollback need are granted',
      details: [
        'yes  get configmaps in namespace vapora — for apply ConfigMap',
        'yes  create configmaps in namespace vapora — for apply ConfigMap',
        'yes  patch configmaps in namespace vapora — for apply ConfigMap',
        'yes  update configmaps in namespace vapora — for apply ConfigMap',
        'yes  get deployments.apps in namespace vapora — for apply Deployment',
        'yes  create deployments.apps in namespace vapora — for apply Deployment',
        'yes  patch deployments.apps in namespace vapora — for kubectl rollout undo',
        'yes  update deployments.apps in namespace vapora — for apply Deployment'
      ]
    })
    expect(cluster.callsOf('canI').map(c => c.args[0])).toContainEqual({
      verb: 'patch',
      group: 'apps',
      resource: 'deployments',
      namespace: 'vapora',
      why: 'kubectl rollout undo'
    })
  })

  it('passes on a cluster-wide grant (a ClusterRoleBinding) too', async () => {
    const cluster = new InMemoryCluster().allow('*', '*', { group: '*' })
    expect((await runCheck(permissionsCheck, cluster)).status).toBe('pass')
  })

  it('fails naming the one verb denied, with the grant to add', async () => {
    const cluster = new InMemoryCluster()
      .allow(APPLY, 'configmaps', { namespace: 'vapora' })
      .allow(['get', 'create', 'update'], 'deployments', { group: 'apps', namespace: 'vapora' })
    const outcome = await runCheck(permissionsCheck, cluster)
    expect(outcome).toMatchObject({
      status: 'fail',
      message: 'the deploy identity cannot: patch deployments.apps in namespace vapora',
      hint: expect.stringContaining('Role/RoleBinding'),
      data: { missing: ['patch deployments.apps in namespace vapora'] }
    })
    expect(outcome.details).toContain(
      'NO   patch deployments.apps in namespace vapora — for kubectl rollout undo'
    )
  })

  it('asks about a Namespace the bundle creates cluster-wide, where a namespaced grant does not reach', async () => {
    const cluster = new InMemoryCluster()
      .allow(APPLY, 'configmaps', { namespace: 'vapora' })
      .allow(APPLY, 'deployments', { group: 'apps', namespace: 'vapora' })
    const outcome = await runCheck(permissionsCheck, cluster, { bundlePath: bundleCreatingNamespace() })
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toBe(
      'the deploy identity cannot: get namespaces (cluster-wide); create namespaces (cluster-wide); patch namespaces (cluster-wide); update namespaces (cluster-wide)'
    )
    expect(cluster.callsOf('canI').map(c => c.args[0])).toContainEqual(
      expect.objectContaining({ verb: 'create', group: '', resource: 'namespaces', namespace: undefined })
    )
  })

  it('lists a kind the server does not serve as not checked (the dry-run reports it)', async () => {
    const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n---\n'
    const { cluster } = vaporaCluster()
    const outcome = await runCheck(permissionsCheck, cluster, {
      bundlePath: bundleWith({ 'deployment.yaml': text => widget + text })
    })
    expect(outcome.status).toBe('pass')
    expect(outcome.details?.at(-1)).toBe(
      'not checked (the server does not serve them): Widget (example.com/v1)'
    )
  })

  it('is an error, not a denial, when a question went unanswered', async () => {
    const { cluster } = vaporaCluster()
    cluster.failNext('canI', unreachable())
    const outcome = await runCheck(permissionsCheck, cluster)
    expect(outcome.status).toBe('error')
    expect(outcome.message).toBe(
      `could not ask the server about 1 of 8 permissions: cannot reach the API server at ${SERVER}: ECONNREFUSED connect ECONNREFUSED 203.0.113.10:6443`
    )
    expect(outcome.message).not.toMatch(/cannot:|denied/)
    expect(outcome.data).toBeUndefined()
    // Its detail line says it was not answered, never "NO".
    const unanswered = outcome.details!.filter(d => d.includes('not answered'))
    expect(unanswered).toHaveLength(1)
    expect(unanswered[0]).toMatch(/^\? {4}\w+ .* \(not answered: cannot reach the API server/)
  })

  it('still names the denials beside an unanswered question', async () => {
    const cluster = new InMemoryCluster().allow(APPLY, 'configmaps', { namespace: 'vapora' })
    cluster.failNext(
      'canI',
      apiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request')
    )
    const outcome = await runCheck(permissionsCheck, cluster)
    expect(outcome.status).toBe('error')
    expect(outcome.message).toMatch(
      /^could not ask the server about 1 of 8 permissions: the server is currently unable to handle the request \(HTTP 503 ServiceUnavailable\); denied: /
    )
    expect(outcome.message).toContain('patch deployments.apps in namespace vapora')
  })

  it('is an error when the server cannot say what it serves', async () => {
    const { cluster } = vaporaCluster()
    cluster.failNext(
      'resourceFor',
      apiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request')
    )
    const outcome = await runCheck(permissionsCheck, cluster)
    expect(outcome).toEqual({
      status: 'error',
      message:
        'cannot ask the server what it serves: the server is currently unable to handle the request (HTTP 503 ServiceUnavailable)'
    })
  })
})

describe('every cluster check, when the cluster cannot be used', () => {
  const others = CLUSTER_CHECKS.filter(c => c.id !== 'cluster-access')

  it.each(others.map(c => [c.id, c] as const))(
    '%s is a blocking skip blocked by cluster-access when no cluster is configured',
    async (_, check) => {
      const outcome = await check.run({ ...contextWith(undefined), clusterProblem: 'no kubeconfig' })
      expect(outcome).toEqual({
        status: 'skip',
        skipReason: 'not-configured',
        blockedBy: 'cluster-access',
        message: 'not run: no kubeconfig'
      })
      expect(isBlocking(outcome)).toBe(true)
    }
  )

  it.each(others.map(c => [c.id, c] as const))(
    '%s is a blocking skip blocked by cluster-access when /version fails',
    async (_, check) => {
      const { cluster } = vaporaCluster()
      cluster.failAlways('version', unreachable())
      const outcome = await runCheck(check, cluster)
      expect(outcome).toMatchObject({
        status: 'skip',
        skipReason: 'prerequisite-failed',
        blockedBy: 'cluster-access',
        message: 'not run: the cluster could not be used (see cluster-access)'
      })
      expect(cluster.calls.map(c => c.method)).toEqual(['version'])
    }
  )

  /** Every read but /version fails: the server answered once, then went away. */
  const goneAfterVersion = () => {
    const { cluster } = vaporaCluster()
    const methods: ReaderMethod[] = [
      'resourceFor',
      'namespace',
      'fold',
      'nodeMetrics',
      'deployments',
      'replicaSets',
      'configMap',
      'live',
      'dryRunApply',
      'canI',
      'fresh',
      'watchDeployments'
    ]
    for (const method of methods) cluster.failAlways(method, unreachable())
    return cluster
  }
  // kubectl-version reads only the version, which the session reads once per run; what-changes: see below.
  const reading = others.filter(c => c.id !== 'kubectl-version' && c.id !== 'what-changes')

  it.each(reading.map(c => [c.id, c] as const))(
    '%s is an error naming the server’s problem when the server stops answering, never a pass or a denial',
    async (_, check) => {
      const outcome = await runCheck(check, goneAfterVersion(), { artifactsDir: tempDir() })
      expect(outcome.status).toBe('error')
      expect(outcome.message).toContain(unreachable().message)
      expect(outcome.message).not.toMatch(/denied|identity cannot/)
    }
  )

  // Its reads used to end in `.catch(() => undefined)`: a server gone read as a warning, "4 not computed".
  it('what-changes is an error naming the server’s problem when the server stops answering', async () => {
    const cluster = goneAfterVersion()
    const outcome = await runCheck(whatChangesCheck, cluster)
    expect(outcome).toMatchObject({
      status: 'error',
      message: `4 of 4 objects not compared with the cluster: ${unreachable().message}`,
      hint: expect.stringContaining('that this runner can reach it')
    })
    // The four are asked at once (bounded by one timeout, not four); the first that met the server gone
    // names the cause, and the other three are listed as not read because of it.
    expect(cluster.callsOf('dryRunApply')).toHaveLength(4)
    expect(outcome.details).toContainEqual(
      expect.stringMatching(
        /^not read \(the server stopped answering\): (Deployment\/vapora-[a-z-]+(, )?){3}$/
      )
    )
  })
})

describe('a preflight over the in-memory cluster', () => {
  it('is go on a healthy cluster, with the rollback kit and the baseline from the cluster checks', async () => {
    const { cluster } = vaporaCluster()
    const artifactsDir = tempDir()
    const options = resolveOptions({ bundlePath: EXAMPLE_BUNDLE, kubectlVersion: 'v1.35.0', artifactsDir })
    const report = await runChecks(options, { openCluster: connectionTo(cluster) })
    expect(report.failedChecks).toEqual([])
    expect(report.decision).toBe('go')
    expect(report.cluster).toEqual({ server: SERVER, version: 'v1.35.2' })
    expect(report.rollback).toEqual({
      revisions: { 'vapora-backend': 2, 'vapora-agents': 2, 'vapora-llm-router': 2 },
      undoCommands: [
        'kubectl rollout undo deployment/vapora-backend -n vapora --to-revision=2',
        'kubectl rollout undo deployment/vapora-agents -n vapora --to-revision=2',
        'kubectl rollout undo deployment/vapora-llm-router -n vapora --to-revision=2'
      ],
      configMapBackupPath: join(artifactsDir, 'vapora-config-backup.yaml')
    })
    expect(Object.keys(report.baseline?.podRestarts ?? {})).toHaveLength(5)
    expect(report.baseline?.nodeUsageSource).toBe('metrics.k8s.io usage')
    for (const check of CLUSTER_CHECKS) {
      expect(report.results.find(r => r.id === check.id)?.status).toBe('pass')
    }
  })

  it('starts the cluster checks first (their requests go out before the bundle is parsed) and reports in checklist order', async () => {
    const { cluster } = vaporaCluster()
    const options = resolveOptions({
      bundlePath: EXAMPLE_BUNDLE,
      kubectlVersion: 'v1.35.0',
      artifactsDir: tempDir()
    })
    const started: string[] = []
    const report = await runChecks(
      options,
      { openCluster: connectionTo(cluster) },
      { onStart: check => started.push(check.id) }
    )
    const needsCluster = new Set(ALL_CHECKS.filter(c => c.needs.includes('cluster')).map(c => c.id))
    const firstOther = started.findIndex(id => !needsCluster.has(id))
    expect(started.slice(0, firstOther).every(id => needsCluster.has(id))).toBe(true)
    expect(started.slice(firstOther).some(id => needsCluster.has(id))).toBe(false)
    const registryOrder = ALL_CHECKS.map(c => c.id)
    const reported = report.results.map(r => r.id).filter(id => registryOrder.includes(id))
    expect(reported).toEqual(registryOrder)
  })
})

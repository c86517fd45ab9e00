/**
 * Verify mode's cluster checks (after the deploy) against an in-memory cluster (test/in-memory-cluster.ts):
 * the rollout watched to its end or its timeout, the images and image IDs, a rollback told by its template,
 * restarts against the preflight's baseline, and Warning events since the deploy started.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { clusterAccessCheck } from '../src/checks/cluster-access.js'
import { verifyEventsCheck } from '../src/checks/verify-events.js'
import { verifyImagesCheck } from '../src/checks/verify-images.js'
import { VERIFY_PODS_READY_DATA, verifyPodsReadyCheck } from '../src/checks/verify-pods-ready.js'
import { VERIFY_RESTARTS_DATA, verifyRestartsCheck } from '../src/checks/verify-restarts.js'
import { VERIFY_ROLLBACK_DATA, verifyRollbackCheck } from '../src/checks/verify-rollback.js'
import type { PreflightInput } from '../src/core/options.js'
import { resolveOptions } from '../src/core/options.js'
import { isBlocking } from '../src/core/policy.js'
import type { PreflightRecord } from '../src/core/types.js'
import { runVerifyChecks } from '../src/core/verify.js'
import { bundleWith, cleanupTempDirs, EXAMPLE_BUNDLE } from '../test/fixtures.js'
import {
  apiError,
  dataOf,
  deployment,
  event,
  forbidden,
  InMemoryCluster,
  listRead,
  minutesAgo,
  pod,
  podsOf,
  runCheck,
  unreachable,
  vaporaCluster,
  vaporaImages,
  type ReaderMethod,
  connectionTo
} from '../test/in-memory-cluster.js'

afterAll(cleanupTempDirs)

/** The tags rolled out before the preflight, and after the deploy (the bundle's 1.4.2 last). */
const BEFORE = ['1.4.0', '1.4.1']
const DEPLOYED = [...BEFORE, '1.4.2']

/** What the preflight recorded before the deploy: each Deployment's highest revision and its ReplicaSets. */
function preflightRecord(podRestarts?: Record<string, number>): PreflightRecord {
  const { apps } = vaporaCluster(BEFORE)
  const before = Object.entries(apps)
  return {
    v: 1,
    finishedAt: minutesAgo(15),
    decision: 'go',
    namespace: 'vapora',
    revisions: Object.fromEntries(before.map(([app]) => [app, BEFORE.length])),
    replicaSets: Object.fromEntries(
      before.map(([app, built]) => [app, built.replicaSets.map(rs => rs.metadata!.name!)])
    ),
    undoCommands: [],
    baseline: podRestarts ? { endpoints: [], podRestarts } : undefined
  }
}

/** Verify mode's options: the record, a short ready timeout, and whatever else `verify` says. */
const verifying = (verify: PreflightInput['verify'] = {}): Partial<PreflightInput> => ({
  verify: { record: preflightRecord(), readyTimeout: '2s', ...verify }
})

const seconds = /\(\d+(\.\d)? s after the verify started\)$/

describe('verify-pods-ready', () => {
  it('passes when every Deployment of the bundle has rolled out, recording when', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    const before = Date.now()
    const outcome = await runCheck(verifyPodsReadyCheck, cluster, verifying())
    expect(outcome.status).toBe('pass')
    expect(outcome.message).toMatch(/^3 Deployment\(s\) rolled out, every pod Ready /)
    expect(outcome.message).toMatch(seconds)
    expect(outcome.details).toEqual([
      'vapora-backend: 2/2 ready, 2 updated, 2 total',
      'vapora-agents: 2/2 ready, 2 updated, 2 total',
      'vapora-llm-router: 1/1 ready, 1 updated, 1 total'
    ])
    const readyAt = Date.parse(dataOf(verifyPodsReadyCheck, outcome, VERIFY_PODS_READY_DATA)!.readyAt)
    expect(readyAt).toBeGreaterThanOrEqual(before)
    expect(readyAt).toBeLessThanOrEqual(Date.now())
    const [watch] = cluster.callsOf('watchDeployments')
    expect(watch.args[0]).toBe('vapora')
    expect(watch.args[1]).toBeGreaterThanOrEqual(before + 2000)
  })

  it('watches until the rollout completes, and ends when it does', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    const midway = { replicas: 3, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 }
    cluster.update('Deployment', 'vapora-backend', d => void Object.assign(d.status, midway))
    let settled = false
    const running = runCheck(verifyPodsReadyCheck, cluster, verifying({ readyTimeout: '10s' })).finally(
      () => {
        settled = true
      }
    )
    await cluster.whenWatching()
    cluster.update('Deployment', 'vapora-backend', d => void Object.assign(d.status, { updatedReplicas: 2 }))
    await new Promise(resolve => setImmediate(resolve))
    expect(settled).toBe(false)
    const completedAt = Date.now()
    cluster.update('Deployment', 'vapora-backend', d => {
      Object.assign(d.status, { replicas: 2, readyReplicas: 2, availableReplicas: 2 })
    })
    const outcome = await running
    expect(outcome.status).toBe('pass')
    expect(outcome.details?.[0]).toBe('vapora-backend: 2/2 ready, 2 updated, 2 total')
    const readyAt = Date.parse(dataOf(verifyPodsReadyCheck, outcome, VERIFY_PODS_READY_DATA)!.readyAt)
    expect(readyAt).toBeGreaterThanOrEqual(completedAt)
    expect(Date.now() - completedAt).toBeLessThan(1000)
  })

  it('fails at the ready timeout, naming what is late and the pods not Ready', async () => {
    const { cluster, apps } = vaporaCluster(DEPLOYED)
    cluster.update('Deployment', 'vapora-backend', d => {
      Object.assign(d.status, { replicas: 3, updatedReplicas: 2, readyReplicas: 1, availableReplicas: 1 })
    })
    const crashing = pod(apps['vapora-backend'].current, 1, { waiting: 'CrashLoopBackOff', restarts: 4 })
    cluster.add(crashing)
    const started = Date.now()
    const outcome = await runCheck(verifyPodsReadyCheck, cluster, verifying({ readyTimeout: '300ms' }))
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(outcome).toMatchObject({
      status: 'fail',
      message: 'not Ready within 0.3 s: vapora-backend: 1/2 ready, 2 updated, 3 total',
      hint: expect.stringContaining('CrashLoopBackOff means config or image trouble')
    })
    expect(outcome.details).toEqual([
      'vapora-backend: 1/2 ready, 2 updated, 3 total',
      'vapora-agents: 2/2 ready, 2 updated, 2 total',
      'vapora-llm-router: 1/1 ready, 1 updated, 1 total',
      `pods not Ready: ${crashing.metadata!.name} (Running)`
    ])
    expect(outcome.data).toBeUndefined()
  })

  it('does not take a status the controller has not caught up with for a finished rollout', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    cluster.update('Deployment', 'vapora-agents', d => {
      d.metadata!.generation = DEPLOYED.length + 1
    })
    const outcome = await runCheck(verifyPodsReadyCheck, cluster, verifying({ readyTimeout: '200ms' }))
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toBe('not Ready within 0.2 s: vapora-agents: 2/2 ready, 2 updated, 2 total')
  })

  it('fails naming a Deployment of the bundle that is not in the cluster', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    cluster.remove('Deployment', 'vapora-llm-router')
    const outcome = await runCheck(verifyPodsReadyCheck, cluster, verifying({ readyTimeout: '200ms' }))
    expect(outcome.message).toBe('not Ready within 0.2 s: vapora-llm-router: not found')
  })

  it('fails when the bundle has no Deployment to verify', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    const outcome = await runCheck(verifyPodsReadyCheck, cluster, {
      ...verifying(),
      bundlePath: bundleWith({ 'deployment.yaml': null })
    })
    expect(outcome).toEqual({ status: 'fail', message: 'the bundle has no Deployment to verify' })
    expect(cluster.callsOf('watchDeployments')).toHaveLength(0)
  })

  it('is an error when the Deployments may not be watched', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    const denied = forbidden({ verb: 'watch', resource: 'deployments', group: 'apps', namespace: 'vapora' })
    cluster.failNext('watchDeployments', denied)
    expect(await runCheck(verifyPodsReadyCheck, cluster, verifying())).toEqual({
      status: 'error',
      message: `cannot watch the Deployments: ${denied.message} (HTTP 403 Forbidden)`
    })
  })
})

describe('verify-images', () => {
  const image = (app: Parameters<typeof vaporaImages>[0], tag = '1.4.2') =>
    Object.values(vaporaImages(app, tag))[0]

  it('passes when every Deployment and every pod of its current ReplicaSet run the bundle’s images', async () => {
    const { cluster, apps } = vaporaCluster(DEPLOYED)
    const outcome = await runCheck(verifyImagesCheck, cluster, verifying())
    expect(outcome.status).toBe('pass')
    expect(outcome.message).toBe("every Deployment runs the bundle's images (3 with image IDs reported)")
    expect(outcome.details).toEqual([
      `vapora-backend: ${image('vapora-backend')} in 2 pod(s) of ${apps['vapora-backend'].current.metadata!.name}`,
      `vapora-agents: ${image('vapora-agents')} in 2 pod(s) of ${apps['vapora-agents'].current.metadata!.name}`,
      `vapora-llm-router: ${image('vapora-llm-router')} in 1 pod(s) of ${apps['vapora-llm-router'].current.metadata!.name}`
    ])
    const ids = podsOf(apps['vapora-backend']).map(p => p.status.containerStatuses[0].imageID)
    expect(outcome.data).toMatchObject({ imageIds: { 'vapora-backend': ids } })
    expect(ids[0]).toMatch(/^ghcr\.io\/vapora-platform\/vapora-backend@sha256:[0-9a-f]{64}$/)
  })

  it('fails when the deploy missed the Deployments: old template, pods reporting the old image', async () => {
    const { cluster, apps } = vaporaCluster(BEFORE)
    const outcome = await runCheck(verifyImagesCheck, cluster, verifying())
    const [first, second] = podsOf(apps['vapora-backend']).map(p => p.metadata!.name)
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toBe(
      `not running the bundle's images: vapora-backend/backend runs ${image('vapora-backend', '1.4.1')}, the bundle has ${image('vapora-backend')}; ` +
        `${first}/backend reports image ${image('vapora-backend', '1.4.1')}, not ${image('vapora-backend')}; ` +
        `${second}/backend reports image ${image('vapora-backend', '1.4.1')}, not ${image('vapora-backend')}; ` +
        `vapora-agents/agents runs ${image('vapora-agents', '1.4.1')}, the bundle has ${image('vapora-agents')}; ` +
        `${podsOf(apps['vapora-agents'])[0].metadata!.name}/agents reports image ${image('vapora-agents', '1.4.1')}, not ${image('vapora-agents')}; …`
    )
    expect(outcome.details).toHaveLength(3 + 8)
    expect(outcome.hint).toContain('Apply deployment.yaml from this bundle')
  })

  it.each<[string, (c: InMemoryCluster, apps: ReturnType<typeof vaporaCluster>['apps']) => string]>([
    [
      'a Deployment the cluster does not have',
      c => (c.remove('Deployment', 'vapora-agents'), 'vapora-agents does not exist in vapora')
    ],
    [
      'a container of the bundle missing from the template',
      c => {
        c.update('Deployment', 'vapora-backend', d => void (d.spec.template.spec.containers[0].name = 'api'))
        return `vapora-backend/backend runs (no such container), the bundle has ${image('vapora-backend')}`
      }
    ],
    [
      'no pod of the current template',
      (c, apps) => {
        for (const p of podsOf(apps['vapora-llm-router'])) c.remove('Pod', p.metadata!.name!)
        return 'vapora-llm-router has no pods of its current template'
      }
    ],
    [
      'a pod whose containers have not started',
      (c, apps) => {
        const waiting = pod(apps['vapora-llm-router'].current, 0, { phase: 'Pending', started: false })
        c.add(waiting)
        return `${waiting.metadata!.name} has not started (no container status)`
      }
    ],
    [
      'a container without an image ID yet',
      (c, apps) => {
        const name = podsOf(apps['vapora-llm-router'])[0].metadata!.name!
        c.update('Pod', name, p => void (p.status.containerStatuses[0].imageID = ''))
        return `${name}/llm-router has no image ID yet (not started)`
      }
    ]
  ])('fails for %s', async (_, breakIt) => {
    const { cluster, apps } = vaporaCluster(DEPLOYED)
    const problem = breakIt(cluster, apps)
    const outcome = await runCheck(verifyImagesCheck, cluster, verifying())
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toBe(`not running the bundle's images: ${problem}`)
    expect(outcome.details?.at(-1)).toBe(problem)
  })

  it('compares images without the registry prefixes the node reports (docker.io/library/)', async () => {
    const bundlePath = bundleWith({
      'deployment.yaml': text => text.replace(image('vapora-llm-router'), 'nginx:1.27')
    })
    const { cluster } = vaporaCluster(DEPLOYED)
    const router = deployment('vapora-llm-router', { rollouts: [{ 'llm-router': 'nginx:1.27' }] })
    const [running] = podsOf(router)
    running.status.containerStatuses[0].image = 'docker.io/library/nginx:1.27'
    cluster.remove('Deployment', 'vapora-llm-router').add(...router.objects, running)
    const outcome = await runCheck(verifyImagesCheck, cluster, { ...verifying(), bundlePath })
    expect(outcome.status).toBe('pass')
  })

  it('does not look at the pods of an older ReplicaSet still terminating', async () => {
    const { cluster, apps } = vaporaCluster(DEPLOYED)
    cluster.add(pod(apps['vapora-backend'].replicaSets[1], 7))
    expect((await runCheck(verifyImagesCheck, cluster, verifying())).status).toBe('pass')
  })

  it('is an error when the pods cannot be read', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    cluster.failNext('fresh', apiError(500, 'InternalError', 'etcdserver: request timed out'))
    expect(await runCheck(verifyImagesCheck, cluster, verifying())).toEqual({
      status: 'error',
      message: 'cannot read the Deployments: etcdserver: request timed out (HTTP 500 InternalError)'
    })
  })
})

describe('verify-rollback', () => {
  it('is a blocking skip, blocked by the missing record, when the preflight left none', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    const outcome = await runCheck(verifyRollbackCheck, cluster, {
      verify: { recordProblem: 'no preflight record in the tracking issue #12' }
    })
    expect(outcome).toMatchObject({
      status: 'skip',
      skipReason: 'prerequisite-failed',
      blockedBy: 'preflight-record',
      message: 'not run: no preflight record in the tracking issue #12',
      hint: expect.stringContaining('Run the preflight')
    })
    expect(isBlocking(outcome)).toBe(true)
    expect(cluster.calls).toEqual([])
  })

  it('passes after a deploy to new templates, leaving the revisions', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    const outcome = await runCheck(verifyRollbackCheck, cluster, verifying())
    expect(outcome).toEqual({
      status: 'pass',
      message: 'no Deployment went back to a template from before the deploy',
      data: {
        rollbackDetected: false,
        revisions: { 'vapora-backend': 3, 'vapora-agents': 3, 'vapora-llm-router': 3 }
      }
    })
  })

  it('detects a rollback by the template: an undo gives an old ReplicaSet a new, higher revision', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    const undone = deployment('vapora-backend', {
      replicas: 2,
      rollouts: [...DEPLOYED, '1.4.1'].map(tag => vaporaImages('vapora-backend', tag))
    })
    cluster.remove('Deployment', 'vapora-backend').add(...undone.objects, ...podsOf(undone))
    const outcome = await runCheck(verifyRollbackCheck, cluster, verifying())
    const message = `vapora-backend: revision 4 runs ReplicaSet ${undone.current.metadata!.name}, a template live before the deploy (preflight highest revision 2)`
    expect(outcome).toEqual({
      status: 'fail',
      message: `rollback detected: ${message}`,
      details: [message],
      data: {
        rollbackDetected: true,
        revisions: { 'vapora-backend': 4, 'vapora-agents': 3, 'vapora-llm-router': 3 }
      }
    })
    expect(dataOf(verifyRollbackCheck, outcome, VERIFY_ROLLBACK_DATA)?.rollbackDetected).toBe(true)
  })

  it('does not call a Deployment the deploy never reached a rollback (verify-images names it)', async () => {
    const { cluster } = vaporaCluster(BEFORE)
    const outcome = await runCheck(verifyRollbackCheck, cluster, verifying())
    expect(outcome.status).toBe('pass')
    expect(dataOf(verifyRollbackCheck, outcome, VERIFY_ROLLBACK_DATA)).toEqual({
      rollbackDetected: false,
      revisions: { 'vapora-backend': 2, 'vapora-agents': 2, 'vapora-llm-router': 2 }
    })
  })

  it('leaves out a Deployment the cluster does not have, and one the preflight did not know', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    cluster.remove('Deployment', 'vapora-agents')
    const record = preflightRecord()
    delete record.revisions['vapora-llm-router']
    const outcome = await runCheck(verifyRollbackCheck, cluster, verifying({ record }))
    expect(outcome.status).toBe('pass')
    expect(dataOf(verifyRollbackCheck, outcome, VERIFY_ROLLBACK_DATA)?.revisions).toEqual({
      'vapora-backend': 3,
      'vapora-llm-router': 3
    })
  })

  it('is an error when the ReplicaSets cannot be read', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    cluster.failAlways('fresh', unreachable())
    expect(await runCheck(verifyRollbackCheck, cluster, verifying())).toEqual({
      status: 'error',
      message: `cannot read the rollout state: ${unreachable().message}`
    })
  })
})

describe('verify-restarts', () => {
  /** The deployed cluster with its first backend pod at `restarts`, and that pod's name. */
  function restarted(restarts: number) {
    const { cluster, apps } = vaporaCluster(DEPLOYED)
    const first = pod(apps['vapora-backend'].current, 0, { restarts })
    cluster.add(first)
    return { cluster, name: first.metadata!.name!, apps }
  }

  it('is a blocking skip, blocked by the missing record, when the preflight left none', async () => {
    const outcome = await runCheck(verifyRestartsCheck, vaporaCluster(DEPLOYED).cluster, { verify: {} })
    expect(outcome).toMatchObject({
      status: 'skip',
      skipReason: 'prerequisite-failed',
      blockedBy: 'preflight-record',
      message: 'not run: no preflight record to compare with'
    })
  })

  it('passes when no restart count rose since the preflight, leaving the counts', async () => {
    const { cluster, name } = restarted(2)
    const outcome = await runCheck(
      verifyRestartsCheck,
      cluster,
      verifying({ record: preflightRecord({ [name]: 2 }) })
    )
    expect(outcome.status).toBe('pass')
    expect(outcome.message).toBe('no restart count rose (5 pod(s), 2 restart(s) in total)')
    const data = dataOf(verifyRestartsCheck, outcome, VERIFY_RESTARTS_DATA)!
    expect(data.total).toBe(2)
    expect(data.podRestarts[name]).toBe(2)
    expect(Object.keys(data.podRestarts)).toHaveLength(5)
  })

  it('fails naming each pod whose count rose, from the baseline or from 0 for a pod the deploy created', async () => {
    const { cluster, name, apps } = restarted(3)
    const fresh = pod(apps['vapora-agents'].current, 0, { restarts: 2 })
    cluster.add(fresh)
    const outcome = await runCheck(
      verifyRestartsCheck,
      cluster,
      verifying({ record: preflightRecord({ [name]: 1 }) })
    )
    const rising = [`${name}: 1 → 3`, `${fresh.metadata!.name}: 0 → 2`]
    expect(outcome).toMatchObject({
      status: 'fail',
      message: `restarts rose since the preflight: ${rising.join(', ')}`,
      details: rising,
      hint: expect.stringContaining('kubectl logs --previous')
    })
    expect(dataOf(verifyRestartsCheck, outcome, VERIFY_RESTARTS_DATA)?.total).toBe(5)
  })

  it('counts from 0 when the preflight recorded no restarts, and leaves completed pods out', async () => {
    const { cluster, name, apps } = restarted(1)
    const job = pod(apps['vapora-backend'].current, 9, { phase: 'Succeeded', ready: false, restarts: 4 })
    cluster.add(job)
    const outcome = await runCheck(verifyRestartsCheck, cluster, verifying())
    expect(outcome.message).toBe(`restarts rose since the preflight: ${name}: 0 → 1`)
    expect(dataOf(verifyRestartsCheck, outcome, VERIFY_RESTARTS_DATA)?.podRestarts).not.toHaveProperty(
      job.metadata!.name!
    )
  })

  it('is an error when the pods cannot be read', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    cluster.failNext('fresh', unreachable())
    expect(await runCheck(verifyRestartsCheck, cluster, verifying())).toEqual({
      status: 'error',
      message: `cannot read the pods: ${unreachable().message}`
    })
  })
})

describe('verify-events', () => {
  const startedAt = new Date(Date.now() - 10 * 60_000)
  const since = { deployStartedAt: startedAt.toISOString() }
  const web = { kind: 'Pod', metadata: { name: 'vapora-backend-7d4b9c-x2x8k', namespace: 'vapora' } }

  it('is a blocking skip when the deploy start is unknown (no record, no deploy-started-at)', async () => {
    const outcome = await runCheck(verifyEventsCheck, vaporaCluster(DEPLOYED).cluster, { verify: {} })
    expect(outcome).toMatchObject({
      status: 'skip',
      skipReason: 'prerequisite-failed',
      blockedBy: 'preflight-record',
      message: 'not run: the deploy start is unknown (no preflight record, no deploy-started-at)',
      hint: expect.stringContaining('deploy-started-at')
    })
  })

  it('passes when no Warning event came since the deploy started (older Warnings and Normal ones do not count)', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    cluster.add(
      event(web, { reason: 'BackOff', message: 'Back-off restarting failed container', at: minutesAgo(11) }),
      event(web, {
        type: 'Normal',
        reason: 'Pulled',
        message: 'Successfully pulled image',
        at: minutesAgo(1)
      })
    )
    expect(await runCheck(verifyEventsCheck, cluster, verifying(since))).toEqual({
      status: 'pass',
      message: `no Warning event since the deploy started (${startedAt.toISOString()})`,
      // The server sends the Warning events only: the old BackOff is read, the Normal one is not.
      data: { reads: [listRead('events in vapora (type=Warning)', 1)] }
    })
  })

  it('fails listing each Warning since the start, with its count, three in the message', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    const long = `Readiness probe failed: ${'x'.repeat(300)}`
    cluster.add(
      event(web, {
        reason: 'BackOff',
        message: 'Back-off restarting failed container',
        count: 5,
        at: minutesAgo(3)
      }),
      event(web, { reason: 'Unhealthy', message: long, at: minutesAgo(2) }),
      event(web, {
        reason: 'FailedScheduling',
        message: '0/2 nodes are available',
        count: 3,
        series: true,
        at: minutesAgo(1)
      }),
      event(web, { reason: 'FailedMount', message: 'MountVolume.SetUp failed', at: minutesAgo(1) })
    )
    const outcome = await runCheck(verifyEventsCheck, cluster, verifying(since))
    const pod = `Pod/${web.metadata.name}`
    const lines = [
      `BackOff on ${pod} ×5: Back-off restarting failed container`,
      `Unhealthy on ${pod}: ${long.slice(0, 200)}`,
      `FailedScheduling on ${pod} ×3: 0/2 nodes are available`,
      `FailedMount on ${pod}: MountVolume.SetUp failed`
    ]
    expect(outcome).toMatchObject({
      status: 'fail',
      message: `4 Warning event(s) since the deploy started (${startedAt.toISOString()}): ${lines.slice(0, 3).join('; ')}; …`,
      details: lines,
      hint: expect.stringContaining('--field-selector type=Warning')
    })
  })

  it('takes the start from the preflight record when deploy-started-at is not given', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    const record = preflightRecord()
    cluster.add(event(web, { reason: 'BackOff', message: 'Back-off', at: minutesAgo(14) }))
    const outcome = await runCheck(verifyEventsCheck, cluster, verifying({ record }))
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toMatch(
      new RegExp(`^1 Warning event\\(s\\) since the deploy started \\(${record.finishedAt}\\)`)
    )
  })

  it('is an error when the events cannot be read', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    cluster.failNext('fold:events', forbidden({ verb: 'list', resource: 'events', namespace: 'vapora' }))
    expect((await runCheck(verifyEventsCheck, cluster, verifying(since))).message).toMatch(
      /^cannot read events: events is forbidden: .*\(HTTP 403 Forbidden\)$/
    )
  })
})

describe('every verify check, when the cluster cannot be used', () => {
  const CHECKS = [
    verifyPodsReadyCheck,
    verifyImagesCheck,
    verifyRollbackCheck,
    verifyRestartsCheck,
    verifyEventsCheck
  ]

  it.each(CHECKS.map(c => [c.id, c] as const))(
    '%s is a blocking skip blocked by cluster-access when /version fails',
    async (_, check) => {
      const { cluster } = vaporaCluster(DEPLOYED)
      cluster.failAlways('version', unreachable())
      expect(await runCheck(check, cluster, verifying())).toMatchObject({
        status: 'skip',
        skipReason: 'prerequisite-failed',
        blockedBy: 'cluster-access'
      })
    }
  )

  it.each(CHECKS.map(c => [c.id, c] as const))(
    '%s is an error naming the server’s problem when the server stops answering, never a pass',
    async (_, check) => {
      const { cluster } = vaporaCluster(DEPLOYED)
      const methods: ReaderMethod[] = ['fresh', 'watchDeployments', 'deployments', 'replicaSets', 'fold']
      for (const method of methods) cluster.failAlways(method, unreachable())
      const outcome = await runCheck(check, cluster, verifying())
      expect(outcome.status).toBe('error')
      expect(outcome.message).toContain(unreachable().message)
    }
  )
})

describe('verify mode over the in-memory cluster', () => {
  it('verifies a deploy that rolled out the bundle: go, with the post-deployment record', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    const options = resolveOptions({ bundlePath: EXAMPLE_BUNDLE, verify: { record: preflightRecord({}) } })
    const report = await runVerifyChecks(options, { openCluster: connectionTo(cluster) })
    expect(report.failedChecks).toEqual([])
    expect(report.decision).toBe('go')
    expect(report.verification).toMatchObject({ verified: true, rollbackDetected: false, podRestarts: 0 })
    expect(report.results.find(r => r.id === clusterAccessCheck.id)?.status).toBe('pass')
  })

  it('does not verify a deploy that was rolled back', async () => {
    const { cluster } = vaporaCluster(DEPLOYED)
    const undone = deployment('vapora-agents', {
      replicas: 2,
      rollouts: [...DEPLOYED, '1.4.1'].map(tag => vaporaImages('vapora-agents', tag))
    })
    cluster.remove('Deployment', 'vapora-agents').add(...undone.objects, ...podsOf(undone))
    const options = resolveOptions({ bundlePath: EXAMPLE_BUNDLE, verify: { record: preflightRecord({}) } })
    const report = await runVerifyChecks(options, { openCluster: connectionTo(cluster) })
    expect(report.decision).toBe('no-go')
    expect(report.failedChecks).toEqual(['verify-images', 'verify-rollback'])
    expect(report.verification).toMatchObject({ verified: false, rollbackDetected: true })
  })
})

/**
 * The environment checks (nodes, namespace, Deployments, pods, events, capacity) against an in-memory
 * cluster: every branch of their logic, without a cluster (see test/in-memory-cluster.ts).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { deploymentsAvailableCheck } from '../src/checks/deployments-available.js'
import { namespaceExistsCheck } from '../src/checks/namespace-exists.js'
import { NODE_CAPACITY_DATA, nodeCapacityCheck } from '../src/checks/node-capacity.js'
import { nodesReadyCheck } from '../src/checks/nodes-ready.js'
import { PODS_RUNNING_DATA, podsRunningCheck } from '../src/checks/pods-running.js'
import { recentEventsCheck } from '../src/checks/recent-events.js'
import type { KubeObjectJson } from '../src/core/kube-object.js'
import { isBlocking } from '../src/core/policy.js'
import { cleanupTempDirs } from '../test/fixtures.js'
import {
  apiError,
  bundleCreatingNamespace,
  dataOf,
  DEPLOYER,
  deployment,
  event,
  forbidden,
  InMemoryCluster,
  listRead,
  minutesAgo,
  namespace,
  node,
  nodeMetrics,
  pod,
  podsOf,
  runCheck,
  unreachable,
  vaporaCluster
} from '../test/in-memory-cluster.js'

afterAll(cleanupTempDirs)

describe('nodes-ready', () => {
  const notReady = { reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }
  const noReadyCondition = (): KubeObjectJson => {
    const n = node('node-2')
    n.status.conditions = n.status.conditions.filter((c: { type: string }) => c.type !== 'Ready')
    return n
  }

  it('passes when every node is Ready without pressure', async () => {
    const outcome = await runCheck(nodesReadyCheck, new InMemoryCluster(node('node-1'), node('node-2')))
    expect(outcome).toEqual({
      status: 'pass',
      message: 'all 2 nodes Ready, no pressure conditions',
      data: { reads: [listRead('nodes', 2)] }
    })
  })

  it.each<[string, KubeObjectJson, string]>([
    [
      'a node NotReady, with its reason',
      node('node-2', { notReady }),
      'node-2 is NotReady (NodeStatusUnknown: Kubelet stopped posting node status.)'
    ],
    ['a node without a Ready condition', noReadyCondition(), 'node-2 is NotReady (no Ready condition)'],
    [
      'a pressure condition',
      node('node-2', { pressure: [{ type: 'DiskPressure', message: 'kubelet has disk pressure' }] }),
      'node-2 has DiskPressure (kubelet has disk pressure)'
    ]
  ])('fails for %s', async (_, bad, message) => {
    const outcome = await runCheck(nodesReadyCheck, new InMemoryCluster(node('node-1'), bad))
    expect(outcome).toEqual({
      status: 'fail',
      message,
      details: [message],
      data: { reads: [listRead('nodes', 2)] },
      hint: 'Wait for the nodes to recover, or drain and replace them, before deploying.'
    })
  })

  it('warns about a cordoned node, which takes no new pods', async () => {
    const outcome = await runCheck(
      nodesReadyCheck,
      new InMemoryCluster(node('node-1'), node('node-2', { cordoned: true }))
    )
    expect(outcome).toEqual({
      status: 'warn',
      message: '2 nodes Ready; node-2 is cordoned (unschedulable)',
      details: ['node-2 is cordoned (unschedulable)'],
      data: { reads: [listRead('nodes', 2)] }
    })
  })

  it('fails on the problems and still lists the cordon in the details', async () => {
    const cluster = new InMemoryCluster(node('node-1', { notReady }), node('node-2', { cordoned: true }))
    const outcome = await runCheck(nodesReadyCheck, cluster)
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toBe(
      'node-1 is NotReady (NodeStatusUnknown: Kubelet stopped posting node status.)'
    )
    expect(outcome.details).toEqual([outcome.message, 'node-2 is cordoned (unschedulable)'])
  })

  it('fails when the cluster has no node at all', async () => {
    expect(await runCheck(nodesReadyCheck, new InMemoryCluster())).toEqual({
      status: 'fail',
      message: 'the cluster has no nodes: nothing could run the pods',
      data: { reads: [listRead('nodes', 0)] }
    })
  })

  it('is an error, with the server’s message, when nodes may not be listed', async () => {
    const cluster = new InMemoryCluster(node('node-1'))
    cluster.failNext('fold:nodes', forbidden({ verb: 'list', resource: 'nodes' }))
    expect(await runCheck(nodesReadyCheck, cluster)).toEqual({
      status: 'error',
      message: `cannot list nodes: nodes is forbidden: User "${DEPLOYER}" cannot list resource "nodes" in API group "" at the cluster scope (HTTP 403 Forbidden)`
    })
  })
})

describe('namespace-exists', () => {
  it('passes when the namespace is Active', async () => {
    expect(await runCheck(namespaceExistsCheck, new InMemoryCluster(namespace()))).toEqual({
      status: 'pass',
      message: 'namespace vapora exists (Active)'
    })
  })

  it('fails when the namespace is being deleted', async () => {
    expect(
      await runCheck(namespaceExistsCheck, new InMemoryCluster(namespace('vapora', 'Terminating')))
    ).toEqual({
      status: 'fail',
      message: 'namespace vapora is being deleted (Terminating)'
    })
  })

  it('fails when the namespace is absent, saying how to create it', async () => {
    expect(await runCheck(namespaceExistsCheck, new InMemoryCluster(namespace('staging')))).toEqual({
      status: 'fail',
      message: 'namespace vapora does not exist',
      hint: 'Create it (kubectl create namespace vapora) or set the namespace input to the right one.'
    })
  })

  it('only warns when the namespace is absent but the bundle creates it', async () => {
    const outcome = await runCheck(namespaceExistsCheck, new InMemoryCluster(), {
      bundlePath: bundleCreatingNamespace()
    })
    expect(outcome).toEqual({
      status: 'warn',
      message: 'namespace vapora does not exist yet; this bundle creates it'
    })
  })

  it('looks for the namespace the run targets', async () => {
    const outcome = await runCheck(namespaceExistsCheck, new InMemoryCluster(namespace('staging')), {
      namespace: 'staging'
    })
    expect(outcome.message).toBe('namespace staging exists (Active)')
  })

  it('is an error when the namespace cannot be read', async () => {
    const cluster = new InMemoryCluster()
    cluster.failNext('namespace', forbidden({ verb: 'get', resource: 'namespaces', name: 'vapora' }))
    const outcome = await runCheck(namespaceExistsCheck, cluster)
    expect(outcome.status).toBe('error')
    expect(outcome.message).toMatch(
      /^cannot read namespace vapora: namespaces "vapora" is forbidden: .*\(HTTP 403 Forbidden\)$/
    )
  })
})

describe('deployments-available', () => {
  const AVAILABLE = [
    'vapora-backend: 2/2 available (Available=True, MinimumReplicasAvailable)',
    'vapora-agents: 2/2 available (Available=True, MinimumReplicasAvailable)',
    'vapora-llm-router: 1/1 available (Available=True, MinimumReplicasAvailable)'
  ]
  const unavailableCondition = {
    type: 'Available',
    status: 'False',
    reason: 'MinimumReplicasUnavailable',
    message: 'Deployment does not have minimum availability.'
  }

  it('passes when every expected Deployment is available and rolled out', async () => {
    const { cluster } = vaporaCluster()
    expect(await runCheck(deploymentsAvailableCheck, cluster)).toEqual({
      status: 'pass',
      message: 'all 3 deployments available',
      details: AVAILABLE
    })
  })

  it('fails for a Deployment short of available replicas, whose rollout kubectl would still wait for', async () => {
    const { cluster } = vaporaCluster()
    cluster.update('Deployment', 'vapora-backend', d => {
      d.status.availableReplicas = 1
      d.status.readyReplicas = 1
      d.status.conditions[0] = unavailableCondition
    })
    const outcome = await runCheck(deploymentsAvailableCheck, cluster)
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toBe(
      'not available: vapora-backend: 1/2 available (Available=False, MinimumReplicasUnavailable); a rollout is in progress: vapora-backend: 1 of 2 updated replicas available'
    )
    expect(outcome.details).toEqual([
      'vapora-backend: 1/2 available (Available=False, MinimumReplicasUnavailable)',
      'vapora-backend: rollout in progress: 1 of 2 updated replicas available',
      ...AVAILABLE.slice(1)
    ])
    expect(outcome.hint).toMatch(
      /^Let the rollout finish \(kubectl rollout status deployment\/vapora-backend -n vapora\)/
    )
  })

  it('fails for a Deployment whose Available condition is False, with the hint to fix the current state first', async () => {
    const { cluster } = vaporaCluster()
    cluster.update('Deployment', 'vapora-agents', d => {
      d.status.conditions[0] = unavailableCondition
    })
    const outcome = await runCheck(deploymentsAvailableCheck, cluster)
    expect(outcome).toMatchObject({
      status: 'fail',
      message: 'not available: vapora-agents: 2/2 available (Available=False, MinimumReplicasUnavailable)',
      hint: 'Deploying over an unhealthy Deployment hides the cause: fix or roll back the current state first.'
    })
  })

  it('fails for a stalled rollout even with enough replicas available', async () => {
    const { cluster, apps } = vaporaCluster()
    cluster.update('Deployment', 'vapora-agents', d => {
      d.status.replicas = 3
      d.status.updatedReplicas = 1
      d.status.conditions[1] = {
        type: 'Progressing',
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: `ReplicaSet "${apps['vapora-agents'].current.metadata!.name}" has timed out progressing.`
      }
    })
    const outcome = await runCheck(deploymentsAvailableCheck, cluster)
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toBe(
      `a rollout is in progress: vapora-agents: stalled (ReplicaSet "${apps['vapora-agents'].current.metadata!.name}" has timed out progressing.)`
    )
    expect(outcome.hint).toContain('kubectl rollout status deployment/vapora-agents -n vapora')
  })

  it('fails while the controller has not seen the latest spec', async () => {
    const { cluster } = vaporaCluster()
    cluster.update('Deployment', 'vapora-llm-router', d => {
      d.metadata!.generation = 3
    })
    const outcome = await runCheck(deploymentsAvailableCheck, cluster)
    expect(outcome.message).toBe(
      'a rollout is in progress: vapora-llm-router: the controller has not seen the latest spec yet'
    )
  })

  it('warns on a first deploy, when none of the Deployments exists yet', async () => {
    expect(await runCheck(deploymentsAvailableCheck, new InMemoryCluster(namespace()))).toEqual({
      status: 'warn',
      message: 'none of the deployments exists yet in vapora (first deploy)',
      details: [
        'vapora-backend: not deployed yet',
        'vapora-agents: not deployed yet',
        'vapora-llm-router: not deployed yet'
      ]
    })
  })

  it('warns naming the Deployments not deployed yet when the others are available', async () => {
    const { cluster } = vaporaCluster()
    cluster.remove('Deployment', 'vapora-llm-router')
    expect(await runCheck(deploymentsAvailableCheck, cluster)).toEqual({
      status: 'warn',
      message: 'available; not deployed yet: vapora-llm-router',
      details: [...AVAILABLE.slice(0, 2), 'vapora-llm-router: not deployed yet']
    })
  })

  it('is an error when the Deployments cannot be listed', async () => {
    const { cluster } = vaporaCluster()
    cluster.failNext(
      'deployments',
      forbidden({ verb: 'list', resource: 'deployments', group: 'apps', namespace: 'vapora' })
    )
    expect((await runCheck(deploymentsAvailableCheck, cluster)).message).toMatch(
      /^cannot list deployments in vapora: deployments is forbidden: .* \(HTTP 403 Forbidden\)$/
    )
  })
})

describe('pods-running', () => {
  /** The healthy cluster, its first backend pod replaced by `bad`. */
  function withPod(options: Parameters<typeof pod>[2]) {
    const { cluster, apps } = vaporaCluster()
    const replaced = pod(apps['vapora-backend'].current, 0, options)
    cluster.add(replaced)
    return { cluster, name: replaced.metadata!.name! }
  }

  it('passes when every pod is Running and Ready, counting old restarts into the baseline', async () => {
    const { cluster, name } = withPod({ restarts: 2, lastRestartAt: minutesAgo(24 * 60) })
    const outcome = await runCheck(podsRunningCheck, cluster)
    expect(outcome.status).toBe('pass')
    expect(outcome.message).toBe('5 pods Running and Ready (2 restarts in total, none recent)')
    expect(outcome.details).toContain(`${name}: Running, Ready, 2 restarts`)
    const data = dataOf(podsRunningCheck, outcome, PODS_RUNNING_DATA)!
    expect(data.restarts).toBe(2)
    expect(Object.keys(data.restartsByPod!)).toHaveLength(5)
    expect(data.restartsByPod![name]).toBe(2)
  })

  it('passes when the namespace has no pods yet', async () => {
    expect(await runCheck(podsRunningCheck, new InMemoryCluster(namespace()))).toEqual({
      status: 'pass',
      message: 'no running pods in vapora yet (completed ones are not judged)',
      data: { reads: [listRead('pods in vapora (status.phase!=Succeeded)', 0)] }
    })
  })

  it.each<[string, Parameters<typeof pod>[2], (name: string) => string]>([
    ['a Pending pod', { phase: 'Pending', started: false }, name => `${name} is Pending`],
    ['a Failed pod', { phase: 'Failed', ready: false }, name => `${name} is Failed`],
    ['a Running pod that is not Ready', { ready: false }, name => `${name} is not Ready`],
    [
      'a container in CrashLoopBackOff',
      { waiting: 'CrashLoopBackOff', restarts: 7 },
      name => `${name} is not Ready; ${name}/backend is in CrashLoopBackOff (7 restarts)`
    ],
    [
      'an image that cannot be pulled',
      { phase: 'Pending', waiting: 'ImagePullBackOff' },
      name => `${name} is Pending; ${name}/backend is in ImagePullBackOff (0 restarts)`
    ]
  ])('fails for %s', async (_, options, message) => {
    const { cluster, name } = withPod(options)
    const outcome = await runCheck(podsRunningCheck, cluster)
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toBe(message(name))
    expect(outcome.hint).toContain('kubectl describe pod')
    expect(dataOf(podsRunningCheck, outcome, PODS_RUNNING_DATA)?.restartsByPod?.[name]).toBe(
      options?.restarts ?? 0
    )
  })

  it('fails for a restart within the events window: restarts are rising', async () => {
    const at = minutesAgo(10)
    const { cluster, name } = withPod({ restarts: 3, lastRestartAt: at })
    const outcome = await runCheck(podsRunningCheck, cluster)
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toBe(
      `${name}/backend restarted 3 times, last at ${at} (Error): restarts are rising`
    )
  })

  it('counts a restart before the events window, but does not block on it', async () => {
    const { cluster } = withPod({ restarts: 3, lastRestartAt: minutesAgo(10) })
    const outcome = await runCheck(podsRunningCheck, cluster, { eventsWindow: '5m' })
    expect(outcome.status).toBe('pass')
    expect(dataOf(podsRunningCheck, outcome, PODS_RUNNING_DATA)?.restarts).toBe(3)
  })

  it('leaves a completed pod (a Job’s) out of the judgement and the restart counts', async () => {
    const { cluster, apps } = vaporaCluster()
    const job = pod(apps['vapora-backend'].current, 9, { phase: 'Succeeded', ready: false })
    cluster.add(job)
    const outcome = await runCheck(podsRunningCheck, cluster)
    expect(outcome.status).toBe('pass')
    expect(dataOf(podsRunningCheck, outcome, PODS_RUNNING_DATA)?.restartsByPod).not.toHaveProperty(
      job.metadata!.name!
    )
    expect(outcome.details).toHaveLength(5)
  })

  it('counts only the pods it judged in its message', async () => {
    const { cluster, apps } = vaporaCluster()
    cluster.add(pod(apps['vapora-backend'].current, 9, { phase: 'Succeeded', ready: false }))
    const outcome = await runCheck(podsRunningCheck, cluster)
    expect(outcome.message).toBe('5 pods Running and Ready (0 restarts in total, none recent)')
  })

  it('says so when every pod in the namespace has completed', async () => {
    const { apps } = vaporaCluster()
    const job = pod(apps['vapora-backend'].current, 9, { phase: 'Succeeded', ready: false })
    const outcome = await runCheck(podsRunningCheck, new InMemoryCluster(namespace(), job))
    expect(outcome).toMatchObject({
      status: 'pass',
      message: 'no running pods in vapora yet (completed ones are not judged)'
    })
  })

  it('is an error when the pods cannot be listed', async () => {
    const { cluster } = vaporaCluster()
    cluster.failNext('fold:pods', unreachable())
    expect((await runCheck(podsRunningCheck, cluster)).message).toBe(
      `cannot list pods in vapora: ${unreachable().message}`
    )
  })
})

describe('recent-events', () => {
  it('passes when no Warning event falls in the window (Normal ones and old Warnings do not count)', async () => {
    const { cluster, apps } = vaporaCluster()
    const [first] = podsOf(apps['vapora-backend'])
    cluster.add(
      event(first, {
        reason: 'BackOff',
        message: 'Back-off restarting failed container',
        at: minutesAgo(90)
      }),
      event(first, { type: 'Normal', reason: 'Pulled', message: 'Container image pulled' })
    )
    expect(await runCheck(recentEventsCheck, cluster)).toEqual({
      status: 'pass',
      message: 'no Warning events in vapora in the last 60 min',
      // The server sends the Warning events only: the old BackOff is read, the Normal ones are not.
      data: { reads: [listRead('events in vapora (type=Warning)', 1)] }
    })
  })

  it('warns listing the Warning events grouped by reason and object, with their counts', async () => {
    const { cluster, apps } = vaporaCluster()
    const [a, b] = podsOf(apps['vapora-backend']).map(p => p.metadata!.name!)
    const backend = { kind: 'Pod', metadata: { name: a, namespace: 'vapora' } }
    const other = { kind: 'Pod', metadata: { name: b, namespace: 'vapora' } }
    cluster.add(
      event(backend, {
        reason: 'BackOff',
        message: 'Back-off restarting failed container',
        count: 5,
        at: minutesAgo(20)
      }),
      event(backend, {
        reason: 'BackOff',
        message: 'Back-off restarting failed container',
        count: 3,
        at: minutesAgo(2)
      }),
      // An events.k8s.io event: no lastTimestamp, its series says when it was last seen and how often.
      event(other, {
        reason: 'FailedScheduling',
        message: '0/2 nodes are available: 2 Insufficient cpu.',
        count: 4,
        series: true
      })
    )
    const outcome = await runCheck(recentEventsCheck, cluster)
    const details = [
      `BackOff Pod/${a} ×8: Back-off restarting failed container`,
      `FailedScheduling Pod/${b} ×4: 0/2 nodes are available: 2 Insufficient cpu.`
    ]
    expect(outcome).toEqual({
      status: 'warn',
      message: `2 kinds of Warning events in the last 60 min: BackOff Pod/${a}, FailedScheduling Pod/${b}`,
      details,
      data: { warnings: details, reads: [listRead('events in vapora (type=Warning)', 3)] }
    })
    expect(isBlocking(outcome)).toBe(false)
  })

  it('names three kinds in the message and elides the rest; the window is the one configured', async () => {
    const { cluster } = vaporaCluster()
    const web = { kind: 'Pod', metadata: { name: 'web', namespace: 'vapora' } }
    const reasons = ['BackOff', 'Unhealthy', 'FailedMount', 'FailedScheduling']
    cluster.add(...reasons.map(reason => event(web, { reason, message: reason, at: minutesAgo(10) })))
    const outcome = await runCheck(recentEventsCheck, cluster, { eventsWindow: '30m' })
    expect(outcome.message).toBe(
      '4 kinds of Warning events in the last 30 min: BackOff Pod/web, Unhealthy Pod/web, FailedMount Pod/web, …'
    )
    expect(outcome.details).toHaveLength(4)
  })

  it('is an error when the events cannot be listed', async () => {
    const { cluster } = vaporaCluster()
    cluster.failNext('fold:events', forbidden({ verb: 'list', resource: 'events', namespace: 'vapora' }))
    expect((await runCheck(recentEventsCheck, cluster)).message).toMatch(
      /^cannot list events in vapora: events is forbidden: .*\(HTTP 403 Forbidden\)$/
    )
  })
})

describe('node-capacity', () => {
  /** Two 4-CPU, 16 GiB nodes with the usage metrics-server reports for them. */
  const nodesUsing = (usage: Array<{ cpu: string; memory: string } | undefined>) =>
    new InMemoryCluster(
      node('node-1'),
      node('node-2'),
      ...usage.flatMap((u, i) => (u ? [nodeMetrics(`node-${i + 1}`, u)] : []))
    )
  let podIndex = 0
  /** A pod of another namespace, requesting `cpu` and `memory` on `nodeName`. */
  const requesting = (
    nodeName: string,
    cpu: string,
    memory: string,
    phase: 'Running' | 'Succeeded' = 'Running'
  ) => {
    const { current } = deployment('coredns', {
      namespace: 'kube-system',
      rollouts: [{ coredns: 'coredns:1.12' }]
    })
    return pod(current, ++podIndex, { node: nodeName, phase, requests: { cpu, memory } })
  }

  it('passes when every node is under the threshold by metrics.k8s.io usage', async () => {
    const cluster = nodesUsing([
      { cpu: '1200000000n', memory: '4194304Ki' },
      { cpu: '800m', memory: '3Gi' }
    ])
    const outcome = await runCheck(nodeCapacityCheck, cluster)
    const data = {
      source: 'metrics.k8s.io usage',
      threshold: 85,
      nodes: [
        { name: 'node-1', cpuPct: 30, memoryPct: 25 },
        { name: 'node-2', cpuPct: 20, memoryPct: 19 }
      ],
      reads: [listRead('nodes', 2)]
    }
    expect(outcome).toEqual({
      status: 'pass',
      message: 'all 2 nodes under 85% (metrics.k8s.io usage)',
      details: ['node-1: CPU 30%, memory 25% of allocatable', 'node-2: CPU 20%, memory 19% of allocatable'],
      data
    })
    expect(dataOf(nodeCapacityCheck, outcome, NODE_CAPACITY_DATA)).toEqual(data)
    expect(cluster.folds('pods')).toHaveLength(0)
  })

  it('fails naming the node over the threshold, by CPU or by memory', async () => {
    const cluster = nodesUsing([
      { cpu: '3600m', memory: '4Gi' },
      { cpu: '1', memory: '15Gi' }
    ])
    const outcome = await runCheck(nodeCapacityCheck, cluster)
    expect(outcome).toMatchObject({
      status: 'fail',
      message:
        'near capacity (over 85%, metrics.k8s.io usage): node-1: CPU 90%, memory 25% of allocatable; node-2: CPU 25%, memory 94% of allocatable',
      hint: 'Free or add capacity first: a rolling update needs room for the surge pods.'
    })
    expect(dataOf(nodeCapacityCheck, outcome, NODE_CAPACITY_DATA)?.nodes).toEqual([
      { name: 'node-1', cpuPct: 90, memoryPct: 25 },
      { name: 'node-2', cpuPct: 25, memoryPct: 94 }
    ])
  })

  it('judges by the capacity-threshold configured', async () => {
    const cluster = nodesUsing([
      { cpu: '3600m', memory: '4Gi' },
      { cpu: '1', memory: '4Gi' }
    ])
    const outcome = await runCheck(nodeCapacityCheck, cluster, { capacityThreshold: '95%' })
    expect(outcome.status).toBe('pass')
    expect(outcome.message).toBe('all 2 nodes under 95% (metrics.k8s.io usage)')
  })

  it('falls back to requests of every namespace without metrics-server, and warns that usage is unknown', async () => {
    const cluster = nodesUsing([]).withoutMetricsServer()
    cluster.add(
      requesting('node-1', '1', '2Gi'),
      requesting('node-1', '500m', '2Gi'),
      requesting('node-1', '2', '8Gi', 'Succeeded')
    )
    const outcome = await runCheck(nodeCapacityCheck, cluster)
    expect(outcome).toEqual({
      status: 'warn',
      message: 'under 85% on all 2 nodes by requests; metrics-server is absent, so real usage is unknown',
      details: ['node-1: CPU 38%, memory 25% of allocatable', 'node-2: CPU 0%, memory 0% of allocatable'],
      data: {
        source: 'requests (metrics-server is absent)',
        threshold: 85,
        nodes: [
          { name: 'node-1', cpuPct: 38, memoryPct: 25 },
          { name: 'node-2', cpuPct: 0, memoryPct: 0 }
        ],
        // The Succeeded pod is not sent.
        reads: [
          listRead('nodes', 2),
          listRead('namespaces', 1),
          listRead('pods in kube-system (spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed)', 2)
        ]
      }
    })
    // The pods of each namespace, of those that hold a node's resources only, read for their requests.
    expect(cluster.folds('pods')).toEqual([
      {
        kind: 'pods',
        namespace: 'kube-system',
        fieldSelector: 'spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed',
        only: 'requests'
      }
    ])
  })

  it('sums the requests of every namespace on each node, and reports the lists as one read', async () => {
    const cluster = nodesUsing([]).withoutMetricsServer()
    const elsewhere = requesting('node-1', '1', '2Gi')
    elsewhere.metadata!.namespace = 'batch'
    cluster.add(requesting('node-1', '500m', '2Gi'), elsewhere, requesting('node-2', '1', '1Gi'))
    const outcome = await runCheck(nodeCapacityCheck, cluster)
    expect(outcome.details).toEqual([
      'node-1: CPU 38%, memory 25% of allocatable',
      'node-2: CPU 25%, memory 6% of allocatable'
    ])
    expect(dataOf(nodeCapacityCheck, outcome, NODE_CAPACITY_DATA)?.reads).toEqual([
      listRead('nodes', 2),
      listRead('namespaces', 2),
      listRead(
        'pods in each of 2 namespaces (spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed)',
        3,
        2
      )
    ])
    expect(
      cluster
        .folds('pods')
        .map(q => q.namespace)
        .sort()
    ).toEqual(['batch', 'kube-system'])
  })

  it('reads one list of every pod when it may list pods everywhere but not namespaces', async () => {
    const cluster = nodesUsing([]).withoutMetricsServer()
    cluster.add(requesting('node-1', '1', '2Gi'))
    cluster.failNext('fold:namespaces', forbidden({ verb: 'list', resource: 'namespaces' }))
    const outcome = await runCheck(nodeCapacityCheck, cluster)
    expect(outcome.details?.[0]).toBe('node-1: CPU 25%, memory 13% of allocatable')
    expect(cluster.folds('pods')).toEqual([
      {
        kind: 'pods',
        fieldSelector: 'spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed',
        only: 'requests'
      }
    ])
    expect(dataOf(nodeCapacityCheck, outcome, NODE_CAPACITY_DATA)?.reads.map(r => r.list)).toEqual([
      'nodes',
      'pods in every namespace (spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed)'
    ])
  })

  it('is an error when the namespaces cannot be listed for another reason', async () => {
    const cluster = nodesUsing([]).withoutMetricsServer()
    cluster.failNext('fold:namespaces', unreachable())
    expect(await runCheck(nodeCapacityCheck, cluster)).toMatchObject({
      status: 'error',
      message: `cannot read node capacity: ${unreachable().message}`
    })
  })

  it('fails by requests too when they leave no room, saying the numbers are requests', async () => {
    const cluster = nodesUsing([]).withoutMetricsServer()
    cluster.add(requesting('node-2', '3500m', '1Gi'))
    const outcome = await runCheck(nodeCapacityCheck, cluster)
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toBe(
      'near capacity (over 85%, requests (metrics-server is absent)): node-2: CPU 88%, memory 6% of allocatable'
    )
  })

  it('counts a node metrics-server has no usage for by its requests, names it, and warns', async () => {
    const cluster = nodesUsing([{ cpu: '1', memory: '4Gi' }, undefined])
    cluster.add(requesting('node-2', '2', '4Gi'))
    const outcome = await runCheck(nodeCapacityCheck, cluster)
    expect(outcome.status).toBe('warn')
    expect(outcome.message).toBe(
      'under 85% on all 2 nodes; metrics-server has no usage for node-2 (not scraped yet, or its kubelet unreachable), counted by requests'
    )
    expect(outcome.details).toEqual([
      'node-1: CPU 25%, memory 25% of allocatable',
      'node-2: CPU 50%, memory 25% of allocatable (by requests: metrics-server has no usage for it)'
    ])
    expect(dataOf(nodeCapacityCheck, outcome, NODE_CAPACITY_DATA)).toMatchObject({
      source: 'metrics.k8s.io usage',
      noMetrics: ['node-2']
    })
    // Only that node's pods are asked for, not every pod of the cluster.
    expect(cluster.folds('pods')).toEqual([
      {
        kind: 'pods',
        fieldSelector: 'spec.nodeName=node-2,status.phase!=Succeeded,status.phase!=Failed',
        only: 'requests'
      }
    ])
  })

  it('counts many nodes without metrics by the pods of every namespace, not a list per node', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `node-${i + 1}`)
    const cluster = new InMemoryCluster(
      ...names.map(name => node(name)),
      nodeMetrics('node-1', { cpu: '1', memory: '1Gi' })
    )
    cluster.add(...names.slice(1).map(name => requesting(name, '1', '1Gi')))
    const outcome = await runCheck(nodeCapacityCheck, cluster)
    expect(outcome.status).toBe('warn')
    expect(dataOf(nodeCapacityCheck, outcome, NODE_CAPACITY_DATA)?.noMetrics).toEqual(names.slice(1))
    expect(outcome.details?.[6]).toBe(
      'node-7: CPU 25%, memory 6% of allocatable (by requests: metrics-server has no usage for it)'
    )
    expect(cluster.folds('pods').map(q => q.fieldSelector)).toEqual([
      'spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed'
    ])
  })

  it('is an error when the nodes cannot be read', async () => {
    const cluster = nodesUsing([])
    cluster.failNext('nodeMetrics', apiError(500, 'InternalError', 'metrics-server: timeout'))
    expect(await runCheck(nodeCapacityCheck, cluster)).toEqual({
      status: 'error',
      message: 'cannot read node capacity: metrics-server: timeout (HTTP 500 InternalError)'
    })
  })
})

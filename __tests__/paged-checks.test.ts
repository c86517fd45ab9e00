/**
 * The cluster checks that read lists growing with the cluster (nodes, every pod, a namespace's pods and
 * events) fold them page by page: whatever the page size, and when a list starts again after its continue
 * token expired, they reach the same verdict with the same evidence, and say what the reading cost.
 */
import { describe, expect, it } from '@jest/globals'
import { nodeCapacityCheck } from '../src/checks/node-capacity.js'
import { nodesReadyCheck } from '../src/checks/nodes-ready.js'
import { podsRunningCheck } from '../src/checks/pods-running.js'
import { recentEventsCheck } from '../src/checks/recent-events.js'
import { verifyEventsCheck } from '../src/checks/verify-events.js'
import type { Check, ListRead } from '../src/core/check.js'
import type { CheckOutcome } from '../src/core/types.js'
import {
  event,
  InMemoryCluster,
  listRead,
  matchesFieldSelector,
  minutesAgo,
  namespace,
  node,
  pod,
  podsOf,
  runCheck,
  vaporaCluster
} from '../test/in-memory-cluster.js'

/** The example app, without metrics-server (so node-capacity reads every pod), with Warning events. */
function busyCluster(): InMemoryCluster {
  const { cluster, apps } = vaporaCluster()
  cluster.withoutMetricsServer()
  cluster.add(node('node-3', { cordoned: true }))
  const [first, second] = podsOf(apps['vapora-backend'])
  cluster.add(
    pod(apps['vapora-agents'].current, 7, { node: 'node-3', ready: false }),
    pod(apps['vapora-agents'].current, 8, { phase: 'Succeeded', ready: false }),
    // The same reason on the same pod, at different times: one group, whatever page each falls on.
    event(first, { reason: 'BackOff', message: 'Back-off restarting failed container', count: 2 }),
    event(second, { reason: 'Unhealthy', message: 'Readiness probe failed', at: minutesAgo(3) }),
    event(first, { reason: 'BackOff', message: 'Back-off restarting', count: 3, at: minutesAgo(1) }),
    event(second, { type: 'Normal', reason: 'Pulled', message: 'Container image pulled' })
  )
  return cluster
}

/** An outcome with what its reading cost left out, to compare the evidence alone. */
function evidence(outcome: CheckOutcome): CheckOutcome {
  if (!outcome.data || !('reads' in outcome.data)) return outcome
  const { reads: _, ...rest } = outcome.data as { reads: ListRead[] }
  return { ...outcome, data: rest }
}

const readsOf = (outcome: CheckOutcome): ListRead[] => (outcome.data as { reads: ListRead[] }).reads

const FOLDING: Check[] = [nodesReadyCheck, podsRunningCheck, recentEventsCheck, nodeCapacityCheck]

describe('checks that fold lists page by page', () => {
  it.each(FOLDING.map(c => [c.id, c] as const))(
    '%s reaches the same verdict and evidence with one object per page as with one page',
    async (_, check) => {
      const whole = await runCheck(check, busyCluster())
      const paged = await runCheck(check, busyCluster().withPageSize(1))
      expect(evidence(paged)).toEqual(evidence(whole))
      for (const read of readsOf(paged)) expect(read.pages).toBe(Math.max(1, read.items))
      for (const read of readsOf(whole)) expect(read.pages).toBe(1)
    }
  )

  it.each(FOLDING.map(c => [c.id, c] as const))(
    '%s keeps nothing of a pass its list started again (an expired continue token), and says it restarted',
    async (_, check) => {
      const whole = await runCheck(check, busyCluster())
      const restarted = await runCheck(check, busyCluster().withPageSize(2).expireContinue())
      expect(evidence(restarted)).toEqual(evidence(whole))
      const [first] = readsOf(restarted)
      const objects = readsOf(whole)[0].items
      expect(first.restarts).toBe(1)
      // The first page was read twice: once in the pass that expired, once in the one that completed.
      expect(first.pages).toBe(Math.ceil(objects / 2) + 1)
      expect(first.items).toBe(objects + 2)
    }
  )

  it('node-capacity reports the nodes and the pods it read, page by page, of pods that hold a node only', async () => {
    const outcome = await runCheck(nodeCapacityCheck, busyCluster().withPageSize(2))
    expect(outcome.status).toBe('warn')
    expect(readsOf(outcome)).toEqual([
      listRead('nodes', 3, 2),
      listRead('namespaces', 1),
      // 5 pods of the app and the one on node-3; the Succeeded pod is not sent.
      listRead('pods in vapora (spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed)', 6, 3)
    ])
  })

  it('recent-events groups a reason and object across pages and reads Warning events only', async () => {
    const outcome = await runCheck(recentEventsCheck, busyCluster().withPageSize(1))
    expect(outcome.details).toEqual([
      expect.stringMatching(/^BackOff Pod\/vapora-backend-\S+ ×5: Back-off restarting failed container$/),
      expect.stringMatching(/^Unhealthy Pod\/vapora-backend-\S+ ×1: Readiness probe failed$/)
    ])
    expect(readsOf(outcome)).toEqual([listRead('events in vapora (type=Warning)', 3, 3)])
  })

  it('verify-events reads Warning events only, page by page', async () => {
    const cluster = new InMemoryCluster(namespace()).withPageSize(1)
    const web = { kind: 'Pod', metadata: { name: 'web', namespace: 'vapora' } }
    cluster.add(
      event(web, { reason: 'BackOff', message: 'Back-off', at: minutesAgo(1) }),
      event(web, { type: 'Normal', reason: 'Pulled', message: 'pulled', at: minutesAgo(1) }),
      event(web, { reason: 'Unhealthy', message: 'probe failed', at: minutesAgo(1) })
    )
    const outcome = await runCheck(verifyEventsCheck, cluster, {
      verify: { deployStartedAt: new Date(Date.now() - 5 * 60_000).toISOString() }
    })
    expect(outcome.status).toBe('fail')
    expect(outcome.details).toEqual(['BackOff on Pod/web: Back-off', 'Unhealthy on Pod/web: probe failed'])
    expect(readsOf(outcome)).toEqual([listRead('events in vapora (type=Warning)', 2, 2)])
  })
})

describe('the in-memory cluster’s field selectors, as the API server reads them', () => {
  const running = pod(vaporaCluster().apps['vapora-backend'].current)
  const unbound = { ...running, spec: { ...running.spec, nodeName: undefined } }
  it.each<[string, boolean, boolean]>([
    ['status.phase!=Succeeded,status.phase!=Failed', true, true],
    ['status.phase=Running', true, true],
    ['status.phase==Pending', false, false],
    ['spec.nodeName!=', true, false],
    ['spec.nodeName=node-1', true, false],
    ['spec.nodeName=', false, true]
  ])('%s', (selector, matchesBound, matchesUnbound) => {
    expect(matchesFieldSelector(running, selector)).toBe(matchesBound)
    expect(matchesFieldSelector(unbound, selector)).toBe(matchesUnbound)
  })

  it('refuses a term it cannot read rather than match everything', () => {
    expect(() => matchesFieldSelector(running, 'status.phase')).toThrow('cannot read the field selector')
  })
})

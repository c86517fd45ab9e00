/**
 * The in-memory cluster's own promises, which the check tests rely on: reads are copies of the current
 * state, faults fire when planned, the watch sees later changes and ends at its deadline, and the dry-run
 * sets the namespace as the session does.
 */
import { describe, expect, it } from '@jest/globals'
import { isClusterError } from '../src/core/check.js'
import {
  apiError,
  deployment,
  InMemoryCluster,
  namespace,
  unreachable,
  vaporaCluster
} from '../test/in-memory-cluster.js'

describe('the in-memory cluster', () => {
  it('hands out copies: a check changing what it read changes nothing stored', async () => {
    const { cluster } = vaporaCluster()
    const [first] = await cluster.deployments('vapora')
    first.spec.replicas = 99
    expect((await cluster.deployments('vapora'))[0].spec.replicas).toBe(2)
  })

  it('throws a planned fault once, then answers again; failAlways keeps throwing', async () => {
    const cluster = new InMemoryCluster(namespace())
    cluster.failNext('namespace', unreachable())
    await expect(cluster.namespace('vapora')).rejects.toMatchObject({ unreachable: true })
    expect(await cluster.namespace('vapora')).toMatchObject({ metadata: { name: 'vapora' } })
    cluster.failAlways('fold:nodes', apiError(403, 'Forbidden', 'nodes is forbidden'))
    const count = () =>
      cluster.fold(
        { kind: 'nodes' },
        () => 0,
        n => n + 1
      )
    for (let i = 0; i < 2; i++) await expect(count()).rejects.toMatchObject({ status: 403 })
    // A fault planned for the folds of one kind leaves the others alone.
    expect(
      (
        await cluster.fold(
          { kind: 'pods' },
          () => 0,
          n => n + 1
        )
      ).value
    ).toBe(0)
  })

  it('throws errors that the checks recognise as a cluster reader’s', () => {
    expect(isClusterError(unreachable())).toBe(true)
    expect(isClusterError(apiError(422, 'Invalid', 'invalid'))).toBe(true)
  })

  it('refuses to update or remove an object it does not hold', () => {
    const cluster = new InMemoryCluster()
    expect(() => cluster.remove('Deployment', 'nope')).toThrow(
      'InMemoryCluster.remove: no Deployment/vapora/nope'
    )
    expect(() => cluster.update('Node', 'nope', () => {})).toThrow('InMemoryCluster.update: no Node//nope')
  })

  it('watches: done at once, done on a later change, or not done at the deadline', async () => {
    const { cluster } = vaporaCluster()
    const three = (objects: unknown[]) => objects.length === 3
    expect((await cluster.watchDeployments('vapora', three, Date.now() + 1000)).done).toBe(true)

    const four = (objects: unknown[]) => objects.length === 4
    const waiting = cluster.watchDeployments('vapora', four, Date.now() + 5000)
    await cluster.whenWatching()
    cluster.add(deployment('web', { rollouts: [{ web: 'nginx:1.27' }] }).deployment)
    const seen = await waiting
    expect(seen.done).toBe(true)
    expect(seen.objects.map(d => d.metadata?.name)).toContain('web')

    const started = Date.now()
    const never = await cluster.watchDeployments('vapora', () => false, started + 100)
    expect(never.done).toBe(false)
    expect(Date.now() - started).toBeGreaterThanOrEqual(95)
    expect(never.objects).toHaveLength(4)
  })

  it('dry-runs as the session does: the namespace set on namespaced objects only, a kind not served not sent', async () => {
    const cluster = new InMemoryCluster(namespace())
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }
    expect(await cluster.dryRunApply(cm, 'vapora')).toMatchObject({
      ok: true,
      sent: true,
      status: 201,
      namespaceSet: { from: undefined, to: 'vapora' },
      result: { metadata: { name: 'c', namespace: 'vapora' } }
    })
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } }
    expect((await cluster.dryRunApply(ns, 'vapora')).namespaceSet).toBeUndefined()
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }
    expect(await cluster.dryRunApply(widget, 'vapora')).toMatchObject({ ok: false, sent: false })
  })
})

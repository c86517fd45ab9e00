/**
 * "All pods reach Ready within 5 minutes": watches the namespace's Deployments (a watch, not a polling
 * loop) until every Deployment of the bundle has rolled out completely — the controller saw the latest
 * spec, every replica is updated, ready and available, and no old replica is left — or `ready-timeout`
 * passes. The moment it happened is the deploy's end time.
 */
import { dataKey } from '../core/check-data.js'
import type { KubeObjectJson } from '../core/kube-object.js'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { explainApiError, usableCluster } from './cluster-common.js'
import { bundleDeployments, isReady, livePods } from './verify-common.js'

function rolledOut(d: KubeObjectJson | undefined): boolean {
  if (!d) return false
  const want = d.spec?.replicas ?? 1
  const s = d.status ?? {}
  return (
    (s.observedGeneration ?? 0) >= (d.metadata?.generation as number) &&
    (s.updatedReplicas ?? 0) === want &&
    (s.readyReplicas ?? 0) === want &&
    (s.availableReplicas ?? 0) === want &&
    (s.replicas ?? 0) === want
  )
}

function progress(d: KubeObjectJson | undefined, name: string): string {
  if (!d) return `${name}: not found`
  const s = d.status ?? {}
  return `${name}: ${s.readyReplicas ?? 0}/${d.spec?.replicas ?? 1} ready, ${s.updatedReplicas ?? 0} updated, ${s.replicas ?? 0} total`
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`

/** What verify-pods-ready leaves: when every pod was Ready. */
export interface VerifyPodsReadyData {
  readyAt: string
}
export const VERIFY_PODS_READY_DATA = dataKey<VerifyPodsReadyData>('verify-pods-ready')

export const verifyPodsReadyCheck = defineCheck({
  id: 'verify-pods-ready',
  title: 'All pods reach "Ready" state within the ready timeout',
  item: 'success-pods-ready',
  needs: ['bundle', 'cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const wanted = bundleDeployments(ctx).map(d => d.name)
    if (wanted.length === 0) return { status: 'fail', message: 'the bundle has no Deployment to verify' }
    const timeoutMs = ctx.options.verify?.readyTimeoutMs ?? 300_000
    const started = Date.now()
    const byName = (objects: KubeObjectJson[]) => new Map(objects.map(o => [o.metadata?.name ?? '', o]))
    try {
      const watched = await cluster.session.watchDeployments(
        ctx.options.namespace,
        objects => {
          const live = byName(objects)
          return wanted.every(name => rolledOut(live.get(name)))
        },
        started + timeoutMs
      )
      const readyAt = new Date()
      const live = byName(watched.objects)
      const details = wanted.map(name => progress(live.get(name), name))
      if (watched.done) {
        return {
          status: 'pass',
          message: `${wanted.length} Deployment(s) rolled out, every pod Ready (${seconds(Date.now() - started)} after the verify started)`,
          details,
          data: { readyAt: readyAt.toISOString() } satisfies VerifyPodsReadyData
        }
      }
      const notReady = (await livePods(cluster.session, ctx))
        .filter(p => !isReady(p))
        .map(p => `${p.metadata?.name} (${p.status?.phase ?? 'Unknown'})`)
      const late = wanted.filter(name => !rolledOut(live.get(name)))
      return {
        status: 'fail',
        message: `not Ready within ${seconds(timeoutMs)}: ${late.map(name => progress(live.get(name), name)).join('; ')}`,
        details: [...details, ...(notReady.length > 0 ? [`pods not Ready: ${notReady.join(', ')}`] : [])],
        hint: 'Look at the pods (kubectl describe pod, kubectl logs): CrashLoopBackOff means config or image trouble, Pending means no capacity. Roll back with the commands from the preflight kit if it does not recover.'
      }
    } catch (error) {
      return { status: 'error', message: `cannot watch the Deployments: ${explainApiError(error)}` }
    }
  }
})

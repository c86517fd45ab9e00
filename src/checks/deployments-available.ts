import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import type { KubeObjectJson } from '../core/kube-object.js'
import { explainApiError, usableCluster } from './cluster-common.js'

/** What `kubectl rollout status` would still be waiting for, or undefined when the rollout is complete. */
export function rolloutInProgress(d: KubeObjectJson): string | undefined {
  const want = d.spec?.replicas ?? 1
  const s = d.status ?? {}
  const updated = s.updatedReplicas ?? 0
  const progressing = (s.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing')
  if ((s.observedGeneration ?? 0) < (d.metadata?.generation ?? 0))
    return 'the controller has not seen the latest spec yet'
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    return `stalled (${progressing.message ?? 'progress deadline exceeded'})`
  if (updated < want) return `${updated} of ${want} new replicas updated`
  if ((s.replicas ?? 0) > updated) return `${(s.replicas ?? 0) - updated} old replicas pending termination`
  if ((s.availableReplicas ?? 0) < updated)
    return `${s.availableReplicas ?? 0} of ${updated} updated replicas available`
  return undefined
}

/**
 * "kubectl get deployments -n vapora": each expected Deployment exists, is Available, and is not in the
 * middle of a rollout (deploying over one replaces a rollout whose outcome nobody has seen yet).
 */
export const deploymentsAvailableCheck = defineCheck({
  id: 'deployments-available',
  title: 'Verify current deployments are available',
  item: 'staging-deployments',
  needs: ['cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const namespace = ctx.options.namespace
    try {
      const deployments = await cluster.session.deployments(namespace)
      const details: string[] = []
      const unavailable: string[] = []
      const rollingOut: string[] = []
      const absent: string[] = []
      for (const name of ctx.options.deployments) {
        const d = deployments.find(x => x.metadata?.name === name)
        if (!d) {
          absent.push(name)
          details.push(`${name}: not deployed yet`)
          continue
        }
        const want = d.spec?.replicas ?? 1
        const available = d.status?.availableReplicas ?? 0
        const condition = (d.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Available')
        const line = `${name}: ${available}/${want} available${condition ? ` (Available=${condition.status}${condition.reason ? `, ${condition.reason}` : ''})` : ''}`
        details.push(line)
        if (available < want || condition?.status === 'False') unavailable.push(line)
        const rollout = rolloutInProgress(d)
        if (rollout) {
          rollingOut.push(`${name}: ${rollout}`)
          details.push(`${name}: rollout in progress: ${rollout}`)
        }
      }
      if (unavailable.length || rollingOut.length) {
        const said = [
          ...(unavailable.length ? [`not available: ${unavailable.join('; ')}`] : []),
          ...(rollingOut.length ? [`a rollout is in progress: ${rollingOut.join('; ')}`] : [])
        ]
        return {
          status: 'fail',
          message: said.join('; '),
          details,
          hint: rollingOut.length
            ? `Let the rollout finish (kubectl rollout status deployment/${rollingOut[0].split(':')[0]} -n ${namespace}) or roll it back first: deploying over it replaces a rollout whose outcome is not known yet.`
            : 'Deploying over an unhealthy Deployment hides the cause: fix or roll back the current state first.'
        }
      }
      if (absent.length === ctx.options.deployments.length) {
        return {
          status: 'warn',
          message: `none of the deployments exists yet in ${namespace} (first deploy)`,
          details
        }
      }
      if (absent.length)
        return { status: 'warn', message: `available; not deployed yet: ${absent.join(', ')}`, details }
      return {
        status: 'pass',
        message: `all ${ctx.options.deployments.length} deployments available`,
        details
      }
    } catch (error) {
      return {
        status: 'error',
        message: `cannot list deployments in ${namespace}: ${explainApiError(error)}`
      }
    }
  }
})

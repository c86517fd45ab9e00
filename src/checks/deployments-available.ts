import type { Check, CheckOutcome } from '../types.js'
import { CLUSTER_SECTION, explainApiError, usableCluster } from './cluster-common.js'

/** "kubectl get deployments -n vapora": each expected Deployment exists and is Available. */
export const deploymentsAvailableCheck: Check = {
  id: 'deployments-available',
  title: 'Verify current deployments are available',
  section: CLUSTER_SECTION.environment,
  needs: ['cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const namespace = ctx.options.namespace
    try {
      const deployments = await cluster.session.deployments(namespace)
      const details: string[] = []
      const unavailable: string[] = []
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
      }
      if (unavailable.length) {
        return {
          status: 'fail',
          message: `not available: ${unavailable.join('; ')}`,
          details,
          hint: 'Deploying over an unhealthy Deployment hides the cause: fix or roll back the current state first.'
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
}

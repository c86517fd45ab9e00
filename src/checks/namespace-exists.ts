import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { explainApiError, manifestDocs, usableCluster } from './cluster-common.js'

/** "kubectl get namespace vapora": the target namespace exists (or this bundle creates it). */
export const namespaceExistsCheck = defineCheck({
  id: 'namespace-exists',
  title: 'Check namespace exists',
  item: 'staging-namespace-exists',
  needs: ['cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const namespace = ctx.options.namespace
    try {
      const found = await cluster.session.namespace(namespace)
      if (found) {
        const phase = found.status?.phase
        if (phase === 'Terminating')
          return { status: 'fail', message: `namespace ${namespace} is being deleted (Terminating)` }
        return { status: 'pass', message: `namespace ${namespace} exists (${phase ?? 'Active'})` }
      }
      const created = manifestDocs(ctx).docs.some(
        d => d.doc.kind === 'Namespace' && d.doc.metadata?.name === namespace
      )
      if (created)
        return {
          status: 'warn',
          message: `namespace ${namespace} does not exist yet; this bundle creates it`
        }
      return {
        status: 'fail',
        message: `namespace ${namespace} does not exist`,
        hint: `Create it (kubectl create namespace ${namespace}) or set the namespace input to the right one.`
      }
    } catch (error) {
      return { status: 'error', message: `cannot read namespace ${namespace}: ${explainApiError(error)}` }
    }
  }
})

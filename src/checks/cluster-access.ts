import { dataKey } from '../core/check-data.js'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { explainApiError } from './cluster-common.js'

/** What cluster-access leaves: the server and the version it runs. */
export interface ClusterAccessData {
  server: string
  version: string
}
export const CLUSTER_ACCESS_DATA = dataKey<ClusterAccessData>('cluster-access')

/** "kubectl cluster-info": the API server answers, and which version it runs. */
export const clusterAccessCheck = defineCheck({
  id: 'cluster-access',
  title: 'Access the Kubernetes cluster (kubectl cluster-info)',
  item: 'kubeconfig-valid',
  needs: ['cluster'],
  async run(ctx): Promise<CheckOutcome> {
    if (!ctx.cluster) {
      return {
        status: 'skip',
        skipReason: 'not-configured',
        message: ctx.clusterProblem ?? 'no cluster configured',
        hint: 'Pass a kubeconfig (action input kubeconfig, CLI --kubeconfig or KUBECONFIG), or run offline to gate on the bundle only.'
      }
    }
    try {
      const version = await ctx.cluster.version()
      return {
        status: 'pass',
        message: `API server ${ctx.cluster.server} answers (Kubernetes ${version.gitVersion})`,
        data: { server: ctx.cluster.server, version: version.gitVersion } satisfies ClusterAccessData
      }
    } catch (error) {
      return {
        status: 'error',
        message: `cannot use the cluster from ${ctx.cluster.origin}: ${explainApiError(error)}`,
        hint: 'Check that the kubeconfig points at the right server, that its credentials are current, and that this runner can reach it.'
      }
    }
  }
})

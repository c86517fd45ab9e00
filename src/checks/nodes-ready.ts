import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { explainApiError, usableCluster } from './cluster-common.js'

const PRESSURE = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable']

/** "kubectl get nodes (all Ready)": every node Ready, pressure conditions named, cordons noted. */
export const nodesReadyCheck = defineCheck({
  id: 'nodes-ready',
  title: 'Verify cluster is healthy: all nodes Ready',
  item: 'staging-nodes-ready',
  needs: ['cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    try {
      const nodes = await cluster.session.nodes()
      if (nodes.length === 0)
        return { status: 'fail', message: 'the cluster has no nodes: nothing could run the pods' }
      const problems: string[] = []
      const warnings: string[] = []
      for (const node of nodes) {
        const name = node.metadata?.name
        const conditions: Array<{ type: string; status: string; reason?: string; message?: string }> =
          node.status?.conditions ?? []
        const ready = conditions.find(c => c.type === 'Ready')
        if (ready?.status !== 'True') {
          problems.push(
            `${name} is NotReady${ready?.reason ? ` (${ready.reason}${ready.message ? `: ${ready.message}` : ''})` : ' (no Ready condition)'}`
          )
        }
        for (const c of conditions.filter(c => PRESSURE.includes(c.type) && c.status === 'True')) {
          problems.push(`${name} has ${c.type}${c.message ? ` (${c.message})` : ''}`)
        }
        if (node.spec?.unschedulable) warnings.push(`${name} is cordoned (unschedulable)`)
      }
      const details = [...problems, ...warnings]
      if (problems.length) {
        return {
          status: 'fail',
          message: problems.join('; '),
          details,
          hint: 'Wait for the nodes to recover, or drain and replace them, before deploying.'
        }
      }
      if (warnings.length)
        return { status: 'warn', message: `${nodes.length} nodes Ready; ${warnings.join('; ')}`, details }
      return { status: 'pass', message: `all ${nodes.length} nodes Ready, no pressure conditions` }
    } catch (error) {
      return { status: 'error', message: `cannot list nodes: ${explainApiError(error)}` }
    }
  }
})

import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { explainApiError, usableCluster, type ListReads } from './cluster-common.js'

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
      // Folded page by page: what is kept is the count and the nodes to name, never the Node objects.
      const { value, read } = await cluster.session.fold(
        { kind: 'nodes' },
        () => ({ count: 0, problems: [] as string[], warnings: [] as string[] }),
        (seen, node) => {
          seen.count++
          const name = node.metadata?.name
          const conditions: Array<{ type: string; status: string; reason?: string; message?: string }> =
            node.status?.conditions ?? []
          const ready = conditions.find(c => c.type === 'Ready')
          if (ready?.status !== 'True') {
            seen.problems.push(
              `${name} is NotReady${ready?.reason ? ` (${ready.reason}${ready.message ? `: ${ready.message}` : ''})` : ' (no Ready condition)'}`
            )
          }
          for (const c of conditions.filter(c => PRESSURE.includes(c.type) && c.status === 'True')) {
            seen.problems.push(`${name} has ${c.type}${c.message ? ` (${c.message})` : ''}`)
          }
          if (node.spec?.unschedulable) seen.warnings.push(`${name} is cordoned (unschedulable)`)
          return seen
        }
      )
      const { count, problems, warnings } = value
      const data = { reads: [read] } satisfies ListReads
      if (count === 0)
        return { status: 'fail', message: 'the cluster has no nodes: nothing could run the pods', data }
      const details = [...problems, ...warnings]
      if (problems.length) {
        return {
          status: 'fail',
          message: problems.join('; '),
          details,
          data,
          hint: 'Wait for the nodes to recover, or drain and replace them, before deploying.'
        }
      }
      if (warnings.length)
        return { status: 'warn', message: `${count} nodes Ready; ${warnings.join('; ')}`, details, data }
      return { status: 'pass', message: `all ${count} nodes Ready, no pressure conditions`, data }
    } catch (error) {
      return { status: 'error', message: `cannot list nodes: ${explainApiError(error)}` }
    }
  }
})

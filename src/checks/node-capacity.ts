import { dataKey } from '../core/check-data.js'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import type { KubeObjectJson } from '../core/kube-object.js'
import { explainApiError, usableCluster } from './cluster-common.js'

/** Kubernetes quantities: CPU in cores (`250m`, `2`), memory in bytes (`512Mi`, `1G`). */
export function parseQuantity(text: string | number | undefined): number {
  if (text === undefined) return 0
  if (typeof text === 'number') return text
  const match = /^([0-9.]+)([a-zA-Z]*)$/.exec(text.trim())
  if (!match) return 0
  const value = Number(match[1])
  const factor: Record<string, number> = {
    '': 1,
    n: 1e-9,
    u: 1e-6,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50
  }
  return value * (factor[match[2]] ?? 1)
}

function requestsByNode(pods: KubeObjectJson[]): Map<string, { cpu: number; memory: number }> {
  const totals = new Map<string, { cpu: number; memory: number }>()
  for (const pod of pods) {
    const node = pod.spec?.nodeName
    if (!node || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue
    const total = totals.get(node) ?? { cpu: 0, memory: 0 }
    for (const c of pod.spec?.containers ?? []) {
      total.cpu += parseQuantity(c.resources?.requests?.cpu)
      total.memory += parseQuantity(c.resources?.requests?.memory)
    }
    totals.set(node, total)
  }
  return totals
}

/**
 * "kubectl top nodes (not near capacity)": usage from metrics.k8s.io when a metrics server serves it;
 * otherwise requested vs allocatable, with a warning that the numbers are requests, not usage. A node
 * metrics-server has no usage for (not scraped yet, or its kubelet unreachable) is counted by requests
 * too, and named — never taken as idle.
 */
/** What node-capacity leaves: each node's CPU and memory share, and where usage came from. */
export interface NodeCapacityData {
  source: string
  threshold: number
  nodes: Array<{ name: string; cpuPct: number; memoryPct: number }>
  /** Nodes metrics-server served no usage for (counted by their requests). */
  noMetrics?: string[]
}
export const NODE_CAPACITY_DATA = dataKey<NodeCapacityData>('node-capacity')

export const nodeCapacityCheck = defineCheck({
  id: 'node-capacity',
  title: 'Check current resource usage (not near capacity)',
  item: 'production-capacity',
  needs: ['cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const { session } = cluster
    const threshold = ctx.options.capacityThreshold
    try {
      const [nodes, metrics] = await Promise.all([session.nodes(), session.nodeMetrics()])
      const usage = new Map<string, { cpu: number; memory: number }>()
      const source = metrics ? 'metrics.k8s.io usage' : 'requests (metrics-server is absent)'
      if (metrics) {
        for (const m of metrics as Array<KubeObjectJson & { usage?: { cpu?: string; memory?: string } }>) {
          usage.set(m.metadata!.name!, {
            cpu: parseQuantity(m.usage?.cpu),
            memory: parseQuantity(m.usage?.memory)
          })
        }
      }
      const noMetrics = metrics ? nodes.map(n => n.metadata!.name!).filter(name => !usage.has(name)) : []
      if (!metrics || noMetrics.length > 0) {
        const requests = requestsByNode(await session.pods())
        for (const name of metrics ? noMetrics : nodes.map(n => n.metadata!.name!))
          usage.set(name, requests.get(name) ?? { cpu: 0, memory: 0 })
      }
      const details: string[] = []
      const over: string[] = []
      const perNode: Array<{ name: string; cpuPct: number; memoryPct: number }> = []
      for (const node of nodes) {
        const name = node.metadata!.name!
        const cpu = parseQuantity(node.status?.allocatable?.cpu)
        const memory = parseQuantity(node.status?.allocatable?.memory)
        const used = usage.get(name) ?? { cpu: 0, memory: 0 }
        const cpuPct = cpu ? (100 * used.cpu) / cpu : 0
        const memPct = memory ? (100 * used.memory) / memory : 0
        const line = `${name}: CPU ${cpuPct.toFixed(0)}%, memory ${memPct.toFixed(0)}% of allocatable${noMetrics.includes(name) ? ' (by requests: metrics-server has no usage for it)' : ''}`
        details.push(line)
        perNode.push({ name, cpuPct: Math.round(cpuPct), memoryPct: Math.round(memPct) })
        if (cpuPct > threshold || memPct > threshold) over.push(line)
      }
      const data: NodeCapacityData = {
        source,
        threshold,
        nodes: perNode,
        ...(noMetrics.length > 0 ? { noMetrics } : {})
      }
      if (over.length) {
        return {
          status: 'fail',
          message: `near capacity (over ${threshold}%, ${source}): ${over.join('; ')}`,
          details,
          data,
          hint: 'Free or add capacity first: a rolling update needs room for the surge pods.'
        }
      }
      if (!metrics) {
        return {
          status: 'warn',
          message: `under ${threshold}% on all ${nodes.length} nodes by requests; metrics-server is absent, so real usage is unknown`,
          details,
          data
        }
      }
      if (noMetrics.length > 0) {
        return {
          status: 'warn',
          message: `under ${threshold}% on all ${nodes.length} nodes; metrics-server has no usage for ${noMetrics.join(', ')} (not scraped yet, or its kubelet unreachable), counted by requests`,
          details,
          data
        }
      }
      return {
        status: 'pass',
        message: `all ${nodes.length} nodes under ${threshold}% (${source})`,
        details,
        data
      }
    } catch (error) {
      return { status: 'error', message: `cannot read node capacity: ${explainApiError(error)}` }
    }
  }
})

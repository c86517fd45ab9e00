import { dataKey } from '../core/check-data.js'
import type { CheckOutcome } from '../core/types.js'
import { mapLimited } from '../core/concurrency.js'
import { defineCheck, isClusterError, type ClusterReader, type Folded, type ListRead } from '../core/check.js'
import type { KubeObjectJson } from '../core/kube-object.js'
import { explainApiError, SELECT, usableCluster, type ListReads } from './cluster-common.js'

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

type Usage = { cpu: number; memory: number }

/** Adds a pod's container requests to its node's total. */
function addRequests(totals: Map<string, Usage>, pod: KubeObjectJson): Map<string, Usage> {
  const node = pod.spec?.nodeName
  if (!node) return totals
  const total = totals.get(node) ?? { cpu: 0, memory: 0 }
  for (const c of pod.spec?.containers ?? []) {
    total.cpu += parseQuantity(c.resources?.requests?.cpu)
    total.memory += parseQuantity(c.resources?.requests?.memory)
  }
  return totals.set(node, total)
}

/** Up to this many nodes without metrics are counted by a list of their own pods each, not of every pod. */
const PER_NODE_LISTS = 5

/**
 * Namespaces whose pods are read at once when every pod is counted. Each list costs the API server only
 * its namespace's share of its cache, where one list of every pod costs it the whole cache per page:
 * measured at 50,000 pods in 51 namespaces, 2–3 s for the lists two at a time against 5–6 s for one list.
 */
const NAMESPACES_AT_ONCE = 2

const noRequests = () => new Map<string, Usage>()

/** Adds the totals of one list to those of others (the lists hold different pods). */
function addTotals(into: Map<string, Usage>, from: Map<string, Usage>): Map<string, Usage> {
  for (const [node, usage] of from) {
    const total = into.get(node) ?? { cpu: 0, memory: 0 }
    total.cpu += usage.cpu
    total.memory += usage.memory
    into.set(node, total)
  }
  return into
}

/** Many lists reported as one read: what they cost together. */
function readOfAll(list: string, lists: ReadonlyArray<Folded<unknown>>): ListRead {
  const sum = (key: 'pages' | 'items' | 'restarts') => lists.reduce((n, { read }) => n + read[key], 0)
  return { list, pages: sum('pages'), items: sum('items'), restarts: sum('restarts') }
}

/**
 * The requests of the pods that hold a node's resources (bound to it, not finished) on every node: read
 * namespace by namespace, a few at a time, summed page by page. A reader allowed to list pods everywhere
 * but not namespaces reads one list of every pod instead. Only the totals are kept.
 */
async function requestsOnEveryNode(
  session: ClusterReader
): Promise<{ totals: Map<string, Usage>; reads: ListRead[] }> {
  const pods = (namespace?: string) =>
    session.fold(
      { kind: 'pods', namespace, fieldSelector: SELECT.podsOnNodes, only: 'requests' },
      noRequests,
      addRequests
    )
  let namespaces: Folded<string[]>
  try {
    namespaces = await session.fold(
      { kind: 'namespaces' },
      (): string[] => [],
      (names, namespace) => (names.push(namespace.metadata!.name!), names)
    )
  } catch (error) {
    if (!isClusterError(error) || error.status !== 403) throw error
    const all = await pods()
    return { totals: all.value, reads: [all.read] }
  }
  const lists = await mapLimited(namespaces.value, NAMESPACES_AT_ONCE, namespace => pods(namespace))
  return {
    totals: lists.reduce((totals, list) => addTotals(totals, list.value), noRequests()),
    reads: [
      namespaces.read,
      lists.length === 1
        ? lists[0].read
        : readOfAll(`pods in each of ${lists.length} namespaces (${SELECT.podsOnNodes})`, lists)
    ]
  }
}

/**
 * The requests of the pods bound to each node: of `only` those nodes when they are few, each by a list of
 * its own pods, else of every node (`requestsOnEveryNode`).
 */
async function requestsByNode(
  session: ClusterReader,
  only?: string[]
): Promise<{ totals: Map<string, Usage>; reads: ListRead[] }> {
  if (!only || only.length > PER_NODE_LISTS) return requestsOnEveryNode(session)
  const lists = await Promise.all(
    only.map(node =>
      session.fold(
        { kind: 'pods', fieldSelector: SELECT.podsOnNode(node), only: 'requests' },
        noRequests,
        addRequests
      )
    )
  )
  return {
    totals: new Map(lists.flatMap(list => [...list.value])),
    reads: lists.map(list => list.read)
  }
}

/**
 * "kubectl top nodes (not near capacity)": usage from metrics.k8s.io when a metrics server serves it;
 * otherwise requested vs allocatable, with a warning that the numbers are requests, not usage. A node
 * metrics-server has no usage for (not scraped yet, or its kubelet unreachable) is counted by requests
 * too, and named — never taken as idle.
 */
/** What node-capacity leaves: each node's CPU and memory share, and where usage came from. */
export interface NodeCapacityData extends ListReads {
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
      // Of each Node only its name and allocatable are kept while the nodes are read.
      const [listed, metrics] = await Promise.all([
        session.fold(
          { kind: 'nodes' },
          (): Array<{ name: string; cpu: number; memory: number }> => [],
          (all, node) => {
            all.push({
              name: node.metadata!.name!,
              cpu: parseQuantity(node.status?.allocatable?.cpu),
              memory: parseQuantity(node.status?.allocatable?.memory)
            })
            return all
          }
        ),
        session.nodeMetrics()
      ])
      const nodes = listed.value
      const reads = [listed.read]
      const usage = new Map<string, Usage>()
      const source = metrics ? 'metrics.k8s.io usage' : 'requests (metrics-server is absent)'
      if (metrics) {
        for (const m of metrics as Array<KubeObjectJson & { usage?: { cpu?: string; memory?: string } }>) {
          usage.set(m.metadata!.name!, {
            cpu: parseQuantity(m.usage?.cpu),
            memory: parseQuantity(m.usage?.memory)
          })
        }
      }
      const noMetrics = metrics ? nodes.map(n => n.name).filter(name => !usage.has(name)) : []
      const byRequests = new Set(noMetrics)
      if (!metrics || noMetrics.length > 0) {
        const requests = await requestsByNode(session, metrics ? noMetrics : undefined)
        reads.push(...requests.reads)
        for (const name of metrics ? noMetrics : nodes.map(n => n.name))
          usage.set(name, requests.totals.get(name) ?? { cpu: 0, memory: 0 })
      }
      const details: string[] = []
      const over: string[] = []
      const perNode: Array<{ name: string; cpuPct: number; memoryPct: number }> = []
      for (const { name, cpu, memory } of nodes) {
        const used = usage.get(name) ?? { cpu: 0, memory: 0 }
        const cpuPct = cpu ? (100 * used.cpu) / cpu : 0
        const memPct = memory ? (100 * used.memory) / memory : 0
        const line = `${name}: CPU ${cpuPct.toFixed(0)}%, memory ${memPct.toFixed(0)}% of allocatable${byRequests.has(name) ? ' (by requests: metrics-server has no usage for it)' : ''}`
        details.push(line)
        perNode.push({ name, cpuPct: Math.round(cpuPct), memoryPct: Math.round(memPct) })
        if (cpuPct > threshold || memPct > threshold) over.push(line)
      }
      const data: NodeCapacityData = {
        source,
        threshold,
        nodes: perNode,
        ...(noMetrics.length > 0 ? { noMetrics } : {}),
        reads
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

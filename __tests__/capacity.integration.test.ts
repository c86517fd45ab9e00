/**
 * `node-capacity` on the living test cluster: usage read from metrics.k8s.io, served by a real
 * metrics-server behind the API server's aggregator, which scrapes kwok's simulated kubelet endpoints
 * (/metrics/resource). A pod's usage is what its kwok annotations say (kwok's ClusterResourceUsage
 * usage-from-annotation), so a pod can use far more than it requests — which only real usage shows.
 * With metrics-server stopped the check falls back to requests vs allocatable and says so.
 */
import { readData } from '../src/core/check-data.js'
import { NODE_CAPACITY_DATA } from '../src/checks/node-capacity.js'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runPreflight } from '../src/preflight.js'
import { parseQuantity } from '../src/checks/node-capacity.js'
import type { CheckResult, Report } from '../src/core/types.js'
import {
  ADMIN_KUBECONFIG,
  apply,
  ensureCluster,
  kubectl,
  kubectlJson,
  kwokNode,
  nodeMetrics,
  waitFor,
  withoutMetricsServer
} from '../test/cluster-harness.js'
import { EXAMPLE_BUNDLE, cleanupTempDirs, tempDir } from '../test/fixtures.js'

const NS = 'vapora-capacity'
const NODE = 'node-1'
const NODE_CPU = 8
const NODE_MEMORY = 32 * 2 ** 30
let serverVersion = ''

const capacity = (report: Report): CheckResult => report.results.find(r => r.id === 'node-capacity')!

function preflight(): Promise<Report> {
  return runPreflight({
    bundlePath: EXAMPLE_BUNDLE,
    kubeconfigPath: ADMIN_KUBECONFIG,
    kubectlVersion: serverVersion,
    artifactsDir: tempDir('preflight-kit-')
  })
}

/** A pod that requests 100m / 128Mi and, by kwok's usage annotations, uses 7.5 cores and 8 GiB. */
const LOAD = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'load',
    namespace: NS,
    annotations: { 'kwok.x-k8s.io/usage-cpu': '7500m', 'kwok.x-k8s.io/usage-memory': '8Gi' }
  },
  spec: {
    nodeSelector: { 'kubernetes.io/hostname': NODE },
    containers: [
      {
        name: 'load',
        image: 'registry.example/load:1.0',
        resources: { requests: { cpu: '100m', memory: '128Mi' } }
      }
    ]
  }
})

const usedCpu = (): number => parseQuantity(nodeMetrics(NODE)?.cpu ?? '0')

beforeAll(async () => {
  ensureCluster()
  serverVersion = kubectlJson<{ serverVersion: { gitVersion: string } }>(['version']).serverVersion.gitVersion
  await kwokNode(NODE)
  apply(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${NS}\n`)
  kubectl(['delete', 'pods', '--all', '-n', NS, '--wait=true'])
  // A new namespace's default service account comes from the controller-manager, a moment later (longer
  // just after the chaos test restarted the API server): a pod created before it is refused.
  const hasDefaultAccount = (): boolean => {
    try {
      kubectl(['get', 'serviceaccount', 'default', '-n', NS])
      return true
    } catch {
      return false
    }
  }
  await waitFor(`the default service account of ${NS}`, hasDefaultAccount, 30_000)
  apply(LOAD)
  // metrics-server turns kwok's cumulative CPU counters into a rate: two scrapes (10 s apart) with the pod.
  await waitFor('metrics-server to report the load pod on node-1', () => usedCpu() >= 7.5, 90_000)
}, 150_000)

afterAll(async () => {
  kubectl(['delete', 'pod', 'load', '-n', NS, '--ignore-not-found', '--wait=true'])
  // Leave the node as the other suites expect it: served by metrics-server, and idle.
  await waitFor(
    'metrics-server to report node-1 idle again',
    () => nodeMetrics(NODE) !== undefined && usedCpu() < 1,
    90_000
  )
  cleanupTempDirs()
}, 120_000)

describe('node-capacity on the living cluster', () => {
  it('reads usage from metrics-server: no-go at 7.5 of 8 cores used, though the pod requests 100m', async () => {
    const served = nodeMetrics(NODE)!
    const report = await preflight()
    const result = capacity(report)
    expect(result.data).toMatchObject({ source: 'metrics.k8s.io usage', threshold: 85 })
    expect(result.status).toBe('fail')
    expect(result.message).toMatch(
      /^near capacity \(over 85%, metrics\.k8s\.io usage\): node-1: CPU 9[3-5]%, memory \d+% of allocatable/
    )
    // The numbers are metrics-server's: what it served moments before, as a share of allocatable.
    const cpuPct = Math.round((100 * parseQuantity(served.cpu)) / NODE_CPU)
    const memoryPct = Math.round((100 * parseQuantity(served.memory)) / NODE_MEMORY)
    const node = readData([result], NODE_CAPACITY_DATA)!.nodes.find(n => n.name === NODE)!
    expect(Math.abs(node.cpuPct - cpuPct)).toBeLessThanOrEqual(1)
    expect(node.memoryPct).toBe(memoryPct)
    expect(memoryPct).toBe(25) // 8 GiB of the load pod (+ 1 MiB per other container) of 32 GiB
    expect(report.decision).toBe('no-go')
  })

  it('a node metrics-server cannot scrape is counted by requests and named, never taken as idle', async () => {
    await kwokNode('node-3', { scrapeable: false })
    try {
      const result = capacity(await preflight())
      expect(result.data).toMatchObject({ source: 'metrics.k8s.io usage', noMetrics: ['node-3'] })
      expect(result.details).toContain(
        'node-3: CPU 0%, memory 0% of allocatable (by requests: metrics-server has no usage for it)'
      )
      // node-1 is still measured by metrics-server, and still over the threshold.
      expect(result.status).toBe('fail')
      expect(result.details!.join('\n')).toMatch(/^node-1: CPU 9[3-5]%, memory 25% of allocatable$/m)
    } finally {
      kubectl(['delete', 'node', 'node-3', '--ignore-not-found'])
    }
  })

  it('with metrics-server stopped: requests vs allocatable, warning that metrics-server is absent', async () => {
    const report = await withoutMetricsServer(async () => {
      // The aggregator answers 503 for the group while its server is away.
      expect(() => kubectl(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/nodes'])).toThrow(
        /ServiceUnavailable|unable to handle the request|503/
      )
      return preflight()
    })
    const result = capacity(report)
    expect(result.data).toMatchObject({ source: 'requests (metrics-server is absent)' })
    // By requests node-1 is far from full: the 7.5 cores the load pod really uses cannot be seen.
    expect(result.status).toBe('warn')
    expect(result.message).toMatch(
      /^under 85% on all \d+ nodes by requests; metrics-server is absent, so real usage is unknown$/
    )
    // …and the share it shows is the requests of the pods bound to node-1 (every namespace).
    const onNode = kubectlJson<{
      items: Array<{ spec: { containers: Array<{ resources?: { requests?: { cpu?: string } } }> } }>
    }>([
      'get',
      'pods',
      '-A',
      '--field-selector',
      `spec.nodeName=${NODE},status.phase!=Succeeded,status.phase!=Failed`
    ])
    const requested = onNode.items
      .flatMap(p => p.spec.containers)
      .reduce((sum, c) => sum + parseQuantity(c.resources?.requests?.cpu), 0)
    const cpuPct = Math.round((100 * requested) / NODE_CPU)
    expect(cpuPct).toBeLessThan(85)
    expect(result.details).toContainEqual(
      expect.stringMatching(new RegExp(`^node-1: CPU ${cpuPct}%, memory \\d+% of allocatable$`))
    )
  })
})

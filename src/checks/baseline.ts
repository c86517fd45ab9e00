/**
 * "Record current metrics before deployment": the numbers the post-deploy comparison needs, gathered
 * from the checks that measured them (endpoint latency and errors, pod restarts, node usage).
 */
import { readData } from '../core/check-data.js'
import type { Baseline, CheckOutcome, CheckResult } from '../core/types.js'
import { ENDPOINTS_DATA } from './endpoint-common.js'
import { NODE_CAPACITY_DATA } from './node-capacity.js'
import { PODS_RUNNING_DATA } from './pods-running.js'

export function collectBaseline(
  results: readonly CheckResult[],
  latencyThresholdMs?: number
): Baseline | undefined {
  const endpoints = ENDPOINTS_DATA.flatMap(key => readData(results, key)?.endpoints ?? [])
  const pods = readData(results, PODS_RUNNING_DATA)
  const nodes = readData(results, NODE_CAPACITY_DATA)
  const baseline: Baseline = {
    endpoints: endpoints.map(e => ({
      url: e.url,
      p50Ms: e.p50Ms,
      p95Ms: e.p95Ms,
      p99Ms: e.p99Ms,
      errors: e.errors,
      probes: e.count
    })),
    podRestarts: pods?.restartsByPod,
    nodes: nodes?.nodes,
    nodeUsageSource: nodes?.source,
    latencyThresholdMs
  }
  const empty = baseline.endpoints.length === 0 && !baseline.podRestarts && !baseline.nodes
  return empty ? undefined : baseline
}

/** The `baseline` result: recorded, or nothing to record (offline, or no endpoints and no cluster). */
export function baselineOutcome(baseline: Baseline | undefined): CheckOutcome {
  if (!baseline) {
    return {
      status: 'skip',
      skipReason: 'not-applicable',
      message: 'not applicable: nothing measured (no endpoint probed, no cluster read)'
    }
  }
  const parts = [
    baseline.endpoints.length ? `${baseline.endpoints.length} endpoint(s)` : '',
    baseline.podRestarts ? `restarts of ${Object.keys(baseline.podRestarts).length} pod(s)` : '',
    baseline.nodes ? `usage of ${baseline.nodes.length} node(s)` : ''
  ].filter(Boolean)
  return { status: 'pass', message: `recorded ${parts.join(', ')}` }
}

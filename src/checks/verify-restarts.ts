/**
 * "No pod restarts (restart counts not increasing)": every pod of the namespace against the restart
 * count the preflight recorded (a pod created by the deploy started from 0).
 */
import { dataKey } from '../core/check-data.js'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { explainApiError, usableCluster } from './cluster-common.js'
import { livePods, needRecord } from './verify-common.js'

/** What verify-restarts leaves: restart counts now, per pod and in total. */
export interface VerifyRestartsData {
  podRestarts: Record<string, number>
  total: number
}
export const VERIFY_RESTARTS_DATA = dataKey<VerifyRestartsData>('verify-restarts')

export const verifyRestartsCheck = defineCheck({
  id: 'verify-restarts',
  title: 'No pod restarts (restart counts not increasing)',
  item: 'success-no-restarts',
  needs: ['cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const missing = needRecord(ctx)
    if (missing) return missing
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const before = ctx.options.verify!.record!.baseline?.podRestarts ?? {}
    try {
      const now: Record<string, number> = {}
      const rising: string[] = []
      for (const pod of await livePods(cluster.session, ctx)) {
        const name = pod.metadata?.name ?? ''
        if (pod.status?.phase === 'Succeeded') continue
        const count = ((pod.status?.containerStatuses ?? []) as Array<{ restartCount?: number }>).reduce(
          (sum, s) => sum + (s.restartCount ?? 0),
          0
        )
        now[name] = count
        const was = before[name] ?? 0
        if (count > was) rising.push(`${name}: ${was} → ${count}`)
      }
      const total = Object.values(now).reduce((a, b) => a + b, 0)
      if (rising.length > 0) {
        return {
          status: 'fail',
          message: `restarts rose since the preflight: ${rising.join(', ')}`,
          details: rising,
          hint: 'A restarting pod after a deploy usually means a config or image problem: read its logs (kubectl logs --previous) and roll back if it keeps restarting.',
          data: { podRestarts: now, total } satisfies VerifyRestartsData satisfies VerifyRestartsData
        }
      }
      return {
        status: 'pass',
        message: `no restart count rose (${Object.keys(now).length} pod(s), ${total} restart(s) in total)`,
        data: { podRestarts: now, total }
      }
    } catch (error) {
      return { status: 'error', message: `cannot read the pods: ${explainApiError(error)}` }
    }
  }
})

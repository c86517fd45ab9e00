/**
 * Whether a Deployment was rolled back after the deploy: it runs a template that was already live before
 * the preflight (one of the ReplicaSets recorded then) although a newer revision was rolled out since.
 * `kubectl rollout undo` gives the old ReplicaSet a new, higher revision number, so the template, not
 * the number, tells. A Deployment whose highest revision did not move was not deployed at all (the image
 * check names it).
 */
import { dataKey } from '../core/check-data.js'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { REVISION_ANNOTATION } from './rollout.js'
import { explainApiError, usableCluster } from './cluster-common.js'
import {
  bundleDeployments,
  currentReplicaSet,
  liveDeployments,
  liveReplicaSets,
  needRecord
} from './verify-common.js'

/** What verify-rollback leaves: whether a template from before the deploy runs again, and the revisions. */
export interface VerifyRollbackData {
  rollbackDetected: boolean
  revisions: Record<string, number>
}
export const VERIFY_ROLLBACK_DATA = dataKey<VerifyRollbackData>('verify-rollback')

export const verifyRollbackCheck = defineCheck({
  id: 'verify-rollback',
  title: 'No rollback performed',
  item: 'post-rollback',
  needs: ['bundle', 'cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const missing = needRecord(ctx)
    if (missing) return missing
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const record = ctx.options.verify!.record!
    try {
      const client = cluster.session
      const [deployments, replicaSets] = await Promise.all([
        liveDeployments(client, ctx),
        liveReplicaSets(client, ctx)
      ])
      const rolledBack: string[] = []
      const revisions: Record<string, number> = {}
      for (const { name } of bundleDeployments(ctx)) {
        const live = deployments.find(d => d.metadata?.name === name)
        if (!live) continue
        const revision = Number(live.metadata?.annotations?.[REVISION_ANNOTATION])
        revisions[name] = revision
        const before = record.revisions[name]
        const current = currentReplicaSet(live, replicaSets)?.metadata?.name
        const oldTemplates = record.replicaSets[name] ?? []
        if (before !== undefined && revision > before && current && oldTemplates.includes(current)) {
          rolledBack.push(
            `${name}: revision ${revision} runs ReplicaSet ${current}, a template live before the deploy (preflight highest revision ${before})`
          )
        }
      }
      if (rolledBack.length > 0) {
        return {
          status: 'fail',
          message: `rollback detected: ${rolledBack.join('; ')}`,
          details: rolledBack,
          data: { rollbackDetected: true, revisions } satisfies VerifyRollbackData
        }
      }
      return {
        status: 'pass',
        message: 'no Deployment went back to a template from before the deploy',
        data: { rollbackDetected: false, revisions } satisfies VerifyRollbackData
      }
    } catch (error) {
      return { status: 'error', message: `cannot read the rollout state: ${explainApiError(error)}` }
    }
  }
})

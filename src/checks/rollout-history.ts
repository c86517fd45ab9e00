import { dataKey } from '../core/check-data.js'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { rolloutHistory, type RolloutHistory } from './rollout.js'
import { explainApiError, usableCluster } from './cluster-common.js'

/**
 * "Document current deployment revisions": each Deployment's history as kubectl computes it, the highest
 * revision, the image of each revision, and the exact undo command that returns to what runs now.
 */
/** What rollout-history leaves: each Deployment's highest revision, its history and undo command. */
export interface RolloutHistoryData {
  revisions: Record<string, number>
  histories: RolloutHistory[]
  undoCommands: string[]
}
export const ROLLOUT_HISTORY_DATA = dataKey<RolloutHistoryData>('rollout-history')

export const rolloutHistoryCheck = defineCheck({
  id: 'rollout-history',
  title: 'Document current deployment revisions (kubectl rollout history)',
  item: 'record-revisions',
  needs: ['cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const { session } = cluster
    const namespace = ctx.options.namespace
    try {
      const [deployments, replicaSets] = await Promise.all([
        session.deployments(namespace),
        session.replicaSets(namespace)
      ])
      const histories: RolloutHistory[] = []
      const absent: string[] = []
      for (const name of ctx.options.deployments) {
        const deployment = deployments.find(d => d.metadata?.name === name)
        if (!deployment) absent.push(name)
        else histories.push(rolloutHistory(deployment, replicaSets))
      }
      const revisions = Object.fromEntries(
        histories.filter(h => h.highestRevision !== undefined).map(h => [h.deployment, h.highestRevision!])
      )
      const details = histories.flatMap(h => [
        `${h.deployment}: revision ${h.highestRevision ?? '(none)'}${h.currentRevision !== undefined && h.currentRevision !== h.highestRevision ? ` (running revision ${h.currentRevision})` : ''}`,
        ...h.revisions.map(
          r => `  ${r.revision}: ${r.images.join(', ')}${r.changeCause ? ` — ${r.changeCause}` : ''}`
        ),
        ...(h.undoCommand ? [`  rollback: ${h.undoCommand}`] : [])
      ])
      for (const name of absent)
        details.push(`${name}: not deployed yet (first deploy: nothing to roll back to)`)
      const data: RolloutHistoryData = {
        revisions,
        histories,
        undoCommands: histories.flatMap(h => (h.undoCommand ? [h.undoCommand] : []))
      }
      const summary = histories.map(h => `${h.deployment} rev ${h.highestRevision ?? '-'}`).join(', ')
      if (histories.length === 0) {
        return {
          status: 'warn',
          message: `no deployment exists yet in ${namespace}: first deploy, nothing to roll back to`,
          details,
          data
        }
      }
      const noHistory = histories.filter(h => h.highestRevision === undefined).map(h => h.deployment)
      if (absent.length || noHistory.length) {
        return {
          status: 'warn',
          message: `${summary}${absent.length ? `; not deployed yet: ${absent.join(', ')}` : ''}${noHistory.length ? `; no revisions recorded: ${noHistory.join(', ')}` : ''}`,
          details,
          data
        }
      }
      return { status: 'pass', message: summary, details, data }
    } catch (error) {
      return { status: 'error', message: `cannot read rollout history: ${explainApiError(error)}` }
    }
  }
})

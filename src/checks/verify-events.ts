/** No Warning events in the namespace since the deploy started (FailedScheduling, BackOff, Unhealthy…). */
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { explainApiError, SELECT, usableCluster, type ListReads } from './cluster-common.js'
import { lastSeen, type EventJson } from './recent-events.js'
import { PREFLIGHT_RECORD } from './verify-common.js'

export const verifyEventsCheck = defineCheck({
  id: 'verify-events',
  title: 'No Warning events since the deploy started',
  item: 'success-no-restarts',
  needs: ['cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const since = ctx.options.verify?.deployStartedAt
    if (!since) {
      return {
        status: 'skip',
        skipReason: 'prerequisite-failed',
        blockedBy: PREFLIGHT_RECORD,
        message: 'not run: the deploy start is unknown (no preflight record, no deploy-started-at)',
        hint: 'Set deploy-started-at, or run the preflight with the tracking issue before the deploy.'
      }
    }
    try {
      // Folded: only the lines it reports are kept, never the namespace's events.
      const { value: lines, read } = await cluster.session.fold(
        { kind: 'events', namespace: ctx.options.namespace, fieldSelector: SELECT.warningEvents },
        (): string[] => [],
        (found, object) => {
          const e = object as EventJson
          if (lastSeen(e) < since.getTime()) return found
          const count = e.series?.count ?? e.count ?? 1
          found.push(
            `${e.reason ?? '?'} on ${e.involvedObject?.kind ?? '?'}/${e.involvedObject?.name ?? '?'}${count > 1 ? ` ×${count}` : ''}: ${(e.message ?? '').slice(0, 200)}`
          )
          return found
        }
      )
      const data = { reads: [read] } satisfies ListReads
      if (lines.length > 0) {
        return {
          status: 'fail',
          message: `${lines.length} Warning event(s) since the deploy started (${since.toISOString()}): ${lines.slice(0, 3).join('; ')}${lines.length > 3 ? '; …' : ''}`,
          details: lines,
          data,
          hint: 'Read them with kubectl get events -n <namespace> --field-selector type=Warning; fix the cause or roll back.'
        }
      }
      return {
        status: 'pass',
        message: `no Warning event since the deploy started (${since.toISOString()})`,
        data
      }
    } catch (error) {
      return { status: 'error', message: `cannot read events: ${explainApiError(error)}` }
    }
  }
})

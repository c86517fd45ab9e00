import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { explainApiError, SELECT, usableCluster, type ListReads } from './cluster-common.js'

export interface EventJson {
  type?: string
  reason?: string
  message?: string
  count?: number
  lastTimestamp?: string
  eventTime?: string
  series?: { count?: number; lastObservedTime?: string }
  involvedObject?: { kind?: string; name?: string }
  metadata?: { creationTimestamp?: string }
}

export function lastSeen(event: EventJson): number {
  return Date.parse(
    event.series?.lastObservedTime ??
      event.lastTimestamp ??
      event.eventTime ??
      event.metadata?.creationTimestamp ??
      ''
  )
}

/** "Verify recent events": Warning events in the window, grouped by reason and object. Reported, not blocking. */
export const recentEventsCheck = defineCheck({
  id: 'recent-events',
  title: 'Verify recent events (no Warning events in the window)',
  item: 'production-recent-events',
  needs: ['cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const namespace = ctx.options.namespace
    const since = Date.now() - ctx.options.eventsWindowMs
    try {
      // Only the groups it reports are kept while the events are read: one entry per reason and object.
      const { value: grouped, read } = await cluster.session.fold(
        { kind: 'events', namespace, fieldSelector: SELECT.warningEvents },
        () => new Map<string, { count: number; message?: string }>(),
        (groups, object) => {
          const e = object as EventJson
          if (lastSeen(e) < since) return groups
          const key = `${e.reason ?? 'Unknown'} ${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`
          const entry = groups.get(key) ?? { count: 0, message: e.message }
          entry.count += e.series?.count ?? e.count ?? 1
          return groups.set(key, entry)
        }
      )
      const minutes = Math.round(ctx.options.eventsWindowMs / 60_000)
      const reads = [read]
      if (grouped.size === 0) {
        return {
          status: 'pass',
          message: `no Warning events in ${namespace} in the last ${minutes} min`,
          data: { reads } satisfies ListReads
        }
      }
      const details = [...grouped].map(([key, v]) => `${key} ×${v.count}${v.message ? `: ${v.message}` : ''}`)
      return {
        status: 'warn',
        message: `${grouped.size} kinds of Warning events in the last ${minutes} min: ${[...grouped.keys()].slice(0, 3).join(', ')}${grouped.size > 3 ? ', …' : ''}`,
        details,
        data: { warnings: details, reads }
      }
    } catch (error) {
      return { status: 'error', message: `cannot list events in ${namespace}: ${explainApiError(error)}` }
    }
  }
})

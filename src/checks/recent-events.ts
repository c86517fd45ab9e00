import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { explainApiError, usableCluster } from './cluster-common.js'

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
      const events = (await cluster.session.events(namespace)) as EventJson[]
      const warnings = events.filter(e => e.type === 'Warning' && lastSeen(e) >= since)
      const minutes = Math.round(ctx.options.eventsWindowMs / 60_000)
      if (warnings.length === 0)
        return { status: 'pass', message: `no Warning events in ${namespace} in the last ${minutes} min` }
      const grouped = new Map<string, { count: number; message?: string }>()
      for (const e of warnings) {
        const key = `${e.reason ?? 'Unknown'} ${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`
        const entry = grouped.get(key) ?? { count: 0, message: e.message }
        entry.count += e.series?.count ?? e.count ?? 1
        grouped.set(key, entry)
      }
      const details = [...grouped].map(([key, v]) => `${key} ×${v.count}${v.message ? `: ${v.message}` : ''}`)
      return {
        status: 'warn',
        message: `${grouped.size} kinds of Warning events in the last ${minutes} min: ${[...grouped.keys()].slice(0, 3).join(', ')}${grouped.size > 3 ? ', …' : ''}`,
        details,
        data: { warnings: details }
      }
    } catch (error) {
      return { status: 'error', message: `cannot list events in ${namespace}: ${explainApiError(error)}` }
    }
  }
})

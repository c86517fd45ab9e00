/**
 * Merges the ticks already in a tracking issue with a new run's checklist, so that nothing a person
 * ticked is lost: manual items keep their ticks; automated items are re-checked every run, and a
 * person's tick on one that now fails is removed *and reported*, never silently kept or dropped.
 */
import { ITEM_MARKER_PREFIX, TICKED_BY_PREFLIGHT } from './render.js'
import type { ItemStatus } from './state.js'

export interface PreviousTick {
  ticked: boolean
  /** True when the tick carries this tool's marker, i.e. a run (not a person) ticked it. */
  byPreflight: boolean
}

// A task-list line as people leave it: any bullet or number, inside a quote or indented, the marker
// anywhere after the box and text after it ("done by @bob").
const ITEM_LINE = new RegExp(
  String.raw`^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s.*?<!--\s*` +
    ITEM_MARKER_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') +
    String.raw`([\w.-]+)(\s+` +
    TICKED_BY_PREFLIGHT +
    String.raw`)?\s*-->`
)

/** Reads every item's tick from an issue body (GitHub may store `\r\n` after an edit in the browser). */
export function readTicks(body: string): Map<string, PreviousTick> {
  const ticks = new Map<string, PreviousTick>()
  for (const line of body.split(/\r?\n/)) {
    const match = ITEM_LINE.exec(line)
    // The first line for a key wins: a pasted copy further down must not override the real item.
    if (!match || ticks.has(match[2])) continue
    ticks.set(match[2], { ticked: match[1].toLowerCase() === 'x', byPreflight: Boolean(match[3]) })
  }
  return ticks
}

export interface OverriddenTick {
  id: string
  text: string
  /** Why the tick could not stand: the failing checks' messages. */
  reason: string
}

export interface MergedChecklist {
  statuses: ItemStatus[]
  /** Items a person had ticked whose checks now fail: unticked, and listed here for the report. */
  overridden: OverriddenTick[]
  /** How many ticks by people were carried over. */
  keptByPeople: number
}

export function mergeTicks(
  current: readonly ItemStatus[],
  previous: ReadonlyMap<string, PreviousTick>
): MergedChecklist {
  const overridden: OverriddenTick[] = []
  let keptByPeople = 0
  const statuses = current.map((status): ItemStatus => {
    const before = previous.get(status.item.id)
    const byPerson = before?.ticked === true && !before.byPreflight
    if (status.state === 'failed') {
      if (byPerson)
        overridden.push({ id: status.item.id, text: status.item.text, reason: status.note ?? 'failed' })
      return status
    }
    if (status.ticked) return status
    // Manual items, and automated ones this run did not verify (not run, skipped): a person's tick stands.
    if (byPerson && (status.state === 'manual' || status.state === 'not-run' || status.state === 'skipped')) {
      keptByPeople++
      return { ...status, ticked: true, tickedBy: 'person' }
    }
    return status
  })
  return { statuses, overridden, keptByPeople }
}

/**
 * Reads the ticks already in a tracking issue, so that a new run can merge them (see `mergeTicks` in
 * state.ts): people's ticks on manual items are kept, the tool's own ticks are re-checked.
 */
import { ITEM_MARKER_PREFIX, TICKED_BY_PREFLIGHT } from './checklist.js'
import type { PreviousTick } from '../checklist/state.js'

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

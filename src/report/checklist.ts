/**
 * Renders the checklist as GitHub task-list Markdown. Every item carries its stable key in an HTML
 * comment (`<!-- vapora-preflight:item=KEY -->`) so a later run can find it and merge people's ticks.
 * Items this tool checks are marked 🤖, items only people can tick 👤; the items of the other phase
 * (after the deploy, in a preflight) are folded away.
 */
import { CHECKLIST } from '../checklist/model.js'
import { isPeoplesItem, type ItemStatus } from '../checklist/state.js'
import { blocks, code, inline, prose } from './markdown-escape.js'
import type { ChecklistState, RunMode } from '../core/types.js'

export const ITEM_MARKER_PREFIX = 'vapora-preflight:item='
/** Marks a tick this tool made (so a later run can tell it from a person's tick). */
export const TICKED_BY_PREFLIGHT = 'ticked-by=preflight'

export const TOOL_MARK = '🤖'
export const PEOPLE_MARK = '👤'

/** Why an item is in the state it is, shown once after its text. */
function note(status: ItemStatus): string {
  const text = status.note ? inline(status.note, 240) : ''
  switch (status.state) {
    case 'passed':
      return text ? ` — ✅ ${text}` : ''
    case 'warning':
      return ` — ⚠️ ${text}`
    case 'failed':
      return status.blockedBy ? ` — ⛔ not checked: blocked by ${code(status.blockedBy)}` : ` — ❌ ${text}`
    // Why a check was skipped is said once, in the results; here a short label is enough.
    case 'skipped':
      if (status.skipReason === 'offline') return ' — ⏭️ out of scope (offline run)'
      if (status.blockedBy) return ` — ⛔ not checked: blocked by ${code(status.blockedBy)}`
      if (status.skipReason === 'not-applicable') return ' — ⏭️ not applicable (see the results)'
      return ` — ⏭️ ${text}`
    case 'manual':
    case 'not-run':
      return ''
  }
}

export function renderItem(status: ItemStatus): string {
  const box = status.ticked ? '[x]' : '[ ]'
  const mark = isPeoplesItem(status) ? PEOPLE_MARK : TOOL_MARK
  const optional = status.item.optional ? ' _(if applicable)_' : ''
  const person =
    status.ticked && status.tickedBy === 'person' && status.item.automated ? ' _(ticked by hand)_' : ''
  const who = status.ticked && status.tickedBy === 'preflight' ? ` ${TICKED_BY_PREFLIGHT}` : ''
  return `- ${box} ${mark} ${prose(status.item.text)}${optional}${person}${note(status)} <!-- ${ITEM_MARKER_PREFIX}${status.item.id}${who} -->`
}

/** "12 of 58 done before the deploy: 🤖 10 by this tool, 👤 2 by people · 30 left for people". */
export function checklistHeadline(state: ChecklistState, mode: RunMode): string {
  const c = state.counts
  const when = mode === 'verify' ? 'after the deploy' : 'before the deploy'
  const open = c.notTickedByTool > 0 ? ` · ${c.notTickedByTool} automated not ticked (see why on each)` : ''
  return `**${c.ticked} of ${c.items} done ${when}** (${TOOL_MARK} ${c.tickedByTool} by this tool, ${PEOPLE_MARK} ${c.tickedByPeople} by people) · **${c.leftForPeople} left for people**${open}`
}

const LEGEND = `${TOOL_MARK} checked by this tool on every run · ${PEOPLE_MARK} for people to tick (ticks in the tracking issue are kept)`

function renderSections(statuses: ReadonlyMap<string, ItemStatus>, phase: RunMode): string {
  const parts: string[] = []
  for (const section of CHECKLIST.filter(s => (s.phase ?? 'preflight') === phase)) {
    // Under the report's "### Checklist": sections one level down, groups below them.
    parts.push(`#### ${section.title}`)
    for (const group of section.groups) {
      const items = group.items
        .map(item => statuses.get(`${section.key}.${item.key}`))
        .filter((s): s is ItemStatus => s !== undefined)
        .map(renderItem)
      parts.push(`##### ${group.title}`, items.join('\n'))
    }
  }
  return blocks(...parts)
}

/**
 * The whole checklist under the seed's headings: the run's own phase open, the other phase folded in a
 * `<details>` (its items are still there, with their markers, so ticks in it are merged like the others).
 */
export function renderChecklist(
  statuses: readonly ItemStatus[],
  options: { mode?: RunMode; state?: ChecklistState } = {}
): string {
  const mode = options.mode ?? 'preflight'
  const byId = new Map(statuses.map(s => [s.item.id, s]))
  const other: RunMode = mode === 'preflight' ? 'verify' : 'preflight'
  const otherCount = statuses.filter(s => s.item.phase === other).length
  const fold =
    other === 'verify'
      ? `After the deploy: success criteria and post-deployment record (${otherCount} items, checked by <code>mode: verify</code>)`
      : `Before the deploy: the preflight checklist (${otherCount} items)`
  return blocks(
    options.state ? checklistHeadline(options.state, mode) : undefined,
    LEGEND,
    renderSections(byId, mode),
    otherCount > 0 ? `<details><summary>${fold}</summary>` : undefined,
    otherCount > 0 ? renderSections(byId, other) : undefined,
    otherCount > 0 ? '</details>' : undefined
  )
}

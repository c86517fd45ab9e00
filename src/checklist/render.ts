/**
 * Renders the checklist as GitHub task-list Markdown. Every item carries its stable key in an HTML
 * comment (`<!-- vapora-preflight:item=KEY -->`) so a later run can find it and merge people's ticks.
 */
import { CHECKLIST } from './model.js'
import type { ItemStatus } from './state.js'
import { inline } from '../report/markdown-escape.js'

export const ITEM_MARKER_PREFIX = 'vapora-preflight:item='
/** Marks a tick this tool made (so a later run can tell it from a person's tick). */
export const TICKED_BY_PREFLIGHT = 'ticked-by=preflight'

const ICON: Record<ItemStatus['state'], string> = {
  passed: '✅',
  warning: '⚠️',
  failed: '❌',
  skipped: '⏭️',
  'not-run': '',
  manual: ''
}

export function renderItem(status: ItemStatus): string {
  const box = status.ticked ? '[x]' : '[ ]'
  const icon = ICON[status.state]
  const text = status.state === 'failed' ? `${icon} ${inline(status.item.text)}` : inline(status.item.text)
  const optional = status.item.optional ? ' _(if applicable)_' : ''
  let note = ''
  if (status.state === 'not-run') note = ' — _not checked by this run_'
  else if (status.state === 'manual') note = ''
  else if (status.note) note = ` — ${status.state === 'failed' ? '' : `${icon} `}${inline(status.note, 240)}`
  const who = status.ticked && status.tickedBy === 'preflight' ? ` ${TICKED_BY_PREFLIGHT}` : ''
  const person =
    status.ticked && status.tickedBy === 'person' && status.item.automated ? ' _(ticked by hand)_' : ''
  return `- ${box} ${text}${optional}${person}${note} <!-- ${ITEM_MARKER_PREFIX}${status.item.id}${who} -->`
}

/** The whole checklist, grouped under the seed's headings. */
export function renderChecklist(statuses: readonly ItemStatus[]): string {
  const byId = new Map(statuses.map(s => [s.item.id, s]))
  const lines: string[] = []
  for (const section of CHECKLIST) {
    lines.push(`### ${section.title}`, '')
    for (const group of section.groups) {
      lines.push(`#### ${group.title}`, '')
      for (const item of group.items) {
        const status = byId.get(`${section.key}.${item.key}`)
        if (status) lines.push(renderItem(status))
      }
      lines.push('')
    }
  }
  return lines.join('\n')
}

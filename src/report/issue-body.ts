/**
 * The tracking issue's body: a hidden identity marker, the decision, the checklist (with people's ticks
 * merged in), the rollback kit, what is changing and the results. Fits GitHub's 65,536-character limit by
 * dropping the least important sections first, with a visible note and a link to the full report.
 */
import { checklistState, checklistStatus, mergeTicks, type MergedChecklist } from '../checklist/state.js'
import { renderChecklist } from './checklist.js'
import { readTicks } from './ticks.js'
import type { Report } from '../core/types.js'
import { blocks, code, inline, prose } from './markdown-escape.js'
import { renderBaseline } from './baseline.js'
import { recordOf, renderRecord } from './preflight-record.js'
import { nextLastGo, renderCommitsSince, renderLastGo } from './commit-list.js'
import {
  renderChanges,
  renderHeadline,
  renderReportDetails,
  renderResults,
  renderRollbackKit,
  renderScopeNote,
  renderSource,
  renderWarnings,
  renderWhy
} from './markdown.js'

/** GitHub refuses longer issue bodies (422 "body is too long"). */
export const ISSUE_BODY_LIMIT = 65_536

const KEY_MARKER_PREFIX = 'vapora-preflight:key='

/** Ends this tool's part of the body: what people write after it (or before the key marker) is kept. */
const END_MARKER = '<!-- vapora-preflight:end -->'

/**
 * What of the previous body belongs to people: text before the key marker and after the end marker. An
 * issue this tool never wrote (given as issue-number) is all theirs and is kept below a rule.
 */
function peoplesText(previousBody: string | undefined, key: string): { before: string; after: string } {
  if (!previousBody) return { before: '', after: '' }
  const start = previousBody.indexOf(issueKeyMarker(key))
  if (start < 0) return { before: '', after: `\n\n---\n\n${previousBody}` }
  const end = previousBody.indexOf(END_MARKER, start)
  return {
    before: previousBody.slice(0, start),
    after: end < 0 ? '' : previousBody.slice(end + END_MARKER.length)
  }
}

/** The hidden marker that identifies the tracking issue of one key (by default, the environment). */
export function issueKeyMarker(key: string): string {
  return `<!-- ${KEY_MARKER_PREFIX}${key} -->`
}

export interface IssueBodyInput {
  report: Report
  key: string
  environment: string
  /** This run's page (the job summary is there). */
  runUrl?: string
  /** Where the full report can be read when the body is trimmed (the run, or the uploaded kit). */
  fullReportUrl?: string
  /** The body as it is now on GitHub: its ticks are merged. */
  previousBody?: string
}

export interface IssueBody {
  body: string
  merged: MergedChecklist
  /** Sections left out to fit the limit (empty when nothing was). */
  omitted: string[]
}

function renderOverridden(merged: MergedChecklist): string {
  if (merged.overridden.length === 0) return ''
  return blocks(
    '### ⚠️ Ticks removed because the check now fails',
    merged.overridden
      .map(o => `- ${prose(o.text)} — ticked by hand, but: ${inline(o.reason, 300)}`)
      .join('\n')
  )
}

interface Section {
  name: string
  text: string
  /** Sections that can be left out, most expendable first; undefined = always kept. */
  dropOrder?: number
}

export function renderIssueBody(input: IssueBodyInput): IssueBody {
  const { report } = input
  const previous = input.previousBody ? readTicks(input.previousBody) : new Map()
  const merged = mergeTicks(checklistStatus(report), previous)
  const run = input.runUrl ? ` · [run](${input.runUrl})` : ''
  const sections: Section[] = [
    {
      name: 'header',
      text: blocks(
        issueKeyMarker(input.key),
        `## ${renderHeadline(report)} — Vapora preflight · ${code(input.environment)}`,
        `Last run ${report.finishedAt}${run} · namespace \`${report.namespace}\` · ${renderSource(report)} · ${report.tool.name} ${report.tool.version}`,
        renderLastGo(nextLastGo(report, input.previousBody, input.runUrl, issueKeyMarker(input.key))),
        renderRecord(recordOf(report, input.runUrl))
      )
    },
    { name: 'scope', text: renderScopeNote(report) },
    { name: 'why', text: renderWhy(report) },
    { name: 'overridden', text: renderOverridden(merged) },
    { name: 'warnings', text: renderWarnings(report), dropOrder: 4 },
    { name: 'rollback kit', text: report.rollback ? renderRollbackKit(report.rollback) : '', dropOrder: 5 },
    { name: "what's changing", text: renderChanges(report), dropOrder: 3 },
    { name: 'commits since the last go', text: renderCommitsSince(report), dropOrder: 3.2 },
    { name: 'baseline', text: report.baseline ? renderBaseline(report.baseline) : '', dropOrder: 3.5 },
    {
      name: 'checklist',
      text: blocks(
        '### Checklist',
        '_Tick manual items here as you do them: later runs keep your ticks. Automated items are re-checked on every run._',
        renderChecklist(merged.statuses, {
          mode: report.mode,
          state: checklistState(merged.statuses, report.mode)
        })
      )
    },
    { name: 'results table', text: renderResults(report), dropOrder: 2 },
    { name: 'details', text: renderReportDetails(report), dropOrder: 1 }
  ]
  const omitted: string[] = []
  const kept = peoplesText(input.previousBody, input.key)
  const compose = (): string =>
    kept.before +
    blocks(
      ...sections.filter(s => !omitted.includes(s.name)).map(s => s.text),
      omitted.length > 0 ? trimNote(omitted, input.fullReportUrl ?? input.runUrl) : undefined,
      END_MARKER
    ) +
    kept.after
  let body = compose()
  const droppable = sections.filter(s => s.dropOrder !== undefined && s.text !== '')
  droppable.sort((a, b) => a.dropOrder! - b.dropOrder!)
  for (const section of droppable) {
    if (body.length <= ISSUE_BODY_LIMIT) break
    omitted.push(section.name)
    body = compose()
  }
  if (body.length > ISSUE_BODY_LIMIT) {
    // Only the checklist and the reasons are left and they still do not fit: cut the reasons' text, never
    // the checklist (its ticks are people's work).
    const why = sections.find(s => s.name === 'why')!
    why.text = blocks('### Why no-go', report.failedChecks.map(id => `- ${code(id)}`).join('\n'))
    omitted.push('reasons text')
    body = compose()
  }
  return { body, merged, omitted }
}

function trimNote(omitted: string[], fullReportUrl?: string): string {
  const where = fullReportUrl ? ` Read the full report [here](${fullReportUrl}).` : ''
  return `> [!NOTE]\n> Trimmed to fit GitHub's ${ISSUE_BODY_LIMIT.toLocaleString('en-US')}-character limit: ${omitted.join(', ')} left out.${where}`
}

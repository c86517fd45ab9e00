/**
 * Derives each checklist item's state from a run's results, and merges people's ticks into it so that
 * nothing a person ticked is lost: manual items keep their ticks; automated items are re-checked every
 * run, and a person's tick on one that now fails is removed *and reported*, never silently kept or dropped.
 */
import type {
  CheckResult,
  ChecklistItemState,
  ChecklistState,
  Report,
  RunMode,
  SkipReason
} from '../core/types.js'
import { DECISION } from '../core/results.js'
import { checklistItems, type LocatedItem } from './model.js'

export type ItemState = ChecklistItemState['state']

export interface ItemStatus {
  item: LocatedItem
  state: ItemState
  /** Automated items: true when their checks all passed (or warned) in this run. Manual: a person's tick. */
  ticked: boolean
  /** Who ticked it: this run (re-checked every run) or a person (kept across runs). */
  tickedBy?: 'preflight' | 'person'
  /** Why: the failing or skipping results' messages (each once), or the warning. */
  note?: string
  /** For a skipped item: why its checks were skipped (`offline`: out of scope in an offline run). */
  skipReason?: SkipReason
  /** For a skipped or failed item whose checks did not run because of another: that root cause. */
  blockedBy?: string
  /**
   * Only people can tick it in this run's setup: a manual item, or an automated one of the run's own phase
   * that nothing in this setup checks (no tracking issue from the CLI, no Slack webhook…).
   */
  forPeople: boolean
}

/** What `checklistStatus` reads of a report (the checklist is optional: people's ticks, when known). */
export type ReportForChecklist = Pick<Report, 'results' | 'decision' | 'failedChecks'> & {
  checklist?: ChecklistState
  /** Default `preflight`. */
  mode?: RunMode
}

function resultsFor(item: LocatedItem, report: ReportForChecklist): CheckResult[] {
  const byId = new Map(report.results.map(r => [r.id, r]))
  return (item.checks ?? []).flatMap(id => {
    if (id === DECISION.id) {
      const go = report.decision === 'go'
      const decision: CheckResult = {
        ...DECISION,
        status: go ? 'pass' : 'fail',
        blocking: !go,
        message: go ? 'no blocking issue found' : `no-go: ${report.failedChecks.join(', ')}`,
        durationMs: 0
      }
      return [decision]
    }
    const result = byId.get(id)
    return result ? [result] : []
  })
}

/** The messages of some results, each once, joined. */
const notesOf = (results: readonly CheckResult[]): string =>
  [...new Set(results.map(r => r.message))].join('; ')

export function itemStatus(item: LocatedItem, report: ReportForChecklist): ItemStatus {
  const status = derive(item, report)
  const ownPhase = item.phase === (report.mode ?? 'preflight')
  return { ...status, forPeople: status.state === 'manual' || (status.state === 'not-run' && ownPhase) }
}

function derive(item: LocatedItem, report: ReportForChecklist): Omit<ItemStatus, 'forPeople'> {
  if (!item.automated) return { item, state: 'manual', ticked: false }
  const results = resultsFor(item, report)
  // No result at all: nothing in this run's setup checks it (no tracking issue from the CLI, no Slack
  // webhook…), so for now it is a person's item like any manual one; or it belongs to the other phase.
  if (results.length === 0) return { item, state: 'not-run', ticked: false }
  const failed = results.filter(r => r.status === 'fail' || r.status === 'error')
  if (failed.length > 0) {
    // A failure of its own says more than one caused elsewhere: "blocked by" only when all are that.
    const own = failed.filter(r => !r.blockedBy)
    return {
      item,
      state: 'failed',
      ticked: false,
      note: notesOf(own.length > 0 ? own : failed),
      blockedBy: own.length > 0 ? undefined : failed[0].blockedBy
    }
  }
  const skipped = results.filter(r => r.status === 'skip')
  if (skipped.length > 0) {
    return {
      item,
      state: 'skipped',
      ticked: false,
      note: notesOf(skipped),
      skipReason: skipped[0].skipReason,
      blockedBy: skipped.find(r => r.blockedBy)?.blockedBy
    }
  }
  const warned = results.filter(r => r.status === 'warn')
  if (warned.length > 0)
    return { item, state: 'warning', ticked: true, tickedBy: 'preflight', note: notesOf(warned) }
  return { item, state: 'passed', ticked: true, tickedBy: 'preflight', note: notesOf(results) }
}

export interface PreviousTick {
  ticked: boolean
  /** True when the tick carries this tool's marker, i.e. a run (not a person) ticked it. */
  byPreflight: boolean
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

/** This run's item states with the ticks people made before (read from the tracking issue). */
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

/** Every checklist item, in document order, with its state for this report (and people's known ticks). */
export function checklistStatus(report: ReportForChecklist): ItemStatus[] {
  const statuses = checklistItems().map(item => itemStatus(item, report))
  const byPeople = (report.checklist?.items ?? []).filter(i => i.tickedBy === 'person')
  if (byPeople.length === 0) return statuses
  const previous = new Map(byPeople.map(i => [i.id, { ticked: true, byPreflight: false }]))
  return mergeTicks(statuses, previous).statuses
}

/** Whether only a person can tick the item in this run's setup (manual, or automated but not checked). */
export const isPeoplesItem = (status: ItemStatus): boolean => status.forPeople

/** The checklist as the report records it, with the counts over the run's own phase. */
export function checklistState(statuses: readonly ItemStatus[], mode: RunMode): ChecklistState {
  const items: ChecklistItemState[] = statuses.map(s => ({
    id: s.item.id,
    text: s.item.text,
    section: s.item.section,
    group: s.item.group,
    phase: s.item.phase,
    automated: s.item.automated,
    optional: s.item.optional,
    state: s.state,
    ticked: s.ticked,
    tickedBy: s.tickedBy === 'preflight' ? 'tool' : s.tickedBy
  }))
  const own = statuses.filter(s => s.item.phase === mode)
  const count = (test: (s: ItemStatus) => boolean): number => own.filter(test).length
  return {
    items,
    counts: {
      items: own.length,
      ticked: count(s => s.ticked),
      tickedByTool: count(s => s.ticked && s.tickedBy === 'preflight'),
      tickedByPeople: count(s => s.ticked && s.tickedBy === 'person'),
      notTickedByTool: count(s => !s.ticked && !isPeoplesItem(s)),
      leftForPeople: count(s => !s.ticked && isPeoplesItem(s))
    }
  }
}

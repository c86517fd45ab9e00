/**
 * Derives each checklist item's state from a run's results, and merges people's ticks into it so that
 * nothing a person ticked is lost: manual items keep their ticks; automated items are re-checked every
 * run, and a person's tick on one that now fails is removed *and reported*, never silently kept or dropped.
 */
import type { ChecklistItemState, ChecklistState, Report, RunMode, SkipReason } from '../core/types.js';
import { type LocatedItem } from './model.js';
export type ItemState = ChecklistItemState['state'];
export interface ItemStatus {
    item: LocatedItem;
    state: ItemState;
    /** Automated items: true when their checks all passed (or warned) in this run. Manual: a person's tick. */
    ticked: boolean;
    /** Who ticked it: this run (re-checked every run) or a person (kept across runs). */
    tickedBy?: 'preflight' | 'person';
    /** Why: the failing or skipping results' messages (each once), or the warning. */
    note?: string;
    /** For a skipped item: why its checks were skipped (`offline`: out of scope in an offline run). */
    skipReason?: SkipReason;
    /** For a skipped or failed item whose checks did not run because of another: that root cause. */
    blockedBy?: string;
    /**
     * Only people can tick it in this run's setup: a manual item, or an automated one of the run's own phase
     * that nothing in this setup checks (no tracking issue from the CLI, no Slack webhook…).
     */
    forPeople: boolean;
}
/** What `checklistStatus` reads of a report (the checklist is optional: people's ticks, when known). */
export type ReportForChecklist = Pick<Report, 'results' | 'decision' | 'failedChecks'> & {
    checklist?: ChecklistState;
    /** Default `preflight`. */
    mode?: RunMode;
};
export declare function itemStatus(item: LocatedItem, report: ReportForChecklist): ItemStatus;
export interface PreviousTick {
    ticked: boolean;
    /** True when the tick carries this tool's marker, i.e. a run (not a person) ticked it. */
    byPreflight: boolean;
}
export interface OverriddenTick {
    id: string;
    text: string;
    /** Why the tick could not stand: the failing checks' messages. */
    reason: string;
}
export interface MergedChecklist {
    statuses: ItemStatus[];
    /** Items a person had ticked whose checks now fail: unticked, and listed here for the report. */
    overridden: OverriddenTick[];
    /** How many ticks by people were carried over. */
    keptByPeople: number;
}
/** This run's item states with the ticks people made before (read from the tracking issue). */
export declare function mergeTicks(current: readonly ItemStatus[], previous: ReadonlyMap<string, PreviousTick>): MergedChecklist;
/** Every checklist item, in document order, with its state for this report (and people's known ticks). */
export declare function checklistStatus(report: ReportForChecklist): ItemStatus[];
/** Whether only a person can tick the item in this run's setup (manual, or automated but not checked). */
export declare const isPeoplesItem: (status: ItemStatus) => boolean;
/** The checklist as the report records it, with the counts over the run's own phase. */
export declare function checklistState(statuses: readonly ItemStatus[], mode: RunMode): ChecklistState;

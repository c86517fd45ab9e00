/** Derives each checklist item's state from a run's results. Manual items are never ticked here. */
import type { Report } from '../types.js';
import { type LocatedItem } from './model.js';
export type ItemState = 'passed' | 'warning' | 'failed' | 'skipped' | 'not-run' | 'manual';
export interface ItemStatus {
    item: LocatedItem;
    state: ItemState;
    /** Automated items: true when their checks all passed (or warned) in this run. Manual: a person's tick. */
    ticked: boolean;
    /** Who ticked it: this run (re-checked every run) or a person (kept across runs, see merge.ts). */
    tickedBy?: 'preflight' | 'person';
    /** Why: the failing or skipping results' messages, or the warning. */
    note?: string;
}
export declare function itemStatus(item: LocatedItem, report: Report): ItemStatus;
/** Every checklist item, in document order, with its state for this report. */
export declare function checklistStatus(report: Report): ItemStatus[];

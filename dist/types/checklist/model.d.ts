/**
 * The seed's pre-deployment checklist (docs/operations/pre-deployment-checklist.md) as data.
 *
 * Every item has a stable `key`: reports, the tracking issue and later runs refer to items by key, so a
 * key never changes once released even if the wording does. An item is *automated* when it lists the
 * ids of the checks that verify it; otherwise it is *manual* and only a person can tick it.
 * `optional` marks items the seed qualifies with "if applicable", "if safe", "if available"…
 */
import type { RunMode } from '../types.js';
export interface ChecklistItem {
    key: string;
    /** The seed's wording, as Markdown: commands in backticks (see `plainItemText` for plain text). */
    text: string;
    /** Check ids that verify this item. Absent → manual. */
    checks?: string[];
    optional?: boolean;
}
export interface ChecklistGroup {
    title: string;
    optional?: boolean;
    items: ChecklistItem[];
}
export interface ChecklistSection {
    key: string;
    title: string;
    /** The run that checks its items: the preflight (before the deploy, the default) or verify mode (after). */
    phase?: RunMode;
    groups: ChecklistGroup[];
}
export declare const CHECKLIST: readonly ChecklistSection[];
/** An item with its place in the checklist, for lookups by key. */
export interface LocatedItem extends ChecklistItem {
    /** `section.key` + item key: unique and stable, e.g. `t-2h.verify-artifact-contents`. */
    id: string;
    section: string;
    group: string;
    automated: boolean;
    optional: boolean;
    phase: RunMode;
}
/** An item's text without Markdown: for messages, logs and the terminal. */
export declare function plainItemText(text: string): string;
/** All items in document order, with their full ids. */
export declare function checklistItems(): LocatedItem[];

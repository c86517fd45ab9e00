/**
 * The seed's pre-deployment checklist (docs/operations/pre-deployment-checklist.md) as data.
 *
 * Every item has a stable `key`: reports, the tracking issue and later runs refer to items by key, so a
 * key never changes once released even if the wording does. An item is *automated* when it lists the
 * ids of the checks that verify it; otherwise it is *manual* and only a person can tick it.
 * `optional` marks items the seed qualifies with "if applicable", "if safe", "if available"…
 */
import type { RunMode } from '../core/types.js';
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
    /**
     * The seed's heading above the group, when it has one ("Environment Verification" holds Staging and
     * Production): what results of the group's checks report under, the same cluster being both.
     */
    area?: string;
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
/**
 * Where a result reports in a run's summary: under a checklist item (by key) or a whole section (by key),
 * as "Section › Group", the group's `area` standing for it when it has one, and the section's title alone
 * when it has one group. Throws for a key the checklist does not have: a misspelled home fails at load.
 */
export declare function reportSectionOf(home: string): string;
/** The keys of the items that name a check (or result) id, in document order. */
export declare function itemsNaming(id: string): string[];
/** Every check or result id some item names, once each, in document order. */
export declare function namedIds(): string[];

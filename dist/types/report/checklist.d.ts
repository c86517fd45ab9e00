import { type ItemStatus } from '../checklist/state.js';
import type { ChecklistState, RunMode } from '../core/types.js';
export declare const ITEM_MARKER_PREFIX = "vapora-preflight:item=";
/** Marks a tick this tool made (so a later run can tell it from a person's tick). */
export declare const TICKED_BY_PREFLIGHT = "ticked-by=preflight";
export declare const TOOL_MARK = "\uD83E\uDD16";
export declare const PEOPLE_MARK = "\uD83D\uDC64";
export declare function renderItem(status: ItemStatus): string;
/** "12 of 58 done before the deploy: 🤖 10 by this tool, 👤 2 by people · 30 left for people". */
export declare function checklistHeadline(state: ChecklistState, mode: RunMode): string;
/**
 * The whole checklist under the seed's headings: the run's own phase open, the other phase folded in a
 * `<details>` (its items are still there, with their markers, so ticks in it are merged like the others).
 */
export declare function renderChecklist(statuses: readonly ItemStatus[], options?: {
    mode?: RunMode;
    state?: ChecklistState;
}): string;

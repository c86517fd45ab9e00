import type { ItemStatus } from './state.js';
export declare const ITEM_MARKER_PREFIX = "vapora-preflight:item=";
/** Marks a tick this tool made (so a later run can tell it from a person's tick). */
export declare const TICKED_BY_PREFLIGHT = "ticked-by=preflight";
export declare function renderItem(status: ItemStatus): string;
/** The whole checklist, grouped under the seed's headings. */
export declare function renderChecklist(statuses: readonly ItemStatus[]): string;

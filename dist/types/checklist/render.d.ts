import type { ItemStatus } from './state.js';
export declare const ITEM_MARKER_PREFIX = "vapora-preflight:item=";
export declare function renderItem(status: ItemStatus): string;
/** The whole checklist, grouped under the seed's headings. */
export declare function renderChecklist(statuses: readonly ItemStatus[]): string;

import type { ItemStatus } from './state.js';
export interface PreviousTick {
    ticked: boolean;
    /** True when the tick carries this tool's marker, i.e. a run (not a person) ticked it. */
    byPreflight: boolean;
}
/** Reads every item's tick from an issue body (GitHub may store `\r\n` after an edit in the browser). */
export declare function readTicks(body: string): Map<string, PreviousTick>;
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
export declare function mergeTicks(current: readonly ItemStatus[], previous: ReadonlyMap<string, PreviousTick>): MergedChecklist;

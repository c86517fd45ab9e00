import type { PreviousTick } from '../checklist/state.js';
/** Reads every item's tick from an issue body (GitHub may store `\r\n` after an edit in the browser). */
export declare function readTicks(body: string): Map<string, PreviousTick>;

import type { Check } from '../types.js';
/** "Verify recent events": Warning events in the window, grouped by reason and object. Reported, not blocking. */
export declare const recentEventsCheck: Check;

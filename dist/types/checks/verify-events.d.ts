/** No Warning events in the namespace since the deploy started (FailedScheduling, BackOff, Unhealthy…). */
import type { Check } from '../types.js';
export declare const verifyEventsCheck: Check;

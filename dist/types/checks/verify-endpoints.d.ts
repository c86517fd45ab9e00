/**
 * After the deploy: the health and API endpoints answer 200 again (the same probes as the preflight's),
 * and their latency and errors compare with the baseline the preflight recorded.
 */
import type { Baseline, Check, CheckOutcome } from '../types.js';
export declare const verifyHealthCheck: Check;
export declare const verifyApiCheck: Check;
/**
 * Jitter allowance added to `factor × before`: a 2 ms baseline must not fail at 5 ms. Latency that
 * matters to users is well above it.
 */
export declare const LATENCY_SLACK_MS = 25;
/** p99 after vs before for each endpoint measured both times; more errors than before also fail. */
export declare function compareWithBaseline(before: Baseline | undefined, after: Baseline | undefined, factor: number): CheckOutcome;

/**
 * After the deploy: the health and API endpoints answer 200 again (the same probes as the preflight's),
 * and their latency and errors compare with the baseline the preflight recorded.
 */
import type { Baseline, CheckOutcome } from '../core/types.js';
export declare const verifyHealthCheck: import("../core/check.js").Check;
export declare const verifyApiCheck: import("../core/check.js").Check;
/**
 * Jitter allowance added to `factor × before`: a 2 ms baseline must not fail at 5 ms. Latency that
 * matters to users is well above it.
 */
export declare const LATENCY_SLACK_MS = 25;
/** p99 after vs before for each endpoint measured both times; more errors than before also fail. */
export declare function compareWithBaseline(before: Baseline | undefined, after: Baseline | undefined, factor: number): CheckOutcome;

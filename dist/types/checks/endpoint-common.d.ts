import type { CheckOutcome } from '../types.js';
import type { PreflightOptions } from '../options.js';
export declare const ENDPOINT_SECTION = "4 Hours Before Deployment \u203A Health Baseline";
/**
 * Probes every URL `probeCount` times (one URL after another, so the latency measured is the service's,
 * not ours), each probe within `probeTimeoutMs` and each URL's probes within `endpointBudgetMs`. Blocks
 * when any probe did not answer 200 in time (or was not sent), or when a p95 is over the latency threshold.
 */
export declare function checkEndpoints(urls: readonly URL[], options: PreflightOptions, what: string): Promise<CheckOutcome>;

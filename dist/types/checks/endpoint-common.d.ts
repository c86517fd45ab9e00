import { type EndpointSummary } from '../net/http-probe.js';
import type { CheckOutcome } from '../core/types.js';
import type { PreflightOptions } from '../core/options.js';
/**
 * `…/health: 5/5 OK in 0.031 s of its 30 s budget, p50 2 ms, p95 4 ms`. What failed is in the message,
 * which lists every failing endpoint with its problems; a detail line does not repeat them.
 */
/** What the endpoint checks leave: each endpoint's probes summarised (latency, errors, time spent). */
export interface EndpointsData {
    endpoints: EndpointSummary[];
}
/** The endpoint checks, preflight and verify mode alike: the baseline reads them all. */
export declare const ENDPOINTS_DATA: import("../core/check-data.js").DataKey<EndpointsData>[];
/**
 * Probes every URL `probeCount` times (one URL after another, so the latency measured is the service's,
 * not ours), each probe within `probeTimeoutMs` and each URL's probes within `endpointBudgetMs`. Blocks
 * when any probe did not answer 200 in time (or was not sent), or when a p95 is over the latency threshold.
 */
export declare function checkEndpoints(urls: readonly URL[], options: PreflightOptions, what: string): Promise<CheckOutcome>;

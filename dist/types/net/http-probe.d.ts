export interface ProbeSample {
    /** HTTP status, or undefined when no answer came. */
    status?: number;
    /** Time to the response headers. */
    ms: number;
    error?: string;
}
export interface ProbeOptions {
    /** Sent as `Authorization: Bearer …`. */
    token?: string;
    timeoutMs: number;
    count: number;
}
/** The URL as safe to show: no user info, no query string (either may carry a secret). */
export declare function displayUrl(url: URL): string;
/** Probes `url` `count` times, one after the other (latency is what is measured, not throughput). */
export declare function probe(url: URL, options: ProbeOptions): Promise<ProbeSample[]>;
/** The p-th percentile (nearest rank) of `values`. */
export declare function percentile(values: readonly number[], p: number): number;
/** One line per endpoint: statuses, p50/p95/p99 latency and errors, for details and the baseline. */
export interface EndpointSummary {
    url: string;
    ok: number;
    count: number;
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    errors: number;
    statuses: Record<string, number>;
    firstProblem?: string;
}
export declare function summarise(url: URL, samples: readonly ProbeSample[], expected: number): EndpointSummary;

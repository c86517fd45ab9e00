/**
 * How much of a body is read before the answer counts as complete. A health endpoint with a huge body is
 * not hung, and an API list of a few hundred KiB is still read whole, so its latency is the real one; the
 * kubelet reads 10 KiB and treats more as a non-fatal truncation, the same idea.
 */
export declare const MAX_BODY_BYTES: number;
export interface ProbeSample {
    /** HTTP status, when a status line arrived (even if the rest of the answer did not). */
    status?: number;
    /** Status, headers and body (or its first MAX_BODY_BYTES) arrived in time: only then is it an answer. */
    complete: boolean;
    /** Time to the complete answer; otherwise until the probe was given up (0 when not sent). */
    ms: number;
    /** Why the probe is no answer: a network error, an unfinished answer, or `not sent: …`. */
    error?: string;
    /** The endpoint's budget was spent before this probe's turn. */
    notSent?: true;
}
export interface ProbeOptions {
    /** Sent as `Authorization: Bearer …`. */
    token?: string;
    /** Per probe: connect, status line, headers and the whole body within it. */
    timeoutMs: number;
    /** Per endpoint: all its probes together. */
    budgetMs: number;
    count: number;
}
export interface ProbeRun {
    samples: ProbeSample[];
    /** Wall time of all the probes of the endpoint. */
    spentMs: number;
}
/** The URL as safe to show: no user info, no query string (either may carry a secret). */
export declare function displayUrl(url: URL): string;
/** A duration as people read it in a message: `0.031 s`, `2.5 s`, `30 s`. */
export declare function formatSeconds(ms: number): string;
/**
 * Probes `url` `count` times, one after the other (latency is what is measured, not throughput), each
 * probe within `timeoutMs` and all of them within `budgetMs`: a probe gets the time the budget has left
 * when that is less than its timeout, and once the budget is spent the remaining probes are not sent.
 */
export declare function probe(url: URL, options: ProbeOptions): Promise<ProbeRun>;
/** The p-th percentile (nearest rank) of `values`. */
export declare function percentile(values: readonly number[], p: number): number;
/** One line per endpoint: statuses, p50/p95/p99 latency and errors, for details and the baseline. */
export interface EndpointSummary {
    url: string;
    /** Probes that answered the expected status in time. */
    ok: number;
    /** Probes planned (`probe-count`), sent or not. */
    count: number;
    /** Of answered probes only (any status); NaN when none answered. */
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    /** Probes that failed: a wrong status, no complete answer, or not sent. */
    errors: number;
    /** Complete answers by status, with `no complete answer` and `not sent`. */
    statuses: Record<string, number>;
    /** Why probes failed, in the order each first happened, with how many probes each. */
    problems: Array<{
        problem: string;
        probes: number;
    }>;
    notSent: number;
    spentMs: number;
    budgetMs: number;
    probeTimeoutMs: number;
}
export declare function summarise(url: URL, run: ProbeRun, expected: number, bounds: {
    budgetMs: number;
    probeTimeoutMs: number;
}): EndpointSummary;

/**
 * The one Octokit we use: @actions/github's (REST methods + pagination, proxy-aware) with the retry
 * plugin, Retry-After honoured on 429, a timeout per request and a bound on the total time spent; and
 * `attemptWrite`, the one way we retry a write that must not be resent as it was.
 */
import { GitHub } from '@actions/github/lib/utils';
export type GitHubClient = InstanceType<typeof GitHub>;
export interface GitHubClientOptions {
    /** REST base URL, e.g. https://api.github.com or $GITHUB_API_URL. */
    baseUrl: string;
    /** Per-request timeout. */
    requestTimeoutMs?: number;
    /** Every request made through this client ends within this long after its creation. */
    budgetMs?: number;
    /** Longest Retry-After we wait for on 429 (longer: fail now, with the wait in the message). */
    maxRetryAfterMs?: number;
    /** Base of the retry plugin's quadratic backoff for 5xx and network errors (1 s: waits 1, 4, 9 s). */
    retryBaseMs?: number;
}
/** The client's whole budget is spent: no further attempt can succeed, so none is made. */
export declare class BudgetSpent extends Error {
    name: string;
}
interface HttpishError {
    status?: number;
    response?: {
        headers?: Record<string, string | undefined>;
    };
    request?: {
        request?: {
            retryCount?: number;
        };
    };
}
/** Creates the client. The token is passed to Octokit only: never logged, never put in a message. */
export declare function createGitHubClient(token: string, options: GitHubClientOptions): GitHubClient;
/**
 * For requests that must not be resent as they are: a create (GitHub may have done it before a 502, so
 * a blind retry duplicates it) and an update of a body people edit (a resend after a wait would erase
 * what they ticked meanwhile). The caller re-reads and decides instead: see attemptWrite.
 */
export declare const NO_RESEND: {
    readonly request: {
        readonly retries: 0;
        readonly honourRetryAfter: false;
    };
};
/**
 * True for failures worth trying again after re-reading: rate limits, 5xx, timeouts, network errors.
 * Not 501 (Not Implemented): a server without the route answers it every time.
 */
export declare function isTransient(error: unknown): boolean;
/** How long to wait before trying again: the server's Retry-After, else `fallbackMs`. */
export declare function retryDelayMs(error: unknown, fallbackMs: number): number;
/** Attempts one write makes at most (a create, an update, a comment, a close). */
export declare const WRITE_ATTEMPTS = 3;
/** The longest Retry-After a write waits for; a longer one ends the write at once, saying so. */
export declare const WRITE_MAX_RETRY_AFTER_MS = 20000;
/** A write that must not be resent as it was (see NO_RESEND), and how to check what it did. */
export interface NonResendableWrite<T> {
    /** One attempt, sent with NO_RESEND; it re-reads what it needs first (an update re-merges the ticks). */
    attempt: () => Promise<T>;
    /**
     * After a transient failure and the wait: what GitHub holds now. A value means the write happened after
     * all (or is not needed any more) and ends it; undefined means try again. Without a look, a failed
     * attempt is simply retried, which must then be harmless (the attempt re-reads).
     */
    look?: () => Promise<T | undefined>;
    /** How the attempts were followed up, for messages: "each followed by a look that found no issue". */
    followedBy: string;
}
/** A write that gave up: every attempt's failure, in order, and why it stopped. */
export declare class WriteGaveUp extends Error {
    readonly failures: unknown[];
    name: string;
    readonly last: unknown;
    readonly status?: number;
    readonly response?: HttpishError['response'];
    constructor(failures: unknown[], followedBy: string, stopped?: string);
}
/** One attempt's outcome in a message: its status, or what happened instead. */
export declare function attemptLabel(error: unknown): string;
/**
 * Attempts a write that must not be resent blindly: on a rate limit, a 5xx, a timeout or a network error
 * it waits (Retry-After up to WRITE_MAX_RETRY_AFTER_MS, else 1 s then 2 s), looks whether the write
 * happened anyway, and attempts again — WRITE_ATTEMPTS at most, never past the client's budget. A first
 * failure that is not transient is thrown as it is; any later one as a WriteGaveUp that lists them all.
 */
export declare function attemptWrite<T>(github: GitHubClient, write: NonResendableWrite<T>): Promise<T>;
/** The permission a call needs, named as in a workflow's `permissions:` block. */
export type Permission = 'actions: read' | 'issues: write' | 'contents: read' | 'pull-requests: read';
/**
 * Turns an Octokit error into one line that says what failed and how to fix it. The token never
 * appears: Octokit's messages do not carry it, and we add only the status and GitHub's own message.
 */
export declare function explainGitHubError(error: unknown, doing: string, needs: Permission): string;
export {};

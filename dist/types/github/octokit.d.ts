/**
 * The one Octokit we use: @actions/github's (REST methods + pagination, proxy-aware) with the retry
 * plugin, Retry-After honoured on 429, a timeout per request and a bound on the total time spent.
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
/** Creates the client. The token is passed to Octokit only: never logged, never put in a message. */
export declare function createGitHubClient(token: string, options: GitHubClientOptions): GitHubClient;
/**
 * For requests that must not be resent as they are: a create (GitHub may have done it before a 502, so
 * a blind retry duplicates it) and an update of a body people edit (a resend after a wait would erase
 * what they ticked meanwhile). The caller re-reads and decides instead.
 */
export declare const NO_RESEND: {
    readonly request: {
        readonly retries: 0;
        readonly honourRetryAfter: false;
    };
};
/** True for failures worth trying again after re-reading: rate limits, 5xx, timeouts, network errors. */
export declare function isTransient(error: unknown): boolean;
/** How long to wait before trying again: the server's Retry-After (bounded), else `fallbackMs`. */
export declare function retryDelayMs(error: unknown, fallbackMs: number, maxMs?: number): number;
/** The permission a call needs, named as in a workflow's `permissions:` block. */
export type Permission = 'actions: read' | 'issues: write' | 'contents: read' | 'pull-requests: read';
/**
 * Turns an Octokit error into one line that says what failed and how to fix it. The token never
 * appears: Octokit's messages do not carry it, and we add only the status and GitHub's own message.
 */
export declare function explainGitHubError(error: unknown, doing: string, needs: Permission): string;

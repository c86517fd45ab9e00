'use strict';

var index = require('./index-Xidhm2fI.js');
var version = require('./version-Sfzk9NQZ.js');

/**
 * The one Octokit we use: @actions/github's (REST methods + pagination, proxy-aware) with the retry
 * plugin, Retry-After honoured on 429, a timeout per request and a bound on the total time spent; and
 * `attemptWrite`, the one way we retry a write that must not be resent as it was.
 */
/** The client's whole budget is spent: no further attempt can succeed, so none is made. */
class BudgetSpent extends Error {
    name = 'BudgetSpent';
}
/** The retry plugin's list minus 429, which `honourRetryAfter` handles with the server's own delay. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451, 429];
const MAX_429_RETRIES = 3;
/** Plugin: waits as long as a 429's Retry-After asks (bounded), and bounds every request in time. */
function boundedRequests(octokit, options) {
    const bounds = options.bounds;
    if (!bounds)
        return;
    octokit.hook.wrap('request', async (request, requestOptions) => {
        for (let attempt = 0;; attempt++) {
            const remaining = bounds.deadline - Date.now();
            if (remaining <= 0) {
                throw new BudgetSpent(`gave up: GitHub calls took longer than the ${Math.round(bounds.budgetMs / 1000)} s allowed`);
            }
            const extras = requestOptions.request;
            const timeoutMs = Math.min(extras?.timeoutMs ?? bounds.requestTimeoutMs, bounds.requestTimeoutMs, remaining);
            const signal = AbortSignal.timeout(timeoutMs);
            try {
                // before-after-hook binds the same options object to every hook and ignores what a wrapper passes
                // on, so the signal has to be set on that object, not on a copy.
                requestOptions.request = { ...requestOptions.request, signal };
                return await request(requestOptions);
            }
            catch (error) {
                const http = error;
                if (signal.aborted) {
                    throw new NoAnswer(`${requestOptions.method} ${requestOptions.url}: no answer within ${Math.round(timeoutMs / 1000)} s`, { cause: error });
                }
                const mayWait = extras?.honourRetryAfter !== false;
                if (http.status !== 429 || !mayWait || attempt >= MAX_429_RETRIES)
                    throw error;
                const header = Number(http.response?.headers?.['retry-after']);
                const waitMs = Number.isFinite(header) && header >= 0 ? header * 1000 : 2 ** attempt * 1000;
                if (waitMs > bounds.maxRetryAfterMs || Date.now() + waitMs > bounds.deadline)
                    throw error;
                await new Promise(resolve => setTimeout(resolve, waitMs));
            }
        }
    });
}
// Hooks registered later wrap the earlier ones: the retry plugin goes outside, so that every attempt it
// makes passes through `boundedRequests` and gets its own timeout (and the deadline check).
const RetryingGitHub = index.GitHub.plugin(boundedRequests, index.retry);
/** A request the client gave up waiting for (its timeout): GitHub may still act on it. */
class NoAnswer extends Error {
    name = 'NoAnswer';
}
/** Each client's bounds, so that `attemptWrite` never waits past the client's budget. */
const CLIENT_BOUNDS = new WeakMap();
/** Creates the client. The token is passed to Octokit only: never logged, never put in a message. */
function createGitHubClient(token, options) {
    const budgetMs = options.budgetMs ?? 180_000;
    const bounds = {
        deadline: Date.now() + budgetMs,
        budgetMs,
        requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
        maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000
    };
    const client = new RetryingGitHub({
        ...index.getOctokitOptions(token, { baseUrl: options.baseUrl.replace(/\/+$/, '') }),
        retry: { doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
        bounds,
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } }
    });
    CLIENT_BOUNDS.set(client, bounds);
    return client;
}
/**
 * For requests that must not be resent as they are: a create (GitHub may have done it before a 502, so
 * a blind retry duplicates it) and an update of a body people edit (a resend after a wait would erase
 * what they ticked meanwhile). The caller re-reads and decides instead: see attemptWrite.
 */
const NO_RESEND = { request: { retries: 0, honourRetryAfter: false } };
/**
 * True for failures worth trying again after re-reading: rate limits, 5xx, timeouts, network errors.
 * Not 501 (Not Implemented): a server without the route answers it every time.
 */
function isTransient(error) {
    if (error instanceof BudgetSpent)
        return false;
    const status = error.status;
    return (status === undefined ||
        status === 429 ||
        (status >= 500 && status !== 501) ||
        (status === 403 && isRateLimited(error)));
}
/** GitHub's primary and secondary rate limits (the secondary one is a 403 with Retry-After). */
function isRateLimited(error) {
    const http = error;
    const headers = http.response?.headers ?? {};
    return (headers['x-ratelimit-remaining'] === '0' ||
        headers['retry-after'] !== undefined ||
        /secondary rate limit/i.test(http.message ?? ''));
}
/** How long to wait before trying again: the server's Retry-After, else `fallbackMs`. */
function retryDelayMs(error, fallbackMs) {
    const header = Number(error.response?.headers?.['retry-after']);
    return Number.isFinite(header) && header >= 0 ? header * 1000 : fallbackMs;
}
/** Attempts one write makes at most (a create, an update, a comment, a close). */
const WRITE_ATTEMPTS = 3;
/** The waits after a 5xx, a timeout or a network error that sent no Retry-After. */
const WRITE_BACKOFF_MS = [1000, 2000];
/** The longest Retry-After a write waits for; a longer one ends the write at once, saying so. */
const WRITE_MAX_RETRY_AFTER_MS = 20_000;
/** Before the look that follows the last failed attempt: time for GitHub's lists to show the write. */
const LAST_LOOK_DELAY_MS = 1000;
/** A write that gave up: every attempt's failure, in order, and why it stopped. */
class WriteGaveUp extends Error {
    failures;
    name = 'WriteGaveUp';
    last;
    status;
    response;
    constructor(failures, followedBy, stopped) {
        const transient = failures.every(isTransient);
        super(`${failures.length} attempt${failures.length === 1 ? '' : 's'} (${failures.map(attemptLabel).join(', ')})${transient && failures.length > 1 && followedBy ? `, ${followedBy}` : ''}${stopped ? `; ${stopped}` : ''}`, { cause: failures[failures.length - 1] });
        this.failures = failures;
        this.last = failures[failures.length - 1];
        this.status = this.last.status;
        this.response = this.last.response;
    }
}
/** One attempt's outcome in a message: its status, or what happened instead. */
function attemptLabel(error) {
    if (error instanceof NoAnswer)
        return 'no answer';
    if (error instanceof BudgetSpent)
        return 'out of time';
    const http = error;
    if (http.status === undefined)
        return version.describeError(error);
    if (http.status === 500 && !http.response)
        return 'network error';
    const after = http.response?.headers?.['retry-after'];
    return http.status === 429 && after !== undefined ? `429, retry after ${after} s` : String(http.status);
}
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/**
 * Attempts a write that must not be resent blindly: on a rate limit, a 5xx, a timeout or a network error
 * it waits (Retry-After up to WRITE_MAX_RETRY_AFTER_MS, else 1 s then 2 s), looks whether the write
 * happened anyway, and attempts again — WRITE_ATTEMPTS at most, never past the client's budget. A first
 * failure that is not transient is thrown as it is; any later one as a WriteGaveUp that lists them all.
 */
async function attemptWrite(github, write) {
    const bounds = CLIENT_BOUNDS.get(github);
    const failures = [];
    for (;;) {
        try {
            return await write.attempt();
        }
        catch (error) {
            failures.push(error);
            if (!isTransient(error)) {
                if (failures.length === 1)
                    throw error;
                throw new WriteGaveUp(failures, write.followedBy);
            }
            const last = failures.length >= WRITE_ATTEMPTS;
            const waitMs = last
                ? write.look
                    ? LAST_LOOK_DELAY_MS
                    : 0
                : retryDelayMs(error, WRITE_BACKOFF_MS[failures.length - 1]);
            if (!last && waitMs > WRITE_MAX_RETRY_AFTER_MS) {
                throw new WriteGaveUp(failures, write.followedBy, `GitHub asked to wait ${Math.round(waitMs / 1000)} s, longer than the ${WRITE_MAX_RETRY_AFTER_MS / 1000} s a write waits`);
            }
            if (bounds && Date.now() + waitMs >= bounds.deadline) {
                throw new WriteGaveUp(failures, write.followedBy, `another attempt would pass the ${Math.round(bounds.budgetMs / 1000)} s allowed for GitHub calls`);
            }
            await sleep(waitMs);
            if (write.look) {
                let found;
                try {
                    found = await write.look();
                }
                catch (lookError) {
                    throw new WriteGaveUp(failures, write.followedBy, `then looking failed: ${version.describeError(lookError)}`);
                }
                if (found !== undefined)
                    return found;
            }
            if (last)
                throw new WriteGaveUp(failures, write.followedBy);
        }
    }
}
/**
 * Turns an Octokit error into one line that says what failed and how to fix it. The token never
 * appears: Octokit's messages do not carry it, and we add only the status and GitHub's own message.
 */
function explainGitHubError(error, doing, needs) {
    if (error instanceof WriteGaveUp) {
        const last = error.last;
        const advice = last.status
            ? explainStatus(last, needs)
            : `${version.describeError(last)}. Re-run the job; see https://www.githubstatus.com.`;
        return `${doing}: ${error.message}. ${advice}`;
    }
    return `${doing}: ${explainStatus(error, needs)}`;
}
/** What a failed request's status means for the user, and what to do. */
function explainStatus(error, needs) {
    const http = error;
    const headers = http.response?.headers ?? {};
    const said = (version.describeError(error).split(' - ')[0] || '').trim();
    switch (http.status) {
        case 401:
            return `GitHub rejected the token (401 ${said}). The token is wrong or expired; the default \${{ github.token }} works for this repository, a PAT or app token is needed for others.`;
        case 403: {
            if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset']) {
                return `GitHub's API rate limit is exhausted (403); it resets at ${new Date(Number(headers['x-ratelimit-reset']) * 1000).toISOString()}.`;
            }
            if (isRateLimited(error)) {
                return `GitHub's secondary rate limit (403${headers['retry-after'] ? `, retry after ${headers['retry-after']} s` : ''}): too many requests at once. Re-run the job later.`;
            }
            const accepted = headers['x-accepted-github-permissions'];
            return `the token lacks permission (403 ${said}). Give the job \`permissions: ${needs}\`${accepted ? ` (GitHub accepts: ${accepted})` : ''}.`;
        }
        case 404:
            return `not found (404). Check the repository name (owner/name) and that the token can see it; a workflow's GITHUB_TOKEN sees only its own repository.`;
        case 429:
            return `GitHub is rate limiting (429${headers['retry-after'] ? `, retry after ${headers['retry-after']} s` : ''}). Re-run the job later.`;
        default: {
            if (http.status && http.status >= 500) {
                // Reads are retried by the plugin, which counts its retries on the request's options.
                const attempts = (http.request?.request?.retryCount ?? 0) + 1;
                const network = http.status === 500 && !http.response;
                return `${network ? `could not reach GitHub (${said})` : `GitHub answered ${http.status} (${said})`}${attempts > 1 ? ` on each of ${attempts} attempts` : ''}. Re-run the job; see https://www.githubstatus.com.`;
            }
            return `${http.status ? `${http.status} ` : ''}${said}`;
        }
    }
}

exports.NO_RESEND = NO_RESEND;
exports.WriteGaveUp = WriteGaveUp;
exports.attemptLabel = attemptLabel;
exports.attemptWrite = attemptWrite;
exports.createGitHubClient = createGitHubClient;
exports.explainGitHubError = explainGitHubError;
exports.isTransient = isTransient;
exports.retryDelayMs = retryDelayMs;

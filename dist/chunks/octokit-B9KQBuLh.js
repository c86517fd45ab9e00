import { g as getOctokitOptions, G as GitHub, r as retry } from './index-n81_h7gb.js';
import { j as describeError } from './markdown-Bu5NTgR5.js';
import 'fs';
import 'os';
import 'http';
import 'https';
import './index-F6ogAiu_.js';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import 'node:fs';
import 'node:path';
import 'node:os';
import 'process';
import 'buffer';
import 'path';
import 'zlib';
import 'crypto';
import 'node:https';
import 'node:child_process';
import 'node:crypto';
import 'node:sqlite';
import 'node:stream/web';
import 'node:fs/promises';
import 'node:timers';
import 'vm';
import 'stream';
import 'tty';
import 'dns';
import 'url';

/**
 * The one Octokit we use: @actions/github's (REST methods + pagination, proxy-aware) with the retry
 * plugin, Retry-After honoured on 429, a timeout per request and a bound on the total time spent.
 */
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
                throw new Error(`gave up: GitHub calls took longer than the ${Math.round(bounds.budgetMs / 1000)} s allowed`);
            }
            const signal = AbortSignal.timeout(Math.min(bounds.requestTimeoutMs, remaining));
            try {
                // before-after-hook binds the same options object to every hook and ignores what a wrapper passes
                // on, so the signal has to be set on that object, not on a copy.
                requestOptions.request = { ...requestOptions.request, signal };
                return await request(requestOptions);
            }
            catch (error) {
                const http = error;
                if (signal.aborted) {
                    throw new Error(`${requestOptions.method} ${requestOptions.url}: no answer within ${Math.round(Math.min(bounds.requestTimeoutMs, remaining) / 1000)} s`, { cause: error });
                }
                const mayWait = requestOptions.request?.honourRetryAfter !== false;
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
const RetryingGitHub = GitHub.plugin(boundedRequests, retry);
/** Creates the client. The token is passed to Octokit only: never logged, never put in a message. */
function createGitHubClient(token, options) {
    const budgetMs = options.budgetMs ?? 180_000;
    const bounds = {
        deadline: Date.now() + budgetMs,
        budgetMs,
        requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
        maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000
    };
    return new RetryingGitHub({
        ...getOctokitOptions(token, { baseUrl: options.baseUrl.replace(/\/+$/, '') }),
        retry: { doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
        bounds,
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } }
    });
}
/**
 * For requests that must not be resent as they are: a create (GitHub may have done it before a 502, so
 * a blind retry duplicates it) and an update of a body people edit (a resend after a wait would erase
 * what they ticked meanwhile). The caller re-reads and decides instead.
 */
const NO_RESEND = { request: { retries: 0, honourRetryAfter: false } };
/** True for failures worth trying again after re-reading: rate limits, 5xx, timeouts, network errors. */
function isTransient(error) {
    const status = error.status;
    return status === undefined || status === 429 || status >= 500 || (status === 403 && isRateLimited(error));
}
/** GitHub's primary and secondary rate limits (the secondary one is a 403 with Retry-After). */
function isRateLimited(error) {
    const http = error;
    const headers = http.response?.headers ?? {};
    return (headers['x-ratelimit-remaining'] === '0' ||
        headers['retry-after'] !== undefined ||
        /secondary rate limit/i.test(http.message ?? ''));
}
/** How long to wait before trying again: the server's Retry-After (bounded), else `fallbackMs`. */
function retryDelayMs(error, fallbackMs, maxMs = 60_000) {
    const header = Number(error.response?.headers?.['retry-after']);
    return Number.isFinite(header) && header >= 0 ? Math.min(header * 1000, maxMs) : fallbackMs;
}
/**
 * Turns an Octokit error into one line that says what failed and how to fix it. The token never
 * appears: Octokit's messages do not carry it, and we add only the status and GitHub's own message.
 */
function explainGitHubError(error, doing, needs) {
    const http = error;
    const headers = http.response?.headers ?? {};
    const said = (describeError(error).split(' - ')[0] || '').trim();
    switch (http.status) {
        case 401:
            return `${doing}: GitHub rejected the token (401 ${said}). The token is wrong or expired; the default \${{ github.token }} works for this repository, a PAT or app token is needed for others.`;
        case 403: {
            if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset']) {
                return `${doing}: GitHub's API rate limit is exhausted (403); it resets at ${new Date(Number(headers['x-ratelimit-reset']) * 1000).toISOString()}.`;
            }
            if (isRateLimited(error)) {
                return `${doing}: GitHub's secondary rate limit (403${headers['retry-after'] ? `, retry after ${headers['retry-after']} s` : ''}): too many requests at once. Re-run the job later.`;
            }
            const accepted = headers['x-accepted-github-permissions'];
            return `${doing}: the token lacks permission (403 ${said}). Give the job \`permissions: ${needs}\`${accepted ? ` (GitHub accepts: ${accepted})` : ''}.`;
        }
        case 404:
            return `${doing}: not found (404). Check the repository name (owner/name) and that the token can see it; a workflow's GITHUB_TOKEN sees only its own repository.`;
        case 429:
            return `${doing}: GitHub is rate limiting (429${headers['retry-after'] ? `, retry after ${headers['retry-after']} s` : ''}). Re-run the job later.`;
        default:
            if (http.status && http.status >= 500)
                return `${doing}: GitHub answered ${http.status} (${said}) after retries. Re-run the job; see https://www.githubstatus.com.`;
            return `${doing}: ${http.status ? `${http.status} ` : ''}${said}`;
    }
}

export { NO_RESEND, createGitHubClient, explainGitHubError, isTransient, retryDelayMs };

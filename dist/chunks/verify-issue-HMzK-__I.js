import { r as readRecord } from './preflight-record-DctNz5gG.js';
import { f as findTrackingIssue, i as issueKeyMarker, T as TargetError, w as writeMerged, c as commentOnce, a as closeIssue, d as describeFailure } from './tracking-issue-COW5-h6P.js';
import { applyVerification, verifyComment } from './verify-body-4XN6GD5v.js';
import { c as createGitHubClient, e as explainGitHubError } from './octokit-DLrOI6n0.js';
import './markdown-Cayzy74Q.js';
import 'node:os';
import 'node:path';
import './version-CizmF27k.js';
import 'node:fs';
import 'node:perf_hooks';
import 'node:zlib';
import 'fs';
import 'path';
import 'zlib';
import 'crypto';
import 'node:module';
import 'node:https';
import 'node:tls';
import 'process';
import 'buffer';
import 'node:crypto';
import './index-BG6W7yC5.js';
import 'os';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';

/**
 * Verify mode on GitHub: read the preflight's record from the tracking issue before the checks, then
 * write the outcome into it (success items, post-deployment record, sign-off), comment, and close it on
 * success when asked. Every write survives a blip (attemptWrite: wait, look, try again, bounded). Never
 * throws: failures are returned with a message naming the permission or counting the attempts.
 */
async function readPreflightRecord(options) {
    const github = createGitHubClient(options.token, { baseUrl: options.apiUrl });
    try {
        const issue = await findTrackingIssue(github, options);
        if (!issue) {
            return {
                problem: `no open tracking issue for "${options.key}" in ${options.repository}: run the preflight (mode: preflight) before the deploy`
            };
        }
        const record = readRecord(issue.body ?? '', issueKeyMarker(options.key));
        return record
            ? { record, number: issue.number }
            : {
                number: issue.number,
                problem: `tracking issue #${issue.number} holds no preflight record (written by 0.4 and later): run the preflight again`
            };
    }
    catch (error) {
        if (error instanceof TargetError)
            return { problem: error.message };
        return {
            problem: explainGitHubError(error, `reading the tracking issue of ${options.repository}`, 'issues: write')
        };
    }
}
async function recordVerification(report, options) {
    const github = createGitHubClient(options.token, { baseUrl: options.apiUrl });
    let step = `finding the tracking issue in ${options.repository}`;
    try {
        const issue = await findTrackingIssue(github, options);
        if (!issue)
            return {
                ok: false,
                message: `no open tracking issue for "${options.key}" to record the verification in`
            };
        step = `updating tracking issue #${issue.number}`;
        await writeMerged(github, options, issue.number, previous => ({
            body: applyVerification(previous ?? '', report, { runUrl: options.runUrl, actor: options.actor }),
            merged: { statuses: [], overridden: [], keptByPeople: 0 },
            omitted: []
        }));
        step = `commenting on tracking issue #${issue.number}`;
        await commentOnce(github, options, issue.number, verifyComment(report, options.runUrl));
        let closed = false;
        if (report.verification.verified && options.closeOnSuccess) {
            step = `closing tracking issue #${issue.number}`;
            await closeIssue(github, options.repository, issue.number, 'completed');
            closed = true;
        }
        return {
            ok: true,
            number: issue.number,
            url: issue.html_url,
            closed,
            message: `recorded in #${issue.number}${closed ? ', closed' : ''}`
        };
    }
    catch (error) {
        return { ok: false, message: describeFailure(error, step) };
    }
}

export { readPreflightRecord, recordVerification };

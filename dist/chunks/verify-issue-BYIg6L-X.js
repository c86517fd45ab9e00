import { j as describeError } from './markdown-Bu5NTgR5.js';
import { a as readRecord } from './preflight-record-CdWIb9A3.js';
import { f as findTrackingIssue, w as writeMerged, c as commentOnce, i as issueKeyMarker, T as TargetError } from './tracking-issue-6KcaZ3hA.js';
import { applyVerification, verifyComment } from './verify-body-DDZeB0nL.js';
import { createGitHubClient, NO_RESEND, explainGitHubError } from './octokit-B9KQBuLh.js';
import 'node:fs';
import 'node:path';
import 'node:perf_hooks';
import 'node:os';
import 'process';
import 'buffer';
import 'node:zlib';
import 'fs';
import 'path';
import 'zlib';
import 'crypto';
import 'node:http';
import 'node:https';
import 'node:child_process';
import 'node:tls';
import 'node:net';
import 'node:assert';
import 'node:stream';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:util';
import 'node:worker_threads';
import 'node:buffer';
import 'node:util/types';
import 'node:crypto';
import 'node:sqlite';
import 'node:stream/web';
import 'node:async_hooks';
import 'node:url';
import 'node:console';
import 'node:fs/promises';
import 'node:timers';
import 'node:dns';
import 'vm';
import 'events';
import 'net';
import 'stream';
import 'http';
import 'https';
import 'tty';
import 'util';
import 'os';
import 'dns';
import 'tls';
import 'url';
import './index-n81_h7gb.js';
import './index-F6ogAiu_.js';
import 'assert';
import 'string_decoder';

/**
 * Verify mode on GitHub: read the preflight's record from the tracking issue before the checks, then
 * write the outcome into it (success items, post-deployment record, sign-off), comment, and close it on
 * success when asked. Never throws: failures are returned with a message naming the permission.
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
    const [owner, repo] = options.repository.split('/');
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
            await github.rest.issues.update({
                owner,
                repo,
                issue_number: issue.number,
                state: 'closed',
                state_reason: 'completed',
                ...NO_RESEND
            });
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
        const status = error.status;
        return {
            ok: false,
            message: status ? explainGitHubError(error, step, 'issues: write') : `${step}: ${describeError(error)}`
        };
    }
}

export { readPreflightRecord, recordVerification };

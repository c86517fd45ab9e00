'use strict';

var preflightRecord = require('./preflight-record-DeSejRzZ.js');
var trackingIssue = require('./tracking-issue-CkaJpFTE.js');
var verifyBody = require('./verify-body-D-nqYmDF.js');
var octokit = require('./octokit-B_yEVRi9.js');
require('./markdown-B3dz7ddV.js');
require('node:os');
require('node:path');
require('./version-Sfzk9NQZ.js');
require('node:fs');
require('node:perf_hooks');
require('node:zlib');
require('fs');
require('path');
require('zlib');
require('crypto');
require('node:http');
require('node:https');
require('node:tls');
require('process');
require('buffer');
require('node:crypto');
require('./index-Xidhm2fI.js');
require('os');
require('http');
require('https');
require('net');
require('tls');
require('events');
require('assert');
require('util');
require('node:assert');
require('node:net');
require('node:stream');
require('node:buffer');
require('node:util');
require('node:querystring');
require('node:events');
require('node:diagnostics_channel');
require('node:util/types');
require('node:worker_threads');
require('node:url');
require('node:async_hooks');
require('node:console');
require('node:dns');
require('string_decoder');

/**
 * Verify mode on GitHub: read the preflight's record from the tracking issue before the checks, then
 * write the outcome into it (success items, post-deployment record, sign-off), comment, and close it on
 * success when asked. Every write survives a blip (attemptWrite: wait, look, try again, bounded). Never
 * throws: failures are returned with a message naming the permission or counting the attempts.
 */
async function readPreflightRecord(options) {
    const github = octokit.createGitHubClient(options.token, { baseUrl: options.apiUrl });
    try {
        const issue = await trackingIssue.findTrackingIssue(github, options);
        if (!issue) {
            return {
                problem: `no open tracking issue for "${options.key}" in ${options.repository}: run the preflight (mode: preflight) before the deploy`
            };
        }
        const record = preflightRecord.readRecord(issue.body ?? '', trackingIssue.issueKeyMarker(options.key));
        return record
            ? { record, number: issue.number }
            : {
                number: issue.number,
                problem: `tracking issue #${issue.number} holds no preflight record (written by 0.4 and later): run the preflight again`
            };
    }
    catch (error) {
        if (error instanceof trackingIssue.TargetError)
            return { problem: error.message };
        return {
            problem: octokit.explainGitHubError(error, `reading the tracking issue of ${options.repository}`, 'issues: write')
        };
    }
}
async function recordVerification(report, options) {
    const github = octokit.createGitHubClient(options.token, { baseUrl: options.apiUrl });
    let step = `finding the tracking issue in ${options.repository}`;
    try {
        const issue = await trackingIssue.findTrackingIssue(github, options);
        if (!issue)
            return {
                ok: false,
                message: `no open tracking issue for "${options.key}" to record the verification in`
            };
        step = `updating tracking issue #${issue.number}`;
        await trackingIssue.writeMerged(github, options, issue.number, previous => ({
            body: verifyBody.applyVerification(previous ?? '', report, { runUrl: options.runUrl, actor: options.actor }),
            merged: { statuses: [], overridden: [], keptByPeople: 0 },
            omitted: []
        }));
        step = `commenting on tracking issue #${issue.number}`;
        await trackingIssue.commentOnce(github, options, issue.number, verifyBody.verifyComment(report, options.runUrl));
        let closed = false;
        if (report.verification.verified && options.closeOnSuccess) {
            step = `closing tracking issue #${issue.number}`;
            await trackingIssue.closeIssue(github, options.repository, issue.number, 'completed');
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
        return { ok: false, message: trackingIssue.describeFailure(error, step) };
    }
}

exports.readPreflightRecord = readPreflightRecord;
exports.recordVerification = recordVerification;

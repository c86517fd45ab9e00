'use strict';

/** Slack's mrkdwn: escape &, < and > (everything else is plain text). */
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function slackText(report, environment, links) {
    const verdict = report.decision === 'go' ? ':large_green_circle: *GO*' : ':red_circle: *NO-GO*';
    const failed = report.failedChecks.length > 0
        ? `\nBlocking: ${report.failedChecks.map(id => `\`${id}\``).join(', ')}`
        : '';
    const more = [
        links.issueUrl ? `<${links.issueUrl}|tracking issue>` : '',
        links.runUrl ? `<${links.runUrl}|run>` : ''
    ].filter(Boolean);
    return `${verdict} — Vapora preflight for *${escape(environment)}*${failed}${more.length ? `\n${more.join(' · ')}` : ''}`;
}
/** Posts `text`; never throws, never follows a redirect, gives up after `timeoutMs`. */
async function postToSlack(webhookUrl, text, timeoutMs = 10_000) {
    let host = 'the webhook';
    try {
        host = new URL(webhookUrl).host;
        const response = await fetch(webhookUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text }),
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs)
        });
        const body = (await response.text()).slice(0, 200);
        return response.ok
            ? { ok: true, message: `decision posted to Slack (${host})` }
            : { ok: false, message: `Slack (${host}) answered ${response.status}${body ? `: ${body}` : ''}` };
    }
    catch (error) {
        const reason = error instanceof Error && error.name === 'TimeoutError'
            ? `no answer within ${timeoutMs / 1000} s`
            : 'could not connect';
        return { ok: false, message: `posting to Slack (${host}) failed: ${reason}` };
    }
}

exports.postToSlack = postToSlack;
exports.slackText = slackText;

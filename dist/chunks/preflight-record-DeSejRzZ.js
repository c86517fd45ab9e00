'use strict';

var preflight = require('./markdown-B3dz7ddV.js');

/**
 * What a preflight leaves in the tracking issue for the verify run after the deploy: when it ran, the
 * revisions and ReplicaSets live then (to recognise a rollback), the undo commands, and the baseline.
 * Kept as base64 JSON in a hidden marker (no `-->` can end the comment early), read only from the tool's
 * part of the body.
 */
const PREFIX = 'vapora-preflight:record=';
const MARKER = /<!-- vapora-preflight:record=([A-Za-z0-9+/=]+) -->/;
function recordOf(report, runUrl) {
    const histories = preflight.readData(report.results, preflight.ROLLOUT_HISTORY_DATA)?.histories ?? [];
    return {
        v: 1,
        finishedAt: report.finishedAt,
        decision: report.decision,
        namespace: report.namespace,
        revisions: report.rollback?.revisions ?? {},
        replicaSets: Object.fromEntries(histories.map(h => [h.deployment, h.revisions.map(r => r.replicaSet)])),
        undoCommands: report.rollback?.undoCommands ?? [],
        baseline: report.baseline,
        runUrl
    };
}
/** Beyond this the record would crowd the checklist out of the 65,536-character issue body. */
const RECORD_LIMIT = 16_000;
function renderRecord(record) {
    const encode = (r) => Buffer.from(JSON.stringify(r)).toString('base64');
    let text = encode(record);
    // Node usage is only shown, never compared: it goes first. Restarts of pods beyond the limit next
    // (verify then counts their restarts from 0, which can only make it stricter).
    if (text.length > RECORD_LIMIT && record.baseline) {
        text = encode({ ...record, baseline: { ...record.baseline, nodes: undefined } });
    }
    if (text.length > RECORD_LIMIT && record.baseline?.podRestarts) {
        const restarts = Object.entries(record.baseline.podRestarts).filter(([, n]) => n > 0);
        text = encode({
            ...record,
            baseline: {
                ...record.baseline,
                nodes: undefined,
                podRestarts: Object.fromEntries(restarts.slice(0, 300))
            }
        });
    }
    return `<!-- ${PREFIX}${text} -->`;
}
/** The record in `body` (from `keyMarker` on), or undefined when there is none or it does not parse. */
function readRecord(body, keyMarker) {
    const start = keyMarker ? body.indexOf(keyMarker) : 0;
    if (start < 0)
        return undefined;
    const match = MARKER.exec(body.slice(start));
    if (!match)
        return undefined;
    try {
        const record = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8'));
        return record?.v === 1 && typeof record.finishedAt === 'string' ? record : undefined;
    }
    catch {
        return undefined;
    }
}

exports.readRecord = readRecord;
exports.recordOf = recordOf;
exports.renderRecord = renderRecord;

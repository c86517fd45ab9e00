'use strict';

var preflight = require('./markdown-B3dz7ddV.js');
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

/**
 * The tracking issue after the deploy: the success-criteria items ticked from the verify run (only those
 * lines change: the preflight's ticks and people's ticks elsewhere stay as they are), and the seed's
 * post-deployment record and sign-off in their own section of the tool's part of the body.
 */
const START = '<!-- vapora-preflight:verify -->';
const END = '<!-- vapora-preflight:verify-end -->';
const TOOL_END = '<!-- vapora-preflight:end -->';
function formatDuration(ms) {
    if (ms === undefined)
        return 'unknown';
    const s = Math.round(ms / 1000);
    return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
const p99 = (e) => e.p99Ms ?? e.p95Ms;
function metricsTable(report) {
    const { before, after } = report.verification;
    const rows = (before?.endpoints ?? []).map(b => {
        const a = after?.endpoints.find(e => e.url === b.url);
        return `| ${preflight.codeCell(b.url)} | ${preflight.msText(b.p95Ms)} | ${preflight.p99Text(b)} | ${a ? preflight.msText(a.p95Ms) : '–'} | ${a ? preflight.p99Text(a) : '–'} | ${b.errors}/${b.probes} | ${a ? `${a.errors}/${a.probes}` : '–'} |`;
    });
    if (rows.length === 0)
        return [];
    return [
        '| Endpoint | p95 before | p99 before | p95 after | p99 after | errors before | errors after |',
        '|---|---|---|---|---|---|---|',
        ...rows,
        ''
    ];
}
function restartsBefore(report) {
    const restarts = report.verification.before?.podRestarts;
    return restarts ? Object.values(restarts).reduce((a, b) => a + b, 0) : undefined;
}
/** ✓ or ✗ from the health check; a health check not configured is said so, never ticked. */
function healthLine(report) {
    const health = report.results.find(r => r.id === 'verify-health');
    if (!health || health.status === 'skip')
        return '– Health checks passing (not checked: no health-url)';
    return `${health.status === 'pass' ? '✓' : '✗'} Health checks passing`;
}
function signOff(report, actor) {
    const v = report.verification;
    const passed = (id) => report.results.find(r => r.id === id)?.status === 'pass';
    const mark = (ok) => (ok ? '✓' : '✗');
    const endpoints = v.after?.endpoints ?? [];
    // The seed's template asks for p99; too few probes for one give the slowest probe, said as such.
    const worst = endpoints.length ? Math.max(...endpoints.map(p99)) : undefined;
    const enough = endpoints.every(e => preflight.p99Text(e) !== '—');
    const probes = endpoints.reduce((n, e) => n + e.probes, 0);
    const errors = endpoints.reduce((n, e) => n + e.errors, 0);
    const clean = (text) => text.replace(/[`\r\n]/g, ' ');
    return [
        '```text',
        v.verified ? 'DEPLOYMENT COMPLETED' : 'DEPLOYMENT NOT VERIFIED',
        '',
        `${mark(v.verified)} All checks passed`,
        `${mark(passed('verify-images') && !v.rollbackDetected)} Deployment successful`,
        `${mark(passed('verify-pods-ready'))} All pods running`,
        healthLine(report),
        '☐ No user impact (for people to confirm)',
        '',
        `Deployed by: ${clean(actor ?? '[Name]')}`,
        `Start time: ${v.startedAt ?? 'unknown'}`,
        `Duration: ${formatDuration(v.durationMs)}`,
        `Rollback needed: ${v.rollbackDetected ? 'Yes (detected)' : v.verified ? 'No' : 'Decide now (see the commands below)'}`,
        '',
        'Metrics:',
        `- Latency (p99): ${worst === undefined ? 'not measured' : enough ? `${worst}ms` : `— (too few probes; slowest ${worst}ms)`}`,
        `- Error rate: ${probes ? `${Math.round((errors / probes) * 1000) / 10}%` : 'not measured'}`,
        `- Pod restarts: ${v.podRestarts ?? 'unknown'}`,
        '',
        'Next deployment: [Date/Time]',
        '```'
    ];
}
/** The post-deployment section (record, metrics, sign-off, and the rollback commands when not verified). */
function renderVerification(report, options) {
    const v = report.verification;
    const lines = [
        START,
        `### ${v.verified ? '✅ Deployment verified' : '❌ Deployment not verified'}${options.runUrl ? ` · [verify run](${options.runUrl})` : ''}`,
        '',
        ...(report.rootCauses.length > 0
            ? [
                ...report.rootCauses.map(c => `- **${preflight.code(c.check)}**: ${preflight.inline(c.message, 400)}${c.blocks.length ? ` — also blocks ${c.blocks.map(preflight.code).join(', ')}` : ''}`),
                ''
            ]
            : []),
        '#### Post-deployment record',
        '',
        '| | |',
        '|---|---|',
        `| Deployment start time (UTC) | ${v.startedAt ?? 'unknown'} |`,
        `| Deployment end time (UTC) | ${v.endedAt} |`,
        `| Total duration | ${formatDuration(v.durationMs)} |`,
        `| Rollback performed | ${v.rollbackDetected ? '**Yes** (detected)' : 'No'} |`,
        `| Pod restarts before → after | ${restartsBefore(report) ?? 'unknown'} → ${v.podRestarts ?? 'unknown'} |`,
        '',
        ...metricsTable(report),
        ...(v.verified || v.undoCommands.length === 0
            ? []
            : ['#### Roll back', '', '```sh', ...v.undoCommands, '```', '']),
        '#### Sign-off',
        '',
        ...signOff(report, options.actor),
        '',
        END
    ];
    return lines.join('\n');
}
const ITEM_ID = /<!--\s*vapora-preflight:item=([\w.-]+)/;
/** `body` with the success items re-rendered from the verify run and the verify section replaced or added. */
function applyVerification(body, report, options) {
    const items = new Map(preflight.checklistItems()
        .filter(i => i.checks?.some(id => id.startsWith('verify-')))
        .map(i => [i.id, i]));
    const lines = body.split(/\r?\n/).map(line => {
        const id = ITEM_ID.exec(line)?.[1];
        const item = id ? items.get(id) : undefined;
        return item ? preflight.renderItem(preflight.itemStatus(item, report)) : line;
    });
    const text = lines.join('\n');
    const section = renderVerification(report, options);
    const start = text.indexOf(START);
    const end = text.indexOf(END, start);
    if (start >= 0 && end > start)
        return text.slice(0, start) + section + text.slice(end + END.length);
    // Blank lines around it: the list above must end, and its HTML comments must not swallow Markdown.
    const toolEnd = text.indexOf(TOOL_END);
    if (toolEnd >= 0) {
        return `${text.slice(0, toolEnd).replace(/\s*$/, '')}\n\n${section}\n\n${text.slice(toolEnd)}`;
    }
    return `${text.replace(/\s*$/, '')}\n\n${section}\n`;
}
/** The comment the verify run leaves. */
function verifyComment(report, runUrl) {
    const v = report.verification;
    const run = runUrl ? ` · [run](${runUrl})` : '';
    if (v.verified) {
        return `✅ **Deployment verified** · duration ${formatDuration(v.durationMs)} · rollback: no${run}`;
    }
    const failed = report.rootCauses.map(c => `- ${preflight.code(c.check)}: ${preflight.inline(c.message, 300)}${c.blocks.length ? ` (also blocks ${c.blocks.map(preflight.code).join(', ')})` : ''}`);
    const undo = v.undoCommands.length > 0 ? ['', 'Roll back with:', '```sh', ...v.undoCommands, '```'] : [];
    return [
        `❌ **Deployment not verified**${v.rollbackDetected ? ' · rollback detected' : ''}${run}`,
        '',
        ...failed,
        ...undo
    ].join('\n');
}

exports.applyVerification = applyVerification;
exports.formatDuration = formatDuration;
exports.renderVerification = renderVerification;
exports.verifyComment = verifyComment;

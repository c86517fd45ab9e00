'use strict';

var require$$0 = require('node:util');
var index = require('./index-DM8Xyx0N.js');
var preflight = require('./markdown-B3dz7ddV.js');
var verifyBody = require('./verify-body-D-nqYmDF.js');
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
 * The terminal report (the CLI's `--format text`), read the way `linkerd check` or `helm lint` output is:
 * the verdict first and last; ✓ ✗ ! lines grouped by checklist section; under a ✗ the parser's or the
 * server's own message at file:line:col and how to fix it; what did not run folded into counted lines; the
 * root causes again at the very end, where a terminal leaves the eye. Plain text: no Markdown, no HTML.
 */
const noPaint = (_style, text) => text;
/** Located problems and detail lines shown under one check (the JSON and Markdown reports have all). */
const FINDINGS_SHOWN = 8;
const DETAILS_SHOWN = 8;
/** Root causes repeated at the end (each a few lines), so the last 40 lines always hold them. */
const CAUSES_AT_END = 4;
/** Whitespace and control characters flattened: a bundle's text cannot move the cursor or fake a line. */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+/g, ' ').trim();
}
class Writer {
    paint;
    width;
    lines = [];
    constructor(paint, width) {
        this.paint = paint;
        this.width = width;
    }
    /** One logical line, wrapped at the width; continuation lines indented by `hang` spaces. */
    line(text = '', indent = 0, hang = indent + 2) {
        if (text === '') {
            this.lines.push('');
            return;
        }
        // The first line has the room after `indent`, the others after `hang`: wrap them separately.
        const first = Math.max(30, this.width - indent);
        const next = Math.max(30, this.width - hang);
        const pass = index.wrapAnsi(text, first, { hard: false, trim: true }).split('\n');
        let head = pass[0];
        let rest = pass.slice(1).join(' ');
        if (require$$0.stripVTControlCharacters(head).length > first) {
            // One word longer than the line (a long path): cut it, and go on with its remainder.
            const cut = index.wrapAnsi(head, first, { hard: true, trim: false }).split('\n');
            head = cut[0];
            rest = [cut.slice(1).join(''), rest].filter(Boolean).join(' ');
        }
        this.lines.push(`${' '.repeat(indent)}${head}`);
        if (!rest)
            return;
        for (const part of index.wrapAnsi(rest, next, { hard: true, trim: true }).split('\n')) {
            this.lines.push(`${' '.repeat(hang)}${part}`);
        }
    }
}
function mark(result, paint) {
    if (result.blocking)
        return paint('red', '✗');
    if (result.status === 'warn')
        return paint('yellow', '!');
    if (result.status === 'pass')
        return paint('green', '✓');
    return paint('dim', '-');
}
function verdict(report, paint) {
    return report.decision === 'go' ? paint(['green', 'bold'], '✓ GO') : paint(['red', 'bold'], '✗ NO-GO');
}
/** Whether a message already quotes a finding with its position (the first syntax error does). */
const saidIn = (message, f) => message.includes(`${preflight.where(f)} ${f.message}`);
/** file:line:col, flattened like any text from the bundle (a file name is the bundle's text too). */
const at = (f) => oneLine(preflight.where(f));
/** The check's own problems: located findings first (file:line:col, message), else its detail lines. */
function evidence(w, result, indent) {
    const { paint } = w;
    const findings = (result.findings ?? []).filter(f => f.severity !== 'notice' && !saidIn(result.message, f));
    const errorsFirst = [
        ...findings.filter(f => f.severity === 'error'),
        ...findings.filter(f => f.severity !== 'error')
    ];
    for (const f of errorsFirst.slice(0, FINDINGS_SHOWN)) {
        const position = f.file ? `${paint('cyan', at(f))}  ` : '';
        w.line(`${position}${oneLine(f.message)}`, indent, indent + 4);
    }
    if (errorsFirst.length > FINDINGS_SHOWN) {
        w.line(paint('dim', `… ${errorsFirst.length - FINDINGS_SHOWN} more (--format json has them all)`), indent);
    }
    if (findings.length === 0 && result.blocking) {
        const details = result.details ?? [];
        for (const d of details.slice(0, DETAILS_SHOWN)) {
            const nested = /^\s{2,}\S/.test(d);
            w.line(oneLine(d), indent + (nested ? 2 : 0), indent + (nested ? 6 : 4));
        }
        if (details.length > DETAILS_SHOWN) {
            w.line(paint('dim', `… ${details.length - DETAILS_SHOWN} more (--format json has them all)`), indent);
        }
    }
    if (result.hint && (result.blocking || result.status === 'warn')) {
        w.line(`${paint('bold', 'fix:')} ${oneLine(preflight.plainItemText(result.hint))}`, indent, indent + 5);
    }
}
/** Where a result's section comes in the checklist (24 hours before … after the deploy). */
function sectionOrder(section) {
    const i = preflight.CHECKLIST.findIndex(s => section.startsWith(s.title));
    return i < 0 ? preflight.CHECKLIST.length : i;
}
function renderSections(w, shown, idWidth) {
    const sections = new Map();
    for (const r of shown)
        sections.set(r.section || 'Other', [...(sections.get(r.section || 'Other') ?? []), r]);
    const ordered = [...sections].sort(([a], [b]) => sectionOrder(a) - sectionOrder(b));
    for (const [section, results] of ordered) {
        w.line(w.paint('bold', section));
        for (const r of results) {
            const blocked = r.blockedBy ? w.paint('dim', ` (blocked by ${r.blockedBy})`) : '';
            w.line(`${mark(r, w.paint)} ${r.id.padEnd(idWidth)}  ${oneLine(r.message)}${blocked}`, 2, idWidth + 6);
            if (r.blocking || r.status === 'warn')
                evidence(w, r, 6);
        }
        w.line();
    }
}
function renderNotRun(w, report) {
    const folded = preflight.foldResults(report);
    const lines = [];
    for (const b of folded.blocked) {
        lines.push(`${w.paint('red', '✗')} ${b.checks.length} not run because of ${b.cause} (each blocks): ${b.checks.join(', ')}`);
    }
    // Out of scope and not applicable: harmless, so one counted line for both.
    const harmless = [];
    // The offline ones are every cluster and network check: counted, not listed (the JSON report lists them).
    if (folded.offline.length > 0)
        harmless.push(`${folded.offline.length} cluster and network checks out of scope (offline)`);
    const notApplicable = folded.notApplicable.reduce((n, g) => n + g.checks.length, 0);
    if (notApplicable > 0) {
        const groups = folded.notApplicable.map(g => `${g.checks.join(', ')}: ${oneLine(g.why)}`);
        harmless.push(`${notApplicable} not applicable (${groups.join('; ')})`);
    }
    const count = folded.offline.length + notApplicable;
    if (count > 0)
        lines.push(`- ${count} not run, none blocks: ${harmless.join('; ')}`);
    if (lines.length === 0)
        return;
    w.line(w.paint('bold', 'Not run'));
    for (const line of lines)
        w.line(line, 2, 4);
    w.line();
}
function renderCause(w, cause, report) {
    const result = report.results.find(r => r.id === cause.check);
    const blocked = cause.blocks.length > 0
        ? w.paint('dim', ` — blocks ${cause.blocks.length} more: ${cause.blocks.slice(0, 6).join(', ')}${cause.blocks.length > 6 ? ', …' : ''}`)
        : '';
    w.line(`${w.paint('red', '✗')} ${w.paint('bold', cause.check)}: ${oneLine(cause.message)}${blocked}`, 2, 6);
    const located = (result?.findings ?? [])
        .filter(f => f.severity === 'error' && f.file && !saidIn(cause.message, f))
        .slice(0, 3);
    for (const f of located)
        w.line(`${w.paint('cyan', at(f))}  ${oneLine(f.message)}`, 6, 10);
    if (cause.hint)
        w.line(`${w.paint('bold', 'fix:')} ${oneLine(preflight.plainItemText(cause.hint))}`, 6, 11);
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** The last lines: the verdict again, with every root cause (the first few in full) and the exit code. */
function renderEnd(w, report) {
    const c = report.counts;
    const scope = report.scope === 'bundle-only' ? ' (bundle only: offline run)' : '';
    if (report.decision === 'go') {
        const warned = c.warn > 0 ? `, ${plural(c.warn, 'warning')} (${report.warnings.map(x => x.check).join(', ')})` : '';
        w.line(`${verdict(report, w.paint)}${scope} — ${c.pass} passed${warned}; nothing blocks · exit 0`);
        return;
    }
    const causes = report.rootCauses;
    const head = causes.length > 0
        ? `${plural(causes.length, 'root cause')}, ${plural(report.failedChecks.length, 'check')} ${report.failedChecks.length === 1 ? 'blocks' : 'block'}`
        : 'nothing was verified';
    w.line(`${verdict(report, w.paint)}${scope} — ${head} · exit 1`);
    for (const cause of causes.slice(0, CAUSES_AT_END))
        renderCause(w, cause, report);
    if (causes.length > CAUSES_AT_END) {
        w.line(`… ${causes.length - CAUSES_AT_END} more: ${causes
            .slice(CAUSES_AT_END)
            .map(x => x.check)
            .join(', ')}`, 2);
    }
    for (const reason of report.reasons.filter(r => r.check === null))
        w.line(`✗ ${reason.message}`, 2);
}
/** The whole terminal report. Ends with a newline. */
function renderText(report, options = {}) {
    const w = new Writer(options.paint ?? noPaint, Math.max(60, options.width ?? 100));
    const what = report.mode === 'verify' ? 'Vapora deployment verification' : 'Vapora pre-deployment preflight';
    const source = report.bundle
        ? report.bundle.files
            ? `${report.bundle.origin?.url ?? report.bundle.path} (${report.bundle.kind}, ${report.bundle.files.length} files)`
            : `${report.bundle.path} (not opened)`
        : 'no bundle';
    w.line(`${verdict(report, w.paint)}  ${what} · ${source}`, 0, 2);
    const scope = report.scope === 'bundle-only'
        ? 'offline: the decision covers the bundle only'
        : `cluster ${report.cluster?.server ?? 'not reached'}`;
    w.line(w.paint('dim', `namespace ${report.namespace} · ${scope} · ${(report.durationMs / 1000).toFixed(2)} s · ${report.tool.name} ${report.tool.version}`), 2, 2);
    w.line();
    const folded = preflight.foldResults(report);
    const idWidth = Math.min(22, Math.max(12, ...folded.shown.map(r => r.id.length)));
    renderSections(w, folded.shown, idWidth);
    renderNotRun(w, report);
    renderRollbackKit(w, report);
    const cl = report.checklist.counts;
    const when = report.mode === 'verify' ? 'after the deploy' : 'before the deploy';
    w.line(`Checklist: ${cl.ticked} of ${cl.items} done ${when} · ${cl.leftForPeople} for people · ${cl.notTickedByTool} not checked by this run`);
    w.line();
    if ('verification' in report)
        renderVerification(w, report);
    renderEnd(w, report);
    return `${w.lines.join('\n')}\n`;
}
/** The commands a rollback needs, where a terminal user can copy them from. */
function renderRollbackKit(w, report) {
    const kit = report.rollback;
    if (!kit || (kit.undoCommands.length === 0 && !kit.configMapBackupPath))
        return;
    w.line(w.paint('bold', 'Rollback kit'));
    for (const command of kit.undoCommands)
        w.line(command, 2, 6);
    if (kit.configMapBackupPath)
        w.line(`ConfigMap backup: ${kit.configMapBackupPath}`, 2, 4);
    w.line();
}
/** Verify mode's record: verified or not, duration, rollback, and the undo commands when not verified. */
function renderVerification(w, report) {
    const v = report.verification;
    w.line(w.paint('bold', v.verified ? 'Deployment verified' : 'Deployment not verified'));
    w.line(`start ${v.startedAt ?? 'unknown'} · end ${v.endedAt} · duration ${verifyBody.formatDuration(v.durationMs)} · rollback ${v.rollbackDetected ? 'detected' : 'no'} · pod restarts ${v.podRestarts ?? 'unknown'}`, 2, 4);
    if (!v.verified && v.undoCommands.length > 0) {
        w.line('Roll back with:', 2);
        for (const command of v.undoCommands)
            w.line(command, 4, 6);
    }
    w.line();
}

exports.renderText = renderText;

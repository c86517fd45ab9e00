import { r as renderChecklist, c as checklistStatus } from './render-YNUDw2XT.js';
import { i as inline, c as cell } from './markdown-escape-BVM5DZO1.js';
import { h as renderBaseline } from './engine-Bi1L_nRs.js';

const LAST_GO = /<!-- vapora-preflight:last-go sha=([0-9a-f]{40}) repo=([\w.-]+\/[\w.-]+)(?: at=(\S+))?(?: run=(\S+))? -->/;
/**
 * The last go recorded in a tracking issue's body, if any. With `keyMarker`, only this tool's part of the
 * body counts (from the key marker on): a marker pasted in people's text above it is not the record.
 */
function readLastGo(body, keyMarker) {
    const start = keyMarker ? body.indexOf(keyMarker) : 0;
    if (start < 0)
        return undefined;
    const match = LAST_GO.exec(body.slice(start));
    if (!match)
        return undefined;
    return { sha: match[1], repository: match[2], at: match[3], runUrl: match[4] };
}
/** This run when it reached go and knows its commit, else the record already in the body. */
function nextLastGo(report, previousBody, runUrl, keyMarker) {
    // git-main knows the commit whenever it compared; git-history too (git-main may be off by policy).
    const main = report.results.find(r => r.id === 'git-main')?.data;
    const history = report.results.find(r => r.id === 'git-history')?.data;
    const commit = (main?.commit ?? history?.head);
    const repository = (main?.repository ?? history?.repository);
    if (report.decision === 'go' && commit && repository) {
        return { sha: commit, repository, at: report.finishedAt, runUrl };
    }
    return previousBody ? readLastGo(previousBody, keyMarker) : undefined;
}
/** The hidden marker and a visible line; empty when there is no record. */
function renderLastGo(lastGo) {
    if (!lastGo)
        return '';
    // Only characters the marker's pattern accepts: a URL or date with a space or '>' is left out.
    const safe = (value) => value && /^[^\s>]+$/.test(value) ? value : undefined;
    const at = safe(lastGo.at);
    const run = safe(lastGo.runUrl);
    const marker = `<!-- vapora-preflight:last-go sha=${lastGo.sha} repo=${lastGo.repository}${at ? ` at=${at}` : ''}${run ? ` run=${run}` : ''} -->`;
    const visible = `Last go: \`${lastGo.sha.slice(0, 7)}\` of ${inline(lastGo.repository)}${at ? ` at ${at}` : ''}${run ? ` ([run](${run}))` : ''} — the next run lists the commits since.`;
    return `${marker}\n${visible}\n`;
}
/** How many commits the issue lists (the JSON report has them all). */
const LISTED = 50;
function renderCommitsSince(report) {
    const history = report.results.find(r => r.id === 'git-history');
    const commits = history?.data?.commits ?? [];
    if (!history || commits.length === 0)
        return '';
    const base = String(history.data?.base ?? '').slice(0, 7);
    const flagged = commits.filter(c => c.flag);
    // Flagged commits first, so a long list never hides one.
    const shown = [...flagged, ...commits.filter(c => !c.flag)].slice(0, LISTED);
    const lines = shown.map(c => {
        const pull = c.pull ? ` · [#${c.pull.number}](${c.pull.url})` : '';
        const flag = c.flag ? ` — ⚠️ **${inline(c.flag)}**` : '';
        return `- [\`${c.sha.slice(0, 7)}\`](${c.url}) ${inline(c.title, 120)} — ${inline(c.author)}${pull}${flag}`;
    });
    const total = Number(history.data?.total ?? commits.length);
    const more = total > shown.length ? [`- … and ${total - shown.length} more (see the run's report)`] : [];
    return [
        `### Commits since the last go (\`${base}\`)`,
        '',
        `${commits.length - flagged.length} through merged, approved pull requests${flagged.length > 0 ? `, **${flagged.length} flagged**` : ''}.`,
        '',
        ...lines,
        ...more,
        ''
    ].join('\n');
}

/** The human report: decision, why, results table, per-check details and the checklist. */
const STATUS_ICON = {
    pass: '✅ pass',
    warn: '⚠️ warn',
    fail: '❌ fail',
    skip: '⏭️ skip',
    error: '💥 error'
};
function renderResultsTable(results) {
    const rows = results.map(r => `| \`${r.id}\` | ${STATUS_ICON[r.status]} | ${r.blocking ? '**yes**' : 'no'} | ${cell(r.message)} | ${r.durationMs} ms |`);
    return ['| Check | Status | Blocks | Result | Time |', '|---|---|---|---|---|', ...rows].join('\n');
}
function renderDetails(results) {
    const interesting = results.filter(r => (r.details?.length ?? 0) > 0 || (r.hint && r.status !== 'pass'));
    return interesting
        .map(r => {
        const lines = (r.details ?? []).slice(0, 60).map(d => `- ${inline(d)}`);
        if ((r.details?.length ?? 0) > 60)
            lines.push(`- … ${r.details.length - 60} more`);
        if (r.hint && r.status !== 'pass')
            lines.push('', `**How to fix:** ${inline(r.hint)}`);
        return `<details${r.blocking ? ' open' : ''}><summary><code>${r.id}</code> — ${STATUS_ICON[r.status]}</summary>\n\n${lines.join('\n')}\n\n</details>`;
    })
        .join('\n');
}
/** Revisions to return to, the exact undo commands and the ConfigMap backup: what a rollback needs. */
function renderRollbackKit(kit) {
    const lines = ['### Rollback kit', ''];
    const revisions = Object.entries(kit.revisions);
    if (revisions.length > 0) {
        lines.push('| Deployment | Revision now |', '|---|---|', ...revisions.map(([name, rev]) => `| \`${name}\` | ${rev} |`), '');
    }
    else {
        lines.push('No deployment has a revision yet (first deploy): nothing to roll back to.', '');
    }
    if (kit.undoCommands.length > 0)
        lines.push('```sh', ...kit.undoCommands, '```', '');
    if (kit.configMapBackupPath) {
        lines.push(`ConfigMap backup: \`${inline(kit.configMapBackupPath)}\` (restore with \`kubectl apply -f\` on it).`);
    }
    return lines.join('\n');
}
function renderHeadline(report) {
    return report.decision === 'go' ? '🟢 GO' : '🔴 NO-GO';
}
/** Where the bundle came from: a link to the artifact when it was downloaded. */
function renderSource(report) {
    const bundle = report.bundle;
    if (!bundle)
        return 'no bundle';
    const files = bundle.files ? `, ${bundle.files.length} files` : '';
    const origin = bundle.origin;
    if (origin) {
        return `artifact [\`${inline(origin.name)}\` #${origin.artifactId}](${origin.url}) from [run ${origin.runId}](${origin.runUrl}) of \`${inline(origin.repository)}\`${files}`;
    }
    return `bundle \`${inline(bundle.path)}\` (${bundle.kind}${files})`;
}
/** "Why no-go": one line per blocking reason. Empty on go. */
function renderWhy(report) {
    if (report.decision !== 'no-go')
        return '';
    const reasons = report.reasons.filter(r => !r.startsWith('offline run')).map(r => `- ${inline(r)}`);
    return ['### Why no-go', '', ...reasons, ''].join('\n');
}
function renderWarnings(report) {
    if (report.warnings.length === 0)
        return '';
    const warned = report.results.filter(r => r.status === 'warn');
    return [
        '### Warnings (not blocking)',
        '',
        ...warned.map(r => `- \`${r.id}\`: ${inline(r.message)}`),
        ''
    ].join('\n');
}
/** What the dry-run says will change, object by object (env values are never shown). */
function renderChanges(report) {
    const changes = report.results.find(r => r.id === 'what-changes' && r.status !== 'skip')?.data?.changes;
    if (!changes || Object.keys(changes).length === 0)
        return '';
    return [
        "### What's changing",
        '',
        ...Object.entries(changes).map(([object, list]) => `- \`${inline(object)}\`: ${inline(list.join('; '), 600)}`),
        ''
    ].join('\n');
}
/** Per-check details: all of them on no-go, only those that did not pass on go. */
function renderReportDetails(report) {
    const blocking = report.results.some(r => r.blocking);
    return renderDetails(blocking ? report.results : report.results.filter(r => r.status !== 'pass'));
}
const OFFLINE_NOTE = [
    '> [!NOTE]',
    '> Offline run: cluster and network checks were not run. **This decision covers the bundle only.**',
    ''
].join('\n');
function renderScopeNote(report) {
    return report.scope === 'bundle-only' ? OFFLINE_NOTE : '';
}
/** The full Markdown report (the CLI's Markdown output and the job summary). */
function renderMarkdown(report) {
    const parts = [
        `## ${renderHeadline(report)} — Vapora pre-deployment preflight`,
        '',
        `Namespace \`${report.namespace}\` · ${renderSource(report)} · ${(report.durationMs / 1000).toFixed(2)} s · ${report.tool.name} ${report.tool.version} · ${report.finishedAt}`,
        '',
        renderScopeNote(report),
        renderWhy(report),
        renderWarnings(report),
        '### Results',
        '',
        renderResultsTable(report.results),
        '',
        renderChanges(report),
        renderCommitsSince(report),
        report.rollback ? `${renderRollbackKit(report.rollback)}\n` : '',
        report.baseline ? renderBaseline(report.baseline) : '',
        renderReportDetails(report),
        '### Checklist',
        '',
        renderChecklist(checklistStatus(report))
    ];
    return parts.filter(part => part !== '').join('\n');
}

export { renderHeadline as a, renderSource as b, renderLastGo as c, renderScopeNote as d, renderWhy as e, renderWarnings as f, renderRollbackKit as g, renderChanges as h, renderCommitsSince as i, renderResultsTable as j, renderReportDetails as k, readLastGo as l, nextLastGo as n, renderMarkdown as r };

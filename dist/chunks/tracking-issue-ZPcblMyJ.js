import { createHash } from 'node:crypto';
import { d as describeError } from './errors-aSDtUpQk.js';
import { I as ITEM_MARKER_PREFIX, T as TICKED_BY_PREFLIGHT, c as checklistStatus, a as renderHeadline, i as inline, b as renderSource, d as renderScopeNote, e as renderWhy, f as renderWarnings, g as renderRollbackKit, h as renderChanges, j as renderChecklist, k as renderResultsTable, l as renderReportDetails } from './markdown-BQ5ZQeDo.js';
import { c as createGitHubClient, e as explainGitHubError } from './octokit-CfbDcOet.js';
import './index-BajZ9dTK.js';
import 'fs';
import 'os';
import 'http';
import 'https';
import './index-DUY2RMgg.js';
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
import './_commonjsHelpers-Bgu_3bK-.js';
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

/**
 * Merges the ticks already in a tracking issue with a new run's checklist, so that nothing a person
 * ticked is lost: manual items keep their ticks; automated items are re-checked every run, and a
 * person's tick on one that now fails is removed *and reported*, never silently kept or dropped.
 */
const ITEM_LINE = new RegExp(String.raw `^\s*[-*+]\s+\[([ xX])\]\s.*<!--\s*` +
    ITEM_MARKER_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') +
    String.raw `([\w.-]+)(\s+` +
    TICKED_BY_PREFLIGHT +
    String.raw `)?\s*-->\s*$`);
/** Reads every item's tick from an issue body (GitHub may store `\r\n` after an edit in the browser). */
function readTicks(body) {
    const ticks = new Map();
    for (const line of body.split(/\r?\n/)) {
        const match = ITEM_LINE.exec(line);
        // The first line for a key wins: a pasted copy further down must not override the real item.
        if (!match || ticks.has(match[2]))
            continue;
        ticks.set(match[2], { ticked: match[1].toLowerCase() === 'x', byPreflight: Boolean(match[3]) });
    }
    return ticks;
}
function mergeTicks(current, previous) {
    const overridden = [];
    let keptByPeople = 0;
    const statuses = current.map((status) => {
        const before = previous.get(status.item.id);
        const byPerson = before?.ticked === true && !before.byPreflight;
        if (status.state === 'failed') {
            if (byPerson)
                overridden.push({ id: status.item.id, text: status.item.text, reason: status.note ?? 'failed' });
            return status;
        }
        if (status.ticked)
            return status;
        // Manual items, and automated ones this run did not verify (not run, skipped): a person's tick stands.
        if (byPerson && (status.state === 'manual' || status.state === 'not-run' || status.state === 'skipped')) {
            keptByPeople++;
            return { ...status, ticked: true, tickedBy: 'person' };
        }
        return status;
    });
    return { statuses, overridden, keptByPeople };
}

/**
 * The tracking issue's body: a hidden identity marker, the decision, the checklist (with people's ticks
 * merged in), the rollback kit, what is changing and the results. Fits GitHub's 65,536-character limit by
 * dropping the least important sections first, with a visible note and a link to the full report.
 */
/** GitHub refuses longer issue bodies (422 "body is too long"). */
const ISSUE_BODY_LIMIT = 65_536;
const KEY_MARKER_PREFIX = 'vapora-preflight:key=';
/** The hidden marker that identifies the tracking issue of one key (by default, the environment). */
function issueKeyMarker(key) {
    return `<!-- ${KEY_MARKER_PREFIX}${key} -->`;
}
function renderOverridden(merged) {
    if (merged.overridden.length === 0)
        return '';
    return [
        '### ⚠️ Ticks removed because the check now fails',
        '',
        ...merged.overridden.map(o => `- ${inline(o.text)} — ticked by hand, but: ${inline(o.reason, 300)}`),
        ''
    ].join('\n');
}
function renderIssueBody(input) {
    const { report } = input;
    const previous = input.previousBody ? readTicks(input.previousBody) : new Map();
    const merged = mergeTicks(checklistStatus(report), previous);
    const run = input.runUrl ? ` · [run](${input.runUrl})` : '';
    const sections = [
        {
            name: 'header',
            text: [
                issueKeyMarker(input.key),
                `## ${renderHeadline(report)} — Vapora preflight · \`${inline(input.environment)}\``,
                '',
                `Last run ${report.finishedAt}${run} · namespace \`${report.namespace}\` · ${renderSource(report)} · ${report.tool.name} ${report.tool.version}`,
                ''
            ].join('\n')
        },
        { name: 'scope', text: renderScopeNote(report) },
        { name: 'why', text: renderWhy(report) },
        { name: 'overridden', text: renderOverridden(merged) },
        { name: 'warnings', text: renderWarnings(report), dropOrder: 4 },
        {
            name: 'rollback kit',
            text: report.rollback ? `${renderRollbackKit(report.rollback)}\n` : '',
            dropOrder: 5
        },
        { name: "what's changing", text: renderChanges(report), dropOrder: 3 },
        {
            name: 'checklist',
            text: [
                '### Checklist',
                '',
                '_Tick manual items here as you do them: later runs keep your ticks. Automated items are re-checked on every run._',
                '',
                renderChecklist(merged.statuses)
            ].join('\n')
        },
        {
            name: 'results table',
            text: ['### Results', '', renderResultsTable(report.results), ''].join('\n'),
            dropOrder: 2
        },
        { name: 'details', text: renderReportDetails(report), dropOrder: 1 }
    ];
    const omitted = [];
    const compose = () => sections
        .filter(s => s.text !== '' && !omitted.includes(s.name))
        .map(s => s.text)
        .join('\n')
        .concat(omitted.length > 0 ? trimNote(omitted, input.fullReportUrl ?? input.runUrl) : '');
    let body = compose();
    const droppable = sections.filter(s => s.dropOrder !== undefined && s.text !== '');
    droppable.sort((a, b) => a.dropOrder - b.dropOrder);
    for (const section of droppable) {
        if (body.length <= ISSUE_BODY_LIMIT)
            break;
        omitted.push(section.name);
        body = compose();
    }
    if (body.length > ISSUE_BODY_LIMIT) {
        // Only the checklist and the reasons are left and they still do not fit: cut the reasons' text, never
        // the checklist (its ticks are people's work).
        const why = sections.find(s => s.name === 'why');
        why.text = `### Why no-go\n\n${report.failedChecks.map(id => `- \`${id}\``).join('\n')}\n`;
        omitted.push('reasons text');
        body = compose();
    }
    return { body, merged, omitted };
}
function trimNote(omitted, fullReportUrl) {
    const where = fullReportUrl ? ` Read the full report [here](${fullReportUrl}).` : '';
    return `\n> [!NOTE]\n> Trimmed to fit GitHub's ${ISSUE_BODY_LIMIT.toLocaleString('en-US')}-character limit: ${omitted.join(', ')} left out.${where}\n`;
}

/**
 * The tracking issue: one open issue per key (by default, the environment), found by its labels and a
 * hidden marker through the issues list API — never by title, never through search (whose index lags).
 * Created when there is none, updated otherwise, with one short comment per run.
 *
 * Two runs at once must not create two issues. GitHub has no conditional create, so creation happens
 * under a lock: a label named after the key, which only one run can create (422 for the others). The
 * winner re-lists, creates if still needed and deletes the label; the others wait for the issue to appear.
 * A lock left by a run that died is taken over after 30 s.
 */
const NEEDS = 'issues: write';
function repoParams(repository) {
    const [owner, repo] = repository.split('/');
    return { owner, repo };
}
/** The open, labelled issue whose body carries the key's marker (lowest number wins if several). */
async function findByMarker(github, options) {
    const marker = issueKeyMarker(options.key);
    const issues = await github.paginate(github.rest.issues.listForRepo, {
        ...repoParams(options.repository),
        state: 'open',
        labels: options.labels.join(','),
        per_page: 100
    });
    return issues
        .filter(issue => !issue.pull_request && (issue.body ?? '').includes(marker))
        .sort((a, b) => a.number - b.number)[0];
}
/** The lock label's name: short (labels hold 50 characters) and the same for every run of one key. */
function lockLabel(key) {
    return `preflight-lock-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** How long a lock may be held before it counts as left behind by a run that died (creating takes ~1 s). */
const STALE_LOCK_MS = 30_000;
const LOCK_PREFIX = 'vapora-preflight lock ';
/** A lock that is older than STALE_LOCK_MS, or that does not say when it was taken, is stale. */
async function lockIsStale(github, params, name) {
    try {
        const { data } = await github.rest.issues.getLabel({ ...params, name });
        const since = Date.parse((data.description ?? '').replace(LOCK_PREFIX, ''));
        return !Number.isFinite(since) || Date.now() - since > STALE_LOCK_MS;
    }
    catch (error) {
        return error.status !== 404; // gone meanwhile: not stale, just free again
    }
}
/**
 * Runs `create` while holding the key's lock, or returns the issue another run created meanwhile.
 * The lock is a best effort on top of re-listing: where labels cannot be created or deleted (a token or
 * a GitHub-compatible server without them), after `lockTimeoutMs`, or when a stale lock cannot be
 * removed, it falls back to re-listing just before creating.
 */
async function createOnce(github, options, create) {
    const params = repoParams(options.repository);
    const name = lockLabel(options.key);
    const deadline = Date.now() + (options.lockTimeoutMs ?? 60_000);
    const createUnderLock = async () => {
        // Re-list right before creating: a run that held the lock before us may have created the issue.
        const existing = await findByMarker(github, options);
        return existing ? { issue: existing, created: false } : { issue: await create(), created: true };
    };
    for (let attempt = 0; Date.now() < deadline; attempt++) {
        try {
            await github.rest.issues.createLabel({
                ...params,
                name,
                color: 'ededed',
                description: `${LOCK_PREFIX}${new Date().toISOString()}`
            });
        }
        catch (error) {
            if (error.status !== 422)
                return createUnderLock(); // no lock to be had
            // Another run holds the lock: its issue should appear shortly.
            await sleep(Math.min(250 * 2 ** attempt, 2_000) + Math.floor(Math.random() * 200));
            const existing = await findByMarker(github, options);
            if (existing)
                return { issue: existing, created: false };
            if (await lockIsStale(github, params, name)) {
                const removed = await github.rest.issues.deleteLabel({ ...params, name }).then(() => true, (e) => e.status === 404);
                if (!removed)
                    return createUnderLock();
            }
            continue;
        }
        try {
            return await createUnderLock();
        }
        finally {
            await github.rest.issues.deleteLabel({ ...params, name }).catch(() => undefined);
        }
    }
    return createUnderLock();
}
async function targetIssue(github, options) {
    if (options.issueNumber === undefined)
        return findByMarker(github, options);
    const { data } = await github.rest.issues.get({
        ...repoParams(options.repository),
        issue_number: options.issueNumber
    });
    if (data.pull_request)
        throw new TargetError(`issue-number: #${options.issueNumber} is a pull request, not an issue.`);
    if (data.state !== 'open') {
        throw new TargetError(`issue-number: #${options.issueNumber} is closed; reopen it, or leave issue-number empty to open a new tracking issue.`);
    }
    return data;
}
class TargetError extends Error {
}
function shortComment(report, runUrl) {
    const decision = report.decision === 'go' ? '🟢 **go**' : '🔴 **no-go**';
    const failed = report.failedChecks.length > 0
        ? ` · failed: ${report.failedChecks.map(id => `\`${id}\``).join(', ')}`
        : '';
    const run = runUrl ? ` · [run](${runUrl})` : '';
    return `${report.finishedAt} · ${decision}${report.scope === 'bundle-only' ? ' (bundle only)' : ''}${failed}${run}`;
}
/** Appends the run's comment unless this run attempt already commented (the step was retried). */
async function commentOnce(github, options, issueNumber, text) {
    const params = { ...repoParams(options.repository), issue_number: issueNumber };
    const marker = options.runMarker ? `<!-- vapora-preflight:run=${options.runMarker} -->` : '';
    if (marker) {
        const comments = await github.paginate(github.rest.issues.listComments, { ...params, per_page: 100 });
        if (comments.some(c => (c.body ?? '').includes(marker)))
            return;
    }
    await github.rest.issues.createComment({ ...params, body: `${text}${marker ? ` ${marker}` : ''}` });
}
/**
 * Creates or updates the tracking issue and comments on it. Never throws: a failure is an outcome with
 * a message that names the missing permission or the wrong input.
 */
async function updateTrackingIssue(report, options) {
    const github = createGitHubClient(options.token, { baseUrl: options.apiUrl });
    const params = repoParams(options.repository);
    const render = (previousBody) => renderIssueBody({
        report,
        key: options.key,
        environment: options.environment,
        runUrl: options.runUrl,
        fullReportUrl: options.fullReportUrl,
        previousBody
    });
    let step = `finding the tracking issue in ${options.repository}`;
    try {
        let issue = await targetIssue(github, options);
        let created = false;
        let rendered;
        if (!issue) {
            step = `creating the tracking issue in ${options.repository}`;
            const made = await createOnce(github, options, async () => {
                rendered = render();
                const { data } = await github.rest.issues.create({
                    ...params,
                    title: `Deployment preflight: ${options.environment}`,
                    body: rendered.body,
                    labels: options.labels
                });
                return data;
            });
            issue = made.issue;
            created = made.created;
        }
        if (!created) {
            step = `updating tracking issue #${issue.number}`;
            // Read the body again right before writing: the smaller the gap, the less a tick made meanwhile can be lost.
            const { data: fresh } = await github.rest.issues.get({ ...params, issue_number: issue.number });
            rendered = render(fresh.body ?? '');
            const labels = (fresh.labels ?? [])
                .map(l => (typeof l === 'string' ? l : (l.name ?? '')))
                .filter(Boolean);
            const missing = options.labels.filter(l => !labels.includes(l));
            await github.rest.issues.update({
                ...params,
                issue_number: issue.number,
                body: rendered.body,
                ...(missing.length > 0 ? { labels: [...labels, ...missing] } : {})
            });
        }
        step = `commenting on tracking issue #${issue.number}`;
        await commentOnce(github, options, issue.number, shortComment(report, options.runUrl));
        const kept = rendered.merged.keptByPeople;
        const overridden = rendered.merged.overridden.length;
        return {
            ok: true,
            number: issue.number,
            url: issue.html_url,
            created,
            rendered: rendered,
            message: `${created ? 'created' : 'updated'} #${issue.number}${kept > 0 ? `; kept ${kept} tick(s) made by people` : ''}${overridden > 0 ? `; removed ${overridden} hand tick(s) on failing checks` : ''}${rendered.omitted.length > 0 ? `; trimmed (${rendered.omitted.join(', ')})` : ''}`
        };
    }
    catch (error) {
        if (error instanceof TargetError)
            return { ok: false, message: error.message };
        const status = error.status;
        return {
            ok: false,
            message: status ? explainGitHubError(error, step, NEEDS) : `${step}: ${describeError(error)}`,
            hint: status === 403 || status === 401
                ? 'Give the job `permissions: issues: write` (and keep github-token at its default), or set tracking-issue: false.'
                : undefined
        };
    }
}

export { lockLabel, updateTrackingIssue };

import { I as ITEM_MARKER_PREFIX, v as TICKED_BY_PREFLIGHT, x as mergeTicks, y as checklistStatus, z as blocks, A as renderLastGo, B as nextLastGo, E as renderSource, F as renderHeadline, G as code, H as renderScopeNote, J as renderWhy, K as renderWarnings, M as renderRollbackKit, N as renderChanges, O as renderCommitsSince, P as renderBaseline, Q as renderChecklist, R as checklistState, V as renderResults, W as renderReportDetails, g as prose, i as inline, X as readLastGo, j as describeError, a as amendReport } from './markdown-Bu5NTgR5.js';
import { b as renderRecord, r as recordOf } from './preflight-record-CdWIb9A3.js';
import { NO_RESEND, isTransient, createGitHubClient, explainGitHubError, retryDelayMs } from './octokit-B9KQBuLh.js';
import { randomUUID, createHash } from 'node:crypto';

/**
 * Reads the ticks already in a tracking issue, so that a new run can merge them (see `mergeTicks` in
 * state.ts): people's ticks on manual items are kept, the tool's own ticks are re-checked.
 */
// A task-list line as people leave it: any bullet or number, inside a quote or indented, the marker
// anywhere after the box and text after it ("done by @bob").
const ITEM_LINE = new RegExp(String.raw `^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s.*?<!--\s*` +
    ITEM_MARKER_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') +
    String.raw `([\w.-]+)(\s+` +
    TICKED_BY_PREFLIGHT +
    String.raw `)?\s*-->`);
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

/**
 * The tracking issue's body: a hidden identity marker, the decision, the checklist (with people's ticks
 * merged in), the rollback kit, what is changing and the results. Fits GitHub's 65,536-character limit by
 * dropping the least important sections first, with a visible note and a link to the full report.
 */
/** GitHub refuses longer issue bodies (422 "body is too long"). */
const ISSUE_BODY_LIMIT = 65_536;
const KEY_MARKER_PREFIX = 'vapora-preflight:key=';
/** Ends this tool's part of the body: what people write after it (or before the key marker) is kept. */
const END_MARKER = '<!-- vapora-preflight:end -->';
/**
 * What of the previous body belongs to people: text before the key marker and after the end marker. An
 * issue this tool never wrote (given as issue-number) is all theirs and is kept below a rule.
 */
function peoplesText(previousBody, key) {
    if (!previousBody)
        return { before: '', after: '' };
    const start = previousBody.indexOf(issueKeyMarker(key));
    if (start < 0)
        return { before: '', after: `\n\n---\n\n${previousBody}` };
    const end = previousBody.indexOf(END_MARKER, start);
    return {
        before: previousBody.slice(0, start),
        after: end < 0 ? '' : previousBody.slice(end + END_MARKER.length)
    };
}
/** The hidden marker that identifies the tracking issue of one key (by default, the environment). */
function issueKeyMarker(key) {
    return `<!-- ${KEY_MARKER_PREFIX}${key} -->`;
}
function renderOverridden(merged) {
    if (merged.overridden.length === 0)
        return '';
    return blocks('### ⚠️ Ticks removed because the check now fails', merged.overridden
        .map(o => `- ${prose(o.text)} — ticked by hand, but: ${inline(o.reason, 300)}`)
        .join('\n'));
}
function renderIssueBody(input) {
    const { report } = input;
    const previous = input.previousBody ? readTicks(input.previousBody) : new Map();
    const merged = mergeTicks(checklistStatus(report), previous);
    const run = input.runUrl ? ` · [run](${input.runUrl})` : '';
    const sections = [
        {
            name: 'header',
            text: blocks(issueKeyMarker(input.key), `## ${renderHeadline(report)} — Vapora preflight · ${code(input.environment)}`, `Last run ${report.finishedAt}${run} · namespace \`${report.namespace}\` · ${renderSource(report)} · ${report.tool.name} ${report.tool.version}`, renderLastGo(nextLastGo(report, input.previousBody, input.runUrl, issueKeyMarker(input.key))), renderRecord(recordOf(report, input.runUrl)))
        },
        { name: 'scope', text: renderScopeNote(report) },
        { name: 'why', text: renderWhy(report) },
        { name: 'overridden', text: renderOverridden(merged) },
        { name: 'warnings', text: renderWarnings(report), dropOrder: 4 },
        { name: 'rollback kit', text: report.rollback ? renderRollbackKit(report.rollback) : '', dropOrder: 5 },
        { name: "what's changing", text: renderChanges(report), dropOrder: 3 },
        { name: 'commits since the last go', text: renderCommitsSince(report), dropOrder: 3.2 },
        { name: 'baseline', text: report.baseline ? renderBaseline(report.baseline) : '', dropOrder: 3.5 },
        {
            name: 'checklist',
            text: blocks('### Checklist', '_Tick manual items here as you do them: later runs keep your ticks. Automated items are re-checked on every run._', renderChecklist(merged.statuses, {
                mode: report.mode,
                state: checklistState(merged.statuses, report.mode)
            }))
        },
        { name: 'results table', text: renderResults(report), dropOrder: 2 },
        { name: 'details', text: renderReportDetails(report), dropOrder: 1 }
    ];
    const omitted = [];
    const kept = peoplesText(input.previousBody, input.key);
    const compose = () => kept.before +
        blocks(...sections.filter(s => !omitted.includes(s.name)).map(s => s.text), omitted.length > 0 ? trimNote(omitted, input.fullReportUrl ?? input.runUrl) : undefined, END_MARKER) +
        kept.after;
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
        why.text = blocks('### Why no-go', report.failedChecks.map(id => `- ${code(id)}`).join('\n'));
        omitted.push('reasons text');
        body = compose();
    }
    return { body, merged, omitted };
}
function trimNote(omitted, fullReportUrl) {
    const where = fullReportUrl ? ` Read the full report [here](${fullReportUrl}).` : '';
    return `> [!NOTE]\n> Trimmed to fit GitHub's ${ISSUE_BODY_LIMIT.toLocaleString('en-US')}-character limit: ${omitted.join(', ')} left out.${where}`;
}

/**
 * Creating the tracking issue exactly once when several runs want it at the same moment. GitHub has no
 * conditional create, so two layers:
 *
 * 1. A lock: a label named after the key, which only one run can create (422 for the others). Its
 *    description holds when it was taken and by whom; the holder re-lists, creates if still needed and
 *    deletes the label only if it is still its own. The others wait for the issue to appear. A lock older
 *    than STALE_LOCK_MS was left by a run that died and is taken over.
 * 2. Convergence, which holds even where the lock cannot (labels unavailable, a stale lock taken over
 *    while its holder was merely slow): after creating, re-list; if several open issues carry the key,
 *    the lowest number wins and the others are closed as duplicates by the runs that created them.
 */
/** Longer than a holder can take (each request is bounded, creates are not resent), however slow. */
const STALE_LOCK_MS = 120_000;
const LOCK_PREFIX = 'vapora-preflight lock ';
/** The lock label's name: short (labels hold 50 characters) and the same for every run of one key. */
function lockLabel(key) {
    return `preflight-lock-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
const statusOf = (error) => error.status;
/** The lock's description now, or undefined when there is no lock. Errors other than 404 propagate. */
async function lockDescription(github, target, name) {
    try {
        const { data } = await github.rest.issues.getLabel({ owner: target.owner, repo: target.repo, name });
        return data.description ?? '';
    }
    catch (error) {
        if (statusOf(error) === 404)
            return undefined;
        throw error;
    }
}
function isStale(description) {
    const since = Date.parse(description.replace(LOCK_PREFIX, '').split(' ')[0]);
    return !Number.isFinite(since) || Date.now() - since > STALE_LOCK_MS;
}
/** Deletes the lock only while it still says `description`: never a lock another run holds now. */
async function releaseIf(github, target, name, description) {
    try {
        if ((await lockDescription(github, target, name)) !== description)
            return;
        await github.rest.issues.deleteLabel({ owner: target.owner, repo: target.repo, name });
    }
    catch {
        // Left in place, it goes stale and the next run that needs it takes it over.
    }
}
/**
 * Returns the key's open tracking issue, creating it with `create` when there is none. `find` lists the
 * open candidates (lowest number first); `closeDuplicate` closes an issue this run created in vain.
 */
async function createOnce(github, target, find, create, closeDuplicate) {
    const name = lockLabel(target.key);
    const deadline = Date.now() + (target.lockTimeoutMs ?? 60_000);
    const createAndConverge = async () => {
        const before = await find();
        if (before.length > 0)
            return { issue: before[0], created: false };
        let mine;
        try {
            mine = await create();
        }
        catch (error) {
            // A 5xx or a timeout may come after GitHub created it: look before reporting a failure.
            if (!isTransient(error))
                throw error;
            const after = await find();
            if (after.length === 0)
                throw error;
            return { issue: after[0], created: false };
        }
        const after = await find();
        const winner = after.find(i => i.number < mine.number);
        if (!winner)
            return { issue: mine, created: true };
        await closeDuplicate(mine, winner);
        return { issue: winner, created: false };
    };
    for (let attempt = 0; Date.now() < deadline; attempt++) {
        const description = `${LOCK_PREFIX}${new Date().toISOString()} ${randomUUID().slice(0, 8)}`;
        try {
            await github.rest.issues.createLabel({
                owner: target.owner,
                repo: target.repo,
                name,
                color: 'ededed',
                description,
                ...NO_RESEND
            });
        }
        catch (error) {
            const status = statusOf(error);
            if (status === 401)
                throw error;
            // No labels to be had here (permission, a GitHub-compatible server without them): converge only.
            if (status === 403 && !isTransient(error))
                return createAndConverge();
            if (status === 404 || status === 405 || status === 501)
                return createAndConverge();
            // 422: another run holds the lock. 5xx, 429, timeouts: the lock may or may not be ours; wait and see.
            await sleep(Math.min(250 * 2 ** attempt, 2_000) + Math.floor(Math.random() * 250));
            const existing = await find();
            if (existing.length > 0)
                return { issue: existing[0], created: false };
            const held = await lockDescription(github, target, name).catch(() => undefined);
            if (held !== undefined && isStale(held))
                await releaseIf(github, target, name, held);
            continue;
        }
        try {
            return await createAndConverge();
        }
        finally {
            await releaseIf(github, target, name, description);
        }
    }
    return createAndConverge();
}

const NEEDS = 'issues: write';
function repoParams(repository) {
    const [owner, repo] = repository.split('/');
    return { owner, repo };
}
/**
 * The open issues carrying the key's marker, lowest number first. Listed by the first label only, so
 * that a label removed from the issue or added to issue-labels does not orphan it (the missing labels
 * are added back on update).
 */
async function findCandidates(github, options) {
    const marker = issueKeyMarker(options.key);
    const issues = await github.paginate(github.rest.issues.listForRepo, {
        ...repoParams(options.repository),
        state: 'open',
        labels: options.labels[0],
        per_page: 100
    });
    return issues
        .filter(issue => !issue.pull_request && (issue.body ?? '').includes(marker))
        .sort((a, b) => a.number - b.number);
}
async function targetIssue(github, options) {
    if (options.issueNumber === undefined)
        return (await findCandidates(github, options))[0];
    const { data } = await github.rest.issues.get({
        ...repoParams(options.repository),
        issue_number: options.issueNumber
    });
    if (data.pull_request)
        throw new TargetError(`issue-number: #${options.issueNumber} is a pull request, not an issue.`);
    if (data.state !== 'open') {
        throw new TargetError(`issue-number: #${options.issueNumber} is closed; reopen it, or leave issue-number empty to open a new tracking issue.`);
    }
    const otherKey = /<!-- vapora-preflight:key=(.+?) -->/.exec(data.body ?? '')?.[1];
    if (otherKey !== undefined && otherKey !== options.key) {
        throw new TargetError(`issue-number: #${options.issueNumber} tracks "${otherKey}", not "${options.key}"; its checklist is not this one's. Set issue-key: ${otherKey}, or pick another issue.`);
    }
    return data;
}
class TargetError extends Error {
}
/** The open tracking issue of the key (or `issueNumber`), read only; undefined when there is none. */
async function findTrackingIssue(github, options) {
    return targetIssue(github, options);
}
/**
 * The last go recorded in the tracking issue (read only, before the checks run: the change checks list
 * the commits since). No issue yet, or no go recorded in it, is `{}`; a failure to read is `problem`.
 */
async function findLastGo(options) {
    const github = createGitHubClient(options.token, { baseUrl: options.apiUrl });
    try {
        const issue = await targetIssue(github, options);
        if (!issue)
            return {};
        return { lastGo: readLastGo(issue.body ?? '', issueKeyMarker(options.key)), issueNumber: issue.number };
    }
    catch (error) {
        if (error instanceof TargetError)
            return { problem: error.message };
        return {
            problem: explainGitHubError(error, `reading the tracking issue of ${options.repository}`, 'issues: write')
        };
    }
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
    await github.rest.issues.createComment({
        ...params,
        body: `${text}${marker ? ` ${marker}` : ''}`,
        ...NO_RESEND
    });
}
const UPDATE_ATTEMPTS = 4;
/**
 * Reads the issue, merges, writes; on a rate limit or a 5xx, waits and starts again from the read, so a
 * tick made during the wait is merged rather than overwritten by a resent body.
 */
async function writeMerged(github, options, issueNumber, render) {
    const params = { ...repoParams(options.repository), issue_number: issueNumber };
    for (let attempt = 1;; attempt++) {
        const { data: fresh } = await github.rest.issues.get(params);
        const rendered = render(fresh.body ?? '');
        const labels = (fresh.labels ?? []).map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean);
        const missing = options.labels.filter(l => !labels.includes(l));
        try {
            await github.rest.issues.update({
                ...params,
                body: rendered.body,
                ...(missing.length > 0 ? { labels: [...labels, ...missing] } : {}),
                ...NO_RESEND
            });
            return rendered;
        }
        catch (error) {
            if (!isTransient(error) || attempt >= UPDATE_ATTEMPTS)
                throw error;
            await new Promise(resolve => setTimeout(resolve, retryDelayMs(error, 1000 * 2 ** (attempt - 1))));
        }
    }
}
/**
 * Creates or updates the tracking issue and comments on it. Never throws: a failure is an outcome with
 * a message that names the missing permission or the wrong input.
 */
async function updateTrackingIssue(report, options) {
    const github = createGitHubClient(options.token, { baseUrl: options.apiUrl });
    const params = repoParams(options.repository);
    const render = (previousBody) => {
        // Results that depend on the ticks (the manual-item gate) are added before the decision is shown.
        const merged = mergeTicks(checklistStatus(report), previousBody ? readTicks(previousBody) : new Map());
        const extra = options.resultsFromTicks?.(merged.statuses) ?? [];
        return renderIssueBody({
            report: extra.length > 0 ? amendReport(report, extra) : report,
            key: options.key,
            environment: options.environment,
            runUrl: options.runUrl,
            fullReportUrl: options.fullReportUrl,
            previousBody
        });
    };
    let step = `finding the tracking issue in ${options.repository}`;
    try {
        let issue = await targetIssue(github, options);
        let created = false;
        let rendered;
        if (!issue) {
            step = `creating the tracking issue in ${options.repository}`;
            const made = await createOnce(github, { ...params, key: options.key, lockTimeoutMs: options.lockTimeoutMs }, () => findCandidates(github, options), async () => {
                rendered = render();
                const { data } = await github.rest.issues.create({
                    ...params,
                    title: `Deployment preflight: ${options.environment}`,
                    body: rendered.body,
                    labels: options.labels,
                    ...NO_RESEND
                });
                return data;
            }, async (duplicate, winner) => {
                await github.rest.issues.createComment({
                    ...params,
                    issue_number: duplicate.number,
                    body: `Duplicate of #${winner.number}: another preflight run opened it at the same moment.`
                });
                await github.rest.issues.update({ ...params, issue_number: duplicate.number, state: 'closed' });
            });
            issue = made.issue;
            created = made.created;
        }
        if (!created) {
            step = `updating tracking issue #${issue.number}`;
            rendered = await writeMerged(github, options, issue.number, render);
        }
        step = `commenting on tracking issue #${issue.number}`;
        // The body is what matters; a missing comment is reported but does not block.
        const commentProblem = await commentOnce(github, options, issue.number, shortComment(report, options.runUrl)).then(() => undefined, (error) => explainGitHubError(error, step, NEEDS));
        const kept = rendered.merged.keptByPeople;
        const overridden = rendered.merged.overridden.length;
        return {
            ok: true,
            number: issue.number,
            url: issue.html_url,
            created,
            rendered: rendered,
            commentProblem,
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

var trackingIssue = /*#__PURE__*/Object.freeze({
    __proto__: null,
    TargetError: TargetError,
    commentOnce: commentOnce,
    findLastGo: findLastGo,
    findTrackingIssue: findTrackingIssue,
    updateTrackingIssue: updateTrackingIssue,
    writeMerged: writeMerged
});

export { TargetError as T, commentOnce as c, findTrackingIssue as f, issueKeyMarker as i, trackingIssue as t, writeMerged as w };

'use strict';

var preflight = require('./markdown-B3dz7ddV.js');
var version = require('./version-Sfzk9NQZ.js');
var preflightRecord = require('./preflight-record-DeSejRzZ.js');
var octokit = require('./octokit-B_yEVRi9.js');
var node_crypto = require('node:crypto');

/**
 * Reads the ticks already in a tracking issue, so that a new run can merge them (see `mergeTicks` in
 * state.ts): people's ticks on manual items are kept, the tool's own ticks are re-checked.
 */
// A task-list line as people leave it: any bullet or number, inside a quote or indented, the marker
// anywhere after the box and text after it ("done by @bob").
const ITEM_LINE = new RegExp(String.raw `^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s.*?<!--\s*` +
    preflight.ITEM_MARKER_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') +
    String.raw `([\w.-]+)(\s+` +
    preflight.TICKED_BY_PREFLIGHT +
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
    return preflight.blocks('### ⚠️ Ticks removed because the check now fails', merged.overridden
        .map(o => `- ${preflight.prose(o.text)} — ticked by hand, but: ${preflight.inline(o.reason, 300)}`)
        .join('\n'));
}
function renderIssueBody(input) {
    const { report } = input;
    const previous = input.previousBody ? readTicks(input.previousBody) : new Map();
    const merged = preflight.mergeTicks(preflight.checklistStatus(report), previous);
    const run = input.runUrl ? ` · [run](${input.runUrl})` : '';
    const sections = [
        {
            name: 'header',
            text: preflight.blocks(issueKeyMarker(input.key), `## ${preflight.renderHeadline(report)} — Vapora preflight · ${preflight.code(input.environment)}`, `Last run ${report.finishedAt}${run} · namespace \`${report.namespace}\` · ${preflight.renderSource(report)} · ${report.tool.name} ${report.tool.version}`, preflight.renderLastGo(preflight.nextLastGo(report, input.previousBody, input.runUrl, issueKeyMarker(input.key))), preflightRecord.renderRecord(preflightRecord.recordOf(report, input.runUrl)))
        },
        { name: 'scope', text: preflight.renderScopeNote(report) },
        { name: 'why', text: preflight.renderWhy(report) },
        { name: 'overridden', text: renderOverridden(merged) },
        { name: 'warnings', text: preflight.renderWarnings(report), dropOrder: 4 },
        { name: 'rollback kit', text: report.rollback ? preflight.renderRollbackKit(report.rollback) : '', dropOrder: 5 },
        { name: "what's changing", text: preflight.renderChanges(report), dropOrder: 3 },
        { name: 'commits since the last go', text: preflight.renderCommitsSince(report), dropOrder: 3.2 },
        { name: 'baseline', text: report.baseline ? preflight.renderBaseline(report.baseline) : '', dropOrder: 3.5 },
        {
            name: 'checklist',
            text: preflight.blocks('### Checklist', '_Tick manual items here as you do them: later runs keep your ticks. Automated items are re-checked on every run._', preflight.renderChecklist(merged.statuses, {
                mode: report.mode,
                state: preflight.checklistState(merged.statuses, report.mode)
            }))
        },
        { name: 'results table', text: preflight.renderResults(report), dropOrder: 2 },
        { name: 'details', text: preflight.renderReportDetails(report), dropOrder: 1 }
    ];
    const omitted = [];
    const kept = peoplesText(input.previousBody, input.key);
    const compose = () => kept.before +
        preflight.blocks(...sections.filter(s => !omitted.includes(s.name)).map(s => s.text), omitted.length > 0 ? trimNote(omitted, input.fullReportUrl ?? input.runUrl) : undefined, END_MARKER) +
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
        why.text = preflight.blocks('### Why no-go', report.failedChecks.map(id => `- ${preflight.code(id)}`).join('\n'));
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
 * 1. A lock: a label named after the key, which only one run can create (422 "already_exists" for the
 *    others). Its description says when it was taken, for how long its holder relies on it (`hold=`)
 *    and by which run attempt. The holder lists, creates if still needed and deletes the label; the
 *    others wait for the issue to appear. A lock is deleted only by its holder, or once it is provably
 *    abandoned (see `abandonment`). A label route that cannot work (403, 404, 422 of another kind, 405,
 *    501) is given up at once, a failing one (5xx, 429, timeouts) after LOCK_FAULTS failures: the lock
 *    only spares duplicates, so it never costs more than a few seconds.
 * 2. Convergence, which holds even where the lock cannot (labels unavailable, a lock abandoned by a
 *    holder that was merely slow): after creating, re-list; if several open issues carry the key,
 *    the lowest number wins and the others are closed as duplicates by the runs that created them.
 */
/**
 * How long a holder relies on its lock, from just before taking it: it lists and creates within this,
 * blips included (three attempts 1 s and 2 s apart). A holder still creating after it (a long
 * Retry-After) does so as a run without the lock would, and convergence settles any duplicate.
 */
const LOCK_HOLD_MS = 30_000;
/** Allowance between two runners' clocks, when a lock's age is read from its description. */
const LOCK_CLOCK_SKEW_MS = 30_000;
/** Locks written without `hold=` (0.4 and earlier) were held at most this long. */
const LEGACY_HOLD_MS = 120_000;
/** Transient failures of the lock's own requests (take, read, clear) before going on without it. */
const LOCK_FAULTS = 3;
/** Each lock request's timeout: the lock is a courtesy, never worth a long wait. */
const LOCK_REQUEST_TIMEOUT_MS = 10_000;
/** The holder deletes its lock without reading it first while it is this far inside its hold. */
const BLIND_RELEASE_MARGIN_MS = LOCK_REQUEST_TIMEOUT_MS;
const LOCK_REQUEST = {
    request: { retries: 0, honourRetryAfter: false, timeoutMs: LOCK_REQUEST_TIMEOUT_MS }
};
const LOCK_PREFIX = 'vapora-preflight lock ';
/** The lock label's name: short (labels hold 50 characters) and the same for every run of one key. */
function lockLabel(key) {
    return `preflight-lock-${node_crypto.createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
const statusOf = (error) => error.status;
/** A lock's description as this version writes it (at most 100 characters, GitHub's limit). */
function lockDescription(takenAt, holder) {
    const base = `${LOCK_PREFIX}${takenAt.toISOString()} ${node_crypto.randomUUID().slice(0, 8)} hold=${LOCK_HOLD_MS / 1000}`;
    const withRun = holder ? `${base} run=${holder}` : base;
    return withRun.length <= 100 ? withRun : base;
}
/** Reads a lock's description; undefined when it is not one any version of this tool writes. */
function readClaim(description) {
    if (!description.startsWith(LOCK_PREFIX))
        return undefined;
    const [taken, ...rest] = description.slice(LOCK_PREFIX.length).split(' ');
    const takenAt = Date.parse(taken);
    if (!Number.isFinite(takenAt))
        return undefined;
    const hold = rest.find(t => t.startsWith('hold='));
    const run = /^run=([^/\s]+)\/(\d+)/.exec(rest.find(t => t.startsWith('run=')) ?? '');
    return {
        takenAt,
        holdMs: hold ? Number(hold.slice(5)) * 1000 || LEGACY_HOLD_MS : LEGACY_HOLD_MS,
        run: run ? { id: run[1], attempt: Number(run[2]) } : undefined
    };
}
/**
 * Why a lock seen since `firstSeenAt` (this run's clock) is provably abandoned, or undefined while its
 * holder may still rely on it:
 * - this run is a later attempt of the run that took it: GitHub re-runs only a finished run;
 * - it is older than its hold plus LOCK_CLOCK_SKEW_MS, by its own timestamp: the holder stopped relying
 *   on it, unless the two runners' clocks differ by more than that;
 * - this run has seen it, unchanged, for longer than its hold: measured on one clock only, and the hold
 *   began before the lock existed.
 * A description no version writes is abandoned only by the last rule, with the longest hold.
 */
function abandonment(description, firstSeenAt, holder, now = Date.now()) {
    const claim = readClaim(description);
    const holdMs = claim?.holdMs ?? LEGACY_HOLD_MS;
    const mine = /^([^/\s]+)\/(\d+)/.exec(holder ?? '');
    if (claim?.run && mine && claim.run.id === mine[1] && claim.run.attempt < Number(mine[2])) {
        return `taken by attempt ${claim.run.attempt} of this run`;
    }
    if (claim && now - claim.takenAt > holdMs + LOCK_CLOCK_SKEW_MS) {
        return `taken ${Math.round((now - claim.takenAt) / 1000)} s ago, held for ${holdMs / 1000} s`;
    }
    if (now - firstSeenAt > holdMs)
        return `unchanged for ${Math.round((now - firstSeenAt) / 1000)} s`;
    return undefined;
}
/** One run's dealings with the lock: taking it, waiting for another's, and always releasing its own. */
class Lock {
    github;
    target;
    name;
    /** The description of the lock this run holds, and when it sent the request that took it. */
    mine;
    /** Descriptions this run sent in a create that failed transiently: the label may exist, and be ours. */
    maybeMine = new Set();
    /** The failures of the lock's own requests in the current phase (taking, then releasing). */
    failures = [];
    /** Why an abandoned lock was cleared, for the run's message. */
    cleared;
    constructor(github, target) {
        this.github = github;
        this.target = target;
        this.name = lockLabel(target.key);
    }
    get params() {
        return { owner: this.target.owner, repo: this.target.repo, name: this.name };
    }
    /** The lock's description now, or undefined when there is no lock. */
    async read() {
        try {
            const { data } = await this.github.rest.issues.getLabel({ ...this.params, ...LOCK_REQUEST });
            return data.description ?? '';
        }
        catch (error) {
            if (statusOf(error) === 404)
                return undefined;
            throw error;
        }
    }
    /** Counts a failure of the lock's own requests; true when it is time to go on without the lock. */
    failed(error) {
        if (statusOf(error) === 401)
            throw error;
        this.failures.push(error);
        return !octokit.isTransient(error) || this.failures.length >= LOCK_FAULTS;
    }
    /** Why this run goes on without the lock, from the failures counted. */
    get without() {
        const [first] = this.failures;
        return {
            without: this.failures.length === 1 && !octokit.isTransient(first)
                ? `its label answered ${octokit.attemptLabel(first)}, so labels cannot serve as a lock here`
                : `its label requests failed ${this.failures.length} times: ${this.failures.map(octokit.attemptLabel).join(', ')}`
        };
    }
    pause(error) {
        const backoff = 250 * 2 ** Math.max(this.failures.length - 1, 0);
        return sleep(Math.min(octokit.retryDelayMs(error, backoff), 2_000));
    }
    /** Takes the lock, or learns that the issue exists, or gives a reason to go on without the lock. */
    async take(find) {
        const timeoutMs = this.target.lockTimeoutMs ?? 60_000;
        const deadline = Date.now() + timeoutMs;
        const firstSeen = new Map();
        for (let round = 0;; round++) {
            if (Date.now() >= deadline)
                return { without: `another run's lock was still held after ${Math.round(timeoutMs / 1000)} s` };
            const description = lockDescription(new Date(), this.target.holder);
            const sentAt = Date.now();
            let seen;
            try {
                await this.github.rest.issues.createLabel({
                    ...this.params,
                    color: 'ededed',
                    description,
                    ...LOCK_REQUEST
                });
                this.mine = { description, sentAt };
                return { held: true };
            }
            catch (error) {
                if (!isAlreadyExists(error)) {
                    // 5xx, 429, timeouts: the label may have been created all the same. Anything else: no lock here.
                    if (octokit.isTransient(error))
                        this.maybeMine.add(description);
                    if (this.failed(error))
                        return this.without;
                    await this.pause(error);
                    try {
                        seen = await this.read();
                    }
                    catch (readError) {
                        if (this.failed(readError))
                            return this.without;
                        continue;
                    }
                    if (seen === undefined) {
                        this.maybeMine.delete(description);
                        continue;
                    }
                }
            }
            // Held. Ours after all (a create that failed in answer only), or another run's: wait for its issue.
            if (seen === undefined) {
                try {
                    seen = await this.read();
                }
                catch (readError) {
                    if (this.failed(readError))
                        return this.without;
                    continue;
                }
                if (seen === undefined)
                    continue;
            }
            if (this.maybeMine.has(seen)) {
                this.maybeMine.delete(seen);
                this.mine = { description: seen, sentAt: readClaim(seen)?.takenAt ?? sentAt };
                return { held: true };
            }
            const existing = await find();
            if (existing.length > 0)
                return { found: existing[0] };
            if (!firstSeen.has(seen))
                firstSeen.set(seen, Date.now());
            const abandoned = abandonment(seen, firstSeen.get(seen), this.target.holder);
            if (abandoned) {
                const held = seen;
                if (!(await this.deleteIf(d => d === held)))
                    return this.without;
                this.cleared = abandoned;
                continue;
            }
            await sleep(Math.min(250 * 2 ** round, 2_000) + Math.floor(Math.random() * 250));
        }
    }
    /**
     * Deletes the lock while its description (read just before) passes `test`: never one another run holds
     * now. False when the lock's requests failed too often to know.
     */
    async deleteIf(test) {
        for (;;) {
            try {
                const description = await this.read();
                if (description !== undefined && test(description)) {
                    await this.github.rest.issues.deleteLabel({ ...this.params, ...LOCK_REQUEST });
                }
                return true;
            }
            catch (error) {
                if (statusOf(error) === 404)
                    return true;
                if (this.failed(error))
                    return false;
                await this.pause(error);
            }
        }
    }
    /**
     * Releases the lock this run holds or may hold, within LOCK_FAULTS failed requests. Never throws.
     * Inside its hold no other run may delete or replace the holder's lock, so the holder deletes it
     * without reading it first (a read that fails cannot leave it behind); after the hold, only while it
     * still says what the holder wrote. Whatever a lasting fault leaves is cleared by the next run that
     * needs the lock, as soon as it is provably abandoned.
     */
    async release() {
        this.failures = [];
        try {
            const mine = this.mine;
            if (mine && Date.now() < mine.sentAt + LOCK_HOLD_MS - BLIND_RELEASE_MARGIN_MS) {
                for (;;) {
                    try {
                        await this.github.rest.issues.deleteLabel({ ...this.params, ...LOCK_REQUEST });
                        return;
                    }
                    catch (error) {
                        if (statusOf(error) === 404 || this.failed(error))
                            return;
                        await this.pause(error);
                    }
                }
            }
            const ours = new Set([...this.maybeMine, ...(mine ? [mine.description] : [])]);
            if (ours.size > 0)
                await this.deleteIf(d => ours.has(d));
        }
        catch {
            // A 401 while releasing: nothing more this run can do about the lock.
        }
        finally {
            this.mine = undefined;
            this.maybeMine.clear();
        }
    }
}
function isAlreadyExists(error) {
    if (statusOf(error) !== 422)
        return false;
    const data = error.response?.data;
    return (data?.errors ?? []).some(e => e?.code === 'already_exists');
}
/**
 * Creates the issue unless `find` lists one: a failed create is attempted again (attemptWrite's bounds)
 * only after a look found no issue. Then converges: the lowest open number wins.
 */
async function createAndConverge(github, find, create, closeDuplicate) {
    const before = await find();
    if (before.length > 0)
        return { issue: before[0], created: false, notes: [] };
    const made = await octokit.attemptWrite(github, {
        attempt: async () => ({ issue: await create(), created: true }),
        look: async () => {
            const found = await find();
            return found.length > 0 ? { issue: found[0], created: false } : undefined;
        },
        followedBy: 'each followed by a look that found no issue'
    });
    if (!made.created)
        return { ...made, notes: [] };
    const after = await find();
    const winner = after.find(i => i.number < made.issue.number);
    if (!winner)
        return { ...made, notes: [] };
    // The winner is there whatever happens to the duplicate: a failure to close it must not block.
    const problem = await closeDuplicate(made.issue, winner).then(() => undefined, (error) => octokit.explainGitHubError(error, `closing duplicate #${made.issue.number}`, 'issues: write'));
    return { issue: winner, created: false, notes: problem ? [problem] : [] };
}
/**
 * Returns the key's open tracking issue, creating it with `create` when there is none. `find` lists the
 * open candidates (lowest number first); `closeDuplicate` closes an issue this run created in vain.
 * A lock this run took, or may have taken, is released on every path.
 */
async function createOnce(github, target, find, create, closeDuplicate) {
    const lock = new Lock(github, target);
    try {
        const taken = await lock.take(find);
        const notes = lock.cleared ? [`cleared an abandoned lock (${lock.cleared})`] : [];
        if ('without' in taken)
            notes.push(`without the lock (${taken.without})`);
        if ('found' in taken)
            return { issue: taken.found, created: false, notes };
        const outcome = await createAndConverge(github, find, create, closeDuplicate);
        return { ...outcome, notes: [...notes, ...outcome.notes] };
    }
    finally {
        await lock.release();
    }
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
    const github = octokit.createGitHubClient(options.token, { baseUrl: options.apiUrl });
    try {
        const issue = await targetIssue(github, options);
        if (!issue)
            return {};
        return { lastGo: preflight.readLastGo(issue.body ?? '', issueKeyMarker(options.key)), issueNumber: issue.number };
    }
    catch (error) {
        if (error instanceof TargetError)
            return { problem: error.message };
        return {
            problem: octokit.explainGitHubError(error, `reading the tracking issue of ${options.repository}`, 'issues: write')
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
/**
 * Appends the run's comment unless this run attempt already commented (the step was retried). A comment
 * that failed transiently may have been posted all the same: before posting again, it is looked for, by
 * the run's marker (or, without one, by its exact text).
 */
async function commentOnce(github, options, issueNumber, text) {
    const params = { ...repoParams(options.repository), issue_number: issueNumber };
    const marker = options.runMarker ? `<!-- vapora-preflight:run=${options.runMarker} -->` : '';
    const body = `${text}${marker ? ` ${marker}` : ''}`;
    const posted = async () => {
        const comments = await github.paginate(github.rest.issues.listComments, { ...params, per_page: 100 });
        return comments.some(c => (marker ? (c.body ?? '').includes(marker) : c.body === body)) || undefined;
    };
    if (marker && (await posted()))
        return;
    await octokit.attemptWrite(github, {
        attempt: async () => {
            await github.rest.issues.createComment({ ...params, body, ...octokit.NO_RESEND });
            return true;
        },
        look: posted,
        followedBy: 'each followed by a look that found no such comment'
    });
}
/**
 * Reads the issue, merges, writes; on a rate limit or a 5xx, waits and starts again from the read, so a
 * tick made during the wait is merged rather than overwritten by a resent body.
 */
async function writeMerged(github, options, issueNumber, render) {
    const params = { ...repoParams(options.repository), issue_number: issueNumber };
    return octokit.attemptWrite(github, {
        attempt: async () => {
            const { data: fresh } = await github.rest.issues.get(params);
            const rendered = render(fresh.body ?? '');
            const labels = (fresh.labels ?? [])
                .map(l => (typeof l === 'string' ? l : (l.name ?? '')))
                .filter(Boolean);
            const missing = options.labels.filter(l => !labels.includes(l));
            await github.rest.issues.update({
                ...params,
                body: rendered.body,
                ...(missing.length > 0 ? { labels: [...labels, ...missing] } : {}),
                ...octokit.NO_RESEND
            });
            return rendered;
        },
        followedBy: 'each after reading the issue again and merging its ticks'
    });
}
/** Closes the issue; a close that failed transiently is looked for (the issue closed) before another. */
async function closeIssue(github, repository, issueNumber, stateReason) {
    const params = { ...repoParams(repository), issue_number: issueNumber };
    await octokit.attemptWrite(github, {
        attempt: async () => {
            await github.rest.issues.update({
                ...params,
                state: 'closed',
                ...(stateReason ? { state_reason: stateReason } : {}),
                ...octokit.NO_RESEND
            });
            return true;
        },
        look: async () => ((await github.rest.issues.get(params)).data.state === 'closed' ? true : undefined),
        followedBy: 'each followed by a look that found the issue still open'
    });
}
/** The one-line message of a failed GitHub step: the permission, the attempts, GitHub's own words. */
function describeFailure(error, step) {
    return error instanceof octokit.WriteGaveUp || error.status
        ? octokit.explainGitHubError(error, step, NEEDS)
        : `${step}: ${version.describeError(error)}`;
}
/**
 * Creates or updates the tracking issue and comments on it. Never throws: a failure is an outcome with
 * a message that names the missing permission or the wrong input.
 */
async function updateTrackingIssue(report, options) {
    const github = octokit.createGitHubClient(options.token, { baseUrl: options.apiUrl });
    const params = repoParams(options.repository);
    const render = (previousBody) => {
        // Results that depend on the ticks (the manual-item gate) are added before the decision is shown.
        const merged = preflight.mergeTicks(preflight.checklistStatus(report), previousBody ? readTicks(previousBody) : new Map());
        return renderIssueBody({
            report: options.reportWithTicks?.(merged.statuses) ?? report,
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
        let notes = [];
        let rendered;
        if (!issue) {
            step = `creating the tracking issue in ${options.repository}`;
            const made = await createOnce(github, { ...params, key: options.key, lockTimeoutMs: options.lockTimeoutMs, holder: options.runMarker }, () => findCandidates(github, options), async () => {
                rendered = render();
                const { data } = await github.rest.issues.create({
                    ...params,
                    title: `Deployment preflight: ${options.environment}`,
                    body: rendered.body,
                    labels: options.labels,
                    ...octokit.NO_RESEND
                });
                return data;
            }, async (duplicate, winner) => {
                await commentOnce(github, { repository: options.repository }, duplicate.number, `Duplicate of #${winner.number}: another preflight run opened it at the same moment.`);
                await closeIssue(github, options.repository, duplicate.number, 'not_planned');
            });
            issue = made.issue;
            created = made.created;
            notes = made.notes;
        }
        if (!created) {
            step = `updating tracking issue #${issue.number}`;
            rendered = await writeMerged(github, options, issue.number, render);
        }
        step = `commenting on tracking issue #${issue.number}`;
        // The body is what matters; a missing comment is reported but does not block.
        const commentProblem = await commentOnce(github, options, issue.number, shortComment(report, options.runUrl)).then(() => undefined, (error) => describeFailure(error, step));
        const kept = rendered.merged.keptByPeople;
        const overridden = rendered.merged.overridden.length;
        return {
            ok: true,
            number: issue.number,
            url: issue.html_url,
            created,
            rendered: rendered,
            commentProblem,
            message: `${created ? 'created' : 'updated'} #${issue.number}${kept > 0 ? `; kept ${kept} tick(s) made by people` : ''}${overridden > 0 ? `; removed ${overridden} hand tick(s) on failing checks` : ''}${rendered.omitted.length > 0 ? `; trimmed (${rendered.omitted.join(', ')})` : ''}${notes.map(n => `; ${n}`).join('')}`
        };
    }
    catch (error) {
        if (error instanceof TargetError)
            return { ok: false, message: error.message };
        const status = error.status;
        return {
            ok: false,
            message: describeFailure(error, step),
            hint: status === 403 || status === 401
                ? 'Give the job `permissions: issues: write` (and keep github-token at its default), or set tracking-issue: false.'
                : undefined
        };
    }
}

var trackingIssue = /*#__PURE__*/Object.freeze({
    __proto__: null,
    TargetError: TargetError,
    closeIssue: closeIssue,
    commentOnce: commentOnce,
    describeFailure: describeFailure,
    findLastGo: findLastGo,
    findTrackingIssue: findTrackingIssue,
    updateTrackingIssue: updateTrackingIssue,
    writeMerged: writeMerged
});

exports.TargetError = TargetError;
exports.closeIssue = closeIssue;
exports.commentOnce = commentOnce;
exports.describeFailure = describeFailure;
exports.findTrackingIssue = findTrackingIssue;
exports.issueKeyMarker = issueKeyMarker;
exports.trackingIssue = trackingIssue;
exports.writeMerged = writeMerged;

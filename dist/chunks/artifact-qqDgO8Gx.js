'use strict';

var fs = require('node:fs');
var path = require('node:path');
var version = require('./version-Sfzk9NQZ.js');
var octokit = require('./octokit-B_yEVRi9.js');
var require$$5 = require('node:async_hooks');
var diagnostics = require('node:diagnostics_channel');
var require$$5$1 = require('node:fs/promises');
var http = require('node:http');
var https = require('node:https');
require('./index-Xidhm2fI.js');
require('fs');
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
require('./markdown-B3dz7ddV.js');
require('node:os');
require('node:perf_hooks');
require('node:zlib');
require('path');
require('zlib');
require('crypto');
require('node:tls');
require('process');
require('buffer');
require('node:util/types');
require('node:worker_threads');
require('node:url');
require('node:console');
require('node:dns');
require('string_decoder');

/**
 * What the artifact download did on the wire, attempt by attempt (`artifact-failure.ts` words it).
 *
 * @actions/artifact retries each step itself and then hides what it saw: five storage answers become
 * "Artifact download failed after 5 retries." (no status), a disk that filled up reads the same. We do not
 * parse its debug output (not an interface), nor ask storage again for the status (a later answer may
 * differ from the ones that failed; the one re-read is of a 403's body, see below). We watch the requests it makes, through Node's diagnostics channels:
 * `http.client.*` for @actions/http-client (results service and storage) and `undici:request:*` for
 * Octokit's fetch (the REST calls). Every attempt's status, network error and timing is then exactly what
 * the library got. Requests are attributed to one download through AsyncLocalStorage (the channels publish
 * in the requesting code's async context), so concurrent work elsewhere in the process is never counted.
 * The channels are Node's documented, experimental instrumentation points; were they ever silent, nothing
 * is recorded and the messages fall back to the library's own text.
 *
 * A signed URL's query is a credential (`sig`): it is kept in memory only, for one bounded re-read of a
 * refused answer's body (Azure says there why it refused), and never stored in an attempt or a message.
 */
const current = new require$$5.AsyncLocalStorage();
const signedUrls = new WeakMap();
const openBodies = new WeakMap();
const byRequest = new WeakMap();
let subscribed = false;
function stepOf(method, path) {
    if (/ArtifactService\/ListArtifacts$/.test(path) || /\/actions\/runs\/\d+\/artifacts$/.test(path))
        return 'list';
    if (/ArtifactService\/GetSignedArtifactURL$/.test(path))
        return 'sign';
    if (/\/actions\/artifacts\/\d+\/zip$/.test(path))
        return 'redirect';
    if (method === 'GET' && !/\/twirp\/|\/repos\/|\/repositories\//.test(path))
        return 'blob';
    return 'other';
}
function begin(request, method, url) {
    const recording = current.getStore();
    if (!recording)
        return;
    const step = stepOf(method, url.pathname);
    const expiry = Date.parse(url.searchParams.get('se') ?? '');
    const attempt = { step, method, origin: url.origin, path: url.pathname, startedAt: Date.now() };
    if (Number.isFinite(expiry))
        attempt.signedExpiry = expiry;
    if (url.searchParams.has('sig'))
        signedUrls.set(attempt, url);
    byRequest.set(request, attempt);
    recording.attempts.push(attempt);
}
function failed(request, error) {
    const attempt = byRequest.get(request);
    if (!attempt)
        return;
    const { code, message } = (error ?? {});
    attempt.error ??= code ?? message ?? String(error);
    attempt.endedAt ??= Date.now();
    if (attempt.body === 'open')
        attempt.body = 'cut';
}
function subscribe() {
    if (subscribed)
        return;
    subscribed = true;
    diagnostics.subscribe('http.client.request.start', message => {
        const request = message.request;
        const host = String(request.getHeader('host') ?? request.host);
        begin(request, request.method, new URL(request.path, `${request.protocol}//${host}`));
    });
    diagnostics.subscribe('http.client.response.finish', message => {
        const { request, response } = message;
        const attempt = byRequest.get(request);
        if (!attempt)
            return;
        attempt.status = response.statusCode;
        attempt.statusText = response.statusMessage || undefined;
        attempt.storageCode = headerText(response.headers['x-ms-error-code']);
        attempt.endedAt = Date.now();
        attempt.body = 'open';
        openBodies.set(attempt, response);
        // 'end' and 'close' listeners do not start the stream flowing: the library still reads it itself.
        response.once('end', () => (attempt.body = 'complete'));
        response.once('close', () => {
            openBodies.delete(attempt);
            if (attempt.body === 'open') {
                attempt.body = response.complete ? 'complete' : 'cut';
                if (response.errored)
                    attempt.error ??= response.errored.message;
            }
        });
    });
    diagnostics.subscribe('http.client.request.error', message => {
        const { request, error } = message;
        failed(request, error);
    });
    diagnostics.subscribe('undici:request:create', message => {
        const request = message.request;
        if (request.origin === undefined || request.path === undefined)
            return;
        begin(request, request.method ?? 'GET', new URL(request.path, request.origin));
    });
    diagnostics.subscribe('undici:request:headers', message => {
        const { request, response } = message;
        const attempt = byRequest.get(request);
        if (!attempt)
            return;
        attempt.status = response.statusCode;
        attempt.statusText = response.statusText || undefined;
        attempt.endedAt = Date.now();
        const raw = response.headers ?? [];
        for (let i = 0; i + 1 < raw.length; i += 2) {
            if (String(raw[i]).toLowerCase() === 'x-ms-error-code')
                attempt.storageCode = String(raw[i + 1]);
        }
    });
    diagnostics.subscribe('undici:request:error', message => {
        const { request, error } = message;
        failed(request, error);
    });
}
function headerText(value) {
    return Array.isArray(value) ? value[0] : value;
}
/** Runs `work`, recording into `recording` every HTTP request it makes (directly or in libraries). */
function watch(recording, work) {
    subscribe();
    return current.run(recording, work);
}
/**
 * After a failure: lets go of answers the library stopped reading (after a write error it leaves the
 * storage response paused, holding its socket) and marks them as not read to the end.
 */
function release(recording) {
    for (const attempt of recording.attempts) {
        const body = openBodies.get(attempt);
        if (body && attempt.body === 'open')
            body.destroy();
    }
}
/**
 * Re-reads a refused storage answer's body once (bounded by `timeoutMs`, at most 8 KiB) for Azure's
 * reason: `AuthenticationErrorDetail` tells an expired signature from a wrong one. Nothing of the URL or
 * the body is returned but the error code and whether the reason is about time.
 */
async function askStorageWhy(attempt, timeoutMs = 5000) {
    const url = signedUrls.get(attempt);
    if (!url)
        return undefined;
    const client = url.protocol === 'https:' ? https : http;
    return new Promise(resolve => {
        const request = client.get(url, { headers: { 'user-agent': 'vapora-preflight' } }, response => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk) => {
                text += chunk;
                if (text.length > 8192)
                    response.destroy();
            });
            response.on('close', () => {
                clearTimeout(timer);
                const code = headerText(response.headers['x-ms-error-code']) ?? /<Code>([^<]*)</.exec(text)?.[1];
                const detail = /<AuthenticationErrorDetail>([^<]*)</.exec(text)?.[1] ?? '';
                const expired = /expir|not valid in the specified time frame/i.test(detail);
                resolve({ status: response.statusCode, code, expired });
            });
        });
        const timer = setTimeout(() => request.destroy(new Error('timeout')), timeoutMs);
        request.on('error', () => {
            clearTimeout(timer);
            resolve(undefined);
        });
    });
}
/** Free bytes on the file system holding `dir`, when it can be told. */
async function freeBytes(dir) {
    try {
        const stats = await require$$5$1.statfs(dir);
        return Number(stats.bavail) * Number(stats.bsize);
    }
    catch {
        return undefined;
    }
}

/**
 * The artifact download's failures in one line each: which step failed (listing the run's artifacts,
 * asking for the signed URL, the zip redirect of another run, reading from storage, writing the file),
 * what the service answered, on how many attempts and for how long, and what to do — from the attempts
 * `artifact-attempts.ts` recorded, not from the library's text (which drops the status).
 */
const GITHUB_SIDE = "This is on GitHub's side, not in the bundle or the workflow: re-run the job; see https://www.githubstatus.com.";
const RUNNER_HOSTS = 'https://docs.github.com/en/actions/concepts/runners/communicating-with-self-hosted-runners';
const answered = (a) => a.status !== undefined && a.status < 400;
function outcome(a) {
    if (a.status === undefined)
        return `no answer (${a.error ?? 'connection failed'})`;
    const text = `${a.status}${a.statusText ? ` ${a.statusText}` : ''}`;
    return a.storageCode && a.storageCode !== a.statusText ? `${text} (${a.storageCode})` : text;
}
function seconds(ms) {
    return ms < 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
/**
 * How the tries went: `outcome` is the last answer ("503 Service Unavailable"), `when` says how often
 * and for how long ("on every one of 5 attempts over 25 s"), or what came before a different last one.
 */
function attemptsText(tries, durationMs) {
    const outcomes = tries.map(outcome);
    const last = outcomes[outcomes.length - 1];
    if (tries.length === 1)
        return { outcome: last, when: 'on its only attempt' };
    const over = `over ${seconds(durationMs)}`;
    if (outcomes.every(o => o === last))
        return { outcome: last, when: `on every one of ${tries.length} attempts ${over}` };
    const before = new Map();
    for (const o of outcomes.slice(0, -1))
        before.set(o, (before.get(o) ?? 0) + 1);
    const earlier = [...before].map(([o, n]) => `${o} ×${n}`).join(', ');
    return { outcome: last, when: `on the last of ${tries.length} attempts ${over} (before: ${earlier})` };
}
/**
 * "answered 503 … on every one of 5 attempts over 25 s" / "gave no answer (ECONNREFUSED) on …"; `said`
 * is the service's own words for the last answer, when they add something.
 */
function answeredText(tries, durationMs, said) {
    const { outcome: last, when } = attemptsText(tries, durationMs);
    const words = said && !last.toLowerCase().includes(said.toLowerCase()) ? ` ("${said}")` : '';
    return `${tries[tries.length - 1].status === undefined ? 'gave' : 'answered'} ${last}${words} ${when}`;
}
function hintFor(last, service) {
    if (last.status === undefined) {
        return `The runner could not reach ${service} at ${last.origin}: check its network, proxy and firewall (a self-hosted runner must reach the hosts in ${RUNNER_HOSTS}), then re-run the job.`;
    }
    if (last.status === 429)
        return 'GitHub is rate limiting: re-run the job in a few minutes.';
    return GITHUB_SIDE;
}
/**
 * One line saying which step failed, what the service answered, how often and for how long, and what
 * to do. Undefined when nothing was recorded (the library failed before any request): the caller then
 * keeps the library's own text.
 */
async function explainFailure(recording, libraryError, ctx, failedAt = Date.now()) {
    const steps = recording.attempts.filter(a => a.step !== 'other');
    const last = steps[steps.length - 1];
    if (!last)
        return undefined;
    const same = steps.filter(a => a.step === last.step);
    // The attempts that failed: those after the step last worked (a list may have read pages before); a
    // storage read that got 200 and still failed counts every read, each was a whole attempt.
    const lastOk = answered(last) ? -1 : same.map(answered).lastIndexOf(true);
    const tries = same.slice(lastOk + 1);
    const durationMs = Math.max(0, failedAt - tries[0].startedAt);
    const data = (failedStep) => ({ failedStep, attempts: tries.map(outcome), durationMs });
    const said = twirpMessage(libraryError);
    switch (last.step) {
        case 'list':
        case 'sign': {
            const twirp = /\/twirp\//.test(last.path);
            const service = twirp ? "GitHub's Actions results service" : "GitHub's API";
            const doing = last.step === 'sign'
                ? `asking ${service} for the download URL of ${ctx.artifact}`
                : ctx.thisRun
                    ? `listing this run's artifacts with ${service}`
                    : `listing the artifacts of ${ctx.where}`;
            const hint = twirp && (last.status === 401 || last.status === 403)
                ? "The job's Actions runtime token does not reach this run's artifacts: download from this run only in a job of the same workflow run; for another run set run-id and a token with actions: read."
                : hintFor(last, service);
            return {
                message: `${doing} failed: ${twirp ? 'it' : service} ${answeredText(tries, durationMs, said)}.`,
                hint,
                data: data(last.step)
            };
        }
        case 'redirect':
            return {
                message: `asking GitHub's API for the download of ${ctx.artifact} of ${ctx.where} (GET ${last.path}) failed: it ${answeredText(tries, durationMs)}.`,
                hint: hintFor(last, "GitHub's API"),
                data: data('redirect')
            };
        case 'blob':
            return explainStorage(tries, last, durationMs, ctx, data);
        default:
            return undefined;
    }
}
async function explainStorage(tries, last, durationMs, ctx, data) {
    const reading = `downloading ${ctx.artifact} from GitHub's artifact storage failed`;
    const summary = answeredText(tries, durationMs);
    const { when } = attemptsText(tries, durationMs);
    if (last.status === 200 || last.status === 206) {
        // Storage answered; the body did not make it into the file. Either the connection broke off, or the
        // library stopped reading because writing failed (it then leaves the answer open, unread).
        const free = ctx.dir ? await freeBytes(ctx.dir) : undefined;
        const needed = ctx.sizeBytes ?? 1;
        if (last.body !== 'cut' && free !== undefined && free < needed) {
            return {
                message: `writing ${ctx.artifact} to ${ctx.dir} failed: the runner's disk is full (${bytes(free)} free there; the artifact is ${ctx.sizeBytes === undefined ? 'larger' : bytes(ctx.sizeBytes)}). Storage ${summary}; the file could not be written each time.`,
                hint: DISK_FULL_HINT,
                data: data('write')
            };
        }
        if (last.body === 'cut') {
            return {
                message: `${reading}: the transfer broke off before the whole file arrived (${last.error ?? 'connection closed'}); storage ${summary}.`,
                hint: `Usually a network problem between the runner and storage, or GitHub's side: re-run the job; see https://www.githubstatus.com. A self-hosted runner behind a proxy: check it lets large downloads through (${RUNNER_HOSTS}).`,
                data: data('blob')
            };
        }
        return {
            message: `writing ${ctx.artifact} to ${ctx.dir ?? 'the download directory'} failed (storage ${summary}; ${free === undefined ? 'free space unknown' : `${bytes(free)} free there`}).`,
            hint: 'Check that the runner can write to its temporary directory (RUNNER_TEMP): permissions, quota, free space.',
            data: data('write')
        };
    }
    if (last.status === 403) {
        const why = await askStorageWhy(last);
        const expired = why?.expired === true || (last.signedExpiry !== undefined && last.signedExpiry <= Date.now());
        const code = last.storageCode ?? why?.code;
        const refused = `${code ? `403 ${code}` : '403'}`;
        return expired
            ? {
                message: `${reading}: storage refused the signed download URL as expired (${refused}) ${when}.`,
                hint: 'GitHub signs a fresh, short-lived URL for each download: re-run the job. If it happens again, something is holding the download up (a slow proxy, a paused runner).',
                data: data('blob')
            }
            : {
                message: `${reading}: storage refused the signed download URL (${refused}) ${when}.`,
                hint: 'Re-run the job to get a freshly signed URL. If it persists, a proxy between the runner and storage may be altering the URL; see https://www.githubstatus.com.',
                data: data('blob')
            };
    }
    if (last.status === 404) {
        return {
            message: `${reading}: storage has no file for it (${outcome(last)}) although GitHub lists the artifact, ${when}.`,
            hint: 'Re-run the build workflow to upload the bundle again.',
            data: data('blob')
        };
    }
    return {
        message: `${reading}: storage ${summary}.`,
        hint: hintFor(last, "GitHub's artifact storage"),
        data: data('blob')
    };
}
const SERVICES = {
    list: 'listing the artifacts',
    sign: 'asking for the download URL',
    redirect: 'asking GitHub for the download',
    blob: "reading from GitHub's artifact storage",
    other: 'talking to GitHub'
};
/**
 * For a download that worked after retries: which step needed them and what it got first, e.g.
 * "reading from GitHub's artifact storage took 2 attempts (before: 503 Service Unavailable ×1)".
 */
function retriesNote(recording) {
    const notes = [];
    for (const step of ['list', 'sign', 'redirect', 'blob']) {
        const same = recording.attempts.filter(a => a.step === step);
        const failedFirst = same.filter(a => !answered(a) || (step === 'blob' && a.body !== 'complete'));
        if (failedFirst.length === 0 || failedFirst.length === same.length)
            continue;
        const before = new Map();
        for (const a of failedFirst)
            before.set(outcome(a), (before.get(outcome(a)) ?? 0) + 1);
        const earlier = [...before].map(([o, n]) => `${o} ×${n}`).join(', ');
        notes.push(`${SERVICES[step]} took ${same.length} attempts (before: ${earlier})`);
    }
    return notes.length > 0 ? notes : undefined;
}
const DISK_FULL_HINT = 'Free disk space on the runner before this step (remove unused tool caches, Docker images or build output), or use a runner with a bigger disk.';
/**
 * Before downloading: is there room for the zip? @actions/artifact 6.2.1 does not survive a write that
 * fails mid-download: its digest stream is written after it ended, an unhandled 'error' event that ends
 * the whole process (ERR_STREAM_WRITE_AFTER_END) before any report is written. So a disk that is already
 * too full is found here; one that fills up during the download is found afterwards, if the process lives.
 */
async function noRoomFor(ctx) {
    if (!ctx.dir || ctx.sizeBytes === undefined)
        return undefined;
    const free = await freeBytes(ctx.dir);
    if (free === undefined || free >= ctx.sizeBytes)
        return undefined;
    return {
        message: `writing ${ctx.artifact} to ${ctx.dir} is not possible: the runner's disk is full (${bytes(free)} free there; the artifact is ${bytes(ctx.sizeBytes)}), so it was not downloaded.`,
        hint: DISK_FULL_HINT,
        data: { failedStep: 'write', attempts: [], durationMs: 0 }
    };
}
/** The results service's own words from the library's error ("Failed request: (500) Internal Server Error: msg"). */
function twirpMessage(libraryError) {
    return /Failed request: \(\d+\) [^:]*: ([^\n]+)/.exec(libraryError)?.[1]?.trim();
}
function bytes(n) {
    const [value, unit] = n < 1024 ? [n, 'B'] : n < 1024 * 1024 ? [n / 1024, 'KiB'] : [n / 1024 / 1024, 'MiB'];
    return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}
/** Removes what a message must never carry: a URL's query (a signed URL's is a credential). */
function withoutQueries(text) {
    return text
        .replace(/(https?:\/\/[^\s?"'<>]+)\?[^\s"'<>]*/g, '$1')
        .replace(/\b(sig|se|sp|sv|st)=[^&\s"'<>]+/g, '$1=…');
}

/**
 * Downloads the deployment-artifacts bundle from GitHub: from this run through the Actions runtime, or
 * from another run (or repository) through the REST API (`findBy`). The zip is saved as-is into a fresh
 * directory and handed to the foundation's safe unzip: nothing is extracted by the download itself.
 */
const fail = (message, hint, origin, data) => ({
    ok: false,
    origin,
    // Belt and braces: no message may carry a URL's query (a signed URL's is a credential).
    outcome: { status: 'fail', message: withoutQueries(message), hint, ...(data ? { data } : {}) }
});
/** A 4xx from Octokit (a RequestError with a status): explainGitHubError says it best. */
const clientError = (error) => {
    const status = error.status;
    return status !== undefined && status >= 400 && status < 500 ? status : undefined;
};
/** The failure as the recorded attempts show it, else `fallback` (the library failed before any request). */
async function explained(recording, error, ctx, fallback, origin) {
    release(recording);
    const why = await explainFailure(recording, version.describeError(error), ctx);
    return why
        ? fail(why.message, why.hint, origin, { ...(origin ? { origin } : {}), failure: why.data })
        : fail(fallback(), undefined, origin);
}
function originOf(spec, repository, runId, found) {
    const runUrl = `${spec.serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
    return {
        name: found.name,
        artifactId: found.id,
        repository,
        runId,
        url: `${runUrl}/artifacts/${found.id}`,
        runUrl,
        sizeBytes: found.sizeBytes,
        digest: found.digest,
        headSha: found.headSha
    };
}
function splitRepository(repository) {
    const [owner, repo] = repository.split('/');
    return { owner, repo };
}
/** Lists the run's artifacts over REST and picks ours, with a specific message for each way it can fail. */
async function findInOtherRun(github, repository, runId, name) {
    const { owner, repo } = splitRepository(repository);
    const where = `run ${runId} of ${repository}`;
    let artifacts;
    const recording = { attempts: [] };
    try {
        artifacts = await watch(recording, () => github.paginate(github.rest.actions.listWorkflowRunArtifacts, {
            owner,
            repo,
            run_id: runId,
            per_page: 100
        }));
    }
    catch (error) {
        if (error.status === 404)
            return { problem: await explainNotFound(github, repository, runId) };
        const doing = `listing the artifacts of ${where}`;
        if (clientError(error))
            return { problem: fail(octokit.explainGitHubError(error, doing, 'actions: read')) };
        const ctx = { artifact: `artifact "${name}"`, thisRun: false, where };
        return {
            problem: await explained(recording, error, ctx, () => octokit.explainGitHubError(error, doing, 'actions: read'))
        };
    }
    const named = artifacts.filter(a => a.name === name).sort((a, b) => b.id - a.id);
    if (named.length === 0) {
        const names = [...new Set(artifacts.map(a => a.name))].sort();
        return {
            problem: fail(`artifact "${name}" not found in ${where}; ${names.length > 0 ? `it has: ${names.map(n => `"${n}"`).join(', ')}` : 'it has no artifacts'}.`, names.length > 0
                ? 'Set artifact-name to the name the build job gave actions/upload-artifact.'
                : 'Check run-id: is it the run of the build workflow, and did its upload step succeed?')
        };
    }
    const artifact = named.find(a => !a.expired);
    if (!artifact) {
        const newest = named[0];
        return {
            problem: fail(`artifact "${name}" (id ${newest.id}) of ${where} expired${newest.expires_at ? ` on ${newest.expires_at}` : ''}; GitHub no longer has its files.`, 'Re-run the build workflow to produce a fresh bundle, or raise retention-days on its upload step.')
        };
    }
    return {
        found: {
            id: artifact.id,
            name: artifact.name,
            sizeBytes: artifact.size_in_bytes,
            digest: artifact.digest ?? undefined,
            headSha: artifact.workflow_run?.head_sha ?? undefined
        }
    };
}
/** A 404 on the run's artifacts: is the repository wrong, or only the run? */
async function explainNotFound(github, repository, runId) {
    try {
        await github.rest.repos.get(splitRepository(repository));
    }
    catch (error) {
        if (error.status === 404) {
            return fail(`repository "${repository}" not found, or the token cannot see it.`, "Check the repository input (owner/name). A workflow's GITHUB_TOKEN sees only its own repository: for another one pass a PAT or GitHub App token with actions: read there.");
        }
        return fail(octokit.explainGitHubError(error, `reading repository ${repository}`, 'contents: read'));
    }
    return fail(`workflow run ${runId} not found in ${repository}.`, 'Check run-id: it is the number in the run URL (…/actions/runs/<run-id>), e.g. ${{ github.event.workflow_run.id }}.');
}
/** Tries of the zip redirect of another run (the artifact client makes only one). */
const REDIRECT_ATTEMPTS = 3;
/** This run: the Actions runtime (twirp) finds the artifact by name; list the names on a miss. */
async function findInThisRun(artifacts, name) {
    const client = new artifacts.DefaultArtifactClient();
    const recording = { attempts: [] };
    try {
        const { artifact } = await watch(recording, () => client.getArtifact(name));
        return {
            found: { id: artifact.id, name: artifact.name, sizeBytes: artifact.size, digest: artifact.digest }
        };
    }
    catch (error) {
        if (!(error instanceof artifacts.ArtifactNotFoundError)) {
            const ctx = { artifact: `artifact "${name}"`, thisRun: true, where: 'this run' };
            return {
                problem: await explained(recording, error, ctx, () => `finding artifact "${name}" in this run: ${version.describeError(error).split('\n')[0]}`)
            };
        }
        const listed = await client.listArtifacts().catch(() => ({ artifacts: [] }));
        const names = listed.artifacts.map(a => `"${a.name}"`);
        return {
            problem: fail(`artifact "${name}" not found in this run; ${names.length > 0 ? `it has: ${names.join(', ')}` : 'it has no artifacts yet'}.`, 'Upload it in an earlier job of this workflow (actions/upload-artifact) and list that job in needs:, or set run-id to the run that built it.')
        };
    }
}
/**
 * Downloads the artifact's zip into a fresh directory under `workDir`. Never throws: every problem is
 * a failing outcome whose message says what to change.
 */
async function downloadArtifactBundle(spec, workDir) {
    const thisRun = spec.runId === undefined;
    const repository = spec.repository ?? spec.currentRepository;
    if (thisRun && !process.env.ACTIONS_RUNTIME_TOKEN) {
        return fail('downloading from this run needs the Actions runtime (ACTIONS_RUNTIME_TOKEN is not set).', 'Outside GitHub Actions, pass run-id, repository and a token with actions: read, or bundle-path.');
    }
    if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
        return fail(`repository: "${repository ?? ''}" is not owner/name.`, 'Set repository (e.g. vapora/app), or run inside GitHub Actions where GITHUB_REPOSITORY is set.');
    }
    if (!thisRun && !spec.token) {
        return fail(`github-token: empty; downloading from run ${spec.runId} of ${repository} needs a token with actions: read.`, 'Keep the default github-token (${{ github.token }}) and give the job `permissions: actions: read`, or pass a PAT for another repository.');
    }
    const artifacts = await Promise.resolve().then(function () { return require('./artifact-CvJeinGu.js'); });
    const runId = spec.runId ?? spec.currentRunId ?? 0;
    const github = spec.token ? octokit.createGitHubClient(spec.token, { baseUrl: spec.apiUrl }) : undefined;
    const lookup = thisRun
        ? await findInThisRun(artifacts, spec.name)
        : await findInOtherRun(github, repository, runId, spec.name);
    if (!lookup.found)
        return lookup.problem;
    const origin = originOf(spec, repository, runId, lookup.found);
    let dir;
    try {
        dir = fs.mkdtempSync(path.join(workDir, 'artifact-'));
    }
    catch (error) {
        const full = error.code === 'ENOSPC';
        return fail(`creating a directory for the download in ${workDir} failed: ${full ? "the runner's disk is full (ENOSPC)" : version.describeError(error)}.`, full
            ? 'Free disk space on the runner before this step (remove unused tool caches, Docker images or build output), or use a runner with a bigger disk.'
            : 'Check that the runner can write to its temporary directory (RUNNER_TEMP).', origin);
    }
    const { owner, repo } = splitRepository(repository);
    const where = thisRun ? 'this run' : `run ${runId} of ${repository}`;
    const ctx = {
        artifact: `artifact "${spec.name}" (id ${origin.artifactId})`,
        thisRun,
        where,
        dir,
        sizeBytes: origin.sizeBytes
    };
    const full = await noRoomFor(ctx);
    if (full)
        return fail(full.message, full.hint, origin, { origin, failure: full.data });
    const recording = { attempts: [] };
    const client = new artifacts.DefaultArtifactClient();
    let response;
    for (let attempt = 1;; attempt++) {
        try {
            response = await watch(recording, () => client.downloadArtifact(origin.artifactId, {
                path: dir,
                skipDecompress: true,
                expectedHash: origin.digest,
                ...(thisRun
                    ? {}
                    : {
                        findBy: {
                            token: spec.token,
                            workflowRunId: runId,
                            repositoryOwner: owner,
                            repositoryName: repo
                        }
                    })
            }));
            break;
        }
        catch (error) {
            const status = error.status;
            if (status === 410) {
                return fail(`artifact "${spec.name}" (id ${origin.artifactId}) of run ${runId} has expired; GitHub no longer has its files.`, 'Re-run the build workflow to produce a fresh bundle, or raise retention-days on its upload step.', origin);
            }
            if (clientError(error) && status !== 429) {
                return fail(octokit.explainGitHubError(error, `downloading artifact ${origin.artifactId}`, 'actions: read'), undefined, origin);
            }
            // The artifact client sends the zip redirect request once, without retrying: a single 502 there
            // would end the download. Retry that step (only), as our own Octokit does: after 1 s, then 4 s.
            const last = recording.attempts[recording.attempts.length - 1];
            if (last?.step === 'redirect' && !(last.status && last.status < 400) && attempt < REDIRECT_ATTEMPTS) {
                await new Promise(resolve => setTimeout(resolve, attempt * attempt * 1000));
                continue;
            }
            return explained(recording, error, ctx, () => `downloading artifact ${origin.artifactId}: ${version.describeError(error).split('\n')[0]}`, origin);
        }
    }
    if (response.digestMismatch) {
        return fail(`artifact "${spec.name}" (id ${origin.artifactId}) does not match its published digest ${origin.digest}: it was altered or corrupted after upload.`, 'Do not deploy this bundle. Re-run the build workflow, and find out who or what changed the artifact.', origin);
    }
    const files = fs.readdirSync(dir);
    if (files.length !== 1) {
        return fail(`downloading artifact ${origin.artifactId}: expected one zip, found ${files.length} files.`, undefined, origin);
    }
    const verified = origin.digest
        ? `digest ${origin.digest.slice(0, 19)}… verified`
        : 'no digest published, integrity not verified';
    return {
        ok: true,
        zipPath: path.join(dir, files[0]),
        origin,
        outcome: {
            status: origin.digest ? 'pass' : 'warn',
            message: `"${origin.name}" (artifact ${origin.artifactId}, ${origin.sizeBytes ?? '?'} bytes) from ${thisRun ? 'this run' : `run ${runId} of ${repository}`}; ${verified}`,
            hint: origin.digest
                ? undefined
                : 'Artifacts uploaded with actions/upload-artifact v4+ carry a digest; re-upload to have it checked.',
            details: retriesNote(recording),
            data: { origin }
        }
    };
}

exports.downloadArtifactBundle = downloadArtifactBundle;

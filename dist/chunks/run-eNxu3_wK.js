import { writeFileSync, statSync, existsSync, readdirSync, accessSync, constants, readFileSync } from 'node:fs';
import { join, dirname, resolve, basename } from 'node:path';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { w as withLastGo, c as runSteps, V as VERIFY_STEPS, b as runPreflight, P as PREFLIGHT_STEPS, f as fieldOf, r as resolveStepSettings, g as renderJson, Q as readJsonReport, e as preflightRecordFromIssue, R as LiveProgress, p as progressLine, d as renderMarkdown, a as readRunContext } from './markdown-Cayzy74Q.js';
import { U as UsageError, O as OPTIONS, T as TOOL_NAME, d as describeError } from './version-CizmF27k.js';
import { b as recordOf } from './preflight-record-DctNz5gG.js';
import { t as text, o as on, p as processIO, E as EXIT, f as fromEnv } from './main-exmsvjiK.js';
import 'node:perf_hooks';
import 'node:zlib';
import 'fs';
import 'path';
import 'zlib';
import 'crypto';
import 'node:module';
import 'node:https';
import 'node:tls';
import 'process';
import 'buffer';
import 'node:util';

/**
 * A CLI run once the flags are read: flags → the same options → the same engine and steps as the action →
 * the report on stdout (or --output), progress on stderr, and the exit code. Loaded only for a run.
 */
/** Every flag (or variable) that fills a `PreflightInput` field as it is. */
function plainInput(flags) {
    const plain = {};
    for (const key of Object.keys(OPTIONS)) {
        const field = fieldOf(key);
        if (!field)
            continue;
        const spec = OPTIONS[key];
        plain[field] = 'flag' in spec && spec.flag === false ? fromEnv(key) : text(flags, key);
    }
    return plain;
}
const githubToken = () => fromEnv('githubToken');
/** The artifact to download, from --artifact/--run-id/--repository and the environment's token. */
function artifactSpec(flags, run) {
    const [given, runId, repository] = [
        text(flags, 'artifactName'),
        text(flags, 'runId'),
        text(flags, 'repository')
    ];
    if (!given && !runId)
        return undefined;
    if (!runId || !repository) {
        throw new UsageError('--artifact goes with --run-id and --repository: the workflow run that uploaded it and its repository.');
    }
    const artifact = given ?? OPTIONS.artifactName.default;
    return {
        name: artifact,
        runId: Number(runId),
        repository,
        token: githubToken(),
        apiUrl: run.apiUrl,
        serverUrl: run.serverUrl
    };
}
/**
 * The change checks: --commit on --repository. The last go to list commits from is --since, or, with
 * --tracking-issue, the one the issue recorded (read before the checks, as the action does).
 */
function changeSpec(flags, run, settings) {
    const commit = text(flags, 'commit');
    const sinceFlag = text(flags, 'since');
    if (!commit) {
        if (sinceFlag)
            throw new UsageError('--since needs --commit (and --repository): the commits between them are checked.');
        return undefined;
    }
    const repository = text(flags, 'repository');
    if (!repository)
        throw new UsageError('--commit needs --repository OWNER/NAME: the repository the commit is in.');
    const since = sinceFlag?.trim().toLowerCase();
    if (since !== undefined && !/^[0-9a-f]{40}$/.test(since)) {
        throw new UsageError(`--since: "${sinceFlag}" is not a full commit sha (40 hex digits).`);
    }
    return {
        token: githubToken() ?? '',
        apiUrl: run.apiUrl,
        repository,
        commit,
        lastGo: since ? { sha: since, repository } : undefined,
        noRecordReason: settings.trackingIssue ? undefined : 'no --since given (the last go to compare with)'
    };
}
/** --verify's inputs; the record comes from the preflight's JSON report, or from the tracking issue. */
async function verifyInput(flags, steps) {
    const path = text(flags, 'preflightReport');
    let found;
    if (path) {
        let report;
        try {
            report = readJsonReport(readFileSync(path, 'utf8'));
        }
        catch (error) {
            throw new UsageError(`--preflight-report: cannot read "${path}" as a preflight JSON report (${describeError(error)}); pass the --format json output of the preflight.`);
        }
        found = { record: recordOf(report) };
    }
    else if (steps.settings.trackingIssue) {
        found = await preflightRecordFromIssue(steps);
    }
    else {
        found = {
            problem: 'no --preflight-report given (the preflight JSON report to compare with), and no --tracking-issue'
        };
    }
    return {
        record: found.record,
        recordProblem: found.record ? undefined : found.problem,
        readyTimeout: text(flags, 'readyTimeout'),
        latencyFactor: text(flags, 'latencyFactor'),
        deployStartedAt: text(flags, 'deployStartedAt')
    };
}
/**
 * Where the CLI runs: GitHub's variables when it runs in an Actions job, --repository and --run-url
 * otherwise (another CI), so the tracking issue is the same one the action keeps.
 */
function runContext(flags) {
    const run = readRunContext();
    const runUrl = text(flags, 'runUrl');
    if (runUrl !== undefined && !/^https?:\/\/\S+$/.test(runUrl)) {
        throw new UsageError(`--run-url: "${runUrl}" is not an http(s) URL; pass this CI run's page.`);
    }
    return {
        ...run,
        repository: text(flags, 'repository') ?? run.repository,
        runUrl: runUrl ?? run.runUrl,
        // The kit upload is the action's: the CLI keeps the report where --output or --artifacts-dir say.
        hasActionsRuntime: false
    };
}
/** What the steps after the checks do from the CLI: the tracking issue, the manual gate and Slack on request. */
function stepContext(flags, environment) {
    const settings = resolveStepSettings({
        token: githubToken(),
        trackingIssue: on(flags, 'trackingIssue'),
        environment,
        issueLabels: text(flags, 'issueLabels'),
        issueNumber: text(flags, 'issueNumber'),
        issueKey: text(flags, 'issueKey'),
        uploadRollbackKit: false,
        requireManual: on(flags, 'requireManual'),
        slackWebhookUrl: fromEnv('slackWebhookUrl'),
        closeOnSuccess: on(flags, 'closeOnSuccess')
    });
    const run = runContext(flags);
    return {
        settings,
        run,
        // In an Actions job, the job's run (a re-run finds its comment); elsewhere, this invocation.
        runMarker: run.runId ? `${run.runId}/${run.runAttempt ?? 1}` : `cli-${randomUUID()}`,
        actor: process.env.GITHUB_ACTOR,
        writeReport: report => {
            const path = join(tmpdir(), `${TOOL_NAME}-${process.pid}-report.json`);
            writeFileSync(path, renderJson(report));
            return path;
        }
    };
}
function readTlsCa(path) {
    try {
        return readFileSync(path, 'utf8');
    }
    catch (error) {
        throw new UsageError(`--tls-ca: cannot read "${path}" (${describeError(error)}).`);
    }
}
function stdoutToStderr() {
    const write = process.stdout.write;
    process.stdout.write = process.stderr.write.bind(process.stderr);
    return () => {
        process.stdout.write = write;
    };
}
/** A path problem says all there is to say: no "run --help" after it. */
const NO_HELP = { help: false };
/** Edit distance (Levenshtein), for "did you mean": a typo is one or two edits away. */
function distance(a, b) {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) {
            next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        row = next;
    }
    return row[b.length];
}
function closest(name, candidates) {
    const scored = candidates
        .map(c => ({ c, d: distance(name.toLowerCase(), c.toLowerCase()) }))
        .filter(x => x.d <= Math.min(2, Math.max(1, Math.floor(name.length / 3))))
        .sort((a, b) => a.d - b.d);
    return scored[0]?.c;
}
/** The bundle path must be something the engine can open: said before any check runs (exit 2). */
function checkBundlePath(path) {
    let stat;
    try {
        stat = statSync(path);
    }
    catch {
        const parent = dirname(resolve(path));
        const near = existsSync(parent) ? closest(basename(path), readdirSync(parent)) : undefined;
        throw new UsageError(`--bundle: ${path} does not exist${near ? ` (did you mean ${join(dirname(path), near)}?)` : ''}; pass the deployment-artifacts .zip or the directory it was extracted to.`, NO_HELP);
    }
    if (!stat.isDirectory() && !stat.isFile()) {
        throw new UsageError(`--bundle: ${path} is neither a file nor a directory; pass the .zip or its directory.`, NO_HELP);
    }
    try {
        accessSync(path, constants.R_OK | (stat.isDirectory() ? constants.X_OK : 0));
    }
    catch {
        throw new UsageError(`--bundle: ${path} cannot be read (permission denied).`, NO_HELP);
    }
}
/** --output must be writable before the run starts: a run that cannot write its report is wasted. */
function checkOutputPath(path) {
    const dir = dirname(resolve(path));
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new UsageError(`--output: the directory ${dirname(path)} does not exist; create it first.`, NO_HELP);
    }
    if (existsSync(path) && statSync(path).isDirectory()) {
        throw new UsageError(`--output: ${path} is a directory; give a file name, e.g. ${join(path, 'report.json')}.`, NO_HELP);
    }
    try {
        accessSync(existsSync(path) ? path : dir, constants.W_OK);
    }
    catch {
        throw new UsageError(`--output: ${path} cannot be written (permission denied).`, NO_HELP);
    }
}
function formatOf(flags, io) {
    const format = text(flags, 'format') ?? (io.stdoutTTY && !text(flags, 'output') ? 'text' : 'markdown');
    if (format !== 'text' && format !== 'markdown' && format !== 'json') {
        throw new UsageError(`--format: "${format}" is not supported; use text, markdown or json.`);
    }
    return format;
}
/** Progress on stderr: one line in place on a terminal, one plain line per check otherwise. */
function progressHooks(flags, io) {
    if (on(flags, 'quiet'))
        return { hooks: {}, stop: () => undefined };
    if (io.stderrTTY) {
        const live = new LiveProgress({ write: text => io.stderr(text), columns: io.columns });
        return {
            hooks: { onStart: check => live.started(check.id), onResult: result => live.finished(result) },
            stop: () => live.stop()
        };
    }
    return {
        hooks: { onResult: (result) => io.stderr(`${progressLine(result)}\n`) },
        stop: () => undefined
    };
}
const isVerifyReport = (report) => 'verification' in report;
async function render(report, format, flags, io) {
    if (format === 'json')
        return renderJson(report);
    if (format === 'text') {
        // Loaded for this format only: its wrapping (wrap-ansi, string widths) costs start-up time.
        const { renderText } = await import('./text-DxiQA-aN.js');
        // A file never gets colours; stdout gets them as io.paint decides (TTY, NO_COLOR, FORCE_COLOR).
        return renderText(report, {
            paint: text(flags, 'output') ? undefined : io.paint,
            width: io.columns ?? 100
        });
    }
    const verification = isVerifyReport(report)
        ? `\n${(await import('./verify-body-4XN6GD5v.js')).renderVerification(report, {})}\n`
        : '';
    return `${renderMarkdown(report)}\n${verification}`;
}
/** Each step's result as progress, like a check's (the report holds it too). */
function stepProgress(flags, io) {
    return on(flags, 'quiet') ? () => undefined : result => io.stderr(`${progressLine(result)}\n`);
}
/** Runs the preflight (or verify) the flags ask for; returns the exit code, throws `UsageError` on bad flags. */
async function runCli(flags, io, onStop) {
    const format = formatOf(flags, io);
    const plain = plainInput(flags);
    const steps = stepContext(flags, plain.environment);
    const artifact = artifactSpec(flags, steps.run);
    const bundle = text(flags, 'bundlePath');
    const output = text(flags, 'output');
    if (!bundle && !artifact) {
        throw new UsageError('--bundle is required (the deployment-artifacts .zip or its directory), or --artifact with --run-id and --repository.');
    }
    if (bundle)
        checkBundlePath(bundle);
    if (output)
        checkOutputPath(output);
    const verifying = on(flags, 'verify');
    const tlsCaFile = text(flags, 'tlsCaFile');
    const input = {
        ...plain,
        bundlePath: bundle,
        artifact: bundle ? undefined : artifact,
        offline: on(flags, 'offline'),
        tlsCa: tlsCaFile ? readTlsCa(tlsCaFile) : undefined,
        environment: steps.settings.environment,
        changes: verifying ? undefined : await withLastGo(changeSpec(flags, steps.run, steps.settings), steps)
    };
    const verify = verifying ? await verifyInput(flags, steps) : undefined;
    // @actions/artifact logs through @actions/core, i.e. to stdout, where the report goes: send its lines
    // to stderr while the download runs.
    const restoreStdout = artifact && !output && io === processIO ? stdoutToStderr() : undefined;
    const progress = progressHooks(flags, io);
    onStop(progress.stop);
    const onStep = stepProgress(flags, io);
    const done = () => {
        progress.stop();
        restoreStdout?.();
    };
    const report = verify
        ? await (await import('./markdown-Cayzy74Q.js').then(function (n) { return n.a9; }))
            .runVerify({ ...input, verify }, progress.hooks)
            .finally(done)
            .then(checked => runSteps(checked, VERIFY_STEPS, steps, onStep))
            .then(ran => ran.report)
        : await runPreflight(input, progress.hooks)
            .finally(done)
            .then(checked => runSteps(checked, PREFLIGHT_STEPS, steps, onStep))
            .then(ran => ran.report);
    const rendered = await render(report, format, flags, io);
    if (output)
        writeFileSync(output, rendered);
    else
        io.stdout(rendered);
    // The text report ends with the verdict; any other output gets it on stderr, for the person watching.
    if (!on(flags, 'quiet') && (format !== 'text' || output)) {
        const scope = report.scope === 'bundle-only' ? ' (bundle only: offline run)' : '';
        const cause = report.reasons[0];
        const why = cause ? ` — ${cause.check ? `${cause.check}: ` : ''}${cause.message}` : '';
        io.stderr(`decision: ${report.decision}${scope}${why.length > 200 ? `${why.slice(0, 199)}…` : why}\n`);
    }
    return report.decision === 'go' ? EXIT.go : EXIT.noGo;
}

export { runCli };

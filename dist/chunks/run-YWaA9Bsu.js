'use strict';

var fs = require('node:fs');
var path = require('node:path');
var node_crypto = require('node:crypto');
var os = require('node:os');
var preflight = require('./markdown-B3dz7ddV.js');
var version = require('./version-Sfzk9NQZ.js');
var preflightRecord = require('./preflight-record-DeSejRzZ.js');
var main = require('./main-D9j5nqBb.js');
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
require('node:util');

/**
 * A CLI run once the flags are read: flags → the same options → the same engine and steps as the action →
 * the report on stdout (or --output), progress on stderr, and the exit code. Loaded only for a run.
 */
/** Every flag (or variable) that fills a `PreflightInput` field as it is. */
function plainInput(flags) {
    const plain = {};
    for (const key of Object.keys(version.OPTIONS)) {
        const field = preflight.fieldOf(key);
        if (!field)
            continue;
        const spec = version.OPTIONS[key];
        plain[field] = 'flag' in spec && spec.flag === false ? main.fromEnv(key) : main.text(flags, key);
    }
    return plain;
}
const githubToken = () => main.fromEnv('githubToken');
/** The artifact to download, from --artifact/--run-id/--repository and the environment's token. */
function artifactSpec(flags, run) {
    const [given, runId, repository] = [
        main.text(flags, 'artifactName'),
        main.text(flags, 'runId'),
        main.text(flags, 'repository')
    ];
    if (!given && !runId)
        return undefined;
    if (!runId || !repository) {
        throw new version.UsageError('--artifact goes with --run-id and --repository: the workflow run that uploaded it and its repository.');
    }
    const artifact = given ?? version.OPTIONS.artifactName.default;
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
    const commit = main.text(flags, 'commit');
    const sinceFlag = main.text(flags, 'since');
    if (!commit) {
        if (sinceFlag)
            throw new version.UsageError('--since needs --commit (and --repository): the commits between them are checked.');
        return undefined;
    }
    const repository = main.text(flags, 'repository');
    if (!repository)
        throw new version.UsageError('--commit needs --repository OWNER/NAME: the repository the commit is in.');
    const since = sinceFlag?.trim().toLowerCase();
    if (since !== undefined && !/^[0-9a-f]{40}$/.test(since)) {
        throw new version.UsageError(`--since: "${sinceFlag}" is not a full commit sha (40 hex digits).`);
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
    const path = main.text(flags, 'preflightReport');
    let found;
    if (path) {
        let report;
        try {
            report = preflight.readJsonReport(fs.readFileSync(path, 'utf8'));
        }
        catch (error) {
            throw new version.UsageError(`--preflight-report: cannot read "${path}" as a preflight JSON report (${version.describeError(error)}); pass the --format json output of the preflight.`);
        }
        found = { record: preflightRecord.recordOf(report) };
    }
    else if (steps.settings.trackingIssue) {
        found = await preflight.preflightRecordFromIssue(steps);
    }
    else {
        found = {
            problem: 'no --preflight-report given (the preflight JSON report to compare with), and no --tracking-issue'
        };
    }
    return {
        record: found.record,
        recordProblem: found.record ? undefined : found.problem,
        readyTimeout: main.text(flags, 'readyTimeout'),
        latencyFactor: main.text(flags, 'latencyFactor'),
        deployStartedAt: main.text(flags, 'deployStartedAt')
    };
}
/**
 * Where the CLI runs: GitHub's variables when it runs in an Actions job, --repository and --run-url
 * otherwise (another CI), so the tracking issue is the same one the action keeps.
 */
function runContext(flags) {
    const run = preflight.readRunContext();
    const runUrl = main.text(flags, 'runUrl');
    if (runUrl !== undefined && !/^https?:\/\/\S+$/.test(runUrl)) {
        throw new version.UsageError(`--run-url: "${runUrl}" is not an http(s) URL; pass this CI run's page.`);
    }
    return {
        ...run,
        repository: main.text(flags, 'repository') ?? run.repository,
        runUrl: runUrl ?? run.runUrl,
        // The kit upload is the action's: the CLI keeps the report where --output or --artifacts-dir say.
        hasActionsRuntime: false
    };
}
/** What the steps after the checks do from the CLI: the tracking issue, the manual gate and Slack on request. */
function stepContext(flags, environment) {
    const settings = preflight.resolveStepSettings({
        token: githubToken(),
        trackingIssue: main.on(flags, 'trackingIssue'),
        environment,
        issueLabels: main.text(flags, 'issueLabels'),
        issueNumber: main.text(flags, 'issueNumber'),
        issueKey: main.text(flags, 'issueKey'),
        uploadRollbackKit: false,
        requireManual: main.on(flags, 'requireManual'),
        slackWebhookUrl: main.fromEnv('slackWebhookUrl'),
        closeOnSuccess: main.on(flags, 'closeOnSuccess')
    });
    const run = runContext(flags);
    return {
        settings,
        run,
        // In an Actions job, the job's run (a re-run finds its comment); elsewhere, this invocation.
        runMarker: run.runId ? `${run.runId}/${run.runAttempt ?? 1}` : `cli-${node_crypto.randomUUID()}`,
        actor: process.env.GITHUB_ACTOR,
        writeReport: report => {
            const path$1 = path.join(os.tmpdir(), `${version.TOOL_NAME}-${process.pid}-report.json`);
            fs.writeFileSync(path$1, preflight.renderJson(report));
            return path$1;
        }
    };
}
function readTlsCa(path) {
    try {
        return fs.readFileSync(path, 'utf8');
    }
    catch (error) {
        throw new version.UsageError(`--tls-ca: cannot read "${path}" (${version.describeError(error)}).`);
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
function checkBundlePath(path$1) {
    let stat;
    try {
        stat = fs.statSync(path$1);
    }
    catch {
        const parent = path.dirname(path.resolve(path$1));
        const near = fs.existsSync(parent) ? closest(path.basename(path$1), fs.readdirSync(parent)) : undefined;
        throw new version.UsageError(`--bundle: ${path$1} does not exist${near ? ` (did you mean ${path.join(path.dirname(path$1), near)}?)` : ''}; pass the deployment-artifacts .zip or the directory it was extracted to.`, NO_HELP);
    }
    if (!stat.isDirectory() && !stat.isFile()) {
        throw new version.UsageError(`--bundle: ${path$1} is neither a file nor a directory; pass the .zip or its directory.`, NO_HELP);
    }
    try {
        fs.accessSync(path$1, fs.constants.R_OK | (stat.isDirectory() ? fs.constants.X_OK : 0));
    }
    catch {
        throw new version.UsageError(`--bundle: ${path$1} cannot be read (permission denied).`, NO_HELP);
    }
}
/** --output must be writable before the run starts: a run that cannot write its report is wasted. */
function checkOutputPath(path$1) {
    const dir = path.dirname(path.resolve(path$1));
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new version.UsageError(`--output: the directory ${path.dirname(path$1)} does not exist; create it first.`, NO_HELP);
    }
    if (fs.existsSync(path$1) && fs.statSync(path$1).isDirectory()) {
        throw new version.UsageError(`--output: ${path$1} is a directory; give a file name, e.g. ${path.join(path$1, 'report.json')}.`, NO_HELP);
    }
    try {
        fs.accessSync(fs.existsSync(path$1) ? path$1 : dir, fs.constants.W_OK);
    }
    catch {
        throw new version.UsageError(`--output: ${path$1} cannot be written (permission denied).`, NO_HELP);
    }
}
function formatOf(flags, io) {
    const format = main.text(flags, 'format') ?? (io.stdoutTTY && !main.text(flags, 'output') ? 'text' : 'markdown');
    if (format !== 'text' && format !== 'markdown' && format !== 'json') {
        throw new version.UsageError(`--format: "${format}" is not supported; use text, markdown or json.`);
    }
    return format;
}
/** Progress on stderr: one line in place on a terminal, one plain line per check otherwise. */
function progressHooks(flags, io) {
    if (main.on(flags, 'quiet'))
        return { hooks: {}, stop: () => undefined };
    if (io.stderrTTY) {
        const live = new preflight.LiveProgress({ write: text => io.stderr(text), columns: io.columns });
        return {
            hooks: { onStart: check => live.started(check.id), onResult: result => live.finished(result) },
            stop: () => live.stop()
        };
    }
    return {
        hooks: { onResult: (result) => io.stderr(`${preflight.progressLine(result)}\n`) },
        stop: () => undefined
    };
}
const isVerifyReport = (report) => 'verification' in report;
async function render(report, format, flags, io) {
    if (format === 'json')
        return preflight.renderJson(report);
    if (format === 'text') {
        // Loaded for this format only: its wrapping (wrap-ansi, string widths) costs start-up time.
        const { renderText } = await Promise.resolve().then(function () { return require('./text-CvDfGiqm.js'); });
        // A file never gets colours; stdout gets them as io.paint decides (TTY, NO_COLOR, FORCE_COLOR).
        return renderText(report, {
            paint: main.text(flags, 'output') ? undefined : io.paint,
            width: io.columns ?? 100
        });
    }
    const verification = isVerifyReport(report)
        ? `\n${(await Promise.resolve().then(function () { return require('./verify-body-D-nqYmDF.js'); })).renderVerification(report, {})}\n`
        : '';
    return `${preflight.renderMarkdown(report)}\n${verification}`;
}
/** Each step's result as progress, like a check's (the report holds it too). */
function stepProgress(flags, io) {
    return main.on(flags, 'quiet') ? () => undefined : result => io.stderr(`${preflight.progressLine(result)}\n`);
}
/** Runs the preflight (or verify) the flags ask for; returns the exit code, throws `UsageError` on bad flags. */
async function runCli(flags, io, onStop) {
    const format = formatOf(flags, io);
    const plain = plainInput(flags);
    const steps = stepContext(flags, plain.environment);
    const artifact = artifactSpec(flags, steps.run);
    const bundle = main.text(flags, 'bundlePath');
    const output = main.text(flags, 'output');
    if (!bundle && !artifact) {
        throw new version.UsageError('--bundle is required (the deployment-artifacts .zip or its directory), or --artifact with --run-id and --repository.');
    }
    if (bundle)
        checkBundlePath(bundle);
    if (output)
        checkOutputPath(output);
    const verifying = main.on(flags, 'verify');
    const tlsCaFile = main.text(flags, 'tlsCaFile');
    const input = {
        ...plain,
        bundlePath: bundle,
        artifact: bundle ? undefined : artifact,
        offline: main.on(flags, 'offline'),
        tlsCa: tlsCaFile ? readTlsCa(tlsCaFile) : undefined,
        environment: steps.settings.environment,
        changes: verifying ? undefined : await preflight.withLastGo(changeSpec(flags, steps.run, steps.settings), steps)
    };
    const verify = verifying ? await verifyInput(flags, steps) : undefined;
    // @actions/artifact logs through @actions/core, i.e. to stdout, where the report goes: send its lines
    // to stderr while the download runs.
    const restoreStdout = artifact && !output && io === main.processIO ? stdoutToStderr() : undefined;
    const progress = progressHooks(flags, io);
    onStop(progress.stop);
    const onStep = stepProgress(flags, io);
    const done = () => {
        progress.stop();
        restoreStdout?.();
    };
    const report = verify
        ? await (await Promise.resolve().then(function () { return require('./markdown-B3dz7ddV.js'); }).then(function (n) { return n.preflight; }))
            .runVerify({ ...input, verify }, progress.hooks)
            .finally(done)
            .then(checked => preflight.runSteps(checked, preflight.VERIFY_STEPS, steps, onStep))
            .then(ran => ran.report)
        : await preflight.runPreflight(input, progress.hooks)
            .finally(done)
            .then(checked => preflight.runSteps(checked, preflight.PREFLIGHT_STEPS, steps, onStep))
            .then(ran => ran.report);
    const rendered = await render(report, format, flags, io);
    if (output)
        fs.writeFileSync(output, rendered);
    else
        io.stdout(rendered);
    // The text report ends with the verdict; any other output gets it on stderr, for the person watching.
    if (!main.on(flags, 'quiet') && (format !== 'text' || output)) {
        const scope = report.scope === 'bundle-only' ? ' (bundle only: offline run)' : '';
        const cause = report.reasons[0];
        const why = cause ? ` — ${cause.check ? `${cause.check}: ` : ''}${cause.message}` : '';
        io.stderr(`decision: ${report.decision}${scope}${why.length > 200 ? `${why.slice(0, 199)}…` : why}\n`);
    }
    return report.decision === 'go' ? main.EXIT.go : main.EXIT.noGo;
}

exports.runCli = runCli;

'use strict';

var core = require('./core-BqC7YAze.js');
var fs$1 = require('node:fs');
var os$1 = require('node:os');
var path = require('node:path');
var version = require('./version-Sfzk9NQZ.js');
var preflight = require('./markdown-B3dz7ddV.js');
var kubeconfigText = require('./kubeconfig-text-BanJFULQ.js');
var os = require('os');
var fs = require('fs');
require('crypto');
require('path');
require('node:perf_hooks');
require('node:zlib');
require('zlib');
require('node:http');
require('node:https');
require('node:tls');
require('process');
require('buffer');

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { access, appendFile, writeFile } = fs.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, fs.constants.R_OK | fs.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(os.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
const summary = _summary;

/**
 * The action's input names (from the option table) and its output names, the one place each is spelled:
 * action.yml must agree (a test checks).
 */
const OUTPUT = {
    decision: 'decision',
    failedChecks: 'failed-checks',
    reportPath: 'report-path',
    revisions: 'revisions',
    configMapBackupPath: 'configmap-backup-path',
    issueNumber: 'issue-number',
    issueUrl: 'issue-url',
    bundleSource: 'bundle-source',
    warnings: 'warnings',
    reason: 'reason',
    verified: 'verified',
    rollbackDetected: 'rollback-detected',
    duration: 'duration'
};

/**
 * The one place that reads action inputs, by the names of the option table (core/option-table.ts). It
 * turns the runner's strings into a `PreflightInput` and the steps' input; validation proper happens in
 * `resolveOptions` and `resolveStepSettings`, shared with the CLI and library.
 */
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE', '']);
function booleanInput(read, name) {
    const raw = read(name).trim();
    if (TRUE.has(raw))
        return true;
    if (FALSE.has(raw))
        return false;
    throw new version.UsageError(`${name}: "${raw}" is not a boolean. Use true or false.`);
}
function optional(read, name) {
    const raw = read(name).trim();
    return raw === '' ? undefined : raw;
}
function positiveInteger(read, name, example) {
    const raw = optional(read, name);
    if (raw === undefined)
        return undefined;
    const value = Number(raw.replace(/^#/, ''));
    if (!Number.isSafeInteger(value) || value <= 0) {
        throw new version.UsageError(`${name}: "${raw}" is not a positive whole number; ${example}.`);
    }
    return value;
}
function readStepSettings(read) {
    return preflight.resolveStepSettings({
        token: optional(read, version.INPUT.githubToken),
        trackingIssue: booleanInput(read, version.INPUT.trackingIssue),
        environment: optional(read, version.INPUT.environment),
        issueLabels: optional(read, version.INPUT.issueLabels),
        issueNumber: optional(read, version.INPUT.issueNumber),
        issueKey: optional(read, version.INPUT.issueKey),
        uploadRollbackKit: booleanInput(read, version.INPUT.uploadRollbackKit),
        requireManual: booleanInput(read, version.INPUT.requireManual),
        slackWebhookUrl: optional(read, version.INPUT.slackWebhookUrl),
        closeOnSuccess: booleanInput(read, version.INPUT.closeOnSuccess)
    });
}
/** Every input that fills a `PreflightInput` field as it is (namespace, probe-count, policy…). */
function plainInputs(read) {
    const plain = {};
    for (const key of Object.keys(version.OPTIONS)) {
        const field = preflight.fieldOf(key);
        if (field && version.isActionInput(key))
            plain[field] = optional(read, version.OPTIONS[key].name);
    }
    return plain;
}
/**
 * The change checks' inputs, when they apply: on by default in a GitHub job with a token. The last go is
 * filled in later, from the tracking issue (see steps/tracking-issue.ts).
 */
function changeSpec(read, steps, context, bundleRepository) {
    const commit = optional(read, version.INPUT.commit);
    if (!booleanInput(read, version.INPUT.checkChanges) || !context?.repository)
        return undefined;
    return {
        // Empty: the change checks report it (fail closed) rather than the whole run refusing to start.
        token: steps.token ?? '',
        apiUrl: context.apiUrl,
        repository: bundleRepository ?? context.repository,
        commit,
        runCommit: context.sha,
        ref: context.ref,
        noRecordReason: steps.trackingIssue
            ? undefined
            : `${version.INPUT.trackingIssue} is false, so no go is recorded to compare with`
    };
}
/**
 * Reads and validates every input. `context` supplies what the runner knows (this repository, this
 * run, the API URL); the bundle comes from `bundle-path` when set, else from the artifact.
 */
function readActionInputs(read, context) {
    const bundlePath = optional(read, version.INPUT.bundlePath);
    const steps = readStepSettings(read);
    const runId = positiveInteger(read, version.INPUT.runId, 'use the number in the run URL (…/actions/runs/<run-id>), or leave it empty for this run');
    const repository = optional(read, version.INPUT.repository);
    if (repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
        throw new version.UsageError(`${version.INPUT.repository}: "${repository}" is not owner/name, e.g. vapora/app.`);
    }
    const artifactName = optional(read, version.INPUT.artifactName) ?? version.OPTIONS.artifactName.default;
    const otherRepository = repository !== undefined && repository !== context?.repository;
    if (!bundlePath && otherRepository && runId === undefined) {
        throw new version.UsageError(`${version.INPUT.runId}: empty, but ${version.INPUT.repository} is ${repository}. Downloading from another repository needs the run that built the bundle there.`);
    }
    const mode = (optional(read, version.INPUT.mode) ?? version.OPTIONS.mode.default).toLowerCase();
    if (mode !== 'preflight' && mode !== 'verify') {
        throw new version.UsageError(`${version.INPUT.mode}: "${mode}" is not a mode; use preflight (before the deploy) or verify (after it).`);
    }
    return {
        steps,
        mode,
        verify: {
            readyTimeout: optional(read, version.INPUT.readyTimeout),
            latencyFactor: optional(read, version.INPUT.latencyFactor),
            deployStartedAt: optional(read, version.INPUT.deployStartedAt)
        },
        preflight: {
            ...plainInputs(read),
            bundlePath,
            artifact: bundlePath
                ? undefined
                : {
                    name: artifactName,
                    runId,
                    repository,
                    token: steps.token,
                    apiUrl: context?.apiUrl ?? 'https://api.github.com',
                    serverUrl: context?.serverUrl ?? 'https://github.com',
                    currentRepository: context?.repository,
                    currentRunId: context?.runId
                },
            offline: booleanInput(read, version.INPUT.offline),
            environment: steps.environment,
            // The repository input names where the bundle is downloaded from: only then is its code what is deployed.
            changes: changeSpec(read, steps, context, bundlePath ? undefined : repository)
        }
    };
}

/**
 * The GitHub Action adapter: read inputs once, run the engine, save the rollback kit, update the
 * tracking issue, then write outputs, annotations and the job summary, and fail the job on no-go.
 * The only place that talks to @actions/core; one error boundary.
 */
/** GitHub shows only the first few annotations per step; more would only bury the first. */
const MAX_ANNOTATIONS = 50;
/** The annotation path: workspace-relative when the bundle is a directory in the repo, so it links. */
function annotationFile(report, file) {
    const root = report.bundle?.root;
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    if (report.bundle?.kind !== 'directory' || !root)
        return file;
    const full = path.join(path.isAbsolute(root) ? root : path.join(workspace, root), file);
    const rel = path.relative(workspace, full);
    return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}
function annotate(report) {
    let count = 0;
    for (const result of report.results) {
        for (const finding of result.findings ?? []) {
            if (finding.severity === 'notice' || count++ >= MAX_ANNOTATIONS)
                continue;
            const properties = {
                title: `preflight ${result.id}`,
                file: finding.file ? annotationFile(report, finding.file) : undefined,
                startLine: finding.line,
                startColumn: finding.column
            };
            const hint = finding.hint ?? result.hint;
            const message = hint ? `${finding.message}\nHow to fix: ${preflight.plainItemText(hint)}` : finding.message;
            if (finding.severity === 'error')
                core.error(message, properties);
            else
                core.warning(message, properties);
        }
    }
}
/** Where the report and the rollback kit go: a folder under RUNNER_TEMP, as the runner cleans it. */
function kitDir() {
    return path.join(process.env.RUNNER_TEMP || os$1.tmpdir(), 'vapora-preflight');
}
/**
 * Masks the kubeconfig input before anything is logged: the raw value, its decoded form line by line,
 * and every credential in it (the runner masks exact strings, so each form must be registered).
 */
function maskKubeconfig(raw) {
    if (!raw?.trim())
        return;
    core.setSecret(raw.trim());
    try {
        const decoded = kubeconfigText.decodeKubeconfig(raw);
        for (const line of decoded.split('\n')) {
            const value = line.replace(/^[\s-]*[\w-]+:\s*/, '').trim();
            if (/(token|key|password|certificate-data|secret)/i.test(line) && value.length >= 8)
                core.setSecret(value);
        }
        for (const secret of kubeconfigText.kubeconfigSecrets(decoded))
            core.setSecret(secret);
    }
    catch {
        // Not decodable: the engine reports it as an input error; the raw value is masked already.
    }
}
function writeReport(report) {
    const dir = kitDir();
    fs$1.mkdirSync(dir, { recursive: true });
    const path$1 = path.join(dir, 'report.json');
    fs$1.writeFileSync(path$1, preflight.renderJson(report));
    return path$1;
}
/** The summary's lines on what was done on GitHub: the tracking issue, removed hand ticks, the kit. */
function githubNote(facts) {
    const { issue, kitUrl } = facts;
    const lines = [];
    if (issue.url)
        lines.push(`Tracking issue: [#${issue.number}](${issue.url})`);
    for (const o of issue.overridden ?? []) {
        lines.push(`- ⚠️ tick removed from "${preflight.prose(o.text)}": ticked by hand, but ${preflight.inline(o.reason, 300)}`);
    }
    if (kitUrl)
        lines.push('', `Rollback kit (report and ConfigMap backup): [artifact](${kitUrl})`);
    return lines.length > 0 ? `\n\n${lines.join('\n')}\n` : '';
}
/** The `reason` output: why, in one line (the first root cause, what it blocked, and how many more). */
function oneLineReason(report) {
    if (report.decision === 'go') {
        return report.warnings.length > 0
            ? `go, with warnings: ${report.warnings.map(w => w.check).join(', ')}`
            : 'go: nothing blocks';
    }
    const more = report.reasons.length > 1 ? ` (+${report.reasons.length - 1} more root causes)` : '';
    return `no-go: ${reasonText(report.reasons[0]).split('\n')[0].slice(0, 300)}${more}`;
}
const reasonText = (reason) => reason ? (reason.check ? `${reason.check}: ${reason.message}` : reason.message) : 'see the report';
/** The job's failure message: every root cause (each counts what it blocked), then the failed ids. */
function failureMessage(prefix, report) {
    return `${prefix} ${report.reasons.map(reasonText).join(' · ')} (blocking: ${report.failedChecks.join(', ') || 'none'})`;
}
/** The steps' view of this job: its settings, the run, and where the report is kept. */
function stepContext(inputs, context) {
    return {
        settings: inputs.steps,
        run: context,
        runMarker: context.runId ? `${context.runId}/${context.runAttempt ?? 1}` : undefined,
        actor: process.env.GITHUB_ACTOR,
        writeReport
    };
}
/** Each step's result in the log as it ends; a warning (kit not kept, Slack down) as an annotation too. */
function logStep(result) {
    core.info(preflight.progressLine(result));
    if (result.status === 'warn')
        core.warning(`${result.message} ${result.hint ?? ''}`.trim());
}
/**
 * Verify mode (after the deploy): the preflight's record from the tracking issue, the success criteria,
 * then the record, sign-off and comment in the issue (closed on success when asked). Not verified fails
 * the job and prints the rollback commands.
 */
async function verifyMode(inputs, context) {
    const steps = stepContext(inputs, context);
    const found = await preflight.preflightRecordFromIssue(steps);
    const { runVerify } = await Promise.resolve().then(function () { return require('./markdown-B3dz7ddV.js'); }).then(function (n) { return n.preflight; });
    const checked = await runVerify({
        ...inputs.preflight,
        changes: undefined,
        workDir: process.env.RUNNER_TEMP || undefined,
        artifactsDir: kitDir(),
        verify: { ...inputs.verify, record: found.record, recordProblem: found.problem }
    }, {
        onResult: result => core.info(preflight.progressLine(result)),
        onSecrets: secrets => secrets.forEach(s => core.setSecret(s))
    });
    const { report, facts } = await preflight.runSteps(checked, preflight.VERIFY_STEPS, steps, logStep);
    const issueUrl = facts.issue.url;
    const reportPath = writeReport(report);
    const v = report.verification;
    core.setOutput(OUTPUT.decision, report.decision);
    core.setOutput(OUTPUT.verified, String(v.verified));
    core.setOutput(OUTPUT.rollbackDetected, String(v.rollbackDetected));
    core.setOutput(OUTPUT.duration, v.durationMs === undefined ? '' : String(Math.round(v.durationMs / 1000)));
    core.setOutput(OUTPUT.failedChecks, report.failedChecks.join(','));
    core.setOutput(OUTPUT.warnings, report.warnings.map(w => w.check).join(','));
    core.setOutput(OUTPUT.reason, oneLineReason(report));
    core.setOutput(OUTPUT.reportPath, reportPath);
    core.setOutput(OUTPUT.issueUrl, issueUrl ?? '');
    annotate(report);
    const { renderVerification } = await Promise.resolve().then(function () { return require('./verify-body-D-nqYmDF.js'); });
    await summary
        .addRaw(`${preflight.renderMarkdown(report)}\n\n${renderVerification(report, { runUrl: context.runUrl, actor: process.env.GITHUB_ACTOR })}\n`, true)
        .write();
    if (v.verified) {
        core.info('Deployment verified.');
    }
    else {
        if (v.undoCommands.length > 0)
            core.info(`Roll back with:\n${v.undoCommands.join('\n')}`);
        core.setFailed(failureMessage('Deployment not verified.', report));
    }
}
async function run() {
    const started = new Date();
    try {
        const context = preflight.readRunContext();
        const inputs = readActionInputs(name => core.getInput(name), context);
        if (inputs.steps.token)
            core.setSecret(inputs.steps.token);
        if (inputs.preflight.healthToken)
            core.setSecret(inputs.preflight.healthToken);
        if (inputs.steps.slackWebhookUrl)
            core.setSecret(inputs.steps.slackWebhookUrl);
        maskKubeconfig(inputs.preflight.kubeconfig);
        if (inputs.mode === 'verify')
            return await verifyMode(inputs, context);
        const steps = stepContext(inputs, context);
        const changes = await preflight.withLastGo(inputs.preflight.changes, steps);
        const checked = await preflight.runPreflight({ ...inputs.preflight, changes, workDir: process.env.RUNNER_TEMP || undefined, artifactsDir: kitDir() }, {
            onResult: result => core.info(preflight.progressLine(result)),
            onSecrets: secrets => secrets.forEach(s => core.setSecret(s))
        });
        const { report, facts } = await preflight.runSteps(checked, preflight.PREFLIGHT_STEPS, steps, logStep);
        for (const o of facts.issue.overridden ?? []) {
            core.warning(`Tracking issue: "${o.text}" was ticked by hand but its check fails (${o.reason}); tick removed.`);
        }
        const reportPath = writeReport(report);
        core.setOutput(OUTPUT.decision, report.decision);
        core.setOutput(OUTPUT.failedChecks, report.failedChecks.join(','));
        core.setOutput(OUTPUT.warnings, report.warnings.map(w => w.check).join(','));
        core.setOutput(OUTPUT.reason, oneLineReason(report));
        core.setOutput(OUTPUT.reportPath, reportPath);
        core.setOutput(OUTPUT.revisions, JSON.stringify(report.rollback?.revisions ?? {}));
        core.setOutput(OUTPUT.configMapBackupPath, report.rollback?.configMapBackupPath ?? '');
        core.setOutput(OUTPUT.issueNumber, facts.issue.number ? String(facts.issue.number) : '');
        core.setOutput(OUTPUT.issueUrl, facts.issue.url ?? '');
        core.setOutput(OUTPUT.bundleSource, report.bundle?.origin?.url ?? report.bundle?.path ?? '');
        annotate(report);
        await summary.addRaw(preflight.renderMarkdown(report) + githubNote(facts), true).write();
        if (report.decision === 'go') {
            core.info(`Preflight decision: go${report.scope === 'bundle-only' ? ' (bundle only: offline run)' : ''}`);
        }
        else {
            core.setFailed(failureMessage('Preflight decision: no-go.', report));
        }
    }
    catch (error) {
        await failClosed(error, started);
    }
}
/** The mode as asked, read apart from the inputs (they may be what failed): only its own outputs are set. */
function requestedMode() {
    try {
        return core.getInput('mode').trim().toLowerCase() === 'verify' ? 'verify' : 'preflight';
    }
    catch {
        return 'preflight';
    }
}
/**
 * Whatever went wrong before a report existed (an invalid input or policy file, a crash), the gate must
 * never read as "go", and people must see why: the same outputs, report and summary as any no-go.
 */
async function failClosed(error, started) {
    const mode = requestedMode();
    core.setOutput(OUTPUT.decision, 'no-go');
    if (mode === 'verify')
        core.setOutput(OUTPUT.verified, 'false');
    const usage = error instanceof version.UsageError;
    const report = preflight.reportOfFailure(usage
        ? {
            result: preflight.INPUTS,
            message: `invalid input: ${version.describeError(error)}`,
            hint: 'Fix the input (or the policy file) named above, then re-run the job.'
        }
        : {
            result: preflight.ACTION,
            message: `the action failed unexpectedly: ${version.describeError(error)}`,
            hint: 'This is a bug in vapora-preflight; please report it with this job log.'
        }, { mode, startedAt: started });
    try {
        core.setOutput(OUTPUT.reason, oneLineReason(report));
        core.setOutput(OUTPUT.failedChecks, report.failedChecks.join(','));
        core.setOutput(OUTPUT.reportPath, writeReport(report));
        await summary.addRaw(preflight.renderMarkdown(report), true).write();
    }
    catch (writeError) {
        // The decision output is already written; say why the rest could not be.
        core.warning(`could not write the report or the job summary: ${version.describeError(writeError)}`);
    }
    core.setFailed(`${usage ? 'Invalid input' : 'Preflight failed unexpectedly'}: ${version.describeError(error)}`);
}

exports.run = run;

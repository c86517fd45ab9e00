import { g as getInput, s as setSecret, i as info, w as warning, a as setOutput, b as summary, c as setFailed, e as error } from './core-CJJAyZDd.js';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, isAbsolute, relative } from 'node:path';
import { U as UsageError, s as splitList, f as finish, p as plainItemText, S as SECTION, a as amendReport, r as runPreflight, b as progressLine, w as withChecklist, c as renderMarkdown, d as decodeKubeconfig, k as kubeconfigSecrets, e as renderJson, g as prose, i as inline, h as reportOfFailure, j as describeError } from './markdown-CW_4RBtX.js';
import { performance } from 'node:perf_hooks';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'http';
import 'https';
import './index-BaCry1Ql.js';
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
import 'node:tls';
import 'node:zlib';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import 'child_process';
import 'timers';
import 'process';
import 'buffer';
import 'zlib';
import 'node:https';
import 'node:child_process';
import 'node:crypto';
import 'node:sqlite';
import 'node:stream/web';
import 'node:fs/promises';
import 'node:timers';
import 'vm';
import 'stream';
import 'tty';
import 'dns';
import 'url';

/** Action input and output names: the one place they are spelled (action.yml must agree; a test checks). */
const INPUT = {
    bundlePath: 'bundle-path',
    expectedFiles: 'expected-files',
    namespace: 'namespace',
    deployments: 'deployments',
    configMap: 'configmap',
    offline: 'offline',
    kubeconfig: 'kubeconfig',
    context: 'context',
    kubectlVersion: 'kubectl-version',
    eventsWindow: 'events-window',
    capacityThreshold: 'capacity-threshold',
    artifactName: 'artifact-name',
    runId: 'run-id',
    repository: 'repository',
    githubToken: 'github-token',
    trackingIssue: 'tracking-issue',
    environment: 'environment',
    issueLabels: 'issue-labels',
    issueNumber: 'issue-number',
    issueKey: 'issue-key',
    uploadRollbackKit: 'upload-rollback-kit',
    healthUrl: 'health-url',
    healthToken: 'health-token',
    apiUrls: 'api-urls',
    tlsEndpoint: 'tls-endpoint',
    tlsCa: 'tls-ca',
    certMinDays: 'cert-min-days',
    probeCount: 'probe-count',
    probeTimeout: 'probe-timeout',
    endpointBudget: 'endpoint-budget',
    latencyThresholdMs: 'latency-threshold-ms',
    policy: 'policy',
    requireManual: 'require-manual',
    slackWebhookUrl: 'slack-webhook-url',
    checkChanges: 'check-changes',
    commit: 'commit',
    mode: 'mode',
    readyTimeout: 'ready-timeout',
    closeOnSuccess: 'close-on-success',
    latencyFactor: 'latency-factor',
    deployStartedAt: 'deploy-started-at'
};
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
 * The one place that reads action inputs. It turns raw strings into a `PreflightInput`; validation
 * proper happens in `resolveOptions`, shared with the CLI and library.
 */
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE', '']);
function booleanInput(read, name) {
    const raw = read(name).trim();
    if (TRUE.has(raw))
        return true;
    if (FALSE.has(raw))
        return false;
    throw new UsageError(`${name}: "${raw}" is not a boolean. Use true or false.`);
}
function optional(read, name) {
    const raw = read(name).trim();
    return raw === '' ? undefined : raw;
}
// The key lives in an HTML comment and in label filters: no '>' (would end the comment), no newline.
const ISSUE_KEY = /^[A-Za-z0-9][A-Za-z0-9 ._/:@-]{0,99}$/;
function positiveInteger(read, name, example) {
    const raw = optional(read, name);
    if (raw === undefined)
        return undefined;
    const value = Number(raw.replace(/^#/, ''));
    if (!Number.isSafeInteger(value) || value <= 0) {
        throw new UsageError(`${name}: "${raw}" is not a positive whole number; ${example}.`);
    }
    return value;
}
function slackWebhook(raw) {
    if (raw === undefined)
        return undefined;
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        // The value is a secret: say what is wrong without repeating it.
        throw new UsageError(`${INPUT.slackWebhookUrl}: not a URL; pass the incoming webhook, e.g. https://hooks.slack.com/services/….`);
    }
    return raw;
}
function readGitHubInputs(read) {
    const environment = optional(read, INPUT.environment) ?? 'staging';
    if (/[\r\n]/.test(environment) || environment.length > 255) {
        throw new UsageError(`${INPUT.environment}: must be one line of at most 255 characters.`);
    }
    const issueKey = optional(read, INPUT.issueKey) ?? environment;
    if (!ISSUE_KEY.test(issueKey)) {
        throw new UsageError(`${INPUT.issueKey}: "${issueKey}" cannot identify an issue (it defaults to the environment). Use letters, digits, spaces and . _ / : @ - (at most 100 characters), e.g. staging or prod-eu.`);
    }
    const issueLabels = splitList(optional(read, INPUT.issueLabels) ?? 'deployment,preflight');
    for (const label of issueLabels) {
        if (label.length > 50)
            throw new UsageError(`${INPUT.issueLabels}: "${label}" is longer than GitHub's 50 characters.`);
    }
    if (issueLabels.length === 0) {
        throw new UsageError(`${INPUT.issueLabels}: empty. The tracking issue is found by its labels; give at least one, e.g. deployment,preflight.`);
    }
    return {
        token: optional(read, INPUT.githubToken),
        trackingIssue: booleanInput(read, INPUT.trackingIssue),
        environment,
        issueLabels,
        issueNumber: positiveInteger(read, INPUT.issueNumber, 'give the number of an open issue, e.g. 42'),
        issueKey,
        uploadRollbackKit: booleanInput(read, INPUT.uploadRollbackKit),
        requireManual: booleanInput(read, INPUT.requireManual),
        slackWebhookUrl: slackWebhook(optional(read, INPUT.slackWebhookUrl))
    };
}
/**
 * The change checks' inputs, when they apply: on by default in a GitHub job with a token. The last go is
 * filled in later, from the tracking issue (see main.ts).
 */
function changeSpec(read, github, context, bundleRepository) {
    const commit = optional(read, INPUT.commit);
    if (!booleanInput(read, INPUT.checkChanges) || !context?.repository)
        return undefined;
    return {
        // Empty: the change checks report it (fail closed) rather than the whole run refusing to start.
        token: github.token ?? '',
        apiUrl: context.apiUrl,
        repository: bundleRepository ?? context.repository,
        commit,
        runCommit: context.sha,
        ref: context.ref,
        noRecordReason: github.trackingIssue
            ? undefined
            : `${INPUT.trackingIssue} is false, so no go is recorded to compare with`
    };
}
/**
 * Reads and validates every input. `context` supplies what the runner knows (this repository, this
 * run, the API URL); the bundle comes from `bundle-path` when set, else from the artifact.
 */
function readActionInputs(read, context) {
    const bundlePath = optional(read, INPUT.bundlePath);
    const github = readGitHubInputs(read);
    const runId = positiveInteger(read, INPUT.runId, 'use the number in the run URL (…/actions/runs/<run-id>), or leave it empty for this run');
    const repository = optional(read, INPUT.repository);
    if (repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
        throw new UsageError(`${INPUT.repository}: "${repository}" is not owner/name, e.g. vapora/app.`);
    }
    const artifactName = optional(read, INPUT.artifactName) ?? 'deployment-artifacts';
    const otherRepository = repository !== undefined && repository !== context?.repository;
    if (!bundlePath && otherRepository && runId === undefined) {
        throw new UsageError(`${INPUT.runId}: empty, but ${INPUT.repository} is ${repository}. Downloading from another repository needs the run that built the bundle there.`);
    }
    const mode = (optional(read, INPUT.mode) ?? 'preflight').toLowerCase();
    if (mode !== 'preflight' && mode !== 'verify') {
        throw new UsageError(`${INPUT.mode}: "${mode}" is not a mode; use preflight (before the deploy) or verify (after it).`);
    }
    return {
        github,
        mode,
        verify: {
            readyTimeout: optional(read, INPUT.readyTimeout),
            latencyFactor: optional(read, INPUT.latencyFactor),
            deployStartedAt: optional(read, INPUT.deployStartedAt),
            closeOnSuccess: booleanInput(read, INPUT.closeOnSuccess)
        },
        preflight: {
            bundlePath,
            artifact: bundlePath
                ? undefined
                : {
                    name: artifactName,
                    runId,
                    repository,
                    token: github.token,
                    apiUrl: context?.apiUrl ?? 'https://api.github.com',
                    serverUrl: context?.serverUrl ?? 'https://github.com',
                    currentRepository: context?.repository,
                    currentRunId: context?.runId
                },
            expectedFiles: optional(read, INPUT.expectedFiles),
            namespace: optional(read, INPUT.namespace),
            deployments: optional(read, INPUT.deployments),
            configMap: optional(read, INPUT.configMap),
            offline: booleanInput(read, INPUT.offline),
            kubeconfig: optional(read, INPUT.kubeconfig),
            context: optional(read, INPUT.context),
            kubectlVersion: optional(read, INPUT.kubectlVersion),
            eventsWindow: optional(read, INPUT.eventsWindow),
            capacityThreshold: optional(read, INPUT.capacityThreshold),
            healthUrl: optional(read, INPUT.healthUrl),
            healthToken: optional(read, INPUT.healthToken),
            apiUrls: optional(read, INPUT.apiUrls),
            tlsEndpoint: optional(read, INPUT.tlsEndpoint),
            tlsCa: optional(read, INPUT.tlsCa),
            certMinDays: optional(read, INPUT.certMinDays),
            probeCount: optional(read, INPUT.probeCount),
            probeTimeout: optional(read, INPUT.probeTimeout),
            endpointBudget: optional(read, INPUT.endpointBudget),
            latencyThresholdMs: optional(read, INPUT.latencyThresholdMs),
            policy: optional(read, INPUT.policy),
            environment: github.environment,
            // The repository input names where the bundle is downloaded from: only then is its code what is deployed.
            changes: changeSpec(read, github, context, bundlePath ? undefined : repository)
        }
    };
}

/** The workflow run's context, read once from the runner's environment variables. */
function positiveInt(value) {
    const n = Number(value);
    return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
function readRunContext(env = process.env) {
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const repository = env.GITHUB_REPOSITORY || undefined;
    const runId = positiveInt(env.GITHUB_RUN_ID);
    const runAttempt = positiveInt(env.GITHUB_RUN_ATTEMPT);
    const runUrl = repository && runId
        ? `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt && runAttempt > 1 ? `/attempts/${runAttempt}` : ''}`
        : undefined;
    return {
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        serverUrl,
        repository,
        runId,
        runAttempt,
        runUrl,
        sha: env.GITHUB_SHA || undefined,
        ref: env.GITHUB_REF || undefined,
        hasActionsRuntime: Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL)
    };
}

/** Sections whose manual items must be done before deploying. */
const BEFORE_DEPLOY_SECTIONS = new Set(['t-24h', 't-4h', 't-2h', 't-1h', 't-15m']);
/** The required manual items nobody has ticked yet, in checklist order. */
function untickedManualItems(statuses, optionalIds = new Set()) {
    return statuses.filter(s => s.state === 'manual' &&
        !s.ticked &&
        !s.item.optional &&
        !optionalIds.has(s.item.id) &&
        BEFORE_DEPLOY_SECTIONS.has(s.item.id.split('.')[0]));
}

/**
 * What the action does on GitHub after the checks: keep the rollback kit as an artifact and record the
 * run in the tracking issue. Each step becomes a result (`rollback-kit-upload`, `tracking-issue`) so that
 * a step the user asked for and that failed blocks like any check. No @actions/core here: the action
 * adapter logs and masks.
 */
async function timed(check, step) {
    const started = performance.now();
    const outcome = await step();
    return finish(check, outcome, performance.now() - started);
}
const KIT_UPLOAD = {
    id: 'rollback-kit-upload',
    title: 'Keep the rollback kit (report and ConfigMap backup) as an artifact',
    section: SECTION.rollbackPlan
};
const TRACKING_ISSUE = {
    id: 'tracking-issue',
    title: 'Create GitHub issue or ticket tracking the deployment',
    section: SECTION.changeDocs
};
/** Uploads the report and the ConfigMap backup, when asked to and the runtime allows it. */
async function saveRollbackKit(report, reportPath, inputs, context) {
    if (!inputs.uploadRollbackKit)
        return {};
    const result = await timed(KIT_UPLOAD, async () => {
        if (!context.hasActionsRuntime) {
            return {
                status: 'skip',
                skipReason: 'not-applicable',
                message: 'not applicable: no Actions runtime (ACTIONS_RUNTIME_TOKEN) to upload to'
            };
        }
        const backup = report.rollback?.configMapBackupPath;
        const files = [reportPath, ...(backup && existsSync(backup) ? [backup] : [])];
        const { kitArtifactName, uploadRollbackKit } = await import('./upload-C_0pnP_D.js');
        const upload = await uploadRollbackKit(kitArtifactName(inputs.issueKey), files);
        return upload.ok
            ? {
                status: 'pass',
                message: upload.message,
                data: { artifactId: upload.artifactId, name: upload.name }
            }
            : {
                // Not blocking: the deploy is no less safe, and the revisions and undo commands are in the summary
                // and the issue. But the backup file now lives only in this job, which the warning says.
                status: 'warn',
                message: `rollback kit not kept: ${upload.message}`,
                hint: 'The ConfigMap backup exists only in this job (output configmap-backup-path): copy it before the job ends, or re-run.'
            };
    });
    const id = result.data?.artifactId;
    return {
        result,
        url: id && context.runUrl ? `${context.runUrl.replace(/\/attempts\/\d+$/, '')}/artifacts/${id}` : undefined
    };
}
/** Creates or updates the tracking issue; its body shows this step as done (it is, if anyone can read it). */
async function recordInTrackingIssue(report, inputs, context) {
    if (!inputs.trackingIssue)
        return {};
    let number;
    let url;
    let overridden = [];
    let statuses;
    const result = await timed(TRACKING_ISSUE, async () => {
        if (!context.repository) {
            // Not in a GitHub Actions job (a local runner, another CI): there is no repository to write to.
            return {
                status: 'skip',
                skipReason: 'not-applicable',
                message: 'not applicable: no GitHub repository (GITHUB_REPOSITORY is not set) to track the deployment in'
            };
        }
        if (!inputs.token) {
            return {
                status: 'fail',
                message: 'github-token: empty, so the tracking issue cannot be written.',
                hint: 'Keep github-token at its default (${{ github.token }}) with `permissions: issues: write`, or set tracking-issue: false.'
            };
        }
        const provisional = finish(TRACKING_ISSUE, { status: 'pass', message: 'tracked in this issue' }, 0);
        const { updateTrackingIssue } = await import('./tracking-issue-DYZqhZFK.js').then(function (n) { return n.t; });
        const outcome = await updateTrackingIssue(amendReport(report, [provisional]), {
            token: inputs.token,
            apiUrl: context.apiUrl,
            repository: context.repository,
            key: inputs.issueKey,
            environment: inputs.environment,
            labels: inputs.issueLabels,
            issueNumber: inputs.issueNumber,
            runUrl: context.runUrl,
            runMarker: context.runId ? `${context.runId}/${context.runAttempt ?? 1}` : undefined,
            resultsFromTicks: inputs.requireManual
                ? statuses => [manualItemsGate(report, inputs, { statuses, url: undefined })]
                : undefined,
            fullReportUrl: context.runUrl
        });
        number = outcome.number;
        url = outcome.url;
        overridden = outcome.rendered?.merged.overridden ?? [];
        if (outcome.ok)
            statuses = outcome.rendered?.merged.statuses;
        if (outcome.ok && outcome.commentProblem) {
            return {
                status: 'warn',
                message: `${outcome.message}: ${outcome.url}; but the run's comment was not added: ${outcome.commentProblem}`,
                data: { number, url }
            };
        }
        return outcome.ok
            ? { status: 'pass', message: `${outcome.message}: ${outcome.url}`, data: { number, url } }
            : { status: 'fail', message: outcome.message, hint: outcome.hint };
    });
    return { result, number, url, overridden, statuses };
}
const MANUAL_ITEMS = {
    id: 'manual-items',
    title: 'Every required manual item of the tracking issue is ticked',
    section: SECTION.finalChecks
};
/**
 * The manual-item gate: with `require-manual`, no-go until people ticked every required manual item
 * (read from the issue as this run merged it). Re-running the job after ticking turns it go.
 */
function manualItemsGate(report, inputs, issue) {
    if (!inputs.requireManual)
        return undefined;
    if (!issue.statuses) {
        return finish(MANUAL_ITEMS, {
            status: 'fail',
            blockedBy: 'tracking-issue',
            message: 'require-manual needs the tracking issue, and there is none for this run',
            hint: 'Keep tracking-issue: true (and its permissions), or set require-manual: false.'
        }, 0);
    }
    const optional = new Set(report.policy?.optionalItems ?? []);
    const unticked = untickedManualItems(issue.statuses, optional);
    const outcome = unticked.length === 0
        ? { status: 'pass', message: 'every required manual item is ticked' }
        : {
            status: 'fail',
            message: `${unticked.length} required manual item(s) not ticked yet in ${issue.url ?? 'the tracking issue'}: ${unticked
                .slice(0, 5)
                .map(s => `"${plainItemText(s.item.text)}"`)
                .join(', ')}${unticked.length > 5 ? ', …' : ''}`,
            details: unticked.map(s => `${s.item.id}: ${plainItemText(s.item.text)}`),
            hint: 'Tick them in the tracking issue as they are done, then re-run this job. Items that do not apply to you can be listed under optional-items in the policy file.',
            data: { unticked: unticked.map(s => s.item.id) }
        };
    return finish(MANUAL_ITEMS, outcome, 0);
}
const SLACK = {
    id: 'slack-webhook',
    title: 'Verify Slack webhook is working (test send message)',
    section: SECTION.communication
};
/** Posts the final decision to Slack when a webhook is given; a failure warns (the gate stands). */
async function announceInSlack(report, inputs, context, issueUrl) {
    if (!inputs.slackWebhookUrl)
        return undefined;
    return timed(SLACK, async () => {
        const { postToSlack, slackText } = await import('./slack-CEuA4yJA.js');
        const posted = await postToSlack(inputs.slackWebhookUrl, slackText(report, inputs.environment, { runUrl: context.runUrl, issueUrl }));
        return posted.ok
            ? { status: 'pass', message: posted.message }
            : {
                status: 'warn',
                message: posted.message,
                hint: 'Check slack-webhook-url (an incoming webhook of the #deployments channel).'
            };
    });
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
    const full = join(isAbsolute(root) ? root : join(workspace, root), file);
    const rel = relative(workspace, full);
    return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
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
            const message = hint ? `${finding.message}\nHow to fix: ${plainItemText(hint)}` : finding.message;
            if (finding.severity === 'error')
                error(message, properties);
            else
                warning(message, properties);
        }
    }
}
/** Where the report and the rollback kit go: a folder under RUNNER_TEMP, as the runner cleans it. */
function kitDir() {
    return join(process.env.RUNNER_TEMP || tmpdir(), 'vapora-preflight');
}
/**
 * Masks the kubeconfig input before anything is logged: the raw value, its decoded form line by line,
 * and every credential in it (the runner masks exact strings, so each form must be registered).
 */
function maskKubeconfig(raw) {
    if (!raw?.trim())
        return;
    setSecret(raw.trim());
    try {
        const decoded = decodeKubeconfig(raw);
        for (const line of decoded.split('\n')) {
            const value = line.replace(/^[\s-]*[\w-]+:\s*/, '').trim();
            if (/(token|key|password|certificate-data|secret)/i.test(line) && value.length >= 8)
                setSecret(value);
        }
        for (const secret of kubeconfigSecrets(decoded))
            setSecret(secret);
    }
    catch {
        // Not decodable: the engine reports it as an input error; the raw value is masked already.
    }
}
function writeReport(report) {
    const dir = kitDir();
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'report.json');
    writeFileSync(path, renderJson(report));
    return path;
}
/** The summary's lines on what was done on GitHub: the tracking issue, removed hand ticks, the kit. */
function githubNote(issue, kit) {
    const lines = [];
    if (issue.url)
        lines.push(`Tracking issue: [#${issue.number}](${issue.url})`);
    for (const o of issue.overridden ?? []) {
        lines.push(`- ⚠️ tick removed from "${prose(o.text)}": ticked by hand, but ${inline(o.reason, 300)}`);
    }
    if (kit.url)
        lines.push('', `Rollback kit (report and ConfigMap backup): [artifact](${kit.url})`);
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
/** The change checks need the last go, which the tracking issue records: read it before the checks run. */
async function withLastGo(changes, inputs, context) {
    if (!changes?.token || !inputs.trackingIssue || !context.repository)
        return changes;
    const { findLastGo } = await import('./tracking-issue-DYZqhZFK.js').then(function (n) { return n.t; });
    const found = await findLastGo({
        token: changes.token,
        apiUrl: context.apiUrl,
        repository: context.repository,
        key: inputs.issueKey,
        labels: inputs.issueLabels,
        issueNumber: inputs.issueNumber
    });
    return { ...changes, lastGo: found.lastGo, lastGoProblem: found.problem };
}
/**
 * Verify mode (after the deploy): the preflight's record from the tracking issue, the success criteria,
 * then the record, sign-off and comment in the issue (closed on success when asked). Not verified fails
 * the job and prints the rollback commands.
 */
async function verifyMode(inputs, context) {
    const target = inputs.github.trackingIssue && context.repository && inputs.github.token
        ? {
            token: inputs.github.token,
            apiUrl: context.apiUrl,
            repository: context.repository,
            key: inputs.github.issueKey,
            labels: inputs.github.issueLabels,
            issueNumber: inputs.github.issueNumber,
            runUrl: context.runUrl,
            runMarker: context.runId ? `${context.runId}/${context.runAttempt ?? 1}/verify` : undefined
        }
        : undefined;
    const { readPreflightRecord, recordVerification } = await import('./verify-issue-D4D_2RPC.js');
    const found = target
        ? await readPreflightRecord(target)
        : {
            problem: 'no tracking issue to read the preflight record from (tracking-issue: false, or not in a GitHub job)'
        };
    const { runVerify } = await import('./verify-BWHXOcnR.js');
    let report = await runVerify({
        ...inputs.preflight,
        changes: undefined,
        workDir: process.env.RUNNER_TEMP || undefined,
        artifactsDir: kitDir(),
        verify: { ...inputs.verify, record: found.record, recordProblem: found.problem }
    }, {
        onResult: result => info(progressLine(result)),
        onSecrets: secrets => secrets.forEach(s => setSecret(s))
    });
    let issueUrl;
    if (target) {
        const started = Date.now();
        const outcome = await recordVerification(report, {
            ...target,
            closeOnSuccess: inputs.verify.closeOnSuccess,
            actor: process.env.GITHUB_ACTOR
        });
        issueUrl = outcome.url;
        const result = finish({
            id: 'tracking-issue',
            title: 'Record the deployment and sign-off in the tracking issue',
            section: 'Post-Deployment Documentation'
        }, outcome.ok
            ? { status: 'pass', message: outcome.message }
            : { status: 'fail', message: outcome.message }, Date.now() - started);
        info(progressLine(result));
        const verification = report.verification;
        report = { ...amendReport(report, [result]), verification };
        report.verification.verified = report.decision === 'go';
    }
    const reportPath = writeReport(report);
    const v = report.verification;
    setOutput(OUTPUT.decision, report.decision);
    setOutput(OUTPUT.verified, String(v.verified));
    setOutput(OUTPUT.rollbackDetected, String(v.rollbackDetected));
    setOutput(OUTPUT.duration, v.durationMs === undefined ? '' : String(Math.round(v.durationMs / 1000)));
    setOutput(OUTPUT.failedChecks, report.failedChecks.join(','));
    setOutput(OUTPUT.warnings, report.warnings.map(w => w.check).join(','));
    setOutput(OUTPUT.reason, oneLineReason(report));
    setOutput(OUTPUT.reportPath, reportPath);
    setOutput(OUTPUT.issueUrl, issueUrl ?? '');
    annotate(report);
    const { renderVerification } = await import('./verify-body-CZs1gol6.js');
    await summary
        .addRaw(`${renderMarkdown(report)}\n\n${renderVerification(report, { runUrl: context.runUrl, actor: process.env.GITHUB_ACTOR })}\n`, true)
        .write();
    if (v.verified) {
        info('Deployment verified.');
    }
    else {
        if (v.undoCommands.length > 0)
            info(`Roll back with:\n${v.undoCommands.join('\n')}`);
        setFailed(failureMessage('Deployment not verified.', report));
    }
}
async function run() {
    const started = new Date();
    try {
        const context = readRunContext();
        const inputs = readActionInputs(name => getInput(name), context);
        if (inputs.github.token)
            setSecret(inputs.github.token);
        if (inputs.preflight.healthToken)
            setSecret(inputs.preflight.healthToken);
        if (inputs.github.slackWebhookUrl)
            setSecret(inputs.github.slackWebhookUrl);
        maskKubeconfig(inputs.preflight.kubeconfig);
        if (inputs.mode === 'verify')
            return await verifyMode(inputs, context);
        const changes = await withLastGo(inputs.preflight.changes, inputs.github, context);
        let report = await runPreflight({ ...inputs.preflight, changes, workDir: process.env.RUNNER_TEMP || undefined, artifactsDir: kitDir() }, {
            onResult: result => info(progressLine(result)),
            onSecrets: secrets => secrets.forEach(s => setSecret(s))
        });
        // The issue first, so that the kit uploaded next holds the final report (only its own upload result
        // is missing from it); the issue links the run, whose page lists the kit.
        const issue = await recordInTrackingIssue(report, inputs.github, context);
        if (issue.result)
            info(progressLine(issue.result));
        for (const o of issue.overridden ?? []) {
            warning(`Tracking issue: "${o.text}" was ticked by hand but its check fails (${o.reason}); tick removed.`);
        }
        if (issue.result)
            report = amendReport(report, [issue.result]);
        // People's ticks as the issue holds them: the report, the summary and the kit then agree with it.
        if (issue.statuses)
            report = withChecklist(report, issue.statuses);
        const gate = manualItemsGate(report, inputs.github, issue);
        if (gate) {
            info(progressLine(gate));
            report = amendReport(report, [gate]);
        }
        const reportPath = writeReport(report);
        const kit = await saveRollbackKit(report, reportPath, inputs.github, context);
        if (kit.result) {
            info(progressLine(kit.result));
            if (kit.result.status === 'warn')
                warning(`${kit.result.message} ${kit.result.hint ?? ''}`.trim());
            report = amendReport(report, [kit.result]);
        }
        const slack = await announceInSlack(report, inputs.github, context, issue.url);
        if (slack) {
            info(progressLine(slack));
            if (slack.status === 'warn')
                warning(slack.message);
            report = amendReport(report, [slack]);
        }
        writeReport(report);
        setOutput(OUTPUT.decision, report.decision);
        setOutput(OUTPUT.failedChecks, report.failedChecks.join(','));
        setOutput(OUTPUT.warnings, report.warnings.map(w => w.check).join(','));
        setOutput(OUTPUT.reason, oneLineReason(report));
        setOutput(OUTPUT.reportPath, reportPath);
        setOutput(OUTPUT.revisions, JSON.stringify(report.rollback?.revisions ?? {}));
        setOutput(OUTPUT.configMapBackupPath, report.rollback?.configMapBackupPath ?? '');
        setOutput(OUTPUT.issueNumber, issue.number ? String(issue.number) : '');
        setOutput(OUTPUT.issueUrl, issue.url ?? '');
        setOutput(OUTPUT.bundleSource, report.bundle?.origin?.url ?? report.bundle?.path ?? '');
        annotate(report);
        await summary.addRaw(renderMarkdown(report) + githubNote(issue, kit), true).write();
        if (report.decision === 'go') {
            info(`Preflight decision: go${report.scope === 'bundle-only' ? ' (bundle only: offline run)' : ''}`);
        }
        else {
            setFailed(failureMessage('Preflight decision: no-go.', report));
        }
    }
    catch (error) {
        await failClosed(error, started);
    }
}
/** The mode as asked, read apart from the inputs (they may be what failed): only its own outputs are set. */
function requestedMode() {
    try {
        return getInput('mode').trim().toLowerCase() === 'verify' ? 'verify' : 'preflight';
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
    setOutput(OUTPUT.decision, 'no-go');
    if (mode === 'verify')
        setOutput(OUTPUT.verified, 'false');
    const usage = error instanceof UsageError;
    const report = reportOfFailure(usage
        ? {
            id: 'inputs',
            title: 'Read and validate the inputs',
            message: `invalid input: ${describeError(error)}`,
            hint: 'Fix the input (or the policy file) named above, then re-run the job.'
        }
        : {
            id: 'action',
            title: 'Run the action',
            message: `the action failed unexpectedly: ${describeError(error)}`,
            hint: 'This is a bug in vapora-preflight; please report it with this job log.'
        }, { mode, startedAt: started });
    try {
        setOutput(OUTPUT.reason, oneLineReason(report));
        setOutput(OUTPUT.failedChecks, report.failedChecks.join(','));
        setOutput(OUTPUT.reportPath, writeReport(report));
        await summary.addRaw(renderMarkdown(report), true).write();
    }
    catch (writeError) {
        // The decision output is already written; say why the rest could not be.
        warning(`could not write the report or the job summary: ${describeError(writeError)}`);
    }
    setFailed(`${usage ? 'Invalid input' : 'Preflight failed unexpectedly'}: ${describeError(error)}`);
}

export { run };

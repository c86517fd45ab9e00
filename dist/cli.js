#!/usr/bin/env node
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write('vapora-preflight needs Node.js >= 22.19 (found ' + process.versions.node + ').\n')
  process.exit(2)
}
import { writeFileSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { T as TOOL_NAME, D as DEFAULT_NAMESPACE, b as DEFAULT_EXPECTED_FILES_PATTERN, c as DEFAULT_CONFIGMAP, e as DEFAULT_DEPLOYMENTS, g as TOOL_VERSION, r as runPreflight } from './chunks/engine-Bi1L_nRs.js';
import { r as recordOf } from './chunks/preflight-record-CdWIb9A3.js';
import { U as UsageError, d as describeError } from './chunks/errors-aSDtUpQk.js';
import { p as progressLine, r as renderJson } from './chunks/json-MPZs6IsW.js';
import { r as renderMarkdown } from './chunks/markdown-BNOgeN-0.js';
import 'node:path';
import 'node:perf_hooks';
import 'node:os';
import 'process';
import 'buffer';
import 'node:zlib';
import './chunks/_commonjsHelpers-Bgu_3bK-.js';
import 'fs';
import 'path';
import 'zlib';
import 'crypto';
import 'node:http';
import 'node:https';
import 'node:child_process';
import 'node:tls';
import 'node:net';
import 'node:assert';
import 'node:stream';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:worker_threads';
import 'node:buffer';
import 'node:util/types';
import 'node:crypto';
import 'node:sqlite';
import 'node:stream/web';
import 'node:async_hooks';
import 'node:url';
import 'node:console';
import 'node:fs/promises';
import 'node:timers';
import 'node:dns';
import 'vm';
import 'events';
import 'net';
import 'stream';
import 'http';
import 'https';
import 'tty';
import 'util';
import 'os';
import 'dns';
import 'tls';
import 'url';
import './chunks/markdown-escape-BVM5DZO1.js';
import './chunks/render-YNUDw2XT.js';

/**
 * The CLI adapter: flags → the same options → the same engine → stdout and an exit code
 * (0 go, 1 no-go, 2 usage or internal error). Progress goes to stderr, one line per check.
 */
const EXIT = { go: 0, noGo: 1, error: 2 };
const HELP = `Usage: ${TOOL_NAME} --bundle PATH [options]
       ${TOOL_NAME} --artifact NAME --run-id N --repository OWNER/NAME [options]

Verifies a Vapora deployment bundle and the cluster it deploys to, and prints a go/no-go report.

Options:
  --bundle PATH           deployment-artifacts .zip or a directory holding its files
  --artifact NAME         or download the GitHub Actions artifact NAME (e.g. deployment-artifacts)
  --run-id N              ... uploaded by workflow run N
  --repository O/R        ... of repository O/R; the token comes from GITHUB_TOKEN (or GH_TOKEN),
                          needs actions: read; GITHUB_API_URL for GitHub Enterprise
  --commit SHA            check the deployed commit on --repository (token from GITHUB_TOKEN; needs
                          contents: read, pull-requests: read): head of the default branch or a tag on it
  --since SHA             ... and every commit since SHA (the last go) came through an approved PR
  --verify                after the deploy: success criteria instead of the preflight (exit 0 verified)
  --preflight-report FILE ... compared with this preflight's JSON report (--format json output, or the
                          kit's report.json): baseline, revisions, undo commands
  --ready-timeout D       ... how long pods may take to become Ready (default: 5m)
  --latency-factor N      ... p99 may be N × the baseline's, plus 25 ms (default: 2)
  --offline               bundle checks only; cluster/network checks are out of scope
                          (the decision then says it covers the bundle only)
  --format FORMAT         markdown (default) or json
  --output FILE           write the report to FILE instead of stdout
  --namespace NS          target namespace (default: ${DEFAULT_NAMESPACE})
  --expected-files LIST   files the bundle must hold; commas/newlines, braces expand
                          (default: ${DEFAULT_EXPECTED_FILES_PATTERN})
  --deployments LIST      Deployments deployment.yaml must hold (default: ${DEFAULT_DEPLOYMENTS.join(',')})
  --configmap NAME        ConfigMap configmap.yaml must hold (default: ${DEFAULT_CONFIGMAP})
  --kubeconfig PATH       kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster)
  --context NAME          kubeconfig context (default: its current context)
  --kubectl-version V     the kubectl the deploy uses, for the skew check (default: kubectl on PATH)
  --events-window D       how far back Warning events and restarts count (default: 1h)
  --capacity-threshold P  node CPU/memory share that counts as near capacity (default: 85%)
  --health-url URL        probe this health endpoint (token from VAPORA_HEALTH_TOKEN, never a flag)
  --api-urls LIST         API endpoints that must answer 200 (relative ones resolve against --health-url)
  --tls-endpoint H:P      check this endpoint's certificate (default port 443)
  --tls-ca FILE           extra CA certificate (PEM) trusted for --tls-endpoint
  --cert-min-days N       fewer days left on the certificate blocks (default: 14)
  --probe-count N         probes per endpoint (default: 5)
  --latency-threshold-ms N  a p95 above this blocks (default: not judged)
  --artifacts-dir DIR     where the rollback kit (ConfigMap backup) is written (default: a new temp dir)
  --quiet                 no progress lines on stderr
  --version               print the version
  --help                  print this help

Exit codes: 0 go, 1 no-go, 2 usage or internal error.`;
const processIO = {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text)
};
function parse(argv) {
    try {
        return parseArgs({
            args: argv,
            strict: true,
            allowPositionals: false,
            options: {
                bundle: { type: 'string' },
                artifact: { type: 'string' },
                'run-id': { type: 'string' },
                repository: { type: 'string' },
                commit: { type: 'string' },
                since: { type: 'string' },
                verify: { type: 'boolean', default: false },
                'preflight-report': { type: 'string' },
                'ready-timeout': { type: 'string' },
                'latency-factor': { type: 'string' },
                offline: { type: 'boolean', default: false },
                format: { type: 'string', default: 'markdown' },
                output: { type: 'string' },
                namespace: { type: 'string' },
                'expected-files': { type: 'string' },
                deployments: { type: 'string' },
                configmap: { type: 'string' },
                kubeconfig: { type: 'string' },
                context: { type: 'string' },
                'kubectl-version': { type: 'string' },
                'events-window': { type: 'string' },
                'capacity-threshold': { type: 'string' },
                'artifacts-dir': { type: 'string' },
                'health-url': { type: 'string' },
                'api-urls': { type: 'string' },
                'tls-endpoint': { type: 'string' },
                'tls-ca': { type: 'string' },
                'cert-min-days': { type: 'string' },
                'probe-count': { type: 'string' },
                'latency-threshold-ms': { type: 'string' },
                quiet: { type: 'boolean', default: false },
                version: { type: 'boolean', default: false },
                help: { type: 'boolean', short: 'h', default: false }
            }
        }).values;
    }
    catch (error) {
        throw new UsageError(describeError(error));
    }
}
/** The artifact to download, from --artifact/--run-id/--repository and the environment's token. */
function artifactSpec(flags) {
    if (!flags.artifact && !flags['run-id'] && (!flags.repository || flags.commit))
        return undefined;
    if (!flags.artifact || !flags['run-id'] || !flags.repository) {
        throw new UsageError('--artifact, --run-id and --repository go together: name the artifact, the workflow run that uploaded it and its repository.');
    }
    const runId = Number(flags['run-id']);
    return {
        name: flags.artifact,
        runId,
        repository: flags.repository,
        token: process.env.GITHUB_TOKEN || process.env.GH_TOKEN || undefined,
        apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
        serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com'
    };
}
/** The change checks: --commit on --repository, with --since as the last go. */
function changeSpec(flags) {
    if (!flags.commit) {
        if (flags.since)
            throw new UsageError('--since needs --commit (and --repository): the commits between them are checked.');
        return undefined;
    }
    if (!flags.repository)
        throw new UsageError('--commit needs --repository OWNER/NAME: the repository the commit is in.');
    const since = flags.since?.trim().toLowerCase();
    if (since !== undefined && !/^[0-9a-f]{40}$/.test(since)) {
        throw new UsageError(`--since: "${flags.since}" is not a full commit sha (40 hex digits).`);
    }
    return {
        token: process.env.GITHUB_TOKEN || process.env.GH_TOKEN || '',
        apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
        repository: flags.repository,
        commit: flags.commit,
        lastGo: since ? { sha: since, repository: flags.repository } : undefined,
        noRecordReason: 'no --since given (the last go to compare with)'
    };
}
/** --verify's inputs; the record comes from the preflight's JSON report. */
function verifyInput(flags) {
    const path = flags['preflight-report'];
    let record;
    if (path) {
        let report;
        try {
            report = JSON.parse(readFileSync(path, 'utf8'));
        }
        catch (error) {
            throw new UsageError(`--preflight-report: cannot read "${path}" as a JSON report (${describeError(error)}).`);
        }
        if (report?.version !== 1 || !Array.isArray(report.results)) {
            throw new UsageError(`--preflight-report: "${path}" is not a preflight JSON report (version 1).`);
        }
        record = recordOf(report);
    }
    return {
        record,
        recordProblem: record
            ? undefined
            : 'no --preflight-report given (the preflight JSON report to compare with)',
        readyTimeout: flags['ready-timeout'],
        latencyFactor: flags['latency-factor']
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
/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws. */
async function main(argv, io = processIO) {
    try {
        const flags = parse(argv);
        if (flags.help) {
            io.stdout(`${HELP}\n`);
            return EXIT.go;
        }
        if (flags.version) {
            io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`);
            return EXIT.go;
        }
        if (flags.format !== 'markdown' && flags.format !== 'json') {
            throw new UsageError(`--format: "${flags.format}" is not supported; use markdown or json.`);
        }
        const artifact = artifactSpec(flags);
        if (!flags.bundle && !artifact) {
            throw new UsageError('--bundle is required (the deployment-artifacts .zip or its directory), or --artifact with --run-id and --repository.');
        }
        // @actions/artifact logs through @actions/core, i.e. to stdout, where the report goes: send its lines
        // to stderr while the download runs.
        const restoreStdout = artifact && !flags.output && io === processIO ? stdoutToStderr() : undefined;
        const input = {
            bundlePath: flags.bundle,
            artifact: flags.bundle ? undefined : artifact,
            offline: flags.offline,
            namespace: flags.namespace,
            expectedFiles: flags['expected-files'],
            deployments: flags.deployments,
            configMap: flags.configmap,
            kubeconfigPath: flags.kubeconfig,
            context: flags.context,
            kubectlVersion: flags['kubectl-version'],
            eventsWindow: flags['events-window'],
            capacityThreshold: flags['capacity-threshold'],
            artifactsDir: flags['artifacts-dir'],
            healthUrl: flags['health-url'],
            healthToken: process.env.VAPORA_HEALTH_TOKEN || undefined,
            apiUrls: flags['api-urls'],
            tlsEndpoint: flags['tls-endpoint'],
            tlsCa: flags['tls-ca'] ? readTlsCa(flags['tls-ca']) : undefined,
            certMinDays: flags['cert-min-days'],
            probeCount: flags['probe-count'],
            latencyThresholdMs: flags['latency-threshold-ms'],
            changes: flags.verify ? undefined : changeSpec(flags)
        };
        const hooks = {
            onResult: flags.quiet ? undefined : (result) => io.stderr(`${progressLine(result)}\n`)
        };
        const report = await (flags.verify
            ? (await import('./chunks/verify-CgONzLpx.js')).runVerify({ ...input, verify: verifyInput(flags) }, hooks)
            : runPreflight(input, hooks)).finally(() => restoreStdout?.());
        const verification = flags.verify && flags.format !== 'json' && 'verification' in report
            ? `\n${(await import('./chunks/verify-body-BMgavUOf.js')).renderVerification(report, {})}\n`
            : '';
        const rendered = flags.format === 'json' ? renderJson(report) : `${renderMarkdown(report)}\n${verification}`;
        if (flags.output) {
            writeFileSync(flags.output, rendered);
        }
        else {
            io.stdout(rendered);
        }
        if (!flags.quiet) {
            const scope = report.scope === 'bundle-only' ? ' (bundle only: offline run)' : '';
            io.stderr(`decision: ${report.decision}${scope}${report.failedChecks.length ? ` — failed: ${report.failedChecks.join(', ')}` : ''}\n`);
        }
        return report.decision === 'go' ? EXIT.go : EXIT.noGo;
    }
    catch (error) {
        if (error instanceof UsageError) {
            io.stderr(`${TOOL_NAME}: ${error.message}\nRun ${TOOL_NAME} --help for usage.\n`);
        }
        else {
            io.stderr(`${TOOL_NAME}: internal error: ${describeError(error)}\n`);
        }
        return EXIT.error;
    }
}

/** Entry point of dist/cli.js (the `vapora-preflight` command). */
const code = await main(process.argv.slice(2));
// As in the action: nothing abandoned at a deadline may keep the process alive (stdout is flushed first).
process.stdout.write('', () => process.exit(code));

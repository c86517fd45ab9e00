'use strict';

/**
 * The Vapora names, in one place: the option table (option-table.ts) gives them as defaults, the checks
 * know the bundle's files by them.
 */
const DEFAULT_NAMESPACE = 'vapora';
const DEFAULT_DEPLOYMENTS = ['vapora-backend', 'vapora-agents', 'vapora-llm-router'];
const DEFAULT_CONFIGMAP = 'vapora-config';
/** The artifact the earlier CI job uploads the bundle as. */
const DEFAULT_ARTIFACT_NAME = 'deployment-artifacts';
/** The seed checklist's "Should contain" list, as a pattern list (braces expand). */
const DEFAULT_EXPECTED_FILES_PATTERN = 'configmap.yaml, deployment.yaml, docker-compose.yml, vapora-{solo,multiuser,enterprise}.{toml,yaml,json}';
/** Bundle files with these roles, by name. */
const CONFIGMAP_FILE = 'configmap.yaml';
const DEPLOYMENT_FILE = 'deployment.yaml';
const COMPOSE_FILE = 'docker-compose.yml';

/**
 * Every option, declared once: its action input, its CLI flag, the environment variable the CLI reads a
 * secret from, its default (written as a user would write it, and parsed the same way), the modes it
 * serves and its one-line help. The CLI's flags and `--help` are generated from it; the action reads its
 * inputs by these names; a test holds action.yml and the README's tables to it.
 */
const VERIFY_ONLY = ['verify'];
const PREFLIGHT_ONLY = ['preflight'];
const OPTIONS = {
    // Bundle
    bundlePath: {
        name: 'bundle-path',
        type: 'path',
        flag: 'bundle',
        arg: 'PATH',
        group: 'Bundle',
        help: 'deployment-artifacts .zip or a directory holding its files',
        field: 'bundlePath'
    },
    artifactName: {
        name: 'artifact-name',
        type: 'string',
        flag: 'artifact',
        arg: 'NAME',
        default: DEFAULT_ARTIFACT_NAME,
        group: 'Bundle',
        help: 'or download the GitHub Actions artifact NAME (with run-id and repository)'
    },
    runId: {
        name: 'run-id',
        type: 'number',
        arg: 'N',
        group: 'Bundle',
        help: '... uploaded by workflow run N'
    },
    repository: {
        name: 'repository',
        type: 'string',
        arg: 'O/R',
        group: 'Bundle',
        help: '... of repository O/R (token from GITHUB_TOKEN: actions: read); also the --commit and tracking issue repository'
    },
    expectedFiles: {
        name: 'expected-files',
        type: 'list',
        arg: 'LIST',
        default: DEFAULT_EXPECTED_FILES_PATTERN,
        group: 'Bundle',
        help: 'files the bundle must hold; commas or newlines, braces expand',
        field: 'expectedFiles'
    },
    deployments: {
        name: 'deployments',
        type: 'list',
        arg: 'LIST',
        default: DEFAULT_DEPLOYMENTS.join(', '),
        group: 'Bundle',
        help: 'Deployments deployment.yaml must hold',
        field: 'deployments'
    },
    configMap: {
        name: 'configmap',
        type: 'string',
        arg: 'NAME',
        default: DEFAULT_CONFIGMAP,
        group: 'Bundle',
        help: 'ConfigMap configmap.yaml must hold',
        field: 'configMap'
    },
    offline: {
        name: 'offline',
        type: 'boolean',
        default: 'false',
        group: 'Bundle',
        help: 'bundle checks only: cluster and network checks out of scope (the decision says so)',
        modes: PREFLIGHT_ONLY
    },
    // Cluster
    kubeconfig: {
        name: 'kubeconfig',
        type: 'string',
        flag: false,
        secret: true,
        group: 'Cluster',
        help: 'kubeconfig content (raw YAML or base64); masked',
        field: 'kubeconfig'
    },
    kubeconfigPath: {
        name: 'kubeconfig-path',
        type: 'path',
        input: false,
        flag: 'kubeconfig',
        arg: 'PATH',
        group: 'Cluster',
        help: 'kubeconfig file (default: KUBECONFIG, ~/.kube/config, the in-cluster service account)',
        field: 'kubeconfigPath'
    },
    context: {
        name: 'context',
        type: 'string',
        arg: 'NAME',
        group: 'Cluster',
        help: 'kubeconfig context (default: its current context)',
        field: 'context'
    },
    namespace: {
        name: 'namespace',
        type: 'string',
        arg: 'NS',
        default: DEFAULT_NAMESPACE,
        group: 'Cluster',
        help: 'target namespace; namespaced manifests must agree with it',
        field: 'namespace'
    },
    kubectlVersion: {
        name: 'kubectl-version',
        type: 'string',
        arg: 'V',
        group: 'Cluster',
        help: 'the kubectl the deploy uses, for the skew check (default: the one on PATH)',
        field: 'kubectlVersion',
        modes: PREFLIGHT_ONLY
    },
    eventsWindow: {
        name: 'events-window',
        type: 'duration',
        arg: 'D',
        default: '1h',
        group: 'Cluster',
        help: 'how far back Warning events and restarts count',
        field: 'eventsWindow',
        modes: PREFLIGHT_ONLY
    },
    capacityThreshold: {
        name: 'capacity-threshold',
        type: 'number',
        arg: 'P',
        default: '85%',
        group: 'Cluster',
        help: 'node CPU/memory share that counts as near capacity',
        field: 'capacityThreshold',
        modes: PREFLIGHT_ONLY
    },
    artifactsDir: {
        name: 'artifacts-dir',
        type: 'path',
        input: false,
        arg: 'DIR',
        group: 'Cluster',
        help: 'where the rollback kit (ConfigMap backup) is written (default: a new temp dir)',
        field: 'artifactsDir'
    },
    // Endpoints
    healthUrl: {
        name: 'health-url',
        type: 'url',
        arg: 'URL',
        group: 'Endpoints',
        help: 'probe this health endpoint, probe-count times (token from VAPORA_HEALTH_TOKEN)',
        field: 'healthUrl'
    },
    healthToken: {
        name: 'health-token',
        type: 'string',
        flag: false,
        env: ['VAPORA_HEALTH_TOKEN'],
        secret: true,
        group: 'Endpoints',
        help: 'bearer token for --health-url and --api-urls; masked, never printed',
        field: 'healthToken'
    },
    apiUrls: {
        name: 'api-urls',
        type: 'list',
        arg: 'LIST',
        group: 'Endpoints',
        help: 'API endpoints that must answer 200 (relative ones to --health-url)',
        field: 'apiUrls'
    },
    tlsEndpoint: {
        name: 'tls-endpoint',
        type: 'string',
        arg: 'H:P',
        group: 'Endpoints',
        help: "check this endpoint's certificate (default port 443)",
        field: 'tlsEndpoint',
        modes: PREFLIGHT_ONLY
    },
    tlsCa: {
        name: 'tls-ca',
        type: 'string',
        flag: false,
        group: 'Endpoints',
        help: 'extra CA certificate (PEM) trusted for tls-endpoint',
        field: 'tlsCa',
        modes: PREFLIGHT_ONLY
    },
    tlsCaFile: {
        name: 'tls-ca-file',
        type: 'path',
        input: false,
        flag: 'tls-ca',
        arg: 'FILE',
        group: 'Endpoints',
        help: 'extra CA certificate (a PEM file) trusted for --tls-endpoint',
        modes: PREFLIGHT_ONLY
    },
    certMinDays: {
        name: 'cert-min-days',
        type: 'number',
        arg: 'N',
        default: '14',
        group: 'Endpoints',
        help: 'fewer days left on the certificate blocks',
        field: 'certMinDays',
        modes: PREFLIGHT_ONLY
    },
    probeCount: {
        name: 'probe-count',
        type: 'number',
        arg: 'N',
        default: '5',
        group: 'Endpoints',
        help: 'probes per endpoint; the latency percentiles come from these',
        field: 'probeCount'
    },
    probeTimeout: {
        name: 'probe-timeout',
        type: 'duration',
        arg: 'D',
        default: '10s',
        group: 'Endpoints',
        help: 'per probe: status and whole body within D, else it failed',
        field: 'probeTimeout'
    },
    endpointBudget: {
        name: 'endpoint-budget',
        type: 'duration',
        arg: 'D',
        default: '30s',
        group: 'Endpoints',
        help: 'per endpoint: all its probes within D, the rest not sent',
        field: 'endpointBudget'
    },
    latencyThresholdMs: {
        name: 'latency-threshold-ms',
        type: 'number',
        arg: 'N',
        group: 'Endpoints',
        help: 'a p95 above N ms blocks (default: measured, not judged)',
        field: 'latencyThresholdMs',
        modes: PREFLIGHT_ONLY
    },
    // Change checks
    checkChanges: {
        name: 'check-changes',
        type: 'boolean',
        default: 'true',
        flag: false,
        group: 'Change checks',
        help: 'check the deployed commit and the commits since the last go',
        modes: PREFLIGHT_ONLY
    },
    commit: {
        name: 'commit',
        type: 'string',
        arg: 'SHA',
        group: 'Change checks',
        help: 'the deployed commit of --repository: the head of its default branch or a tag on it',
        modes: PREFLIGHT_ONLY
    },
    since: {
        name: 'since',
        type: 'string',
        input: false,
        arg: 'SHA',
        group: 'Change checks',
        help: '... and every commit since SHA (the last go) came through an approved pull request',
        modes: PREFLIGHT_ONLY
    },
    // Policy, tracking issue and Slack
    policy: {
        name: 'policy',
        type: 'path',
        arg: 'FILE',
        group: 'Policy, tracking issue and Slack',
        help: 'policy file (YAML): checks blocking, warnings or off, thresholds, optional items',
        field: 'policy'
    },
    environment: {
        name: 'environment',
        type: 'string',
        arg: 'ENV',
        default: 'staging',
        group: 'Policy, tracking issue and Slack',
        help: 'the environment deployed to: policy rules and the tracking issue are per environment',
        field: 'environment'
    },
    requireManual: {
        name: 'require-manual',
        type: 'boolean',
        default: 'false',
        group: 'Policy, tracking issue and Slack',
        help: 'no-go until people ticked every required manual item (needs the tracking issue)',
        modes: PREFLIGHT_ONLY
    },
    githubToken: {
        name: 'github-token',
        type: 'string',
        flag: false,
        env: ['GITHUB_TOKEN', 'GH_TOKEN'],
        default: '${{ github.token }}',
        secret: true,
        group: 'Policy, tracking issue and Slack',
        help: 'token for the download from another run, the change checks and the tracking issue'
    },
    trackingIssue: {
        name: 'tracking-issue',
        type: 'boolean',
        default: 'true',
        cliDefault: 'false',
        group: 'Policy, tracking issue and Slack',
        help: 'open or update the tracking issue in --repository (token from GITHUB_TOKEN: issues: write)'
    },
    issueLabels: {
        name: 'issue-labels',
        type: 'list',
        arg: 'LIST',
        default: 'deployment,preflight',
        group: 'Policy, tracking issue and Slack',
        help: 'labels the tracking issue carries and is found by'
    },
    issueNumber: {
        name: 'issue-number',
        type: 'number',
        arg: 'N',
        group: 'Policy, tracking issue and Slack',
        help: 'update this open issue instead of finding the tracking issue'
    },
    issueKey: {
        name: 'issue-key',
        type: 'string',
        arg: 'KEY',
        group: 'Policy, tracking issue and Slack',
        help: 'what identifies the tracking issue (default: the environment)'
    },
    runUrl: {
        name: 'run-url',
        type: 'url',
        input: false,
        arg: 'URL',
        group: 'Policy, tracking issue and Slack',
        help: "this CI run's page, linked from the tracking issue and Slack (e.g. Woodpecker's CI_PIPELINE_URL)"
    },
    uploadRollbackKit: {
        name: 'upload-rollback-kit',
        type: 'boolean',
        default: 'true',
        flag: false,
        group: 'Policy, tracking issue and Slack',
        help: 'upload the JSON report and the ConfigMap backup as an artifact',
        modes: PREFLIGHT_ONLY
    },
    slackWebhookUrl: {
        name: 'slack-webhook-url',
        type: 'url',
        flag: false,
        env: ['VAPORA_SLACK_WEBHOOK_URL'],
        secret: true,
        group: 'Policy, tracking issue and Slack',
        help: 'a Slack incoming webhook that receives the decision; masked',
        modes: PREFLIGHT_ONLY
    },
    // Verify mode
    mode: {
        name: 'mode',
        type: 'string',
        default: 'preflight',
        flag: false,
        group: 'Verify mode (after the deploy)',
        help: 'preflight (before the deploy) or verify (after it)'
    },
    verify: {
        name: 'verify',
        type: 'boolean',
        input: false,
        group: 'Verify mode (after the deploy)',
        help: 'after the deploy: the success criteria instead of the preflight (exit 0: verified)'
    },
    preflightReport: {
        name: 'preflight-report',
        type: 'path',
        input: false,
        arg: 'FILE',
        group: 'Verify mode (after the deploy)',
        help: "the preflight's JSON report to compare with (its --format json output, or the kit's report.json)",
        modes: VERIFY_ONLY
    },
    readyTimeout: {
        name: 'ready-timeout',
        type: 'duration',
        arg: 'D',
        default: '5m',
        group: 'Verify mode (after the deploy)',
        help: 'how long every pod may take to become Ready',
        modes: VERIFY_ONLY
    },
    latencyFactor: {
        name: 'latency-factor',
        type: 'number',
        arg: 'N',
        default: '2',
        group: 'Verify mode (after the deploy)',
        help: "p99 after the deploy may be N × the baseline's, plus 25 ms",
        modes: VERIFY_ONLY
    },
    deployStartedAt: {
        name: 'deploy-started-at',
        type: 'string',
        arg: 'TIME',
        group: 'Verify mode (after the deploy)',
        help: "when the deploy started (ISO 8601); default: the preflight's end",
        modes: VERIFY_ONLY
    },
    closeOnSuccess: {
        name: 'close-on-success',
        type: 'boolean',
        default: 'false',
        group: 'Verify mode (after the deploy)',
        help: 'close the tracking issue when the deploy is verified',
        modes: VERIFY_ONLY
    },
    // Output (the CLI's)
    format: {
        name: 'format',
        type: 'string',
        input: false,
        arg: 'F',
        group: 'Output',
        help: 'text (the default on a terminal), markdown (the default otherwise) or json'
    },
    output: {
        name: 'output',
        type: 'path',
        input: false,
        arg: 'FILE',
        group: 'Output',
        help: 'write the report to FILE instead of stdout'
    },
    quiet: { name: 'quiet', type: 'boolean', input: false, group: 'Output', help: 'no progress on stderr' },
    version: { name: 'version', type: 'boolean', input: false, group: 'Output', help: 'print the version' },
    help: { name: 'help', type: 'boolean', input: false, group: 'Output', help: 'print this help' }
};
const specs = () => Object.entries(OPTIONS);
/** Whether an option is an action input (not one of the CLI's own). */
function isActionInput(key) {
    const spec = OPTIONS[key];
    return spec.input !== false;
}
/** Action input names by option key (`INPUT.configMap` is `configmap`): the action reads by these. */
const INPUT = Object.fromEntries(specs()
    .filter(([key]) => isActionInput(key))
    .map(([key, spec]) => [key, spec.name]));
/** The options that are CLI flags, with the flag's name. */
function cliFlags() {
    return specs()
        .filter(([, spec]) => spec.flag !== false)
        .map(([key, spec]) => ({ key, flag: typeof spec.flag === 'string' ? spec.flag : spec.name, spec }));
}
/** The default of an option, for the action (or the CLI, when it has its own). */
function defaultOf(key, adapter = 'action') {
    const spec = OPTIONS[key];
    return adapter === 'cli' && spec.cliDefault !== undefined ? spec.cliDefault : spec.default;
}

/**
 * Error types that cross module boundaries. Each message says what is wrong and how to fix it;
 * the cause (if any) is kept on `cause`.
 */
/** Invalid options or inputs: the user must change how the tool is called. CLI exit code 2. */
class UsageError extends Error {
    name = 'UsageError';
    /** False when the message says all there is to say (a path that does not exist): no "see --help". */
    help;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.help = options.help ?? true;
    }
}
/**
 * The bundle cannot be read safely (missing path, not a zip, unsafe entry, over a limit). Not a crash:
 * the engine turns it into a failing `bundle-unpack` result, so the decision is `no-go` with this message.
 */
class BundleError extends Error {
    name = 'BundleError';
    /** The offending archive entry or file, when there is one. */
    entry;
    hint;
    constructor(message, details = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.entry = details.entry;
        this.hint = details.hint;
    }
}
/** A one-line description of any thrown value, for messages. */
function describeError(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}

/** Kept equal to package.json's version by a unit test (bundles cannot read package.json at run time). */
const TOOL_NAME = 'vapora-preflight';
const TOOL_VERSION = '0.4.0';

exports.BundleError = BundleError;
exports.COMPOSE_FILE = COMPOSE_FILE;
exports.CONFIGMAP_FILE = CONFIGMAP_FILE;
exports.DEFAULT_NAMESPACE = DEFAULT_NAMESPACE;
exports.DEPLOYMENT_FILE = DEPLOYMENT_FILE;
exports.INPUT = INPUT;
exports.OPTIONS = OPTIONS;
exports.TOOL_NAME = TOOL_NAME;
exports.TOOL_VERSION = TOOL_VERSION;
exports.UsageError = UsageError;
exports.cliFlags = cliFlags;
exports.defaultOf = defaultOf;
exports.describeError = describeError;
exports.isActionInput = isActionInput;

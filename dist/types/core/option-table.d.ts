import type { RunMode } from './types.js';
export type OptionGroup = 'Bundle' | 'Cluster' | 'Endpoints' | 'Change checks' | 'Policy, tracking issue and Slack' | 'Verify mode (after the deploy)' | 'Output';
/** How a value is written: a switch, or text read as a list, a duration, a number, a path… */
export type OptionType = 'boolean' | 'string' | 'list' | 'duration' | 'number' | 'path' | 'url';
export interface OptionSpec {
    /** The action input's name (kebab-case); the CLI flag's too, unless `flag` says otherwise. */
    readonly name: string;
    readonly type: OptionType;
    readonly group: OptionGroup;
    /** One line for `--help`. */
    readonly help: string;
    /** The default as a user would write it (parsed the same way as theirs); absent: none. */
    readonly default?: string;
    /** The CLI's default, when it differs (a laptop run writes nothing to GitHub unless asked). */
    readonly cliDefault?: string;
    /** False: not an action input (the CLI's own). */
    readonly input?: boolean;
    /** The CLI flag, without `--`; false: none (secrets come from `env`: a flag shows up in `ps`). */
    readonly flag?: string | false;
    /** The flag's argument as `--help` shows it (PATH, N, D…); absent: a switch. */
    readonly arg?: string;
    /** Environment variables the CLI reads it from, first set wins. */
    readonly env?: readonly string[];
    /** Masked in the action's log; never a flag. */
    readonly secret?: boolean;
    /** The modes that use it; absent: both. */
    readonly modes?: readonly RunMode[];
    /**
     * The `PreflightInput` field it fills as it is (a string), for the generic part of both adapters
     * (options.ts's `fieldOf` holds these to the type: the table cannot import it without a cycle).
     */
    readonly field?: string;
}
export declare const OPTIONS: {
    readonly bundlePath: {
        readonly name: "bundle-path";
        readonly type: "path";
        readonly flag: "bundle";
        readonly arg: "PATH";
        readonly group: "Bundle";
        readonly help: "deployment-artifacts .zip or a directory holding its files";
        readonly field: "bundlePath";
    };
    readonly artifactName: {
        readonly name: "artifact-name";
        readonly type: "string";
        readonly flag: "artifact";
        readonly arg: "NAME";
        readonly default: "deployment-artifacts";
        readonly group: "Bundle";
        readonly help: "or download the GitHub Actions artifact NAME (with run-id and repository)";
    };
    readonly runId: {
        readonly name: "run-id";
        readonly type: "number";
        readonly arg: "N";
        readonly group: "Bundle";
        readonly help: "... uploaded by workflow run N";
    };
    readonly repository: {
        readonly name: "repository";
        readonly type: "string";
        readonly arg: "O/R";
        readonly group: "Bundle";
        readonly help: "... of repository O/R (token from GITHUB_TOKEN: actions: read); also the --commit and tracking issue repository";
    };
    readonly expectedFiles: {
        readonly name: "expected-files";
        readonly type: "list";
        readonly arg: "LIST";
        readonly default: "configmap.yaml, deployment.yaml, docker-compose.yml, vapora-{solo,multiuser,enterprise}.{toml,yaml,json}";
        readonly group: "Bundle";
        readonly help: "files the bundle must hold; commas or newlines, braces expand";
        readonly field: "expectedFiles";
    };
    readonly deployments: {
        readonly name: "deployments";
        readonly type: "list";
        readonly arg: "LIST";
        readonly default: string;
        readonly group: "Bundle";
        readonly help: "Deployments deployment.yaml must hold";
        readonly field: "deployments";
    };
    readonly configMap: {
        readonly name: "configmap";
        readonly type: "string";
        readonly arg: "NAME";
        readonly default: "vapora-config";
        readonly group: "Bundle";
        readonly help: "ConfigMap configmap.yaml must hold";
        readonly field: "configMap";
    };
    readonly offline: {
        readonly name: "offline";
        readonly type: "boolean";
        readonly default: "false";
        readonly group: "Bundle";
        readonly help: "bundle checks only: cluster and network checks out of scope (the decision says so)";
        readonly modes: readonly RunMode[];
    };
    readonly kubeconfig: {
        readonly name: "kubeconfig";
        readonly type: "string";
        readonly flag: false;
        readonly secret: true;
        readonly group: "Cluster";
        readonly help: "kubeconfig content (raw YAML or base64); masked";
        readonly field: "kubeconfig";
    };
    readonly kubeconfigPath: {
        readonly name: "kubeconfig-path";
        readonly type: "path";
        readonly input: false;
        readonly flag: "kubeconfig";
        readonly arg: "PATH";
        readonly group: "Cluster";
        readonly help: "kubeconfig file (default: KUBECONFIG, ~/.kube/config, the in-cluster service account)";
        readonly field: "kubeconfigPath";
    };
    readonly context: {
        readonly name: "context";
        readonly type: "string";
        readonly arg: "NAME";
        readonly group: "Cluster";
        readonly help: "kubeconfig context (default: its current context)";
        readonly field: "context";
    };
    readonly namespace: {
        readonly name: "namespace";
        readonly type: "string";
        readonly arg: "NS";
        readonly default: "vapora";
        readonly group: "Cluster";
        readonly help: "target namespace; namespaced manifests must agree with it";
        readonly field: "namespace";
    };
    readonly kubectlVersion: {
        readonly name: "kubectl-version";
        readonly type: "string";
        readonly arg: "V";
        readonly group: "Cluster";
        readonly help: "the kubectl the deploy uses, for the skew check (default: the one on PATH)";
        readonly field: "kubectlVersion";
        readonly modes: readonly RunMode[];
    };
    readonly eventsWindow: {
        readonly name: "events-window";
        readonly type: "duration";
        readonly arg: "D";
        readonly default: "1h";
        readonly group: "Cluster";
        readonly help: "how far back Warning events and restarts count";
        readonly field: "eventsWindow";
        readonly modes: readonly RunMode[];
    };
    readonly capacityThreshold: {
        readonly name: "capacity-threshold";
        readonly type: "number";
        readonly arg: "P";
        readonly default: "85%";
        readonly group: "Cluster";
        readonly help: "node CPU/memory share that counts as near capacity";
        readonly field: "capacityThreshold";
        readonly modes: readonly RunMode[];
    };
    readonly artifactsDir: {
        readonly name: "artifacts-dir";
        readonly type: "path";
        readonly input: false;
        readonly arg: "DIR";
        readonly group: "Cluster";
        readonly help: "where the rollback kit (ConfigMap backup) is written (default: a new temp dir)";
        readonly field: "artifactsDir";
    };
    readonly healthUrl: {
        readonly name: "health-url";
        readonly type: "url";
        readonly arg: "URL";
        readonly group: "Endpoints";
        readonly help: "probe this health endpoint, probe-count times (token from VAPORA_HEALTH_TOKEN)";
        readonly field: "healthUrl";
    };
    readonly healthToken: {
        readonly name: "health-token";
        readonly type: "string";
        readonly flag: false;
        readonly env: readonly ["VAPORA_HEALTH_TOKEN"];
        readonly secret: true;
        readonly group: "Endpoints";
        readonly help: "bearer token for --health-url and --api-urls; masked, never printed";
        readonly field: "healthToken";
    };
    readonly apiUrls: {
        readonly name: "api-urls";
        readonly type: "list";
        readonly arg: "LIST";
        readonly group: "Endpoints";
        readonly help: "API endpoints that must answer 200 (relative ones to --health-url)";
        readonly field: "apiUrls";
    };
    readonly tlsEndpoint: {
        readonly name: "tls-endpoint";
        readonly type: "string";
        readonly arg: "H:P";
        readonly group: "Endpoints";
        readonly help: "check this endpoint's certificate (default port 443)";
        readonly field: "tlsEndpoint";
        readonly modes: readonly RunMode[];
    };
    readonly tlsCa: {
        readonly name: "tls-ca";
        readonly type: "string";
        readonly flag: false;
        readonly group: "Endpoints";
        readonly help: "extra CA certificate (PEM) trusted for tls-endpoint";
        readonly field: "tlsCa";
        readonly modes: readonly RunMode[];
    };
    readonly tlsCaFile: {
        readonly name: "tls-ca-file";
        readonly type: "path";
        readonly input: false;
        readonly flag: "tls-ca";
        readonly arg: "FILE";
        readonly group: "Endpoints";
        readonly help: "extra CA certificate (a PEM file) trusted for --tls-endpoint";
        readonly modes: readonly RunMode[];
    };
    readonly certMinDays: {
        readonly name: "cert-min-days";
        readonly type: "number";
        readonly arg: "N";
        readonly default: "14";
        readonly group: "Endpoints";
        readonly help: "fewer days left on the certificate blocks";
        readonly field: "certMinDays";
        readonly modes: readonly RunMode[];
    };
    readonly probeCount: {
        readonly name: "probe-count";
        readonly type: "number";
        readonly arg: "N";
        readonly default: "5";
        readonly group: "Endpoints";
        readonly help: "probes per endpoint; the latency percentiles come from these";
        readonly field: "probeCount";
    };
    readonly probeTimeout: {
        readonly name: "probe-timeout";
        readonly type: "duration";
        readonly arg: "D";
        readonly default: "10s";
        readonly group: "Endpoints";
        readonly help: "per probe: status and whole body within D, else it failed";
        readonly field: "probeTimeout";
    };
    readonly endpointBudget: {
        readonly name: "endpoint-budget";
        readonly type: "duration";
        readonly arg: "D";
        readonly default: "30s";
        readonly group: "Endpoints";
        readonly help: "per endpoint: all its probes within D, the rest not sent";
        readonly field: "endpointBudget";
    };
    readonly latencyThresholdMs: {
        readonly name: "latency-threshold-ms";
        readonly type: "number";
        readonly arg: "N";
        readonly group: "Endpoints";
        readonly help: "a p95 above N ms blocks (default: measured, not judged)";
        readonly field: "latencyThresholdMs";
        readonly modes: readonly RunMode[];
    };
    readonly checkChanges: {
        readonly name: "check-changes";
        readonly type: "boolean";
        readonly default: "true";
        readonly flag: false;
        readonly group: "Change checks";
        readonly help: "check the deployed commit and the commits since the last go";
        readonly modes: readonly RunMode[];
    };
    readonly commit: {
        readonly name: "commit";
        readonly type: "string";
        readonly arg: "SHA";
        readonly group: "Change checks";
        readonly help: "the deployed commit of --repository: the head of its default branch or a tag on it";
        readonly modes: readonly RunMode[];
    };
    readonly since: {
        readonly name: "since";
        readonly type: "string";
        readonly input: false;
        readonly arg: "SHA";
        readonly group: "Change checks";
        readonly help: "... and every commit since SHA (the last go) came through an approved pull request";
        readonly modes: readonly RunMode[];
    };
    readonly policy: {
        readonly name: "policy";
        readonly type: "path";
        readonly arg: "FILE";
        readonly group: "Policy, tracking issue and Slack";
        readonly help: "policy file (YAML): checks blocking, warnings or off, thresholds, optional items";
        readonly field: "policy";
    };
    readonly environment: {
        readonly name: "environment";
        readonly type: "string";
        readonly arg: "ENV";
        readonly default: "staging";
        readonly group: "Policy, tracking issue and Slack";
        readonly help: "the environment deployed to: policy rules and the tracking issue are per environment";
        readonly field: "environment";
    };
    readonly requireManual: {
        readonly name: "require-manual";
        readonly type: "boolean";
        readonly default: "false";
        readonly group: "Policy, tracking issue and Slack";
        readonly help: "no-go until people ticked every required manual item (needs the tracking issue)";
        readonly modes: readonly RunMode[];
    };
    readonly githubToken: {
        readonly name: "github-token";
        readonly type: "string";
        readonly flag: false;
        readonly env: readonly ["GITHUB_TOKEN", "GH_TOKEN"];
        readonly default: "${{ github.token }}";
        readonly secret: true;
        readonly group: "Policy, tracking issue and Slack";
        readonly help: "token for the download from another run, the change checks and the tracking issue";
    };
    readonly trackingIssue: {
        readonly name: "tracking-issue";
        readonly type: "boolean";
        readonly default: "true";
        readonly cliDefault: "false";
        readonly group: "Policy, tracking issue and Slack";
        readonly help: "open or update the tracking issue in --repository (token from GITHUB_TOKEN: issues: write)";
    };
    readonly issueLabels: {
        readonly name: "issue-labels";
        readonly type: "list";
        readonly arg: "LIST";
        readonly default: "deployment,preflight";
        readonly group: "Policy, tracking issue and Slack";
        readonly help: "labels the tracking issue carries and is found by";
    };
    readonly issueNumber: {
        readonly name: "issue-number";
        readonly type: "number";
        readonly arg: "N";
        readonly group: "Policy, tracking issue and Slack";
        readonly help: "update this open issue instead of finding the tracking issue";
    };
    readonly issueKey: {
        readonly name: "issue-key";
        readonly type: "string";
        readonly arg: "KEY";
        readonly group: "Policy, tracking issue and Slack";
        readonly help: "what identifies the tracking issue (default: the environment)";
    };
    readonly runUrl: {
        readonly name: "run-url";
        readonly type: "url";
        readonly input: false;
        readonly arg: "URL";
        readonly group: "Policy, tracking issue and Slack";
        readonly help: "this CI run's page, linked from the tracking issue and Slack (e.g. Woodpecker's CI_PIPELINE_URL)";
    };
    readonly uploadRollbackKit: {
        readonly name: "upload-rollback-kit";
        readonly type: "boolean";
        readonly default: "true";
        readonly flag: false;
        readonly group: "Policy, tracking issue and Slack";
        readonly help: "upload the JSON report and the ConfigMap backup as an artifact";
        readonly modes: readonly RunMode[];
    };
    readonly slackWebhookUrl: {
        readonly name: "slack-webhook-url";
        readonly type: "url";
        readonly flag: false;
        readonly env: readonly ["VAPORA_SLACK_WEBHOOK_URL"];
        readonly secret: true;
        readonly group: "Policy, tracking issue and Slack";
        readonly help: "a Slack incoming webhook that receives the decision; masked";
        readonly modes: readonly RunMode[];
    };
    readonly mode: {
        readonly name: "mode";
        readonly type: "string";
        readonly default: "preflight";
        readonly flag: false;
        readonly group: "Verify mode (after the deploy)";
        readonly help: "preflight (before the deploy) or verify (after it)";
    };
    readonly verify: {
        readonly name: "verify";
        readonly type: "boolean";
        readonly input: false;
        readonly group: "Verify mode (after the deploy)";
        readonly help: "after the deploy: the success criteria instead of the preflight (exit 0: verified)";
    };
    readonly preflightReport: {
        readonly name: "preflight-report";
        readonly type: "path";
        readonly input: false;
        readonly arg: "FILE";
        readonly group: "Verify mode (after the deploy)";
        readonly help: "the preflight's JSON report to compare with (its --format json output, or the kit's report.json)";
        readonly modes: readonly RunMode[];
    };
    readonly readyTimeout: {
        readonly name: "ready-timeout";
        readonly type: "duration";
        readonly arg: "D";
        readonly default: "5m";
        readonly group: "Verify mode (after the deploy)";
        readonly help: "how long every pod may take to become Ready";
        readonly modes: readonly RunMode[];
    };
    readonly latencyFactor: {
        readonly name: "latency-factor";
        readonly type: "number";
        readonly arg: "N";
        readonly default: "2";
        readonly group: "Verify mode (after the deploy)";
        readonly help: "p99 after the deploy may be N × the baseline's, plus 25 ms";
        readonly modes: readonly RunMode[];
    };
    readonly deployStartedAt: {
        readonly name: "deploy-started-at";
        readonly type: "string";
        readonly arg: "TIME";
        readonly group: "Verify mode (after the deploy)";
        readonly help: "when the deploy started (ISO 8601); default: the preflight's end";
        readonly modes: readonly RunMode[];
    };
    readonly closeOnSuccess: {
        readonly name: "close-on-success";
        readonly type: "boolean";
        readonly default: "false";
        readonly group: "Verify mode (after the deploy)";
        readonly help: "close the tracking issue when the deploy is verified";
        readonly modes: readonly RunMode[];
    };
    readonly format: {
        readonly name: "format";
        readonly type: "string";
        readonly input: false;
        readonly arg: "F";
        readonly group: "Output";
        readonly help: "text (the default on a terminal), markdown (the default otherwise) or json";
    };
    readonly output: {
        readonly name: "output";
        readonly type: "path";
        readonly input: false;
        readonly arg: "FILE";
        readonly group: "Output";
        readonly help: "write the report to FILE instead of stdout";
    };
    readonly quiet: {
        readonly name: "quiet";
        readonly type: "boolean";
        readonly input: false;
        readonly group: "Output";
        readonly help: "no progress on stderr";
    };
    readonly version: {
        readonly name: "version";
        readonly type: "boolean";
        readonly input: false;
        readonly group: "Output";
        readonly help: "print the version";
    };
    readonly help: {
        readonly name: "help";
        readonly type: "boolean";
        readonly input: false;
        readonly group: "Output";
        readonly help: "print this help";
    };
};
export type OptionKey = keyof typeof OPTIONS;
/** The keys of the options that are action inputs. */
export type InputKey = {
    [K in OptionKey]: (typeof OPTIONS)[K] extends {
        readonly input: false;
    } ? never : K;
}[OptionKey];
/** Whether an option is an action input (not one of the CLI's own). */
export declare function isActionInput(key: OptionKey): key is InputKey;
/** The options that are action inputs, in table order. */
export declare function actionInputs(): OptionSpec[];
/** Action input names by option key (`INPUT.configMap` is `configmap`): the action reads by these. */
export declare const INPUT: { readonly [K in InputKey]: (typeof OPTIONS)[K]["name"]; };
/** The options that are CLI flags, with the flag's name. */
export declare function cliFlags(): Array<{
    key: OptionKey;
    flag: string;
    spec: OptionSpec;
}>;
/** The default of an option, for the action (or the CLI, when it has its own). */
export declare function defaultOf(key: OptionKey, adapter?: 'action' | 'cli'): string | undefined;

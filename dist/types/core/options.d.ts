import { type BundleLimits } from '../bundle/limits.js';
import { OPTIONS, type OptionKey } from './option-table.js';
import { type Policy } from './policy-file.js';
import type { PreflightRecord } from './types.js';
/** Which kubeconfig to use: content given as an input, a file, or the defaults (KUBECONFIG, ~/.kube/config, in-cluster). */
export type KubeconfigSource = {
    kind: 'content';
    content: string;
} | {
    kind: 'path';
    path: string;
} | {
    kind: 'default';
};
/** The GitHub Actions artifact to download the bundle from. */
export interface ArtifactSpec {
    name: string;
    /** The workflow run that uploaded it; undefined = this run (through the Actions runtime). */
    runId?: number;
    /** owner/name; undefined = this repository. */
    repository?: string;
    /** Needs `actions: read` on `repository` for another run. */
    token?: string;
    /** The run's context: REST base URL, web URL, this repository and run. */
    apiUrl: string;
    serverUrl: string;
    currentRepository?: string;
    currentRunId?: number;
}
/** A validated, complete set of options. */
export interface PreflightOptions {
    /**
     * A deployment-artifacts .zip or a directory holding its files; empty when `artifact` is set (the
     * downloaded zip is used then).
     */
    bundlePath: string;
    /** Download the bundle from a GitHub Actions artifact instead of reading `bundlePath`. */
    artifact?: ArtifactSpec;
    /** File names the bundle must contain (relative to its root). */
    expectedFiles: string[];
    /** The namespace the bundle deploys to; namespaced manifests must agree with it. */
    namespace: string;
    /** Deployments that `deployment.yaml` must hold (and, later, that the cluster checks inspect). */
    deployments: string[];
    /** The ConfigMap that `configmap.yaml` must hold (and, later, that is backed up). */
    configMap: string;
    /**
     * Declares cluster and network checks out of scope: they are reported as skipped, do not block, and the
     * report says the decision covers the bundle only.
     */
    offline: boolean;
    limits: BundleLimits;
    /** Where zips are extracted (a fresh sub-directory per run). */
    workDir: string;
    /** Which kubeconfig to use; `default` = KUBECONFIG, ~/.kube/config or in-cluster. */
    kubeconfig: KubeconfigSource;
    /** Context to switch to (default: the kubeconfig's current context). */
    context?: string;
    /** The kubectl version the deploy job will use (e.g. `v1.35.2`); undefined → detect `kubectl` on PATH. */
    kubectlVersion?: string;
    /** How far back Warning events count. */
    eventsWindowMs: number;
    /** Percent of allocatable CPU or memory above which a node counts as near capacity. */
    capacityThreshold: number;
    /** Where the rollback kit (ConfigMap backup) is written; undefined → a fresh temp dir. */
    artifactsDir?: string;
    /** Per-request timeout for API calls. */
    requestTimeoutMs: number;
    /** How long a kubeconfig exec credential plugin may take to print a credential (each run). */
    execTimeoutMs: number;
    /** How long the artifact download may take in all. */
    downloadTimeoutMs: number;
    /** The health endpoint, probed `probeCount` times (expects 200). */
    healthUrl?: URL;
    /** Sent as a bearer token to the health and API endpoints; a secret. */
    healthToken?: string;
    /** API endpoints that must answer 200 (relative ones resolved against `healthUrl`). */
    apiUrls: URL[];
    /** The TLS endpoint whose certificate is checked. */
    tlsEndpoint?: {
        host: string;
        port: number;
    };
    /** Extra CA certificates (PEM) to trust for the TLS check, e.g. a private CA. */
    tlsCa?: string;
    certMinDays: number;
    probeCount: number;
    /** Per probe: connect, status line, headers and the whole body within it, or the probe failed. */
    probeTimeoutMs: number;
    /** Per endpoint: all its `probeCount` probes within it; probes left when it is spent are not sent (failed). */
    endpointBudgetMs: number;
    /** A p95 above this blocks; undefined: latency is measured, not judged. */
    latencyThresholdMs?: number;
    /** The team's policy file, when one was given. */
    policy?: Policy;
    /** The environment deployed to (policy rules can be limited to some). */
    environment: string;
    /** Where the change checks look (the deployed commit's repository); undefined: they do not apply. */
    changes?: ChangeSpec;
    /** Set in verify mode (after the deploy). */
    verify?: VerifyOptions;
}
export interface VerifyOptions {
    /** What the preflight recorded in the tracking issue (baseline, revisions, undo commands). */
    record?: PreflightRecord;
    /** Why there is no record, for the checks that need it. */
    recordProblem?: string;
    readyTimeoutMs: number;
    /** p99 after the deploy may be this many times the baseline's. */
    latencyFactor: number;
    /** Warning events from then on count; also the deploy's start time in the record. */
    deployStartedAt?: Date;
}
/**
 * The change checks' inputs. The commit checked is `commit` when given, else the head commit of the run
 * that built a bundle downloaded from another run (that is the code deployed), else `runCommit`.
 */
export interface ChangeSpec {
    /** Needs `contents: read` and `pull-requests: read` on `repository`. A secret. */
    token: string;
    apiUrl: string;
    /** owner/name of the deployed code; a bundle downloaded from another repository's run wins. */
    repository: string;
    /** The commit deployed, as the user named it (a full sha). */
    commit?: string;
    /** The workflow's own commit (GITHUB_SHA). */
    runCommit?: string;
    /** The workflow's ref (GITHUB_REF): `refs/tags/v1.2.0` shows a tag deploy without listing tags. */
    ref?: string;
    /** The commit of the last run that reached go (read from the tracking issue), if any. */
    lastGo?: LastGo;
    /** Why the last go could not be read; the history check reports it rather than assume there is none. */
    lastGoProblem?: string;
    /** Why there is no record at all (e.g. tracking-issue: false), for the not-applicable message. */
    noRecordReason?: string;
}
export interface LastGo {
    sha: string;
    repository: string;
    /** When that run finished (ISO). */
    at?: string;
    runUrl?: string;
}
/** What a caller may pass: `bundlePath` or `artifact` is required; lists may be arrays or list strings. */
export interface PreflightInput {
    bundlePath?: string;
    artifact?: ArtifactSpec;
    expectedFiles?: string[] | string;
    namespace?: string;
    deployments?: string[] | string;
    configMap?: string;
    offline?: boolean;
    limits?: Partial<BundleLimits>;
    workDir?: string;
    /** Kubeconfig content (raw YAML or base64). Takes precedence over `kubeconfigPath`. */
    kubeconfig?: string;
    kubeconfigPath?: string;
    context?: string;
    kubectlVersion?: string;
    /** e.g. `1h`, `30m`, `90s`. */
    eventsWindow?: string;
    /** e.g. `85%` or 85. */
    capacityThreshold?: string | number;
    artifactsDir?: string;
    requestTimeoutMs?: number;
    /** How long a kubeconfig exec credential plugin may take (default 30 s). */
    execTimeoutMs?: number;
    /** Default 5 minutes. */
    downloadTimeoutMs?: number;
    healthUrl?: string;
    healthToken?: string;
    /** Newline or comma list; relative paths resolve against `healthUrl`. */
    apiUrls?: string[] | string;
    /** `host` or `host:port` (default port 443). */
    tlsEndpoint?: string;
    /** PEM certificates trusted in addition to Node's roots for the TLS check. */
    tlsCa?: string;
    certMinDays?: number | string;
    probeCount?: number | string;
    /** Per probe, e.g. `10s` (default) or `1500ms`. */
    probeTimeout?: string;
    /** Per endpoint, all its probes together, e.g. `30s` (default) or `2m`. */
    endpointBudget?: string;
    latencyThresholdMs?: number | string;
    /** Path of a policy file (YAML); its thresholds take precedence over the options above. */
    policy?: string;
    /** Default `staging`. */
    environment?: string;
    changes?: ChangeSpec;
    verify?: {
        record?: PreflightRecord;
        recordProblem?: string;
        /** e.g. `5m` (default). */
        readyTimeout?: string;
        /** Default 2. */
        latencyFactor?: number | string;
        /** ISO time; default: the preflight's end, from its record. */
        deployStartedAt?: string;
    };
}
/** The `PreflightInput` fields that options fill as they are, as the string the adapter read. */
type PlainField = Extract<(typeof OPTIONS)[OptionKey], {
    field: string;
}>['field'];
/** The plain part of `PreflightInput`; compiles only while every `field` of the table names one of its own. */
export type PlainInput = Pick<PreflightInput, PlainField>;
/** The `PreflightInput` field an option fills as it is, if any. */
export declare function fieldOf(key: OptionKey): PlainField | undefined;
/** What the steps after the checks do (tracking issue, manual gate, rollback kit, Slack, sign-off). */
export interface StepSettings {
    /** Empty only when nothing needs it (a bundle-path run with the tracking issue and the upload off). */
    token?: string;
    trackingIssue: boolean;
    environment: string;
    issueLabels: string[];
    issueNumber?: number;
    /** Identifies the tracking issue (hidden marker); defaults to the environment. */
    issueKey: string;
    uploadRollbackKit: boolean;
    /** No-go until people ticked every required manual item of the tracking issue. */
    requireManual: boolean;
    /** A Slack incoming webhook (a secret) that receives the decision. */
    slackWebhookUrl?: string;
    /** Verify mode: close the tracking issue when the deploy is verified. */
    closeOnSuccess: boolean;
}
/** The steps' settings as an adapter read them: switches as booleans, the rest as the text given. */
export interface StepInput {
    token?: string;
    trackingIssue?: boolean;
    environment?: string;
    issueLabels?: string;
    issueNumber?: string;
    issueKey?: string;
    uploadRollbackKit?: boolean;
    requireManual?: boolean;
    slackWebhookUrl?: string;
    closeOnSuccess?: boolean;
}
/** Validates and completes the steps' settings. Throws `UsageError` with a message that says how to fix it. */
export declare function resolveStepSettings(input: StepInput): StepSettings;
/**
 * Ids a policy may name: the checks the preflight's items name (a test holds them to the registry), and
 * `baseline` (the engine records it after them; only `off` changes it, since it never fails). The bundle download and unpack, the tracking issue and the kit upload are not
 * policy matters: without a bundle nothing is verified, and the GitHub steps have their own inputs.
 */
export declare const POLICY_IDS: readonly string[];
/** Validates and completes `input`. Throws `UsageError` with a message that says how to fix it. */
export declare function resolveOptions(given: PreflightInput): PreflightOptions;
export {};

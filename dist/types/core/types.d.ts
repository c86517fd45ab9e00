/**
 * The shared vocabulary of the engine: what a check returns, and what a run reports (the check itself
 * and the readers it sees the world through are in check.ts).
 * Nothing here does I/O.
 */
/** What a check found. `skip` and `error` mean "not verified": the policy decides whether that blocks. */
export type Status = 'pass' | 'warn' | 'fail' | 'skip' | 'error';
/** What a check needs from the outside world. Checks needing `cluster` or `network` are out of scope offline. */
export type Need = 'bundle' | 'cluster' | 'github' | 'network';
/**
 * Why a check was skipped. Only `offline` and `not-applicable` are harmless: any other skip of a check the
 * run was asked to do means the item was not verified, and the policy counts it as a failure (fail closed).
 */
export type SkipReason = 'offline' | 'not-applicable' | 'prerequisite-failed' | 'not-configured';
/** One located problem (a syntax error, a missing field…). Becomes an annotation when it has a file. */
export interface Finding {
    message: string;
    severity: 'error' | 'warning' | 'notice';
    /** Path relative to the bundle root, e.g. `deployment.yaml`. */
    file?: string;
    line?: number;
    column?: number;
    /** How to fix this one problem, when it differs from the check's `hint`; annotations carry it. */
    hint?: string;
}
/** The evidence a check returns. A check never decides go/no-go; the policy does (see policy.ts). */
export interface CheckOutcome {
    status: Status;
    /** One line a person can act on. */
    message: string;
    /** Further lines (one per problem or per compared object). */
    details?: string[];
    /** Located problems; the first one's position is also copied to `file`/`line`/`column`. */
    findings?: Finding[];
    /** How to fix it. */
    hint?: string;
    skipReason?: SkipReason;
    /**
     * Why this check did not run, or could not judge: the id of the check that failed first (e.g.
     * `cluster-access`, `bundle-syntax`), or of a prerequisite that is missing and is not a check (e.g.
     * `preflight-record`). Reports lead with the root cause and count what it blocked.
     */
    blockedBy?: string;
    /** Structured data for reports and later runs (e.g. revisions); must never hold secrets. */
    data?: object;
}
/** A check's outcome as reported: identity, timing and the policy's verdict added. */
export interface CheckResult extends CheckOutcome {
    id: string;
    title: string;
    /** The checklist section the check belongs to, e.g. "2 Hours Before Deployment › Artifact Preparation". */
    section: string;
    /** True when this result keeps the decision at `no-go`. Set by the policy, never by the check. */
    blocking: boolean;
    file?: string;
    line?: number;
    column?: number;
    durationMs: number;
}
export type Decision = 'go' | 'no-go';
/** One check's message, as the decision cites it. */
export interface Reason {
    /** The check (or missing prerequisite) it is about; null for a reason that is no check's (nothing ran). */
    check: string | null;
    message: string;
}
/**
 * One cause of a no-go with what it kept from running. A failure nothing else explains is its own root
 * cause with `blocks: []`; no kubeconfig is one root cause that blocks a dozen cluster checks.
 */
export interface RootCause {
    /** A check of this run, or a prerequisite that is no check (`preflight-record`): see `prerequisite`. */
    check: string;
    /** True when `check` names a missing prerequisite, not a check of this run. */
    prerequisite: boolean;
    message: string;
    hint?: string;
    /** The blocking checks that did not run (or could not judge) because of it, in report order. */
    blocks: string[];
}
/** How many results have each status. */
export type StatusCounts = Record<Status, number>;
/** The policy's verdict. */
export interface Verdict {
    decision: Decision;
    /** Ids of every result that blocks, in report order (root causes and what they blocked alike). */
    failedChecks: string[];
    /** Results with status `warn`, with their messages. */
    warnings: Reason[];
    /** Why no-go: one entry per root cause (its message counts what it blocked); empty on go. */
    reasons: Reason[];
    /** The causes of a no-go, each with the checks it kept from running. */
    rootCauses: RootCause[];
    counts: StatusCounts;
    /** `bundle-only` when cluster/network checks were declared out of scope (offline). */
    scope: 'full' | 'bundle-only';
}
/** The GitHub Actions artifact a bundle was downloaded from. */
export interface ArtifactOrigin {
    name: string;
    artifactId: number;
    repository: string;
    runId: number;
    /** The artifact's page, e.g. https://github.com/o/r/actions/runs/7/artifacts/42: run and id in one link. */
    url: string;
    runUrl: string;
    sizeBytes?: number;
    /** `sha256:<hex>` as GitHub published it, when it did. */
    digest?: string;
    /** The commit the uploading run built (what is deployed), when GitHub said. */
    headSha?: string;
}
/** Where the bundle came from, for the report and (later) the tracking issue. */
export interface BundleSource {
    kind: 'zip' | 'directory';
    /** The path the user gave, or the artifact's URL when it was downloaded. */
    path: string;
    /** The GitHub artifact it was downloaded from (run, id, digest), when it was. */
    origin?: ArtifactOrigin;
    /** The folder the files were read from (a temp dir for zips). */
    root?: string;
    files?: string[];
}
/** The JSON report's version: 2 has `reasons`/`warnings` as `{check, message}`, `rootCauses`, `blockedBy`. */
export declare const REPORT_VERSION = 2;
/** The whole result of a run. Serialised as the JSON report (see report/json.ts and schema/). */
export interface Report extends Verdict {
    version: typeof REPORT_VERSION;
    tool: {
        name: string;
        version: string;
    };
    startedAt: string;
    finishedAt: string;
    durationMs: number;
    namespace: string;
    bundle?: BundleSource;
    /** The cluster the run checked (server URL, version); absent offline. */
    cluster?: {
        server: string;
        version?: string;
    };
    /** The rollback kit: revisions to return to, the commands, and where the ConfigMap backup is. */
    rollback?: RollbackKit;
    /** What was measured before the deploy (latency, restarts, node usage). */
    baseline?: Baseline;
    /** The policy file in force, if any, and the checklist items it makes optional for the manual gate. */
    policy?: {
        path: string;
        optionalItems: string[];
    };
    /** `preflight` (before the deploy) or `verify` (after it). */
    mode: RunMode;
    results: CheckResult[];
    /** The checklist's state after this run: which items are ticked, by the tool or by people. */
    checklist: ChecklistState;
    timings: {
        totalMs: number;
        bundleMs: number;
        checksMs: number;
    };
}
export type RunMode = 'preflight' | 'verify';
/** One checklist item as a run leaves it. */
export interface ChecklistItemState {
    /** Stable key, e.g. `t-2h.verify-artifact-contents` (also the hidden marker in the tracking issue). */
    id: string;
    /** The seed's wording, as Markdown (commands in backticks). */
    text: string;
    section: string;
    group: string;
    /** Which run checks it: the preflight (before the deploy) or verify mode (after it). */
    phase: RunMode;
    /** Checked by this tool (else only a person can tick it). */
    automated: boolean;
    optional: boolean;
    state: 'passed' | 'warning' | 'failed' | 'skipped' | 'not-run' | 'manual';
    ticked: boolean;
    tickedBy?: 'tool' | 'person';
}
/** The checklist's state, with the counts a person reads first ("12 of 40 done, 25 left for people"). */
export interface ChecklistState {
    items: ChecklistItemState[];
    /** Over the items of the run's own phase. */
    counts: {
        items: number;
        ticked: number;
        tickedByTool: number;
        tickedByPeople: number;
        /** Automated items this run could not tick (failed, blocked, out of scope). */
        notTickedByTool: number;
        /** Unticked items only people can tick (manual, or automated but not checked in this setup). */
        leftForPeople: number;
    };
}
/** Numbers measured before the deploy, for the comparison after it. */
export interface Baseline {
    endpoints: Array<{
        url: string;
        p50Ms: number;
        p95Ms: number;
        /** Absent in records written before 0.4. */
        p99Ms?: number;
        errors: number;
        probes: number;
    }>;
    /** Pod name → restart count now. */
    podRestarts?: Record<string, number>;
    nodes?: Array<{
        name: string;
        cpuPct: number;
        memoryPct: number;
    }>;
    nodeUsageSource?: string;
    /** The latency threshold in force (p95, ms), when one was set: the report marks endpoints over it. */
    latencyThresholdMs?: number;
}
export interface RollbackKit {
    /** Deployment name → the highest revision before this deploy (what `undo --to-revision` returns to). */
    revisions: Record<string, number>;
    undoCommands: string[];
    configMapBackupPath?: string;
}
/** Verify mode's post-deployment record (the seed's "Post-Deployment Documentation"). */
export interface Verification {
    verified: boolean;
    rollbackDetected: boolean;
    /** When the deploy started: deploy-started-at, else the preflight's end. */
    startedAt?: string;
    /** When every pod was Ready (else when the verify gave up). */
    endedAt: string;
    durationMs?: number;
    before?: Baseline;
    after?: Baseline;
    /** The restart total now. */
    podRestarts?: number;
    undoCommands: string[];
    preflightRunUrl?: string;
}
/** A report of verify mode: the same shape, with the record. */
export interface VerifyReport extends Report {
    verification: Verification;
}
/**
 * What a preflight leaves in the tracking issue for the verify run after the deploy (see
 * report/preflight-record.ts, which writes and reads it).
 */
export interface PreflightRecord {
    v: 1;
    finishedAt: string;
    decision: Decision;
    namespace: string;
    /** Deployment → highest revision before the deploy. */
    revisions: Record<string, number>;
    /** Deployment → the ReplicaSets (templates) that existed before the deploy. */
    replicaSets: Record<string, string[]>;
    undoCommands: string[];
    baseline?: Baseline;
    runUrl?: string;
}

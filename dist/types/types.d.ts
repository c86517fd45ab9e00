/**
 * The shared vocabulary of the engine: what a check is, what it returns, and what a run reports.
 * Nothing here does I/O.
 */
import type { Bundle } from './bundle/bundle.js';
import type { ClusterSession } from './kube/session.js';
import type { ArtifactOrigin } from './github/artifact.js';
import type { PreflightOptions } from './options.js';
import type { ChangeTarget } from './checks/change-common.js';
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
    /** Structured data for reports and later runs (e.g. revisions); must never hold secrets. */
    data?: Record<string, unknown>;
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
/** Everything a check may read. Parsing is shared: `bundle.parsed(name)` parses each file once. */
export interface CheckContext {
    options: PreflightOptions;
    /** Undefined when the bundle could not be acquired; checks that need it are then not run. */
    bundle?: Bundle;
    /** The cluster, when one is configured and the run is not offline. */
    cluster?: ClusterSession;
    /** Why there is no cluster session (no kubeconfig, invalid kubeconfig…). */
    clusterProblem?: string;
    /** The deployed commit the change checks look at; undefined when they do not apply. */
    changes?: ChangeTarget | {
        problem: string;
    };
}
/** One verification step. Implementations live one per file in src/checks/. */
export interface Check {
    /** Stable, kebab-case; used in outputs, reports and the checklist mapping. */
    id: string;
    /** The wording a person recognises from the checklist. */
    title: string;
    section: string;
    needs: Need[];
    /** Optional: returns a reason when the check does not apply to this run (reported as a harmless skip). */
    notApplicable?(ctx: CheckContext): string | undefined;
    run(ctx: CheckContext): Promise<CheckOutcome>;
}
export type Decision = 'go' | 'no-go';
/** The policy's verdict. */
export interface Verdict {
    decision: Decision;
    /** Ids of results that block, in report order. */
    failedChecks: string[];
    /** Ids of results with status `warn`. */
    warnings: string[];
    /** One short sentence per blocking result, plus scope notes. */
    reasons: string[];
    /** `bundle-only` when cluster/network checks were declared out of scope (offline). */
    scope: 'full' | 'bundle-only';
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
/** The whole result of a run. Serialised as the JSON report (see report/json.ts). */
export interface Report {
    version: 1;
    tool: {
        name: string;
        version: string;
    };
    decision: Decision;
    scope: Verdict['scope'];
    reasons: string[];
    failedChecks: string[];
    warnings: string[];
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
    results: CheckResult[];
    timings: {
        totalMs: number;
        bundleMs: number;
        checksMs: number;
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
}
export interface RollbackKit {
    /** Deployment name → the highest revision before this deploy (what `undo --to-revision` returns to). */
    revisions: Record<string, number>;
    undoCommands: string[];
    configMapBackupPath?: string;
}

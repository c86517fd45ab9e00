import type { ChangeSpec } from './options.js';
import { type ResultSpec } from './results.js';
import type { PreflightOptions } from './options.js';
import { type ItemStatus } from '../checklist/state.js';
import { type ArtifactOrigin, type CheckOutcome, type CheckResult, type Report, type RunMode } from './types.js';
import type { ChangeReader, Check, ClusterConnection } from './check.js';
export interface RunHooks {
    /** Called as a check starts (for live progress). */
    onStart?: (check: Pick<Check, 'id' | 'title' | 'section'>) => void;
    /** Called as each result is known (for progress lines); results arrive in completion order. */
    onResult?: (result: CheckResult) => void;
    /** Replaces the built-in checks (tests, or callers adding their own). */
    checks?: readonly Check[];
    /** How many checks run at once (all by default: each reader bounds its own requests). */
    concurrency?: number;
    /** Called with every secret found in the kubeconfig, before anything is logged (adapters mask them). */
    onSecrets?: (secrets: string[]) => void;
    /** False: no `baseline` result (verify mode measures "after", not a baseline). report.baseline is kept. */
    baselineResult?: boolean;
    /** The phase the report is for (verify mode passes `verify`); default `preflight`. */
    mode?: RunMode;
}
/** A bundle downloaded for the run (the GitHub artifact): its outcome is the `artifact-download` result. */
export interface FetchedBundle {
    outcome: CheckOutcome;
    /** The downloaded zip (in a temp dir of its own, removed after the run); absent when it failed. */
    zipPath?: string;
    origin?: ArtifactOrigin;
}
/**
 * Where a run's evidence comes from. The engine imports no adapter: the composition root (src/preflight.ts)
 * wires Kubernetes and GitHub in, tests wire memory in. A source the run does not need is never called.
 */
export interface RunSources {
    /** Downloads the bundle named by `options.artifact` (not called when it is a path). */
    fetchBundle?: (options: PreflightOptions) => Promise<FetchedBundle>;
    /** Opens the cluster (not called offline); `onSecrets` receives credentials refreshed mid-run. */
    openCluster?: (options: PreflightOptions, onSecrets?: (secrets: string[]) => void) => Promise<ClusterConnection>;
    /** The change history's reader for a repository (opened on the change checks' first use). */
    openChanges?: (spec: ChangeSpec, repository: string) => Promise<ChangeReader>;
    /** The kubectl on PATH, asked by kubectl-version when the options give no kubectl-version. */
    localKubectl?: () => Promise<string | undefined>;
}
/** Turns a check's outcome into a result: identity, the policy's blocking verdict, position, timing. */
export declare function finish(check: Pick<Check, 'id' | 'title' | 'section'>, outcome: CheckOutcome, durationMs: number): CheckResult;
/**
 * Runs the checks on resolved options with the given sources and returns the report. Never throws for
 * what goes wrong with the bundle, the cluster or a check: each is a result, and the decision is then no-go.
 */
export declare function runChecks(options: PreflightOptions, sources: RunSources, hooks?: RunHooks): Promise<Report>;
/**
 * Adds results produced after the run (the tracking issue, the kit upload) and decides again: a step the
 * adapter was asked to do and could not do blocks like any check. Replaces results with the same id.
 */
export declare function amendReport<R extends Report>(report: R, extra: readonly CheckResult[]): R;
/** What could not run: the inputs (invalid), or the adapter itself (a crash, a module that failed to load). */
export interface RunFailure {
    /** `INPUTS` or `ACTION` (src/core/results.ts). */
    result: ResultSpec;
    message: string;
    hint?: string;
}
/**
 * The report of a run that could not start (an invalid input or policy file, a crash before the checks): one
 * blocking result, so that the decision, reason, failed checks, report and summary all still say why.
 */
export declare function reportOfFailure(failure: RunFailure, context?: {
    mode?: RunMode;
    namespace?: string;
    startedAt?: Date;
}): Report;
/** The report with the checklist as merged with the tracking issue (people's ticks included). */
export declare function withChecklist<R extends Report>(report: R, statuses: readonly ItemStatus[]): R;

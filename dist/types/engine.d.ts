import { type PreflightInput } from './options.js';
import type { Check, CheckOutcome, CheckResult, Report } from './types.js';
export interface RunHooks {
    /** Called as each result is known (for progress lines); results arrive in completion order. */
    onResult?: (result: CheckResult) => void;
    /** Replaces the built-in checks (tests, or callers adding their own). */
    checks?: readonly Check[];
    /** How many checks run at once. */
    concurrency?: number;
    /** Called with every secret found in the kubeconfig, before anything is logged (adapters mask them). */
    onSecrets?: (secrets: string[]) => void;
    /** False: no `baseline` result (verify mode measures "after", not a baseline). report.baseline is kept. */
    baselineResult?: boolean;
}
/** Turns a check's outcome into a result: identity, the policy's blocking verdict, position, timing. */
export declare function finish(check: Pick<Check, 'id' | 'title' | 'section'>, outcome: CheckOutcome, durationMs: number): CheckResult;
/**
 * Runs a preflight and returns its report. Throws only `UsageError` (invalid options); everything that
 * goes wrong with the bundle or a check is a result in the report, and the decision is then `no-go`.
 */
export declare function runPreflight(input: PreflightInput, hooks?: RunHooks): Promise<Report>;
/**
 * Adds results produced after the run (the tracking issue, the kit upload) and decides again: a step the
 * adapter was asked to do and could not do blocks like any check. Replaces results with the same id.
 */
export declare function amendReport(report: Report, extra: readonly CheckResult[]): Report;

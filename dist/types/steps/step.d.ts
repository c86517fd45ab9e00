import type { StepSettings } from '../core/options.js';
import type { ResultSpec } from '../core/results.js';
import type { OverriddenTick, ItemStatus } from '../checklist/state.js';
import type { CheckOutcome, CheckResult, Report } from '../core/types.js';
import type { RunContext } from '../github/context.js';
/** Where the run happens and what it was asked to do after the checks. */
export interface StepContext {
    settings: StepSettings;
    /** The repository, the API, this run's page (GitHub's runner, or what the CLI was told). */
    run: RunContext;
    /**
     * Identifies this run in the tracking issue (its comment, the lock): the Actions run and attempt, or
     * the CLI's own. A retry of the same run finds its comment instead of adding another.
     */
    runMarker?: string;
    /** Who runs it (GITHUB_ACTOR), named in the sign-off. */
    actor?: string;
    /** Writes the report where the run keeps it and returns the path (the kit uploads that file). */
    writeReport(report: Report): string;
}
/** What the steps found that the adapters show besides the report (links, removed ticks). */
export interface StepFacts {
    issue: {
        number?: number;
        url?: string;
        /** Ticks people set on automated items whose checks now fail: removed, and said so. */
        overridden?: OverriddenTick[];
        /** Every item as the tracking issue holds it after this run merged people's ticks. */
        statuses?: readonly ItemStatus[];
    };
    /** The rollback kit's artifact page. */
    kitUrl?: string;
}
export interface StepOutcome {
    result: CheckResult;
    /** People's ticks as the tracking issue holds them: the report takes them (summary and kit agree). */
    statuses?: readonly ItemStatus[];
    /** What the step learned, for the steps after it and for the adapter. */
    facts?: Partial<StepFacts>;
}
/** One step after the checks; `R` is the report it reads (verify's sign-off reads a verify report). */
export interface Step<R extends Report = Report> {
    readonly spec: ResultSpec;
    /** Undefined when the step was not asked for in this setup (no result at all). */
    run(report: R, context: StepContext, facts: StepFacts): Promise<StepOutcome | undefined>;
}
/** Runs `work` and makes its outcome the step's result, timed. */
export declare function timed(spec: ResultSpec, work: () => Promise<CheckOutcome>): Promise<CheckResult>;
/** The one way a step changes the report: its result (decided again), then people's ticks. */
export declare function amendWithStep<R extends Report>(report: R, outcome: StepOutcome): R;
/**
 * Runs the steps in order, each seeing the report as the ones before it left it. `onResult` hears each
 * step's result (the adapters log it).
 */
export declare function runSteps<R extends Report>(report: R, steps: ReadonlyArray<Step<R>>, context: StepContext, onResult?: (result: CheckResult) => void): Promise<{
    report: R;
    facts: StepFacts;
}>;

import type { Step } from './step.js';
import type { VerifyReport } from '../core/types.js';
/**
 * The preflight's: the issue first (the gate reads people's ticks from it), then the kit, which then holds
 * the final report but for its own upload, then Slack, which can link the issue.
 */
export declare const PREFLIGHT_STEPS: readonly Step[];
/** Verify mode's: the record and the sign-off in the tracking issue. */
export declare const VERIFY_STEPS: ReadonlyArray<Step<VerifyReport>>;
export { runSteps, type Step, type StepContext, type StepFacts } from './step.js';
export { withLastGo } from './tracking-issue.js';
export { preflightRecordFromIssue } from './sign-off.js';

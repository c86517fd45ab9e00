/** The steps after the checks, in the order they run; the action and the CLI run the same lists. */
import { manualGateStep } from './manual-gate.js'
import { rollbackKitStep } from './rollback-kit.js'
import { signOffStep } from './sign-off.js'
import { slackStep } from './slack.js'
import type { Step } from './step.js'
import { trackingIssueStep } from './tracking-issue.js'
import type { VerifyReport } from '../core/types.js'

/**
 * The preflight's: the issue first (the gate reads people's ticks from it), then the kit, which then holds
 * the final report but for its own upload, then Slack, which can link the issue.
 */
export const PREFLIGHT_STEPS: readonly Step[] = [
  trackingIssueStep,
  manualGateStep,
  rollbackKitStep,
  slackStep
]

/** Verify mode's: the record and the sign-off in the tracking issue. */
export const VERIFY_STEPS: ReadonlyArray<Step<VerifyReport>> = [signOffStep]

export { runSteps, type Step, type StepContext, type StepFacts } from './step.js'
export { withLastGo } from './tracking-issue.js'
export { preflightRecordFromIssue } from './sign-off.js'

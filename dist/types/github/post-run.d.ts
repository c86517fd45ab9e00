import type { OverriddenTick } from '../checklist/state.js';
import type { ItemStatus } from '../checklist/state.js';
import type { GitHubInputs } from '../inputs.js';
import type { CheckResult, Report } from '../types.js';
import type { RunContext } from './context.js';
/** Uploads the report and the ConfigMap backup, when asked to and the runtime allows it. */
export declare function saveRollbackKit(report: Report, reportPath: string, inputs: GitHubInputs, context: RunContext): Promise<{
    result?: CheckResult;
    url?: string;
}>;
/** Creates or updates the tracking issue; its body shows this step as done (it is, if anyone can read it). */
export declare function recordInTrackingIssue(report: Report, inputs: GitHubInputs, context: RunContext): Promise<{
    result?: CheckResult;
    number?: number;
    url?: string;
    overridden?: OverriddenTick[];
    statuses?: ItemStatus[];
}>;
/**
 * The manual-item gate: with `require-manual`, no-go until people ticked every required manual item
 * (read from the issue as this run merged it). Re-running the job after ticking turns it go.
 */
export declare function manualItemsGate(report: Report, inputs: GitHubInputs, issue: {
    url?: string;
    statuses?: ItemStatus[];
}): CheckResult | undefined;
/** Posts the final decision to Slack when a webhook is given; a failure warns (the gate stands). */
export declare function announceInSlack(report: Report, inputs: GitHubInputs, context: RunContext, issueUrl: string | undefined): Promise<CheckResult | undefined>;

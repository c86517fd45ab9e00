import type { CheckResult, Report } from '../core/types.js';
import type { ItemStatus } from '../checklist/state.js';
import type { Step } from './step.js';
/** What the gate leaves: the ids of the items still to tick. */
export interface ManualItemsData {
    unticked: string[];
}
/** The gate's result from the issue's items (none: there is no tracking issue for this run). */
export declare function manualItemsResult(report: Pick<Report, 'policy'>, issue: {
    url?: string;
    statuses?: readonly ItemStatus[];
}): CheckResult;
export declare const manualGateStep: Step;

/**
 * What a report shows row by row and what it folds into one counted line: checks a root cause kept from
 * running ("12 not run because of cluster-access"), checks out of scope offline, checks that do not apply.
 * Shared by the Markdown and terminal reports, so both count the same way.
 */
import type { CheckResult, Report } from '../core/types.js';
export interface Folded {
    /** Results shown one by one, in report order. */
    shown: CheckResult[];
    /** Blocking results that did not run because of a root cause (the cause itself is shown, or is no check). */
    blocked: Array<{
        cause: string;
        checks: string[];
    }>;
    /** Out of scope in an offline run. */
    offline: string[];
    /** Not applicable, grouped by why. */
    notApplicable: Array<{
        why: string;
        checks: string[];
    }>;
}
export declare function foldResults(report: Pick<Report, 'results' | 'rootCauses'>): Folded;

/**
 * "Check git log for unexpected commits" and "All provisioning changes merged and code reviewed": every
 * commit since the last preflight that reached go for this environment (recorded in the tracking issue)
 * must have reached the default branch through a merged pull request with an approving review. The seed
 * says to reschedule on "unexpected changes in code/configs", so a flagged commit blocks by default; a
 * policy can make it a warning.
 */
import type { Check } from '../types.js';
/** More commits than this since the last go are not verified one by one (and block: review them by hand). */
export declare const MAX_COMMITS = 250;
/** One commit as the report and the tracking issue list it. */
export interface ChangeCommit {
    sha: string;
    title: string;
    author: string;
    url: string;
    pull?: {
        number: number;
        url: string;
    };
    /** Undefined when the commit came through a merged, approved pull request. */
    flag?: string;
}
export declare const gitHistoryCheck: Check;

/**
 * Verify mode on GitHub: read the preflight's record from the tracking issue before the checks, then
 * write the outcome into it (success items, post-deployment record, sign-off), comment, and close it on
 * success when asked. Every write survives a blip (attemptWrite: wait, look, try again, bounded). Never
 * throws: failures are returned with a message naming the permission or counting the attempts.
 */
import { type PreflightRecord } from '../report/preflight-record.js';
import type { VerifyReport } from '../core/types.js';
import { type TrackingIssueOptions } from './tracking-issue.js';
type IssueTarget = Pick<TrackingIssueOptions, 'token' | 'apiUrl' | 'repository' | 'key' | 'labels' | 'issueNumber' | 'runUrl' | 'runMarker'>;
export declare function readPreflightRecord(options: IssueTarget): Promise<{
    record?: PreflightRecord;
    problem?: string;
    number?: number;
}>;
export interface VerifyIssueOutcome {
    ok: boolean;
    message: string;
    number?: number;
    url?: string;
    closed?: boolean;
}
export declare function recordVerification(report: VerifyReport, options: IssueTarget & {
    closeOnSuccess: boolean;
    actor?: string;
}): Promise<VerifyIssueOutcome>;
export {};

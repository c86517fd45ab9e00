import { type PreflightRecord } from '../report/preflight-record.js';
import type { VerifyReport } from '../types.js';
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

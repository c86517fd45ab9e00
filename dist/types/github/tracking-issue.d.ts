import type { Report } from '../types.js';
import { type IssueBody } from '../report/issue-body.js';
export interface TrackingIssueOptions {
    token: string;
    apiUrl: string;
    /** owner/name */
    repository: string;
    key: string;
    environment: string;
    labels: string[];
    /** Update this issue instead of looking one up. */
    issueNumber?: number;
    runUrl?: string;
    /** `runId/attempt`: one comment per run attempt, even if the step is retried. */
    runMarker?: string;
    fullReportUrl?: string;
    /** How long a run waits for another run's lock before taking it over. */
    lockTimeoutMs?: number;
}
export interface TrackingIssueOutcome {
    ok: boolean;
    message: string;
    hint?: string;
    number?: number;
    url?: string;
    created?: boolean;
    rendered?: IssueBody;
}
/** The lock label's name: short (labels hold 50 characters) and the same for every run of one key. */
export declare function lockLabel(key: string): string;
/**
 * Creates or updates the tracking issue and comments on it. Never throws: a failure is an outcome with
 * a message that names the missing permission or the wrong input.
 */
export declare function updateTrackingIssue(report: Report, options: TrackingIssueOptions): Promise<TrackingIssueOutcome>;

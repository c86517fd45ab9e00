/**
 * The tracking issue: one open issue per key (by default, the environment), found by its labels and a
 * hidden marker through the issues list API — never by title, never through search (whose index lags).
 * Created when there is none, updated otherwise, with one short comment per run.
 * Two runs at once must not create two issues: see issue-lock.ts. Every write survives a blip without
 * being resent as it was: see attemptWrite in octokit.ts.
 */
import type { Report } from '../core/types.js';
import { type ItemStatus } from '../checklist/state.js';
import { type IssueBody } from '../report/issue-body.js';
import { type GitHubClient } from './octokit.js';
import { type IssueLike } from './issue-lock.js';
import type { LastGo } from '../core/options.js';
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
    /**
     * The report as the body should show it once people's ticks are merged (the manual-item gate decides
     * from them); default: the report as given.
     */
    reportWithTicks?: (statuses: ItemStatus[]) => Report;
}
export interface TrackingIssueOutcome {
    ok: boolean;
    message: string;
    hint?: string;
    number?: number;
    url?: string;
    created?: boolean;
    rendered?: IssueBody;
    /** Set when the issue was written but the run's comment could not be added. */
    commentProblem?: string;
}
declare class TargetError extends Error {
}
/** The open tracking issue of the key (or `issueNumber`), read only; undefined when there is none. */
export declare function findTrackingIssue(github: GitHubClient, options: Pick<TrackingIssueOptions, 'repository' | 'key' | 'labels' | 'issueNumber'>): Promise<IssueLike | undefined>;
export { TargetError };
/**
 * The last go recorded in the tracking issue (read only, before the checks run: the change checks list
 * the commits since). No issue yet, or no go recorded in it, is `{}`; a failure to read is `problem`.
 */
export declare function findLastGo(options: Pick<TrackingIssueOptions, 'token' | 'apiUrl' | 'repository' | 'key' | 'labels' | 'issueNumber'>): Promise<{
    lastGo?: LastGo;
    problem?: string;
    issueNumber?: number;
}>;
/**
 * Appends the run's comment unless this run attempt already commented (the step was retried). A comment
 * that failed transiently may have been posted all the same: before posting again, it is looked for, by
 * the run's marker (or, without one, by its exact text).
 */
export declare function commentOnce(github: GitHubClient, options: Pick<TrackingIssueOptions, 'repository' | 'runMarker'>, issueNumber: number, text: string): Promise<void>;
/**
 * Reads the issue, merges, writes; on a rate limit or a 5xx, waits and starts again from the read, so a
 * tick made during the wait is merged rather than overwritten by a resent body.
 */
export declare function writeMerged(github: GitHubClient, options: Pick<TrackingIssueOptions, 'repository' | 'labels'>, issueNumber: number, render: (previousBody?: string) => IssueBody): Promise<IssueBody>;
/** Closes the issue; a close that failed transiently is looked for (the issue closed) before another. */
export declare function closeIssue(github: GitHubClient, repository: string, issueNumber: number, stateReason?: 'completed' | 'not_planned'): Promise<void>;
/** The one-line message of a failed GitHub step: the permission, the attempts, GitHub's own words. */
export declare function describeFailure(error: unknown, step: string): string;
/**
 * Creates or updates the tracking issue and comments on it. Never throws: a failure is an outcome with
 * a message that names the missing permission or the wrong input.
 */
export declare function updateTrackingIssue(report: Report, options: TrackingIssueOptions): Promise<TrackingIssueOutcome>;

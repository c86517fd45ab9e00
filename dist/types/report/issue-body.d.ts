/**
 * The tracking issue's body: a hidden identity marker, the decision, the checklist (with people's ticks
 * merged in), the rollback kit, what is changing and the results. Fits GitHub's 65,536-character limit by
 * dropping the least important sections first, with a visible note and a link to the full report.
 */
import { type MergedChecklist } from '../checklist/state.js';
import type { Report } from '../core/types.js';
/** GitHub refuses longer issue bodies (422 "body is too long"). */
export declare const ISSUE_BODY_LIMIT = 65536;
/** The hidden marker that identifies the tracking issue of one key (by default, the environment). */
export declare function issueKeyMarker(key: string): string;
export interface IssueBodyInput {
    report: Report;
    key: string;
    environment: string;
    /** This run's page (the job summary is there). */
    runUrl?: string;
    /** Where the full report can be read when the body is trimmed (the run, or the uploaded kit). */
    fullReportUrl?: string;
    /** The body as it is now on GitHub: its ticks are merged. */
    previousBody?: string;
}
export interface IssueBody {
    body: string;
    merged: MergedChecklist;
    /** Sections left out to fit the limit (empty when nothing was). */
    omitted: string[];
}
export declare function renderIssueBody(input: IssueBodyInput): IssueBody;

/**
 * Verify mode's tracking issue: before the checks, the preflight's record (baseline, revisions, undo
 * commands) read from it; after them, the success items, the post-deployment record and the sign-off
 * written into it, a comment, and the issue closed on success when asked.
 */
import type { PreflightRecord } from '../report/preflight-record.js';
import type { VerifyReport } from '../core/types.js';
import { type Step, type StepContext } from './step.js';
/** The preflight's record, from the tracking issue; or why there is none (the checks that need it say so). */
export declare function preflightRecordFromIssue(context: Pick<StepContext, 'settings' | 'run' | 'runMarker'>): Promise<{
    record?: PreflightRecord;
    problem?: string;
}>;
export declare const signOffStep: Step<VerifyReport>;

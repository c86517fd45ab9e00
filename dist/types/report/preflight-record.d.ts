/**
 * What a preflight leaves in the tracking issue for the verify run after the deploy: when it ran, the
 * revisions and ReplicaSets live then (to recognise a rollback), the undo commands, and the baseline.
 * Kept as base64 JSON in a hidden marker (no `-->` can end the comment early), read only from the tool's
 * part of the body.
 */
import type { Baseline, Decision, Report } from '../types.js';
export interface PreflightRecord {
    v: 1;
    finishedAt: string;
    decision: Decision;
    namespace: string;
    /** Deployment → highest revision before the deploy. */
    revisions: Record<string, number>;
    /** Deployment → the ReplicaSets (templates) that existed before the deploy. */
    replicaSets: Record<string, string[]>;
    undoCommands: string[];
    baseline?: Baseline;
    runUrl?: string;
}
export declare function recordOf(report: Report, runUrl?: string): PreflightRecord;
/** Beyond this the record would crowd the checklist out of the 65,536-character issue body. */
export declare const RECORD_LIMIT = 16000;
export declare function renderRecord(record: PreflightRecord): string;
/** The record in `body` (from `keyMarker` on), or undefined when there is none or it does not parse. */
export declare function readRecord(body: string, keyMarker?: string): PreflightRecord | undefined;

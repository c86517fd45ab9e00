import type { PreflightRecord, Report } from '../core/types.js';
export type { PreflightRecord };
export declare function recordOf(report: Report, runUrl?: string): PreflightRecord;
/** Beyond this the record would crowd the checklist out of the 65,536-character issue body. */
export declare const RECORD_LIMIT = 16000;
export declare function renderRecord(record: PreflightRecord): string;
/** The record in `body` (from `keyMarker` on), or undefined when there is none or it does not parse. */
export declare function readRecord(body: string, keyMarker?: string): PreflightRecord | undefined;

/** What a result is, before it has an outcome. */
export interface ResultSpec {
    id: string;
    title: string;
    section: string;
}
/**
 * A result placed in the checklist: `home` is an item key (which must name the id when any item does) or a
 * section key; absent, the result belongs to no section (the run itself: inputs, a crash).
 */
export declare function defineResult(spec: {
    id: string;
    title: string;
    home?: string;
}): ResultSpec;
export declare const ARTIFACT_DOWNLOAD: ResultSpec;
export declare const BUNDLE_UNPACK: ResultSpec;
/** The API server answered at the start and stopped during the run: one cause, not a dozen. */
export declare const API_SERVER: ResultSpec;
export declare const BASELINE: ResultSpec;
/** The verdict itself verifies "No critical issues found during testing". */
export declare const DECISION: ResultSpec;
export declare const TRACKING_ISSUE: ResultSpec;
export declare const ROLLBACK_KIT_UPLOAD: ResultSpec;
export declare const MANUAL_ITEMS: ResultSpec;
export declare const SLACK_WEBHOOK: ResultSpec;
export declare const VERIFY_METRICS: ResultSpec;
export declare const VERIFY_RECORD: ResultSpec;
/** Verify mode's tracking-issue step: the record and the sign-off, not the preflight's issue. */
export declare const SIGN_OFF: ResultSpec;
/** A run whose inputs (or policy file) are invalid: nothing was checked. */
export declare const INPUTS: ResultSpec;
/** A run that crashed, or whose code failed to load. */
export declare const ACTION: ResultSpec;
/** Every result of this file, for the registry's tests. */
export declare const RESULTS: readonly ResultSpec[];

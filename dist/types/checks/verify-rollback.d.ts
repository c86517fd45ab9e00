/** What verify-rollback leaves: whether a template from before the deploy runs again, and the revisions. */
export interface VerifyRollbackData {
    rollbackDetected: boolean;
    revisions: Record<string, number>;
}
export declare const VERIFY_ROLLBACK_DATA: import("../core/check-data.js").DataKey<VerifyRollbackData>;
export declare const verifyRollbackCheck: import("../core/check.js").Check;

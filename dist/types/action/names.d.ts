/**
 * The action's input names (from the option table) and its output names, the one place each is spelled:
 * action.yml must agree (a test checks).
 */
export { INPUT } from '../core/option-table.js';
export declare const OUTPUT: {
    readonly decision: "decision";
    readonly failedChecks: "failed-checks";
    readonly reportPath: "report-path";
    readonly revisions: "revisions";
    readonly configMapBackupPath: "configmap-backup-path";
    readonly issueNumber: "issue-number";
    readonly issueUrl: "issue-url";
    readonly bundleSource: "bundle-source";
    readonly warnings: "warnings";
    readonly reason: "reason";
    readonly verified: "verified";
    readonly rollbackDetected: "rollback-detected";
    readonly duration: "duration";
};

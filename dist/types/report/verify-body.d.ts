import type { VerifyReport } from '../core/types.js';
export declare function formatDuration(ms: number | undefined): string;
/** The post-deployment section (record, metrics, sign-off, and the rollback commands when not verified). */
export declare function renderVerification(report: VerifyReport, options: {
    runUrl?: string;
    actor?: string;
}): string;
/** `body` with the success items re-rendered from the verify run and the verify section replaced or added. */
export declare function applyVerification(body: string, report: VerifyReport, options: {
    runUrl?: string;
    actor?: string;
}): string;
/** The comment the verify run leaves. */
export declare function verifyComment(report: VerifyReport, runUrl?: string): string;

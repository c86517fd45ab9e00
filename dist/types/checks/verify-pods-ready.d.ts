/** What verify-pods-ready leaves: when every pod was Ready. */
export interface VerifyPodsReadyData {
    readyAt: string;
}
export declare const VERIFY_PODS_READY_DATA: import("../core/check-data.js").DataKey<VerifyPodsReadyData>;
export declare const verifyPodsReadyCheck: import("../core/check.js").Check;

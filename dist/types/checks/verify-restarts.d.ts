/** What verify-restarts leaves: restart counts now, per pod and in total. */
export interface VerifyRestartsData {
    podRestarts: Record<string, number>;
    total: number;
}
export declare const VERIFY_RESTARTS_DATA: import("../core/check-data.js").DataKey<VerifyRestartsData>;
export declare const verifyRestartsCheck: import("../core/check.js").Check;

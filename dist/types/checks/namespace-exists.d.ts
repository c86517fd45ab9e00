/** "kubectl get namespace vapora": the target namespace exists (or this bundle creates it). */
export declare const namespaceExistsCheck: import("../core/check.js").Check;

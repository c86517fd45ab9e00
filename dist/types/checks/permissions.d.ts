/**
 * "kubectl auth can-i": a SelfSubjectAccessReview for every verb and resource the deploy needs, derived from
 * the bundle's kinds (apply = get/create/patch/update), plus `patch deployments` for `kubectl rollout undo`.
 */
export declare const permissionsCheck: import("../core/check.js").Check;

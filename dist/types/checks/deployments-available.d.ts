import type { KubeObjectJson } from '../core/kube-object.js';
/** What `kubectl rollout status` would still be waiting for, or undefined when the rollout is complete. */
export declare function rolloutInProgress(d: KubeObjectJson): string | undefined;
/**
 * "kubectl get deployments -n vapora": each expected Deployment exists, is Available, and is not in the
 * middle of a rollout (deploying over one replaces a rollout whose outcome nobody has seen yet).
 */
export declare const deploymentsAvailableCheck: import("../core/check.js").Check;

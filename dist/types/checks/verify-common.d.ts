/**
 * What the verify checks (mode: verify, after the deploy) share: the bundle's Deployments and their
 * images, fresh reads of the live objects (never the session's cache: things move during a rollout), and
 * the preflight record they compare with.
 */
import type { KubeObjectJson } from '../core/kube-object.js';
import type { CheckOutcome } from '../core/types.js';
import type { CheckContext, ClusterReader } from '../core/check.js';
/** The prerequisite (no check of its own) that the comparisons need: what the preflight recorded. */
export declare const PREFLIGHT_RECORD = "preflight-record";
export interface BundleDeployment {
    name: string;
    /** Container name → image, as the bundle declares them. */
    images: Record<string, string>;
}
export declare function bundleDeployments(ctx: CheckContext): BundleDeployment[];
export declare const liveDeployments: (cluster: ClusterReader, ctx: CheckContext) => Promise<KubeObjectJson[]>;
export declare const liveReplicaSets: (cluster: ClusterReader, ctx: CheckContext) => Promise<KubeObjectJson[]>;
export declare const livePods: (cluster: ClusterReader, ctx: CheckContext) => Promise<KubeObjectJson[]>;
/** The ReplicaSet a Deployment runs now: owned by it, with the Deployment's own revision. */
export declare function currentReplicaSet(deployment: KubeObjectJson, replicaSets: readonly KubeObjectJson[]): KubeObjectJson | undefined;
/** Pods owned by a ReplicaSet. */
export declare function podsOf(replicaSet: KubeObjectJson, pods: readonly KubeObjectJson[]): KubeObjectJson[];
export declare const isReady: (pod: KubeObjectJson) => boolean;
/** The record a comparison needs, or the outcome saying it is missing (which blocks: not verified). */
export declare function needRecord(ctx: CheckContext): CheckOutcome | undefined;

/**
 * Rollout history computed the way kubectl does it: the ReplicaSets whose controller owner is the
 * Deployment, each carrying its revision in the `deployment.kubernetes.io/revision` annotation.
 */
import type { KubeObjectJson } from '../core/kube-object.js';
export declare const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export declare const CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";
export interface Revision {
    revision: number;
    replicaSet: string;
    images: string[];
    changeCause?: string;
    createdAt?: string;
}
export interface RolloutHistory {
    deployment: string;
    namespace: string;
    /** Revisions oldest first. */
    revisions: Revision[];
    /** The revision the Deployment runs now (its own revision annotation). */
    currentRevision?: number;
    highestRevision?: number;
    /** The command that brings the Deployment back to what runs now, after the deploy. */
    undoCommand?: string;
}
/** Builds the history of `deployment` from the namespace's ReplicaSets. */
export declare function rolloutHistory(deployment: KubeObjectJson, replicaSets: readonly KubeObjectJson[]): RolloutHistory;

import type { KubeObjectJson } from '../core/kube-object.js';
import type { CheckOutcome } from '../core/types.js';
import { type CheckContext, type ClusterReader, type ListRead } from '../core/check.js';
/**
 * The server-side filters the checks list with (field selectors the API server supports), one place each:
 * the server then sends only what a check reads.
 */
export declare const SELECT: {
    /** Warning events: Normal ones are most of a namespace's events and no check reads them. */
    readonly warningEvents: "type=Warning";
    /** Pods but the completed ones (Jobs), which pods-running does not judge. */
    readonly podsNotSucceeded: "status.phase!=Succeeded";
    /** Pods that hold a node's resources: bound to one and not finished (as `kubectl describe node` counts). */
    readonly podsOnNodes: "spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed";
    /** The same on one node (a node name has no comma or equals sign to escape). */
    readonly podsOnNode: (node: string) => string;
};
/** What a check that folds lists leaves in its data, beside its own: what each list cost (pages, objects). */
export interface ListReads {
    reads: ListRead[];
}
/** An API error as one line: the server's message, with who/what when the server said so. */
export declare function explainApiError(error: unknown): string;
/**
 * The session when the cluster is configured and answered `/version`; otherwise the outcome the check
 * should report (a blocking skip: the cluster was not verified). `cluster-access` reports the cause once.
 */
export declare function usableCluster(ctx: CheckContext): Promise<{
    session: ClusterReader;
} | {
    outcome: CheckOutcome;
}>;
export interface ManifestDoc {
    file: string;
    line: number;
    doc: KubeObjectJson;
}
/** A document of the manifests that is not sent to the server, and why. */
export interface LeftOut {
    file: string;
    line?: number;
    label: string;
    why: string;
}
/**
 * Every Kubernetes object in configmap.yaml and deployment.yaml that parsed, in file order, with the
 * files that did not parse and the documents left out for not being usable objects.
 */
export declare function manifestDocs(ctx: CheckContext): {
    docs: ManifestDoc[];
    unreadable: string[];
    leftOut: LeftOut[];
};
export declare const objectLabel: (doc: KubeObjectJson) => string;

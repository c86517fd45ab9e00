import type { ClusterSession } from '../kube/session.js';
import type { KubeObjectJson } from '../kube/types.js';
import type { CheckContext, CheckOutcome } from '../types.js';
export declare const CLUSTER_SECTION: {
    readonly environment: "4 Hours Before Deployment › Environment Verification";
    readonly staging: "2 Hours Before Deployment › Test in Staging";
    readonly rollback: "2 Hours Before Deployment › Rollback Plan Verification";
    readonly access: "1 Hour Before Deployment › Access Verification";
};
/** An API error as one line: the server's message, with who/what when the server said so. */
export declare function explainApiError(error: unknown): string;
/**
 * The session when the cluster is configured and answered `/version`; otherwise the outcome the check
 * should report (a blocking skip: the cluster was not verified). `cluster-access` reports the cause once.
 */
export declare function usableCluster(ctx: CheckContext): Promise<{
    session: ClusterSession;
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
/** Parses durations like 90s, 30m, 1h, 2h30m, 1d. */
export declare function parseDuration(text: string): number | undefined;

import type { KubeObjectJson } from '../core/kube-object.js';
import type { CheckOutcome } from '../core/types.js';
import { type ClusterReader } from '../core/check.js';
import type { CheckContext } from '../core/check.js';
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

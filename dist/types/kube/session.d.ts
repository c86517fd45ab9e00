import { KubeClient, type ClientOptions } from './client.js';
import { type KubeconfigSource } from './config.js';
import type { KubeObjectJson } from '../core/kube-object.js';
import { type ApiResource, type ClusterConnection, type ClusterReader, type DryRunOutcome, type Folded, type ListQuery, type ServerVersion } from '../core/check.js';
export declare const FIELD_MANAGER = "vapora-preflight";
export declare class ClusterSession implements ClusterReader {
    readonly client: KubeClient;
    readonly origin: string;
    private readonly memo;
    constructor(client: KubeClient, origin: string);
    get server(): string;
    private once;
    /** One GET per path and run, whoever asks (a ConfigMap is both backed up and compared, by two checks). */
    private getOnce;
    version(): Promise<ServerVersion>;
    /** The resources of one group/version (discovery), e.g. to map kind Deployment → `deployments`. */
    resources(apiVersion: string): Promise<ApiResource[]>;
    /** A built-in kind's resource without asking (see built-in-resources.ts); any other from discovery. */
    resourceFor(apiVersion: string, kind: string): Promise<ApiResource | undefined>;
    /** The API path of an object (collection path when `name` is omitted). */
    pathFor(apiVersion: string, kind: string, namespace: string | undefined, name?: string): Promise<string | undefined>;
    namespace(name: string): Promise<KubeObjectJson | undefined>;
    /** The collection path of a list (every namespace when `namespace` is undefined). */
    private listPath;
    fold<T>(query: ListQuery, start: () => T, step: (value: T, object: KubeObjectJson) => T): Promise<Folded<T>>;
    /**
     * A whole list of one namespace (or of metrics.k8s.io), paged like any other: what rollout history,
     * availability and verify mode cross-reference (ReplicaSets by owner, pods by ReplicaSet) must be held.
     */
    private collect;
    deployments(namespace: string): Promise<KubeObjectJson[]>;
    replicaSets(namespace: string): Promise<KubeObjectJson[]>;
    configMap(namespace: string, name: string): Promise<KubeObjectJson | undefined>;
    /** Node metrics from metrics.k8s.io, or undefined when no metrics server serves them. */
    nodeMetrics(): Promise<KubeObjectJson[] | undefined>;
    /** The live object a manifest document would change, or undefined when it does not exist yet. */
    live(doc: KubeObjectJson, namespace: string): Promise<KubeObjectJson | undefined>;
    /**
     * Server-side apply with dryRun=All and strict field validation: the server validates and defaults the
     * object exactly as a real apply would, and stores nothing. The raw document is sent, unknown fields and all.
     */
    dryRunApply(doc: KubeObjectJson, namespace: string): Promise<DryRunOutcome>;
    /** Asks the server whether the current user may do `verb` on a resource (SelfSubjectAccessReview). */
    canI(attributes: {
        verb: string;
        group: string;
        resource: string;
        namespace?: string;
    }): Promise<{
        allowed: boolean;
        reason?: string;
    }>;
    /** Reads of things that move during a rollout: never the memo. */
    fresh(kind: 'deployments' | 'replicasets' | 'pods', namespace: string): Promise<KubeObjectJson[]>;
    watchDeployments(namespace: string, isDone: (deployments: KubeObjectJson[]) => boolean, deadline: number): Promise<{
        done: boolean;
        objects: KubeObjectJson[];
    }>;
    close(): void;
}
export type OpenedCluster = ClusterConnection;
/**
 * Loads the kubeconfig and builds a session; never contacts the server (the checks do). When the current
 * user has an exec credential plugin, it runs here (within `clientOptions.execTimeoutMs`), so that its
 * credential is among `secrets` before anything is logged; if it fails, the session's first request (the
 * cluster-access check) reports why. Credentials it gives later in the run go to `clientOptions.onSecrets`.
 */
export declare function openCluster(source: KubeconfigSource, context: string | undefined, clientOptions?: Partial<ClientOptions>): Promise<OpenedCluster>;

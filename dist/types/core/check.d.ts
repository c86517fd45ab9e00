/**
 * The check contract: what a check is, and the small readers through which it sees the bundle, the
 * cluster and the change history. Checks depend on these interfaces only; the adapters implement them
 * (bundle/Bundle, kube/ClusterSession, github/ChangeReader) and tests implement them in memory
 * (test/in-memory-cluster.ts). A check never calls an adapter, never exits, never decides go/no-go.
 */
import type { ParsedFile } from '../bundle/parse.js';
import type { ChangeSpec, PreflightOptions } from './options.js';
import type { KubeObjectJson } from './kube-object.js';
import type { CheckOutcome, Need } from './types.js';
/** The bundle as checks read it: file names, texts, and each YAML/JSON/TOML file parsed once. */
export interface BundleReader {
    /** The folder holding the files (after descending into a single top-level folder). */
    readonly root: string;
    /** Paths relative to `root`, `/`-separated, sorted. */
    readonly files: readonly string[];
    has(file: string): boolean;
    /** A file's text, decoded as UTF-8 (BOM removed). Throws when it is not valid UTF-8. */
    text(file: string): string;
    /** A YAML, JSON or TOML file parsed once; problems are findings, never throws. */
    parsed(file: string): ParsedFile;
}
export interface ApiResource {
    name: string;
    namespaced: boolean;
    kind: string;
    verbs: string[];
}
export interface ServerVersion {
    major: string;
    minor: string;
    gitVersion: string;
    platform?: string;
}
export interface DryRunOutcome {
    ok: boolean;
    /** False when nothing was sent (the server does not serve the kind): there is no HTTP status then. */
    sent: boolean;
    /** How the document was changed before it was sent: its namespace set to the target. */
    namespaceSet?: {
        from?: string;
        to: string;
    };
    status?: number;
    /** The object as the server would store it (ok only). */
    result?: KubeObjectJson;
    /** The server's own error message (not ok only). */
    message?: string;
    reason?: string;
    warnings: string[];
}
/** What a cluster reader throws: the server's answer, or that it could not be reached. */
export interface ClusterError extends Error {
    /** The HTTP status, when the server answered. */
    status?: number;
    /** The Kubernetes Status reason (NotFound, Forbidden, Invalid…), when it said one. */
    kubeStatus?: {
        reason?: string;
    };
    /** True when no answer came at all (refused, reset, timed out, TLS failed). */
    unreachable?: boolean;
}
/** Whether `error` is what a cluster reader throws. */
export declare function isClusterError(error: unknown): error is ClusterError;
/** The lists a check may fold (see `ClusterReader.fold`). */
export type ListKind = 'nodes' | 'namespaces' | 'pods' | 'events' | 'deployments' | 'replicasets';
/** Which objects of a kind to list: the server filters, so that it sends only what the check reads. */
export interface ListQuery {
    kind: ListKind;
    /** One namespace; undefined: every namespace (nodes have none). */
    namespace?: string;
    /**
     * A field selector the API server supports for the kind (`type=Warning`, `status.phase!=Succeeded`,
     * `spec.nodeName=node-1`; commas join terms). Readers apply it exactly: a field the object lacks is ''.
     */
    fieldSelector?: string;
    /**
     * 'requests': the check reads only each pod's `spec.nodeName` and its containers' resource requests,
     * so a reader may send pods holding just those (the Kubernetes adapter decodes them from protobuf: every
     * pod of the cluster, never decoded whole). Other readers send whole objects.
     */
    only?: 'requests';
}
/** What reading one list cost, as a check reports it in its data (`reads`). */
export interface ListRead {
    /** The list, as `listLabel` names it: "pods in every namespace (status.phase!=Succeeded)". */
    list: string;
    /** Pages the server sent (restarted passes included). */
    pages: number;
    /** Objects in those pages. */
    items: number;
    /** Times the list started again from the start because its continue token expired (410 Gone). */
    restarts: number;
}
/** Whether a list kind has no namespace (its `ListQuery.namespace` is ignored). */
export declare const isClusterScoped: (kind: ListKind) => boolean;
/** How a list is named in messages and in `ListRead.list`. */
export declare function listLabel(query: ListQuery): string;
/** A list folded into one value, and what reading it cost. */
export interface Folded<T> {
    value: T;
    read: ListRead;
}
/**
 * The cluster as the checks see it; checks never build a path or page a list. Gets, discovery and the
 * small lists of one namespace (deployments, replicaSets, nodeMetrics) are read at most once per run
 * (memoised), so checks running concurrently share them. Lists that grow with the cluster are folded
 * instead (`fold`): read page by page each time, holding one page at a time, never the whole list.
 * `fresh` and `watchDeployments` are verify mode's reads of what moves during a rollout: never memoised.
 */
export interface ClusterReader {
    /** The API server's URL, for messages. */
    readonly server: string;
    /** Where the credentials came from (a kubeconfig path, "content", in-cluster), for messages. */
    readonly origin: string;
    version(): Promise<ServerVersion>;
    /** What the server serves in an API version (discovery). A version it does not serve: []. */
    resourceFor(apiVersion: string, kind: string): Promise<ApiResource | undefined>;
    namespace(name: string): Promise<KubeObjectJson | undefined>;
    /**
     * Reads the list `query` names page by page (limit + continue, as kubectl does), calling `step` with
     * each object to fold it into the value `start` made; the page is dropped before the next one is read.
     * A continue token that expired (410 Gone) starts the list again from `start()` (a bounded number of
     * times, as is the number of pages): `step` must keep its state in the value it returns. Throws a
     * ClusterError, or an Error saying the page cap was reached.
     */
    fold<T>(query: ListQuery, start: () => T, step: (value: T, object: KubeObjectJson) => T): Promise<Folded<T>>;
    /** `metrics.k8s.io` node usage (one small object per node); undefined when metrics-server does not serve it. */
    nodeMetrics(): Promise<KubeObjectJson[] | undefined>;
    deployments(namespace: string): Promise<KubeObjectJson[]>;
    replicaSets(namespace: string): Promise<KubeObjectJson[]>;
    configMap(namespace: string, name: string): Promise<KubeObjectJson | undefined>;
    /** The live object a manifest document names, if it exists. */
    live(doc: KubeObjectJson, namespace: string): Promise<KubeObjectJson | undefined>;
    /** Server-side apply with dryRun=All and strict field validation: the raw document is sent. */
    dryRunApply(doc: KubeObjectJson, namespace: string): Promise<DryRunOutcome>;
    /** A SelfSubjectAccessReview. */
    canI(attributes: {
        verb: string;
        group: string;
        resource: string;
        namespace?: string;
    }): Promise<{
        allowed: boolean;
        reason?: string;
    }>;
    /** Reads of things that move during a rollout (one namespace, all of it): never cached. */
    fresh(kind: 'deployments' | 'replicasets' | 'pods', namespace: string): Promise<KubeObjectJson[]>;
    /**
     * Watches the namespace's Deployments (list, then watch, resumed when the server ends it) until `isDone`
     * holds for them or `deadline` (epoch ms) passes.
     */
    watchDeployments(namespace: string, isDone: (deployments: KubeObjectJson[]) => boolean, deadline: number): Promise<{
        done: boolean;
        objects: KubeObjectJson[];
    }>;
}
export interface CommitSummary {
    sha: string;
    /** First line of the message. */
    title: string;
    /** GitHub login when the author is linked to an account, else the git author name. */
    author: string;
    url: string;
}
export interface Comparison {
    status: 'identical' | 'ahead' | 'behind' | 'diverged';
    aheadBy: number;
    behindBy: number;
    /** Commits in head and not in base, oldest first; at most `limit` of them. */
    commits: CommitSummary[];
    /** Whether `commits` holds all of them. */
    complete: boolean;
}
export interface PullVerdict {
    number: number;
    url: string;
    approved: boolean;
    /** Why not approved, e.g. "changes requested by alice". */
    problem?: string;
}
/** What a person would say about how a commit reached the default branch. */
export type Provenance = {
    kind: 'reviewed';
    pull: PullVerdict;
} | {
    kind: 'unapproved';
    pull: PullVerdict;
} | {
    kind: 'direct';
};
/** A permission a change check needs, named as in a workflow's `permissions:` block. */
export type ChangePermission = 'contents: read' | 'pull-requests: read';
/** The change history as the change checks see it (the repository's hosting, GitHub today). */
export interface ChangeReader {
    defaultBranch(): Promise<string>;
    compare(base: string, head: string, limit: number): Promise<Comparison>;
    tagsAt(sha: string): Promise<string[]>;
    provenance(sha: string, branch: string): Promise<Provenance>;
    /** One line for an error the reader threw: what failed and how to fix it (the permission to add). */
    explain(error: unknown, doing: string, needs: ChangePermission): {
        message: string;
        hint?: string;
    };
}
/** The deployed commit the change checks look at, and the reader that knows its history. */
export interface ChangeTarget {
    repository: string;
    commit: string;
    /** Where the commit came from, for messages. */
    source: string;
    spec: ChangeSpec;
    reader(): Promise<ChangeReader>;
}
/**
 * A cluster opened for one run (by the composition root: kube/ in the product, memory in tests): its
 * reader, the credentials found (masked before anything is logged), and whether it stopped answering.
 */
export type ClusterConnection = {
    ok: true;
    reader: ClusterReader;
    secrets: string[];
    /** When and why the server stopped answering during the run; undefined while it answers. */
    lost(): {
        at: number;
        message: string;
    } | undefined;
    close(): void;
} | {
    ok: false;
    reason: 'not-configured' | 'invalid';
    message: string;
};
/** Everything a check may read. Parsing is shared: `bundle.parsed(name)` parses each file once. */
export interface CheckContext {
    options: PreflightOptions;
    /** Undefined when the bundle could not be acquired; checks that need it are then not run. */
    bundle?: BundleReader;
    /** The cluster, when one is configured and the run is not offline. */
    cluster?: ClusterReader;
    /** Why there is no cluster reader (no kubeconfig, invalid kubeconfig…). */
    clusterProblem?: string;
    /** The deployed commit the change checks look at; undefined when they do not apply. */
    changes?: ChangeTarget | {
        problem: string;
    };
    /** The version of the kubectl on this machine's PATH (undefined: none), when the options name none. */
    localKubectl?: () => Promise<string | undefined>;
}
/** One verification step. Implementations live one per file in src/checks/, declared with `defineCheck`. */
export interface Check {
    /** Stable, kebab-case; used in outputs, reports and the checklist mapping. */
    id: string;
    /** The wording a person recognises from the checklist. */
    title: string;
    /** The key of its home item in the checklist model: one that names this check, and where it reports. */
    item: string;
    /** The checklist section it reports under, derived from its item (see `reportSectionOf`). */
    section: string;
    needs: Need[];
    /** Optional: returns a reason when the check does not apply to this run (reported as a harmless skip). */
    notApplicable?(ctx: CheckContext): string | undefined;
    run(ctx: CheckContext): Promise<CheckOutcome>;
}
/** A check as its file declares it: everything but the section, which its item gives. */
export type CheckDefinition = Omit<Check, 'section'>;
/**
 * A check placed by the checklist model: its home item must name it, and its section is that item's.
 * One place (the model) says where a check belongs; a misplaced check fails when its module loads.
 */
export declare function defineCheck(definition: CheckDefinition): Check;

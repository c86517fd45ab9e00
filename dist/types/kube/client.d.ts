import type { KubeConfig } from '@kubernetes/client-node';
import { type ExecCredentials } from './exec-credential.js';
export interface KubeRequest {
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    /** Absolute API path, e.g. `/api/v1/namespaces/vapora`. */
    path: string;
    query?: Record<string, string | number | boolean | undefined>;
    body?: unknown;
    contentType?: string;
    /**
     * Asks for Kubernetes' protobuf encoding (JSON stays acceptable) and decodes a protobuf answer with
     * this, an error's Status included; a JSON answer is parsed as usual. For a list whose size is the
     * cluster's, decoding only the fields a check reads (see protobuf.ts).
     */
    protobuf?: (bytes: Uint8Array) => unknown;
}
export interface KubeResponse<T> {
    status: number;
    body: T;
    /** Server warnings (the `Warning` response headers), e.g. deprecated API versions. */
    warnings: string[];
}
/** The Kubernetes `Status` object servers answer errors with. */
export interface KubeStatus {
    kind?: string;
    message?: string;
    reason?: string;
    code?: number;
    details?: {
        name?: string;
        kind?: string;
        causes?: Array<{
            field?: string;
            message?: string;
            reason?: string;
        }>;
    };
}
export declare class KubeApiError extends Error {
    readonly status: number | undefined;
    readonly kubeStatus?: KubeStatus | undefined;
    name: string;
    /** The server's `Retry-After`, in seconds, when it sent one (429, 503). */
    readonly retryAfterS?: number;
    constructor(message: string, status: number | undefined, kubeStatus?: KubeStatus | undefined, options?: {
        cause?: unknown;
        retryAfterS?: number;
    });
    /** True when the server could not be reached or did not answer in time. */
    get unreachable(): boolean;
}
export interface ClientOptions {
    /** Per-attempt timeout. */
    timeoutMs: number;
    /** Attempts for transient failures (1 = no retry). */
    attempts: number;
    /** First backoff; doubles each retry. */
    backoffMs: number;
    /** Requests in flight at once. */
    concurrency: number;
    /** How long the kubeconfig's exec credential plugin may take to print a credential (each time it runs). */
    execTimeoutMs: number;
    /** Called with the secrets of credentials obtained later in the run (an exec plugin's refreshed token). */
    onSecrets?: (secrets: string[]) => void;
    /** Objects per page of a list (`limit`); the server's continue token asks for the next page. */
    pageSize: number;
    /** Pages one pass over a list may take: a list longer than this is an error, never an endless loop. */
    pageCap: number;
    /** Times a list starts again from the start when its continue token expired (410 Gone). */
    listRestarts: number;
}
export declare const DEFAULT_CLIENT_OPTIONS: ClientOptions;
/** A list folded page by page (`KubeClient.fold`), and what reading it cost. */
export interface FoldedList<A> {
    value: A;
    pages: number;
    items: number;
    restarts: number;
    /** The list's resourceVersion (every page of a pass is a snapshot at it): where a watch starts. */
    resourceVersion?: string;
}
export declare class KubeClient {
    private readonly kubeConfig;
    private readonly tls;
    readonly options: ClientOptions;
    private readonly credentials?;
    private readonly server;
    private agent;
    /** TLS options with the shared context, for the HTTP/2 connection (the agent has its own copy). */
    private connectOptions;
    /** The HTTP/2 connection while it is open. */
    private session?;
    /** False once the server chose HTTP/1.1 over h2 (ALPN): from then on, the agent's pool for the run. */
    private speaksH2?;
    private connecting?;
    /** Agents replaced when the client certificate changed (a refreshed exec credential); closed with the client. */
    private readonly retired;
    private tlsIdentity;
    private inFlight;
    private readonly waiting;
    /** Set once a request found the server unreachable after all retries: later requests fail at once. */
    private down?;
    private downAt?;
    /** When and why the server stopped answering during this run (after retries); undefined while it answers. */
    get lost(): {
        at: number;
        message: string;
    } | undefined;
    private constructor();
    private newAgent;
    /**
     * Builds a client for the KubeConfig's current context. With `credentials` (the current user's exec
     * plugin), the plugin runs first, within its timeout; if it fails, the first request throws its error.
     */
    static create(kubeConfig: KubeConfig, options?: Partial<ClientOptions>, credentials?: ExecCredentials): Promise<KubeClient>;
    /** Objects per page of a list (`ClientOptions.pageSize`). */
    get pageSize(): number;
    /** The API server URL (no credentials). */
    get serverUrl(): string;
    private acquire;
    private release;
    /** Fresh auth headers for each request: exec plugins and OIDC tokens expire. */
    private authHeaders;
    /**
     * The one request path: URL, headers, transport and timeout, for a call and a watch alike. Resolves with
     * the answer as soon as its status and headers arrive; a network failure before that rejects, one after
     * it rejects the answer's `ended`. `timeoutMs` bounds every wait for the server: connecting, the answer,
     * and each gap in its body.
     */
    private send;
    /**
     * The open HTTP/2 connection, or a new one (requests that arrive while it connects share it); undefined
     * when the server does not offer h2, and from then on for the run.
     */
    private http2Session;
    /** A TLS connection offering h2 and http/1.1: an HTTP/2 session on it if the server chose h2. */
    private connectHttp2;
    private sendHttp2;
    private sendHttp1;
    /** A failure to talk to the server at all, as one line that says what to check. */
    private networkError;
    /** One attempt: the whole answer read and parsed; an error status becomes a KubeApiError. */
    private attempt;
    /** Sends a request, retrying transient failures. Throws `KubeApiError` with the server's message. */
    request<T>(req: KubeRequest): Promise<KubeResponse<T>>;
    get<T>(path: string, query?: KubeRequest['query']): Promise<T>;
    /** GET that answers undefined for 404 instead of throwing. */
    getOptional<T>(path: string, query?: KubeRequest['query']): Promise<T | undefined>;
    /**
     * Lists `path` page by page (`limit` + `continue`, as kubectl does), folding each object into the value
     * `start` made; each page is one request (retried as any other) and is dropped before the next is asked
     * for. A continue token the server no longer honours (410: etcd compacted the revision it pins) starts
     * the list again from `start()`, at most `listRestarts` times; a pass of more than `pageCap` pages is an
     * error. `how.label` names the list in those errors; `how.protobuf` decodes pages asked for in protobuf
     * (see `KubeRequest.protobuf`), and `how.pageSize` sets the objects per page instead of the client's.
     */
    fold<T, A>(path: string, query: KubeRequest['query'], start: () => A, step: (value: A, object: T) => A, how?: {
        label?: string;
        protobuf?: KubeRequest['protobuf'];
        pageSize?: number;
    }): Promise<FoldedList<A>>;
    /**
     * Lists `path`, then watches it (`watch=1` from the list's resourceVersion), calling `isDone` with the
     * current objects after the list and after every event, until it returns true or `deadline` (epoch ms)
     * passes. A watch the server ends (its timeoutSeconds, or 410 Gone) is resumed with a fresh list.
     * Returns the last objects seen and whether `isDone` was satisfied.
     */
    watchUntil<T extends {
        metadata?: {
            name?: string;
            resourceVersion?: string;
        };
    }>(path: string, isDone: (objects: T[]) => boolean, deadline: number): Promise<{
        done: boolean;
        objects: T[];
    }>;
    /** One watch request: resolves 'done', or 'ended' when the server or the deadline closes it. */
    private streamWatch;
    /** Closes kept-alive connections so the process can exit. */
    close(): void;
}

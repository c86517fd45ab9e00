import type { KubeConfig } from '@kubernetes/client-node';
export interface KubeRequest {
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    /** Absolute API path, e.g. `/api/v1/namespaces/vapora`. */
    path: string;
    query?: Record<string, string | number | boolean | undefined>;
    body?: unknown;
    contentType?: string;
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
    constructor(message: string, status: number | undefined, kubeStatus?: KubeStatus | undefined, options?: {
        cause?: unknown;
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
}
export declare const DEFAULT_CLIENT_OPTIONS: ClientOptions;
export declare class KubeClient {
    private readonly kubeConfig;
    readonly options: ClientOptions;
    private readonly server;
    private readonly agent;
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
    /** Builds a client for the KubeConfig's current context. */
    static create(kubeConfig: KubeConfig, options?: Partial<ClientOptions>): Promise<KubeClient>;
    /** The API server URL (no credentials). */
    get serverUrl(): string;
    private acquire;
    private release;
    /** Fresh auth headers for each request: exec plugins and OIDC tokens expire. */
    private authHeaders;
    private attempt;
    /** Sends a request, retrying transient failures. Throws `KubeApiError` with the server's message. */
    request<T>(req: KubeRequest): Promise<KubeResponse<T>>;
    get<T>(path: string, query?: KubeRequest['query']): Promise<T>;
    /** GET that answers undefined for 404 instead of throwing. */
    getOptional<T>(path: string, query?: KubeRequest['query']): Promise<T | undefined>;
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

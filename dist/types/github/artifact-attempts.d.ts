/** The step of a download a request belongs to. */
export type Step = 'list' | 'sign' | 'redirect' | 'blob' | 'other';
/** One HTTP request as the download made it. No query, no headers but Azure's error code. */
export interface Attempt {
    step: Step;
    method: string;
    /** scheme://host[:port]. */
    origin: string;
    path: string;
    startedAt: number;
    endedAt?: number;
    status?: number;
    statusText?: string;
    /** Azure's `x-ms-error-code`, e.g. AuthenticationFailed, ServerBusy. */
    storageCode?: string;
    /** The network error (ECONNRESET, a timeout…) when no answer came or its body broke off. */
    error?: string;
    /** For an answer with a body: all of it arrived, it broke off, or the client stopped reading it. */
    body?: 'open' | 'complete' | 'cut';
    /** The signed URL's `se` (expiry) in ms: compared with the clock, never shown. */
    signedExpiry?: number;
}
export interface Recording {
    attempts: Attempt[];
}
/** Runs `work`, recording into `recording` every HTTP request it makes (directly or in libraries). */
export declare function watch<T>(recording: Recording, work: () => Promise<T>): Promise<T>;
/**
 * After a failure: lets go of answers the library stopped reading (after a write error it leaves the
 * storage response paused, holding its socket) and marks them as not read to the end.
 */
export declare function release(recording: Recording): void;
/**
 * Re-reads a refused storage answer's body once (bounded by `timeoutMs`, at most 8 KiB) for Azure's
 * reason: `AuthenticationErrorDetail` tells an expired signature from a wrong one. Nothing of the URL or
 * the body is returned but the error code and whether the reason is about time.
 */
export declare function askStorageWhy(attempt: Attempt, timeoutMs?: number): Promise<{
    status?: number;
    code?: string;
    expired: boolean;
} | undefined>;
/** Free bytes on the file system holding `dir`, when it can be told. */
export declare function freeBytes(dir: string): Promise<number | undefined>;

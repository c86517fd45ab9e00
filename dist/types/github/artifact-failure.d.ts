/**
 * The artifact download's failures in one line each: which step failed (listing the run's artifacts,
 * asking for the signed URL, the zip redirect of another run, reading from storage, writing the file),
 * what the service answered, on how many attempts and for how long, and what to do — from the attempts
 * `artifact-attempts.ts` recorded, not from the library's text (which drops the status).
 */
import { type Recording, type Step } from './artifact-attempts.js';
/** What is being downloaded, for messages. */
export interface DownloadContext {
    /** `artifact "deployment-artifacts" (id 12)`. */
    artifact: string;
    thisRun: boolean;
    /** `run 4001 of vapora/app`. */
    where: string;
    /** Where the zip was being written. */
    dir?: string;
    sizeBytes?: number;
}
export interface Explained {
    message: string;
    hint?: string;
    /** For the report: the failed step and each attempt's outcome. */
    data: {
        failedStep: Step | 'write';
        attempts: string[];
        durationMs: number;
    };
}
/**
 * One line saying which step failed, what the service answered, how often and for how long, and what
 * to do. Undefined when nothing was recorded (the library failed before any request): the caller then
 * keeps the library's own text.
 */
export declare function explainFailure(recording: Recording, libraryError: string, ctx: DownloadContext, failedAt?: number): Promise<Explained | undefined>;
/**
 * For a download that worked after retries: which step needed them and what it got first, e.g.
 * "reading from GitHub's artifact storage took 2 attempts (before: 503 Service Unavailable ×1)".
 */
export declare function retriesNote(recording: Recording): string[] | undefined;
/**
 * Before downloading: is there room for the zip? @actions/artifact 6.2.1 does not survive a write that
 * fails mid-download: its digest stream is written after it ended, an unhandled 'error' event that ends
 * the whole process (ERR_STREAM_WRITE_AFTER_END) before any report is written. So a disk that is already
 * too full is found here; one that fills up during the download is found afterwards, if the process lives.
 */
export declare function noRoomFor(ctx: DownloadContext): Promise<Explained | undefined>;
/** Removes what a message must never carry: a URL's query (a signed URL's is a credential). */
export declare function withoutQueries(text: string): string;

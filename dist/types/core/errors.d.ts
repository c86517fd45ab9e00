/**
 * Error types that cross module boundaries. Each message says what is wrong and how to fix it;
 * the cause (if any) is kept on `cause`.
 */
/** Invalid options or inputs: the user must change how the tool is called. CLI exit code 2. */
export declare class UsageError extends Error {
    name: string;
    /** False when the message says all there is to say (a path that does not exist): no "see --help". */
    readonly help: boolean;
    constructor(message: string, options?: {
        help?: boolean;
        cause?: unknown;
    });
}
/**
 * The bundle cannot be read safely (missing path, not a zip, unsafe entry, over a limit). Not a crash:
 * the engine turns it into a failing `bundle-unpack` result, so the decision is `no-go` with this message.
 */
export declare class BundleError extends Error {
    name: string;
    /** The offending archive entry or file, when there is one. */
    readonly entry?: string;
    readonly hint?: string;
    constructor(message: string, details?: {
        entry?: string;
        hint?: string;
        cause?: unknown;
    });
}
/** A one-line description of any thrown value, for messages. */
export declare function describeError(error: unknown): string;

/**
 * Error types that cross module boundaries. Each message says what is wrong and how to fix it;
 * the cause (if any) is kept on `cause`.
 */
/** Invalid options or inputs: the user must change how the tool is called. CLI exit code 2. */
class UsageError extends Error {
    name = 'UsageError';
}
/**
 * The bundle cannot be read safely (missing path, not a zip, unsafe entry, over a limit). Not a crash:
 * the engine turns it into a failing `bundle-unpack` result, so the decision is `no-go` with this message.
 */
class BundleError extends Error {
    name = 'BundleError';
    /** The offending archive entry or file, when there is one. */
    entry;
    hint;
    constructor(message, details = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.entry = details.entry;
        this.hint = details.hint;
    }
}
/** A one-line description of any thrown value, for messages. */
function describeError(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}

export { BundleError as B, UsageError as U, describeError as d };

/** Runs `work` over `items` with at most `limit` in flight, keeping results in input order. */
export declare function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]>;
/**
 * Lets the event loop turn once (its I/O phase included), so that sockets connect and answers are read
 * between pieces of synchronous work instead of after all of them.
 */
export declare const yieldToEventLoop: () => Promise<void>;

/** Runs `work` over `items` with at most `limit` in flight, keeping results in input order. */
export declare function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]>;

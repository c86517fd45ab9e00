/**
 * Typed check data. A check that leaves data for others (the engine's rollback kit, the baseline, the
 * reports, verify mode) declares its type and a key in its own file; readers use the key, never a check id
 * and a cast of their own.
 */
/** Ties a check id to the type of the data its result carries. */
export interface DataKey<T> {
    readonly id: string;
    /** Never set: it only carries `T`. */
    readonly type?: T;
}
export declare function dataKey<T>(id: string): DataKey<T>;
/** The data the check `key` names left among `results`, typed, or undefined when it left none. */
export declare function readData<T>(results: ReadonlyArray<{
    id: string;
    data?: unknown;
}>, key: DataKey<T>): T | undefined;

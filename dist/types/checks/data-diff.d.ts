/**
 * Compares the same configuration written in several formats. Values are first brought to a common
 * model: TOML has no null, so null/absent are the same; TOML dates become their ISO text; numbers compare
 * by value (TOML 8001 and JSON 8001.0 are the same number).
 */
export type Normalised = null | boolean | number | string | Normalised[] | {
    [key: string]: Normalised;
};
export declare function normalise(value: unknown): Normalised;
/** Renders a key path the way people write it: `llm_router.providers[1].model`, `labels["a.b"]`. */
export declare function formatPath(path: ReadonlyArray<string | number>): string;
/**
 * Key paths at which `a` and `b` differ (a missing key counts). Arrays compare element by element,
 * because order matters to the application (e.g. a fallback chain).
 */
export declare function diffPaths(a: Normalised | undefined, b: Normalised | undefined, path?: Array<string | number>, out?: Array<Array<string | number>>): Array<Array<string | number>>;
/** The value at a path, or undefined. */
export declare function valueAt(value: Normalised | undefined, path: ReadonlyArray<string | number>): Normalised | undefined;
/** A short, safe rendering of a value for a diff line: secrets redacted, long values cut. */
export declare function showValue(path: ReadonlyArray<string | number>, value: Normalised | undefined): string;

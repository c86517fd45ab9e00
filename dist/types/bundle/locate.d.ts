/** A 1-based line and column. */
export interface Position {
    line: number;
    column: number;
}
/** The formats a bundle file can have. */
export type Format = 'yaml' | 'json' | 'toml';
/** A key path as the checks use it: strings are map keys, numbers are array indexes. */
export type KeyPath = ReadonlyArray<string | number>;
/** Where a key path was found. */
export interface Located extends Position {
    /** true when the whole path was found; false when only a prefix was (the position is then the deepest ancestor found, or the document start for an empty prefix). */
    exact: boolean;
}
/**
 * Returns a function that locates a key path within document `docIndex` (0-based; YAML multi-document
 * files; always 0 for JSON/TOML) of `text`.
 * The text is parsed lazily, once, on the first call (never at creation), and never throws: on unparsable
 * text it returns undefined.
 * For a map entry the position is that of its KEY (e.g. the `n` of `namespace: x`); for an array element,
 * the start of the element (for YAML block sequences the element's node, i.e. after "- ").
 */
export declare function createLocator(format: Format, text: string): (path: KeyPath, docIndex?: number) => Located | undefined;

/**
 * A strict JSON scanner that only locates problems. `JSON.parse` gives the values, but its messages do
 * not always carry a position (e.g. "Unexpected end of JSON input") and it silently keeps the last of
 * duplicate keys — which would let two formats of one config "agree" while the file says two things.
 */
export interface JsonProblem {
    message: string;
    offset: number;
}
/** Returns the first syntax error and every duplicate key, with byte offsets into `text`. */
export declare function scanJson(text: string): {
    syntax?: JsonProblem;
    duplicates: JsonProblem[];
};
/** 1-based line and column of a character offset. */
export declare function lineColumnAt(text: string, offset: number): {
    line: number;
    column: number;
};

export interface FastDocument {
    /** 0-based position of the document in the file (as `yaml`'s parseAllDocuments counts them). */
    index: number;
    /** 1-based line where the document's content starts. */
    line: number;
    value: unknown;
}
/** The documents of `text` when it is inside the plain subset, else undefined (read it with `yaml`). */
export declare function fastYaml(text: string): FastDocument[] | undefined;

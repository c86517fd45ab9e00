import type { Finding } from '../core/types.js';
import { type Format, type KeyPath, type Located } from './locate.js';
export type { Format };
export interface ParsedDocument {
    /** 0-based position of the document in a multi-document YAML file. */
    index: number;
    /** 1-based line where the document starts. */
    line: number;
    value: unknown;
}
export interface ParsedFile {
    file: string;
    format: Format;
    /** Non-empty documents only (an empty YAML document between `---` lines is ignored, as kubectl does). */
    documents: ParsedDocument[];
    errors: Finding[];
    warnings: Finding[];
    /**
     * Where a key path is in document `docIndex` (default 0): its key's line and column, or its deepest
     * ancestor's (`exact: false`). Parses again for positions only when first asked (findings are rare).
     */
    locate(path: KeyPath, docIndex?: number): Located | undefined;
}
/** A position for a finding at `path`: the node's own line and column, else its document's start. */
export declare function positionOf(parsed: ParsedFile, path: KeyPath, doc?: {
    index: number;
    line: number;
}): {
    file: string;
    line: number;
    column?: number;
};
/** YAML aliases may expand to at most this many nodes per document (a "billion laughs" bound). */
export declare const MAX_YAML_ALIAS_COUNT = 100;
/** The format a file name implies, or undefined for files we do not parse. */
export declare function formatOf(file: string): Format | undefined;
/** A parse result with nothing in it yet; `text` is kept only by the locator, for positions. */
export declare function emptyParse(file: string, format: Format, text?: string): ParsedFile;
/** Parses `text` (already decoded, BOM removed) as the format its file name implies. */
export declare function parseText(file: string, text: string, format: Format): ParsedFile;

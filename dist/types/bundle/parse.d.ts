import type { Finding } from '../types.js';
export type Format = 'yaml' | 'json' | 'toml';
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
}
/** YAML aliases may expand to at most this many nodes per document (a "billion laughs" bound). */
export declare const MAX_YAML_ALIAS_COUNT = 100;
/** The format a file name implies, or undefined for files we do not parse. */
export declare function formatOf(file: string): Format | undefined;
/** Parses `text` (already decoded, BOM removed) as the format its file name implies. */
export declare function parseText(file: string, text: string, format: Format): ParsedFile;

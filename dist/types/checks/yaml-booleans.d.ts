import type { ParsedDocument } from '../bundle/parse.js';
export interface BooleanReading {
    /** Index of the document in the file (as in `ParsedDocument.index`). */
    index: number;
    path: Array<string | number>;
    text: string;
    kubectlValue: boolean;
}
export declare function yaml11Booleans(text: string, documents: readonly ParsedDocument[]): BooleanReading[];

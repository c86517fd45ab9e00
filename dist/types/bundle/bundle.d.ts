import type { BundleSource } from '../core/types.js';
import { type ParsedFile } from './parse.js';
export declare class Bundle {
    readonly source: BundleSource;
    readonly root: string;
    readonly files: readonly string[];
    private readonly ownedDir?;
    private readonly parsedFiles;
    private readonly texts;
    /**
     * @param source where the bundle came from (for reports)
     * @param root the folder holding the bundle's files (after descending into a single top-level folder)
     * @param files paths relative to `root`, `/`-separated, sorted
     * @param ownedDir a temp dir this bundle created and removes on `cleanup()`
     */
    constructor(source: BundleSource, root: string, files: readonly string[], ownedDir?: string | undefined);
    has(file: string): boolean;
    /** Absolute path of a bundle file. */
    pathOf(file: string): string;
    /** A file's text, decoded as UTF-8 (BOM removed). Throws when it is not valid UTF-8. */
    text(file: string): string;
    /**
     * Parses a YAML/JSON/TOML file once and caches the result. Undecodable text (not UTF-8) is reported
     * as an error finding, like a syntax error.
     */
    parsed(file: string): ParsedFile;
    /** Removes the temp dir this bundle extracted into (a no-op for directory bundles). */
    cleanup(): void;
}

import { type BundleLimits } from './limits.js';
export interface ExtractedZip {
    /** The fresh directory the files were written to. The caller removes it (see `Bundle.cleanup`). */
    dir: string;
    /** Relative paths of the files written, with `/` separators. */
    files: string[];
}
/**
 * Splits an entry name into safe path segments, or says why it is unsafe.
 * Backslashes count as separators: archives made on Windows use them, and so do attacks.
 */
export declare function entryPathSegments(name: string): {
    segments: string[];
} | {
    problem: string;
};
/**
 * Extracts `zipPath` into a new directory under `parentDir` (default: the OS temp dir).
 * Throws `BundleError` naming the offending entry; on any error the new directory is removed.
 */
export declare function extractZipSafely(zipPath: string, limits?: BundleLimits, parentDir?: string): ExtractedZip;

import { Bundle } from './bundle.js';
import type { BundleLimits } from './limits.js';
/**
 * Opens the bundle at `path`. Zips are extracted into a fresh directory under `workDir`.
 * Throws `BundleError` with an actionable message for anything unreadable or unsafe.
 */
export declare function acquireBundle(path: string, expected: readonly string[], limits: BundleLimits, workDir?: string): Bundle;

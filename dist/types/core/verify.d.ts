import { type RunHooks, type RunSources } from './engine.js';
import type { PreflightOptions } from './options.js';
import type { VerifyReport } from './types.js';
import type { Check } from './check.js';
export type { Verification, VerifyReport } from './types.js';
/**
 * In this order, one at a time: the rollout is waited for first, so the images, restarts and endpoints
 * are read once it is over.
 */
export declare const VERIFY_CHECKS: readonly Check[];
/**
 * Verify mode on resolved options (with `verify` set) and the run's sources: the success criteria, then
 * the post-deployment record. Throws `UsageError` for an offline run (it would verify a deploy unseen).
 */
export declare function runVerifyChecks(options: PreflightOptions, sources: RunSources, hooks?: RunHooks): Promise<VerifyReport>;

import { type RunHooks } from './engine.js';
import { type PreflightInput } from './options.js';
import type { Check, VerifyReport } from './types.js';
export type { Verification, VerifyReport } from './types.js';
/**
 * In this order, one at a time: the rollout is waited for first, so the images, restarts and endpoints
 * are read once it is over.
 */
export declare const VERIFY_CHECKS: readonly Check[];
export declare function runVerify(input: PreflightInput, hooks?: RunHooks): Promise<VerifyReport>;

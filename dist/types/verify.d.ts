import { type RunHooks } from './engine.js';
import { type PreflightInput } from './options.js';
import type { Baseline, Check, Report } from './types.js';
/**
 * In this order, one at a time: the rollout is waited for first, so the images, restarts and endpoints
 * are read once it is over.
 */
export declare const VERIFY_CHECKS: readonly Check[];
export interface Verification {
    verified: boolean;
    rollbackDetected: boolean;
    /** When the deploy started: deploy-started-at, else the preflight's end. */
    startedAt?: string;
    /** When every pod was Ready (else when the verify gave up). */
    endedAt: string;
    durationMs?: number;
    before?: Baseline;
    after?: Baseline;
    /** The restart total now. */
    podRestarts?: number;
    undoCommands: string[];
    preflightRunUrl?: string;
}
export interface VerifyReport extends Report {
    verification: Verification;
}
export declare function runVerify(input: PreflightInput, hooks?: RunHooks): Promise<VerifyReport>;

import type { Baseline, CheckOutcome, CheckResult } from '../core/types.js';
export declare function collectBaseline(results: readonly CheckResult[], latencyThresholdMs?: number): Baseline | undefined;
/** The `baseline` result: recorded, or nothing to record (offline, or no endpoints and no cluster). */
export declare function baselineOutcome(baseline: Baseline | undefined): CheckOutcome;

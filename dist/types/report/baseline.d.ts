import type { Baseline, CheckOutcome, CheckResult } from '../types.js';
export declare function collectBaseline(results: readonly CheckResult[]): Baseline | undefined;
/** The `baseline` result: recorded, or nothing to record (offline, or no endpoints and no cluster). */
export declare function baselineOutcome(baseline: Baseline | undefined): CheckOutcome;
export declare function renderBaseline(baseline: Baseline): string;

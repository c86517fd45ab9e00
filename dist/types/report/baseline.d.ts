/** The baseline as the reports show it (gathered by checks/baseline.ts): latency, errors, restarts, usage. */
import type { Baseline } from '../core/types.js';
/**
 * A p99 by nearest rank is the slowest probe until there are 100: below that it would only repeat the
 * maximum under another name, so it is shown as "—".
 */
export declare const MIN_PROBES_FOR_P99 = 100;
/** A latency as a person should read it: ms, or "—" when no probe was answered (NaN) or none was made. */
export declare function msText(ms: number | undefined): string;
/** The p99 as a person should read it: a number of ms, or "—" when the probes are too few for one. */
export declare function p99Text(endpoint: {
    p99Ms?: number;
    probes: number;
}): string;
export declare function renderBaseline(baseline: Baseline): string;

/** One short line per check, for the CLI's stderr and the action log. */
import type { CheckResult } from '../types.js';
export declare function progressLine(result: CheckResult): string;

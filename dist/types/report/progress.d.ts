/**
 * Progress while checks run: one plain line per check for logs and pipes (the action log, a CI system),
 * or one line updated in place on a terminal.
 */
import type { CheckResult } from '../core/types.js';
/** `✓ bundle-files  all 12 expected files present (151 ms)` — the mark says the status. */
export declare function progressLine(result: CheckResult): string;
export interface ProgressStream {
    write(text: string): unknown;
    columns?: number;
}
/**
 * One status line on a terminal, rewritten in place ("⠹ 9 done · running dry-run, node-capacity"), and
 * cleared before the report is printed. Bounded: it never writes more than the terminal's width.
 */
export declare class LiveProgress {
    private readonly stream;
    private readonly running;
    private done;
    private blocking;
    private frame;
    private readonly timer;
    constructor(stream: ProgressStream);
    started(id: string): void;
    finished(result: CheckResult): void;
    stop(): void;
    private draw;
}

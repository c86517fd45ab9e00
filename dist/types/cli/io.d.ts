import type { Paint } from '../report/text.js';
export interface CliIO {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    /** stdout is a terminal: the text report by default. */
    stdoutTTY?: boolean;
    /** stderr is a terminal: progress is one line updated in place. */
    stderrTTY?: boolean;
    /** The terminal's width (the text report wraps at it; 100 otherwise). */
    columns?: number;
    /** Colours for stdout (the default honours the TTY, NO_COLOR and FORCE_COLOR). */
    paint?: Paint;
}
export declare const processIO: CliIO;
/** The exit codes: 0 go (verify: verified), 1 no-go (not verified), 2 could not run. */
export declare const EXIT: {
    readonly go: 0;
    readonly noGo: 1;
    readonly error: 2;
};

import type { Report } from '../core/types.js';
/** A colour or style of `node:util` `styleText`. */
export type Style = 'red' | 'green' | 'yellow' | 'dim' | 'bold' | 'cyan';
/** Applies styles to text; the CLI passes one that honours the TTY, NO_COLOR and FORCE_COLOR. */
export type Paint = (style: Style | Style[], text: string) => string;
export interface TextOptions {
    /** Colours, when the output is a terminal that wants them. Default: none. */
    paint?: Paint;
    /** Columns to wrap at. Default 100. */
    width?: number;
}
/** The whole terminal report. Ends with a newline. */
export declare function renderText(report: Report, options?: TextOptions): string;

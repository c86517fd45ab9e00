/** The machine report: the `Report` object as JSON (`version: 1`). Stable field names; additions only. */
import type { Report } from '../types.js';
export declare function renderJson(report: Report): string;

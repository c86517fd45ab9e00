import type { CheckResult, Report, Status } from '../types.js';
export declare const STATUS_ICON: Record<Status, string>;
export declare function renderResultsTable(results: readonly CheckResult[]): string;
export declare function renderHeadline(report: Report): string;
/** The full Markdown report (used for the CLI, the job summary and, later, the tracking issue). */
export declare function renderMarkdown(report: Report): string;

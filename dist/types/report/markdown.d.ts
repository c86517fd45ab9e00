import type { CheckResult, Report, RollbackKit, Status } from '../types.js';
export declare const STATUS_ICON: Record<Status, string>;
export declare function renderResultsTable(results: readonly CheckResult[]): string;
/** Revisions to return to, the exact undo commands and the ConfigMap backup: what a rollback needs. */
export declare function renderRollbackKit(kit: RollbackKit): string;
export declare function renderHeadline(report: Report): string;
/** The full Markdown report (used for the CLI, the job summary and, later, the tracking issue). */
export declare function renderMarkdown(report: Report): string;

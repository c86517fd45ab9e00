import type { CheckResult, Report, RollbackKit, Status } from '../types.js';
export declare const STATUS_ICON: Record<Status, string>;
export declare function renderResultsTable(results: readonly CheckResult[]): string;
/** Revisions to return to, the exact undo commands and the ConfigMap backup: what a rollback needs. */
export declare function renderRollbackKit(kit: RollbackKit): string;
export declare function renderHeadline(report: Report): string;
/** Where the bundle came from: a link to the artifact when it was downloaded. */
export declare function renderSource(report: Report): string;
/** "Why no-go": one line per blocking reason. Empty on go. */
export declare function renderWhy(report: Report): string;
export declare function renderWarnings(report: Report): string;
/** What the dry-run says will change, object by object (env values are never shown). */
export declare function renderChanges(report: Report): string;
/** Per-check details: all of them on no-go, only those that did not pass on go. */
export declare function renderReportDetails(report: Report): string;
export declare function renderScopeNote(report: Report): string;
/** The full Markdown report (the CLI's Markdown output and the job summary). */
export declare function renderMarkdown(report: Report): string;

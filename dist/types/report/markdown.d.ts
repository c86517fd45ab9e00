import type { CheckResult, Report, RollbackKit, Status } from '../core/types.js';
import { type Folded } from './fold.js';
export declare const STATUS_ICON: Record<Status, string>;
export declare function renderResultsTable(results: readonly CheckResult[]): string;
/** The counted lines for what the table leaves out: blocked by a root cause, out of scope, not applicable. */
export declare function renderFolded(folded: Folded): string;
/** Detail lines as a list; a line indented by two spaces belongs to the line above it (one level). */
export declare function detailList(details: readonly string[], max?: number): string;
/** Revisions to return to, the exact undo commands and the ConfigMap backup: what a rollback needs. */
export declare function renderRollbackKit(kit: RollbackKit): string;
export declare function renderHeadline(report: Report): string;
/** Where the bundle came from: a link to the artifact when it was downloaded. */
export declare function renderSource(report: Report): string;
/** "Why no-go": each root cause once, with what it blocked. Empty on go. */
export declare function renderWhy(report: Report): string;
export declare function renderWarnings(report: Report): string;
/** What the dry-run says will change, object by object (env values are never shown). */
export declare function renderChanges(report: Report): string;
/** The results table (what ran and what blocks on its own) and the counted lines for the rest. */
export declare function renderResults(report: Report): string;
/** Per-check details: all of them on no-go, only those that did not pass on go; never the folded ones. */
export declare function renderReportDetails(report: Report): string;
export declare function renderScopeNote(report: Report): string;
/** The checklist section: counts, legend, the run's own phase, the other phase folded. */
export declare function renderChecklistSection(report: Report): string;
export declare function renderTitle(report: Report): string;
/** The full Markdown report (the CLI's Markdown output and the job summary). */
export declare function renderMarkdown(report: Report): string;

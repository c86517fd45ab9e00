import type { LastGo } from '../core/options.js';
import type { Report } from '../core/types.js';
/**
 * The last go recorded in a tracking issue's body, if any. With `keyMarker`, only this tool's part of the
 * body counts (from the key marker on): a marker pasted in people's text above it is not the record.
 */
export declare function readLastGo(body: string, keyMarker?: string): LastGo | undefined;
/** This run when it reached go and knows its commit, else the record already in the body. */
export declare function nextLastGo(report: Report, previousBody: string | undefined, runUrl?: string, keyMarker?: string): LastGo | undefined;
/** The hidden marker and a visible line; empty when there is no record. */
export declare function renderLastGo(lastGo: LastGo | undefined): string;
export declare function renderCommitsSince(report: Report): string;

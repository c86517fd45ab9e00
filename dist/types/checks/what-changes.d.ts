/** What what-changes leaves: per object label, the changes a reviewer reads. */
export interface WhatChangesData {
    changes: Record<string, string[]>;
}
export declare const WHAT_CHANGES_DATA: import("../core/check-data.js").DataKey<WhatChangesData>;
/** "Document: what's changing": per object, live vs the server's dry-run result, as a reviewer reads it. */
export declare const whatChangesCheck: import("../core/check.js").Check;

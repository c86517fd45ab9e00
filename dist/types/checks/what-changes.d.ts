import type { Check } from '../types.js';
/** "Document: what's changing": per object, live vs the server's dry-run result, as a reviewer reads it. */
export declare const whatChangesCheck: Check;

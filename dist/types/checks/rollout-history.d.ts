import type { Check } from '../types.js';
/**
 * "Document current deployment revisions": each Deployment's history as kubectl computes it, the highest
 * revision, the image of each revision, and the exact undo command that returns to what runs now.
 */
export declare const rolloutHistoryCheck: Check;

import { type RolloutHistory } from './rollout.js';
/**
 * "Document current deployment revisions": each Deployment's history as kubectl computes it, the highest
 * revision, the image of each revision, and the exact undo command that returns to what runs now.
 */
/** What rollout-history leaves: each Deployment's highest revision, its history and undo command. */
export interface RolloutHistoryData {
    revisions: Record<string, number>;
    histories: RolloutHistory[];
    undoCommands: string[];
}
export declare const ROLLOUT_HISTORY_DATA: import("../core/check-data.js").DataKey<RolloutHistoryData>;
export declare const rolloutHistoryCheck: import("../core/check.js").Check;

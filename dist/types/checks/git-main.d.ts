/**
 * "Confirm main branch has latest changes": the deployed commit is the head of the default branch, or a
 * tag on it (an older release, deliberately). A commit behind the head without a tag, or one that never
 * reached the default branch, blocks.
 */
import type { Check } from '../types.js';
export declare const gitMainCheck: Check;

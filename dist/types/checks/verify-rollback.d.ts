/**
 * Whether a Deployment was rolled back after the deploy: it runs a template that was already live before
 * the preflight (one of the ReplicaSets recorded then) although a newer revision was rolled out since.
 * `kubectl rollout undo` gives the old ReplicaSet a new, higher revision number, so the template, not
 * the number, tells. A Deployment whose highest revision did not move was not deployed at all (the image
 * check names it).
 */
import type { Check } from '../types.js';
export declare const verifyRollbackCheck: Check;

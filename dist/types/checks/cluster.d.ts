import type { Check } from '../types.js';
/**
 * Stands for the cluster half of the gate (dry-run, rollout history, ConfigMap backup, health, access),
 * which this version does not implement yet. It never passes: a run that was not declared offline is
 * not verified against a cluster, so the policy keeps it at no-go (fail closed) until it is.
 */
export declare const clusterCheck: Check;

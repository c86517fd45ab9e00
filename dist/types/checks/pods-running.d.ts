import { type ListReads } from './cluster-common.js';
/**
 * "kubectl get pods -n vapora (all Running)": every pod Running and Ready. A container in CrashLoopBackOff,
 * or one that restarted within the events window, blocks; older restarts are only counted.
 */
/**
 * What pods-running leaves: restart counts, in total and per pod (the baseline verify compares with);
 * absent when the namespace has no pods yet (nothing to compare with).
 */
export interface PodsRunningData extends ListReads {
    restarts?: number;
    restartsByPod?: Record<string, number>;
}
export declare const PODS_RUNNING_DATA: import("../core/check-data.js").DataKey<PodsRunningData>;
export declare const podsRunningCheck: import("../core/check.js").Check;

import type { Check } from '../types.js';
/**
 * "kubectl get pods -n vapora (all Running)": every pod Running and Ready. A container in CrashLoopBackOff,
 * or one that restarted within the events window, blocks; older restarts are only counted.
 */
export declare const podsRunningCheck: Check;

import type { Check } from '../types.js';
/**
 * "Create backup of current ConfigMap": the live ConfigMap as clean YAML (no server-managed fields), so
 * `kubectl apply -f` of the file restores it. Absent on a first deploy: a warning, not a failure.
 */
export declare const configMapBackupCheck: Check;

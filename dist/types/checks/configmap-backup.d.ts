/**
 * "Create backup of current ConfigMap": the live ConfigMap as clean YAML (no server-managed fields), so
 * `kubectl apply -f` of the file restores it. Absent on a first deploy: a warning, not a failure.
 */
/** What configmap-backup leaves: where the clean YAML backup was written, and how many keys it holds. */
export interface ConfigMapBackupData {
    path: string;
    keys: number;
}
export declare const CONFIGMAP_BACKUP_DATA: import("../core/check-data.js").DataKey<ConfigMapBackupData>;
export declare const configMapBackupCheck: import("../core/check.js").Check;

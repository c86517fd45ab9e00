/** The loose JSON shape of Kubernetes objects as the API returns them (only what we read). */
export interface ObjectMeta {
    name?: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{
        kind: string;
        name: string;
        uid: string;
        controller?: boolean;
    }>;
    creationTimestamp?: string;
    resourceVersion?: string;
    [key: string]: unknown;
}
export interface KubeObjectJson {
    apiVersion?: string;
    kind?: string;
    metadata?: ObjectMeta;
    spec?: any;
    status?: any;
    [key: string]: unknown;
}
/** Splits `apps/v1` into group and version (`v1` → core group ''). */
export declare function splitApiVersion(apiVersion: string): {
    group: string;
    version: string;
};

/** What cluster-access leaves: the server and the version it runs. */
export interface ClusterAccessData {
    server: string;
    version: string;
}
export declare const CLUSTER_ACCESS_DATA: import("../core/check-data.js").DataKey<ClusterAccessData>;
/** "kubectl cluster-info": the API server answers, and which version it runs. */
export declare const clusterAccessCheck: import("../core/check.js").Check;

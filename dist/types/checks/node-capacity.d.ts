import { type ListReads } from './cluster-common.js';
/** Kubernetes quantities: CPU in cores (`250m`, `2`), memory in bytes (`512Mi`, `1G`). */
export declare function parseQuantity(text: string | number | undefined): number;
/**
 * "kubectl top nodes (not near capacity)": usage from metrics.k8s.io when a metrics server serves it;
 * otherwise requested vs allocatable, with a warning that the numbers are requests, not usage. A node
 * metrics-server has no usage for (not scraped yet, or its kubelet unreachable) is counted by requests
 * too, and named — never taken as idle.
 */
/** What node-capacity leaves: each node's CPU and memory share, and where usage came from. */
export interface NodeCapacityData extends ListReads {
    source: string;
    threshold: number;
    nodes: Array<{
        name: string;
        cpuPct: number;
        memoryPct: number;
    }>;
    /** Nodes metrics-server served no usage for (counted by their requests). */
    noMetrics?: string[];
}
export declare const NODE_CAPACITY_DATA: import("../core/check-data.js").DataKey<NodeCapacityData>;
export declare const nodeCapacityCheck: import("../core/check.js").Check;

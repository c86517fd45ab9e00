import type { Check } from '../types.js';
/** Kubernetes quantities: CPU in cores (`250m`, `2`), memory in bytes (`512Mi`, `1G`). */
export declare function parseQuantity(text: string | number | undefined): number;
/**
 * "kubectl top nodes (not near capacity)": usage from metrics.k8s.io when a metrics server serves it;
 * otherwise requested vs allocatable, with a warning that the numbers are requests, not usage. A node
 * metrics-server has no usage for (not scraped yet, or its kubelet unreachable) is counted by requests
 * too, and named — never taken as idle.
 */
export declare const nodeCapacityCheck: Check;

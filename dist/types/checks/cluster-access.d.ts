import type { Check } from '../types.js';
/** "kubectl cluster-info": the API server answers, and which version it runs. */
export declare const clusterAccessCheck: Check;

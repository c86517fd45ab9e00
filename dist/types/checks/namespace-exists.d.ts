import type { Check } from '../types.js';
/** "kubectl get namespace vapora": the target namespace exists (or this bundle creates it). */
export declare const namespaceExistsCheck: Check;

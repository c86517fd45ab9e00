import type { Check } from '../types.js';
/** "kubectl get deployments -n vapora": each expected Deployment exists and is Available. */
export declare const deploymentsAvailableCheck: Check;

import type { Check } from '../types.js';
/** "Verify kubectl version compatibility": the client within one minor version of the server. */
export declare const kubectlVersionCheck: Check;

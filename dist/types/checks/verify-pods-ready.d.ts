import type { Check } from '../types.js';
export declare const verifyPodsReadyCheck: Check;

/**
 * "No pod restarts (restart counts not increasing)": every pod of the namespace against the restart
 * count the preflight recorded (a pod created by the deploy started from 0).
 */
import type { Check } from '../types.js';
export declare const verifyRestartsCheck: Check;

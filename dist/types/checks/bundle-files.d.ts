import type { Check } from '../types.js';
/** The expected-files contract: every expected file present; extra files are reported, not blocking. */
export declare const bundleFilesCheck: Check;

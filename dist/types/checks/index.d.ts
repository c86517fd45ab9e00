import type { Check } from '../core/check.js';
/** Every check, in report order. `bundle-unpack` is reported by the engine itself, before these. */
export declare const ALL_CHECKS: readonly Check[];

import type { Check } from '../types.js';
/** "Verify health endpoints respond (200 OK)", probed `probe-count` times with p50/p95 latency. */
export declare const healthEndpointCheck: Check;

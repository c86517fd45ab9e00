/** "Verify health endpoints respond (200 OK)", probed `probe-count` times with p50/p95 latency. */
export declare const healthEndpointCheck: import("../core/check.js").Check;

/** "API endpoints respond to test requests": each of `api-urls`, expected 200. */
export declare const apiEndpointsCheck: import("../core/check.js").Check;

export declare const tlsExpiryCheck: import("../core/check.js").Check;

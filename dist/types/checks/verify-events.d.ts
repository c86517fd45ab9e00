export declare const verifyEventsCheck: import("../core/check.js").Check;

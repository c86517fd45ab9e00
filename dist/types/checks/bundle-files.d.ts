/** The expected-files contract: every expected file present; extra files are reported, not blocking. */
export declare const bundleFilesCheck: import("../core/check.js").Check;

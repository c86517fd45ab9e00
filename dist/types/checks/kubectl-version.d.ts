/** "Verify kubectl version compatibility": the client within one minor version of the server. */
export declare const kubectlVersionCheck: import("../core/check.js").Check;

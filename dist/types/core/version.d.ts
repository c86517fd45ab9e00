/** Kept equal to package.json's version by a unit test (bundles cannot read package.json at run time). */
export declare const TOOL_NAME = "vapora-preflight";
export declare const TOOL_VERSION = "0.4.0";

/** Every YAML, JSON and TOML file in the bundle parses, with each error located by file, line and column. */
export declare const bundleSyntaxCheck: import("../core/check.js").Check;

/**
 * "All 3 modes validate": for each mode, the TOML, YAML and JSON files must describe the same data.
 * Any difference is a blocking failure listing the differing key paths and (redacted) values, naming the
 * format that disagrees with the other two and pointing at its line.
 */
export declare const configModesCheck: import("../core/check.js").Check;

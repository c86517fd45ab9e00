/**
 * The list syntax shared by action inputs and CLI flags: items separated by newlines or commas,
 * with shell-style braces expanding (`vapora-{solo,enterprise}.{toml,json}` → 4 names).
 */
/** Splits on newlines and on commas outside braces; trims; drops empty items and `#` comments. */
export declare function splitList(raw: string): string[];
/** Expands the first `{a,b}` group recursively. Unbalanced braces are left as written. */
export declare function expandBraces(pattern: string): string[];
/** `splitList` then `expandBraces` on each item, duplicates removed, order kept. */
export declare function parsePatternList(raw: string): string[];

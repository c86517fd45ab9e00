/**
 * Text from a bundle (file names, keys, messages quoting values) ends up in Markdown that GitHub renders
 * and that later runs parse. Escaping keeps it from injecting HTML, fake item markers or table cells.
 */
export declare function inline(text: string, max?: number): string;
/** `inline`, plus `|` escaped for table cells. */
export declare function cell(text: string, max?: number): string;

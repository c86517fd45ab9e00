/**
 * Text from a bundle (file names, keys, messages quoting values) ends up in Markdown that GitHub renders
 * and that later runs parse. Escaping keeps it from injecting HTML, fake item markers, code spans or table
 * cells. Our own wording (hints, checklist items) may hold `code spans`: `prose` keeps those.
 */
/** Untrusted text as inline Markdown: it can never start a line, so it cannot fake a heading or a box. */
export declare function inline(text: string, max?: number): string;
/** `inline`, plus `|` escaped for table cells. */
export declare function cell(text: string, max?: number): string;
/** Any text as a code span: shown literally, whatever backticks it holds (the fence is longer). */
export declare function code(text: string): string;
/** `code` for a table cell: a `|` would end the cell even inside a code span. */
export declare function codeCell(text: string): string;
/** Our own wording (hints, checklist items): its `code spans` stay code, everything else is `inline`. */
export declare function prose(text: string): string;
/**
 * Joins Markdown blocks with one blank line between them. An HTML block (`</details>`, a comment) runs
 * to the next blank line and swallows whatever follows it: every block must end at a blank line.
 */
export declare function blocks(...parts: ReadonlyArray<string | undefined | false>): string;

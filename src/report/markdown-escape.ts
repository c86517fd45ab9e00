/**
 * Text from a bundle (file names, keys, messages quoting values) ends up in Markdown that GitHub renders
 * and that later runs parse. Escaping keeps it from injecting HTML, fake item markers, code spans or table
 * cells. Our own wording (hints, checklist items) may hold `code spans`: `prose` keeps those.
 */

/** One line: every line break GitHub honours (a lone CR too) and other control characters become spaces. */
function flatten(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\s\x00-\x1f\x7f\u2028\u2029]+/g, ' ').trim()
}

function escapeText(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // No links or code spans of its own, and no @mentions or #references that would notify people or
      // cross-link.
      .replace(/[[\]`]/g, '\\$&')
      .replace(/([@#])(?=[\w-])/g, '$1\u2060')
  )
}

/** Untrusted text as inline Markdown: it can never start a line, so it cannot fake a heading or a box. */
export function inline(text: string, max = 300): string {
  const flat = flatten(text)
  return escapeText(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat)
}

/** `inline`, plus `|` escaped for table cells. */
export function cell(text: string, max = 200): string {
  return inline(text, max).replace(/\|/g, '\\|')
}

/** Any text as a code span: shown literally, whatever backticks it holds (the fence is longer). */
export function code(text: string): string {
  const flat = flatten(text)
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/** `code` for a table cell: a `|` would end the cell even inside a code span. */
export function codeCell(text: string): string {
  return code(text).replace(/\|/g, '\\|')
}

/** Our own wording (hints, checklist items): its `code spans` stay code, everything else is `inline`. */
export function prose(text: string): string {
  return flatten(text)
    .split(/(`[^`]+`)/)
    .map(part => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? part : escapeText(part)))
    .join('')
}

/**
 * Joins Markdown blocks with one blank line between them. An HTML block (`</details>`, a comment) runs
 * to the next blank line and swallows whatever follows it: every block must end at a blank line.
 */
export function blocks(...parts: ReadonlyArray<string | undefined | false>): string {
  return parts
    .filter((part): part is string => typeof part === 'string')
    .map(part => part.replace(/^\n+|\s+$/g, ''))
    .filter(part => part !== '')
    .join('\n\n')
}

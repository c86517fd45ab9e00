/**
 * Text from a bundle (file names, keys, messages quoting values) ends up in Markdown that GitHub renders
 * and that later runs parse. Escaping keeps it from injecting HTML, fake item markers or table cells.
 */
export function inline(text: string, max = 300): string {
  // Every line break GitHub honours (a lone CR too) and other control characters become spaces: bundle
  // text can never start a line, so it cannot fake a heading, a checkbox or a table row.
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\s\x00-\x1f\x7f\u2028\u2029]+/g, ' ').trim()
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
  return (
    cut
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // No links of its own, and no @mentions or #references that would notify people or cross-link.
      .replace(/[[\]]/g, '\\$&')
      .replace(/([@#])(?=[\w-])/g, '$1\u2060')
  )
}

/** `inline`, plus `|` escaped for table cells. */
export function cell(text: string, max = 200): string {
  return inline(text, max).replace(/\|/g, '\\|')
}

/**
 * Text from a bundle (file names, keys, messages quoting values) ends up in Markdown that GitHub renders
 * and that later runs parse. Escaping keeps it from injecting HTML, fake item markers or table cells.
 */
export function inline(text: string, max = 300): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim()
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
  return cut.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** `inline`, plus `|` escaped for table cells. */
export function cell(text: string, max = 200): string {
  return inline(text, max).replace(/\|/g, '\\|')
}

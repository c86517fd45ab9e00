/**
 * The list syntax shared by action inputs and CLI flags: items separated by newlines or commas,
 * with shell-style braces expanding (`vapora-{solo,enterprise}.{toml,json}` → 4 names).
 */

/** Splits on newlines and on commas outside braces; trims; drops empty items and `#` comments. */
export function splitList(raw: string): string[] {
  const items: string[] = []
  let depth = 0
  let current = ''
  for (const ch of raw) {
    if (ch === '{') depth++
    if (ch === '}') depth = Math.max(0, depth - 1)
    if (ch === '\n' || (ch === ',' && depth === 0)) {
      items.push(current)
      current = ''
      continue
    }
    current += ch
  }
  items.push(current)
  return items.map(item => item.replace(/#.*$/, '').trim()).filter(item => item !== '')
}

/** Expands the first `{a,b}` group recursively. Unbalanced braces are left as written. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{')
  if (open < 0) return [pattern]
  let depth = 0
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++
    if (pattern[i] === '}' && --depth === 0) {
      const inner = pattern.slice(open + 1, i)
      const alternatives = splitTopLevelCommas(inner)
      const head = pattern.slice(0, open)
      const tail = pattern.slice(i + 1)
      return alternatives.flatMap(alt => expandBraces(head + alt + tail))
    }
  }
  return [pattern]
}

function splitTopLevelCommas(inner: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of inner) {
    if (ch === '{') depth++
    if (ch === '}') depth--
    if (ch === ',' && depth === 0) {
      parts.push(current)
      current = ''
      continue
    }
    current += ch
  }
  parts.push(current)
  return parts.map(p => p.trim())
}

/** `splitList` then `expandBraces` on each item, duplicates removed, order kept. */
export function parsePatternList(raw: string): string[] {
  return [...new Set(splitList(raw).flatMap(expandBraces))]
}

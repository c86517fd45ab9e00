/**
 * Maps a key path (as the checks see a parsed value) back to a line and column in the bundle file, so a
 * finding can point at `namespace:` itself rather than at the start of the document. Each format has its
 * own small locator; all of them are linear scans and none of them throws.
 */
import { parseAllDocuments, LineCounter, isAlias, isMap, isSeq, isPair, isScalar } from 'yaml'
import type { Document, Node } from 'yaml'

/** A 1-based line and column. */
export interface Position {
  line: number
  column: number
}

/** The formats a bundle file can have. */
export type Format = 'yaml' | 'json' | 'toml'

/** A key path as the checks use it: strings are map keys, numbers are array indexes. */
export type KeyPath = ReadonlyArray<string | number>

/** Where a key path was found. */
export interface Located extends Position {
  /** true when the whole path was found; false when only a prefix was (the position is then the deepest ancestor found, or the document start for an empty prefix). */
  exact: boolean
}

type Locate = (path: KeyPath, docIndex: number) => Located | undefined

/**
 * Returns a function that locates a key path within document `docIndex` (0-based; YAML multi-document
 * files; always 0 for JSON/TOML) of `text`.
 * The text is parsed lazily, once, on the first call (never at creation), and never throws: on unparsable
 * text it returns undefined.
 * For a map entry the position is that of its KEY (e.g. the `n` of `namespace: x`); for an array element,
 * the start of the element (for YAML block sequences the element's node, i.e. after "- ").
 */
export function createLocator(
  format: Format,
  text: string
): (path: KeyPath, docIndex?: number) => Located | undefined {
  const build = { yaml: yamlLocator, json: jsonLocator, toml: tomlLocator }[format]
  let locate: Locate | undefined
  return (path, docIndex = 0) => {
    try {
      locate ??= build(text)
      return locate(path, docIndex)
    } catch {
      // Defensive: a locator is a nicety for annotations and must never fail a run.
      return undefined
    }
  }
}

/** A LineCounter filled by hand, for the formats that do not go through the yaml parser. */
function countLines(text: string): LineCounter {
  const counter = new LineCounter()
  counter.addNewLine(0)
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1)
  return counter
}

/**
 * The walk all three formats share: from the document root, `step` finds a segment's child (with the
 * offset to report); where it finds none, the deepest offset reached is reported as inexact.
 */
function follow<T extends { at: number }>(
  counter: LineCounter,
  root: T,
  path: KeyPath,
  step: (node: T, segment: string | number) => T | undefined
): Located {
  let node = root
  let exact = true
  for (const segment of path) {
    const next = step(node, segment)
    if (!next) {
      exact = false
      break
    }
    node = next
  }
  const { line, col } = counter.linePos(node.at)
  return { line, column: col, exact }
}

/** A numeric array index from a path segment; -1 when it is not one. */
const indexOf = (segment: string | number): number =>
  typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1

/** The value of a quoted JSON string (TOML basic strings share most escapes); undefined if invalid. */
function unquote(raw: string): string | undefined {
  try {
    return JSON.parse(raw) as string
  } catch {
    return undefined
  }
}

// ---------------------------------------------------------------------------------------------- YAML

function yamlLocator(text: string): Locate {
  const counter = new LineCounter()
  const parsed = parseAllDocuments(text, { uniqueKeys: true, strict: true, lineCounter: counter })
  // An empty file gives an EmptyStream; the index of a document counts empty documents too, like parse.ts.
  const docs: Document[] = Array.isArray(parsed) ? parsed : []

  return (path, docIndex) => {
    const doc = docs[docIndex]
    // A document with errors is not checked (parse.ts skips it), so there is nothing to point into.
    if (!doc || doc.errors.length > 0) return undefined
    const root = { at: doc.contents?.range?.[0] ?? 0, node: doc.contents as unknown }
    return follow(counter, root, path, ({ node }, segment) => {
      if (isAlias(node)) node = node.resolve(doc)
      if (isMap(node)) {
        const pair = node.items.find(
          item => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment)
        )
        return pair && located(pair.key, pair.value)
      }
      if (!isSeq(node)) return undefined
      const item = node.items[indexOf(segment)]
      return located(item, item)
    })
  }
}

/** The step result for a YAML node: reported at `where`'s start, continuing into `node`. */
function located(where: unknown, node: unknown): { at: number; node: unknown } | undefined {
  const at = (where as Node | null | undefined)?.range?.[0]
  return at === undefined ? undefined : { at, node }
}

// ---------------------------------------------------------------------------------------------- JSON

/**
 * Follows the path through the text without building values, and stops as soon as the path is found:
 * nothing after it needs to be valid. Skipped values are only bracket-matched, not validated (scanJson
 * reports syntax errors); on anything unexpected the deepest position reached so far is returned.
 */
function jsonLocator(text: string): Locate {
  const counter = countLines(text)
  return (path, docIndex) => {
    let pos = 0
    const skipSpace = (): void => {
      while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++
    }
    const readString = (): string | undefined => {
      const start = pos++
      while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1
      return pos++ < text.length ? unquote(text.slice(start, pos)) : undefined
    }
    // Moves to the ',' or closer that ends the current value, at its own nesting level (or to the end).
    const skipValue = (): void => {
      for (let depth = 0; pos < text.length;) {
        const ch = text[pos]
        if (ch === '"') readString()
        else if (depth === 0 && ',}]'.includes(ch)) return
        else {
          depth += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0
          pos++
        }
      }
    }
    // With pos on '{': leaves pos on the value of the first member named `key`, returns the key's offset.
    const findMember = (key: string): number | undefined => {
      for (;;) {
        pos++ // past '{' or ','
        skipSpace()
        const at = pos
        if (text[pos] !== '"') return undefined
        const name = readString()
        skipSpace()
        if (text[pos++] !== ':') return undefined
        skipSpace()
        if (name === key) return at
        skipValue()
        if (text[pos] !== ',') return undefined
      }
    }
    // With pos on '[': leaves pos on element `index`, returns its offset.
    const findElement = (index: number): number | undefined => {
      for (let i = 0; ; i++) {
        pos++ // past '[' or ','
        skipSpace()
        if (pos >= text.length || text[pos] === ']' || index < 0) return undefined
        if (i === index) return pos
        skipValue()
        if (text[pos] !== ',') return undefined
      }
    }

    skipSpace()
    if (docIndex !== 0 || !/^(["{[\-\d]|true|false|null)/.test(text.slice(pos, pos + 5))) return undefined
    return follow(counter, { at: pos }, path, (_, segment) => {
      const ch = text[pos]
      const at =
        ch === '{' ? findMember(String(segment)) : ch === '[' ? findElement(indexOf(segment)) : undefined
      return at === undefined ? undefined : { at }
    })
  }
}

// ---------------------------------------------------------------------------------------------- TOML

/** A trie of every key, table and element seen, keyed by segment (array indexes as strings). */
interface TomlNode {
  at: number
  /** For an array of tables: how many `[[…]]` elements were seen so far. */
  count?: number
  kids: Map<string, TomlNode>
}

/** The node for `name` under `parent`, created on first sight; the first occurrence keeps its offset. */
function child(parent: TomlNode, name: string, at: number): TomlNode {
  let node = parent.kids.get(name)
  if (!node) parent.kids.set(name, (node = { at, kids: new Map() }))
  return node
}

const MAX_TOML_DEPTH = 100
const BARE_KEY = /[A-Za-z0-9_-]+/y

/**
 * One pass over the text that indexes every key offset; it understands headers, dotted and quoted keys,
 * and reads values token by token, so lines inside multi-line strings and arrays are never taken for keys.
 * On anything it does not understand it stops, keeping what was indexed before: a wrong position would be
 * worse than the parent's. Linear: every character is consumed once.
 */
function indexToml(text: string): TomlNode {
  const root: TomlNode = { at: 0, kids: new Map() }
  let pos = 0
  const stop = (): never => {
    throw new Error('stop')
  }
  const skipBlank = (newlines: boolean): void => {
    for (;;) {
      const ch = text[pos]
      if (ch === ' ' || ch === '\t' || (newlines && (ch === '\n' || ch === '\r'))) pos++
      else if (ch === '#') while (pos < text.length && text[pos] !== '\n') pos++
      else return
    }
  }
  const readKey = (): Array<{ name: string; at: number }> => {
    const keys: Array<{ name: string; at: number }> = []
    for (;;) {
      skipBlank(false)
      const at = pos
      const ch = text[pos]
      if (ch === '"' || ch === "'") {
        // A TOML-only escape (such as \U0001F600) keeps its raw spelling.
        const raw = text.slice(pos, skipString())
        keys.push({ name: (ch === '"' && unquote(raw)) || raw.slice(1, -1), at })
      } else {
        BARE_KEY.lastIndex = pos
        const bare = BARE_KEY.exec(text)?.[0] ?? stop()
        keys.push({ name: bare, at })
        pos += bare.length
      }
      skipBlank(false)
      if (text[pos] !== '.') return keys
      pos++
    }
  }
  // Skips a string starting at pos (any of the four kinds) and returns the offset after it.
  const skipString = (): number => {
    const quote = text[pos]
    const triple = text.startsWith(quote.repeat(3), pos)
    for (pos += triple ? 3 : 1; ;) {
      if (pos >= text.length || (!triple && text[pos] === '\n')) stop()
      if (quote === '"' && text[pos] === '\\') pos += 2
      else if (text[pos] !== quote) pos++
      else {
        // Up to two quotes may precede a closing """: `""""` ends with a quote in the content.
        let run = 1
        while (triple && run < 5 && text[pos + run] === quote) run++
        pos += run
        if (!triple || run >= 3) return pos
      }
    }
  }
  const walk = (base: TomlNode, keys: Array<{ name: string; at: number }>): TomlNode =>
    keys.reduce((node, key) => {
      const next = child(node, key.name, key.at)
      // `[a.b]` after `[[a]]` means a table inside the latest element of a.
      return next.count === undefined ? next : (next.kids.get(String(next.count - 1)) ?? next)
    }, base)
  const readValue = (node: TomlNode, depth: number): void => {
    if (depth > MAX_TOML_DEPTH) stop()
    const ch = text[pos]
    if (ch === '"' || ch === "'") skipString()
    else if (ch === '[' || ch === '{') {
      const close = ch === '[' ? ']' : '}'
      pos++
      for (let i = 0; ; i++) {
        skipBlank(true) // newlines inside inline tables are TOML 1.1, harmless to accept
        if (text[pos] === close) break
        if (ch === '[') readValue(child(node, String(i), pos), depth + 1)
        else readKeyValue(node, depth + 1)
        skipBlank(true)
        if (text[pos] === ',') pos++
        else if (text[pos] !== close) stop()
      }
      pos++
    } else {
      // Numbers, booleans and dates (which may contain a space) run up to a separator.
      const start = pos
      while (pos < text.length && !',]}#\r\n'.includes(text[pos])) pos++
      if (pos === start) stop()
    }
  }
  const readKeyValue = (table: TomlNode, depth: number): void => {
    const node = walk(table, readKey())
    if (text[pos++] !== '=') stop()
    skipBlank(false)
    readValue(node, depth)
  }
  const readHeader = (): TomlNode => {
    const start = pos
    const array = text.startsWith('[[', pos)
    pos += array ? 2 : 1
    const keys = readKey()
    if (!text.startsWith(array ? ']]' : ']', pos)) stop()
    pos += array ? 2 : 1
    if (!array) return walk(root, keys)
    const last = keys.pop()!
    const list = child(walk(root, keys), last.name, last.at)
    list.count = (list.count ?? 0) + 1
    return child(list, String(list.count - 1), start)
  }

  try {
    let table = root
    for (;;) {
      skipBlank(true)
      if (pos >= text.length) break
      if (text[pos] === '[') table = readHeader()
      else readKeyValue(table, 0)
      skipBlank(false)
      if (pos < text.length && text[pos] !== '\n' && text[pos] !== '\r') stop()
    }
  } catch {
    // Stopped on something unexpected: keep the index built so far.
  }
  return root
}

function tomlLocator(text: string): Locate {
  const counter = countLines(text)
  const root = indexToml(text)
  return (path, docIndex) =>
    docIndex === 0
      ? follow(counter, root, path, (node, segment) => node.kids.get(String(segment)))
      : undefined
}

/**
 * A fast first reading of plain YAML: js-yaml's event parser and constructor (YAML 1.2, core schema),
 * about three times faster than `yaml` on a cold start, where a preflight spends its time. It answers
 * only for text inside a plain subset where the two parsers were shown to agree on every document's
 * value and on whether it is valid at all (the differential test in __tests__/fast-yaml.test.ts, and
 * millions of mutated bundles before it); anything else — a tag, an anchor, a directive, a tab, an
 * escape beyond \" \\ \/ \n \r \t, a key that is not plainly a string, a number too big for a double, a
 * flow collection that does not end on its own line, an error — gets undefined, and `yaml` reads it with
 * the exact messages and positions the findings quote.
 */
import {
  COLLECTION_STYLE_FLOW,
  CORE_SCHEMA,
  EVENT_ID,
  SCALAR_STYLE_DOUBLE_QUOTED,
  SCALAR_STYLE_PLAIN,
  constructFromEvents,
  parseEvents,
  type Event
} from 'js-yaml'
import { lineColumnAt } from './json-scan.js'

export interface FastDocument {
  /** 0-based position of the document in the file (as `yaml`'s parseAllDocuments counts them). */
  index: number
  /** 1-based line where the document's content starts. */
  line: number
  value: unknown
}

/** Text characters the subset leaves to `yaml`: tabs, a byte-order mark, a carriage return alone. */
const UNUSUAL_CHARACTER = /[\t\ufeff]|\r(?!\n)/
/** A document marker other than a bare `---` at the start of a line (`...`, an indented one, content after it). */
const UNUSUAL_MARKER = /^(?:[ ]*\.\.\.|[ ]+---)(?:[ \r\n]|$)|^---[ ]+[^ \r\n#]/m
/** A plain key that the core schema might read as other than a string (a number, null, a boolean, empty). */
const STRING_KEY = /^[A-Za-z_$/]/
const NOT_A_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/
/** What the core schema reads as a number: such a scalar is left to `yaml` when a double cannot hold it. */
const NUMBER =
  /^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/
/** Double-quoted escapes both parsers read alike. */
const UNUSUAL_ESCAPE = /\\[^"\\/nrt]/

const bigNumber = (source: string): boolean =>
  NUMBER.test(source) && (source.length > 15 || !Number.isFinite(Number(source)))

/**
 * Where the flow collection opening at `start` closes on its own line (quotes skipped), or -1 when it
 * does not close there.
 */
function flowEnd(text: string, start: number): number {
  let depth = 0
  let quote: string | undefined
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (c === '\n' || c === '\r') return -1
    if (quote) {
      if (quote === "'" && c === "'" && text[i + 1] === "'") i++
      else if (quote === '"' && c === '\\') i++
      else if (c === quote) quote = undefined
      continue
    }
    // A quote opens a scalar only where one can start: after an indicator or a space.
    if ((c === '"' || c === "'") && /[[{,:\s]/.test(text[i - 1])) quote = c
    else if (c === '[' || c === '{') depth++
    else if (c === ']' || c === '}') {
      if (--depth === 0) return i
    }
  }
  return -1
}

/** A flow collection in block context must end its line (a comment may follow). */
function flowEndsLine(text: string, start: number): boolean {
  const end = flowEnd(text, start)
  if (end < 0) return false
  const rest = /^[^\r\n]*/.exec(text.slice(end + 1))![0]
  return /^(?:[ ]+#.*)?[ ]*$/.test(rest)
}

/** The documents of `text` when it is inside the plain subset, else undefined (read it with `yaml`). */
export function fastYaml(text: string): FastDocument[] | undefined {
  if (UNUSUAL_CHARACTER.test(text) || UNUSUAL_MARKER.test(text)) return undefined
  let events: Event[]
  try {
    events = parseEvents(text, {})
  } catch {
    return undefined
  }
  const starts: number[] = []
  let awaitingContent = false
  // Per open collection: for a mapping, whether its next node is a key; null for a sequence. Flow
  // collections inside a flow collection are checked with it, as one.
  const open: Array<{ key: boolean | null; flow: boolean }> = []
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      if (event.directives.length > 0) return undefined
      starts.push(-1)
      awaitingContent = true
      continue
    }
    if (event.type === EVENT_ID.POP) {
      open.pop()
      continue
    }
    if (event.type === EVENT_ID.ALIAS || event.tagStart !== -1 || event.anchorStart !== -1) return undefined
    const start = event.type === EVENT_ID.SCALAR ? event.valueStart : event.start
    if (awaitingContent) {
      // A document that is one block scalar: `yaml` places it at its header, js-yaml at its text.
      if (event.type === EVENT_ID.SCALAR && event.style > SCALAR_STYLE_DOUBLE_QUOTED) return undefined
      starts[starts.length - 1] = start
      awaitingContent = false
    }
    if (event.type === EVENT_ID.SCALAR) {
      const source = text.slice(event.valueStart, event.valueEnd)
      if (event.style === SCALAR_STYLE_PLAIN && bigNumber(source)) return undefined
      if (event.style === SCALAR_STYLE_DOUBLE_QUOTED && UNUSUAL_ESCAPE.test(source)) return undefined
    }
    const parent = open[open.length - 1]
    if (parent && parent.key !== null) {
      if (parent.key) {
        if (event.type !== EVENT_ID.SCALAR) return undefined
        const source = text.slice(event.valueStart, event.valueEnd)
        if (/[\r\n]/.test(source)) return undefined
        if (event.style === SCALAR_STYLE_PLAIN && (!STRING_KEY.test(source) || NOT_A_STRING.test(source)))
          return undefined
      }
      parent.key = !parent.key
    }
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const flow = event.style === COLLECTION_STYLE_FLOW
      if (flow && !parent?.flow && !flowEndsLine(text, start)) return undefined
      open.push({ key: event.type === EVENT_ID.MAPPING ? true : null, flow: flow || parent?.flow === true })
    }
  }
  let values: unknown[]
  try {
    values = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 })
  } catch {
    return undefined
  }
  const documents: FastDocument[] = []
  values.forEach((value, index) => {
    if (value === null || value === undefined) return
    const start = starts[index] ?? -1
    documents.push({ index, line: start >= 0 ? lineColumnAt(text, start).line : 1, value })
  })
  return documents
}

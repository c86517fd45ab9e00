/**
 * A strict JSON scanner that only locates problems. `JSON.parse` gives the values, but its messages do
 * not always carry a position (e.g. "Unexpected end of JSON input") and it silently keeps the last of
 * duplicate keys — which would let two formats of one config "agree" while the file says two things.
 */

export interface JsonProblem {
  message: string
  offset: number
}

const MAX_DEPTH = 512

/** Returns the first syntax error and every duplicate key, with byte offsets into `text`. */
export function scanJson(text: string): { syntax?: JsonProblem; duplicates: JsonProblem[] } {
  const duplicates: JsonProblem[] = []
  let pos = 0

  const fail = (message: string, at = pos): never => {
    throw Object.assign(new Error(message), { offset: at })
  }
  const skipWhitespace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++
  }
  const describe = (at: number): string =>
    at >= text.length ? 'end of input' : `${JSON.stringify(text[at])}`

  const scanString = (): string => {
    const start = pos
    pos++ // opening quote
    let out = ''
    while (pos < text.length) {
      const ch = text[pos]
      if (ch === '"') {
        pos++
        return out
      }
      if (ch === '\\') {
        const esc = text[pos + 1]
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) fail('invalid \\u escape in string')
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16))
          pos += 6
          continue
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) fail('invalid escape in string', pos)
        out += esc
        pos += 2
        continue
      }
      if (ch < ' ') fail('control character (e.g. a raw newline) inside a string')
      out += ch
      pos++
    }
    return fail('unterminated string', start)
  }

  const scanNumber = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400))
    if (!match || match[0] === '' || match[0] === '-') fail(`unexpected ${describe(pos)}`)
    pos += match![0].length
  }

  const scanValue = (depth: number): void => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`)
    skipWhitespace()
    const ch = text[pos]
    if (ch === '{') return scanObject(depth)
    if (ch === '[') return scanArray(depth)
    if (ch === '"') {
      scanString()
      return
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) return scanNumber()
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, pos)) {
        pos += word.length
        return
      }
    }
    fail(`unexpected ${describe(pos)}, expected a value`)
  }

  const scanObject = (depth: number): void => {
    pos++
    const keys = new Set<string>()
    skipWhitespace()
    if (text[pos] === '}') {
      pos++
      return
    }
    for (;;) {
      skipWhitespace()
      if (text[pos] !== '"') fail(`unexpected ${describe(pos)}, expected a "quoted" key`)
      const keyAt = pos
      const key = scanString()
      if (keys.has(key)) duplicates.push({ message: `duplicate key "${key}"`, offset: keyAt })
      keys.add(key)
      skipWhitespace()
      if (text[pos] !== ':') fail(`unexpected ${describe(pos)}, expected ':' after key "${key}"`)
      pos++
      scanValue(depth + 1)
      skipWhitespace()
      if (text[pos] === ',') {
        const comma = pos++
        skipWhitespace()
        if (text[pos] === '}') fail('trailing comma before }', comma)
        continue
      }
      if (text[pos] === '}') {
        pos++
        return
      }
      fail(`unexpected ${describe(pos)}, expected ',' or '}'`)
    }
  }

  const scanArray = (depth: number): void => {
    pos++
    skipWhitespace()
    if (text[pos] === ']') {
      pos++
      return
    }
    for (;;) {
      scanValue(depth + 1)
      skipWhitespace()
      if (text[pos] === ',') {
        const comma = pos++
        skipWhitespace()
        if (text[pos] === ']') fail('trailing comma before ]', comma)
        continue
      }
      if (text[pos] === ']') {
        pos++
        return
      }
      fail(`unexpected ${describe(pos)}, expected ',' or ']'`)
    }
  }

  try {
    scanValue(0)
    skipWhitespace()
    if (pos < text.length) fail(`unexpected ${describe(pos)} after the end of the JSON value`)
    return { duplicates }
  } catch (error) {
    const { message, offset } = error as Error & { offset: number }
    return { syntax: { message, offset }, duplicates }
  }
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/**
 * The fast YAML reading (src/bundle/fast-yaml.ts) against `yaml`, the parser whose findings we quote:
 * wherever the fast path answers, `yaml` must find no error and no warning and read the same documents
 * (values, indices, lines). Mutated example files probe the edges: a fixed seed keeps it reproducible.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { fastYaml, type FastDocument } from '../src/bundle/fast-yaml.js'
import { lineColumnAt } from '../src/bundle/json-scan.js'
import { MAX_YAML_ALIAS_COUNT } from '../src/bundle/parse.js'

/** What `yaml` reads, as parse.ts reads it; undefined when it finds an error or a warning. */
function slowYaml(text: string): FastDocument[] | undefined {
  const documents: FastDocument[] = []
  for (const [index, doc] of parseAllDocuments(text, { uniqueKeys: true, strict: true }).entries()) {
    if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined
    const line = doc.contents?.range ? lineColumnAt(text, doc.contents.range[0]).line : 1
    try {
      const value = doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT })
      if (value !== null && value !== undefined) documents.push({ index, line, value })
    } catch {
      return undefined
    }
  }
  return documents
}

const corpus = ['examples/bundle', 'examples/broken/yaml-duplicate-key'].flatMap(dir =>
  readdirSync(dir)
    .filter(f => /\.ya?ml$/.test(f))
    .map(f => readFileSync(join(dir, f), 'utf8'))
)

/** mulberry32: a small seeded generator, so a failure reproduces. */
function random(seed: number): (n: number) => number {
  return n => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) % n
  }
}

const PIECES = [
  ':',
  ' ',
  '-',
  '#',
  "'",
  '"',
  '\n',
  '\t',
  '[',
  ']',
  '{',
  '}',
  ',',
  '|',
  '>',
  '?',
  '\\',
  '0',
  '1',
  '.',
  'e',
  '_',
  '+',
  'true',
  'null',
  '~',
  '---',
  '...',
  '\r\n',
  '\r',
  '  ',
  '\ufeff',
  '%',
  '&a',
  '*a',
  '!!str',
  '<<',
  '0x1F',
  '0o17',
  '.inf',
  '1e400',
  '\n- ',
  '\nkey: ',
  '\n? ',
  '\n: ',
  '\\"',
  '\\n',
  '\\x41'
]

function mutate(text: string, rnd: (n: number) => number): string {
  for (let k = 1 + rnd(3); k > 0; k--) {
    const at = rnd(text.length + 1)
    const op = rnd(5)
    if (op === 0) text = text.slice(0, at) + text.slice(at + 1 + rnd(3))
    else if (op === 1) text = text.slice(0, at) + PIECES[rnd(PIECES.length)] + text.slice(at + 1)
    else if (op === 4) {
      const lines = text.split('\n')
      lines.splice(rnd(lines.length), 0, lines[rnd(lines.length)])
      text = lines.join('\n')
    } else text = text.slice(0, at) + PIECES[rnd(PIECES.length)] + text.slice(at)
  }
  return text
}

describe('fast YAML reading', () => {
  it('reads every YAML file of the example bundle, exactly as yaml does', () => {
    for (const text of corpus.slice(0, 6)) {
      const fast = fastYaml(text)
      expect(fast).toBeDefined()
      expect(fast).toEqual(slowYaml(text))
    }
  })

  it.each([
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a tag', 'a: !!str 1\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a directive', '%YAML 1.1\n---\na: yes\n'],
    ['a tab', 'a:\t1\n'],
    ['a byte-order mark inside', 'a: 1\n\ufeff---\nb: 2\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['an empty key', ': 1\n'],
    ['a null key', '~: 1\n'],
    ['a number key', '8080: web\n'],
    ['a complex key', '? [a, b]\n: c\n'],
    ['a number a double cannot hold', 'a: 1e400\n'],
    ['an escape beyond the common ones', 'a: "\\x41"\n'],
    ['an escaped line break', 'a: "one\\\n  two"\n'],
    ['text after a flow collection', 'a:\n- [1, 2]y: \n- b\n'],
    ['a flow collection over two lines', 'a: [1,\n  2]\n'],
    ['a carriage return alone', 'a: 1\rb: 2\n'],
    ['a syntax error', 'a: "unclosed\n']
  ])('leaves %s to yaml', (_what, text) => {
    expect(fastYaml(text)).toBeUndefined()
  })

  it('never answers where yaml finds a problem or reads otherwise (3,000 mutated files)', () => {
    const rnd = random(20261202)
    let answered = 0
    for (let i = 0; i < 3000; i++) {
      const text = mutate(corpus[rnd(corpus.length)], rnd)
      const fast = fastYaml(text)
      if (!fast) continue
      answered++
      // On a mismatch, the text is in the message: it reproduces the case.
      expect({ text, documents: slowYaml(text) }).toEqual({ text, documents: fast })
    }
    // The fast path is not vacuous: it answers for a good share of the plain mutants.
    expect(answered).toBeGreaterThan(500)
  })
})

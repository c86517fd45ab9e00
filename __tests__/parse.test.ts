import { describe, expect, it } from '@jest/globals'
import { parseText } from '../src/bundle/parse.js'
import { lineColumnAt, scanJson } from '../src/bundle/json-scan.js'

describe('YAML parsing', () => {
  it('reads every document of a multi-document file with the line each starts on', () => {
    const parsed = parseText('d.yaml', 'a: 1\n---\nb: 2\n---\n# only a comment\n---\nc: 3\n', 'yaml')
    expect(parsed.errors).toEqual([])
    expect(parsed.documents.map(d => [d.index, d.line, d.value])).toEqual([
      [0, 1, { a: 1 }],
      [1, 3, { b: 2 }],
      [3, 7, { c: 3 }]
    ])
  })

  it('reports a syntax error with file, line and column', () => {
    const parsed = parseText('deployment.yaml', 'metadata:\n  name: x\nspec:\n\treplicas: 2\n', 'yaml')
    expect(parsed.errors[0]).toMatchObject({ file: 'deployment.yaml', line: 4, column: 1 })
    expect(parsed.errors[0].message).toMatch(/\(\w+\)$/)
  })

  it('treats a duplicate key as an error at the second occurrence', () => {
    const parsed = parseText('configmap.yaml', 'data:\n  A: "1"\n  B: "2"\n  A: "3"\n', 'yaml')
    expect(parsed.errors).toHaveLength(1)
    expect(parsed.errors[0]).toMatchObject({ line: 4, column: 3 })
    expect(parsed.errors[0].message).toMatch(/unique/)
  })

  it('bounds alias expansion ("billion laughs")', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i)
      const name = String.fromCharCode(97 + i)
      rows.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`)
    }
    const parsed = parseText('bomb.yaml', rows.join('\n'), 'yaml')
    expect(parsed.documents).toEqual([])
    expect(parsed.errors[0].message).toMatch(/alias/i)
  })

  it('treats an empty file as no documents and no errors', () => {
    expect(parseText('e.yaml', '', 'yaml')).toMatchObject({ documents: [], errors: [] })
  })
})

describe('JSON parsing', () => {
  it.each([
    ['a trailing comma', '{\n  "a": 1,\n}', 2, 9, /trailing comma/],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected ',' or '}'/],
    ['an unterminated string', '{\n  "a": "x\n}', 2, 10, /control character|unterminated/],
    ['truncated input', '{\n  "a": [1, 2', 2, 13, /end of input/],
    ['a single-quoted key', "{'a': 1}", 1, 2, /quoted/],
    ['garbage after the value', '{}\n{}', 2, 1, /after the end/]
  ])('locates %s', (_what, text, line, column, message) => {
    const parsed = parseText('x.json', text, 'json')
    expect(parsed.errors).toHaveLength(1)
    expect(parsed.errors[0]).toMatchObject({ file: 'x.json', line, column })
    expect(parsed.errors[0].message).toMatch(message)
  })

  it('reports duplicate keys, which JSON.parse silently resolves', () => {
    const parsed = parseText('x.json', '{\n  "port": 1,\n  "port": 2\n}', 'json')
    expect(parsed.errors[0]).toMatchObject({ line: 3, column: 3, message: 'duplicate key "port"' })
    expect(parsed.documents).toEqual([])
  })

  it('accepts valid JSON with escapes and nesting', () => {
    const text = '{"a": [1, -2.5e3, true, null, {"b": "\\u00e9\\n"}]}'
    expect(scanJson(text)).toEqual({ duplicates: [] })
    expect(parseText('x.json', text, 'json').documents[0].value).toEqual(JSON.parse(text))
  })

  it('computes 1-based line and column from an offset', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
  })
})

describe('TOML parsing', () => {
  it('reports an error with line and column', () => {
    const parsed = parseText('vapora-solo.toml', '[server]\nport = 8001\nhost = "unterminated\n', 'toml')
    expect(parsed.errors[0]).toMatchObject({ file: 'vapora-solo.toml', line: 3, column: expect.any(Number) })
    expect(parsed.errors[0].message).toMatch(/^invalid TOML: /)
  })

  it('reports a redefined key', () => {
    const parsed = parseText('x.toml', 'a = 1\na = 2\n', 'toml')
    expect(parsed.errors[0].line).toBe(2)
  })
})

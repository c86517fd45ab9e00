import { describe, expect, it } from '@jest/globals'
import { createLocator, type Format, type KeyPath, type Located } from '../src/bundle/locate.js'

const at = (line: number, column: number, exact = true): Located => ({ line, column, exact })

// Three documents: a Namespace, an empty one (index 1 all the same), then the Deployment (index 2).
const deployment = `apiVersion: v1
kind: Namespace
metadata:
  name: vapora
---
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: vapora-backend
  namespace: vapora
  labels:
    app.kubernetes.io/name: vapora-backend
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: backend
          image: ghcr.io/vapora/backend:1.4.2
          ports: [8080, 9090]
          resources: { limits: { memory: 512Mi } }
`

const compose = `x-env: &env
  RUST_LOG: info
services:
  backend:
    image: vapora/backend:1.4.2
    environment: *env
  agents:
    image: vapora/agents:1.4.2
    ports:
      - "9000:9000"
      - "9001:9001"
`

const configMap = `apiVersion: v1
kind: ConfigMap
data:
  8080: backend
  "9090": metrics
`

const json = `{
  "service": "vapora-backend",
  "note": "\\"pool_size\\": 1 is not a key",
  "database": {
    "url": "postgres://db:5432/vapora",
    "pool_size": 20
  },
  "llm_router": {
    "providers": [
      { "name": "anthropic", "model": "claude-sonnet-4" },
      { "name": "ollama", "model": "llama3.1:8b" }
    ]
  },
  "a.b": 1,
  "say \\"hi\\"": true
}
`

const toml = `# vapora-solo.toml
name = "vapora-solo"

[server]
host = "0.0.0.0"
ports = [8080, 8443]
allowed_origins = [
  "https://vapora.dev", # production
  "http://localhost:3000",
]
log . level = "info"
"a.b" = 1
'x' = 2

[ database ]
url = "sqlite://vapora.db"
pool_size = 5 # small: solo mode

[llm_router]
system_prompt = """
You are Vapora's router.
x = 1
pool_size = 1
"""
template = '''
[[not.a.header]]
'''
default = "anthropic"

[[llm_router.providers]]
name = "anthropic"
model = "claude-sonnet-4"

[llm_router.providers.retry]
max_attempts = 3

[[llm_router.providers]]
name = "ollama"
model = "llama3.1:8b"
limits = { rpm = 60, "tokens.max" = 8192 }
`

const cases: Array<{
  format: Format
  text: string
  name: string
  path: KeyPath
  doc?: number
  want: Located
}> = [
  // YAML
  { format: 'yaml', text: deployment, name: 'a top-level key', path: ['kind'], doc: 2, want: at(8, 1) },
  {
    format: 'yaml',
    text: deployment,
    name: 'a nested key in the third document, after an empty one',
    path: ['metadata', 'namespace'],
    doc: 2,
    want: at(11, 3)
  },
  {
    format: 'yaml',
    text: deployment,
    name: 'the parent of a key the first document lacks',
    path: ['metadata', 'namespace'],
    doc: 0,
    want: at(3, 1, false)
  },
  {
    format: 'yaml',
    text: deployment,
    name: 'a block sequence element, after "- "',
    path: ['spec', 'template', 'spec', 'containers', 0],
    doc: 2,
    want: at(19, 11)
  },
  {
    format: 'yaml',
    text: deployment,
    name: 'a key inside a sequence element',
    path: ['spec', 'template', 'spec', 'containers', 0, 'image'],
    doc: 2,
    want: at(20, 11)
  },
  {
    format: 'yaml',
    text: deployment,
    name: 'a flow sequence element',
    path: ['spec', 'template', 'spec', 'containers', 0, 'ports', 1],
    doc: 2,
    want: at(21, 25)
  },
  {
    format: 'yaml',
    text: deployment,
    name: 'a key in nested flow maps',
    path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'memory'],
    doc: 2,
    want: at(22, 34)
  },
  {
    format: 'yaml',
    text: deployment,
    name: 'a key with dots and a slash',
    path: ['metadata', 'labels', 'app.kubernetes.io/name'],
    doc: 2,
    want: at(13, 5)
  },
  { format: 'yaml', text: deployment, name: 'the document start', path: [], doc: 2, want: at(7, 1) },
  {
    format: 'yaml',
    text: deployment,
    name: 'the last found ancestor of a missing key',
    path: ['spec', 'strategy', 'type'],
    doc: 2,
    want: at(14, 1, false)
  },
  {
    format: 'yaml',
    text: deployment,
    name: 'the sequence for an index past its end',
    path: ['spec', 'template', 'spec', 'containers', 3],
    doc: 2,
    want: at(18, 7, false)
  },
  {
    format: 'yaml',
    text: compose,
    name: 'a key reached through an alias, inside the anchor',
    path: ['services', 'backend', 'environment', 'RUST_LOG'],
    want: at(2, 3)
  },
  {
    format: 'yaml',
    text: compose,
    name: 'a docker-compose service port',
    path: ['services', 'agents', 'ports', 1],
    want: at(11, 9)
  },
  { format: 'yaml', text: configMap, name: 'a numeric map key', path: ['data', '8080'], want: at(4, 3) },
  { format: 'yaml', text: configMap, name: 'a quoted map key', path: ['data', '9090'], want: at(5, 3) },
  // JSON
  { format: 'json', text: json, name: 'a top-level key', path: ['service'], want: at(2, 3) },
  { format: 'json', text: json, name: 'a nested key', path: ['database', 'pool_size'], want: at(6, 5) },
  {
    format: 'json',
    text: json,
    name: 'an array element',
    path: ['llm_router', 'providers', 1],
    want: at(11, 7)
  },
  {
    format: 'json',
    text: json,
    name: 'a key inside an array element',
    path: ['llm_router', 'providers', 1, 'model'],
    want: at(11, 27)
  },
  { format: 'json', text: json, name: 'a key with a dot', path: ['a.b'], want: at(14, 3) },
  { format: 'json', text: json, name: 'a key with escapes', path: ['say "hi"'], want: at(15, 3) },
  { format: 'json', text: json, name: 'the document start', path: [], want: at(1, 1) },
  {
    format: 'json',
    text: json,
    name: 'the parent of a missing key, not a lookalike in a string',
    path: ['pool_size'],
    want: at(1, 1, false)
  },
  {
    format: 'json',
    text: json,
    name: 'the array for an index past its end',
    path: ['llm_router', 'providers', 2, 'model'],
    want: at(9, 5, false)
  },
  {
    format: 'json',
    text: '{"replicas": 1, "replicas": 2}',
    name: 'the first of duplicate keys',
    path: ['replicas'],
    want: at(1, 2)
  },
  // TOML
  { format: 'toml', text: toml, name: 'a top-level key', path: ['name'], want: at(2, 1) },
  { format: 'toml', text: toml, name: 'a table header', path: ['database'], want: at(15, 3) },
  { format: 'toml', text: toml, name: 'a key in a table', path: ['database', 'pool_size'], want: at(17, 1) },
  { format: 'toml', text: toml, name: 'an array element', path: ['server', 'ports', 1], want: at(6, 16) },
  {
    format: 'toml',
    text: toml,
    name: 'an element of a multi-line array',
    path: ['server', 'allowed_origins', 1],
    want: at(9, 3)
  },
  {
    format: 'toml',
    text: toml,
    name: 'a dotted key with spaces',
    path: ['server', 'log', 'level'],
    want: at(11, 7)
  },
  { format: 'toml', text: toml, name: 'a quoted key with a dot', path: ['server', 'a.b'], want: at(12, 1) },
  { format: 'toml', text: toml, name: 'a literal-quoted key', path: ['server', 'x'], want: at(13, 1) },
  {
    format: 'toml',
    text: toml,
    name: 'the table, not a key-like line inside a multi-line string',
    path: ['llm_router', 'x'],
    want: at(19, 2, false)
  },
  {
    format: 'toml',
    text: toml,
    name: 'a key after multi-line strings',
    path: ['llm_router', 'default'],
    want: at(28, 1)
  },
  {
    format: 'toml',
    text: toml,
    name: 'the first [[array of tables]] header',
    path: ['llm_router', 'providers'],
    want: at(30, 14)
  },
  {
    format: 'toml',
    text: toml,
    name: 'a key in [[array of tables]] element 1, past a sub-table header',
    path: ['llm_router', 'providers', 1, 'model'],
    want: at(39, 1)
  },
  {
    format: 'toml',
    text: toml,
    name: 'a key in a sub-table of element 0',
    path: ['llm_router', 'providers', 0, 'retry', 'max_attempts'],
    want: at(35, 1)
  },
  {
    format: 'toml',
    text: toml,
    name: 'a quoted key in an inline table',
    path: ['llm_router', 'providers', 1, 'limits', 'tokens.max'],
    want: at(40, 22)
  },
  {
    format: 'toml',
    text: toml,
    name: 'the element header for a missing key',
    path: ['llm_router', 'providers', 1, 'api_key'],
    want: at(37, 1, false)
  },
  { format: 'toml', text: toml, name: 'the document start', path: [], want: at(1, 1) },
  {
    format: 'toml',
    text: toml,
    name: 'the document start for a missing table',
    path: ['cache', 'ttl'],
    want: at(1, 1, false)
  }
]

describe('createLocator', () => {
  it.each(cases)('locates $name in $format', ({ format, text, path, doc, want }) => {
    expect(createLocator(format, text)(path, doc)).toEqual(want)
  })

  it('answers repeated calls on one locator', () => {
    const locate = createLocator('yaml', compose)
    expect(locate(['services', 'agents'])).toEqual(at(7, 3))
    expect(locate(['services', 'agents', 'image'])).toEqual(at(8, 5))
    expect(locate(['services', 'agents'], 1)).toBeUndefined()
  })

  it('treats a document index past the end, or above 0 for JSON and TOML, as unknown', () => {
    expect(createLocator('yaml', deployment)(['kind'], 3)).toBeUndefined()
    expect(createLocator('json', json)(['service'], 1)).toBeUndefined()
    expect(createLocator('toml', toml)(['name'], 1)).toBeUndefined()
  })

  it('gives up on a YAML document with errors but still locates in the others', () => {
    const text = 'kind: Service\n---\nmetadata:\n  name: x\nspec:\n\treplicas: 2\n'
    const locate = createLocator('yaml', text)
    expect(locate(['spec', 'replicas'], 1)).toBeUndefined()
    expect(locate(['kind'], 0)).toEqual(at(1, 1))
  })

  it('locates in truncated JSON up to where it breaks', () => {
    const locate = createLocator('json', '{\n  "database": {\n    "pool_size": ')
    expect(locate(['database', 'pool_size'])).toEqual(at(3, 5))
    expect(locate(['database', 'url'])).toEqual(at(2, 3, false))
    expect(createLocator('json', 'not json')(['a'])).toBeUndefined()
    expect(createLocator('json', '')([])).toBeUndefined()
  })

  it('keeps what TOML it understood before a broken line', () => {
    const locate = createLocator('toml', '[server]\nport = 8080\n[database\npool_size = 5\n')
    expect(locate(['server', 'port'])).toEqual(at(2, 1))
    expect(locate(['database', 'pool_size'])).toEqual(at(1, 1, false))
    expect(createLocator('toml', 'a = """never closed\nb = 1\n')(['b'])).toEqual(at(1, 1, false))
  })

  it('never throws, and stays fast, on pathological input', () => {
    const deep = '['.repeat(200_000)
    const inputs: Array<[Format, string]> = [
      ['yaml', deep.slice(0, 20_000)], // the yaml parser's own time, not the locator's
      ['yaml', ': : :\n\t- ]'],
      ['json', deep],
      ['json', '{"a": "' + '\\'.repeat(100_001)],
      ['toml', 'a = ' + deep],
      ['toml', 'a' + '.a'.repeat(100_000) + ' = 1'],
      ['toml', '"""' + '"'.repeat(100_000)]
    ]
    const started = Date.now()
    for (const [format, text] of inputs) {
      expect(() => createLocator(format, text)(['a', 0, 'b'])).not.toThrow()
    }
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

/**
 * kubectl reads manifests as YAML 1.1 (sigs.k8s.io/yaml on go-yaml v2), where unquoted yes/no/on/off/y/n
 * are booleans; YAML 1.2 (what we parse with) reads them as strings. The same manifest can therefore say
 * `ENABLED: "yes"` to us and `ENABLED: true` to the server. This finds every such value.
 */
import { parseAllDocuments } from 'yaml'
import type { ParsedDocument } from '../bundle/parse.js'

export interface BooleanReading {
  /** Index of the document in the file (as in `ParsedDocument.index`). */
  index: number
  path: Array<string | number>
  text: string
  kubectlValue: boolean
}

const isContainer = (value: unknown): value is Record<string | number, unknown> =>
  typeof value === 'object' && value !== null

function walk(
  a: unknown,
  b: unknown,
  path: Array<string | number>,
  out: (p: Array<string | number>, t: string, v: boolean) => void
): void {
  if (typeof a === 'string' && typeof b === 'boolean') return out(path, a, b)
  if (!isContainer(a) || !isContainer(b)) return
  for (const key of Object.keys(a)) {
    const index = Array.isArray(a) ? Number(key) : key
    walk(a[key], b[key], [...path, index], out)
  }
}

/**
 * A word YAML 1.1 reads as a boolean and 1.2 does not, where a plain scalar can stand: a key (before `:`)
 * or a value (after `:`, `-`, `?`, `[`, `,`, `{` or at a line's start, with its anchor or tag), up to the
 * end of the scalar. Text without one cannot read differently, so it is not parsed a second time; the
 * test is loose (a word in a comment or a quoted string passes it too): it only spares the second parse.
 */
const YAML11_ONLY_BOOLEAN =
  /(?:^|[:?\-[,{])[ \t]*(?:[&!]\S*[ \t]+)*(?:[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)[ \t]*(?:$|[:#,\]}\r])/m

export function yaml11Booleans(text: string, documents: readonly ParsedDocument[]): BooleanReading[] {
  const readings: BooleanReading[] = []
  if (!YAML11_ONLY_BOOLEAN.test(text)) return readings
  // Timestamps are left out of the 1.1 schema: go-yaml v2 keeps them as strings for untyped fields.
  const legacy = parseAllDocuments(text, {
    version: '1.1',
    customTags: tags =>
      tags.filter(tag => typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:timestamp')
  })
  if (!Array.isArray(legacy)) return readings
  for (const doc of documents) {
    const old = legacy[doc.index]
    if (!old || old.errors.length > 0) continue
    let value: unknown
    try {
      value = old.toJS({ maxAliasCount: 100 })
    } catch {
      continue
    }
    walk(doc.value, value, [], (path, text, kubectlValue) =>
      readings.push({ index: doc.index, path, text, kubectlValue })
    )
  }
  return readings
}

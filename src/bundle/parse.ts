/**
 * Parses bundle files (YAML multi-document, JSON, TOML) into plain values, with every problem located
 * by file, line and column. Parsing never throws: problems are returned as findings.
 */
import { parseAllDocuments, YAMLError } from 'yaml'
import { parse as parseToml, TomlError } from 'smol-toml'
import type { Finding } from '../core/types.js'
import { fastYaml } from './fast-yaml.js'
import { lineColumnAt, scanJson } from './json-scan.js'
import { createLocator, type Format, type KeyPath, type Located } from './locate.js'

export type { Format }

export interface ParsedDocument {
  /** 0-based position of the document in a multi-document YAML file. */
  index: number
  /** 1-based line where the document starts. */
  line: number
  value: unknown
}

export interface ParsedFile {
  file: string
  format: Format
  /** Non-empty documents only (an empty YAML document between `---` lines is ignored, as kubectl does). */
  documents: ParsedDocument[]
  errors: Finding[]
  warnings: Finding[]
  /**
   * Where a key path is in document `docIndex` (default 0): its key's line and column, or its deepest
   * ancestor's (`exact: false`). Parses again for positions only when first asked (findings are rare).
   */
  locate(path: KeyPath, docIndex?: number): Located | undefined
}

/** A position for a finding at `path`: the node's own line and column, else its document's start. */
export function positionOf(
  parsed: ParsedFile,
  path: KeyPath,
  doc: { index: number; line: number } = { index: 0, line: 1 }
): { file: string; line: number; column?: number } {
  const found = parsed.locate(path, doc.index)
  return found
    ? { file: parsed.file, line: found.line, column: found.column }
    : { file: parsed.file, line: doc.line }
}

/** YAML aliases may expand to at most this many nodes per document (a "billion laughs" bound). */
export const MAX_YAML_ALIAS_COUNT = 100

/** The format a file name implies, or undefined for files we do not parse. */
export function formatOf(file: string): Format | undefined {
  const lower = file.toLowerCase()
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml'
  if (lower.endsWith('.json')) return 'json'
  if (lower.endsWith('.toml')) return 'toml'
  return undefined
}

/** A parse result with nothing in it yet; `text` is kept only by the locator, for positions. */
export function emptyParse(file: string, format: Format, text?: string): ParsedFile {
  const locate = text === undefined ? () => undefined : createLocator(format, text)
  return { file, format, documents: [], errors: [], warnings: [], locate }
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim()
}

function parseYaml(file: string, text: string): ParsedFile {
  const result = emptyParse(file, 'yaml', text)
  // Plain YAML (nearly every bundle) is read by the fast parser; the rest, errors included, by `yaml`.
  const fast = fastYaml(text)
  if (fast) {
    result.documents.push(...fast)
    return result
  }
  const toFinding = (problem: YAMLError, severity: Finding['severity']): Finding => {
    const pos = problem.linePos?.[0]
    return {
      severity,
      file,
      line: pos?.line,
      column: pos?.col,
      message: `${firstLine(problem.message)} (${problem.code})`
    }
  }
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true, strict: true })
  // An empty file parses to an EmptyStream: no documents and no errors.
  const list = Array.isArray(docs) ? docs : []
  list.forEach((doc, index) => {
    result.errors.push(...doc.errors.map(e => toFinding(e, 'error')))
    result.warnings.push(...doc.warnings.map(w => toFinding(w, 'warning')))
    if (doc.errors.length > 0) return
    const line = doc.contents?.range ? lineColumnAt(text, doc.contents.range[0]).line : 1
    try {
      const value = doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT })
      if (value !== null && value !== undefined) result.documents.push({ index, line, value })
    } catch (error) {
      // toJS throws on excessive alias expansion (resource exhaustion) and on unresolved aliases.
      result.errors.push({
        severity: 'error',
        file,
        line,
        column: 1,
        message: `document ${index + 1}: ${firstLine(error instanceof Error ? error.message : String(error))}`
      })
    }
  })
  return result
}

function parseJson(file: string, text: string): ParsedFile {
  const result = emptyParse(file, 'json', text)
  const { syntax, duplicates } = scanJson(text)
  const locate = (message: string, offset: number): Finding => ({
    severity: 'error',
    file,
    ...lineColumnAt(text, offset),
    message
  })
  if (syntax) {
    result.errors.push(locate(`invalid JSON: ${syntax.message}`, syntax.offset))
    return result
  }
  result.errors.push(...duplicates.map(d => locate(d.message, d.offset)))
  if (result.errors.length === 0) result.documents.push({ index: 0, line: 1, value: JSON.parse(text) })
  return result
}

function parseTomlFile(file: string, text: string): ParsedFile {
  const result = emptyParse(file, 'toml', text)
  try {
    result.documents.push({ index: 0, line: 1, value: parseToml(text) })
  } catch (error) {
    if (error instanceof TomlError) {
      result.errors.push({
        severity: 'error',
        file,
        line: error.line,
        column: error.column,
        message: `invalid TOML: ${firstLine(error.message).replace(/^Invalid TOML document: /, '')}`
      })
    } else {
      result.errors.push({
        severity: 'error',
        file,
        line: 1,
        column: 1,
        message: `invalid TOML: ${String(error)}`
      })
    }
  }
  return result
}

/** Parses `text` (already decoded, BOM removed) as the format its file name implies. */
export function parseText(file: string, text: string, format: Format): ParsedFile {
  switch (format) {
    case 'yaml':
      return parseYaml(file, text)
    case 'json':
      return parseJson(file, text)
    case 'toml':
      return parseTomlFile(file, text)
  }
}

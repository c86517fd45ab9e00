/**
 * A bundle whose files have been located on disk. Files are read and parsed lazily and at most once,
 * so checks running concurrently share one parse of each file.
 */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { BundleSource, Finding } from '../core/types.js'
import { emptyParse, formatOf, parseText, type ParsedFile } from './parse.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

export class Bundle {
  private readonly parsedFiles = new Map<string, ParsedFile>()
  private readonly texts = new Map<string, string>()

  /**
   * @param source where the bundle came from (for reports)
   * @param root the folder holding the bundle's files (after descending into a single top-level folder)
   * @param files paths relative to `root`, `/`-separated, sorted
   * @param ownedDir a temp dir this bundle created and removes on `cleanup()`
   */
  constructor(
    readonly source: BundleSource,
    readonly root: string,
    readonly files: readonly string[],
    private readonly ownedDir?: string
  ) {}

  has(file: string): boolean {
    return this.files.includes(file)
  }

  /** Absolute path of a bundle file. */
  pathOf(file: string): string {
    return join(this.root, ...file.split('/'))
  }

  /** A file's text, decoded as UTF-8 (BOM removed). Throws when it is not valid UTF-8. */
  text(file: string): string {
    const cached = this.texts.get(file)
    if (cached !== undefined) return cached
    const text = utf8.decode(readFileSync(this.pathOf(file))).replace(/^\uFEFF/, '')
    this.texts.set(file, text)
    return text
  }

  /**
   * Parses a YAML/JSON/TOML file once and caches the result. Undecodable text (not UTF-8) is reported
   * as an error finding, like a syntax error.
   */
  parsed(file: string): ParsedFile {
    const cached = this.parsedFiles.get(file)
    if (cached) return cached
    const format = formatOf(file)
    if (!format) throw new Error(`internal: ${file} is not a YAML, JSON or TOML file`)
    let result: ParsedFile
    try {
      result = parseText(file, this.text(file), format)
    } catch (error) {
      const finding: Finding = {
        severity: 'error',
        file,
        line: 1,
        column: 1,
        message:
          (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
            ? 'file is not valid UTF-8 text'
            : `cannot read file: ${error instanceof Error ? error.message : String(error)}`
      }
      result = { ...emptyParse(file, format), errors: [finding] }
    }
    this.parsedFiles.set(file, result)
    return result
  }

  /** Removes the temp dir this bundle extracted into (a no-op for directory bundles). */
  cleanup(): void {
    if (this.ownedDir) rmSync(this.ownedDir, { recursive: true, force: true })
  }
}

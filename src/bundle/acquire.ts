/**
 * Turns a user-given path (a .zip or a directory) into a `Bundle`: safe extraction for zips, a bounded
 * walk for directories, and the "files may sit under one top-level folder" rule.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { tmpdir } from 'node:os'
import { BundleError } from '../core/errors.js'
import { Bundle } from './bundle.js'
import type { BundleLimits } from './limits.js'
import { extractZipSafely } from './safe-unzip.js'

/** Files that archivers and desktops add and nobody means to ship. */
const JUNK = /(^|\/)(__MACOSX\/.*|\.DS_Store|Thumbs\.db|desktop\.ini)$/

/** Lists regular files under `dir` (relative, `/`-separated), refusing symlinks and enforcing limits. */
function walkDirectory(dir: string, limits: BundleLimits): string[] {
  const files: string[] = []
  let totalBytes = 0
  const visit = (current: string): void => {
    for (const dirent of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, dirent.name)
      const rel = relative(dir, full).split(sep).join('/')
      const stat = lstatSync(full)
      if (stat.isSymbolicLink()) {
        throw new BundleError(
          `bundle file "${rel}" is a symbolic link; bundles must hold regular files only.`,
          {
            entry: rel,
            hint: 'Replace the link with the file it points to.'
          }
        )
      }
      if (stat.isDirectory()) {
        visit(full)
        continue
      }
      if (!stat.isFile())
        throw new BundleError(`bundle entry "${rel}" is not a regular file.`, { entry: rel })
      files.push(rel)
      totalBytes += stat.size
      if (files.length > limits.maxEntries) {
        throw new BundleError(
          `bundle directory holds more than ${limits.maxEntries} files; is "${dir}" really the deployment bundle?`
        )
      }
      if (totalBytes > limits.maxTotalBytes) {
        throw new BundleError(`bundle directory holds more than ${limits.maxTotalBytes} bytes.`, {
          entry: rel
        })
      }
    }
  }
  visit(dir)
  return files
}

/**
 * Where the bundle's files start: the top level, or the single top-level folder when the archive wraps
 * everything in one (as `zip -r deployment-artifacts.zip deployment-artifacts/` does).
 */
function findRoot(files: string[], expected: readonly string[]): { prefix: string; files: string[] } {
  const useful = files.filter(f => !JUNK.test(f))
  const topLevelFiles = useful.filter(f => !f.includes('/'))
  const folders = new Set(useful.filter(f => f.includes('/')).map(f => f.split('/')[0]))
  const expectedAtTop = topLevelFiles.some(f => expected.includes(f))
  if (!expectedAtTop && topLevelFiles.length === 0 && folders.size === 1) {
    const [folder] = folders
    const prefix = `${folder}/`
    return { prefix, files: useful.map(f => f.slice(prefix.length)).sort() }
  }
  return { prefix: '', files: useful.sort() }
}

/**
 * Opens the bundle at `path`. Zips are extracted into a fresh directory under `workDir`.
 * Throws `BundleError` with an actionable message for anything unreadable or unsafe.
 */
export function acquireBundle(
  path: string,
  expected: readonly string[],
  limits: BundleLimits,
  workDir: string = tmpdir()
): Bundle {
  let isDirectory: boolean
  try {
    isDirectory = statSync(path).isDirectory()
  } catch (error) {
    throw new BundleError(`bundle path "${path}" does not exist or cannot be read.`, {
      cause: error,
      hint: 'Pass the deployment-artifacts .zip or the directory it was extracted to.'
    })
  }
  if (isDirectory) {
    const { prefix, files } = findRoot(walkDirectory(path, limits), expected)
    const root = prefix ? join(path, prefix) : path
    return new Bundle({ kind: 'directory', path, root, files }, root, files)
  }
  const extracted = extractZipSafely(path, limits, workDir)
  const { prefix, files } = findRoot(extracted.files, expected)
  const root = prefix ? join(extracted.dir, prefix) : extracted.dir
  if (files.length === 1 && files[0].toLowerCase().endsWith('.zip') && !expected.includes(files[0])) {
    // A zip holding only a zip: what GitHub serves when the build uploaded deployment-artifacts.zip
    // itself as the artifact. Unpack the inner one (once, with the same limits) into the same temp dir.
    const inner = extractZipSafely(join(root, files[0]), limits, extracted.dir)
    const nested = findRoot(inner.files, expected)
    const innerRoot = nested.prefix ? join(inner.dir, nested.prefix) : inner.dir
    return new Bundle(
      { kind: 'zip', path, root: innerRoot, files: nested.files },
      innerRoot,
      nested.files,
      extracted.dir
    )
  }
  return new Bundle({ kind: 'zip', path, root, files }, root, files, extracted.dir)
}

/**
 * Extracts a zip into a fresh temporary directory, refusing anything that could write outside it or
 * exhaust the machine. Every entry is validated from the central directory BEFORE anything is written,
 * so a refused archive leaves nothing behind; sizes are enforced while inflating too, because headers lie.
 */
import { crc32, inflateRawSync } from 'node:zlib'
import { mkdirSync, mkdtempSync, rmSync, statSync, readFileSync, writeFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import { tmpdir } from 'node:os'
import AdmZip from 'adm-zip'
import { BundleError, describeError } from '../core/errors.js'
import { DEFAULT_BUNDLE_LIMITS, type BundleLimits } from './limits.js'

const S_IFMT = 0o170000
const S_IFREG = 0o100000
const S_IFDIR = 0o040000
const S_IFLNK = 0o120000
const METHOD_STORED = 0
const METHOD_DEFLATED = 8

export interface ExtractedZip {
  /** The fresh directory the files were written to. The caller removes it (see `Bundle.cleanup`). */
  dir: string
  /** Relative paths of the files written, with `/` separators. */
  files: string[]
}

interface PlannedEntry {
  entry: AdmZip.IZipEntry
  /** Normalised relative path segments. */
  segments: string[]
  isDirectory: boolean
}

/**
 * Splits an entry name into safe path segments, or says why it is unsafe.
 * Backslashes count as separators: archives made on Windows use them, and so do attacks.
 */
export function entryPathSegments(name: string): { segments: string[] } | { problem: string } {
  if (name.includes('\0')) return { problem: 'contains a NUL byte' }
  if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) return { problem: 'is an absolute path' }
  const segments = name.split(/[/\\]+/).filter(part => part !== '' && part !== '.')
  if (segments.includes('..')) return { problem: 'contains a ".." segment (zip-slip)' }
  if (segments.length === 0) return { problem: 'has an empty name' }
  return { segments }
}

function readEntries(zip: AdmZip): AdmZip.IZipEntry[] {
  try {
    return zip.getEntries()
  } catch (error) {
    // adm-zip reads the central directory lazily; it throws here on duplicate names and bad headers.
    throw new BundleError(
      `refusing zip: ${describeError(error).replace(/^ADM-ZIP: /, '')}. Nothing was extracted.`,
      {
        cause: error
      }
    )
  }
}

function plan(zip: AdmZip, limits: BundleLimits): PlannedEntry[] {
  const entries = readEntries(zip)
  if (entries.length > limits.maxEntries) {
    throw new BundleError(
      `zip has ${entries.length} entries; the limit is ${limits.maxEntries}. A deployment bundle holds a few dozen files: check that the right archive was given.`
    )
  }
  const seen = new Set<string>()
  let declaredTotal = 0
  const planned: PlannedEntry[] = []
  for (const entry of entries) {
    const name = entry.entryName
    const parsed = entryPathSegments(name)
    if ('problem' in parsed) {
      throw new BundleError(`refusing zip entry "${name}": it ${parsed.problem}. Nothing was extracted.`, {
        entry: name
      })
    }
    const fileType = (entry.header.attr >>> 16) & S_IFMT
    if (fileType === S_IFLNK) {
      throw new BundleError(
        `refusing zip entry "${name}": it is a symbolic link. Bundles must hold regular files only. Nothing was extracted.`,
        { entry: name }
      )
    }
    if (fileType !== 0 && fileType !== S_IFREG && fileType !== S_IFDIR) {
      throw new BundleError(`refusing zip entry "${name}": it is not a regular file or folder.`, {
        entry: name
      })
    }
    if (entry.header.encrypted) {
      throw new BundleError(`refusing zip entry "${name}": it is encrypted.`, { entry: name })
    }
    const key = parsed.segments.join('/')
    if (seen.has(key)) {
      throw new BundleError(`refusing zip: entry "${name}" appears more than once.`, { entry: name })
    }
    seen.add(key)
    const isDirectory = entry.isDirectory || fileType === S_IFDIR
    if (!isDirectory) {
      const method = entry.header.method
      if (method !== METHOD_STORED && method !== METHOD_DEFLATED) {
        throw new BundleError(
          `refusing zip entry "${name}": compression method ${method} is not supported (use deflate).`,
          {
            entry: name
          }
        )
      }
      const size = entry.header.size
      const compressed = Math.max(entry.header.compressedSize, 1)
      declaredTotal += size
      if (declaredTotal > limits.maxTotalBytes) {
        throw new BundleError(
          `refusing zip: total uncompressed size exceeds ${limits.maxTotalBytes} bytes at entry "${name}" (zip bomb?).`,
          { entry: name }
        )
      }
      if (size >= limits.ratioMinBytes && size / compressed > limits.maxCompressionRatio) {
        throw new BundleError(
          `refusing zip entry "${name}": compression ratio ${Math.round(size / compressed)}:1 exceeds ${limits.maxCompressionRatio}:1 (zip bomb?).`,
          { entry: name }
        )
      }
    }
    planned.push({ entry, segments: parsed.segments, isDirectory })
  }
  return planned
}

/** Inflates one entry, trusting neither its declared size nor its data: size and CRC are checked. */
function inflateEntry(entry: AdmZip.IZipEntry, limits: BundleLimits, remaining: number): Buffer {
  const name = entry.entryName
  const declared = entry.header.size
  if (declared > remaining) {
    throw new BundleError(`refusing zip: total uncompressed size exceeds ${limits.maxTotalBytes} bytes.`, {
      entry: name
    })
  }
  const raw = entry.getCompressedData()
  let data: Buffer
  if (entry.header.method === METHOD_STORED) {
    data = raw
  } else {
    try {
      // One byte more than declared, so that a lying header is detected instead of trusted.
      data = inflateRawSync(raw, { maxOutputLength: declared + 1 })
    } catch (error) {
      throw new BundleError(
        `zip entry "${name}" is corrupt or larger than its header says (${describeError(error)}).`,
        {
          entry: name,
          cause: error
        }
      )
    }
  }
  if (data.length !== declared) {
    throw new BundleError(`zip entry "${name}" holds ${data.length} bytes but its header says ${declared}.`, {
      entry: name
    })
  }
  if (crc32(data) >>> 0 !== entry.header.crc >>> 0) {
    throw new BundleError(`zip entry "${name}" failed its CRC check: the archive is corrupt.`, {
      entry: name
    })
  }
  return data
}

/**
 * Extracts `zipPath` into a new directory under `parentDir` (default: the OS temp dir).
 * Throws `BundleError` naming the offending entry; on any error the new directory is removed.
 */
export function extractZipSafely(
  zipPath: string,
  limits: BundleLimits = DEFAULT_BUNDLE_LIMITS,
  parentDir: string = tmpdir()
): ExtractedZip {
  const size = statSync(zipPath).size
  if (size > limits.maxArchiveBytes) {
    throw new BundleError(`zip "${zipPath}" is ${size} bytes; the limit is ${limits.maxArchiveBytes}.`)
  }
  let zip: AdmZip
  try {
    zip = new AdmZip(readFileSync(zipPath))
  } catch (error) {
    throw new BundleError(`"${zipPath}" is not a readable zip archive (${describeError(error)}).`, {
      cause: error,
      hint: 'Pass the deployment-artifacts .zip as produced by CI, or a directory holding its files.'
    })
  }
  const planned = plan(zip, limits)

  const dir = mkdtempSync(join(parentDir, 'vapora-bundle-'))
  const files: string[] = []
  try {
    let remaining = limits.maxTotalBytes
    for (const item of planned) {
      const target = join(dir, ...item.segments)
      // Belt and braces: the segments were validated, but the final path must still be inside `dir`.
      if (!target.startsWith(dir + sep)) {
        throw new BundleError(
          `refusing zip entry "${item.entry.entryName}": it resolves outside the bundle.`,
          {
            entry: item.entry.entryName
          }
        )
      }
      if (item.isDirectory) {
        mkdirSync(target, { recursive: true })
        continue
      }
      const data = inflateEntry(item.entry, limits, remaining)
      remaining -= data.length
      mkdirSync(join(dir, ...item.segments.slice(0, -1)), { recursive: true })
      // 'wx' never overwrites and never follows an existing link.
      writeFileSync(target, data, { flag: 'wx', mode: 0o644 })
      files.push(item.segments.join('/'))
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    if (error instanceof BundleError) throw error
    throw new BundleError(`could not extract "${zipPath}": ${describeError(error)}`, { cause: error })
  }
  return { dir, files }
}

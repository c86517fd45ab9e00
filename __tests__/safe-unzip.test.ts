import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BundleError } from '../src/core/errors.js'
import { DEFAULT_BUNDLE_LIMITS } from '../src/bundle/limits.js'
import { entryPathSegments, extractZipSafely } from '../src/bundle/safe-unzip.js'
import { buildZip, type RawEntry } from '../test/zip-writer.js'
import { cleanupTempDirs, tempDir } from '../test/fixtures.js'

afterAll(cleanupTempDirs)

/** Writes the zip, tries to extract it into an empty parent, and returns what happened. */
function attempt(entries: RawEntry[], limits = DEFAULT_BUNDLE_LIMITS) {
  const work = tempDir()
  const zipPath = join(work, 'bundle.zip')
  writeFileSync(zipPath, buildZip(entries))
  const parent = tempDir('preflight-extract-')
  let error: unknown
  let dir: string | undefined
  try {
    dir = extractZipSafely(zipPath, limits, parent).dir
  } catch (caught) {
    error = caught
  }
  return { error, dir, parent, leftovers: readdirSync(parent), work }
}

const ok: RawEntry = { name: 'configmap.yaml', data: 'apiVersion: v1\n' }

describe('safe unzip refuses hostile entries and writes nothing', () => {
  it.each([
    ['a parent-directory entry', '../evil.txt', 'zip-slip'],
    ['a nested parent-directory entry', 'ok/../../evil.txt', 'zip-slip'],
    ['a backslash parent-directory entry', '..\\evil.txt', 'zip-slip'],
    ['an absolute path', '/etc/evil.txt', 'absolute path'],
    ['a Windows drive path', 'C:\\evil.txt', 'absolute path']
  ])('refuses %s (%s)', (_what, name, reason) => {
    const result = attempt([ok, { name, data: 'owned' }])
    expect(result.error).toBeInstanceOf(BundleError)
    expect((result.error as BundleError).message).toContain(name)
    expect((result.error as BundleError).message).toContain(reason)
    expect((result.error as BundleError).entry).toBe(name)
    expect(result.leftovers).toEqual([])
    expect(existsSync(join(result.work, 'evil.txt'))).toBe(false)
    expect(existsSync(join(result.parent, '..', 'evil.txt'))).toBe(false)
  })

  it('refuses a symbolic link entry', () => {
    const result = attempt([
      ok,
      { name: 'deployment.yaml', data: '/etc/passwd', unixMode: 0o120777, method: 'store' }
    ])
    expect((result.error as Error).message).toMatch(/"deployment.yaml".*symbolic link/)
    expect(result.leftovers).toEqual([])
  })

  it('refuses more entries than the limit', () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.yaml`, data: 'a: 1\n' }))
    const result = attempt(entries, { ...DEFAULT_BUNDLE_LIMITS, maxEntries: 5 })
    expect((result.error as Error).message).toMatch(/6 entries; the limit is 5/)
    expect(result.leftovers).toEqual([])
  })

  it('refuses a total uncompressed size over the limit, naming the entry that crosses it', () => {
    const entries = [
      { name: 'a.yaml', data: 'x'.repeat(600) },
      { name: 'b.yaml', data: 'y'.repeat(600) }
    ]
    const result = attempt(entries, { ...DEFAULT_BUNDLE_LIMITS, maxTotalBytes: 1000 })
    expect((result.error as BundleError).entry).toBe('b.yaml')
    expect((result.error as Error).message).toMatch(/total uncompressed size exceeds 1000 bytes/)
    expect(result.leftovers).toEqual([])
  })

  it('refuses a zip bomb by its compression ratio', () => {
    const bomb = Buffer.alloc(20 * 1024 * 1024) // 20 MiB of zeros deflate to ~20 KB
    const result = attempt([ok, { name: 'bomb.yaml', data: bomb }])
    expect((result.error as Error).message).toMatch(/"bomb.yaml": compression ratio \d+:1 exceeds 250:1/)
    expect(result.leftovers).toEqual([])
  })

  it('refuses an entry whose data inflates beyond its declared size (a lying header)', () => {
    const result = attempt([{ name: 'liar.yaml', data: 'z'.repeat(100_000), declaredSize: 10 }])
    expect((result.error as BundleError).entry).toBe('liar.yaml')
    expect((result.error as Error).message).toMatch(/larger than its header says|holds \d+ bytes/)
    expect(result.leftovers).toEqual([])
  })

  it('refuses an entry whose CRC does not match its data', () => {
    const zip = buildZip([{ name: 'c.yaml', data: 'abcdef', method: 'store' }])
    zip[zip.indexOf('abcdef')] = 'X'.charCodeAt(0)
    const work = tempDir()
    writeFileSync(join(work, 'c.zip'), zip)
    const parent = tempDir()
    expect(() => extractZipSafely(join(work, 'c.zip'), DEFAULT_BUNDLE_LIMITS, parent)).toThrow(/CRC/)
    expect(readdirSync(parent)).toEqual([])
  })

  it('refuses duplicate entries and encrypted entries', () => {
    expect(attempt([ok, ok]).error).toBeInstanceOf(BundleError)
    expect((attempt([ok, ok]).error as Error).message).toMatch(
      /Duplicate entry name "configmap.yaml"|more than once/
    )
    expect((attempt([{ ...ok, encrypted: true }]).error as Error).message).toMatch(/encrypted/)
  })

  it('refuses a file that is not a zip, with a message that says what to pass', () => {
    const work = tempDir()
    writeFileSync(join(work, 'notes.zip'), 'this is not a zip')
    expect(() => extractZipSafely(join(work, 'notes.zip'))).toThrow(/not a readable zip archive/)
  })
})

describe('safe unzip extracts a good archive', () => {
  it('writes every file, including nested ones, inside a fresh directory', () => {
    const result = attempt([
      { name: 'bundle/', data: '' },
      { name: 'bundle/configmap.yaml', data: 'kind: ConfigMap\n' },
      { name: './bundle/sub/x.json', data: '{}', method: 'store' }
    ])
    expect(result.error).toBeUndefined()
    expect(result.dir!.startsWith(result.parent)).toBe(true)
    expect(readFileSync(join(result.dir!, 'bundle', 'configmap.yaml'), 'utf8')).toBe('kind: ConfigMap\n')
    expect(readFileSync(join(result.dir!, 'bundle', 'sub', 'x.json'), 'utf8')).toBe('{}')
  })

  it('normalises harmless "." and empty segments', () => {
    expect(entryPathSegments('./a//b.yaml')).toEqual({ segments: ['a', 'b.yaml'] })
    expect(entryPathSegments('a/./b')).toEqual({ segments: ['a', 'b'] })
    expect(entryPathSegments('a/../b')).toHaveProperty('problem')
  })
})

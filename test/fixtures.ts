/** Shared test helpers: temp dirs, the example bundle, and copies of it with one change. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
export const EXAMPLE_BUNDLE = join(REPO_ROOT, 'examples', 'bundle')
export const EXAMPLE_ZIP = join(REPO_ROOT, 'examples', 'deployment-artifacts.zip')
export const BROKEN = (name: string): string => join(REPO_ROOT, 'examples', 'broken', name)

const created: string[] = []

/** A fresh temp dir, removed by `cleanupTempDirs` (call it in afterAll). */
export function tempDir(prefix = 'preflight-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  created.push(dir)
  return dir
}

export function cleanupTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** A copy of the example bundle with some files replaced (string) or deleted (null). */
export function bundleWith(changes: Record<string, string | null | ((text: string) => string)>): string {
  const dir = tempDir('preflight-bundle-')
  cpSync(EXAMPLE_BUNDLE, dir, { recursive: true })
  for (const [file, change] of Object.entries(changes)) {
    const path = join(dir, file)
    if (change === null) rmSync(path)
    else if (typeof change === 'function') writeFileSync(path, change(readFileSync(path, 'utf8')))
    else writeFileSync(path, change)
  }
  return dir
}

export function exampleFiles(): string[] {
  return readdirSync(EXAMPLE_BUNDLE).sort()
}

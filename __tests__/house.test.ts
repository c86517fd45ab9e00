/**
 * The shape of the house (.dependency-cruiser.cjs, run in CI by npm run lint): no import cycle, type
 * imports included, and the core apart from its adapters. The rules hold on src/ as it is, and they fail
 * on a planted cycle and a planted adapter import, so a green check means something.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT, cleanupTempDirs, tempDir } from '../test/fixtures.js'

afterAll(cleanupTempDirs)

const CONFIG = join(REPO_ROOT, '.dependency-cruiser.cjs')
const depcruise = (cwd: string) =>
  spawnSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs'),
      'src',
      '--config',
      CONFIG,
      '--output-type',
      'err'
    ],
    { cwd, encoding: 'utf8' }
  )

describe('the import rules', () => {
  it('hold on src/: no cycle, no layer crossed', () => {
    const run = depcruise(REPO_ROOT)
    expect(run.stdout + run.stderr).toMatch(/no dependency violations found/)
    expect(run.status).toBe(0)
  }, 60_000)

  it('fail on a planted cycle through type imports, on the core importing an adapter, and on a check starting a process', () => {
    const root = tempDir('planted-')
    mkdirSync(join(root, 'src', 'core'), { recursive: true })
    mkdirSync(join(root, 'src', 'kube'), { recursive: true })
    writeFileSync(join(root, 'tsconfig.json'), '{"compilerOptions":{"module":"nodenext","strict":true}}')
    writeFileSync(
      join(root, 'src', 'core', 'a.ts'),
      "import type { B } from './b.js'\nexport interface A { b?: B }\n"
    )
    writeFileSync(
      join(root, 'src', 'core', 'b.ts'),
      "import type { A } from './a.js'\nexport interface B { a?: A }\n"
    )
    writeFileSync(join(root, 'src', 'core', 'c.ts'), "import { x } from '../kube/k.js'\nexport const y = x\n")
    writeFileSync(join(root, 'src', 'kube', 'k.ts'), 'export const x = 1\n')
    mkdirSync(join(root, 'src', 'checks'), { recursive: true })
    writeFileSync(
      join(root, 'src', 'checks', 'spawns.ts'),
      "import { execFile } from 'node:child_process'\nexport const run = execFile\n"
    )
    const run = depcruise(root)
    expect(run.status).not.toBe(0)
    expect(run.stdout).toMatch(/error no-cycles: src\/core\/a\.ts →\s+src\/core\/b\.ts →\s+src\/core\/a\.ts/)
    expect(run.stdout).toMatch(/error core-is-pure: src\/core\/c\.ts → src\/kube\/k\.ts/)
    expect(run.stdout).toMatch(/error checks-start-no-process: src\/checks\/spawns\.ts → child_process/)
  }, 60_000)
})

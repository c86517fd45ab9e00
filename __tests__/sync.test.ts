import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { INPUT, OUTPUT } from '../src/action/names.js'
import { OPTIONS, actionInputs, cliFlags, defaultOf, type OptionSpec } from '../src/core/option-table.js'
import { helpText } from '../src/cli/help.js'
import { TOOL_VERSION } from '../src/core/version.js'
import { readActionYaml } from '../test/action-runner.js'
import { REPO_ROOT } from '../test/fixtures.js'

describe('every option is declared once, in the option table', () => {
  const action = readActionYaml()

  it('action.yml declares exactly the inputs of the table, and the outputs the code writes', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      actionInputs()
        .map(spec => spec.name)
        .sort()
    )
    expect(Object.values(INPUT).sort()).toEqual(Object.keys(action.inputs).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUT).sort())
  })

  it('action.yml gives every input the table’s default, and none where the table has none', () => {
    for (const spec of actionInputs()) {
      expect({ input: spec.name, default: action.inputs[spec.name].default }).toEqual({
        input: spec.name,
        default: spec.default
      })
    }
  })

  it('the CLI --help lists every flag, in its group, with the CLI’s default', () => {
    const helpLines = helpText().split('\n')
    for (const { key, flag, spec } of cliFlags()) {
      const line = helpLines.findIndex(l => new RegExp(`^  --${flag}( |$)`).test(l))
      expect({ flag, listed: line >= 0 }).toEqual({ flag, listed: true })
      const group = helpLines
        .slice(0, line)
        .reverse()
        .find(l => /^\S/.test(l))
      expect({ flag, group }).toEqual({ flag, group: spec.group })
      const fallback = defaultOf(key, 'cli')
      if (fallback !== undefined && spec.type !== 'boolean') {
        const entry = helpLines
          .slice(line, line + 4)
          .join(' ')
          .replace(/\s+/g, ' ')
        expect(entry).toContain(`(default: ${fallback})`)
      }
    }
  })

  it('a secret is never a flag: it comes from the environment (flags show in ps)', () => {
    const secrets = (Object.values(OPTIONS) as OptionSpec[]).filter(spec => spec.secret)
    expect(secrets.map(s => s.name).sort()).toEqual(
      ['github-token', 'health-token', 'kubeconfig', 'slack-webhook-url'].sort()
    )
    for (const spec of secrets) expect(spec.flag).toBe(false)
  })

  it('runs on node24 from dist/index.js', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('the version constant equals package.json', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'))
    expect(TOOL_VERSION).toBe(pkg.version)
  })
})

describe('the library entry (dist/lib.mjs)', () => {
  it('exports the library API only: the run, the renderers, the record, the error, the version', async () => {
    const lib = await import(join(REPO_ROOT, 'dist', 'lib.mjs'))
    expect(Object.keys(lib).sort()).toEqual(
      [
        'TOOL_NAME',
        'TOOL_VERSION',
        'UsageError',
        'readJsonReport',
        'recordOf',
        'renderJson',
        'renderMarkdown',
        'renderText',
        'runPreflight',
        'runVerify'
      ].sort()
    )
  })

  it('runs nothing on import, and the README’s example (examples/library.mjs) runs as documented', async () => {
    const { spawnSync } = await import('node:child_process')
    const imported = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `await import(${JSON.stringify(join(REPO_ROOT, 'dist', 'lib.mjs'))})`],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, GITHUB_OUTPUT: '/nonexistent/should-not-be-written' }
      }
    )
    expect(imported.stderr + imported.stdout).toBe('')
    const example = (...args: string[]) =>
      spawnSync(process.execPath, [join(REPO_ROOT, 'examples', 'library.mjs'), ...args], {
        encoding: 'utf8',
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH }
      })
    const go = example()
    expect(go.status).toBe(0)
    expect(go.stdout).toMatch(/✓ GO \(bundle only: offline run\)/)
    expect(go.stdout).toMatch(/^decision: go, blocking: none$/m)
    const noGo = example(join(REPO_ROOT, 'examples', 'broken', 'missing-file'))
    expect(noGo.status).toBe(1)
    expect(noGo.stdout).toMatch(/^decision: no-go, blocking: bundle-files, config-modes$/m)
  })
})

describe('the README documents the action', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
  const tableRows = (heading: string): Map<string, string[]> => {
    const section = readme.slice(readme.indexOf(`### ${heading}`)).split('\n\n')[1]
    return new Map(
      section
        .split('\n')
        .slice(2)
        .map(row => row.split(' | ').map(cell => cell.replace(/^\| |`| \|$/g, '').trim()))
        .map(cells => [cells[0], cells.slice(1)])
    )
  }

  it('lists every input of action.yml with its default, and no other', () => {
    const rows = tableRows('Inputs')
    const action = readActionYaml()
    expect([...rows.keys()].sort()).toEqual(Object.keys(action.inputs).sort())
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect(rows.get(name)![0]).toBe(spec.default ?? (spec.required ? '(required)' : '(none)'))
    }
  })

  it('lists every CLI flag with its default and the input it stands for, and no other', () => {
    const rows = tableRows('Flags')
    const flags = cliFlags()
    expect([...rows.keys()].sort()).toEqual(
      flags.map(({ flag, spec }) => `--${flag}${spec.arg ? ` ${spec.arg}` : ''}`).sort()
    )
    for (const { key, flag, spec } of flags) {
      const [fallback, input] = rows.get(`--${flag}${spec.arg ? ` ${spec.arg}` : ''}`)!
      const expected = defaultOf(key, 'cli')
      expect({ flag, fallback }).toEqual({
        flag,
        fallback: expected === undefined || spec.type === 'boolean' ? '(none)' : expected
      })
      expect({ flag, input }).toEqual({ flag, input: spec.input === false ? '(CLI only)' : spec.name })
    }
  })

  it('lists every output of action.yml, and no other', () => {
    expect([...tableRows('Outputs').keys()].sort()).toEqual(Object.keys(readActionYaml().outputs).sort())
  })
})

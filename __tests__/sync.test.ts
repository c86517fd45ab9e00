import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { INPUT, OUTPUT } from '../src/action/names.js'
import {
  DEFAULT_CONFIGMAP,
  DEFAULT_DEPLOYMENTS,
  DEFAULT_EXPECTED_FILES_PATTERN,
  DEFAULT_NAMESPACE
} from '../src/core/defaults.js'
import { TOOL_VERSION } from '../src/core/version.js'
import { DEFAULT_ENDPOINT_BUDGET, DEFAULT_PROBE_TIMEOUT } from '../src/core/options.js'
import { readActionYaml } from '../test/action-runner.js'
import { REPO_ROOT } from '../test/fixtures.js'

describe('names and defaults stay in sync', () => {
  const action = readActionYaml()

  it('action.yml declares exactly the inputs and outputs the code reads and writes', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUT).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUT).sort())
  })

  it('action.yml defaults are the library defaults', () => {
    expect(action.inputs.namespace.default).toBe(DEFAULT_NAMESPACE)
    expect(action.inputs.configmap.default).toBe(DEFAULT_CONFIGMAP)
    expect(action.inputs.deployments.default).toBe(DEFAULT_DEPLOYMENTS.join(', '))
    expect(action.inputs['expected-files'].default).toBe(DEFAULT_EXPECTED_FILES_PATTERN)
    expect(action.inputs['probe-timeout'].default).toBe(DEFAULT_PROBE_TIMEOUT)
    expect(action.inputs['endpoint-budget'].default).toBe(DEFAULT_ENDPOINT_BUDGET)
  })

  it('runs on node24 from dist/index.js', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('the version constant equals package.json', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'))
    expect(TOOL_VERSION).toBe(pkg.version)
  })
})

describe('the library entry (dist/lib.js)', () => {
  it('runs nothing on import and exposes runPreflight', async () => {
    const { spawnSync } = await import('node:child_process')
    const script = `
      const lib = await import(${JSON.stringify(join(REPO_ROOT, 'dist', 'lib.js'))});
      const report = await lib.runPreflight({ bundlePath: ${JSON.stringify(join(REPO_ROOT, 'examples', 'bundle'))}, offline: true });
      process.stdout.write(typeof lib.runPreflight + ' ' + report.decision);`
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, GITHUB_OUTPUT: '/nonexistent/should-not-be-written' }
    })
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('function go')
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

  it('lists every output of action.yml, and no other', () => {
    expect([...tableRows('Outputs').keys()].sort()).toEqual(Object.keys(readActionYaml().outputs).sort())
  })
})

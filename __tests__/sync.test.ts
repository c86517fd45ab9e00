import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { INPUT, OUTPUT } from '../src/constants.js'
import {
  DEFAULT_CONFIGMAP,
  DEFAULT_DEPLOYMENTS,
  DEFAULT_EXPECTED_FILES_PATTERN,
  DEFAULT_NAMESPACE
} from '../src/defaults.js'
import { TOOL_VERSION } from '../src/version.js'
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

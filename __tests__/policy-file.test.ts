import { afterAll, describe, expect, it } from '@jest/globals'
import { cpSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runPreflight } from '../src/preflight.js'
import { resolveOptions } from '../src/core/options.js'
import { checklistStatus } from '../src/checklist/state.js'
import { untickedManualItems } from '../src/checklist/manual-gate.js'
import { UsageError } from '../src/core/errors.js'
import { BROKEN, EXAMPLE_BUNDLE, cleanupTempDirs, tempDir } from '../test/fixtures.js'
import { runAction } from '../test/action-runner.js'

afterAll(cleanupTempDirs)

function policyFile(text: string): string {
  const path = join(tempDir('policy-'), 'preflight-policy.yml')
  writeFileSync(path, text)
  return path
}

const broken = { bundlePath: BROKEN('compose-no-image'), offline: true }

describe('the policy file', () => {
  it('downgrading the failing check to a warning turns no-go into go', async () => {
    expect((await runPreflight(broken)).decision).toBe('no-go')
    const report = await runPreflight({ ...broken, policy: policyFile('checks:\n  compose: warning\n') })
    expect(report.decision).toBe('go')
    const compose = report.results.find(r => r.id === 'compose')!
    expect(compose.status).toBe('warn')
    expect(compose.message).toMatch(/a warning by policy \(.*preflight-policy\.yml:2:12\)/)
    expect(report.warnings.map(w => w.check)).toContain('compose')
  })

  it('upgrading a warning to blocking turns go into no-go', async () => {
    const dir = tempDir('bundle-')
    cpSync(EXAMPLE_BUNDLE, dir, { recursive: true })
    writeFileSync(join(dir, 'notes.txt'), 'not part of the contract')
    const relaxed = await runPreflight({ bundlePath: dir, offline: true })
    expect(relaxed.decision).toBe('go')
    expect(relaxed.warnings.map(w => w.check)).toContain('bundle-files')
    const strict = await runPreflight({
      bundlePath: dir,
      offline: true,
      policy: policyFile('checks:\n  bundle-files: blocking\n')
    })
    expect(strict.decision).toBe('no-go')
    expect(strict.results.find(r => r.id === 'bundle-files')?.message).toMatch(
      /blocking by policy \(.*:2:17\)/
    )
  })

  it('turns a check off, or on only for some environments', async () => {
    const off = await runPreflight({ ...broken, policy: policyFile('checks:\n  compose: off\n') })
    expect(off.decision).toBe('go')
    expect(off.results.find(r => r.id === 'compose')?.message).toMatch(/off by policy/)
    const onlyProduction = policyFile(
      'checks:\n  compose: { severity: blocking, environments: [production] }\n'
    )
    expect((await runPreflight({ ...broken, policy: onlyProduction, environment: 'staging' })).decision).toBe(
      'go'
    )
    expect(
      (await runPreflight({ ...broken, policy: onlyProduction, environment: 'production' })).decision
    ).toBe('no-go')
  })

  it('lists checklist items the manual-item gate does not wait for', async () => {
    const report = await runPreflight({
      bundlePath: EXAMPLE_BUNDLE,
      offline: true,
      policy: policyFile('optional-items:\n  - t-24h.document-why\n')
    })
    expect(report.policy?.optionalItems).toEqual(['t-24h.document-why'])
    const statuses = checklistStatus(report)
    const waiting = untickedManualItems(statuses, new Set(report.policy!.optionalItems)).map(s => s.item.id)
    expect(untickedManualItems(statuses).map(s => s.item.id)).toContain('t-24h.document-why')
    expect(waiting).not.toContain('t-24h.document-why')
    expect(waiting.every(id => /^t-(24h|4h|2h|1h|15m)\./.test(id))).toBe(true)
  })

  it('sets thresholds that take precedence over the options', () => {
    const options = resolveOptions({
      bundlePath: EXAMPLE_BUNDLE,
      certMinDays: 14,
      capacityThreshold: '85%',
      policy: policyFile('thresholds:\n  cert-min-days: 30\n  capacity-threshold: 90%\n  probe-count: 3\n')
    })
    expect(options).toMatchObject({ certMinDays: 30, capacityThreshold: 90, probeCount: 3 })
  })

  it.each([
    [
      'checks:\n  compose: [warning\n',
      /policy .*preflight-policy\.yml:\d+:\d+: not valid YAML \(Flow sequence/
    ],
    [
      'checks:\n  composer: warning\n',
      /policy .*preflight-policy\.yml:2:3: unknown check "composer"; known: api-endpoints, baseline, bundle-files,/
    ],
    [
      'checks:\n  compose: maybe\n',
      /policy .*preflight-policy\.yml:2:12: "maybe" is not a severity; use blocking, warning or off/
    ],
    ['thresholds:\n  cert-min-days: -3\n', /policy .*:2:18: cert-min-days must be a positive number/],
    ['rules: {}\n', /policy .*:1:1: unknown key "rules"/],
    ['optional-items: [t-1h.no-such-item]\n', /policy .*:1:18: unknown checklist item "t-1h.no-such-item"/],
    ['checks:\n  compose: warning\n  compose: off\n', /not valid YAML \(Map keys must be unique/]
  ])('rejects %j with the file, line and column', async (text, message) => {
    const run = runPreflight({ ...broken, policy: policyFile(text) })
    await expect(run).rejects.toThrow(UsageError)
    await expect(runPreflight({ ...broken, policy: policyFile(text) })).rejects.toThrow(message)
  })

  it('an invalid policy makes the action no-go, naming the line', async () => {
    const path = policyFile('checks:\n  compose: maybe\n')
    const run = await runAction({
      'bundle-path': 'examples/bundle',
      offline: 'true',
      'tracking-issue': 'false',
      policy: path
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.decision).toBe('no-go')
    expect(run.stdout).toMatch(
      /::error::Invalid input: policy .*preflight-policy\.yml:2:12: "maybe" is not a severity/
    )
    expect(run.outputs.reason).toMatch(
      /^no-go: inputs: invalid input: policy .*preflight-policy\.yml:2:12: "maybe"/
    )
    expect(run.outputs['failed-checks']).toBe('inputs')
    expect(run.outputs['report-path']).toMatch(/report\.json$/)
    expect(run.summary).toMatch(
      /preflight-policy\.yml:2:12: &quot;maybe&quot; is not a severity|preflight-policy\.yml:2:12: "maybe" is not a severity/
    )
  })

  it('may name baseline: off makes it not applicable, and any other severity leaves it as it was', async () => {
    const off = await runPreflight({ ...broken, policy: policyFile('checks:\n  baseline: off\n') })
    expect(off.results.find(r => r.id === 'baseline')).toMatchObject({
      status: 'skip',
      skipReason: 'not-applicable',
      message: expect.stringMatching(/^not applicable: off by policy \(.*preflight-policy\.yml:2:13\)$/)
    })
    const blocking = await runPreflight({ ...broken, policy: policyFile('checks:\n  baseline: blocking\n') })
    expect(blocking.results.find(r => r.id === 'baseline')).toMatchObject({ status: 'skip', blocking: false })
  })
})

import { describe, expect, it } from '@jest/globals'
import { readActionInputs } from '../src/action/inputs.js'
import { readRunContext } from '../src/github/context.js'
import { readActionYaml } from '../test/action-runner.js'

const context = readRunContext({
  GITHUB_REPOSITORY: 'vapora/app',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_API_URL: 'https://ghe.example/api/v3/',
  GITHUB_SERVER_URL: 'https://github.com'
})

/** Reads inputs as the runner passes them: action.yml defaults, overridden by `given`. */
function read(given: Record<string, string>) {
  const defaults = Object.fromEntries(
    Object.entries(readActionYaml().inputs).map(([name, spec]) => [
      name,
      (spec.default ?? '').replace('${{ github.token }}', 'ghs_token')
    ])
  )
  return readActionInputs(name => ({ ...defaults, ...given })[name] ?? '', context)
}

describe('action inputs', () => {
  it('default to downloading deployment-artifacts from this run and tracking the staging issue', () => {
    const inputs = read({})
    expect(inputs.preflight.bundlePath).toBeUndefined()
    expect(inputs.preflight.artifact).toMatchObject({
      name: 'deployment-artifacts',
      runId: undefined,
      token: 'ghs_token',
      apiUrl: 'https://ghe.example/api/v3',
      currentRepository: 'vapora/app',
      currentRunId: 42
    })
    expect(inputs.steps).toMatchObject({
      trackingIssue: true,
      environment: 'staging',
      issueKey: 'staging',
      issueLabels: ['deployment', 'preflight'],
      uploadRollbackKit: true
    })
    expect(context.runUrl).toBe('https://github.com/vapora/app/actions/runs/42/attempts/2')
  })

  it('skip the download when bundle-path is set', () => {
    expect(read({ 'bundle-path': 'dist/bundle.zip', 'run-id': '7' }).preflight.artifact).toBeUndefined()
    // repository only matters for a download: no run-id demanded when bundle-path is set.
    expect(
      read({ 'bundle-path': 'dist/bundle.zip', repository: 'other/repo' }).preflight.artifact
    ).toBeUndefined()
  })

  it.each([
    [{ 'run-id': 'latest' }, /run-id: "latest" is not a positive whole number/],
    [{ 'run-id': '-3' }, /run-id: "-3" is not a positive whole number/],
    [{ repository: 'vapora' }, /repository: "vapora" is not owner\/name/],
    [{ repository: 'other/repo' }, /run-id: empty, but repository is other\/repo/],
    [{ 'issue-number': '0' }, /issue-number: "0" is not a positive whole number/],
    [{ 'issue-key': 'a-->b' }, /issue-key: "a-->b" cannot identify an issue/],
    [{ environment: 'prod\nx' }, /environment: must be one line/],
    [{ 'issue-labels': ' , ' }, /issue-labels: empty/],
    [{ 'issue-labels': 'x'.repeat(51) }, /longer than GitHub's 50 characters/],
    [{ 'tracking-issue': 'sure' }, /tracking-issue: "sure" is not a boolean/]
  ])('reject %j with a message that says how to fix it', (given, message) => {
    expect(() => read(given as Record<string, string>)).toThrow(message)
  })

  it('take "#12" as issue 12, and the key from issue-key over the environment', () => {
    const inputs = read({ 'issue-number': '#12', 'issue-key': 'prod-eu', environment: 'production' })
    expect(inputs.steps.issueNumber).toBe(12)
    expect(inputs.steps.issueKey).toBe('prod-eu')
  })

  it('change checks: on by default, on the repository the bundle comes from, off with check-changes: false', () => {
    expect(read({}).preflight.changes).toMatchObject({ repository: 'vapora/app', token: 'ghs_token' })
    const other = read({ repository: 'vapora/builds', 'run-id': '7' }).preflight.changes
    expect(other?.repository).toBe('vapora/builds')
    // With bundle-path the repository input downloads nothing: the code deployed is this repository's.
    expect(read({ 'bundle-path': 'b', repository: 'vapora/builds' }).preflight.changes?.repository).toBe(
      'vapora/app'
    )
    expect(read({ 'check-changes': 'false' }).preflight.changes).toBeUndefined()
  })

  it('mode: preflight by default, verify on request, anything else refused', () => {
    expect(read({}).mode).toBe('preflight')
    expect(read({ mode: 'verify', 'close-on-success': 'true' })).toMatchObject({
      mode: 'verify',
      verify: { readyTimeout: '5m', latencyFactor: '2' },
      steps: { closeOnSuccess: true }
    })
    expect(() => read({ mode: 'deploy' })).toThrow(/mode: "deploy" is not a mode; use preflight .* or verify/)
  })
})

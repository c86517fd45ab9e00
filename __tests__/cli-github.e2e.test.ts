/**
 * The CLI runs the action's gate from anywhere (a laptop, another CI): `node dist/cli.js` with the same
 * policy, environment, tracking issue and manual-item gate, against the GitHub emulator (every request and
 * response checked against GitHub's OpenAPI description). Where the action and the CLI run the same gate,
 * they decide the same.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import http from 'node:http'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAction } from '../test/action-runner.js'
import { BROKEN, EXAMPLE_BUNDLE, REPO_ROOT, cleanupTempDirs, tempDir } from '../test/fixtures.js'
import { startGitHubEmulator, type GitHubEmulator } from '../test/github/emulator.js'
import { checklistItems } from '../src/checklist/model.js'
import { BEFORE_DEPLOY_SECTIONS } from '../src/checklist/manual-gate.js'
import { issueKeyMarker } from '../src/report/issue-body.js'

const REPO = 'vapora/app'
const TOKEN = 'ghs_cliTokenForTheEmulator000000000000001'
const SLACK_SECRET = 'T000/B000/cli-slack-secret-0123456789'

let github: GitHubEmulator

beforeAll(async () => {
  github = await startGitHubEmulator()
  github.addRepo(REPO)
  github.addToken(TOKEN, { issues: 'write', actions: 'read', repos: [REPO] })
})

afterAll(async () => {
  await github?.close()
  cleanupTempDirs()
})

interface CliRun {
  code: number
  stdout: string
  stderr: string
  report: {
    decision: string
    failedChecks: string[]
    results: Array<{ id: string; status: string; message: string }>
  }
}

/**
 * `node dist/cli.js` as another CI runs it: no GITHUB_* variable but the API URL (the repository comes
 * from --repository), the token from GITHUB_TOKEN; the JSON report on stdout.
 */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'dist', 'cli.js'), '--format', 'json', '--offline', ...args],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: tempDir('cli-home-'),
          GITHUB_API_URL: github.url,
          GITHUB_TOKEN: TOKEN,
          ...env
        }
      }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', code => {
      try {
        resolve({ code: code ?? -1, stdout, stderr, report: JSON.parse(stdout) })
      } catch {
        reject(new Error(`not a JSON report (exit ${code}):\n${stdout}\n${stderr}`))
      }
    })
  })
}

const issuesFor = (key: string) =>
  github.issues(REPO).filter(i => (i.body ?? '').includes(issueKeyMarker(key)))

const tick = (number: number, id: string): Promise<void> => github.tickByHand(REPO, number, id, TOKEN)

const required = checklistItems().filter(
  i => !i.automated && !i.optional && BEFORE_DEPLOY_SECTIONS.has(i.id.split('.')[0])
)

describe('the CLI keeps the same tracking issue as the action', () => {
  it('opens the environment’s tracking issue in --repository, linking --run-url, token never shown', async () => {
    const run = await cli([
      '--bundle',
      EXAMPLE_BUNDLE,
      '--repository',
      REPO,
      '--tracking-issue',
      '--environment',
      'woodpecker',
      '--run-url',
      'https://ci.example.com/vapora/app/pipeline/42'
    ])
    expect(run.code).toBe(0)
    expect(run.report.decision).toBe('go')
    const step = run.report.results.find(r => r.id === 'tracking-issue')!
    expect(step).toMatchObject({ status: 'pass' })
    expect(step.message).toMatch(new RegExp(`https://github\\.com/${REPO}/issues/\\d+$`))
    expect(run.stderr).toMatch(/tracking-issue +created #\d+/)
    const [issue] = issuesFor('woodpecker')
    expect(issue.body).toContain('https://ci.example.com/vapora/app/pipeline/42')
    expect(issue.labels).toEqual(expect.arrayContaining(['deployment', 'preflight']))
    for (const text of [run.stdout, run.stderr, issue.body ?? '']) expect(text).not.toContain(TOKEN)
    expect(github.violations()).toEqual([])
  })

  it('--require-manual: no-go until people tick the manual items, then go; the action agrees', async () => {
    const args = ['--bundle', EXAMPLE_BUNDLE, '--repository', REPO, '--tracking-issue']
    const gate = [...args, '--environment', 'gate-cli', '--require-manual']
    const first = await cli(gate)
    expect(first.code).toBe(1)
    expect(first.report.failedChecks).toEqual(['manual-items'])
    const number = issuesFor('gate-cli')[0].number
    expect(first.report.results.find(r => r.id === 'manual-items')!.message).toMatch(
      new RegExp(`^${required.length} required manual item\\(s\\) not ticked yet in https://github\\.com/`)
    )
    // The action, on the same issue, says the same.
    github.addRun(REPO, 9101)
    const action = await runAction(
      {
        'bundle-path': 'examples/bundle',
        offline: 'true',
        'check-changes': 'false',
        'upload-rollback-kit': 'false',
        environment: 'gate-cli',
        'require-manual': 'true'
      },
      github.actionEnv(REPO, 9101),
      { githubToken: TOKEN }
    )
    expect(action.outputs.decision).toBe('no-go')
    expect(action.outputs['failed-checks']).toBe('manual-items')
    expect(action.outputs['issue-number']).toBe(String(number))
    for (const item of required) await tick(number, item.id)
    const done = await cli(gate)
    expect(done.code).toBe(0)
    expect(done.report.results.find(r => r.id === 'manual-items')).toMatchObject({
      status: 'pass',
      message: 'every required manual item is ticked'
    })
    expect(issuesFor('gate-cli')).toHaveLength(1)
  })

  it('--require-manual without --tracking-issue is a no-go that says why, not a silent go', async () => {
    const run = await cli(['--bundle', EXAMPLE_BUNDLE, '--require-manual'])
    expect(run.code).toBe(1)
    expect(run.report.results.find(r => r.id === 'manual-items')).toMatchObject({
      status: 'fail',
      message: 'require-manual needs the tracking issue, and there is none for this run'
    })
  })
})

describe('the CLI runs the action’s policy', () => {
  const policy = (text: string): string => {
    const path = join(tempDir('cli-policy-'), 'policy.yml')
    writeFileSync(path, text)
    return path
  }

  it('--policy and --environment decide as the action does with policy and environment', async () => {
    // A missing file fails bundle-files and config-modes: blocking in production, off elsewhere.
    const file = policy(
      [
        'checks:',
        '  bundle-files: { severity: blocking, environments: [production] }',
        '  config-modes: { severity: blocking, environments: [production] }',
        ''
      ].join('\n')
    )
    const bundle = BROKEN('missing-file')
    for (const environment of ['staging', 'production']) {
      const run = await cli(['--bundle', bundle, '--policy', file, '--environment', environment])
      github.addRun(REPO, 9200 + environment.length)
      const action = await runAction(
        {
          'bundle-path': bundle,
          offline: 'true',
          'check-changes': 'false',
          'tracking-issue': 'false',
          'upload-rollback-kit': 'false',
          policy: file,
          environment
        },
        github.actionEnv(REPO, 9200 + environment.length),
        { githubToken: TOKEN }
      )
      expect({ environment, cli: run.report.decision }).toEqual({
        environment,
        cli: action.outputs.decision
      })
      expect(run.report.failedChecks.join(',')).toBe(action.outputs['failed-checks'])
      expect(run.report.decision).toBe(environment === 'production' ? 'no-go' : 'go')
    }
  })

  it('a policy file that does not parse is exit 2 with the file and the fix, before any check', async () => {
    const file = policy('checks: [nope\n')
    const child = await new Promise<{ code: number; stderr: string }>(resolve => {
      const p = spawn(
        process.execPath,
        [join(REPO_ROOT, 'dist', 'cli.js'), '--bundle', EXAMPLE_BUNDLE, '--offline', '--policy', file],
        {
          env: { PATH: process.env.PATH ?? '' }
        }
      )
      let stderr = ''
      p.stderr.on('data', c => (stderr += c))
      p.on('close', code => resolve({ code: code ?? -1, stderr }))
    })
    expect(child.code).toBe(2)
    expect(child.stderr).toContain(file)
  })
})

describe('the CLI announces in Slack from VAPORA_SLACK_WEBHOOK_URL, never printing it', () => {
  it('posts the decision with the issue link', async () => {
    const received: string[] = []
    const receiver = http.createServer((req, res) => {
      let body = ''
      req.on('data', chunk => (body += chunk))
      req.on('end', () => {
        received.push(body)
        res.writeHead(200).end('ok')
      })
    })
    await new Promise<void>(resolve => receiver.listen(0, '127.0.0.1', () => resolve()))
    const { port } = receiver.address() as { port: number }
    try {
      const run = await cli(
        ['--bundle', EXAMPLE_BUNDLE, '--repository', REPO, '--tracking-issue', '--environment', 'slack-cli'],
        { VAPORA_SLACK_WEBHOOK_URL: `http://127.0.0.1:${port}/services/${SLACK_SECRET}` }
      )
      expect(run.code).toBe(0)
      expect(run.report.results.find(r => r.id === 'slack-webhook')).toMatchObject({ status: 'pass' })
      expect(received).toHaveLength(1)
      expect(received[0]).toMatch(/GO/)
      expect(received[0]).toContain(`https://github.com/${REPO}/issues/`)
      for (const text of [run.stdout, run.stderr]) expect(text).not.toContain(SLACK_SECRET)
    } finally {
      receiver.close()
    }
  })
})

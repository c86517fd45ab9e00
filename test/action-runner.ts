/**
 * Runs `node dist/index.js` the way the Actions runner does: every input with a default in action.yml
 * is set as INPUT_<NAME> (name upper-cased, spaces to underscores, hyphens kept), GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY point at fresh files, RUNNER_TEMP at a fresh directory, and the working directory
 * is the workspace.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT, tempDir } from './fixtures.js'
import { expectRendersOnGitHub } from './gfm.js'
import { expectValidReport } from './report-schema.js'

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  runnerTemp: string
}

interface ActionYaml {
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

export function readActionYaml(): ActionYaml {
  return parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYaml
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIMITER\nvalue\nDELIMITER`, or `name=value`), as the runner does. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^\n<=]+)<<(\S+)$/.exec(lines[i])
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1)
      if (end < 0) break
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n')
      i = end
      continue
    }
    const simple = /^([^<=]+)=(.*)$/.exec(lines[i])
    if (simple) outputs[simple[1]] = simple[2]
  }
  return outputs
}

/** What the runner knows that is not an input: the job's token, for `${{ github.token }}` defaults. */
export interface RunnerContext {
  githubToken?: string
}

/** Evaluates the one expression our defaults use, as the runner does before starting the action. */
function evaluateDefault(value: string, context: RunnerContext): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, context.githubToken ?? '')
}

export async function runAction(
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
  context: RunnerContext = {}
): Promise<ActionRun> {
  const action = readActionYaml()
  const work = tempDir('preflight-runner-')
  const outputFile = join(work, 'github_output')
  const summaryFile = join(work, 'step_summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const runnerTemp = join(work, 'runner_temp')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    // A fresh HOME: the developer's own ~/.kube/config must never be picked up by a test run.
    HOME: work,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: REPO_ROOT,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    ...extraEnv
  }
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value =
      inputs[name] ?? (spec.default === undefined ? undefined : evaluateDefault(spec.default, context))
    if (value !== undefined) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  const { mkdirSync } = await import('node:fs')
  mkdirSync(runnerTemp)
  const child = spawn(process.execPath, [join(REPO_ROOT, action.runs.main)], { cwd: REPO_ROOT, env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const exitCode = await new Promise<number | null>(resolve => child.on('close', resolve))
  const run = {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    runnerTemp
  }
  // What every run leaves must hold up: the summary as GitHub renders it, the report against its schema.
  if (run.summary.trim()) expectRendersOnGitHub(run.summary, 'the job summary')
  if (run.outputs['report-path'] && existsSync(run.outputs['report-path'])) {
    expectValidReport(readFileSync(run.outputs['report-path'], 'utf8'), 'the report at report-path')
  }
  return run
}

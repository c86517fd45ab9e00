/**
 * The GitHub Action adapter: read inputs once, run the engine, save the rollback kit, update the
 * tracking issue, then write outputs, annotations and the job summary, and fail the job on no-go.
 * The only place that talks to @actions/core; one error boundary.
 */
import * as core from '@actions/core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, isAbsolute } from 'node:path'
import { OUTPUT } from './names.js'
import { reportOfFailure } from '../core/engine.js'
import { runPreflight } from '../preflight.js'
import { UsageError, describeError } from '../core/errors.js'
import { ACTION, INPUTS } from '../core/results.js'
import { readActionInputs, type ActionInputs } from './inputs.js'
import { readRunContext, type RunContext } from '../github/context.js'
import {
  PREFLIGHT_STEPS,
  VERIFY_STEPS,
  preflightRecordFromIssue,
  runSteps,
  withLastGo,
  type StepContext,
  type StepFacts
} from '../steps/index.js'
import { decodeKubeconfig, kubeconfigSecrets } from '../kube/kubeconfig-text.js'
import { progressLine } from '../report/progress.js'
import { renderJson } from '../report/json.js'
import { renderMarkdown } from '../report/markdown.js'
import { inline, prose } from '../report/markdown-escape.js'
import { plainItemText } from '../checklist/model.js'
import type { CheckResult, Report, RunMode } from '../core/types.js'

/** GitHub shows only the first few annotations per step; more would only bury the first. */
const MAX_ANNOTATIONS = 50

/** The annotation path: workspace-relative when the bundle is a directory in the repo, so it links. */
function annotationFile(report: Report, file: string): string {
  const root = report.bundle?.root
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  if (report.bundle?.kind !== 'directory' || !root) return file
  const full = join(isAbsolute(root) ? root : join(workspace, root), file)
  const rel = relative(workspace, full)
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel
}

function annotate(report: Report): void {
  let count = 0
  for (const result of report.results) {
    for (const finding of result.findings ?? []) {
      if (finding.severity === 'notice' || count++ >= MAX_ANNOTATIONS) continue
      const properties: core.AnnotationProperties = {
        title: `preflight ${result.id}`,
        file: finding.file ? annotationFile(report, finding.file) : undefined,
        startLine: finding.line,
        startColumn: finding.column
      }
      const hint = finding.hint ?? result.hint
      const message = hint ? `${finding.message}\nHow to fix: ${plainItemText(hint)}` : finding.message
      if (finding.severity === 'error') core.error(message, properties)
      else core.warning(message, properties)
    }
  }
}

/** Where the report and the rollback kit go: a folder under RUNNER_TEMP, as the runner cleans it. */
function kitDir(): string {
  return join(process.env.RUNNER_TEMP || tmpdir(), 'vapora-preflight')
}

/**
 * Masks the kubeconfig input before anything is logged: the raw value, its decoded form line by line,
 * and every credential in it (the runner masks exact strings, so each form must be registered).
 */
function maskKubeconfig(raw: string | undefined): void {
  if (!raw?.trim()) return
  core.setSecret(raw.trim())
  try {
    const decoded = decodeKubeconfig(raw)
    for (const line of decoded.split('\n')) {
      const value = line.replace(/^[\s-]*[\w-]+:\s*/, '').trim()
      if (/(token|key|password|certificate-data|secret)/i.test(line) && value.length >= 8)
        core.setSecret(value)
    }
    for (const secret of kubeconfigSecrets(decoded)) core.setSecret(secret)
  } catch {
    // Not decodable: the engine reports it as an input error; the raw value is masked already.
  }
}

function writeReport(report: Report): string {
  const dir = kitDir()
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'report.json')
  writeFileSync(path, renderJson(report))
  return path
}

/** The summary's lines on what was done on GitHub: the tracking issue, removed hand ticks, the kit. */
function githubNote(facts: StepFacts): string {
  const { issue, kitUrl } = facts
  const lines: string[] = []
  if (issue.url) lines.push(`Tracking issue: [#${issue.number}](${issue.url})`)
  for (const o of issue.overridden ?? []) {
    lines.push(`- ⚠️ tick removed from "${prose(o.text)}": ticked by hand, but ${inline(o.reason, 300)}`)
  }
  if (kitUrl) lines.push('', `Rollback kit (report and ConfigMap backup): [artifact](${kitUrl})`)
  return lines.length > 0 ? `\n\n${lines.join('\n')}\n` : ''
}

/** The `reason` output: why, in one line (the first root cause, what it blocked, and how many more). */
function oneLineReason(report: Report): string {
  if (report.decision === 'go') {
    return report.warnings.length > 0
      ? `go, with warnings: ${report.warnings.map(w => w.check).join(', ')}`
      : 'go: nothing blocks'
  }
  const more = report.reasons.length > 1 ? ` (+${report.reasons.length - 1} more root causes)` : ''
  return `no-go: ${reasonText(report.reasons[0]).split('\n')[0].slice(0, 300)}${more}`
}

const reasonText = (reason: Report['reasons'][number] | undefined): string =>
  reason ? (reason.check ? `${reason.check}: ${reason.message}` : reason.message) : 'see the report'

/** The job's failure message: every root cause (each counts what it blocked), then the failed ids. */
function failureMessage(prefix: string, report: Report): string {
  return `${prefix} ${report.reasons.map(reasonText).join(' · ')} (blocking: ${report.failedChecks.join(', ') || 'none'})`
}

/** The steps' view of this job: its settings, the run, and where the report is kept. */
function stepContext(inputs: ActionInputs, context: RunContext): StepContext {
  return {
    settings: inputs.steps,
    run: context,
    runMarker: context.runId ? `${context.runId}/${context.runAttempt ?? 1}` : undefined,
    actor: process.env.GITHUB_ACTOR,
    writeReport
  }
}

/** Each step's result in the log as it ends; a warning (kit not kept, Slack down) as an annotation too. */
function logStep(result: CheckResult): void {
  core.info(progressLine(result))
  if (result.status === 'warn') core.warning(`${result.message} ${result.hint ?? ''}`.trim())
}

/**
 * Verify mode (after the deploy): the preflight's record from the tracking issue, the success criteria,
 * then the record, sign-off and comment in the issue (closed on success when asked). Not verified fails
 * the job and prints the rollback commands.
 */
async function verifyMode(inputs: ActionInputs, context: RunContext): Promise<void> {
  const steps = stepContext(inputs, context)
  const found = await preflightRecordFromIssue(steps)
  const { runVerify } = await import('../preflight.js')
  const checked = await runVerify(
    {
      ...inputs.preflight,
      changes: undefined,
      workDir: process.env.RUNNER_TEMP || undefined,
      artifactsDir: kitDir(),
      verify: { ...inputs.verify, record: found.record, recordProblem: found.problem }
    },
    {
      onResult: result => core.info(progressLine(result)),
      onSecrets: secrets => secrets.forEach(s => core.setSecret(s))
    }
  )
  const { report, facts } = await runSteps(checked, VERIFY_STEPS, steps, logStep)
  const issueUrl = facts.issue.url
  const reportPath = writeReport(report)
  const v = report.verification
  core.setOutput(OUTPUT.decision, report.decision)
  core.setOutput(OUTPUT.verified, String(v.verified))
  core.setOutput(OUTPUT.rollbackDetected, String(v.rollbackDetected))
  core.setOutput(OUTPUT.duration, v.durationMs === undefined ? '' : String(Math.round(v.durationMs / 1000)))
  core.setOutput(OUTPUT.failedChecks, report.failedChecks.join(','))
  core.setOutput(OUTPUT.warnings, report.warnings.map(w => w.check).join(','))
  core.setOutput(OUTPUT.reason, oneLineReason(report))
  core.setOutput(OUTPUT.reportPath, reportPath)
  core.setOutput(OUTPUT.issueUrl, issueUrl ?? '')
  annotate(report)
  const { renderVerification } = await import('../report/verify-body.js')
  await core.summary
    .addRaw(
      `${renderMarkdown(report)}\n\n${renderVerification(report, { runUrl: context.runUrl, actor: process.env.GITHUB_ACTOR })}\n`,
      true
    )
    .write()
  if (v.verified) {
    core.info('Deployment verified.')
  } else {
    if (v.undoCommands.length > 0) core.info(`Roll back with:\n${v.undoCommands.join('\n')}`)
    core.setFailed(failureMessage('Deployment not verified.', report))
  }
}

export async function run(): Promise<void> {
  const started = new Date()
  try {
    const context = readRunContext()
    const inputs = readActionInputs(name => core.getInput(name), context)
    if (inputs.steps.token) core.setSecret(inputs.steps.token)
    if (inputs.preflight.healthToken) core.setSecret(inputs.preflight.healthToken)
    if (inputs.steps.slackWebhookUrl) core.setSecret(inputs.steps.slackWebhookUrl)
    maskKubeconfig(inputs.preflight.kubeconfig)
    if (inputs.mode === 'verify') return await verifyMode(inputs, context)
    const steps = stepContext(inputs, context)
    const changes = await withLastGo(inputs.preflight.changes, steps)
    const checked = await runPreflight(
      { ...inputs.preflight, changes, workDir: process.env.RUNNER_TEMP || undefined, artifactsDir: kitDir() },
      {
        onResult: result => core.info(progressLine(result)),
        onSecrets: secrets => secrets.forEach(s => core.setSecret(s))
      }
    )
    const { report, facts } = await runSteps(checked, PREFLIGHT_STEPS, steps, logStep)
    for (const o of facts.issue.overridden ?? []) {
      core.warning(
        `Tracking issue: "${o.text}" was ticked by hand but its check fails (${o.reason}); tick removed.`
      )
    }
    const reportPath = writeReport(report)
    core.setOutput(OUTPUT.decision, report.decision)
    core.setOutput(OUTPUT.failedChecks, report.failedChecks.join(','))
    core.setOutput(OUTPUT.warnings, report.warnings.map(w => w.check).join(','))
    core.setOutput(OUTPUT.reason, oneLineReason(report))
    core.setOutput(OUTPUT.reportPath, reportPath)
    core.setOutput(OUTPUT.revisions, JSON.stringify(report.rollback?.revisions ?? {}))
    core.setOutput(OUTPUT.configMapBackupPath, report.rollback?.configMapBackupPath ?? '')
    core.setOutput(OUTPUT.issueNumber, facts.issue.number ? String(facts.issue.number) : '')
    core.setOutput(OUTPUT.issueUrl, facts.issue.url ?? '')
    core.setOutput(OUTPUT.bundleSource, report.bundle?.origin?.url ?? report.bundle?.path ?? '')
    annotate(report)
    await core.summary.addRaw(renderMarkdown(report) + githubNote(facts), true).write()
    if (report.decision === 'go') {
      core.info(
        `Preflight decision: go${report.scope === 'bundle-only' ? ' (bundle only: offline run)' : ''}`
      )
    } else {
      core.setFailed(failureMessage('Preflight decision: no-go.', report))
    }
  } catch (error) {
    await failClosed(error, started)
  }
}

/** The mode as asked, read apart from the inputs (they may be what failed): only its own outputs are set. */
function requestedMode(): RunMode {
  try {
    return core.getInput('mode').trim().toLowerCase() === 'verify' ? 'verify' : 'preflight'
  } catch {
    return 'preflight'
  }
}

/**
 * Whatever went wrong before a report existed (an invalid input or policy file, a crash), the gate must
 * never read as "go", and people must see why: the same outputs, report and summary as any no-go.
 */
async function failClosed(error: unknown, started: Date): Promise<void> {
  const mode = requestedMode()
  core.setOutput(OUTPUT.decision, 'no-go')
  if (mode === 'verify') core.setOutput(OUTPUT.verified, 'false')
  const usage = error instanceof UsageError
  const report = reportOfFailure(
    usage
      ? {
          result: INPUTS,
          message: `invalid input: ${describeError(error)}`,
          hint: 'Fix the input (or the policy file) named above, then re-run the job.'
        }
      : {
          result: ACTION,
          message: `the action failed unexpectedly: ${describeError(error)}`,
          hint: 'This is a bug in vapora-preflight; please report it with this job log.'
        },
    { mode, startedAt: started }
  )
  try {
    core.setOutput(OUTPUT.reason, oneLineReason(report))
    core.setOutput(OUTPUT.failedChecks, report.failedChecks.join(','))
    core.setOutput(OUTPUT.reportPath, writeReport(report))
    await core.summary.addRaw(renderMarkdown(report), true).write()
  } catch (writeError) {
    // The decision output is already written; say why the rest could not be.
    core.warning(`could not write the report or the job summary: ${describeError(writeError)}`)
  }
  core.setFailed(`${usage ? 'Invalid input' : 'Preflight failed unexpectedly'}: ${describeError(error)}`)
}

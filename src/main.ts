/**
 * The GitHub Action adapter: read inputs once, run the engine, save the rollback kit, update the
 * tracking issue, then write outputs, annotations and the job summary, and fail the job on no-go.
 * The only place that talks to @actions/core; one error boundary.
 */
import * as core from '@actions/core'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, isAbsolute } from 'node:path'
import { performance } from 'node:perf_hooks'
import { OUTPUT } from './constants.js'
import { amendReport, finish, runPreflight } from './engine.js'
import { UsageError, describeError } from './errors.js'
import { readActionInputs, type GitHubInputs } from './inputs.js'
import { readRunContext, type RunContext } from './github/context.js'
import { decodeKubeconfig, kubeconfigSecrets } from './kube/config.js'
import { SECTION } from './checks/sections.js'
import { progressLine } from './report/progress.js'
import { renderJson } from './report/json.js'
import { renderMarkdown } from './report/markdown.js'
import { inline } from './report/markdown-escape.js'
import type { OverriddenTick } from './checklist/merge.js'
import type { CheckOutcome, CheckResult, Report } from './types.js'

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
      if (finding.severity === 'error') core.error(finding.message, properties)
      else core.warning(finding.message, properties)
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

async function timed(
  check: { id: string; title: string; section: string },
  step: () => Promise<CheckOutcome>
): Promise<CheckResult> {
  const started = performance.now()
  const outcome = await step()
  return finish(check, outcome, performance.now() - started)
}

const KIT_UPLOAD = {
  id: 'rollback-kit-upload',
  title: 'Keep the rollback kit (report and ConfigMap backup) as an artifact',
  section: SECTION.rollbackPlan
}
const TRACKING_ISSUE = {
  id: 'tracking-issue',
  title: 'Create GitHub issue or ticket tracking the deployment',
  section: SECTION.changeDocs
}

/** Uploads the report and the ConfigMap backup, when asked to and the runtime allows it. */
async function saveKit(
  report: Report,
  reportPath: string,
  inputs: GitHubInputs,
  context: RunContext
): Promise<{ result?: CheckResult; url?: string }> {
  if (!inputs.uploadRollbackKit) return {}
  const result = await timed(KIT_UPLOAD, async () => {
    if (!context.hasActionsRuntime) {
      return {
        status: 'skip',
        skipReason: 'not-applicable',
        message: 'not applicable: no Actions runtime (ACTIONS_RUNTIME_TOKEN) to upload to'
      }
    }
    const backup = report.rollback?.configMapBackupPath
    const files = [reportPath, ...(backup && existsSync(backup) ? [backup] : [])]
    const { kitArtifactName, uploadRollbackKit } = await import('./github/upload.js')
    const upload = await uploadRollbackKit(kitArtifactName(inputs.issueKey), files)
    return upload.ok
      ? {
          status: 'pass',
          message: upload.message,
          data: { artifactId: upload.artifactId, name: upload.name }
        }
      : {
          status: 'fail',
          message: upload.message,
          hint: 'The ConfigMap backup lives only in this job; without the upload there is no backup to roll back to. Re-run, or set upload-rollback-kit: false and keep the backup yourself.'
        }
  })
  const id = result.data?.artifactId as number | undefined
  return {
    result,
    url:
      id && context.runUrl ? `${context.runUrl.replace(/\/attempts\/\d+$/, '')}/artifacts/${id}` : undefined
  }
}

/** Creates or updates the tracking issue; its body shows this step as done (it is, if anyone can read it). */
async function track(
  report: Report,
  inputs: GitHubInputs,
  context: RunContext,
  fullReportUrl: string | undefined
): Promise<{ result?: CheckResult; number?: number; url?: string; overridden?: OverriddenTick[] }> {
  if (!inputs.trackingIssue) return {}
  let number: number | undefined
  let url: string | undefined
  let overridden: OverriddenTick[] = []
  const result = await timed(TRACKING_ISSUE, async () => {
    if (!inputs.token) {
      return {
        status: 'fail',
        message: 'github-token: empty, so the tracking issue cannot be written.',
        hint: 'Keep github-token at its default (${{ github.token }}) with `permissions: issues: write`, or set tracking-issue: false.'
      }
    }
    if (!context.repository) {
      return {
        status: 'fail',
        message: 'GITHUB_REPOSITORY is not set, so there is no repository to track the deployment in.'
      }
    }
    const provisional = finish(TRACKING_ISSUE, { status: 'pass', message: 'tracked in this issue' }, 0)
    const { updateTrackingIssue } = await import('./github/tracking-issue.js')
    const outcome = await updateTrackingIssue(amendReport(report, [provisional]), {
      token: inputs.token,
      apiUrl: context.apiUrl,
      repository: context.repository,
      key: inputs.issueKey,
      environment: inputs.environment,
      labels: inputs.issueLabels,
      issueNumber: inputs.issueNumber,
      runUrl: context.runUrl,
      runMarker: context.runId ? `${context.runId}/${context.runAttempt ?? 1}` : undefined,
      fullReportUrl: fullReportUrl ?? context.runUrl
    })
    number = outcome.number
    url = outcome.url
    overridden = outcome.rendered?.merged.overridden ?? []
    for (const o of overridden) {
      core.warning(
        `Tracking issue: "${o.text}" was ticked by hand but its check fails (${o.reason}); tick removed.`
      )
    }
    return outcome.ok
      ? { status: 'pass', message: `${outcome.message}: ${outcome.url}`, data: { number, url } }
      : { status: 'fail', message: outcome.message, hint: outcome.hint }
  })
  return { result, number, url, overridden }
}

/** The summary's note on the tracking issue, with the hand ticks this run had to remove. */
function trackingNote(issue: { number?: number; url?: string; overridden?: OverriddenTick[] }): string {
  if (!issue.url) return ''
  const lines = ['', '', `Tracking issue: [#${issue.number}](${issue.url})`]
  for (const o of issue.overridden ?? []) {
    lines.push(`- ⚠️ tick removed from "${inline(o.text)}": ticked by hand, but ${inline(o.reason, 300)}`)
  }
  return `${lines.join('\n')}\n`
}

export async function run(): Promise<void> {
  try {
    const context = readRunContext()
    const inputs = readActionInputs(name => core.getInput(name), context)
    if (inputs.github.token) core.setSecret(inputs.github.token)
    maskKubeconfig(inputs.preflight.kubeconfig)
    let report = await runPreflight(
      { ...inputs.preflight, workDir: process.env.RUNNER_TEMP || undefined, artifactsDir: kitDir() },
      {
        onResult: result => core.info(progressLine(result)),
        onSecrets: secrets => secrets.forEach(s => core.setSecret(s))
      }
    )
    const reportPath = writeReport(report)
    const kit = await saveKit(report, reportPath, inputs.github, context)
    if (kit.result) core.info(progressLine(kit.result))
    const issue = await track(report, inputs.github, context, kit.url)
    if (issue.result) core.info(progressLine(issue.result))
    report = amendReport(
      report,
      [kit.result, issue.result].filter((r): r is CheckResult => r !== undefined)
    )
    writeReport(report)
    core.setOutput(OUTPUT.decision, report.decision)
    core.setOutput(OUTPUT.failedChecks, report.failedChecks.join(','))
    core.setOutput(OUTPUT.reportPath, reportPath)
    core.setOutput(OUTPUT.revisions, JSON.stringify(report.rollback?.revisions ?? {}))
    core.setOutput(OUTPUT.configMapBackupPath, report.rollback?.configMapBackupPath ?? '')
    core.setOutput(OUTPUT.issueNumber, issue.number ? String(issue.number) : '')
    core.setOutput(OUTPUT.issueUrl, issue.url ?? '')
    core.setOutput(OUTPUT.bundleSource, report.bundle?.origin?.url ?? report.bundle?.path ?? '')
    annotate(report)
    await core.summary.addRaw(renderMarkdown(report) + trackingNote(issue), true).write()
    if (report.decision === 'go') {
      core.info(
        `Preflight decision: go${report.scope === 'bundle-only' ? ' (bundle only: offline run)' : ''}`
      )
    } else {
      core.setFailed(`Preflight decision: no-go. ${report.reasons.join(' · ')}`)
    }
  } catch (error) {
    // Whatever went wrong, the gate must never read as "go".
    core.setOutput(OUTPUT.decision, 'no-go')
    const prefix = error instanceof UsageError ? 'Invalid input' : 'Preflight failed unexpectedly'
    core.setFailed(`${prefix}: ${describeError(error)}`)
  }
}

/** The human report: decision, why, results table, per-check details and the checklist. */
import { checklistStatus } from '../checklist/state.js'
import { renderChecklist } from '../checklist/render.js'
import type { CheckResult, Report, RollbackKit, Status } from '../types.js'
import { cell, inline } from './markdown-escape.js'
import { renderBaseline } from './baseline.js'
import { renderCommitsSince } from './commit-list.js'

export const STATUS_ICON: Record<Status, string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  skip: '⏭️ skip',
  error: '💥 error'
}

export function renderResultsTable(results: readonly CheckResult[]): string {
  const rows = results.map(
    r =>
      `| \`${r.id}\` | ${STATUS_ICON[r.status]} | ${r.blocking ? '**yes**' : 'no'} | ${cell(r.message)} | ${r.durationMs} ms |`
  )
  return ['| Check | Status | Blocks | Result | Time |', '|---|---|---|---|---|', ...rows].join('\n')
}

function renderDetails(results: readonly CheckResult[]): string {
  const interesting = results.filter(r => (r.details?.length ?? 0) > 0 || (r.hint && r.status !== 'pass'))
  return interesting
    .map(r => {
      const lines = (r.details ?? []).slice(0, 60).map(d => `- ${inline(d)}`)
      if ((r.details?.length ?? 0) > 60) lines.push(`- … ${r.details!.length - 60} more`)
      if (r.hint && r.status !== 'pass') lines.push('', `**How to fix:** ${inline(r.hint)}`)
      return `<details${r.blocking ? ' open' : ''}><summary><code>${r.id}</code> — ${STATUS_ICON[r.status]}</summary>\n\n${lines.join('\n')}\n\n</details>`
    })
    .join('\n')
}

/** Revisions to return to, the exact undo commands and the ConfigMap backup: what a rollback needs. */
export function renderRollbackKit(kit: RollbackKit): string {
  const lines = ['### Rollback kit', '']
  const revisions = Object.entries(kit.revisions)
  if (revisions.length > 0) {
    lines.push(
      '| Deployment | Revision now |',
      '|---|---|',
      ...revisions.map(([name, rev]) => `| \`${name}\` | ${rev} |`),
      ''
    )
  } else {
    lines.push('No deployment has a revision yet (first deploy): nothing to roll back to.', '')
  }
  if (kit.undoCommands.length > 0) lines.push('```sh', ...kit.undoCommands, '```', '')
  if (kit.configMapBackupPath) {
    lines.push(
      `ConfigMap backup: \`${inline(kit.configMapBackupPath)}\` (restore with \`kubectl apply -f\` on it).`
    )
  }
  return lines.join('\n')
}

export function renderHeadline(report: Report): string {
  return report.decision === 'go' ? '🟢 GO' : '🔴 NO-GO'
}

/** Where the bundle came from: a link to the artifact when it was downloaded. */
export function renderSource(report: Report): string {
  const bundle = report.bundle
  if (!bundle) return 'no bundle'
  const files = bundle.files ? `, ${bundle.files.length} files` : ''
  const origin = bundle.origin
  if (origin) {
    return `artifact [\`${inline(origin.name)}\` #${origin.artifactId}](${origin.url}) from [run ${origin.runId}](${origin.runUrl}) of \`${inline(origin.repository)}\`${files}`
  }
  return `bundle \`${inline(bundle.path)}\` (${bundle.kind}${files})`
}

/** "Why no-go": one line per blocking reason. Empty on go. */
export function renderWhy(report: Report): string {
  if (report.decision !== 'no-go') return ''
  const reasons = report.reasons.filter(r => !r.startsWith('offline run')).map(r => `- ${inline(r)}`)
  return ['### Why no-go', '', ...reasons, ''].join('\n')
}

export function renderWarnings(report: Report): string {
  if (report.warnings.length === 0) return ''
  const warned = report.results.filter(r => r.status === 'warn')
  return [
    '### Warnings (not blocking)',
    '',
    ...warned.map(r => `- \`${r.id}\`: ${inline(r.message)}`),
    ''
  ].join('\n')
}

/** What the dry-run says will change, object by object (env values are never shown). */
export function renderChanges(report: Report): string {
  const changes = report.results.find(r => r.id === 'what-changes' && r.status !== 'skip')?.data?.changes as
    Record<string, string[]> | undefined
  if (!changes || Object.keys(changes).length === 0) return ''
  return [
    "### What's changing",
    '',
    ...Object.entries(changes).map(
      ([object, list]) => `- \`${inline(object)}\`: ${inline(list.join('; '), 600)}`
    ),
    ''
  ].join('\n')
}

/** Per-check details: all of them on no-go, only those that did not pass on go. */
export function renderReportDetails(report: Report): string {
  const blocking = report.results.some(r => r.blocking)
  return renderDetails(blocking ? report.results : report.results.filter(r => r.status !== 'pass'))
}

const OFFLINE_NOTE = [
  '> [!NOTE]',
  '> Offline run: cluster and network checks were not run. **This decision covers the bundle only.**',
  ''
].join('\n')

export function renderScopeNote(report: Report): string {
  return report.scope === 'bundle-only' ? OFFLINE_NOTE : ''
}

/** The full Markdown report (the CLI's Markdown output and the job summary). */
export function renderMarkdown(report: Report): string {
  const parts = [
    `## ${renderHeadline(report)} — Vapora pre-deployment preflight`,
    '',
    `Namespace \`${report.namespace}\` · ${renderSource(report)} · ${(report.durationMs / 1000).toFixed(2)} s · ${report.tool.name} ${report.tool.version} · ${report.finishedAt}`,
    '',
    renderScopeNote(report),
    renderWhy(report),
    renderWarnings(report),
    '### Results',
    '',
    renderResultsTable(report.results),
    '',
    renderChanges(report),
    renderCommitsSince(report),
    report.rollback ? `${renderRollbackKit(report.rollback)}\n` : '',
    report.baseline ? renderBaseline(report.baseline) : '',
    renderReportDetails(report),
    '### Checklist',
    '',
    renderChecklist(checklistStatus(report))
  ]
  return parts.filter(part => part !== '').join('\n')
}

/** The human report: decision, why, results table, per-check details and the checklist. */
import { checklistStatus } from '../checklist/state.js'
import { renderChecklist } from '../checklist/render.js'
import type { CheckResult, Report, RollbackKit, Status } from '../types.js'
import { cell, inline } from './markdown-escape.js'

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

/** The full Markdown report (used for the CLI, the job summary and, later, the tracking issue). */
export function renderMarkdown(report: Report): string {
  const source = report.bundle
    ? `bundle \`${inline(report.bundle.path)}\` (${report.bundle.kind}${report.bundle.files ? `, ${report.bundle.files.length} files` : ''})`
    : 'no bundle'
  const parts = [
    `## ${renderHeadline(report)} — Vapora pre-deployment preflight`,
    '',
    `Namespace \`${report.namespace}\` · ${source} · ${(report.durationMs / 1000).toFixed(2)} s · ${report.tool.name} ${report.tool.version} · ${report.finishedAt}`,
    ''
  ]
  if (report.scope === 'bundle-only') {
    parts.push(
      '> [!NOTE]',
      '> Offline run: cluster and network checks were not run. **This decision covers the bundle only.**',
      ''
    )
  }
  const blocking = report.results.filter(r => r.blocking)
  if (report.decision === 'no-go') {
    parts.push(
      '### Why no-go',
      '',
      ...report.reasons.filter(r => !r.startsWith('offline run')).map(r => `- ${inline(r)}`),
      ''
    )
  }
  if (report.warnings.length > 0) {
    const warned = report.results.filter(r => r.status === 'warn')
    parts.push(
      '### Warnings (not blocking)',
      '',
      ...warned.map(r => `- \`${r.id}\`: ${inline(r.message)}`),
      ''
    )
  }
  parts.push('### Results', '', renderResultsTable(report.results), '')
  const changes = report.results.find(r => r.id === 'what-changes' && r.status !== 'skip')?.data?.changes as
    Record<string, string[]> | undefined
  if (changes && Object.keys(changes).length > 0) {
    parts.push(
      "### What's changing",
      '',
      ...Object.entries(changes).map(
        ([object, list]) => `- \`${inline(object)}\`: ${inline(list.join('; '), 600)}`
      ),
      ''
    )
  }
  if (report.rollback) parts.push(renderRollbackKit(report.rollback), '')
  const details = renderDetails(
    blocking.length > 0 ? report.results : report.results.filter(r => r.status !== 'pass')
  )
  if (details) parts.push(details, '')
  parts.push('### Checklist', '', renderChecklist(checklistStatus(report)))
  return parts.join('\n')
}

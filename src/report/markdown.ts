/**
 * The human report as GitHub Markdown (the job summary, the CLI's `--format markdown`): the decision and
 * its root causes first, then the results (what did not run folded into counted lines), the kit, the
 * details and the checklist. Every block ends at a blank line (see `blocks`): GitHub's engine lets an HTML
 * block such as `</details>` swallow whatever follows it up to the next one.
 */
import { checklistStatus } from '../checklist/state.js'
import { renderChecklist } from './checklist.js'
import { where } from '../core/finding.js'
import type { CheckResult, Report, RollbackKit, RootCause, Status } from '../core/types.js'
import { blocks, cell, code, inline, prose } from './markdown-escape.js'
import { renderBaseline } from './baseline.js'
import { renderCommitsSince } from './commit-list.js'
import { foldResults, type Folded } from './fold.js'
import { readData } from '../core/check-data.js'
import { WHAT_CHANGES_DATA } from '../checks/what-changes.js'

export const STATUS_ICON: Record<Status, string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  skip: '⏭️ skip',
  error: '💥 error'
}

/** How many located problems a root cause lists before "… N more". */
const FINDINGS_SHOWN = 5
/** How many detail lines a check shows (the JSON report has them all). */
const DETAILS_SHOWN = 60

export function renderResultsTable(results: readonly CheckResult[]): string {
  const rows = results.map(
    r =>
      `| \`${r.id}\` | ${STATUS_ICON[r.status]}${r.blocking ? ' · **blocks**' : ''} | ${cell(r.message)} | ${Math.round(r.durationMs)} ms |`
  )
  return ['| Check | Status | Result | Time |', '|---|---|---|--:|', ...rows].join('\n')
}

const ids = (list: readonly string[]): string => list.map(code).join(', ')

/** The counted lines for what the table leaves out: blocked by a root cause, out of scope, not applicable. */
export function renderFolded(folded: Folded): string {
  const lines = folded.blocked.map(
    b => `- ⛔ **Not run because of ${code(b.cause)}** (${b.checks.length}, each blocks): ${ids(b.checks)}`
  )
  if (folded.offline.length > 0) {
    lines.push(`- ⏭️ **Out of scope in this offline run** (${folded.offline.length}): ${ids(folded.offline)}`)
  }
  if (folded.notApplicable.length > 0) {
    const count = folded.notApplicable.reduce((n, g) => n + g.checks.length, 0)
    const groups = folded.notApplicable.map(g => `${ids(g.checks)} (${inline(g.why, 160)})`)
    lines.push(`- ⏭️ **Not applicable** (${count}): ${groups.join('; ')}`)
  }
  return lines.join('\n')
}

/** Detail lines as a list; a line indented by two spaces belongs to the line above it (one level). */
export function detailList(details: readonly string[], max = DETAILS_SHOWN): string {
  const lines = details.slice(0, max).map(d => (/^\s{2,}\S/.test(d) ? `  - ${inline(d)}` : `- ${inline(d)}`))
  if (details.length > max) lines.push(`- … ${details.length - max} more (in the JSON report)`)
  return lines.join('\n')
}

function renderDetails(results: readonly CheckResult[]): string {
  const interesting = results.filter(r => (r.details?.length ?? 0) > 0 || (r.hint && r.status !== 'pass'))
  return blocks(
    ...interesting.map(r =>
      blocks(
        `<details${r.blocking ? ' open' : ''}><summary><code>${r.id}</code> — ${STATUS_ICON[r.status]}</summary>`,
        detailList(r.details ?? []),
        r.hint && r.status !== 'pass' ? `**How to fix:** ${prose(r.hint)}` : undefined,
        '</details>'
      )
    )
  )
}

/** Revisions to return to, the exact undo commands and the ConfigMap backup: what a rollback needs. */
export function renderRollbackKit(kit: RollbackKit): string {
  const revisions = Object.entries(kit.revisions)
  return blocks(
    '### Rollback kit',
    revisions.length > 0
      ? [
          '| Deployment | Revision now |',
          '|---|---|',
          ...revisions.map(([name, rev]) => `| \`${name}\` | ${rev} |`)
        ].join('\n')
      : 'No deployment has a revision yet (first deploy): nothing to roll back to.',
    kit.undoCommands.length > 0 ? ['```sh', ...kit.undoCommands, '```'].join('\n') : undefined,
    kit.configMapBackupPath
      ? `ConfigMap backup: ${code(kit.configMapBackupPath)} (restore with \`kubectl apply -f\` on it).`
      : undefined
  )
}

export function renderHeadline(report: Report): string {
  return report.decision === 'go' ? '🟢 GO' : '🔴 NO-GO'
}

/** Where the bundle came from: a link to the artifact when it was downloaded. */
export function renderSource(report: Report): string {
  const bundle = report.bundle
  if (!bundle) return 'no bundle'
  const origin = bundle.origin
  if (!bundle.files) {
    return origin ? `artifact ${code(origin.name)} (not opened)` : `bundle ${code(bundle.path)} (not opened)`
  }
  const files = `, ${bundle.files.length} files`
  if (origin) {
    return `artifact [${code(origin.name)} #${origin.artifactId}](${origin.url}) from [run ${origin.runId}](${origin.runUrl}) of ${code(origin.repository)}${files}`
  }
  return `bundle ${code(bundle.path)} (${bundle.kind}${files})`
}

/** One root cause: what failed, where (the first located problems), what it blocked, how to fix it. */
function renderCause(cause: RootCause, report: Report): string {
  const result = report.results.find(r => r.id === cause.check)
  const errors = (result?.findings ?? []).filter(f => f.severity === 'error' && f.file)
  const sub = [
    ...errors.slice(0, FINDINGS_SHOWN).map(f => `  - ${code(where(f))} ${inline(f.message)}`),
    ...(errors.length > FINDINGS_SHOWN ? [`  - … ${errors.length - FINDINGS_SHOWN} more (see details)`] : []),
    ...(cause.blocks.length > 0
      ? [`  - ⛔ ${cause.prerequisite ? 'keeps from running' : 'also blocks'}: ${ids(cause.blocks)}`]
      : []),
    ...(cause.hint ? [`  - **How to fix:** ${prose(cause.hint)}`] : [])
  ]
  const what = cause.prerequisite ? `${code(cause.check)} (a missing prerequisite)` : code(cause.check)
  return [`- **${what}** — ${inline(cause.message, 400)}`, ...sub].join('\n')
}

/** "Why no-go": each root cause once, with what it blocked. Empty on go. */
export function renderWhy(report: Report): string {
  if (report.decision !== 'no-go') return ''
  const other = report.reasons.filter(r => r.check === null).map(r => `- ${inline(r.message)}`)
  const title =
    report.rootCauses.length > 1 ? `### Why no-go: ${report.rootCauses.length} root causes` : '### Why no-go'
  return blocks(title, [...report.rootCauses.map(c => renderCause(c, report)), ...other].join('\n'))
}

export function renderWarnings(report: Report): string {
  if (report.warnings.length === 0) return ''
  return blocks(
    '### Warnings (not blocking)',
    report.warnings.map(w => `- ${code(w.check ?? '')}: ${inline(w.message)}`).join('\n')
  )
}

/** What the dry-run says will change, object by object (env values are never shown). */
export function renderChanges(report: Report): string {
  const changes = report.results.some(r => r.id === 'what-changes' && r.status !== 'skip')
    ? readData(report.results, WHAT_CHANGES_DATA)?.changes
    : undefined
  if (!changes || Object.keys(changes).length === 0) return ''
  return blocks(
    "### What's changing",
    Object.entries(changes)
      .map(([object, list]) => `- ${code(object)}: ${inline(list.join('; '), 600)}`)
      .join('\n')
  )
}

/** The results table (what ran and what blocks on its own) and the counted lines for the rest. */
export function renderResults(report: Report): string {
  const folded = foldResults(report)
  return blocks('### Results', renderResultsTable(folded.shown), renderFolded(folded))
}

/** Per-check details: all of them on no-go, only those that did not pass on go; never the folded ones. */
export function renderReportDetails(report: Report): string {
  const shown = foldResults(report).shown
  const blocking = report.results.some(r => r.blocking)
  return renderDetails(blocking ? shown : shown.filter(r => r.status !== 'pass'))
}

const OFFLINE_NOTE = [
  '> [!NOTE]',
  '> Offline run: cluster and network checks were not run. **This decision covers the bundle only.**'
].join('\n')

export function renderScopeNote(report: Report): string {
  return report.scope === 'bundle-only' ? OFFLINE_NOTE : ''
}

/** The checklist section: counts, legend, the run's own phase, the other phase folded. */
export function renderChecklistSection(report: Report): string {
  return blocks(
    '### Checklist',
    renderChecklist(checklistStatus(report), { mode: report.mode, state: report.checklist })
  )
}

export function renderTitle(report: Report): string {
  const what = report.mode === 'verify' ? 'Vapora deployment verification' : 'Vapora pre-deployment preflight'
  return `## ${renderHeadline(report)} — ${what}`
}

/** The full Markdown report (the CLI's Markdown output and the job summary). */
export function renderMarkdown(report: Report): string {
  return blocks(
    renderTitle(report),
    `Namespace \`${report.namespace}\` · ${renderSource(report)} · ${(report.durationMs / 1000).toFixed(2)} s · ${report.tool.name} ${report.tool.version} · ${report.finishedAt}`,
    renderScopeNote(report),
    renderWhy(report),
    renderWarnings(report),
    renderResults(report),
    renderChanges(report),
    renderCommitsSince(report),
    report.rollback ? renderRollbackKit(report.rollback) : undefined,
    report.baseline ? renderBaseline(report.baseline) : undefined,
    renderReportDetails(report),
    renderChecklistSection(report)
  )
}

/**
 * The tracking issue's record of the last go (a hidden marker the next run reads) and its list of the
 * commits since then (from the git-history result), flagged commits marked.
 */
import { GIT_HISTORY_DATA } from '../checks/git-history.js'
import { GIT_MAIN_DATA } from '../checks/git-main.js'
import { readData } from '../core/check-data.js'
import type { LastGo } from '../core/options.js'
import type { Report } from '../core/types.js'
import { inline } from './markdown-escape.js'

const LAST_GO =
  /<!-- vapora-preflight:last-go sha=([0-9a-f]{40}) repo=([\w.-]+\/[\w.-]+)(?: at=(\S+))?(?: run=(\S+))? -->/

/**
 * The last go recorded in a tracking issue's body, if any. With `keyMarker`, only this tool's part of the
 * body counts (from the key marker on): a marker pasted in people's text above it is not the record.
 */
export function readLastGo(body: string, keyMarker?: string): LastGo | undefined {
  const start = keyMarker ? body.indexOf(keyMarker) : 0
  if (start < 0) return undefined
  const match = LAST_GO.exec(body.slice(start))
  if (!match) return undefined
  return { sha: match[1], repository: match[2], at: match[3], runUrl: match[4] }
}

/** This run when it reached go and knows its commit, else the record already in the body. */
export function nextLastGo(
  report: Report,
  previousBody: string | undefined,
  runUrl?: string,
  keyMarker?: string
): LastGo | undefined {
  // git-main knows the commit whenever it compared; git-history too (git-main may be off by policy).
  const main = readData(report.results, GIT_MAIN_DATA)
  const history = readData(report.results, GIT_HISTORY_DATA)
  const commit = main?.commit ?? history?.head
  const repository = main?.repository ?? history?.repository
  if (report.decision === 'go' && commit && repository) {
    return { sha: commit, repository, at: report.finishedAt, runUrl }
  }
  return previousBody ? readLastGo(previousBody, keyMarker) : undefined
}

/** The hidden marker and a visible line; empty when there is no record. */
export function renderLastGo(lastGo: LastGo | undefined): string {
  if (!lastGo) return ''
  // Only characters the marker's pattern accepts: a URL or date with a space or '>' is left out.
  const safe = (value: string | undefined): string | undefined =>
    value && /^[^\s>]+$/.test(value) ? value : undefined
  const at = safe(lastGo.at)
  const run = safe(lastGo.runUrl)
  const marker = `<!-- vapora-preflight:last-go sha=${lastGo.sha} repo=${lastGo.repository}${at ? ` at=${at}` : ''}${run ? ` run=${run}` : ''} -->`
  const visible = `Last go: \`${lastGo.sha.slice(0, 7)}\` of ${inline(lastGo.repository)}${at ? ` at ${at}` : ''}${run ? ` ([run](${run}))` : ''} — the next run lists the commits since.`
  return `${marker}\n${visible}\n`
}

/** How many commits the issue lists (the JSON report has them all). */
const LISTED = 50

export function renderCommitsSince(report: Report): string {
  const history = readData(report.results, GIT_HISTORY_DATA)
  const commits = history?.commits ?? []
  if (!history || commits.length === 0) return ''
  const base = history.base.slice(0, 7)
  const flagged = commits.filter(c => c.flag)
  // Flagged commits first, so a long list never hides one.
  const shown = [...flagged, ...commits.filter(c => !c.flag)].slice(0, LISTED)
  const lines = shown.map(c => {
    const pull = c.pull ? ` · [#${c.pull.number}](${c.pull.url})` : ''
    const flag = c.flag ? ` — ⚠️ **${inline(c.flag)}**` : ''
    return `- [\`${c.sha.slice(0, 7)}\`](${c.url}) ${inline(c.title, 120)} — ${inline(c.author)}${pull}${flag}`
  })
  const total = history.total || commits.length
  const more = total > shown.length ? [`- … and ${total - shown.length} more (see the run's report)`] : []
  return [
    `### Commits since the last go (\`${base}\`)`,
    '',
    `${commits.length - flagged.length} through merged, approved pull requests${flagged.length > 0 ? `, **${flagged.length} flagged**` : ''}.`,
    '',
    ...lines,
    ...more,
    ''
  ].join('\n')
}

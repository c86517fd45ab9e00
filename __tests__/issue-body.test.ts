import { describe, expect, it } from '@jest/globals'
import { checklistItems } from '../src/checklist/model.js'
import { readTicks } from '../src/report/ticks.js'
import { ISSUE_BODY_LIMIT, issueKeyMarker, renderIssueBody } from '../src/report/issue-body.js'
import type { Report } from '../src/core/types.js'
import { allChecksPass, reportOf, reportWith } from '../test/reports.js'

const manual = checklistItems().filter(i => !i.automated)
const automated = checklistItems().filter(i => i.automated && i.checks?.includes('bundle-files'))

/** Ticks the line of `id` in `body` the way a person does in GitHub's UI (which also stores CRLF). */
function tickByHand(body: string, id: string): string {
  return body
    .split('\n')
    .map(line => (line.includes(`item=${id} `) ? line.replace('- [ ]', '- [x]') : line))
    .join('\r\n')
}

function render(report: Report, previousBody?: string): ReturnType<typeof renderIssueBody> {
  return renderIssueBody({
    report,
    key: 'staging',
    environment: 'staging',
    previousBody,
    runUrl: 'https://github.com/o/r/actions/runs/1'
  })
}

describe('the tracking issue body', () => {
  it('carries the key marker, the decision, the run link and every checklist item', () => {
    const { body } = render(reportWith(allChecksPass()))
    expect(body.startsWith(issueKeyMarker('staging'))).toBe(true)
    expect(body).toMatch(/🟢 GO — Vapora preflight · `staging`/)
    expect(body).toContain('[run](https://github.com/o/r/actions/runs/1)')
    expect(readTicks(body).size).toBe(checklistItems().length)
  })

  it('keeps the ticks people made on manual items across runs, and leaves the others unticked', () => {
    const first = render(reportWith(allChecksPass())).body
    const edited = tickByHand(tickByHand(first, manual[0].id), manual[3].id)
    const second = render(reportWith(allChecksPass()), edited)
    const ticks = readTicks(second.body)
    expect(ticks.get(manual[0].id)).toEqual({ ticked: true, byPreflight: false })
    expect(ticks.get(manual[3].id)).toEqual({ ticked: true, byPreflight: false })
    expect(ticks.get(manual[1].id)).toEqual({ ticked: false, byPreflight: false })
    expect(second.merged.keptByPeople).toBe(2)
    // A person unticking a manual item is kept as well: the body's state is the truth for manual items.
    const unticked = second.body.replace(
      new RegExp(`- \\[x\\](.*item=${manual[0].id.replace('.', '\\.')} )`),
      '- [ ]$1'
    )
    expect(readTicks(render(reportWith(allChecksPass()), unticked).body).get(manual[0].id)?.ticked).toBe(
      false
    )
  })

  it('re-checks automated items every run: a tick the previous run made goes when the check fails', () => {
    const passed = render(reportWith(allChecksPass())).body
    expect(readTicks(passed).get(automated[0].id)).toEqual({ ticked: true, byPreflight: true })
    const failed = render(reportWith({ ...allChecksPass(), 'bundle-files': 'fail' }, 'no-go'), passed)
    expect(readTicks(failed.body).get(automated[0].id)?.ticked).toBe(false)
    expect(failed.merged.overridden).toEqual([])
  })

  it('reports, and removes, a tick a person made on an automated item whose check now fails', () => {
    const failing = reportWith({ ...allChecksPass(), 'bundle-files': 'fail' }, 'no-go')
    const first = render(failing).body
    const edited = tickByHand(first, automated[0].id)
    const second = render(failing, edited)
    expect(readTicks(second.body).get(automated[0].id)?.ticked).toBe(false)
    expect(second.merged.overridden.map(o => o.id)).toContain(automated[0].id)
    expect(second.body).toMatch(/Ticks removed because the check now fails/)
    expect(second.body).toContain('ticked by hand, but: bundle-files said fail')
  })

  it('keeps a hand tick on an automated item this run did not check (offline, not run)', () => {
    const clusterItem = checklistItems().find(i => i.checks?.includes('dry-run'))!
    const offline = reportWith({ ...allChecksPass(), 'dry-run': 'skip' })
    const first = render(offline).body
    const second = render(offline, tickByHand(first, clusterItem.id))
    expect(readTicks(second.body).get(clusterItem.id)).toEqual({ ticked: true, byPreflight: false })
    expect(second.body).toMatch(/_\(ticked by hand\)_/)
  })

  it('cannot be tricked by an item marker inside bundle text: the first line of a key wins', () => {
    const first = render(reportWith(allChecksPass())).body
    const forged = `${first}\n- [x] fake <!-- vapora-preflight:item=${manual[0].id} -->`
    expect(readTicks(forged).get(manual[0].id)?.ticked).toBe(false)
  })

  it('fits GitHub’s 65,536-character limit by leaving out details first, with a visible note and a link', () => {
    const report = reportWith({ ...allChecksPass(), 'bundle-files': 'fail' }, 'no-go')
    const bundleFiles = report.results.find(r => r.id === 'bundle-files')!
    bundleFiles.details = Array.from({ length: 60 }, (_, i) => `missing-file-${i}-${'x'.repeat(1500)}.yaml`)
    for (let i = 0; i < 400; i++) {
      report.results.push({ ...bundleFiles, id: `extra-${i}`, message: 'y'.repeat(200), details: undefined })
    }
    const { body, omitted } = renderIssueBody({
      report,
      key: 'staging',
      environment: 'staging',
      fullReportUrl: 'https://github.com/o/r/actions/runs/1/artifacts/9'
    })
    expect(body.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT)
    expect(omitted[0]).toBe('details')
    expect(body).toMatch(
      /Trimmed to fit GitHub's 65,536-character limit: details.* left out\. Read the full report \[here\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/1\/artifacts\/9\)/
    )
    // The checklist, with its ticks, is never trimmed.
    expect(readTicks(body).size).toBe(checklistItems().length)
  })

  it('reads ticks from task-list lines as people leave them', () => {
    const id = manual[0].id
    const marker = `<!-- vapora-preflight:item=${id} -->`
    for (const line of [
      `- [x] A ${marker} done by @bob`,
      `  * [X] A ${marker}`,
      `1. [x] A ${marker}`,
      `> - [x] A ${marker}`,
      `+ [x]   A  ${marker}  `
    ]) {
      expect(readTicks(line).get(id)).toEqual({ ticked: true, byPreflight: false })
    }
    expect(readTicks(`- [ ] A ${marker} later`).get(id)?.ticked).toBe(false)
  })

  it('keeps what people wrote around its own part of the body', () => {
    const first = render(reportWith(allChecksPass())).body
    const edited = `Release captain: @alice\n\n${first}\n\nNotes: DB migration at 14:00 UTC.`
    const second = render(reportWith(allChecksPass()), edited).body
    expect(second.startsWith('Release captain: @alice\n\n<!-- vapora-preflight:key=staging -->')).toBe(true)
    expect(second.endsWith('\n\nNotes: DB migration at 14:00 UTC.')).toBe(true)
    expect(render(reportWith(allChecksPass()), second).body).toBe(second)
    // An issue it never wrote (issue-number): its text stays, below the checklist.
    const adopted = render(reportWith(allChecksPass()), 'Release notes for 1.4.1').body
    expect(adopted.startsWith(issueKeyMarker('staging'))).toBe(true)
    expect(adopted.endsWith('\n\n---\n\nRelease notes for 1.4.1')).toBe(true)
  })

  it('renders bundle text inert: no line breaks, links, mentions or markup of its own', () => {
    const statuses = { ...allChecksPass(), 'bundle-files': 'fail' as const }
    const hostile = reportWith(statuses).results.map(r =>
      r.id === 'bundle-files'
        ? {
            ...r,
            message:
              'x\r\r## 🟢 GO — approved by @vapora/security\r- [x] Rollback [ok](https://evil.example) #12 <b>'
          }
        : r
    )
    const report = reportOf(hostile)
    const { body } = render(report)
    const why = body.split('\n').find(line => line.includes('approved by') && line.startsWith('- **'))!
    expect(why.startsWith('- **`bundle-files`** — x ## 🟢 GO')).toBe(true)
    expect(why).toContain('@\u2060vapora/security')
    expect(why).toContain('#\u206012')
    expect(why).toContain('\\[ok\\](https://evil.example)')
    expect(why).toContain('&lt;b&gt;')
    expect(body).not.toMatch(/^## 🟢 GO — approved/m)
  })
})

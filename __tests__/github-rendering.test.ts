/**
 * What people see on GitHub, rendered by GitHub's own engine (cmark-gfm with its extensions): every job
 * summary, tracking-issue body, verify section and comment this suite can produce without a cluster.
 * The end-to-end suites check the same on what the action writes (test/action-runner.ts for summaries,
 * the emulator's violations() for issue bodies and comments).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { runPreflight } from '../src/preflight.js'
import { checklistItems, plainItemText } from '../src/checklist/model.js'
import { checklistStatus, isPeoplesItem } from '../src/checklist/state.js'
import { renderMarkdown } from '../src/report/markdown.js'
import { renderIssueBody } from '../src/report/issue-body.js'
import { applyVerification, renderVerification, verifyComment } from '../src/report/verify-body.js'
import { PEOPLE_MARK, TOOL_MARK } from '../src/report/checklist.js'
import type { CheckResult, Report, Status } from '../src/core/types.js'
import type { VerifyReport } from '../src/core/verify.js'
import { BROKEN, EXAMPLE_BUNDLE, REPO_ROOT, cleanupTempDirs, tempDir } from '../test/fixtures.js'
import { expectRendersOnGitHub, gfmProblems, renderGfm } from '../test/gfm.js'
import { reportOf } from '../test/reports.js'

afterAll(cleanupTempDirs)

const BROKEN_EXAMPLES = readdirSync(join(REPO_ROOT, 'examples', 'broken'))

/**
 * The task items a report's checklist must render: every item, with its mark, as people read it; the
 * run's own phase first, the other phase (folded) after it.
 */
function taskItems(report: Report): string[] {
  const statuses = checklistStatus(report)
  const ordered = [
    ...statuses.filter(s => s.item.phase === report.mode),
    ...statuses.filter(s => s.item.phase !== report.mode)
  ]
  return ordered.map(
    s =>
      `${isPeoplesItem(s) ? PEOPLE_MARK : TOOL_MARK} ${plainItemText(s.item.text).replace(/([@#])(?=[\w-])/g, '$1\u2060')}`
  )
}

/** A run with no kubeconfig anywhere: HOME and KUBECONFIG point at nothing. */
async function withoutKubeconfig<T>(work: () => Promise<T>): Promise<T> {
  const saved = { HOME: process.env.HOME, KUBECONFIG: process.env.KUBECONFIG }
  process.env.HOME = tempDir()
  delete process.env.KUBECONFIG
  try {
    return await work()
  } finally {
    process.env.HOME = saved.HOME
    if (saved.KUBECONFIG === undefined) delete process.env.KUBECONFIG
    else process.env.KUBECONFIG = saved.KUBECONFIG
  }
}

/** A verify report as verify mode leaves it, from hand-made results. */
function verifyReport(verified: boolean): VerifyReport {
  const status: Status = verified ? 'pass' : 'fail'
  const results = ['verify-pods-ready', 'verify-images', 'verify-rollback', 'verify-restarts'].map(
    (id): CheckResult => ({
      id,
      title: id,
      section: 'Success Criteria Verification',
      status: id === 'verify-pods-ready' ? status : ('pass' as const),
      message:
        id === 'verify-pods-ready' && !verified ? 'vapora-backend: 0 of 3 pods Ready after 5m' : `${id} ok`,
      blocking: id === 'verify-pods-ready' && !verified,
      durationMs: 1
    })
  )
  const report = reportOf(results, undefined, 'verify')
  const endpoint = {
    url: 'http://vapora.test/health?a=1&b=2',
    p50Ms: 4,
    p95Ms: 9,
    p99Ms: 9,
    errors: 0,
    probes: 5
  }
  return {
    ...report,
    verification: {
      verified,
      rollbackDetected: false,
      startedAt: '2026-11-28T10:00:00.000Z',
      endedAt: '2026-11-28T10:03:05.000Z',
      durationMs: 185_000,
      before: { endpoints: [endpoint] },
      after: { endpoints: [{ ...endpoint, p95Ms: 12 }] },
      podRestarts: 0,
      undoCommands: ['kubectl rollout undo deployment/vapora-backend -n vapora --to-revision=3'],
      preflightRunUrl: 'https://github.com/vapora/app/actions/runs/1'
    }
  }
}

describe('the job summary as GitHub renders it', () => {
  it('renders a go run: headings, tables, details and every checklist item as intended', async () => {
    const report = await runPreflight({ bundlePath: EXAMPLE_BUNDLE, offline: true })
    expect(report.decision).toBe('go')
    expectRendersOnGitHub(renderMarkdown(report), 'go summary', { taskItems: taskItems(report) })
  })

  it.each(BROKEN_EXAMPLES)('renders the report of examples/broken/%s as intended', async name => {
    const report = await runPreflight({ bundlePath: BROKEN(name), offline: true })
    // unknown-field is a defect only the server's dry-run finds: offline, it is a go on the bundle.
    expect(report.decision).toBe(name === 'unknown-field' ? 'go' : 'no-go')
    expectRendersOnGitHub(renderMarkdown(report), `${name} summary`, { taskItems: taskItems(report) })
  })

  it('renders a no-go without a kubeconfig as intended, with the root cause once', async () => {
    const report = await withoutKubeconfig(() => runPreflight({ bundlePath: EXAMPLE_BUNDLE }))
    const markdown = renderMarkdown(report)
    expectRendersOnGitHub(markdown, 'no-kubeconfig summary', { taskItems: taskItems(report) })
    const why = markdown.slice(markdown.indexOf('### Why no-go'), markdown.indexOf('### Results'))
    expect(why.match(/^- \*\*/gm)).toHaveLength(1)
    expect(why).toMatch(/^- \*\*`cluster-access`\*\* — no kubeconfig/m)
    expect(why.match(/⛔ also blocks: (.*)/)![1].split(', ')).toHaveLength(12)
  })

  it('renders a bundle that cannot be opened as intended, calling it "not opened"', async () => {
    const report = await runPreflight({ bundlePath: join(tempDir(), 'missing.zip'), offline: true })
    const markdown = renderMarkdown(report)
    expectRendersOnGitHub(markdown, 'unopened bundle summary', { taskItems: taskItems(report) })
    expect(markdown).toMatch(/bundle `.*missing\.zip` \(not opened\)/)
    expect(report.rootCauses.map(c => c.check)).toEqual(['bundle-unpack'])
  })

  it('catches the bug it guards against: the same summary with the blank line after </details> removed', async () => {
    const report = await runPreflight({ bundlePath: BROKEN('yaml-syntax-error'), offline: true })
    const markdown = renderMarkdown(report)
    expect(gfmProblems(markdown)).toEqual([])
    const squeezed = markdown.replace(/<\/details>\n\n/g, '</details>\n')
    expect(gfmProblems(squeezed)).toEqual(
      expect.arrayContaining([expect.stringMatching(/heading shown as text: "### Checklist"/)])
    )
  })

  it("fails on 0.4.0's renderer (a summary it wrote, kept as a fixture)", () => {
    const old = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'summary-0.4.0-no-go.md'), 'utf8')
    expect(gfmProblems(old)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/heading shown as text: "### Checklist"/),
        expect.stringMatching(/heading shown as text: "### 24 Hours Before Deployment"/)
      ])
    )
  })
})

describe('the tracking issue as GitHub renders it', () => {
  it('renders a first body and a body with people’s ticks merged as intended', async () => {
    const report = await runPreflight({ bundlePath: BROKEN('missing-file'), offline: true })
    const first = renderIssueBody({ report, key: 'staging', environment: 'staging' })
    expectRendersOnGitHub(first.body, 'issue body', { taskItems: taskItems(report) })
    const ticked = first.body.replace(/- \[ \] (👤 Schedule deployment)/, '- [x] $1')
    const second = renderIssueBody({ report, key: 'staging', environment: 'staging', previousBody: ticked })
    expect(second.merged.keptByPeople).toBe(1)
    expectRendersOnGitHub(second.body, 'issue body with a tick kept')
  })

  it('renders a body trimmed for size as intended: the note, the checklist, nothing half-cut', async () => {
    const report = await runPreflight({ bundlePath: BROKEN('mode-mismatch'), offline: true })
    // Long detail lists on every check: far more than an issue body can hold.
    const padded: Report = {
      ...report,
      results: report.results.map(r => ({
        ...r,
        details: Array.from({ length: 60 }, (_, i) => `${r.id} line ${i}: ${'x'.repeat(280)}`)
      }))
    }
    const body = renderIssueBody({
      report: padded,
      key: 'staging',
      environment: 'staging',
      runUrl: 'https://github.com/vapora/app/actions/runs/9'
    })
    expect(body.omitted.length).toBeGreaterThan(0)
    expect(body.body.length).toBeLessThanOrEqual(65_536)
    expectRendersOnGitHub(body.body, 'trimmed issue body', { taskItems: taskItems(report) })
  })
})

describe('verify mode as GitHub renders it', () => {
  it.each([true, false])(
    'renders the verify section (verified: %s) and its comment as intended',
    async verified => {
      const report = verifyReport(verified)
      expectRendersOnGitHub(
        renderVerification(report, { runUrl: 'https://x.test/run/2', actor: 'lead' }),
        'section'
      )
      expectRendersOnGitHub(verifyComment(report, 'https://x.test/run/2'), 'verify comment', {
        taskItems: []
      })
      expectRendersOnGitHub(renderMarkdown(report), 'verify summary', { taskItems: taskItems(report) })
      const preflight = await runPreflight({ bundlePath: EXAMPLE_BUNDLE, offline: true })
      const body = renderIssueBody({ report: preflight, key: 'production', environment: 'production' }).body
      const after = applyVerification(body, report, { actor: 'lead' })
      expectRendersOnGitHub(after, 'issue body after verify')
      expect(renderGfm(after).match(/<input type="checkbox"/g)).toHaveLength(checklistItems().length)
      // Twice: the section is replaced, never stacked.
      expect(applyVerification(after, report, {}).match(/vapora-preflight:verify -->/g)).toHaveLength(1)
    }
  )
})

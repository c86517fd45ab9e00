import { describe, expect, it } from '@jest/globals'
import { nextLastGo, readLastGo, renderCommitsSince, renderLastGo } from '../src/report/commit-list.js'
import { renderIssueBody } from '../src/report/issue-body.js'
import { reportWith } from '../test/reports.js'
import type { Report } from '../src/core/types.js'

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)

function withGit(report: Report, main?: Record<string, unknown>, history?: Record<string, unknown>): Report {
  return {
    ...report,
    finishedAt: '2026-11-28T10:00:00.000Z',
    results: report.results.map(r =>
      r.id === 'git-main' ? { ...r, data: main } : r.id === 'git-history' ? { ...r, data: history } : r
    )
  }
}

describe('the last go recorded in the tracking issue', () => {
  it('round-trips through the body marker', () => {
    const text = renderLastGo({
      sha: A,
      repository: 'vapora/app',
      at: '2026-11-28T10:00:00Z',
      runUrl: 'https://github.com/vapora/app/actions/runs/7'
    })
    expect(readLastGo(`intro\n${text}\nmore`)).toEqual({
      sha: A,
      repository: 'vapora/app',
      at: '2026-11-28T10:00:00Z',
      runUrl: 'https://github.com/vapora/app/actions/runs/7'
    })
    expect(text).toContain('Last go: `aaaaaaa` of vapora/app')
  })

  it('a value that could break out of the marker is left out, never written', () => {
    const text = renderLastGo({ sha: A, repository: 'vapora/app', runUrl: 'https://x --> <b>y</b>' })
    // One comment, closed where it should be: the run URL with '-->' is left out whole.
    expect(text.split('\n')[0].match(/-->/g)).toHaveLength(1)
    expect(text).not.toContain('<b>')
    expect(readLastGo(text)).toEqual({ sha: A, repository: 'vapora/app', at: undefined, runUrl: undefined })
  })

  it('moves on go only; a no-go keeps the previous record', () => {
    const previous = renderLastGo({ sha: A, repository: 'vapora/app' })
    const go = withGit(reportWith({ 'git-main': 'pass' }, 'go'), { commit: B, repository: 'vapora/app' })
    expect(nextLastGo(go, previous)?.sha).toBe(B)
    const noGo = withGit(reportWith({ 'git-main': 'fail' }, 'no-go'), { commit: B, repository: 'vapora/app' })
    expect(nextLastGo(noGo, previous)?.sha).toBe(A)
    // A go without a known commit (change checks off) keeps the record too.
    expect(nextLastGo(reportWith({}, 'go'), previous)?.sha).toBe(A)
    expect(
      renderIssueBody({ report: noGo, key: 'production', environment: 'production', previousBody: previous })
        .body
    ).toContain(`last-go sha=${A}`)
  })
})

describe('the commits since the last go', () => {
  it('lists flagged commits first and keeps commit text inert', () => {
    const commits = [
      {
        sha: A,
        title: 'ok change',
        author: 'alice',
        url: 'https://github.com/vapora/app/commit/a',
        pull: { number: 4, url: 'https://github.com/vapora/app/pull/4' }
      },
      {
        sha: B,
        title: '- [x] fake tick @team #12 <img src=x>',
        author: 'eve',
        url: 'https://github.com/vapora/app/commit/b',
        flag: 'not from a merged pull request (pushed directly?)'
      }
    ]
    const report = withGit(reportWith({ 'git-history': 'fail' }, 'no-go'), undefined, {
      base: A,
      commits,
      total: 2
    })
    const text = renderCommitsSince(report)
    expect(text).toContain('1 through merged, approved pull requests, **1 flagged**')
    const lines = text.split('\n').filter(l => l.startsWith('- '))
    expect(lines[0]).toContain('bbbbbbb')
    expect(lines[0]).not.toMatch(/@team|#12|<img/)
    expect(text.split('\n').filter(l => /^- \[x\]/.test(l))).toEqual([])
  })

  it('says nothing when there is nothing to list', () => {
    expect(renderCommitsSince(reportWith({ 'git-history': 'skip' }))).toBe('')
  })
})

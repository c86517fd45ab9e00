/** Tests of the GitHub-rendering checker itself (test/gfm.ts): each detector passes good Markdown and names the bad. */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { expectRendersOnGitHub, gfmProblems, renderGfm } from '../test/gfm.js'

/** The problems, asserting there is at least one and that one of them matches `pattern`. */
function expectProblem(markdown: string, pattern: RegExp, taskItems?: readonly string[]): string[] {
  const problems = gfmProblems(markdown, taskItems ? { taskItems } : undefined)
  // arrayContaining shows every problem found when none matches, which is what a failure needs.
  expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]))
  return problems
}

const detailsThen = (gap: string) =>
  '<details open><summary><code>x</code> — fail</summary>\n\n- a\n\n</details>\n' +
  gap +
  '### Checklist\n### 24 Hours Before Deployment\n\n#### Group\n\n' +
  '- [ ] item <!-- vapora-preflight:item=t-24h.x -->\n'

describe('renderGfm', () => {
  it('renders with the GFM extensions GitHub enables and keeps raw HTML', () => {
    const html = renderGfm(
      '| a |\n|---|\n| 1 |\n\n- [x] done\n\n~~old~~ https://example.com\n\n<kbd>k</kbd>\n'
    )
    expect(html).toContain('<table>')
    expect(html).toContain('<input type="checkbox" checked="" disabled="" /> done')
    expect(html).toContain('<del>old</del>')
    expect(html).toContain('<a href="https://example.com">')
    expect(html).toContain('<kbd>k</kbd>')
  })

  it('says how to install cmark-gfm when it is missing', () => {
    // In a child Node (which strips the types itself) with an empty PATH: Jest's sandboxed process.env does
    // not reach child_process, so changing PATH here would not hide cmark-gfm.
    const gfm = new URL('../test/gfm.ts', import.meta.url).href
    const script = `import(${JSON.stringify(gfm)}).then(m => m.renderGfm('x')).catch(e => console.log(e.message))`
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { PATH: '/nonexistent' }
    })
    expect(run.stdout.trim()).toBe(
      "cmark-gfm not found: install the Debian package cmark-gfm (apt-get install cmark-gfm); it is GitHub's Markdown engine"
    )
  })
})

describe('the real job-summary bug', () => {
  it('reports the headings swallowed by the HTML block when </details> is followed directly by a heading', () => {
    const problems = expectProblem(detailsThen(''), /heading shown as text: "### Checklist"/)
    expect(problems.some(p => p.includes('"### 24 Hours Before Deployment"'))).toBe(true)
  })

  it('finds nothing wrong once a blank line follows </details>, and sees the task item', () => {
    expect(gfmProblems(detailsThen('\n'), { taskItems: ['item'] })).toEqual([])
  })
})

describe('a. headings left as text', () => {
  it('passes headings that render', () => {
    expect(gfmProblems('## Title\n\ntext\n\n   ### indented three\n')).toEqual([])
  })

  it('reports a heading swallowed by a closing tag block, with its Markdown line', () => {
    expectProblem('</div>\n## Title\n', /heading shown as text: "## Title" \(Markdown line 2\)/)
  })

  it('passes a heading right after a one-line HTML comment, which ends its HTML block at -->', () => {
    expect(gfmProblems('<!-- marker -->\n## Title\n')).toEqual([])
  })

  it('reports a heading inside a raw HTML block', () => {
    expectProblem('<div>\n### Inside\n</div>\n', /heading shown as text: "### Inside"/)
  })

  it('does not mistake a shell comment in a code block for a heading', () => {
    expect(gfmProblems('```sh\n# install\napt-get install x\n```\n')).toEqual([])
  })
})

describe('b. <details> balance and summary', () => {
  it('passes nested, balanced details with a summary first', () => {
    const md =
      '<details><summary>outer</summary>\n\n<details><summary>inner</summary>\n\ntext\n\n</details>\n\n</details>\n'
    expect(gfmProblems(md)).toEqual([])
  })

  it('reports a <details> that is never closed', () => {
    expectProblem('<details><summary>s</summary>\n\ntext\n', /<details> never closed/)
  })

  it('reports a stray </details>', () => {
    expectProblem('text\n\n</details>\n', /<\/details> without an open <details>/)
  })

  it('reports a </details> that closes an open <summary>', () => {
    expectProblem('<details><summary>s\n\ntext\n\n</details>\n', /<\/details> closes an open <summary>/)
  })

  it('reports a <details> without a summary as its first child', () => {
    expectProblem('<details>\n\ntext\n\n</details>\n', /<details> without a <summary> as its first child/)
  })

  it('ignores a <details> tag inside an HTML comment', () => {
    expect(gfmProblems('<!-- <details> -->\n\ntext\n')).toEqual([])
  })
})

describe('c. tables', () => {
  const table = (row: string) => `| Check | Result |\n|---|---|\n${row}\n`

  it('passes a table whose rows are as wide as its header', () => {
    expect(gfmProblems(table('| `a` | ok |\n| `b` | fine |'))).toEqual([])
  })

  it('reports a row with an unescaped pipe in a cell, whose extra cell cmark-gfm drops', () => {
    expectProblem(
      table('| `a` | either x | y |'),
      /table row at Markdown line 3 has 3 cell\(s\), its header 2 \(cmark-gfm drops the extra cells/
    )
  })

  it('passes the same row with the pipe escaped as \\|, also inside a code span', () => {
    expect(gfmProblems(table('| `a` | either x \\| y |\n| `b` | `x \\| y` |'))).toEqual([])
  })

  it('reports a short row that cmark-gfm pads', () => {
    expectProblem(table('| only one |'), /has 1 cell\(s\), its header 2 \(cmark-gfm pads it\)/)
  })

  it('does not count pipes of a table inside a fenced code block', () => {
    expect(gfmProblems('```\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n```\n')).toEqual([])
  })

  it('reports a table swallowed by an HTML block', () => {
    expectProblem(`</details>\n${table('| a | b |')}`, /table shown as text/)
  })

  it('reports a raw HTML table without a header row, or with a row of another width', () => {
    expectProblem('<table><tbody><tr><td>a</td></tr></tbody></table>\n', /table without a header row/)
    expectProblem(
      '<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>\n',
      /table row has 1 cell\(s\), its header 2/
    )
  })
})

describe('d. task lists', () => {
  const tasks = '- [ ] first item <!-- id=1 -->\n- [x] second item\n\n  more text\n'

  it('passes when the rendered task items start with the expected texts, in order', () => {
    expect(gfmProblems(tasks, { taskItems: ['first', 'second  item'] })).toEqual([])
  })

  it('passes no task item at all when [] is expected', () => {
    expect(gfmProblems('- plain\n', { taskItems: [] })).toEqual([])
  })

  it('reports missing task items with their texts', () => {
    const problems = expectProblem(tasks, /expected 3 task item\(s\), GitHub renders 2/, [
      'first',
      'second',
      'third'
    ])
    expect(problems).toContain('task item(s) missing: "third"')
  })

  it('reports extra task items', () => {
    expectProblem(tasks, /unexpected task item\(s\): "second item more text"/, ['first'])
  })

  it('reports a task item whose text differs from the expected one', () => {
    expectProblem(tasks, /task item 2 is "second item more text", expected it to start with "other"/, [
      'first',
      'other'
    ])
  })

  it('reports a task item that did not render as a checkbox', () => {
    expectProblem('<div>\n- [ ] swallowed\n</div>\n', /task item shown as text: "- \[ \] swallowed"/)
    expectProblem('1. [x]done\n', /task item shown as text: "\[x\]done"/)
    expectProblem('text\n\n[X] loose\n', /task item shown as text: "\[X\] loose"/)
  })
})

describe('e. visible syntax', () => {
  it('passes ordinary rich Markdown, including a GitHub alert marker', () => {
    const md =
      '> [!NOTE]\n> Offline run: **bundle only**.\n\n> [!WARNING]\n> careful\n\n' +
      'Text with `code`, _emphasis_, a link [x](https://example.com) and a \\[bracket\\] <!-- hidden -->\n\n' +
      '```\na &amp; b \\| <!-- in a code block --> **x**\n```\n'
    expect(gfmProblems(md)).toEqual([])
  })

  it('reports an HTML comment shown as text', () => {
    expectProblem('Marker: `<!-- id -->`\n', /HTML comment shown as text/)
  })

  it('reports a backslash escape shown as text', () => {
    expectProblem(
      'value `a\\|b` outside a table\n',
      /backslash escape shown as text: "a\\\|b" — escaped twice, or inside a code span/
    )
    expectProblem('double \\\\_escaped\n', /backslash escape shown as text/)
  })

  it('reports an entity shown as text because it was escaped twice', () => {
    expectProblem('`&lt;none&gt;`\n', /HTML entity shown as text: "&lt;none&gt;"/)
    expectProblem('fish &amp;amp; chips\n', /HTML entity shown as text/)
  })

  it('reports emphasis markers that did not render', () => {
    expectProblem('**How to fix: **do it\n', /emphasis marker \*\* shown as text/)
  })

  it('does not report ** inside a code span', () => {
    expect(gfmProblems('glob `**/*.ts`\n')).toEqual([])
  })

  it('reports a list swallowed by an HTML block', () => {
    expectProblem(
      '<details><summary>s</summary>\n- a\n* b\n</details>\n',
      /list shown as text inside an HTML block: "- a"/
    )
  })
})

describe('expectRendersOnGitHub', () => {
  it('returns quietly when the Markdown renders as intended', () => {
    expect(() => expectRendersOnGitHub('## ok\n\n- [ ] a\n', 'sample', { taskItems: ['a'] })).not.toThrow()
  })

  it('throws an error with the label and every problem', () => {
    expect(() => expectRendersOnGitHub(detailsThen(''), 'job summary of run 7')).toThrow(
      /job summary of run 7 does not render as intended on GitHub \(2 problem\(s\)\):\n {2}- heading shown as text: "### Checklist"/
    )
  })
})

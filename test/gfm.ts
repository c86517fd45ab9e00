/**
 * Renders Markdown exactly as github.com does (cmark-gfm, GitHub's own engine) and lists everything that
 * would render wrong: headings, tables, task items and lists left as literal text (typically swallowed by
 * an HTML block such as `</details>` that is not followed by a blank line), unbalanced <details>, table
 * rows whose extra cells cmark-gfm drops silently, and visible Markdown or HTML syntax.
 *
 * Why not a JavaScript Markdown library: only cmark-gfm reproduces GitHub's HTML-block and table rules
 * byte for byte, and those rules are exactly where job summaries and issue bodies broke.
 */
import { spawnSync } from 'node:child_process'
import { parseFragment } from 'parse5'
import type { DefaultTreeAdapterTypes } from 'parse5'

type Node = DefaultTreeAdapterTypes.Node
type ChildNode = DefaultTreeAdapterTypes.ChildNode
type Element = DefaultTreeAdapterTypes.Element
type TextNode = DefaultTreeAdapterTypes.TextNode

/** The extensions github.com enables for issues, comments and job summaries. */
const CMARK_ARGS = ['--unsafe', '-e', 'table', '-e', 'tasklist', '-e', 'autolink', '-e', 'strikethrough']

const CMARK_MISSING =
  "cmark-gfm not found: install the Debian package cmark-gfm (apt-get install cmark-gfm); it is GitHub's Markdown engine"

/**
 * Renders Markdown to HTML with `cmark-gfm --unsafe -e table -e tasklist -e autolink -e strikethrough`
 * (Markdown on stdin). `--unsafe` keeps raw HTML (<details>, comments) as github.com does before sanitizing.
 * Throws an actionable error when cmark-gfm is not installed.
 */
export function renderGfm(markdown: string): string {
  const run = spawnSync('cmark-gfm', CMARK_ARGS, { input: markdown, encoding: 'utf8', maxBuffer: 256 << 20 })
  if (run.error) {
    if ((run.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(CMARK_MISSING)
    throw new Error(`cmark-gfm could not be run: ${run.error.message}`)
  }
  if (run.status !== 0) throw new Error(`cmark-gfm exited with ${run.status}: ${run.stderr.trim()}`)
  return run.stdout
}

/** What the rendered Markdown must contain, beyond "nothing renders wrong". */
export interface GfmExpectations {
  /**
   * The task-list items the Markdown must render, in order (their visible text must START with each given
   * text, compared after whitespace collapse). Omit to skip that assertion; [] means "no task item at all".
   */
  taskItems?: readonly string[]
}

/**
 * Everything that renders wrong, one human-readable line each (with a short excerpt and, when it can be
 * found, the Markdown line number); [] when the Markdown renders as intended.
 */
export function gfmProblems(markdown: string, expect: GfmExpectations = {}): string[] {
  const html = renderGfm(markdown)
  const root = parseFragment(html)
  const where = locator(markdown)
  const problems: string[] = []
  problems.push(...detailsBalance(html))
  for (const el of elements(root)) {
    if (el.tagName === 'details') problems.push(...detailsSummary(el))
    if (el.tagName === 'table') problems.push(...tableShape(el))
  }
  problems.push(...sourceTableRows(markdown))
  problems.push(...visibleTextProblems(root, where))
  if (expect.taskItems) problems.push(...taskItemProblems(root, expect.taskItems))
  return problems
}

/** The most problems a thrown message lists; the rest are counted, so a badly broken body stays readable. */
const MAX_LISTED = 30

/**
 * Throws an Error listing gfmProblems when there is any, for use inside other tests and harnesses.
 * `label` says what was rendered, e.g. 'job summary of run X'.
 */
export function expectRendersOnGitHub(markdown: string, label: string, expect?: GfmExpectations): void {
  const problems = gfmProblems(markdown, expect)
  if (problems.length === 0) return
  const listed = problems.slice(0, MAX_LISTED).map(p => `  - ${p}`)
  if (problems.length > MAX_LISTED) listed.push(`  … and ${problems.length - MAX_LISTED} more`)
  throw new Error(
    `${label} does not render as intended on GitHub (${problems.length} problem(s)):\n${listed.join('\n')}`
  )
}

// ---------------------------------------------------------------------------------------------------------
// Tree helpers (parse5 default tree adapter)

function isElement(node: Node): node is Element {
  return 'tagName' in node
}

function childrenOf(node: Node): ChildNode[] {
  return 'childNodes' in node ? node.childNodes : []
}

function* elements(node: Node): Generator<Element> {
  for (const child of childrenOf(node)) {
    if (isElement(child)) {
      yield child
      yield* elements(child)
    }
  }
}

function elementChildren(node: Node): Element[] {
  return childrenOf(node).filter(isElement)
}

/** Visible text of a subtree: text nodes only, so comments (invisible on GitHub) do not count. */
function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as TextNode).value
  return childrenOf(node).map(textOf).join('')
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find(a => a.name === name)?.value
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * A quoted excerpt of at most 80 characters, centred on `at` when the text is longer. Quoted verbatim, not
 * JSON-escaped, so a visible backslash shows as one.
 */
function excerpt(text: string, at = 0): string {
  const flat = text.replace(/\s+/g, ' ')
  if (flat.length <= 78) return `"${flat.trim()}"`
  const start = Math.max(0, Math.min(at - 20, flat.length - 76))
  const cut = flat.slice(start, start + 76).trim()
  return `"${start > 0 ? '…' : ''}${cut}${start + 76 < flat.length ? '…' : ''}"`
}

/** Best-effort Markdown line number of a visible text line, so a failure points into the source. */
function locator(markdown: string): (text: string) => string {
  const lines = markdown.split('\n').map(l => l.trim())
  return text => {
    const needle = text.trim()
    // Too short a needle would point at an unrelated line.
    if (needle.length < 6) return ''
    const i = lines.findIndex(l => l.includes(needle))
    return i < 0 ? '' : ` (Markdown line ${i + 1})`
  }
}

// ---------------------------------------------------------------------------------------------------------
// b. <details> / <summary>

/**
 * Stack check on the raw HTML, because parse5 (like a browser) silently repairs a missing or stray
 * `</details>`, which on GitHub folds the rest of the page into the wrong section.
 */
function detailsBalance(html: string): string[] {
  const problems: string[] = []
  const noComments = html.replace(/<!--[\s\S]*?-->/g, m => ' '.repeat(m.length))
  const stack: { tag: string; at: number }[] = []
  for (const m of noComments.matchAll(/<(\/?)(details|summary)\b[^>]*>/gi)) {
    const closing = m[1] === '/'
    const tag = m[2].toLowerCase()
    const at = m.index
    const near = excerpt(html.slice(Math.max(0, at - 30), at + 50), 30)
    if (!closing) {
      if (tag === 'summary' && stack.at(-1)?.tag !== 'details')
        problems.push(`<summary> outside a <details>: ${near}`)
      stack.push({ tag, at })
      continue
    }
    const top = stack.at(-1)
    if (top?.tag === tag) stack.pop()
    else if (!top) problems.push(`</${tag}> without an open <${tag}>: ${near}`)
    else {
      problems.push(`</${tag}> closes an open <${top.tag}>: ${near}`)
      // Resynchronise on the matching opener, if any, so one slip is reported once.
      const i = stack.map(s => s.tag).lastIndexOf(tag)
      if (i >= 0) stack.length = i
    }
  }
  for (const open of stack) {
    problems.push(`<${open.tag}> never closed: ${excerpt(html.slice(open.at, open.at + 80))}`)
  }
  return problems
}

/** GitHub shows a bare "Details" toggle and moves the text when <summary> is missing or not first. */
function detailsSummary(details: Element): string[] {
  if (elementChildren(details)[0]?.tagName === 'summary') return []
  return [`<details> without a <summary> as its first child: ${excerpt(textOf(details))}`]
}

// ---------------------------------------------------------------------------------------------------------
// c. Tables

function cellCount(row: Element): number {
  return elementChildren(row).filter(c => c.tagName === 'td' || c.tagName === 'th').length
}

function rowsOf(section: Element | undefined): Element[] {
  return section ? elementChildren(section).filter(c => c.tagName === 'tr') : []
}

/** Rendered shape: a header row, and body rows as wide as it (raw HTML tables can get this wrong). */
function tableShape(table: Element): string[] {
  const parts = elementChildren(table)
  const header = rowsOf(parts.find(p => p.tagName === 'thead'))[0]
  const body = parts.filter(p => p.tagName === 'tbody').flatMap(rowsOf)
  if (!header) return [`table without a header row: ${excerpt(textOf(table))}`]
  const width = cellCount(header)
  return body
    .filter(row => cellCount(row) !== width)
    .map(row => `table row has ${cellCount(row)} cell(s), its header ${width}: ${excerpt(textOf(row))}`)
}

/** Cells of a Markdown table row: unescaped `|` only (a backslash escapes the next character, as in cmark-gfm). */
function markdownCells(line: string): number {
  let row = line.trim()
  if (row.startsWith('|')) row = row.slice(1)
  const pipes: number[] = []
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++
    else if (row[i] === '|') pipes.push(i)
  }
  // A trailing unescaped pipe closes the last cell rather than opening a new one.
  const trailing = pipes.at(-1) === row.trimEnd().length - 1 && row.trimEnd().length > 0
  return pipes.length + (trailing ? 0 : 1)
}

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/
const FENCE = /^\s*(`{3,}|~{3,})/

/**
 * Source check, because the rendered HTML cannot show it: cmark-gfm pads short rows and silently drops
 * the extra cells of long ones, typically a `|` in a cell that was not escaped as `\|`.
 */
function sourceTableRows(markdown: string): string[] {
  const problems: string[] = []
  const lines = markdown.split('\n')
  let fence: string | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const f = FENCE.exec(line)
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined
      continue
    }
    if (f) {
      fence = f[1]
      continue
    }
    const next = lines[i + 1]
    if (!line.includes('|') || next === undefined || !next.includes('-') || !DELIMITER_ROW.test(next))
      continue
    const width = markdownCells(line)
    // A delimiter row of another width makes cmark-gfm render no table; the visible-text check reports it.
    if (markdownCells(next) !== width) continue
    let j = i + 2
    for (; j < lines.length && lines[j].trim().startsWith('|'); j++) {
      const cells = markdownCells(lines[j])
      if (cells === width) continue
      const fix =
        cells > width
          ? 'cmark-gfm drops the extra cells: escape a | inside a cell as \\|'
          : 'cmark-gfm pads it'
      problems.push(
        `table row at Markdown line ${j + 1} has ${cells} cell(s), its header ${width} (${fix}): ${excerpt(lines[j])}`
      )
    }
    i = j - 1
  }
  return problems
}

// ---------------------------------------------------------------------------------------------------------
// d. Task lists

/** cmark-gfm renders `<li><input type="checkbox" disabled="" /> text</li>` (inside a <p> in loose lists). */
function isTaskItem(li: Element): boolean {
  const first = elementChildren(li)[0]
  const box = first?.tagName === 'p' ? elementChildren(first)[0] : first
  return box?.tagName === 'input' && attr(box, 'type') === 'checkbox'
}

function taskItemProblems(root: Node, want: readonly string[]): string[] {
  const got = [...elements(root)]
    .filter(el => el.tagName === 'li' && isTaskItem(el))
    .map(li => collapse(textOf(li)))
  const wanted = want.map(collapse)
  const matches = (g: string, w: string) => g.startsWith(w)
  const list = (items: string[]) =>
    items
      .slice(0, 3)
      .map(t => excerpt(t))
      .join(', ') + (items.length > 3 ? `, … (${items.length} in all)` : '')
  if (got.length !== wanted.length) {
    const problems = [`expected ${wanted.length} task item(s), GitHub renders ${got.length}`]
    const missing = wanted.filter(w => !got.some(g => matches(g, w)))
    const extra = got.filter(g => !wanted.some(w => matches(g, w)))
    if (missing.length) problems.push(`task item(s) missing: ${list(missing)}`)
    if (extra.length) problems.push(`unexpected task item(s): ${list(extra)}`)
    return problems
  }
  const wrong = wanted.flatMap((w, i) => (matches(got[i], w) ? [] : [i]))
  return wrong
    .slice(0, 3)
    .map(i => `task item ${i + 1} is ${excerpt(got[i])}, expected it to start with ${excerpt(wanted[i])}`)
    .concat(wrong.length > 3 ? [`… ${wrong.length} task items in all differ from the expected ones`] : [])
}

// ---------------------------------------------------------------------------------------------------------
// a, c, d, e. Visible text

const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote caption details dd div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'
  ).split(' ')
)

/** Blocks cmark-gfm itself creates around inline text; text outside all of them came from a raw HTML block. */
const MARKDOWN_BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'pre'])

/** Elements whose text GitHub never shows (it strips script and style). */
const INVISIBLE = new Set(['script', 'style', 'template', 'textarea'])

/** Whether a text node begins a visual line: nothing inline precedes it in its block. */
function startsLine(node: ChildNode): boolean {
  let cur: ChildNode = node
  for (;;) {
    const parent = cur.parentNode
    if (!parent) return true
    const siblings: ChildNode[] = parent.childNodes
    for (let j = siblings.indexOf(cur) - 1; j >= 0; j--) {
      const prev = siblings[j]
      if (prev.nodeName === '#comment' || (prev.nodeName === '#text' && (prev as TextNode).value === ''))
        continue
      if (prev.nodeName === '#text') return (prev as TextNode).value.endsWith('\n')
      return BLOCK_TAGS.has(prev.nodeName) || prev.nodeName === 'br'
    }
    if (!isElement(parent) || BLOCK_TAGS.has(parent.tagName)) return true
    cur = parent
  }
}

/** Line-start patterns: Markdown block syntax that should have become structure, checked in this order. */
const LINE_START: { re: RegExp; say: string; hint: string; htmlBlockOnly?: boolean }[] = [
  {
    re: /^#{1,6}\s/,
    say: 'heading shown as text',
    hint: 'does an HTML block above lack a blank line after it?'
  },
  { re: /^\|\s*:?-{3}|^\|.*\|\s*$/, say: 'table shown as text', hint: 'not rendered as a table' },
  { re: /^(?:[-*+]\s+)?\[[ xX]\]/, say: 'task item shown as text', hint: 'not rendered as a checkbox' },
  {
    re: /^(?:[-*+]|\d{1,9}[.)])\s/,
    say: 'list shown as text inside an HTML block',
    hint: 'a blank line is missing after the HTML',
    htmlBlockOnly: true
  }
]

/**
 * Inline syntax that must never be visible. GitHub alert markers (`> [!NOTE]`) are deliberately absent:
 * github.com turns them into alerts although cmark-gfm leaves them as text.
 */
const VISIBLE_SYNTAX: { re: RegExp; say: string; hint?: string; inCode: boolean }[] = [
  { re: /<!--|-->/, say: 'HTML comment shown as text', inCode: true },
  {
    re: /\\[!-/:-@[-`{-~]/,
    say: 'backslash escape shown as text',
    hint: 'escaped twice, or inside a code span',
    inCode: true
  },
  {
    re: /&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i,
    say: 'HTML entity shown as text',
    hint: 'escaped twice, or inside a code span',
    inCode: true
  },
  {
    re: /\*\*/,
    say: 'emphasis marker ** shown as text',
    hint: 'no closing ** where it can close',
    inCode: false
  }
]

function visibleTextProblems(root: Node, where: (text: string) => string): string[] {
  const problems: string[] = []
  const visit = (node: Node, ancestors: string[]) => {
    if (node.nodeName === '#text') {
      checkText(node as TextNode, ancestors)
      return
    }
    if (isElement(node) && (INVISIBLE.has(node.tagName) || node.tagName === 'pre')) return
    const next = isElement(node) ? [...ancestors, node.tagName] : ancestors
    for (const child of childrenOf(node)) visit(child, next)
  }
  const checkText = (node: TextNode, ancestors: string[]) => {
    const inCode = ancestors.includes('code')
    const inHtmlBlock = !ancestors.some(a => MARKDOWN_BLOCKS.has(a))
    node.value.split('\n').forEach((line, i) => {
      // A code span is literal on purpose, so block syntax in it is fine; its escapes and entities are not.
      if (!inCode && (i > 0 || startsLine(node))) {
        const text = line.replace(/^ {0,3}/, '')
        const hit = LINE_START.find(p => p.re.test(text) && (!p.htmlBlockOnly || inHtmlBlock))
        if (hit) problems.push(`${hit.say}: ${excerpt(text)}${where(text)} — ${hit.hint}`)
      }
      for (const p of VISIBLE_SYNTAX) {
        const m = p.re.exec(line)
        if (m && (p.inCode || !inCode)) {
          problems.push(`${p.say}: ${excerpt(line, m.index)}${where(line)}${p.hint ? ` — ${p.hint}` : ''}`)
        }
      }
    })
  }
  visit(root, [])
  return problems
}

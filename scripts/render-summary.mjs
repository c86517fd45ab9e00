#!/usr/bin/env node
// Renders a Markdown report (job summary or tracking-issue body) to a PNG picture as github.com shows it:
// cmark-gfm, GitHub's own Markdown engine, with GitHub's extensions, styled with GitHub's stylesheet
// (github-markdown-css) and photographed by headless Chromium. It makes the README's picture of a no-go
// job summary, and shows rendering bugs (headings left as text, swallowed lists) the way a reviewer sees them.
//
//   node scripts/render-summary.mjs --markdown FILE.md --out OUT.png [--html OUT.html] [--width 1012] [--title TEXT]
//                                   [--max-height PX]   (the top of the page only, e.g. for the README)
//
// Needs the Debian packages cmark-gfm and chromium (and fonts-noto-color-emoji, or emoji show as boxes).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'

const USAGE =
  'usage: node scripts/render-summary.mjs --markdown FILE.md --out OUT.png [--html OUT.html] [--width 1012] [--title TEXT] [--max-height PX]'
const MISSING = 'install Debian packages cmark-gfm and chromium'
const CHROMIUM = '/usr/bin/chromium'
const CSS = new URL('../node_modules/github-markdown-css/github-markdown-light.css', import.meta.url)

function fail(message) {
  console.error(`render-summary: ${message}`)
  process.exit(2)
}

let opts
try {
  const text = { type: 'string' }
  const options = { markdown: text, out: text, html: text, width: text, title: text, 'max-height': text }
  opts = parseArgs({ options, strict: true, allowPositionals: false }).values
} catch (e) {
  fail(`${e.message}; ${USAGE}`)
}
const width = Number(opts.width ?? 1012)
const maxHeight = opts['max-height'] === undefined ? undefined : Number(opts['max-height'])
if (!opts.markdown || !opts.out || !Number.isInteger(width) || width < 320) fail(USAGE)
if (maxHeight !== undefined && (!Number.isInteger(maxHeight) || maxHeight < 100)) fail(USAGE)
if (!existsSync(opts.markdown)) fail(`no such Markdown file: ${opts.markdown}`)
if (!existsSync(CHROMIUM)) fail(`${CHROMIUM} not found: ${MISSING}`)

// The same engine and flags as test/gfm.ts, so the picture shows exactly what the checker judges.
const CMARK_ARGS = ['--unsafe', '-e', 'table', '-e', 'tasklist', '-e', 'autolink', '-e', 'strikethrough']
const markdown = readFileSync(opts.markdown, 'utf8')
const cmark = spawnSync('cmark-gfm', CMARK_ARGS, { input: markdown, encoding: 'utf8', maxBuffer: 256 << 20 })
if (cmark.error) fail(cmark.error.code === 'ENOENT' ? `cmark-gfm not found: ${MISSING}` : cmark.error.message)
if (cmark.status !== 0) fail(`cmark-gfm exited with ${cmark.status}: ${cmark.stderr.trim()}`)

const escape = text =>
  text.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
const title = opts.title ? escape(opts.title) : ''

// github.com adds classes to task items and turns `> [!NOTE]` into alerts after rendering; cmark-gfm does
// neither, so CSS and a few lines of script stand in for that. Nothing is hidden, nothing toggled.
const EXTRA_CSS = `
  body { margin: 0; background: #ffffff; }
  .markdown-body { box-sizing: border-box; min-width: 200px; max-width: 980px; margin: 0 auto; padding: 32px;
    font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif,
      "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; }
  .markdown-body li:has(> input[type=checkbox]), .markdown-body li:has(> p > input[type=checkbox]) {
    list-style-type: none; }
  .markdown-body li > input[type=checkbox], .markdown-body li > p > input[type=checkbox] {
    margin: 0 .2em .25em -1.4em; vertical-align: middle; }
  .markdown-body li:has(> input[type=checkbox]) + li { margin-top: .25rem; }
  .title { max-width: 980px; margin: 16px auto 0; padding: 0 32px; box-sizing: border-box;
    font: 600 20px -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }`
const ALERTS = `
  for (const quote of document.querySelectorAll('.markdown-body blockquote')) {
    const p = quote.firstElementChild
    const m = p && p.tagName === 'P' && /^\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\\][ \\t]*(?:\\n|$)/.exec(p.innerHTML)
    if (!m) continue
    const alert = document.createElement('div')
    alert.className = 'markdown-alert markdown-alert-' + m[1].toLowerCase()
    alert.innerHTML = '<p class="markdown-alert-title">' + m[1][0] + m[1].slice(1).toLowerCase() + '</p>'
    p.innerHTML = p.innerHTML.slice(m[0].length)
    if (!p.innerHTML.trim()) p.remove()
    alert.append(...quote.childNodes)
    quote.replaceWith(alert)
  }`

const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title || 'Markdown as GitHub renders it'}</title>
<style>${readFileSync(CSS, 'utf8')}</style><style>${EXTRA_CSS}</style></head>
<body>${title ? `<div class="title">${title}</div>` : ''}<article class="markdown-body">
${cmark.stdout}</article><script>${ALERTS}</script></body></html>
`
if (opts.html) writeFileSync(opts.html, page)

const browser = await chromium
  .launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
  .catch(e => fail(`chromium did not start (${e.message.split('\n')[0]}): ${MISSING}`))
try {
  const tab = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1 })
  await tab.setContent(page, { waitUntil: 'load' })
  // eslint-disable-next-line no-undef -- runs in the page, where `document` exists
  const full = await tab.evaluate(() => document.documentElement.scrollHeight)
  const clip = maxHeight && full > maxHeight ? { x: 0, y: 0, width, height: maxHeight } : undefined
  const png = await tab.screenshot({ path: opts.out, fullPage: true, clip })
  // A PNG's IHDR chunk holds width and height at bytes 16 and 20.
  console.log(`${opts.out} (${png.readUInt32BE(16)}×${png.readUInt32BE(20)} px)`)
} finally {
  await browser.close()
}

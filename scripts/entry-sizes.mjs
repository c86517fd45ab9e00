// What each entry of dist/ loads, in bytes: its static import closure, then the chunks that load only
// when a run needs them (the engine for a run, the Kubernetes client for a cluster, GitHub for the
// tracking issue, the artifact client for a download). Run alone (node scripts/entry-sizes.mjs) or from
// npm run bench.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))

/**
 * The relative chunks a file requires (the runner bundles are CommonJS): at load (a top-level
 * `require('./x.js')`), or lazily, where the source had `import()` (`.then(function () { return require('./x.js'); })`).
 */
function importsOf(file) {
  const code = readFileSync(file, 'utf8')
  const resolve = spec => join(dirname(file), spec)
  const statics = [...code.matchAll(/^(?:var \w+ = )?require\('(\.{1,2}\/[^']+)'\);$/gm)].map(m =>
    resolve(m[1])
  )
  const lazy = [...code.matchAll(/return require\('(\.{1,2}\/[^']+\.js)'\)/g)].map(m => resolve(m[1]))
  return { statics, lazy }
}

/** A file and everything it imports statically, transitively. */
function closure(roots) {
  const seen = new Set()
  const visit = file => {
    if (seen.has(file)) return
    seen.add(file)
    importsOf(file).statics.forEach(visit)
  }
  roots.forEach(visit)
  return seen
}

const bytes = files => [...files].reduce((sum, f) => sum + statSync(f).size, 0)
const kb = n => `${(n / 1024).toFixed(0).padStart(5)} KB`
const chunk = prefix => {
  const found = readdirSync(join(dist, 'chunks')).find(f => f.startsWith(`${prefix}-`))
  return found ? join(dist, 'chunks', found) : undefined
}

/** The lazily imported chunks of `file`'s closure whose name starts with one of `prefixes`. */
function stage(loaded, prefixes) {
  let current = loaded
  for (;;) {
    const lazy = [...current].flatMap(f => importsOf(f).lazy)
    const picked = lazy.filter(f => !current.has(f) && prefixes.some(p => f.includes(`/chunks/${p}-`)))
    if (picked.length === 0) return current
    current = closure([...current, ...picked])
  }
}

export function entrySizes() {
  const cli = closure([join(dist, 'cli.js')])
  const cliMain = stage(cli, ['main'])
  const cliRun = stage(cliMain, ['run'])
  const action = closure([join(dist, 'index.js')])
  const actionMain = stage(action, ['main'])
  const rows = [
    ['dist/cli.js', 'the entry and its Node guard', cli],
    ['', '--version, --help, a usage error', cliMain],
    ['', 'an offline run (engine, checks, reports)', cliRun],
    ['', '+ a cluster (kube client, client-node)', stage(cliRun, ['session'])],
    ['', '+ the tracking issue (Octokit)', stage(stage(cliRun, ['session']), ['tracking-issue'])],
    ['dist/index.js', 'the entry and its Node guard', action],
    ['', 'inputs, masking, the engine, reports', actionMain],
    ['', '+ a cluster', stage(actionMain, ['session'])],
    ['', '+ the tracking issue', stage(stage(actionMain, ['session']), ['tracking-issue'])],
    [
      '',
      '+ the artifact download',
      stage(stage(stage(actionMain, ['session']), ['tracking-issue']), ['artifact'])
    ]
  ]
  return rows.map(([entry, what, files]) => `${entry.padEnd(14)} ${what.padEnd(42)} ${kb(bytes(files))}`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!chunk('session')) console.error('dist/ has no chunks: run npm run build')
  for (const line of entrySizes()) console.log(line)
}

import type { CheckOutcome, Finding } from '../core/types.js'
import { defineCheck, type BundleReader, type CheckContext } from '../core/check.js'
import { formatOf, type Format } from '../bundle/parse.js'
import { COMPOSE_FILE, CONFIGMAP_FILE, DEPLOYMENT_FILE } from '../core/defaults.js'
import { diffPaths, formatPath, normalise, showValue, valueAt, type Normalised } from './data-diff.js'

const NOT_CONFIG = new Set([CONFIGMAP_FILE, DEPLOYMENT_FILE, COMPOSE_FILE])
const FORMAT_ORDER: Format[] = ['toml', 'yaml', 'json']
const MAX_PATHS_SHOWN = 25
const HINT = 'The TOML, YAML and JSON of a mode must be generated from one source; regenerate the bundle.'

/** Groups config files by name without extension: `vapora-solo` → its .toml/.yaml/.json files. */
function modeGroups(files: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const file of files) {
    if (NOT_CONFIG.has(file) || !formatOf(file)) continue
    const stem = file.replace(/\.(toml|ya?ml|json)$/i, '')
    groups.set(stem, [...(groups.get(stem) ?? []), file])
  }
  for (const [stem, members] of groups) if (members.length < 2) groups.delete(stem)
  return groups
}

function byFormatOrder(a: string, b: string): number {
  return FORMAT_ORDER.indexOf(formatOf(a)!) - FORMAT_ORDER.indexOf(formatOf(b)!)
}

interface Member {
  file: string
  format: Format
  value: Normalised
}

/** The members whose value at `path` differs from a majority of the others (none when there is no majority). */
function outliers(members: readonly Member[], path: ReadonlyArray<string | number>): Member[] {
  const groups = new Map<string, Member[]>()
  for (const m of members) {
    const key = JSON.stringify(valueAt(m.value, path) ?? null)
    groups.set(key, [...(groups.get(key) ?? []), m])
  }
  const largest = Math.max(...[...groups.values()].map(g => g.length))
  if (largest * 2 <= members.length) return []
  return members.filter(m => groups.get(JSON.stringify(valueAt(m.value, path) ?? null))!.length < largest)
}

interface ModeDrift {
  stem: string
  paths: Array<Array<string | number>>
  /** The one format that disagrees with the others at every differing path, when there is one. */
  odd?: Format
  details: string[]
  findings: Finding[]
}

function compareMode(stem: string, bundle: BundleReader, files: string[]): ModeDrift | undefined {
  const members: Member[] = files.map(file => ({
    file,
    format: formatOf(file)!,
    value: normalise(bundle.parsed(file).documents[0]?.value)
  }))
  const byPath = new Map<string, Array<string | number>>()
  for (const other of members.slice(1)) {
    for (const path of diffPaths(members[0].value, other.value)) byPath.set(formatPath(path), path)
  }
  if (byPath.size === 0) return undefined
  const paths = [...byPath.values()]
  const oddOnes = paths.map(path => outliers(members, path))
  const single = oddOnes.every(o => o.length === 1 && o[0].format === oddOnes[0][0]?.format)
  const odd = single ? oddOnes[0][0].format : undefined
  const details = [
    odd
      ? `${stem}: the ${odd} differs from the ${members
          .filter(m => m.format !== odd)
          .map(m => m.format)
          .join(' and ')} at ${paths.length} key path(s)`
      : `${stem}: ${members.map(m => m.format).join(', ')} differ at ${paths.length} key path(s)`
  ]
  const findings: Finding[] = []
  paths.slice(0, MAX_PATHS_SHOWN).forEach((path, i) => {
    const shown = formatPath(path) || '(document root)'
    const values = members.map(m => {
      const at = bundle.parsed(m.file).locate(path)
      const line = at?.exact ? ` (line ${at.line})` : at ? ' (absent)' : ''
      return `${m.format}=${showValue(path, valueAt(m.value, path))}${at?.exact ? line : ''}`
    })
    details.push(`  ${shown}: ${values.join(', ')}`)
    // Annotate where the fix goes: the format that disagrees, or every format when there is no majority.
    const blamed = oddOnes[i].length > 0 ? oddOnes[i] : members
    for (const m of blamed) {
      const at = bundle.parsed(m.file).locate(path)
      const others = members
        .filter(o => o !== m)
        .map(o => `${o.format} ${showValue(path, valueAt(o.value, path))}`)
      findings.push({
        severity: 'error',
        file: m.file,
        line: at?.line ?? 1,
        column: at?.column ?? 1,
        message: `${stem}: ${shown} is ${showValue(path, valueAt(m.value, path))} here but ${others.join(', ')}`,
        hint: HINT
      })
    }
  })
  if (paths.length > MAX_PATHS_SHOWN) details.push(`  … and ${paths.length - MAX_PATHS_SHOWN} more`)
  return { stem, paths, odd, details, findings }
}

/**
 * "All 3 modes validate": for each mode, the TOML, YAML and JSON files must describe the same data.
 * Any difference is a blocking failure listing the differing key paths and (redacted) values, naming the
 * format that disagrees with the other two and pointing at its line.
 */
export const configModesCheck = defineCheck({
  id: 'config-modes',
  title: 'Verify all 3 modes validate (TOML = YAML = JSON for each mode)',
  item: 'all-modes-validate',
  needs: ['bundle'],
  notApplicable({ options }: CheckContext) {
    return modeGroups(options.expectedFiles).size === 0
      ? 'expected-files lists no config written in several formats'
      : undefined
  },
  async run({ options, bundle }): Promise<CheckOutcome> {
    const expected = modeGroups(options.expectedFiles)
    const present = modeGroups(bundle!.files)
    const stems = [...new Set([...expected.keys(), ...present.keys()])].sort()
    const details: string[] = []
    const drifts: ModeDrift[] = []
    const uncompared: Array<{ stem: string; why: string; blockedBy: string }> = []

    for (const stem of stems) {
      const files = (present.get(stem) ?? []).sort(byFormatOrder)
      const missing = (expected.get(stem) ?? []).filter(f => !bundle!.has(f))
      const unparsed = files.filter(f => bundle!.parsed(f).errors.length > 0)
      if (missing.length > 0 || unparsed.length > 0 || files.length < 2) {
        const why = [...missing.map(f => `${f} missing`), ...unparsed.map(f => `${f} does not parse`)]
        const text = why.join(', ') || 'fewer than two formats present'
        uncompared.push({ stem, why: text, blockedBy: missing.length > 0 ? 'bundle-files' : 'bundle-syntax' })
        details.push(`${stem}: cannot compare: ${text}`)
        continue
      }
      const drift = compareMode(stem, bundle!, files)
      if (drift) {
        drifts.push(drift)
        details.push(...drift.details)
      } else {
        details.push(`${stem}: ${files.map(f => formatOf(f)).join(' = ')} ✓`)
      }
    }

    const cannot = uncompared.map(u => `cannot compare ${u.stem}: ${u.why}`)
    if (drifts.length === 0 && uncompared.length > 0) {
      // Only files that are missing or do not parse: those checks said so; this one did not get to run.
      return {
        status: 'skip',
        skipReason: 'prerequisite-failed',
        blockedBy: uncompared[0].blockedBy,
        message: `not run: ${cannot.join('; ')}`,
        details
      }
    }
    if (drifts.length > 0) {
      const summary = drifts
        .map(d => {
          const paths = d.paths.map(p => formatPath(p) || '(document root)')
          const shown = `${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''}`
          return d.odd ? `${d.stem}: the ${d.odd} differs at ${shown}` : `${d.stem} differs at ${shown}`
        })
        .join('; ')
      return {
        status: 'fail',
        message: `formats disagree: ${[summary, ...cannot].join('; ')}`,
        details,
        findings: drifts.flatMap(d => d.findings),
        hint: HINT,
        data: { differing: Object.fromEntries(drifts.map(d => [d.stem, d.paths.map(p => formatPath(p))])) }
      }
    }
    return {
      status: 'pass',
      message: `${stems.length} modes agree across formats (${stems.join(', ')})`,
      details
    }
  }
})

import type { Check, CheckContext, CheckOutcome } from '../types.js'
import { formatOf, type Format } from '../bundle/parse.js'
import { COMPOSE_FILE, CONFIGMAP_FILE, DEPLOYMENT_FILE } from '../defaults.js'
import { diffPaths, formatPath, normalise, showValue, valueAt, type Normalised } from './data-diff.js'
import { SECTION } from './sections.js'

const NOT_CONFIG = new Set([CONFIGMAP_FILE, DEPLOYMENT_FILE, COMPOSE_FILE])
const FORMAT_ORDER: Format[] = ['toml', 'yaml', 'json']
const MAX_PATHS_SHOWN = 25

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

/**
 * "All 3 modes validate": for each mode, the TOML, YAML and JSON files must describe the same data.
 * Any difference is a blocking failure listing the differing key paths and (redacted) values.
 */
export const configModesCheck: Check = {
  id: 'config-modes',
  title: 'Verify all 3 modes validate (TOML = YAML = JSON for each mode)',
  section: SECTION.codeReview,
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
    const failedModes: string[] = []
    const differing: Record<string, string[]> = {}

    for (const stem of stems) {
      const files = (present.get(stem) ?? []).sort(byFormatOrder)
      const missing = (expected.get(stem) ?? []).filter(f => !bundle!.has(f))
      const unparsed = files.filter(f => bundle!.parsed(f).errors.length > 0)
      if (missing.length > 0 || unparsed.length > 0 || files.length < 2) {
        failedModes.push(stem)
        const why = [...missing.map(f => `${f} missing`), ...unparsed.map(f => `${f} does not parse`)]
        details.push(`${stem}: cannot compare (${why.join(', ') || 'fewer than two formats present'})`)
        continue
      }
      const values = files.map(f => ({ file: f, value: normalise(bundle!.parsed(f).documents[0]?.value) }))
      const reference = values[0]
      const paths = new Map<string, Array<string | number>>()
      for (const other of values.slice(1)) {
        for (const path of diffPaths(reference.value, other.value)) paths.set(formatPath(path), path)
      }
      if (paths.size === 0) {
        details.push(`${stem}: ${files.map(f => formatOf(f)).join(' = ')} ✓`)
        continue
      }
      failedModes.push(stem)
      differing[stem] = [...paths.keys()]
      details.push(`${stem}: ${files.map(f => formatOf(f)).join(', ')} differ at ${paths.size} key path(s)`)
      for (const [shown, path] of [...paths].slice(0, MAX_PATHS_SHOWN)) {
        const valuesShown = values.map(
          v => `${formatOf(v.file)}=${showValue(path, valueAt(v.value as Normalised, path))}`
        )
        details.push(`  ${shown || '(document root)'}: ${valuesShown.join(', ')}`)
      }
      if (paths.size > MAX_PATHS_SHOWN) details.push(`  … and ${paths.size - MAX_PATHS_SHOWN} more`)
    }

    if (failedModes.length > 0) {
      const summary = failedModes
        .map(stem =>
          differing[stem]
            ? `${stem} differs at ${differing[stem].slice(0, 5).join(', ')}${differing[stem].length > 5 ? ', …' : ''}`
            : `${stem} cannot be compared`
        )
        .join('; ')
      return {
        status: 'fail',
        message: `formats disagree: ${summary}`,
        details,
        findings: failedModes.flatMap(stem =>
          (present.get(stem) ?? []).map(file => ({
            severity: 'error' as const,
            file,
            message: `${stem}: formats disagree or cannot be compared`
          }))
        ),
        hint: 'The TOML, YAML and JSON of a mode must be generated from one source; regenerate the bundle.',
        data: { differing }
      }
    }
    return {
      status: 'pass',
      message: `${stems.length} modes agree across formats (${stems.join(', ')})`,
      details
    }
  }
}

import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'

/** Suggests the likely intended file for a missing one (case or .yml/.yaml mix-ups). */
function nearMiss(missing: string, present: readonly string[]): string | undefined {
  const canonical = (name: string): string => name.toLowerCase().replace(/\.yml$/, '.yaml')
  return present.find(file => file !== missing && canonical(file) === canonical(missing))
}

const MISSING_HINT =
  'Check the CI job that builds deployment-artifacts, or adjust expected-files if the contract changed.'

/** The expected-files contract: every expected file present; extra files are reported, not blocking. */
export const bundleFilesCheck = defineCheck({
  id: 'bundle-files',
  title: 'Verify artifact contents',
  item: 'verify-artifact-contents',
  needs: ['bundle'],
  async run({ options, bundle }): Promise<CheckOutcome> {
    const files = bundle!.files
    const missing = options.expectedFiles.filter(file => !files.includes(file))
    const extra = files.filter(file => !options.expectedFiles.includes(file))
    if (missing.length > 0) {
      return {
        status: 'fail',
        message: `missing ${missing.length} of ${options.expectedFiles.length} expected files: ${missing.join(', ')}`,
        details: missing.map(file => {
          const similar = nearMiss(file, files)
          return similar ? `${file}: missing (found "${similar}" — names are exact)` : `${file}: missing`
        }),
        // A missing file has no line to point at: the annotation names the file itself.
        findings: missing.map(file => {
          const similar = nearMiss(file, files)
          return {
            severity: 'error' as const,
            file,
            line: 1,
            column: 1,
            message: `expected file ${file} is missing from the bundle${similar ? ` (found "${similar}": names are exact)` : ''}`,
            hint: similar ? `Rename ${similar} to ${file} in the job that builds the bundle.` : MISSING_HINT
          }
        }),
        hint: MISSING_HINT,
        data: { missing, extra }
      }
    }
    if (extra.length > 0) {
      return {
        status: 'warn',
        message: `all ${options.expectedFiles.length} expected files present; ${extra.length} unexpected: ${extra.join(', ')}`,
        details: extra.map(file => `${file}: not in expected-files`),
        hint: 'Unexpected files are not deployed by this gate; remove them from the bundle or add them to expected-files.',
        data: { missing, extra }
      }
    }
    return {
      status: 'pass',
      message: `all ${options.expectedFiles.length} expected files present`,
      data: { missing, extra }
    }
  }
})

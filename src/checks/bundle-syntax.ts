import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { formatOf } from '../bundle/parse.js'
import { where } from '../core/finding.js'
import { yieldToEventLoop } from '../core/concurrency.js'

/** Every YAML, JSON and TOML file in the bundle parses, with each error located by file, line and column. */
export const bundleSyntaxCheck = defineCheck({
  id: 'bundle-syntax',
  title: 'Validate manifest and config syntax (YAML, JSON, TOML)',
  item: 'validate-manifest-syntax',
  needs: ['bundle'],
  async run({ bundle }): Promise<CheckOutcome> {
    const parseable = bundle!.files.filter(file => formatOf(file) !== undefined)
    if (parseable.length === 0) {
      return { status: 'fail', message: 'the bundle holds no YAML, JSON or TOML file to validate' }
    }
    const parsed = []
    for (const file of parseable) {
      parsed.push(bundle!.parsed(file))
      // The cluster checks' answers are read between files, not after all of them.
      await yieldToEventLoop()
    }
    const errors = parsed.flatMap(p => p.errors)
    const warnings = parsed.flatMap(p => p.warnings)
    const badFiles = parsed.filter(p => p.errors.length > 0).map(p => p.file)
    const findings = [...errors, ...warnings]
    if (errors.length > 0) {
      return {
        status: 'fail',
        message: `${errors.length === 1 ? '1 syntax error' : `${errors.length} syntax errors`} in ${badFiles.join(', ')}: ${where(errors[0])} ${errors[0].message}${errors.length > 1 ? ' …' : ''}`,
        details: findings.map(f => `${where(f)} ${f.severity}: ${f.message}`),
        findings,
        hint: 'Fix the file in the generator (or its template) and rebuild the bundle; every position above is 1-based.'
      }
    }
    if (warnings.length > 0) {
      return {
        status: 'warn',
        message: `${parseable.length} files parse; ${warnings.length} warning(s)`,
        details: warnings.map(f => `${where(f)} warning: ${f.message}`),
        findings
      }
    }
    return { status: 'pass', message: `${parseable.length} YAML/JSON/TOML files parse without errors` }
  }
})

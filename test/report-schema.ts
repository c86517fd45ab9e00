/**
 * The JSON report's contract: every report the tests produce is validated against the published schema
 * (schema/report.schema.json, draft 2020-12), so the schema and the code cannot drift apart.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { REPO_ROOT } from './fixtures.js'

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'report.schema.json'), 'utf8')) as object
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })
addFormats.default(ajv)
const validate = ajv.compile(schema)

/** The schema's complaints about a JSON report (text or parsed), one line each; [] when it conforms. */
export function reportSchemaProblems(report: string | unknown): string[] {
  const value = typeof report === 'string' ? (JSON.parse(report) as unknown) : report
  if (validate(value)) return []
  return (validate.errors ?? []).map(
    e => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`
  )
}

/** Throws with the schema's complaints when a JSON report does not conform. */
export function expectValidReport(report: string | unknown, label = 'JSON report'): void {
  const problems = reportSchemaProblems(report)
  if (problems.length > 0) {
    throw new Error(
      `${label} does not conform to schema/report.schema.json:\n${problems.slice(0, 20).join('\n')}`
    )
  }
}

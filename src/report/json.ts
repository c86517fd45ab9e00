/** The machine report: the `Report` object as JSON (`version: 1`). Stable field names; additions only. */
import type { Report } from '../types.js'

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`
}

/** One short line per check, for the CLI's stderr and the action log. */
import type { CheckResult, Status } from '../types.js'

const MARK: Record<Status, string> = { pass: '✓', warn: '!', fail: '✗', skip: '-', error: '✗' }

export function progressLine(result: CheckResult): string {
  const blocking = result.blocking ? ' [blocking]' : ''
  return `${MARK[result.status]} ${result.id.padEnd(14)} ${result.status}${blocking}: ${result.message.replace(/\s*\n\s*/g, ' ')} (${Math.round(result.durationMs)} ms)`
}

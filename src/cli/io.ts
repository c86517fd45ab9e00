/** Where the CLI writes: the process's streams, or a test's buffers. */
import { styleText } from 'node:util'
import type { Paint } from '../report/text.js'

export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** stdout is a terminal: the text report by default. */
  stdoutTTY?: boolean
  /** stderr is a terminal: progress is one line updated in place. */
  stderrTTY?: boolean
  /** The terminal's width (the text report wraps at it; 100 otherwise). */
  columns?: number
  /** Colours for stdout (the default honours the TTY, NO_COLOR and FORCE_COLOR). */
  paint?: Paint
}

export const processIO: CliIO = {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  stdoutTTY: process.stdout.isTTY === true,
  stderrTTY: process.stderr.isTTY === true,
  // A pseudo-terminal without a size reports 0 columns: then COLUMNS, else the report's default (100).
  columns: process.stdout.columns || Number(process.env.COLUMNS) || undefined,
  // node:util decides per stream: a terminal that has colours, NO_COLOR off, FORCE_COLOR on.
  paint: (style, text) => styleText(style, text, { stream: process.stdout })
}

/** The exit codes: 0 go (verify: verified), 1 no-go (not verified), 2 could not run. */
export const EXIT = { go: 0, noGo: 1, error: 2 } as const

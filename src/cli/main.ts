/**
 * The CLI adapter: flags → the same options → the same engine → stdout and an exit code
 * (0 go, 1 no-go, 2 usage or internal error). Progress goes to stderr, one line per check. This file reads
 * the flags and answers --version and --help; the run itself (engine, reports) loads only for a run.
 */
import { UsageError, describeError } from '../core/errors.js'
import { TOOL_NAME, TOOL_VERSION } from '../core/version.js'
import { on, parseFlags } from './flags.js'
import { EXIT, processIO, type CliIO } from './io.js'

export { EXIT, type CliIO }

/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let stopProgress = (): void => undefined
  try {
    const flags = parseFlags(argv)
    if (on(flags, 'help')) {
      const { helpText } = await import('./help.js')
      io.stdout(`${helpText()}\n`)
      return EXIT.go
    }
    if (on(flags, 'version')) {
      io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`)
      return EXIT.go
    }
    const { runCli } = await import('./run.js')
    return await runCli(flags, io, stop => (stopProgress = stop))
  } catch (error) {
    stopProgress()
    if (error instanceof UsageError) {
      io.stderr(`${TOOL_NAME}: ${error.message}\n${error.help ? `Run ${TOOL_NAME} --help for usage.\n` : ''}`)
    } else {
      io.stderr(`${TOOL_NAME}: internal error: ${describeError(error)}\n`)
    }
    return EXIT.error
  }
}

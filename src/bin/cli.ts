/** Entry point of dist/cli.js (the `vapora-preflight` command). Imports only the version guard statically. */
import { firstLine, nodeTooOld } from './node-guard.js'

const fail = (problem: string): never => {
  process.stderr.write(`vapora-preflight: ${problem}\n`)
  process.exit(2)
}

// The runner bundles are CommonJS (see rollup.config.js), which has no top-level await.
void (async () => {
  const problem = nodeTooOld()
  if (problem) fail(problem)
  const { main } = await import('../cli/main.js').catch((error: unknown) =>
    fail(`could not load its code (${firstLine(error)}); reinstall it`)
  )
  const code = await main(process.argv.slice(2))
  // As in the action: nothing abandoned at a deadline may keep the process alive (stdout is flushed first).
  process.stdout.write('', () => process.exit(code))
})()

/** Entry point of dist/cli.js (the `vapora-preflight` command). Imports only the version guard statically. */
import { enableCompileCache } from 'node:module'
import { UNFINISHED, failIfUnfinished, firstLine, nodeTooOld } from './node-guard.js'

const fail = (problem: string): never => {
  process.stderr.write(`vapora-preflight: ${problem}\n`)
  process.exit(2)
}

// The runner bundles are CommonJS (see rollup.config.js), which has no top-level await.
const run = failIfUnfinished(() => {
  process.stderr.write(`vapora-preflight: internal error: ${UNFINISHED}\n`)
  process.exitCode = 2
})
void (async () => {
  const problem = nodeTooOld()
  if (problem) fail(problem)
  // V8's compiled code for the bundles, kept on disk by Node (in os.tmpdir()/node-compile-cache, or
  // NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off): a run after the first compiles
  // almost nothing (measured: ~9 ms of a ~150 ms preflight). As TypeScript's tsc does.
  enableCompileCache()
  const { main } = await import('../cli/main.js').catch((error: unknown) =>
    fail(`could not load its code (${firstLine(error)}); reinstall it`)
  )
  const code = await main(process.argv.slice(2))
  run.finished()
  // As in the action: nothing abandoned at a deadline may keep the process alive (stdout is flushed first).
  process.stdout.write('', () => process.exit(code))
})()

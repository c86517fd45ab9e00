/** Entry point of dist/index.js, the file action.yml runs. Imports only the version guard statically. */
import { enableCompileCache } from 'node:module'
import {
  UNFINISHED,
  failActionBeforeStart,
  failIfUnfinished,
  firstLine,
  nodeTooOld,
  reportActionNoGo
} from './node-guard.js'

// The runner bundles are CommonJS (see rollup.config.js), which has no top-level await.
const unfinished = failIfUnfinished(() => {
  reportActionNoGo(UNFINISHED)
  process.exitCode = 1
})
void (async () => {
  const problem = nodeTooOld()
  if (problem) failActionBeforeStart(problem)
  // Node's on-disk compile cache, as in dist/cli.js: a hosted runner starts empty (writing it costs no
  // measurable time); a self-hosted one compiles the bundles once.
  enableCompileCache()
  // A chunk that does not load (a broken checkout of the action, a missing file) is a no-go that says so.
  const { run } = await import('../action/main.js').catch((error: unknown) =>
    failActionBeforeStart(
      `could not load its code (${firstLine(error)}); re-run the job, or pin the action to a release tag`
    )
  )
  await run()
  unfinished.finished()
  // Everything the run writes is awaited by now. A download or upload abandoned at its deadline can keep
  // sockets (and so the process) alive; the job must end with the decision, not hang on them.
  process.exit()
})()

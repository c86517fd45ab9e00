/** Entry point of dist/index.js, the file action.yml runs. Imports only the version guard statically. */
import { failActionOnOldNode, nodeTooOld } from './node-guard.js'

const problem = nodeTooOld()
if (problem) failActionOnOldNode(problem)
const { run } = await import('../main.js')
await run()
// Everything the run writes is awaited by now. A download or upload abandoned at its deadline can keep
// sockets (and so the process) alive; the job must end with the decision, not hang on them.
process.exit()

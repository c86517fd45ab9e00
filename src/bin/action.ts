/** Entry point of dist/index.js, the file action.yml runs. */
import { run } from '../main.js'

await run()
// Everything the run writes is awaited by now. A download or upload abandoned at its deadline can keep
// sockets (and so the process) alive; the job must end with the decision, not hang on them.
process.exit()

/** Entry point of dist/index.js, the file action.yml runs. */
import { run } from '../main.js'

await run()

/** Entry point of dist/cli.js (the `vapora-preflight` command). */
import { main } from '../cli.js'

process.exitCode = await main(process.argv.slice(2))

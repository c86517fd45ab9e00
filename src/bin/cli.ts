/** Entry point of dist/cli.js (the `vapora-preflight` command). */
import { main } from '../cli.js'

const code = await main(process.argv.slice(2))
// As in the action: nothing abandoned at a deadline may keep the process alive (stdout is flushed first).
process.stdout.write('', () => process.exit(code))

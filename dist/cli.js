#!/usr/bin/env node
import { n as nodeTooOld } from './chunks/node-guard-CxCAK8PP.js';
import 'node:fs';

/** Entry point of dist/cli.js (the `vapora-preflight` command). Imports only the version guard statically. */
const problem = nodeTooOld();
if (problem) {
    process.stderr.write(`vapora-preflight: ${problem}\n`);
    process.exit(2);
}
const { main } = await import('./chunks/cli-r4RUA7i5.js');
const code = await main(process.argv.slice(2));
// As in the action: nothing abandoned at a deadline may keep the process alive (stdout is flushed first).
process.stdout.write('', () => process.exit(code));

#!/usr/bin/env node
import { n as nodeTooOld } from './chunks/node-guard-DxBJFBs8.js';
import 'node:fs';

/** Entry point of dist/cli.js (the `vapora-preflight` command). Imports only the version guard statically. */
const fail = (problem) => {
    process.stderr.write(`vapora-preflight: ${problem}\n`);
    process.exit(2);
};
const problem = nodeTooOld();
if (problem)
    fail(problem);
const { main } = await import('./chunks/main-exmsvjiK.js').then(function (n) { return n.m; }).catch((error) => fail(`could not load its code (${error instanceof Error ? error.message : String(error)}); reinstall it`));
const code = await main(process.argv.slice(2));
// As in the action: nothing abandoned at a deadline may keep the process alive (stdout is flushed first).
process.stdout.write('', () => process.exit(code));

#!/usr/bin/env node
'use strict';

var node_module = require('node:module');
var nodeGuard = require('./chunks/node-guard-CaepiObJ.js');
require('node:fs');

/** Entry point of dist/cli.js (the `vapora-preflight` command). Imports only the version guard statically. */
const fail = (problem) => {
    process.stderr.write(`vapora-preflight: ${problem}\n`);
    process.exit(2);
};
// The runner bundles are CommonJS (see rollup.config.js), which has no top-level await.
const run = nodeGuard.failIfUnfinished(() => {
    process.stderr.write(`vapora-preflight: internal error: ${nodeGuard.UNFINISHED}\n`);
    process.exitCode = 2;
});
void (async () => {
    const problem = nodeGuard.nodeTooOld();
    if (problem)
        fail(problem);
    // V8's compiled code for the bundles, kept on disk by Node (in os.tmpdir()/node-compile-cache, or
    // NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off): a run after the first compiles
    // almost nothing (measured: ~9 ms of a ~150 ms preflight). As TypeScript's tsc does.
    node_module.enableCompileCache();
    const { main } = await Promise.resolve().then(function () { return require('./chunks/main-D9j5nqBb.js'); }).then(function (n) { return n.main; }).catch((error) => fail(`could not load its code (${nodeGuard.firstLine(error)}); reinstall it`));
    const code = await main(process.argv.slice(2));
    run.finished();
    // As in the action: nothing abandoned at a deadline may keep the process alive (stdout is flushed first).
    process.stdout.write('', () => process.exit(code));
})();

'use strict';

var fs = require('node:fs');

/**
 * The Node.js version check the entries run before loading anything else. It must stay tiny and import
 * nothing but built-ins that every Node has: on an old Node, the real code fails while it is being
 * *loaded* (e.g. `No such built-in module: node:sqlite`), before any check in it could run, so the
 * entries load it lazily (a dynamic `import()` in the source, a `require` in the CommonJS bundle) only
 * after this says yes.
 */
/** client-node 2.x and its undici need these (see FACTS: it crashes on Node 20). */
const MIN_NODE = { major: 22, minor: 19 };
/** A one-line message when `version` (e.g. `20.20.2`) is too old, else undefined. */
function nodeTooOld(version = process.versions.node) {
    const [major, minor] = version.split('.').map(Number);
    if (major > MIN_NODE.major || (major === MIN_NODE.major && minor >= MIN_NODE.minor))
        return undefined;
    return `needs Node.js >= ${MIN_NODE.major}.${MIN_NODE.minor} (found ${version}); install Node 24 (e.g. npm i node@24, or actions/setup-node).`;
}
/** An error's first line: require's "Cannot find module" goes on with its require stack. */
function firstLine(error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
/**
 * The action could not even start (a Node too old, its code failed to load), or stopped before it ended:
 * the gate must still read as no-go, with a reason, not as an empty output. Writes the outputs the way
 * @actions/core does (GITHUB_OUTPUT) and the error as a workflow command.
 */
function reportActionNoGo(problem) {
    const outputs = process.env.GITHUB_OUTPUT;
    const reason = `no-go: vapora-preflight ${problem}`;
    if (outputs) {
        for (const [name, value] of [
            ['decision', 'no-go'],
            ['reason', reason]
        ]) {
            const delimiter = `ghadelimiter_${Date.now()}_${Math.random().toString(36).slice(2)}`;
            fs.appendFileSync(outputs, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
        }
    }
    process.stdout.write(`::error title=vapora-preflight::${reason}\n`);
}
/** `reportActionNoGo`, then exit 1. */
function failActionBeforeStart(problem) {
    reportActionNoGo(problem);
    process.exit(1);
}
/**
 * The entries run as an async function (CommonJS has no top-level await). If a bug left the run waiting
 * on a promise that never settles, Node would find nothing left to do and exit 0: a "go" to a shell or a
 * CI step. Should the process exit with 0 before `finished()` is called, `onUnfinished` says so and sets
 * a failing exit code.
 */
function failIfUnfinished(onUnfinished) {
    let done = false;
    // An exit that already fails (a usage error, a Node too old) was decided, not left behind.
    process.on('exit', code => {
        if (!done && code === 0)
            onUnfinished();
    });
    return { finished: () => (done = true) };
}
/** What is said of a run that stopped before it ended. */
const UNFINISHED = 'stopped before the run ended (it was left waiting on nothing: a bug, please report it); nothing was decided';

exports.UNFINISHED = UNFINISHED;
exports.failActionBeforeStart = failActionBeforeStart;
exports.failIfUnfinished = failIfUnfinished;
exports.firstLine = firstLine;
exports.nodeTooOld = nodeTooOld;
exports.reportActionNoGo = reportActionNoGo;

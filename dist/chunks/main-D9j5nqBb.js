'use strict';

var version = require('./version-Sfzk9NQZ.js');
var require$$0 = require('node:util');

/**
 * The CLI's flags, parsed once by the option table (core/option-table.ts): every flag of the table, by its
 * name. Light on purpose: `--version` and `--help` load nothing else.
 */
/** The flags as `parseArgs` takes them: switches are booleans, everything else a string. */
function parseArgsOptions() {
    return Object.fromEntries(version.cliFlags().map(({ flag, spec }) => [
        flag,
        spec.type === 'boolean'
            ? { type: 'boolean', ...(flag === 'help' ? { short: 'h' } : {}) }
            : { type: 'string' }
    ]));
}
function parseFlags(argv) {
    try {
        const { values } = require$$0.parseArgs({
            args: argv,
            strict: true,
            allowPositionals: false,
            options: parseArgsOptions()
        });
        return values;
    }
    catch (error) {
        throw new version.UsageError(version.describeError(error));
    }
}
/** A string flag's value (undefined when not given). */
function text(flags, key) {
    const value = flags[flagName(key)];
    return typeof value === 'string' ? value : undefined;
}
/** A switch's value (false when not given). */
function on(flags, key) {
    return flags[flagName(key)] === true;
}
function flagName(key) {
    const found = version.cliFlags().find(f => f.key === key);
    if (!found)
        throw new Error(`${key} is not a CLI flag`);
    return found.flag;
}
/** The first set environment variable an option names (its secrets: tokens, the webhook). */
function fromEnv(key) {
    const spec = version.OPTIONS[key];
    if (!('env' in spec))
        return undefined;
    return spec.env.map(name => process.env[name]).find(value => value !== undefined && value !== '');
}

/** Where the CLI writes: the process's streams, or a test's buffers. */
const processIO = {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    stdoutTTY: process.stdout.isTTY === true,
    stderrTTY: process.stderr.isTTY === true,
    // A pseudo-terminal without a size reports 0 columns: then COLUMNS, else the report's default (100).
    columns: process.stdout.columns || Number(process.env.COLUMNS) || undefined,
    // node:util decides per stream: a terminal that has colours, NO_COLOR off, FORCE_COLOR on.
    paint: (style, text) => require$$0.styleText(style, text, { stream: process.stdout })
};
/** The exit codes: 0 go (verify: verified), 1 no-go (not verified), 2 could not run. */
const EXIT = { go: 0, noGo: 1, error: 2 };

/**
 * The CLI adapter: flags → the same options → the same engine → stdout and an exit code
 * (0 go, 1 no-go, 2 usage or internal error). Progress goes to stderr, one line per check. This file reads
 * the flags and answers --version and --help; the run itself (engine, reports) loads only for a run.
 */
/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws. */
async function main(argv, io = processIO) {
    let stopProgress = () => undefined;
    try {
        const flags = parseFlags(argv);
        if (on(flags, 'help')) {
            const { helpText } = await Promise.resolve().then(function () { return require('./help-DiPZqfoz.js'); });
            io.stdout(`${helpText()}\n`);
            return EXIT.go;
        }
        if (on(flags, 'version')) {
            io.stdout(`${version.TOOL_NAME} ${version.TOOL_VERSION}\n`);
            return EXIT.go;
        }
        const { runCli } = await Promise.resolve().then(function () { return require('./run-YWaA9Bsu.js'); });
        return await runCli(flags, io, stop => (stopProgress = stop));
    }
    catch (error) {
        stopProgress();
        if (error instanceof version.UsageError) {
            io.stderr(`${version.TOOL_NAME}: ${error.message}\n${error.help ? `Run ${version.TOOL_NAME} --help for usage.\n` : ''}`);
        }
        else {
            io.stderr(`${version.TOOL_NAME}: internal error: ${version.describeError(error)}\n`);
        }
        return EXIT.error;
    }
}

var main$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    EXIT: EXIT,
    main: main
});

exports.EXIT = EXIT;
exports.fromEnv = fromEnv;
exports.main = main$1;
exports.on = on;
exports.processIO = processIO;
exports.text = text;

import { readFileSync, rmSync, statSync, mkdtempSync, mkdirSync, writeFileSync, readdirSync, lstatSync, existsSync } from 'node:fs';
import { join, sep, relative, dirname, isAbsolute, resolve, delimiter } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tmpdir, homedir } from 'node:os';
import { LineCounter, parseAllDocuments, isAlias, isMap as isMap$1, isPair, isScalar, isSeq, stringify, parseDocument, parse as parse$1 } from 'yaml';
import { parse, TomlError } from 'smol-toml';
import { parseEvents, EVENT_ID, SCALAR_STYLE_DOUBLE_QUOTED, SCALAR_STYLE_PLAIN, COLLECTION_STYLE_FLOW, constructFromEvents, CORE_SCHEMA } from 'js-yaml';
import { inflateRawSync, crc32 } from 'node:zlib';
import AdmZip from 'adm-zip';
import http from 'node:http';
import https from 'node:https';
import tls, { connect, createSecureContext } from 'node:tls';
import { stripVTControlCharacters } from 'node:util';
import wrapAnsi from 'wrap-ansi';
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import { statfs } from 'node:fs/promises';
import http2 from 'node:http2';
import { isIP } from 'node:net';
import { BinaryReader, WireType } from '@protobuf-ts/runtime';
import { KubeConfig } from '@kubernetes/client-node';
import { getOctokitOptions, GitHub } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { execFile } from 'node:child_process';

/**
 * Error types that cross module boundaries. Each message says what is wrong and how to fix it;
 * the cause (if any) is kept on `cause`.
 */
/** Invalid options or inputs: the user must change how the tool is called. CLI exit code 2. */
class UsageError extends Error {
    name = 'UsageError';
    /** False when the message says all there is to say (a path that does not exist): no "see --help". */
    help;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.help = options.help ?? true;
    }
}
/**
 * The bundle cannot be read safely (missing path, not a zip, unsafe entry, over a limit). Not a crash:
 * the engine turns it into a failing `bundle-unpack` result, so the decision is `no-go` with this message.
 */
class BundleError extends Error {
    name = 'BundleError';
    /** The offending archive entry or file, when there is one. */
    entry;
    hint;
    constructor(message, details = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.entry = details.entry;
        this.hint = details.hint;
    }
}
/** A one-line description of any thrown value, for messages. */
function describeError(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}

/**
 * A strict JSON scanner that only locates problems. `JSON.parse` gives the values, but its messages do
 * not always carry a position (e.g. "Unexpected end of JSON input") and it silently keeps the last of
 * duplicate keys — which would let two formats of one config "agree" while the file says two things.
 */
const MAX_DEPTH = 512;
/** Returns the first syntax error and every duplicate key, with byte offsets into `text`. */
function scanJson(text) {
    const duplicates = [];
    let pos = 0;
    const fail = (message, at = pos) => {
        throw Object.assign(new Error(message), { offset: at });
    };
    const skipWhitespace = () => {
        while (pos < text.length && ' \t\n\r'.includes(text[pos]))
            pos++;
    };
    const describe = (at) => at >= text.length ? 'end of input' : `${JSON.stringify(text[at])}`;
    const scanString = () => {
        const start = pos;
        pos++; // opening quote
        let out = '';
        while (pos < text.length) {
            const ch = text[pos];
            if (ch === '"') {
                pos++;
                return out;
            }
            if (ch === '\\') {
                const esc = text[pos + 1];
                if (esc === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6)))
                        fail('invalid \\u escape in string');
                    out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
                    pos += 6;
                    continue;
                }
                if (esc === undefined || !'"\\/bfnrt'.includes(esc))
                    fail('invalid escape in string', pos);
                out += esc;
                pos += 2;
                continue;
            }
            if (ch < ' ')
                fail('control character (e.g. a raw newline) inside a string');
            out += ch;
            pos++;
        }
        return fail('unterminated string', start);
    };
    const scanNumber = () => {
        const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
        if (!match || match[0] === '' || match[0] === '-')
            fail(`unexpected ${describe(pos)}`);
        pos += match[0].length;
    };
    const scanValue = (depth) => {
        if (depth > MAX_DEPTH)
            fail(`nesting deeper than ${MAX_DEPTH} levels`);
        skipWhitespace();
        const ch = text[pos];
        if (ch === '{')
            return scanObject(depth);
        if (ch === '[')
            return scanArray(depth);
        if (ch === '"') {
            scanString();
            return;
        }
        if (ch === '-' || (ch >= '0' && ch <= '9'))
            return scanNumber();
        for (const word of ['true', 'false', 'null']) {
            if (text.startsWith(word, pos)) {
                pos += word.length;
                return;
            }
        }
        fail(`unexpected ${describe(pos)}, expected a value`);
    };
    const scanObject = (depth) => {
        pos++;
        const keys = new Set();
        skipWhitespace();
        if (text[pos] === '}') {
            pos++;
            return;
        }
        for (;;) {
            skipWhitespace();
            if (text[pos] !== '"')
                fail(`unexpected ${describe(pos)}, expected a "quoted" key`);
            const keyAt = pos;
            const key = scanString();
            if (keys.has(key))
                duplicates.push({ message: `duplicate key "${key}"`, offset: keyAt });
            keys.add(key);
            skipWhitespace();
            if (text[pos] !== ':')
                fail(`unexpected ${describe(pos)}, expected ':' after key "${key}"`);
            pos++;
            scanValue(depth + 1);
            skipWhitespace();
            if (text[pos] === ',') {
                const comma = pos++;
                skipWhitespace();
                if (text[pos] === '}')
                    fail('trailing comma before }', comma);
                continue;
            }
            if (text[pos] === '}') {
                pos++;
                return;
            }
            fail(`unexpected ${describe(pos)}, expected ',' or '}'`);
        }
    };
    const scanArray = (depth) => {
        pos++;
        skipWhitespace();
        if (text[pos] === ']') {
            pos++;
            return;
        }
        for (;;) {
            scanValue(depth + 1);
            skipWhitespace();
            if (text[pos] === ',') {
                const comma = pos++;
                skipWhitespace();
                if (text[pos] === ']')
                    fail('trailing comma before ]', comma);
                continue;
            }
            if (text[pos] === ']') {
                pos++;
                return;
            }
            fail(`unexpected ${describe(pos)}, expected ',' or ']'`);
        }
    };
    try {
        scanValue(0);
        skipWhitespace();
        if (pos < text.length)
            fail(`unexpected ${describe(pos)} after the end of the JSON value`);
        return { duplicates };
    }
    catch (error) {
        const { message, offset } = error;
        return { syntax: { message, offset }, duplicates };
    }
}
/** 1-based line and column of a character offset. */
function lineColumnAt(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text[i] === '\n') {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}

/**
 * A fast first reading of plain YAML: js-yaml's event parser and constructor (YAML 1.2, core schema),
 * about three times faster than `yaml` on a cold start, where a preflight spends its time. It answers
 * only for text inside a plain subset where the two parsers were shown to agree on every document's
 * value and on whether it is valid at all (the differential test in __tests__/fast-yaml.test.ts, and
 * millions of mutated bundles before it); anything else — a tag, an anchor, a directive, a tab, an
 * escape beyond \" \\ \/ \n \r \t, a key that is not plainly a string, a number too big for a double, a
 * flow collection that does not end on its own line, an error — gets undefined, and `yaml` reads it with
 * the exact messages and positions the findings quote.
 */
/** Text characters the subset leaves to `yaml`: tabs, a byte-order mark, a carriage return alone. */
const UNUSUAL_CHARACTER = /[\t\ufeff]|\r(?!\n)/;
/** A document marker other than a bare `---` at the start of a line (`...`, an indented one, content after it). */
const UNUSUAL_MARKER = /^(?:[ ]*\.\.\.|[ ]+---)(?:[ \r\n]|$)|^---[ ]+[^ \r\n#]/m;
/** A plain key that the core schema might read as other than a string (a number, null, a boolean, empty). */
const STRING_KEY = /^[A-Za-z_$/]/;
const NOT_A_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** What the core schema reads as a number: such a scalar is left to `yaml` when a double cannot hold it. */
const NUMBER = /^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** Double-quoted escapes both parsers read alike. */
const UNUSUAL_ESCAPE = /\\[^"\\/nrt]/;
const bigNumber = (source) => NUMBER.test(source) && (source.length > 15 || !Number.isFinite(Number(source)));
/**
 * Where the flow collection opening at `start` closes on its own line (quotes skipped), or -1 when it
 * does not close there.
 */
function flowEnd(text, start) {
    let depth = 0;
    let quote;
    for (let i = start; i < text.length; i++) {
        const c = text[i];
        if (c === '\n' || c === '\r')
            return -1;
        if (quote) {
            if (quote === "'" && c === "'" && text[i + 1] === "'")
                i++;
            else if (quote === '"' && c === '\\')
                i++;
            else if (c === quote)
                quote = undefined;
            continue;
        }
        // A quote opens a scalar only where one can start: after an indicator or a space.
        if ((c === '"' || c === "'") && /[[{,:\s]/.test(text[i - 1]))
            quote = c;
        else if (c === '[' || c === '{')
            depth++;
        else if (c === ']' || c === '}') {
            if (--depth === 0)
                return i;
        }
    }
    return -1;
}
/** A flow collection in block context must end its line (a comment may follow). */
function flowEndsLine(text, start) {
    const end = flowEnd(text, start);
    if (end < 0)
        return false;
    const rest = /^[^\r\n]*/.exec(text.slice(end + 1))[0];
    return /^(?:[ ]+#.*)?[ ]*$/.test(rest);
}
/** The documents of `text` when it is inside the plain subset, else undefined (read it with `yaml`). */
function fastYaml(text) {
    if (UNUSUAL_CHARACTER.test(text) || UNUSUAL_MARKER.test(text))
        return undefined;
    let events;
    try {
        events = parseEvents(text, {});
    }
    catch {
        return undefined;
    }
    const starts = [];
    let awaitingContent = false;
    // Per open collection: for a mapping, whether its next node is a key; null for a sequence. Flow
    // collections inside a flow collection are checked with it, as one.
    const open = [];
    for (const event of events) {
        if (event.type === EVENT_ID.DOCUMENT) {
            if (event.directives.length > 0)
                return undefined;
            starts.push(-1);
            awaitingContent = true;
            continue;
        }
        if (event.type === EVENT_ID.POP) {
            open.pop();
            continue;
        }
        if (event.type === EVENT_ID.ALIAS || event.tagStart !== -1 || event.anchorStart !== -1)
            return undefined;
        const start = event.type === EVENT_ID.SCALAR ? event.valueStart : event.start;
        if (awaitingContent) {
            // A document that is one block scalar: `yaml` places it at its header, js-yaml at its text.
            if (event.type === EVENT_ID.SCALAR && event.style > SCALAR_STYLE_DOUBLE_QUOTED)
                return undefined;
            starts[starts.length - 1] = start;
            awaitingContent = false;
        }
        if (event.type === EVENT_ID.SCALAR) {
            const source = text.slice(event.valueStart, event.valueEnd);
            if (event.style === SCALAR_STYLE_PLAIN && bigNumber(source))
                return undefined;
            if (event.style === SCALAR_STYLE_DOUBLE_QUOTED && UNUSUAL_ESCAPE.test(source))
                return undefined;
        }
        const parent = open[open.length - 1];
        if (parent && parent.key !== null) {
            if (parent.key) {
                if (event.type !== EVENT_ID.SCALAR)
                    return undefined;
                const source = text.slice(event.valueStart, event.valueEnd);
                if (/[\r\n]/.test(source))
                    return undefined;
                if (event.style === SCALAR_STYLE_PLAIN && (!STRING_KEY.test(source) || NOT_A_STRING.test(source)))
                    return undefined;
            }
            parent.key = !parent.key;
        }
        if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
            const flow = event.style === COLLECTION_STYLE_FLOW;
            if (flow && !parent?.flow && !flowEndsLine(text, start))
                return undefined;
            open.push({ key: event.type === EVENT_ID.MAPPING ? true : null, flow: flow || parent?.flow === true });
        }
    }
    let values;
    try {
        values = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 });
    }
    catch {
        return undefined;
    }
    const documents = [];
    values.forEach((value, index) => {
        if (value === null || value === undefined)
            return;
        const start = starts[index] ?? -1;
        documents.push({ index, line: start >= 0 ? lineColumnAt(text, start).line : 1, value });
    });
    return documents;
}

/**
 * Maps a key path (as the checks see a parsed value) back to a line and column in the bundle file, so a
 * finding can point at `namespace:` itself rather than at the start of the document. Each format has its
 * own small locator; all of them are linear scans and none of them throws.
 */
/**
 * Returns a function that locates a key path within document `docIndex` (0-based; YAML multi-document
 * files; always 0 for JSON/TOML) of `text`.
 * The text is parsed lazily, once, on the first call (never at creation), and never throws: on unparsable
 * text it returns undefined.
 * For a map entry the position is that of its KEY (e.g. the `n` of `namespace: x`); for an array element,
 * the start of the element (for YAML block sequences the element's node, i.e. after "- ").
 */
function createLocator(format, text) {
    const build = { yaml: yamlLocator, json: jsonLocator, toml: tomlLocator }[format];
    let locate;
    return (path, docIndex = 0) => {
        try {
            locate ??= build(text);
            return locate(path, docIndex);
        }
        catch {
            // Defensive: a locator is a nicety for annotations and must never fail a run.
            return undefined;
        }
    };
}
/** A LineCounter filled by hand, for the formats that do not go through the yaml parser. */
function countLines(text) {
    const counter = new LineCounter();
    counter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        counter.addNewLine(i + 1);
    return counter;
}
/**
 * The walk all three formats share: from the document root, `step` finds a segment's child (with the
 * offset to report); where it finds none, the deepest offset reached is reported as inexact.
 */
function follow(counter, root, path, step) {
    let node = root;
    let exact = true;
    for (const segment of path) {
        const next = step(node, segment);
        if (!next) {
            exact = false;
            break;
        }
        node = next;
    }
    const { line, col } = counter.linePos(node.at);
    return { line, column: col, exact };
}
/** A numeric array index from a path segment; -1 when it is not one. */
const indexOf = (segment) => typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
/** The value of a quoted JSON string (TOML basic strings share most escapes); undefined if invalid. */
function unquote(raw) {
    try {
        return JSON.parse(raw);
    }
    catch {
        return undefined;
    }
}
// ---------------------------------------------------------------------------------------------- YAML
function yamlLocator(text) {
    const counter = new LineCounter();
    const parsed = parseAllDocuments(text, { uniqueKeys: true, strict: true, lineCounter: counter });
    // An empty file gives an EmptyStream; the index of a document counts empty documents too, like parse.ts.
    const docs = Array.isArray(parsed) ? parsed : [];
    return (path, docIndex) => {
        const doc = docs[docIndex];
        // A document with errors is not checked (parse.ts skips it), so there is nothing to point into.
        if (!doc || doc.errors.length > 0)
            return undefined;
        const root = { at: doc.contents?.range?.[0] ?? 0, node: doc.contents };
        return follow(counter, root, path, ({ node }, segment) => {
            if (isAlias(node))
                node = node.resolve(doc);
            if (isMap$1(node)) {
                const pair = node.items.find(item => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
                return pair && located(pair.key, pair.value);
            }
            if (!isSeq(node))
                return undefined;
            const item = node.items[indexOf(segment)];
            return located(item, item);
        });
    };
}
/** The step result for a YAML node: reported at `where`'s start, continuing into `node`. */
function located(where, node) {
    const at = where?.range?.[0];
    return at === undefined ? undefined : { at, node };
}
// ---------------------------------------------------------------------------------------------- JSON
/**
 * Follows the path through the text without building values, and stops as soon as the path is found:
 * nothing after it needs to be valid. Skipped values are only bracket-matched, not validated (scanJson
 * reports syntax errors); on anything unexpected the deepest position reached so far is returned.
 */
function jsonLocator(text) {
    const counter = countLines(text);
    return (path, docIndex) => {
        let pos = 0;
        const skipSpace = () => {
            while (pos < text.length && ' \t\n\r'.includes(text[pos]))
                pos++;
        };
        const readString = () => {
            const start = pos++;
            while (pos < text.length && text[pos] !== '"')
                pos += text[pos] === '\\' ? 2 : 1;
            return pos++ < text.length ? unquote(text.slice(start, pos)) : undefined;
        };
        // Moves to the ',' or closer that ends the current value, at its own nesting level (or to the end).
        const skipValue = () => {
            for (let depth = 0; pos < text.length;) {
                const ch = text[pos];
                if (ch === '"')
                    readString();
                else if (depth === 0 && ',}]'.includes(ch))
                    return;
                else {
                    depth += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0;
                    pos++;
                }
            }
        };
        // With pos on '{': leaves pos on the value of the first member named `key`, returns the key's offset.
        const findMember = (key) => {
            for (;;) {
                pos++; // past '{' or ','
                skipSpace();
                const at = pos;
                if (text[pos] !== '"')
                    return undefined;
                const name = readString();
                skipSpace();
                if (text[pos++] !== ':')
                    return undefined;
                skipSpace();
                if (name === key)
                    return at;
                skipValue();
                if (text[pos] !== ',')
                    return undefined;
            }
        };
        // With pos on '[': leaves pos on element `index`, returns its offset.
        const findElement = (index) => {
            for (let i = 0;; i++) {
                pos++; // past '[' or ','
                skipSpace();
                if (pos >= text.length || text[pos] === ']' || index < 0)
                    return undefined;
                if (i === index)
                    return pos;
                skipValue();
                if (text[pos] !== ',')
                    return undefined;
            }
        };
        skipSpace();
        if (docIndex !== 0 || !/^(["{[\-\d]|true|false|null)/.test(text.slice(pos, pos + 5)))
            return undefined;
        return follow(counter, { at: pos }, path, (_, segment) => {
            const ch = text[pos];
            const at = ch === '{' ? findMember(String(segment)) : ch === '[' ? findElement(indexOf(segment)) : undefined;
            return at === undefined ? undefined : { at };
        });
    };
}
/** The node for `name` under `parent`, created on first sight; the first occurrence keeps its offset. */
function child(parent, name, at) {
    let node = parent.kids.get(name);
    if (!node)
        parent.kids.set(name, (node = { at, kids: new Map() }));
    return node;
}
const MAX_TOML_DEPTH = 100;
const BARE_KEY = /[A-Za-z0-9_-]+/y;
/**
 * One pass over the text that indexes every key offset; it understands headers, dotted and quoted keys,
 * and reads values token by token, so lines inside multi-line strings and arrays are never taken for keys.
 * On anything it does not understand it stops, keeping what was indexed before: a wrong position would be
 * worse than the parent's. Linear: every character is consumed once.
 */
function indexToml(text) {
    const root = { at: 0, kids: new Map() };
    let pos = 0;
    const stop = () => {
        throw new Error('stop');
    };
    const skipBlank = (newlines) => {
        for (;;) {
            const ch = text[pos];
            if (ch === ' ' || ch === '\t' || (newlines && (ch === '\n' || ch === '\r')))
                pos++;
            else if (ch === '#')
                while (pos < text.length && text[pos] !== '\n')
                    pos++;
            else
                return;
        }
    };
    const readKey = () => {
        const keys = [];
        for (;;) {
            skipBlank(false);
            const at = pos;
            const ch = text[pos];
            if (ch === '"' || ch === "'") {
                // A TOML-only escape (such as \U0001F600) keeps its raw spelling.
                const raw = text.slice(pos, skipString());
                keys.push({ name: (ch === '"' && unquote(raw)) || raw.slice(1, -1), at });
            }
            else {
                BARE_KEY.lastIndex = pos;
                const bare = BARE_KEY.exec(text)?.[0] ?? stop();
                keys.push({ name: bare, at });
                pos += bare.length;
            }
            skipBlank(false);
            if (text[pos] !== '.')
                return keys;
            pos++;
        }
    };
    // Skips a string starting at pos (any of the four kinds) and returns the offset after it.
    const skipString = () => {
        const quote = text[pos];
        const triple = text.startsWith(quote.repeat(3), pos);
        for (pos += triple ? 3 : 1;;) {
            if (pos >= text.length || (!triple && text[pos] === '\n'))
                stop();
            if (quote === '"' && text[pos] === '\\')
                pos += 2;
            else if (text[pos] !== quote)
                pos++;
            else {
                // Up to two quotes may precede a closing """: `""""` ends with a quote in the content.
                let run = 1;
                while (triple && run < 5 && text[pos + run] === quote)
                    run++;
                pos += run;
                if (!triple || run >= 3)
                    return pos;
            }
        }
    };
    const walk = (base, keys) => keys.reduce((node, key) => {
        const next = child(node, key.name, key.at);
        // `[a.b]` after `[[a]]` means a table inside the latest element of a.
        return next.count === undefined ? next : (next.kids.get(String(next.count - 1)) ?? next);
    }, base);
    const readValue = (node, depth) => {
        if (depth > MAX_TOML_DEPTH)
            stop();
        const ch = text[pos];
        if (ch === '"' || ch === "'")
            skipString();
        else if (ch === '[' || ch === '{') {
            const close = ch === '[' ? ']' : '}';
            pos++;
            for (let i = 0;; i++) {
                skipBlank(true); // newlines inside inline tables are TOML 1.1, harmless to accept
                if (text[pos] === close)
                    break;
                if (ch === '[')
                    readValue(child(node, String(i), pos), depth + 1);
                else
                    readKeyValue(node, depth + 1);
                skipBlank(true);
                if (text[pos] === ',')
                    pos++;
                else if (text[pos] !== close)
                    stop();
            }
            pos++;
        }
        else {
            // Numbers, booleans and dates (which may contain a space) run up to a separator.
            const start = pos;
            while (pos < text.length && !',]}#\r\n'.includes(text[pos]))
                pos++;
            if (pos === start)
                stop();
        }
    };
    const readKeyValue = (table, depth) => {
        const node = walk(table, readKey());
        if (text[pos++] !== '=')
            stop();
        skipBlank(false);
        readValue(node, depth);
    };
    const readHeader = () => {
        const start = pos;
        const array = text.startsWith('[[', pos);
        pos += array ? 2 : 1;
        const keys = readKey();
        if (!text.startsWith(array ? ']]' : ']', pos))
            stop();
        pos += array ? 2 : 1;
        if (!array)
            return walk(root, keys);
        const last = keys.pop();
        const list = child(walk(root, keys), last.name, last.at);
        list.count = (list.count ?? 0) + 1;
        return child(list, String(list.count - 1), start);
    };
    try {
        let table = root;
        for (;;) {
            skipBlank(true);
            if (pos >= text.length)
                break;
            if (text[pos] === '[')
                table = readHeader();
            else
                readKeyValue(table, 0);
            skipBlank(false);
            if (pos < text.length && text[pos] !== '\n' && text[pos] !== '\r')
                stop();
        }
    }
    catch {
        // Stopped on something unexpected: keep the index built so far.
    }
    return root;
}
function tomlLocator(text) {
    const counter = countLines(text);
    const root = indexToml(text);
    return (path, docIndex) => docIndex === 0
        ? follow(counter, root, path, (node, segment) => node.kids.get(String(segment)))
        : undefined;
}

/**
 * Parses bundle files (YAML multi-document, JSON, TOML) into plain values, with every problem located
 * by file, line and column. Parsing never throws: problems are returned as findings.
 */
/** A position for a finding at `path`: the node's own line and column, else its document's start. */
function positionOf(parsed, path, doc = { index: 0, line: 1 }) {
    const found = parsed.locate(path, doc.index);
    return found
        ? { file: parsed.file, line: found.line, column: found.column }
        : { file: parsed.file, line: doc.line };
}
/** YAML aliases may expand to at most this many nodes per document (a "billion laughs" bound). */
const MAX_YAML_ALIAS_COUNT = 100;
/** The format a file name implies, or undefined for files we do not parse. */
function formatOf(file) {
    const lower = file.toLowerCase();
    if (lower.endsWith('.yaml') || lower.endsWith('.yml'))
        return 'yaml';
    if (lower.endsWith('.json'))
        return 'json';
    if (lower.endsWith('.toml'))
        return 'toml';
    return undefined;
}
/** A parse result with nothing in it yet; `text` is kept only by the locator, for positions. */
function emptyParse(file, format, text) {
    const locate = text === undefined ? () => undefined : createLocator(format, text);
    return { file, format, documents: [], errors: [], warnings: [], locate };
}
function firstLine$1(message) {
    return message
        .split('\n')[0]
        .replace(/ at line \d+, column \d+:?$/, '')
        .trim();
}
function parseYaml(file, text) {
    const result = emptyParse(file, 'yaml', text);
    // Plain YAML (nearly every bundle) is read by the fast parser; the rest, errors included, by `yaml`.
    const fast = fastYaml(text);
    if (fast) {
        result.documents.push(...fast);
        return result;
    }
    const toFinding = (problem, severity) => {
        const pos = problem.linePos?.[0];
        return {
            severity,
            file,
            line: pos?.line,
            column: pos?.col,
            message: `${firstLine$1(problem.message)} (${problem.code})`
        };
    };
    const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true, strict: true });
    // An empty file parses to an EmptyStream: no documents and no errors.
    const list = Array.isArray(docs) ? docs : [];
    list.forEach((doc, index) => {
        result.errors.push(...doc.errors.map(e => toFinding(e, 'error')));
        result.warnings.push(...doc.warnings.map(w => toFinding(w, 'warning')));
        if (doc.errors.length > 0)
            return;
        const line = doc.contents?.range ? lineColumnAt(text, doc.contents.range[0]).line : 1;
        try {
            const value = doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
            if (value !== null && value !== undefined)
                result.documents.push({ index, line, value });
        }
        catch (error) {
            // toJS throws on excessive alias expansion (resource exhaustion) and on unresolved aliases.
            result.errors.push({
                severity: 'error',
                file,
                line,
                column: 1,
                message: `document ${index + 1}: ${firstLine$1(error instanceof Error ? error.message : String(error))}`
            });
        }
    });
    return result;
}
function parseJson(file, text) {
    const result = emptyParse(file, 'json', text);
    const { syntax, duplicates } = scanJson(text);
    const locate = (message, offset) => ({
        severity: 'error',
        file,
        ...lineColumnAt(text, offset),
        message
    });
    if (syntax) {
        result.errors.push(locate(`invalid JSON: ${syntax.message}`, syntax.offset));
        return result;
    }
    result.errors.push(...duplicates.map(d => locate(d.message, d.offset)));
    if (result.errors.length === 0)
        result.documents.push({ index: 0, line: 1, value: JSON.parse(text) });
    return result;
}
function parseTomlFile(file, text) {
    const result = emptyParse(file, 'toml', text);
    try {
        result.documents.push({ index: 0, line: 1, value: parse(text) });
    }
    catch (error) {
        if (error instanceof TomlError) {
            result.errors.push({
                severity: 'error',
                file,
                line: error.line,
                column: error.column,
                message: `invalid TOML: ${firstLine$1(error.message).replace(/^Invalid TOML document: /, '')}`
            });
        }
        else {
            result.errors.push({
                severity: 'error',
                file,
                line: 1,
                column: 1,
                message: `invalid TOML: ${String(error)}`
            });
        }
    }
    return result;
}
/** Parses `text` (already decoded, BOM removed) as the format its file name implies. */
function parseText(file, text, format) {
    switch (format) {
        case 'yaml':
            return parseYaml(file, text);
        case 'json':
            return parseJson(file, text);
        case 'toml':
            return parseTomlFile(file, text);
    }
}

/**
 * A bundle whose files have been located on disk. Files are read and parsed lazily and at most once,
 * so checks running concurrently share one parse of each file.
 */
const utf8$1 = new TextDecoder('utf-8', { fatal: true });
class Bundle {
    source;
    root;
    files;
    ownedDir;
    parsedFiles = new Map();
    texts = new Map();
    /**
     * @param source where the bundle came from (for reports)
     * @param root the folder holding the bundle's files (after descending into a single top-level folder)
     * @param files paths relative to `root`, `/`-separated, sorted
     * @param ownedDir a temp dir this bundle created and removes on `cleanup()`
     */
    constructor(source, root, files, ownedDir) {
        this.source = source;
        this.root = root;
        this.files = files;
        this.ownedDir = ownedDir;
    }
    has(file) {
        return this.files.includes(file);
    }
    /** Absolute path of a bundle file. */
    pathOf(file) {
        return join(this.root, ...file.split('/'));
    }
    /** A file's text, decoded as UTF-8 (BOM removed). Throws when it is not valid UTF-8. */
    text(file) {
        const cached = this.texts.get(file);
        if (cached !== undefined)
            return cached;
        const text = utf8$1.decode(readFileSync(this.pathOf(file))).replace(/^\uFEFF/, '');
        this.texts.set(file, text);
        return text;
    }
    /**
     * Parses a YAML/JSON/TOML file once and caches the result. Undecodable text (not UTF-8) is reported
     * as an error finding, like a syntax error.
     */
    parsed(file) {
        const cached = this.parsedFiles.get(file);
        if (cached)
            return cached;
        const format = formatOf(file);
        if (!format)
            throw new Error(`internal: ${file} is not a YAML, JSON or TOML file`);
        let result;
        try {
            result = parseText(file, this.text(file), format);
        }
        catch (error) {
            const finding = {
                severity: 'error',
                file,
                line: 1,
                column: 1,
                message: error.code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
                    ? 'file is not valid UTF-8 text'
                    : `cannot read file: ${error instanceof Error ? error.message : String(error)}`
            };
            result = { ...emptyParse(file, format), errors: [finding] };
        }
        this.parsedFiles.set(file, result);
        return result;
    }
    /** Removes the temp dir this bundle extracted into (a no-op for directory bundles). */
    cleanup() {
        if (this.ownedDir)
            rmSync(this.ownedDir, { recursive: true, force: true });
    }
}

const MiB = 1024 * 1024;
/** Generous for a bundle of manifests and configs (the example is ~40 KB), tight for a bomb. */
const DEFAULT_BUNDLE_LIMITS = Object.freeze({
    maxArchiveBytes: 256 * MiB,
    maxEntries: 1000,
    maxTotalBytes: 256 * MiB,
    maxCompressionRatio: 250,
    ratioMinBytes: 1 * MiB
});

/**
 * Extracts a zip into a fresh temporary directory, refusing anything that could write outside it or
 * exhaust the machine. Every entry is validated from the central directory BEFORE anything is written,
 * so a refused archive leaves nothing behind; sizes are enforced while inflating too, because headers lie.
 */
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
/**
 * Splits an entry name into safe path segments, or says why it is unsafe.
 * Backslashes count as separators: archives made on Windows use them, and so do attacks.
 */
function entryPathSegments(name) {
    if (name.includes('\0'))
        return { problem: 'contains a NUL byte' };
    if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name))
        return { problem: 'is an absolute path' };
    const segments = name.split(/[/\\]+/).filter(part => part !== '' && part !== '.');
    if (segments.includes('..'))
        return { problem: 'contains a ".." segment (zip-slip)' };
    if (segments.length === 0)
        return { problem: 'has an empty name' };
    return { segments };
}
function readEntries(zip) {
    try {
        return zip.getEntries();
    }
    catch (error) {
        // adm-zip reads the central directory lazily; it throws here on duplicate names and bad headers.
        throw new BundleError(`refusing zip: ${describeError(error).replace(/^ADM-ZIP: /, '')}. Nothing was extracted.`, {
            cause: error
        });
    }
}
function plan(zip, limits) {
    const entries = readEntries(zip);
    if (entries.length > limits.maxEntries) {
        throw new BundleError(`zip has ${entries.length} entries; the limit is ${limits.maxEntries}. A deployment bundle holds a few dozen files: check that the right archive was given.`);
    }
    const seen = new Set();
    let declaredTotal = 0;
    const planned = [];
    for (const entry of entries) {
        const name = entry.entryName;
        const parsed = entryPathSegments(name);
        if ('problem' in parsed) {
            throw new BundleError(`refusing zip entry "${name}": it ${parsed.problem}. Nothing was extracted.`, {
                entry: name
            });
        }
        const fileType = (entry.header.attr >>> 16) & S_IFMT;
        if (fileType === S_IFLNK) {
            throw new BundleError(`refusing zip entry "${name}": it is a symbolic link. Bundles must hold regular files only. Nothing was extracted.`, { entry: name });
        }
        if (fileType !== 0 && fileType !== S_IFREG && fileType !== S_IFDIR) {
            throw new BundleError(`refusing zip entry "${name}": it is not a regular file or folder.`, {
                entry: name
            });
        }
        if (entry.header.encrypted) {
            throw new BundleError(`refusing zip entry "${name}": it is encrypted.`, { entry: name });
        }
        const key = parsed.segments.join('/');
        if (seen.has(key)) {
            throw new BundleError(`refusing zip: entry "${name}" appears more than once.`, { entry: name });
        }
        seen.add(key);
        const isDirectory = entry.isDirectory || fileType === S_IFDIR;
        if (!isDirectory) {
            const method = entry.header.method;
            if (method !== METHOD_STORED && method !== METHOD_DEFLATED) {
                throw new BundleError(`refusing zip entry "${name}": compression method ${method} is not supported (use deflate).`, {
                    entry: name
                });
            }
            const size = entry.header.size;
            const compressed = Math.max(entry.header.compressedSize, 1);
            declaredTotal += size;
            if (declaredTotal > limits.maxTotalBytes) {
                throw new BundleError(`refusing zip: total uncompressed size exceeds ${limits.maxTotalBytes} bytes at entry "${name}" (zip bomb?).`, { entry: name });
            }
            if (size >= limits.ratioMinBytes && size / compressed > limits.maxCompressionRatio) {
                throw new BundleError(`refusing zip entry "${name}": compression ratio ${Math.round(size / compressed)}:1 exceeds ${limits.maxCompressionRatio}:1 (zip bomb?).`, { entry: name });
            }
        }
        planned.push({ entry, segments: parsed.segments, isDirectory });
    }
    return planned;
}
/** Inflates one entry, trusting neither its declared size nor its data: size and CRC are checked. */
function inflateEntry(entry, limits, remaining) {
    const name = entry.entryName;
    const declared = entry.header.size;
    if (declared > remaining) {
        throw new BundleError(`refusing zip: total uncompressed size exceeds ${limits.maxTotalBytes} bytes.`, {
            entry: name
        });
    }
    const raw = entry.getCompressedData();
    let data;
    if (entry.header.method === METHOD_STORED) {
        data = raw;
    }
    else {
        try {
            // One byte more than declared, so that a lying header is detected instead of trusted.
            data = inflateRawSync(raw, { maxOutputLength: declared + 1 });
        }
        catch (error) {
            throw new BundleError(`zip entry "${name}" is corrupt or larger than its header says (${describeError(error)}).`, {
                entry: name,
                cause: error
            });
        }
    }
    if (data.length !== declared) {
        throw new BundleError(`zip entry "${name}" holds ${data.length} bytes but its header says ${declared}.`, {
            entry: name
        });
    }
    if (crc32(data) >>> 0 !== entry.header.crc >>> 0) {
        throw new BundleError(`zip entry "${name}" failed its CRC check: the archive is corrupt.`, {
            entry: name
        });
    }
    return data;
}
/**
 * Extracts `zipPath` into a new directory under `parentDir` (default: the OS temp dir).
 * Throws `BundleError` naming the offending entry; on any error the new directory is removed.
 */
function extractZipSafely(zipPath, limits = DEFAULT_BUNDLE_LIMITS, parentDir = tmpdir()) {
    const size = statSync(zipPath).size;
    if (size > limits.maxArchiveBytes) {
        throw new BundleError(`zip "${zipPath}" is ${size} bytes; the limit is ${limits.maxArchiveBytes}.`);
    }
    let zip;
    try {
        zip = new AdmZip(readFileSync(zipPath));
    }
    catch (error) {
        throw new BundleError(`"${zipPath}" is not a readable zip archive (${describeError(error)}).`, {
            cause: error,
            hint: 'Pass the deployment-artifacts .zip as produced by CI, or a directory holding its files.'
        });
    }
    const planned = plan(zip, limits);
    const dir = mkdtempSync(join(parentDir, 'vapora-bundle-'));
    const files = [];
    try {
        let remaining = limits.maxTotalBytes;
        for (const item of planned) {
            const target = join(dir, ...item.segments);
            // Belt and braces: the segments were validated, but the final path must still be inside `dir`.
            if (!target.startsWith(dir + sep)) {
                throw new BundleError(`refusing zip entry "${item.entry.entryName}": it resolves outside the bundle.`, {
                    entry: item.entry.entryName
                });
            }
            if (item.isDirectory) {
                mkdirSync(target, { recursive: true });
                continue;
            }
            const data = inflateEntry(item.entry, limits, remaining);
            remaining -= data.length;
            mkdirSync(join(dir, ...item.segments.slice(0, -1)), { recursive: true });
            // 'wx' never overwrites and never follows an existing link.
            writeFileSync(target, data, { flag: 'wx', mode: 0o644 });
            files.push(item.segments.join('/'));
        }
    }
    catch (error) {
        rmSync(dir, { recursive: true, force: true });
        if (error instanceof BundleError)
            throw error;
        throw new BundleError(`could not extract "${zipPath}": ${describeError(error)}`, { cause: error });
    }
    return { dir, files };
}

/**
 * Turns a user-given path (a .zip or a directory) into a `Bundle`: safe extraction for zips, a bounded
 * walk for directories, and the "files may sit under one top-level folder" rule.
 */
/** Files that archivers and desktops add and nobody means to ship. */
const JUNK = /(^|\/)(__MACOSX\/.*|\.DS_Store|Thumbs\.db|desktop\.ini)$/;
/** Lists regular files under `dir` (relative, `/`-separated), refusing symlinks and enforcing limits. */
function walkDirectory(dir, limits) {
    const files = [];
    let totalBytes = 0;
    const visit = (current) => {
        for (const dirent of readdirSync(current, { withFileTypes: true })) {
            const full = join(current, dirent.name);
            const rel = relative(dir, full).split(sep).join('/');
            const stat = lstatSync(full);
            if (stat.isSymbolicLink()) {
                throw new BundleError(`bundle file "${rel}" is a symbolic link; bundles must hold regular files only.`, {
                    entry: rel,
                    hint: 'Replace the link with the file it points to.'
                });
            }
            if (stat.isDirectory()) {
                visit(full);
                continue;
            }
            if (!stat.isFile())
                throw new BundleError(`bundle entry "${rel}" is not a regular file.`, { entry: rel });
            files.push(rel);
            totalBytes += stat.size;
            if (files.length > limits.maxEntries) {
                throw new BundleError(`bundle directory holds more than ${limits.maxEntries} files; is "${dir}" really the deployment bundle?`);
            }
            if (totalBytes > limits.maxTotalBytes) {
                throw new BundleError(`bundle directory holds more than ${limits.maxTotalBytes} bytes.`, {
                    entry: rel
                });
            }
        }
    };
    visit(dir);
    return files;
}
/**
 * Where the bundle's files start: the top level, or the single top-level folder when the archive wraps
 * everything in one (as `zip -r deployment-artifacts.zip deployment-artifacts/` does).
 */
function findRoot(files, expected) {
    const useful = files.filter(f => !JUNK.test(f));
    const topLevelFiles = useful.filter(f => !f.includes('/'));
    const folders = new Set(useful.filter(f => f.includes('/')).map(f => f.split('/')[0]));
    const expectedAtTop = topLevelFiles.some(f => expected.includes(f));
    if (!expectedAtTop && topLevelFiles.length === 0 && folders.size === 1) {
        const [folder] = folders;
        const prefix = `${folder}/`;
        return { prefix, files: useful.map(f => f.slice(prefix.length)).sort() };
    }
    return { prefix: '', files: useful.sort() };
}
/**
 * Opens the bundle at `path`. Zips are extracted into a fresh directory under `workDir`.
 * Throws `BundleError` with an actionable message for anything unreadable or unsafe.
 */
function acquireBundle(path, expected, limits, workDir = tmpdir()) {
    let isDirectory;
    try {
        isDirectory = statSync(path).isDirectory();
    }
    catch (error) {
        throw new BundleError(`bundle path "${path}" does not exist or cannot be read.`, {
            cause: error,
            hint: 'Pass the deployment-artifacts .zip or the directory it was extracted to.'
        });
    }
    if (isDirectory) {
        const { prefix, files } = findRoot(walkDirectory(path, limits), expected);
        const root = prefix ? join(path, prefix) : path;
        return new Bundle({ kind: 'directory', path, root, files }, root, files);
    }
    const extracted = extractZipSafely(path, limits, workDir);
    const { prefix, files } = findRoot(extracted.files, expected);
    const root = prefix ? join(extracted.dir, prefix) : extracted.dir;
    if (files.length === 1 && files[0].toLowerCase().endsWith('.zip') && !expected.includes(files[0])) {
        // A zip holding only a zip: what GitHub serves when the build uploaded deployment-artifacts.zip
        // itself as the artifact. Unpack the inner one (once, with the same limits) into the same temp dir.
        const inner = extractZipSafely(join(root, files[0]), limits, extracted.dir);
        const nested = findRoot(inner.files, expected);
        const innerRoot = nested.prefix ? join(inner.dir, nested.prefix) : inner.dir;
        return new Bundle({ kind: 'zip', path, root: innerRoot, files: nested.files }, innerRoot, nested.files, extracted.dir);
    }
    return new Bundle({ kind: 'zip', path, root, files }, root, files, extracted.dir);
}

/** Runs `work` over `items` with at most `limit` in flight, keeping results in input order. */
async function mapLimited(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
/**
 * Lets the event loop turn once (its I/O phase included), so that sockets connect and answers are read
 * between pieces of synchronous work instead of after all of them.
 */
const yieldToEventLoop = () => new Promise(resolve => setImmediate(resolve));

/**
 * Typed check data. A check that leaves data for others (the engine's rollback kit, the baseline, the
 * reports, verify mode) declares its type and a key in its own file; readers use the key, never a check id
 * and a cast of their own.
 */
function dataKey(id) {
    return { id };
}
/** The data the check `key` names left among `results`, typed, or undefined when it left none. */
function readData(results, key) {
    // The one cast of check data: the key's declaration beside the check ties the id to its type.
    return results.find(r => r.id === key.id)?.data;
}

const CHECKLIST = [
    {
        key: 't-24h',
        title: '24 Hours Before Deployment',
        groups: [
            {
                title: 'Communication & Scheduling',
                items: [
                    { key: 'schedule-deployment', text: 'Schedule deployment with team (record in calendar/ticket)' },
                    {
                        key: 'announce-schedule',
                        text: 'Post in #deployments channel: "Deployment scheduled for [DATE TIME UTC]"'
                    },
                    { key: 'identify-on-call', text: 'Identify on-call engineer for deployment period' },
                    { key: 'brief-on-call', text: 'Brief on-call on deployment plan and rollback procedure' },
                    {
                        key: 'notify-affected-teams',
                        text: 'Ensure affected teams (support, product, etc.) are notified'
                    },
                    {
                        key: 'no-conflicting-changes',
                        text: 'Verify no other critical infrastructure changes scheduled same time window'
                    }
                ]
            },
            {
                title: 'Change Documentation',
                items: [
                    {
                        key: 'tracking-issue',
                        text: 'Create GitHub issue or ticket tracking the deployment',
                        checks: ['tracking-issue']
                    },
                    {
                        key: 'document-what-changes',
                        text: "Document: what's changing (configs, manifests, versions)",
                        checks: ['what-changes']
                    },
                    { key: 'document-why', text: 'Document: why (bug fix, feature, performance, security)' },
                    {
                        key: 'document-rollback-plan',
                        text: 'Document: rollback plan (revision number or previous config)',
                        checks: ['rollout-history', 'configmap-backup']
                    },
                    {
                        key: 'document-success-criteria',
                        text: 'Document: success criteria (what indicates successful deployment)'
                    },
                    { key: 'document-duration', text: 'Document: estimated duration (usually 5-15 minutes)' }
                ]
            },
            {
                title: 'Code Review & Validation',
                items: [
                    {
                        key: 'changes-merged-reviewed',
                        text: 'All provisioning changes merged and code reviewed',
                        checks: ['git-history']
                    },
                    { key: 'main-has-latest', text: 'Confirm main branch has latest changes', checks: ['git-main'] },
                    {
                        key: 'validate-config-locally',
                        text: 'Run validation locally: `nu scripts/validate-config.nu --mode enterprise`',
                        checks: ['bundle-syntax', 'config-modes']
                    },
                    {
                        key: 'all-modes-validate',
                        text: 'Verify all 3 modes validate without errors or critical warnings',
                        checks: ['config-modes']
                    },
                    {
                        key: 'git-log-unexpected',
                        text: 'Check git log for unexpected commits',
                        checks: ['git-history']
                    },
                    {
                        key: 'review-artifact-generation',
                        text: 'Review artifact generation: ensure configs are correct',
                        checks: ['manifests', 'compose', 'config-modes']
                    }
                ]
            }
        ]
    },
    {
        key: 't-4h',
        title: '4 Hours Before Deployment',
        groups: [
            {
                title: 'Staging Environment',
                area: 'Environment Verification',
                items: [
                    {
                        key: 'staging-cluster-access',
                        text: 'Access staging Kubernetes cluster: `kubectl cluster-info`',
                        checks: ['cluster-access']
                    },
                    {
                        key: 'staging-nodes-ready',
                        text: 'Verify cluster is healthy: `kubectl get nodes` (all Ready)',
                        checks: ['nodes-ready']
                    },
                    {
                        key: 'staging-namespace-exists',
                        text: 'Check namespace exists: `kubectl get namespace vapora`',
                        checks: ['namespace-exists']
                    },
                    {
                        key: 'staging-deployments',
                        text: 'Verify current deployments: `kubectl get deployments -n vapora`',
                        checks: ['deployments-available']
                    },
                    {
                        key: 'staging-configmap-current',
                        text: 'Check ConfigMap is up to date: `kubectl get configmap -n vapora -o yaml | head -20`',
                        checks: ['configmap-backup']
                    }
                ]
            },
            {
                title: 'Production Environment (if applicable)',
                area: 'Environment Verification',
                optional: true,
                items: [
                    {
                        key: 'production-cluster-access',
                        text: 'Access production Kubernetes cluster: `kubectl cluster-info`',
                        checks: ['cluster-access']
                    },
                    {
                        key: 'production-nodes-ready',
                        text: 'Verify all nodes healthy: `kubectl get nodes` (all Ready)',
                        checks: ['nodes-ready']
                    },
                    {
                        key: 'production-capacity',
                        text: 'Check current resource usage: `kubectl top nodes` (not near capacity)',
                        checks: ['node-capacity']
                    },
                    {
                        key: 'production-deployments',
                        text: 'Verify current deployments: `kubectl get deployments -n vapora`',
                        checks: ['deployments-available']
                    },
                    {
                        key: 'production-pods-running',
                        text: 'Check pod status: `kubectl get pods -n vapora` (all Running)',
                        checks: ['pods-running']
                    },
                    {
                        key: 'production-recent-events',
                        text: "Verify recent events: `kubectl get events -n vapora --sort-by='.lastTimestamp' | tail -10`",
                        checks: ['recent-events']
                    }
                ]
            },
            {
                title: 'Health Baseline',
                items: [
                    {
                        key: 'record-baseline-metrics',
                        text: 'Record current metrics before deployment (CPU, memory, latency p50/p95/p99, error rate, queue depth)',
                        checks: ['baseline']
                    },
                    {
                        key: 'services-responsive',
                        text: 'Verify services are responsive: `/health` (with the token) and `/api/projects`',
                        checks: ['health-endpoint', 'api-endpoints']
                    },
                    {
                        key: 'logs-recent-errors',
                        text: 'Check logs for recent errors: `kubectl logs deployment/vapora-backend -n vapora --tail=50` (and `vapora-agents`)'
                    }
                ]
            },
            {
                title: 'Infrastructure Check',
                items: [
                    { key: 'storage-capacity', text: 'Verify storage is not near capacity: `df -h /var/lib/vapora`' },
                    {
                        key: 'database-health',
                        text: 'Check database health: `kubectl exec -n vapora <pod> -- surreal info`'
                    },
                    { key: 'backups-recent', text: 'Verify backups are recent (within 24 hours)' },
                    {
                        key: 'tls-certificate-expiry',
                        text: 'Check SSL certificate expiration: `openssl s_client -connect api.vapora.com:443 -showcerts`',
                        checks: ['tls-expiry']
                    }
                ]
            }
        ]
    },
    {
        key: 't-2h',
        title: '2 Hours Before Deployment',
        groups: [
            {
                title: 'Artifact Preparation',
                items: [
                    {
                        key: 'trigger-ci-validation',
                        text: 'Trigger validation in CI/CD pipeline',
                        checks: ['artifact-download']
                    },
                    {
                        key: 'artifact-generation-complete',
                        text: 'Wait for artifact generation to complete',
                        checks: ['artifact-download']
                    },
                    {
                        key: 'download-artifacts',
                        text: 'Download artifacts from pipeline: `deployment-artifacts.zip`',
                        checks: ['artifact-download', 'bundle-unpack']
                    },
                    {
                        key: 'verify-artifact-contents',
                        text: 'Verify artifact contents: `configmap.yaml`, `deployment.yaml`, `docker-compose.yml`, `vapora-{solo,multiuser,enterprise}.{toml,yaml,json}`',
                        checks: ['bundle-unpack', 'bundle-files']
                    },
                    {
                        key: 'validate-manifest-syntax',
                        text: 'Validate manifest syntax (`configmap.yaml`, `deployment.yaml`)',
                        checks: ['bundle-syntax', 'manifests']
                    }
                ]
            },
            {
                title: 'Test in Staging',
                items: [
                    {
                        key: 'server-dry-run',
                        text: 'Perform dry-run deployment to staging cluster: `kubectl apply --dry-run=server -n vapora`',
                        checks: ['dry-run']
                    },
                    {
                        key: 'review-dry-run-output',
                        text: 'Review dry-run output for any warnings or errors',
                        checks: ['dry-run']
                    },
                    {
                        key: 'staging-deployment-verified',
                        text: 'If test deployment available, do actual staging deployment and verify',
                        optional: true
                    },
                    {
                        key: 'staging-health-endpoints',
                        text: 'Test health endpoints on staging',
                        checks: ['health-endpoint']
                    },
                    {
                        key: 'staging-smoke-tests',
                        text: 'Run smoke tests against staging (if available)',
                        optional: true
                    }
                ]
            },
            {
                title: 'Rollback Plan Verification',
                items: [
                    {
                        key: 'record-revisions',
                        text: 'Document current deployment revisions: `kubectl rollout history` (record the highest revision)',
                        checks: ['rollout-history']
                    },
                    {
                        key: 'configmap-backup',
                        text: 'Create backup of current ConfigMap: `kubectl get configmap -n vapora vapora-config -o yaml`',
                        checks: ['configmap-backup']
                    },
                    {
                        key: 'test-rollback-staging',
                        text: 'Test rollback procedure on staging (if safe)',
                        optional: true
                    },
                    {
                        key: 'rollback-command-documented',
                        text: 'Confirm rollback command is documented in ticket/issue',
                        checks: ['rollout-history', 'tracking-issue']
                    }
                ]
            }
        ]
    },
    {
        key: 't-1h',
        title: '1 Hour Before Deployment',
        groups: [
            {
                title: 'Final Checks',
                items: [
                    {
                        key: 'prerequisites-met',
                        text: 'Confirm all prerequisites met: code merged to main, artifacts generated and validated, staging deployment tested, rollback plan documented, team notified'
                    }
                ]
            },
            {
                title: 'Communication Setup',
                items: [
                    {
                        key: 'status-page-maintenance',
                        text: 'Set status page to "Maintenance Mode" (if public)',
                        optional: true
                    },
                    { key: 'join-deployments-channel', text: 'Join #deployments Slack channel' },
                    {
                        key: 'prepare-start-message',
                        text: 'Prepare message: "🚀 Deployment starting now. Will update every 2 minutes."'
                    },
                    { key: 'on-call-monitoring', text: 'Have on-call engineer monitoring' },
                    { key: 'dashboards-accessible', text: 'Verify monitoring/alerting dashboards are accessible' }
                ]
            },
            {
                title: 'Access Verification',
                items: [
                    {
                        key: 'kubeconfig-valid',
                        text: 'Verify kubeconfig is valid and up to date: `kubectl cluster-info`, `kubectl get nodes`',
                        checks: ['cluster-access']
                    },
                    {
                        key: 'kubectl-version-skew',
                        text: 'Verify kubectl version compatibility: `kubectl version` (within 1 minor version of the server)',
                        checks: ['kubectl-version']
                    },
                    {
                        key: 'write-access',
                        text: 'Test write access to cluster: `kubectl auth can-i create deployments --namespace=vapora`',
                        checks: ['permissions']
                    },
                    {
                        key: 'docker-access',
                        text: 'Verify docker/docker-compose access (if Docker deployment)',
                        optional: true
                    },
                    {
                        key: 'slack-webhook',
                        text: 'Verify Slack webhook is working (test send message)',
                        checks: ['slack-webhook']
                    }
                ]
            }
        ]
    },
    {
        key: 't-15m',
        title: '15 Minutes Before Deployment',
        groups: [
            {
                title: 'Final Go/No-Go Decision — proceed if',
                items: [
                    { key: 'go-all-items-completed', text: 'All checklist items above completed' },
                    {
                        key: 'go-no-critical-issues',
                        text: 'No critical issues found during testing',
                        checks: ['decision']
                    },
                    { key: 'go-staging-successful', text: 'Staging deployment successful' },
                    { key: 'go-team-ready', text: 'Team ready and monitoring' },
                    { key: 'go-rollback-clear', text: 'Rollback plan clear and tested' },
                    { key: 'go-maintenance-window', text: 'Within designated maintenance window' }
                ]
            },
            {
                title: 'Final Notifications',
                items: [
                    { key: 'announce-start', text: 'Post to #deployments: "🚀 Deployment starting in 5 minutes"' },
                    {
                        key: 'alert-on-call',
                        text: 'Alert on-call engineer: "Ready to start - confirm you\'re monitoring"'
                    },
                    { key: 'rollback-plan-visible', text: 'Have rollback plan visible and accessible' },
                    { key: 'monitoring-dashboard-open', text: 'Open monitoring dashboard showing current metrics' }
                ]
            },
            {
                title: 'Terminal Setup',
                items: [
                    {
                        key: 'terminal-kubeconfig',
                        text: 'Open terminal with kubeconfig configured (verify connected to the right cluster)'
                    },
                    {
                        key: 'terminal-logs',
                        text: 'Open second terminal for tailing logs: `kubectl logs -f deployment/vapora-backend -n vapora`'
                    },
                    {
                        key: 'rollback-commands-ready',
                        text: 'Have rollback commands ready: `kubectl rollout undo` for `vapora-backend`, `vapora-agents`, `vapora-llm-router`',
                        checks: ['rollout-history']
                    },
                    {
                        key: 'metrics-watch-ready',
                        text: 'Prepare metrics check script: `watch kubectl top pods -n vapora`, `watch kubectl get pods -n vapora`'
                    }
                ]
            }
        ]
    },
    {
        key: 'success',
        phase: 'verify',
        title: 'Success Criteria Verification',
        groups: [
            {
                title: 'What "success" looks like for this deployment',
                items: [
                    {
                        key: 'success-images-updated',
                        text: 'All three deployments have updated image IDs',
                        checks: ['verify-images']
                    },
                    {
                        key: 'success-pods-ready',
                        text: 'All pods reach "Ready" state within 5 minutes',
                        checks: ['verify-pods-ready']
                    },
                    {
                        key: 'success-no-restarts',
                        text: 'No pod restarts: `kubectl get pods -n vapora --watch` (restart counts not increasing)',
                        checks: ['verify-restarts', 'verify-events']
                    },
                    { key: 'success-no-error-logs', text: 'No error logs in first 2 minutes' },
                    { key: 'success-health-200', text: 'Health endpoints respond (200 OK)', checks: ['verify-health'] },
                    {
                        key: 'success-api-respond',
                        text: 'API endpoints respond to test requests',
                        checks: ['verify-api']
                    },
                    {
                        key: 'success-normal-usage',
                        text: 'Metrics show normal resource usage',
                        checks: ['verify-metrics']
                    },
                    { key: 'success-no-alerts', text: 'No alerts triggered' },
                    { key: 'success-no-user-impact', text: 'Support team reports no user impact' }
                ]
            }
        ]
    },
    {
        key: 'post',
        phase: 'verify',
        title: 'Post-Deployment Documentation',
        groups: [
            {
                title: 'After deployment completes, record',
                items: [
                    { key: 'post-start-time', text: 'Deployment start time (UTC)', checks: ['verify-record'] },
                    { key: 'post-end-time', text: 'Deployment end time (UTC)', checks: ['verify-record'] },
                    { key: 'post-duration', text: 'Total duration', checks: ['verify-record'] },
                    { key: 'post-issues', text: 'Any issues encountered and resolution' },
                    {
                        key: 'post-rollback',
                        text: 'Rollback performed (Y/N)',
                        checks: ['verify-record', 'verify-rollback']
                    },
                    {
                        key: 'post-metrics',
                        text: 'Metrics before/after (CPU, memory, latency, errors)',
                        checks: ['verify-record']
                    },
                    { key: 'post-team', text: 'Team members involved' },
                    { key: 'post-lessons', text: 'Blockers or lessons learned' }
                ]
            }
        ]
    }
];
/** An item's text without Markdown: for messages, logs and the terminal. */
function plainItemText(text) {
    return text.replace(/`([^`]*)`/g, '$1');
}
/** All items in document order, with their full ids. */
function checklistItems() {
    return CHECKLIST.flatMap(section => section.groups.flatMap(group => group.items.map(item => ({
        ...item,
        id: `${section.key}.${item.key}`,
        section: section.title,
        group: group.title,
        automated: (item.checks?.length ?? 0) > 0,
        optional: item.optional ?? group.optional ?? false,
        phase: section.phase ?? 'preflight'
    }))));
}
/**
 * Where a result reports in a run's summary: under a checklist item (by key) or a whole section (by key),
 * as "Section › Group", the group's `area` standing for it when it has one, and the section's title alone
 * when it has one group. Throws for a key the checklist does not have: a misspelled home fails at load.
 */
function reportSectionOf(home) {
    for (const section of CHECKLIST) {
        if (section.key === home)
            return section.title;
        for (const group of section.groups) {
            if (group.items.some(item => item.key === home)) {
                return section.groups.length > 1 ? `${section.title} › ${group.area ?? group.title}` : section.title;
            }
        }
    }
    throw new Error(`the checklist has no item or section with the key "${home}"`);
}
/** The keys of the items that name a check (or result) id, in document order. */
function itemsNaming(id) {
    return CHECKLIST.flatMap(s => s.groups.flatMap(g => g.items.filter(i => i.checks?.includes(id)))).map(i => i.key);
}

/** Whether `error` is what a cluster reader throws. */
function isClusterError(error) {
    return error instanceof Error && ('unreachable' in error || 'status' in error);
}
/** Whether a list kind has no namespace (its `ListQuery.namespace` is ignored). */
const isClusterScoped = (kind) => kind === 'nodes' || kind === 'namespaces';
/** How a list is named in messages and in `ListRead.list`. */
function listLabel(query) {
    const where = isClusterScoped(query.kind)
        ? ''
        : query.namespace
            ? ` in ${query.namespace}`
            : ' in every namespace';
    return `${query.kind}${where}${query.fieldSelector ? ` (${query.fieldSelector})` : ''}`;
}
/**
 * A check placed by the checklist model: its home item must name it, and its section is that item's.
 * One place (the model) says where a check belongs; a misplaced check fails when its module loads.
 */
function defineCheck(definition) {
    const naming = itemsNaming(definition.id);
    if (!naming.includes(definition.item)) {
        throw new Error(`check ${definition.id}: its item "${definition.item}" does not name it in the checklist model` +
            (naming.length > 0 ? ` (the items that do: ${naming.join(', ')})` : ' (no item does: add it to one)'));
    }
    return { ...definition, section: reportSectionOf(definition.item) };
}

/**
 * The Vapora names, in one place: the option table (option-table.ts) gives them as defaults, the checks
 * know the bundle's files by them.
 */
const DEFAULT_NAMESPACE = 'vapora';
const DEFAULT_DEPLOYMENTS = ['vapora-backend', 'vapora-agents', 'vapora-llm-router'];
const DEFAULT_CONFIGMAP = 'vapora-config';
/** The artifact the earlier CI job uploads the bundle as. */
const DEFAULT_ARTIFACT_NAME = 'deployment-artifacts';
/** The seed checklist's "Should contain" list, as a pattern list (braces expand). */
const DEFAULT_EXPECTED_FILES_PATTERN = 'configmap.yaml, deployment.yaml, docker-compose.yml, vapora-{solo,multiuser,enterprise}.{toml,yaml,json}';
/** Bundle files with these roles, by name. */
const CONFIGMAP_FILE = 'configmap.yaml';
const DEPLOYMENT_FILE = 'deployment.yaml';
const COMPOSE_FILE = 'docker-compose.yml';

/** True for a plain mapping (not null, not an array): the shape of a YAML/JSON object. */
const isMap = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads Kubernetes objects out of parsed manifest files, reporting documents that are not objects. */
/** Built-in cluster-scoped kinds a deployment bundle might carry. */
const CLUSTER_SCOPED = new Set([
    'Namespace',
    'ClusterRole',
    'ClusterRoleBinding',
    'CustomResourceDefinition',
    'PersistentVolume',
    'StorageClass',
    'PriorityClass',
    'IngressClass',
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration'
]);
/**
 * Every object in the file's documents (a `kind: List` contributes its items). Documents missing
 * apiVersion, kind or metadata.name become error findings instead of objects.
 */
function kubeObjectsIn(parsed) {
    const objects = [];
    const problems = [];
    const visit = (value, doc, path, label) => {
        const problem = (text, at = []) => {
            problems.push({
                severity: 'error',
                ...positionOf(parsed, [...path, ...at], doc),
                message: `${label}: ${text}`,
                label,
                problem: text
            });
        };
        if (!isMap(value))
            return problem('is not a Kubernetes object (expected a mapping)');
        const { apiVersion, kind, metadata } = value;
        if (kind === 'List' && Array.isArray(value.items)) {
            value.items.forEach((item, i) => visit(item, doc, [...path, 'items', i], `${label} item ${i + 1}`));
            return;
        }
        const missing = [
            typeof apiVersion === 'string' && apiVersion ? undefined : 'apiVersion',
            typeof kind === 'string' && kind ? undefined : 'kind',
            isMap(metadata) && typeof metadata.name === 'string' && metadata.name ? undefined : 'metadata.name'
        ].filter(Boolean);
        if (missing.length > 0) {
            // generateName cannot go through a server-side apply (it needs a name): say why, not just "missing".
            const generated = isMap(metadata) && typeof metadata.generateName === 'string' && !metadata.name;
            return problem(generated
                ? 'uses metadata.generateName; a server-side apply needs metadata.name (kubectl apply refuses it too)'
                : `missing ${missing.join(', ')}`, generated ? ['metadata', 'generateName'] : []);
        }
        const meta = metadata;
        const namespace = meta.namespace;
        if (namespace !== undefined && typeof namespace !== 'string')
            return problem('metadata.namespace is not a string', ['metadata', 'namespace']);
        objects.push({
            apiVersion: apiVersion,
            kind: kind,
            name: meta.name,
            namespace: namespace === '' ? undefined : namespace,
            clusterScoped: CLUSTER_SCOPED.has(kind),
            file: parsed.file,
            line: doc.line,
            index: doc.index,
            path,
            raw: value
        });
    };
    for (const doc of parsed.documents)
        visit(doc.value, doc, [], `document ${doc.index + 1}`);
    return { objects, problems };
}

/** What the cluster checks share: getting a usable session, the bundle's manifests, error wording. */
/** Pods that are done with their node: their requests no longer hold its resources. */
const NOT_FINISHED = 'status.phase!=Succeeded,status.phase!=Failed';
/**
 * The server-side filters the checks list with (field selectors the API server supports), one place each:
 * the server then sends only what a check reads.
 */
const SELECT = {
    /** Warning events: Normal ones are most of a namespace's events and no check reads them. */
    warningEvents: 'type=Warning',
    /** Pods but the completed ones (Jobs), which pods-running does not judge. */
    podsNotSucceeded: 'status.phase!=Succeeded',
    /** Pods that hold a node's resources: bound to one and not finished (as `kubectl describe node` counts). */
    podsOnNodes: `spec.nodeName!=,${NOT_FINISHED}`,
    /** The same on one node (a node name has no comma or equals sign to escape). */
    podsOnNode: (node) => `spec.nodeName=${node},${NOT_FINISHED}`
};
/** An API error as one line: the server's message, with who/what when the server said so. */
function explainApiError(error) {
    if (isClusterError(error)) {
        if (error.unreachable || error.status === undefined)
            return error.message;
        return `${error.message} (HTTP ${error.status}${error.kubeStatus?.reason ? ` ${error.kubeStatus.reason}` : ''})`;
    }
    return describeError(error);
}
/**
 * The session when the cluster is configured and answered `/version`; otherwise the outcome the check
 * should report (a blocking skip: the cluster was not verified). `cluster-access` reports the cause once.
 */
async function usableCluster(ctx) {
    if (!ctx.cluster) {
        // cluster-access reports the cause (and how to fix it) once; this check only says it did not run.
        return {
            outcome: {
                status: 'skip',
                skipReason: 'not-configured',
                blockedBy: 'cluster-access',
                message: `not run: ${ctx.clusterProblem ?? 'no cluster configured'}`
            }
        };
    }
    try {
        await ctx.cluster.version();
        return { session: ctx.cluster };
    }
    catch {
        return {
            outcome: {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                blockedBy: 'cluster-access',
                message: 'not run: the cluster could not be used (see cluster-access)'
            }
        };
    }
}
/**
 * Every Kubernetes object in configmap.yaml and deployment.yaml that parsed, in file order, with the
 * files that did not parse and the documents left out for not being usable objects.
 */
function manifestDocs(ctx) {
    const docs = [];
    const unreadable = [];
    const leftOut = [];
    for (const file of [CONFIGMAP_FILE, DEPLOYMENT_FILE]) {
        if (!ctx.bundle?.has(file))
            continue;
        const parsed = ctx.bundle.parsed(file);
        if (parsed.errors.length > 0) {
            unreadable.push(file);
            continue;
        }
        const { objects, problems } = kubeObjectsIn(parsed);
        for (const obj of objects)
            docs.push({ file, line: obj.line, doc: obj.raw });
        for (const p of problems)
            leftOut.push({ file, line: p.line, label: p.label, why: p.problem });
    }
    return { docs, unreadable, leftOut };
}
const objectLabel = (doc) => `${doc.kind}/${doc.metadata?.name}`;

const CLUSTER_ACCESS_DATA = dataKey('cluster-access');
/** "kubectl cluster-info": the API server answers, and which version it runs. */
const clusterAccessCheck = defineCheck({
    id: 'cluster-access',
    title: 'Access the Kubernetes cluster (kubectl cluster-info)',
    item: 'kubeconfig-valid',
    needs: ['cluster'],
    async run(ctx) {
        if (!ctx.cluster) {
            return {
                status: 'skip',
                skipReason: 'not-configured',
                message: ctx.clusterProblem ?? 'no cluster configured',
                hint: 'Pass a kubeconfig (action input kubeconfig, CLI --kubeconfig or KUBECONFIG), or run offline to gate on the bundle only.'
            };
        }
        try {
            const version = await ctx.cluster.version();
            return {
                status: 'pass',
                message: `API server ${ctx.cluster.server} answers (Kubernetes ${version.gitVersion})`,
                data: { server: ctx.cluster.server, version: version.gitVersion }
            };
        }
        catch (error) {
            return {
                status: 'error',
                message: `cannot use the cluster from ${ctx.cluster.origin}: ${explainApiError(error)}`,
                hint: 'Check that the kubeconfig points at the right server, that its credentials are current, and that this runner can reach it.'
            };
        }
    }
});

const SERVER_METADATA = [
    'managedFields',
    'resourceVersion',
    'uid',
    'creationTimestamp',
    'generation',
    'selfLink'
];
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
function cleanObject(object) {
    const { status: _status, ...rest } = object;
    const metadata = { ...(object.metadata ?? {}) };
    for (const field of SERVER_METADATA)
        delete metadata[field];
    if (metadata.annotations) {
        const { [LAST_APPLIED]: _lastApplied, ...annotations } = metadata.annotations;
        if (Object.keys(annotations).length > 0)
            metadata.annotations = annotations;
        else
            delete metadata.annotations;
    }
    return { ...rest, metadata };
}

const CONFIGMAP_BACKUP_DATA = dataKey('configmap-backup');
const configMapBackupCheck = defineCheck({
    id: 'configmap-backup',
    title: 'Create backup of current ConfigMap',
    item: 'configmap-backup',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const { namespace, configMap } = ctx.options;
        try {
            const live = await cluster.session.configMap(namespace, configMap);
            if (!live) {
                return {
                    status: 'warn',
                    message: `ConfigMap ${configMap} does not exist in ${namespace} yet (first deploy): nothing to back up`
                };
            }
            const dir = ctx.options.artifactsDir ?? mkdtempSync(join(tmpdir(), 'vapora-preflight-'));
            mkdirSync(dir, { recursive: true });
            const path = join(dir, `${configMap}-backup.yaml`);
            writeFileSync(path, stringify(cleanObject(live)), { mode: 0o600 });
            const keys = Object.keys((live.data ?? {})).length;
            return {
                status: 'pass',
                message: `ConfigMap ${configMap} (${keys} keys) backed up to ${path}`,
                details: [`restore with: kubectl apply -f ${path}`],
                data: { path, keys }
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot back up ConfigMap ${configMap}: ${explainApiError(error)}` };
        }
    }
});

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
function images(podTemplate) {
    const containers = podTemplate?.spec?.containers ?? [];
    return containers.map(c => c.image ?? '(none)');
}
/** Builds the history of `deployment` from the namespace's ReplicaSets. */
function rolloutHistory(deployment, replicaSets) {
    const name = deployment.metadata.name;
    const namespace = deployment.metadata.namespace;
    const uid = deployment.metadata?.uid;
    const owned = replicaSets.filter(rs => (rs.metadata?.ownerReferences ?? []).some(ref => ref.controller === true && ref.uid === uid));
    const revisions = owned
        .map(rs => ({
        revision: Number(rs.metadata?.annotations?.[REVISION_ANNOTATION]),
        replicaSet: rs.metadata.name,
        images: images(rs.spec?.template),
        changeCause: rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION],
        createdAt: rs.metadata?.creationTimestamp
    }))
        .filter(r => Number.isInteger(r.revision) && r.revision > 0)
        .sort((a, b) => a.revision - b.revision);
    const current = Number(deployment.metadata?.annotations?.[REVISION_ANNOTATION]);
    const highestRevision = revisions.at(-1)?.revision;
    return {
        deployment: name,
        namespace,
        revisions,
        currentRevision: Number.isInteger(current) && current > 0 ? current : undefined,
        highestRevision,
        undoCommand: highestRevision === undefined
            ? undefined
            : `kubectl rollout undo deployment/${name} -n ${namespace} --to-revision=${highestRevision}`
    };
}

const ROLLOUT_HISTORY_DATA = dataKey('rollout-history');
const rolloutHistoryCheck = defineCheck({
    id: 'rollout-history',
    title: 'Document current deployment revisions (kubectl rollout history)',
    item: 'record-revisions',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const { session } = cluster;
        const namespace = ctx.options.namespace;
        try {
            const [deployments, replicaSets] = await Promise.all([
                session.deployments(namespace),
                session.replicaSets(namespace)
            ]);
            const histories = [];
            const absent = [];
            for (const name of ctx.options.deployments) {
                const deployment = deployments.find(d => d.metadata?.name === name);
                if (!deployment)
                    absent.push(name);
                else
                    histories.push(rolloutHistory(deployment, replicaSets));
            }
            const revisions = Object.fromEntries(histories.filter(h => h.highestRevision !== undefined).map(h => [h.deployment, h.highestRevision]));
            const details = histories.flatMap(h => [
                `${h.deployment}: revision ${h.highestRevision ?? '(none)'}${h.currentRevision !== undefined && h.currentRevision !== h.highestRevision ? ` (running revision ${h.currentRevision})` : ''}`,
                ...h.revisions.map(r => `  ${r.revision}: ${r.images.join(', ')}${r.changeCause ? ` — ${r.changeCause}` : ''}`),
                ...(h.undoCommand ? [`  rollback: ${h.undoCommand}`] : [])
            ]);
            for (const name of absent)
                details.push(`${name}: not deployed yet (first deploy: nothing to roll back to)`);
            const data = {
                revisions,
                histories,
                undoCommands: histories.flatMap(h => (h.undoCommand ? [h.undoCommand] : []))
            };
            const summary = histories.map(h => `${h.deployment} rev ${h.highestRevision ?? '-'}`).join(', ');
            if (histories.length === 0) {
                return {
                    status: 'warn',
                    message: `no deployment exists yet in ${namespace}: first deploy, nothing to roll back to`,
                    details,
                    data
                };
            }
            const noHistory = histories.filter(h => h.highestRevision === undefined).map(h => h.deployment);
            if (absent.length || noHistory.length) {
                return {
                    status: 'warn',
                    message: `${summary}${absent.length ? `; not deployed yet: ${absent.join(', ')}` : ''}${noHistory.length ? `; no revisions recorded: ${noHistory.join(', ')}` : ''}`,
                    details,
                    data
                };
            }
            return { status: 'pass', message: summary, details, data };
        }
        catch (error) {
            return { status: 'error', message: `cannot read rollout history: ${explainApiError(error)}` };
        }
    }
});

/** The commit deployed: the user's, else the bundle's build run's, else this run's. */
function changeTarget(spec, origin, openReader) {
    if (!spec)
        return undefined;
    if (!spec.token) {
        return {
            problem: 'github-token is empty: the commits and pull requests cannot be read. Keep its default (${{ github.token }}) with `permissions: contents: read, pull-requests: read`, or set check-changes: false.'
        };
    }
    const built = origin?.headSha
        ? {
            repository: origin.repository,
            commit: origin.headSha,
            source: `the run that built the bundle (${origin.runUrl})`
        }
        : undefined;
    const chosen = spec.commit
        ? { repository: spec.repository, commit: spec.commit, source: 'the commit input' }
        : (built ??
            (spec.runCommit
                ? { repository: spec.repository, commit: spec.runCommit, source: "this run's commit (GITHUB_SHA)" }
                : undefined));
    // Outside Actions (GITHUB_SHA unset) with no commit given: nothing names the deployed code.
    if (!chosen)
        return undefined;
    let reader;
    return {
        ...chosen,
        spec,
        // Opened on first use: a run whose change checks do not get that far never loads the GitHub client.
        reader: () => (reader ??= openReader(spec, chosen.repository))
    };
}
/** Why the change checks do not apply when there is no target. */
const NO_TARGET = 'no commit to check (check-changes is off, or no --commit and --repository outside GitHub Actions)';
const short = (sha) => sha.slice(0, 7);
/** A failure of the change history's reader as an `error` outcome naming the permission to grant. */
function changeProblem(reader, error, doing, needs) {
    return { status: 'error', ...reader.explain(error, doing, needs) };
}

/** Suggests the likely intended file for a missing one (case or .yml/.yaml mix-ups). */
function nearMiss(missing, present) {
    const canonical = (name) => name.toLowerCase().replace(/\.yml$/, '.yaml');
    return present.find(file => file !== missing && canonical(file) === canonical(missing));
}
const MISSING_HINT = 'Check the CI job that builds deployment-artifacts, or adjust expected-files if the contract changed.';
/** The expected-files contract: every expected file present; extra files are reported, not blocking. */
const bundleFilesCheck = defineCheck({
    id: 'bundle-files',
    title: 'Verify artifact contents',
    item: 'verify-artifact-contents',
    needs: ['bundle'],
    async run({ options, bundle }) {
        const files = bundle.files;
        const missing = options.expectedFiles.filter(file => !files.includes(file));
        const extra = files.filter(file => !options.expectedFiles.includes(file));
        if (missing.length > 0) {
            return {
                status: 'fail',
                message: `missing ${missing.length} of ${options.expectedFiles.length} expected files: ${missing.join(', ')}`,
                details: missing.map(file => {
                    const similar = nearMiss(file, files);
                    return similar ? `${file}: missing (found "${similar}" — names are exact)` : `${file}: missing`;
                }),
                // A missing file has no line to point at: the annotation names the file itself.
                findings: missing.map(file => {
                    const similar = nearMiss(file, files);
                    return {
                        severity: 'error',
                        file,
                        line: 1,
                        column: 1,
                        message: `expected file ${file} is missing from the bundle${similar ? ` (found "${similar}": names are exact)` : ''}`,
                        hint: similar ? `Rename ${similar} to ${file} in the job that builds the bundle.` : MISSING_HINT
                    };
                }),
                hint: MISSING_HINT,
                data: { missing, extra }
            };
        }
        if (extra.length > 0) {
            return {
                status: 'warn',
                message: `all ${options.expectedFiles.length} expected files present; ${extra.length} unexpected: ${extra.join(', ')}`,
                details: extra.map(file => `${file}: not in expected-files`),
                hint: 'Unexpected files are not deployed by this gate; remove them from the bundle or add them to expected-files.',
                data: { missing, extra }
            };
        }
        return {
            status: 'pass',
            message: `all ${options.expectedFiles.length} expected files present`,
            data: { missing, extra }
        };
    }
});

/** `file:line:col` of a finding, as far as it is known (editors and terminals link this form). */
function where(finding) {
    return [finding.file, finding.line, finding.column].filter(part => part !== undefined).join(':');
}

/** Every YAML, JSON and TOML file in the bundle parses, with each error located by file, line and column. */
const bundleSyntaxCheck = defineCheck({
    id: 'bundle-syntax',
    title: 'Validate manifest and config syntax (YAML, JSON, TOML)',
    item: 'validate-manifest-syntax',
    needs: ['bundle'],
    async run({ bundle }) {
        const parseable = bundle.files.filter(file => formatOf(file) !== undefined);
        if (parseable.length === 0) {
            return { status: 'fail', message: 'the bundle holds no YAML, JSON or TOML file to validate' };
        }
        const parsed = [];
        for (const file of parseable) {
            parsed.push(bundle.parsed(file));
            // The cluster checks' answers are read between files, not after all of them.
            await yieldToEventLoop();
        }
        const errors = parsed.flatMap(p => p.errors);
        const warnings = parsed.flatMap(p => p.warnings);
        const badFiles = parsed.filter(p => p.errors.length > 0).map(p => p.file);
        const findings = [...errors, ...warnings];
        if (errors.length > 0) {
            return {
                status: 'fail',
                message: `${errors.length === 1 ? '1 syntax error' : `${errors.length} syntax errors`} in ${badFiles.join(', ')}: ${where(errors[0])} ${errors[0].message}${errors.length > 1 ? ' …' : ''}`,
                details: findings.map(f => `${where(f)} ${f.severity}: ${f.message}`),
                findings,
                hint: 'Fix the file in the generator (or its template) and rebuild the bundle; every position above is 1-based.'
            };
        }
        if (warnings.length > 0) {
            return {
                status: 'warn',
                message: `${parseable.length} files parse; ${warnings.length} warning(s)`,
                details: warnings.map(f => `${where(f)} warning: ${f.message}`),
                findings
            };
        }
        return { status: 'pass', message: `${parseable.length} YAML/JSON/TOML files parse without errors` };
    }
});

/** What `kubectl rollout status` would still be waiting for, or undefined when the rollout is complete. */
function rolloutInProgress(d) {
    const want = d.spec?.replicas ?? 1;
    const s = d.status ?? {};
    const updated = s.updatedReplicas ?? 0;
    const progressing = (s.conditions ?? []).find((c) => c.type === 'Progressing');
    if ((s.observedGeneration ?? 0) < (d.metadata?.generation ?? 0))
        return 'the controller has not seen the latest spec yet';
    if (progressing?.reason === 'ProgressDeadlineExceeded')
        return `stalled (${progressing.message ?? 'progress deadline exceeded'})`;
    if (updated < want)
        return `${updated} of ${want} new replicas updated`;
    if ((s.replicas ?? 0) > updated)
        return `${(s.replicas ?? 0) - updated} old replicas pending termination`;
    if ((s.availableReplicas ?? 0) < updated)
        return `${s.availableReplicas ?? 0} of ${updated} updated replicas available`;
    return undefined;
}
/**
 * "kubectl get deployments -n vapora": each expected Deployment exists, is Available, and is not in the
 * middle of a rollout (deploying over one replaces a rollout whose outcome nobody has seen yet).
 */
const deploymentsAvailableCheck = defineCheck({
    id: 'deployments-available',
    title: 'Verify current deployments are available',
    item: 'staging-deployments',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const namespace = ctx.options.namespace;
        try {
            const deployments = await cluster.session.deployments(namespace);
            const details = [];
            const unavailable = [];
            const rollingOut = [];
            const absent = [];
            for (const name of ctx.options.deployments) {
                const d = deployments.find(x => x.metadata?.name === name);
                if (!d) {
                    absent.push(name);
                    details.push(`${name}: not deployed yet`);
                    continue;
                }
                const want = d.spec?.replicas ?? 1;
                const available = d.status?.availableReplicas ?? 0;
                const condition = (d.status?.conditions ?? []).find((c) => c.type === 'Available');
                const line = `${name}: ${available}/${want} available${condition ? ` (Available=${condition.status}${condition.reason ? `, ${condition.reason}` : ''})` : ''}`;
                details.push(line);
                if (available < want || condition?.status === 'False')
                    unavailable.push(line);
                const rollout = rolloutInProgress(d);
                if (rollout) {
                    rollingOut.push(`${name}: ${rollout}`);
                    details.push(`${name}: rollout in progress: ${rollout}`);
                }
            }
            if (unavailable.length || rollingOut.length) {
                const said = [
                    ...(unavailable.length ? [`not available: ${unavailable.join('; ')}`] : []),
                    ...(rollingOut.length ? [`a rollout is in progress: ${rollingOut.join('; ')}`] : [])
                ];
                return {
                    status: 'fail',
                    message: said.join('; '),
                    details,
                    hint: rollingOut.length
                        ? `Let the rollout finish (kubectl rollout status deployment/${rollingOut[0].split(':')[0]} -n ${namespace}) or roll it back first: deploying over it replaces a rollout whose outcome is not known yet.`
                        : 'Deploying over an unhealthy Deployment hides the cause: fix or roll back the current state first.'
                };
            }
            if (absent.length === ctx.options.deployments.length) {
                return {
                    status: 'warn',
                    message: `none of the deployments exists yet in ${namespace} (first deploy)`,
                    details
                };
            }
            if (absent.length)
                return { status: 'warn', message: `available; not deployed yet: ${absent.join(', ')}`, details };
            return {
                status: 'pass',
                message: `all ${ctx.options.deployments.length} deployments available`,
                details
            };
        }
        catch (error) {
            return {
                status: 'error',
                message: `cannot list deployments in ${namespace}: ${explainApiError(error)}`
            };
        }
    }
});

/**
 * "kubectl apply --dry-run=server": every document of configmap.yaml and deployment.yaml goes through a
 * server-side apply with dryRun=All and strict field validation. Unknown fields, wrong types, immutable
 * field changes and admission rejections come back with the server's own message; warnings are kept.
 * The result says what was sent: a namespace set to the target, and every document left out, with why.
 */
const dryRunCheck = defineCheck({
    id: 'dry-run',
    title: 'Perform dry-run deployment (server-side, strict field validation)',
    item: 'server-dry-run',
    needs: ['cluster', 'bundle'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const { session } = cluster;
        const { docs, unreadable, leftOut } = manifestDocs(ctx);
        const notSent = [
            ...unreadable.map(file => `${file}: not sent: it does not parse (see bundle-syntax)`),
            ...leftOut.map(d => `${d.file}:${d.line} ${d.label}: not sent: ${d.why} (see manifests)`)
        ];
        if (docs.length === 0) {
            return unreadable.length > 0 && leftOut.length === 0
                ? {
                    status: 'skip',
                    skipReason: 'prerequisite-failed',
                    blockedBy: 'bundle-syntax',
                    message: `not run: ${unreadable.join(', ')} did not parse`,
                    details: notSent
                }
                : { status: 'fail', message: 'no manifest to dry-run', details: notSent };
        }
        const namespace = ctx.options.namespace;
        const createdByBundle = docs.some(d => d.doc.kind === 'Namespace' && d.doc.metadata?.name === namespace);
        const namespaceRead = session.namespace(namespace);
        // Unless the bundle creates the namespace, every document is sent whatever the namespace read says:
        // the dry-runs go out beside that read, not after it (the answers are shared through the session).
        const early = createdByBundle
            ? undefined
            : docs.map(({ doc }) => {
                const outcome = session.dryRunApply(doc, namespace);
                outcome.catch(() => undefined); // read below, after the namespace
                return outcome;
            });
        let namespaceExists;
        try {
            namespaceExists = (await namespaceRead) !== undefined;
        }
        catch (error) {
            return { status: 'error', message: `cannot read namespace ${namespace}: ${explainApiError(error)}` };
        }
        const findings = [];
        const details = [];
        let failed = 0;
        let warned = 0;
        let accepted = 0;
        let rewritten = 0;
        let namespaceAdded = 0;
        let heldBack = 0;
        await Promise.all(docs.map(async ({ file, line, doc }, i) => {
            const label = objectLabel(doc);
            try {
                if (!namespaceExists && createdByBundle && (await livesInNamespace(session, doc))) {
                    // The server would refuse it for want of the namespace the same apply creates: nothing to learn.
                    heldBack++;
                    details[i] =
                        `${file}:${line} ${label}: not sent — namespace ${namespace} does not exist yet (this bundle creates it)`;
                    return;
                }
                const outcome = await (early?.[i] ?? session.dryRunApply(doc, namespace));
                const set = outcome.namespaceSet;
                const sentAs = set
                    ? set.from
                        ? ` (sent with metadata.namespace rewritten from "${set.from}" to "${set.to}")`
                        : ` (sent with metadata.namespace set to "${set.to}")`
                    : '';
                if (set?.from)
                    rewritten++;
                else if (set)
                    namespaceAdded++;
                if (outcome.ok) {
                    accepted++;
                    const willCreate = doc.kind === 'Namespace' && !namespaceExists ? ' (will be created)' : '';
                    details[i] =
                        `${file}:${line} ${label}: accepted${willCreate}${sentAs}${outcome.warnings.length ? `; server warnings: ${outcome.warnings.join(' | ')}` : ''}`;
                    if (outcome.warnings.length) {
                        warned++;
                        for (const warning of outcome.warnings)
                            findings.push({ severity: 'warning', file, line, message: `${label}: ${warning}` });
                    }
                    return;
                }
                failed++;
                if (!outcome.sent) {
                    details[i] = `${file}:${line} ${label}: not sent: ${outcome.message}`;
                    findings.push({
                        severity: 'error',
                        file,
                        line,
                        message: `${label}: not sent: ${outcome.message}`,
                        hint: 'Use an apiVersion the server serves (kubectl api-resources lists them), or install the CRD first.'
                    });
                    return;
                }
                details[i] =
                    `${file}:${line} ${label}: REJECTED (HTTP ${outcome.status}${outcome.reason ? ` ${outcome.reason}` : ''})${sentAs}: ${outcome.message}`;
                findings.push({
                    severity: 'error',
                    file,
                    line,
                    message: `${label}: server rejected the dry-run: ${outcome.message}`
                });
            }
            catch (error) {
                failed++;
                details[i] = `${file}:${line} ${label}: not checked: ${explainApiError(error)}`;
                findings.push({
                    severity: 'error',
                    file,
                    line,
                    message: `${label}: dry-run failed: ${explainApiError(error)}`
                });
            }
        }));
        details.push(...notSent);
        const total = docs.length + leftOut.length;
        // What went to the server (or was tried: a kind it does not serve, a request it did not answer).
        const sent = docs.length - heldBack;
        const sentLine = `${sent} of ${total} documents sent`;
        const heldBackNote = heldBack > 0
            ? `; ${heldBack} held back until namespace ${namespace} exists (this bundle creates it)`
            : '';
        const leftOutNote = notSent.length > 0 ? `; ${notSent.length} not sent (${notSent[0]})` : '';
        const rewriteNote = rewritten > 0 ? `; ${rewritten} with metadata.namespace rewritten to ${namespace}` : '';
        if (failed > 0) {
            const errors = findings.filter(f => f.severity === 'error');
            return {
                status: 'fail',
                message: `${failed} of ${sent} objects rejected or not sent: ${errors[0]?.message ?? details.at(-1)}${heldBackNote}`,
                details,
                findings,
                hint: 'The messages above are the API server’s own. Fix the manifest (unknown fields and immutable fields such as spec.selector are common causes).'
            };
        }
        if (unreadable.length > 0) {
            // What was sent passed, but a whole file was not sent: not verified, so it blocks (fail closed),
            // and its cause is the syntax error.
            return {
                status: 'fail',
                blockedBy: 'bundle-syntax',
                message: `${unreadable.join(', ')} not sent (does not parse); ${sentLine}, ${accepted} accepted${heldBackNote}`,
                details,
                findings
            };
        }
        if (warned > 0 || heldBack > 0 || notSent.length > 0 || rewritten > 0) {
            return {
                status: 'warn',
                message: `${sentLine}, ${accepted} accepted${warned ? `; ${warned} with server warnings` : ''}${heldBackNote}${rewriteNote}${leftOutNote}`,
                details,
                findings
            };
        }
        return {
            status: 'pass',
            message: `all ${docs.length} objects accepted by the server (dry-run, strict validation)${namespaceAdded ? `; metadata.namespace set to ${namespace} on the ${namespaceAdded} that had none` : ''}`,
            details
        };
    }
});
/**
 * Whether the document's kind is namespaced, as discovery says: a cluster-scoped object (a Namespace, a
 * ClusterRole) does not wait for the namespace. A kind the server does not serve is sent, and reported so.
 */
async function livesInNamespace(session, doc) {
    const resource = await session.resourceFor(doc.apiVersion ?? '', doc.kind ?? '');
    return resource?.namespaced === true;
}

function minorOf(version) {
    const match = /^v?(\d+)\.(\d+)/.exec(version);
    return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}
/** "Verify kubectl version compatibility": the client within one minor version of the server. */
const kubectlVersionCheck = defineCheck({
    id: 'kubectl-version',
    title: 'Verify kubectl version compatibility (within 1 minor version)',
    item: 'kubectl-version-skew',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const client = ctx.options.kubectlVersion ?? (await ctx.localKubectl?.());
        if (!client) {
            return {
                status: 'skip',
                skipReason: 'not-applicable',
                message: 'no kubectl on PATH and no kubectl-version given: skew not checked',
                hint: 'Set kubectl-version to the kubectl your deploy job uses.'
            };
        }
        const server = (await cluster.session.version()).gitVersion;
        const c = minorOf(client);
        const s = minorOf(server);
        if (!c || !s)
            return { status: 'error', message: `cannot compare versions "${client}" and "${server}"` };
        const skew = c.minor - s.minor;
        const source = ctx.options.kubectlVersion ? 'kubectl-version' : 'kubectl on PATH';
        if (c.major !== s.major || Math.abs(skew) > 1) {
            return {
                status: 'fail',
                message: `kubectl ${client} (${source}) is ${Math.abs(skew)} minor versions ${skew > 0 ? 'newer' : 'older'} than the server ${server}; supported skew is ±1`,
                hint: `Use kubectl v${s.major}.${s.minor}.x (±1 minor) in the deploy job.`,
                data: { client, server }
            };
        }
        return {
            status: 'pass',
            message: `kubectl ${client} (${source}) vs server ${server}: within ±1 minor`,
            data: { client, server }
        };
    }
});

/** "kubectl get namespace vapora": the target namespace exists (or this bundle creates it). */
const namespaceExistsCheck = defineCheck({
    id: 'namespace-exists',
    title: 'Check namespace exists',
    item: 'staging-namespace-exists',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const namespace = ctx.options.namespace;
        try {
            const found = await cluster.session.namespace(namespace);
            if (found) {
                const phase = found.status?.phase;
                if (phase === 'Terminating')
                    return { status: 'fail', message: `namespace ${namespace} is being deleted (Terminating)` };
                return { status: 'pass', message: `namespace ${namespace} exists (${phase ?? 'Active'})` };
            }
            const created = manifestDocs(ctx).docs.some(d => d.doc.kind === 'Namespace' && d.doc.metadata?.name === namespace);
            if (created)
                return {
                    status: 'warn',
                    message: `namespace ${namespace} does not exist yet; this bundle creates it`
                };
            return {
                status: 'fail',
                message: `namespace ${namespace} does not exist`,
                hint: `Create it (kubectl create namespace ${namespace}) or set the namespace input to the right one.`
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read namespace ${namespace}: ${explainApiError(error)}` };
        }
    }
});

/** Kubernetes quantities: CPU in cores (`250m`, `2`), memory in bytes (`512Mi`, `1G`). */
function parseQuantity(text) {
    if (text === undefined)
        return 0;
    if (typeof text === 'number')
        return text;
    const match = /^([0-9.]+)([a-zA-Z]*)$/.exec(text.trim());
    if (!match)
        return 0;
    const value = Number(match[1]);
    const factor = {
        '': 1,
        n: 1e-9,
        u: 1e-6,
        m: 1e-3,
        k: 1e3,
        M: 1e6,
        G: 1e9,
        T: 1e12,
        P: 1e15,
        Ki: 2 ** 10,
        Mi: 2 ** 20,
        Gi: 2 ** 30,
        Ti: 2 ** 40,
        Pi: 2 ** 50
    };
    return value * (factor[match[2]] ?? 1);
}
/** Adds a pod's container requests to its node's total. */
function addRequests(totals, pod) {
    const node = pod.spec?.nodeName;
    if (!node)
        return totals;
    const total = totals.get(node) ?? { cpu: 0, memory: 0 };
    for (const c of pod.spec?.containers ?? []) {
        total.cpu += parseQuantity(c.resources?.requests?.cpu);
        total.memory += parseQuantity(c.resources?.requests?.memory);
    }
    return totals.set(node, total);
}
/** Up to this many nodes without metrics are counted by a list of their own pods each, not of every pod. */
const PER_NODE_LISTS = 5;
/**
 * Namespaces whose pods are read at once when every pod is counted. Each list costs the API server only
 * its namespace's share of its cache, where one list of every pod costs it the whole cache per page:
 * measured at 50,000 pods in 51 namespaces, 2–3 s for the lists two at a time against 5–6 s for one list.
 */
const NAMESPACES_AT_ONCE = 2;
const noRequests = () => new Map();
/** Adds the totals of one list to those of others (the lists hold different pods). */
function addTotals(into, from) {
    for (const [node, usage] of from) {
        const total = into.get(node) ?? { cpu: 0, memory: 0 };
        total.cpu += usage.cpu;
        total.memory += usage.memory;
        into.set(node, total);
    }
    return into;
}
/** Many lists reported as one read: what they cost together. */
function readOfAll(list, lists) {
    const sum = (key) => lists.reduce((n, { read }) => n + read[key], 0);
    return { list, pages: sum('pages'), items: sum('items'), restarts: sum('restarts') };
}
/**
 * The requests of the pods that hold a node's resources (bound to it, not finished) on every node: read
 * namespace by namespace, a few at a time, summed page by page. A reader allowed to list pods everywhere
 * but not namespaces reads one list of every pod instead. Only the totals are kept.
 */
async function requestsOnEveryNode(session) {
    const pods = (namespace) => session.fold({ kind: 'pods', namespace, fieldSelector: SELECT.podsOnNodes, only: 'requests' }, noRequests, addRequests);
    let namespaces;
    try {
        namespaces = await session.fold({ kind: 'namespaces' }, () => [], (names, namespace) => (names.push(namespace.metadata.name), names));
    }
    catch (error) {
        if (!isClusterError(error) || error.status !== 403)
            throw error;
        const all = await pods();
        return { totals: all.value, reads: [all.read] };
    }
    const lists = await mapLimited(namespaces.value, NAMESPACES_AT_ONCE, namespace => pods(namespace));
    return {
        totals: lists.reduce((totals, list) => addTotals(totals, list.value), noRequests()),
        reads: [
            namespaces.read,
            lists.length === 1
                ? lists[0].read
                : readOfAll(`pods in each of ${lists.length} namespaces (${SELECT.podsOnNodes})`, lists)
        ]
    };
}
/**
 * The requests of the pods bound to each node: of `only` those nodes when they are few, each by a list of
 * its own pods, else of every node (`requestsOnEveryNode`).
 */
async function requestsByNode(session, only) {
    if (!only || only.length > PER_NODE_LISTS)
        return requestsOnEveryNode(session);
    const lists = await Promise.all(only.map(node => session.fold({ kind: 'pods', fieldSelector: SELECT.podsOnNode(node), only: 'requests' }, noRequests, addRequests)));
    return {
        totals: new Map(lists.flatMap(list => [...list.value])),
        reads: lists.map(list => list.read)
    };
}
const NODE_CAPACITY_DATA = dataKey('node-capacity');
const nodeCapacityCheck = defineCheck({
    id: 'node-capacity',
    title: 'Check current resource usage (not near capacity)',
    item: 'production-capacity',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const { session } = cluster;
        const threshold = ctx.options.capacityThreshold;
        try {
            // Of each Node only its name and allocatable are kept while the nodes are read.
            const [listed, metrics] = await Promise.all([
                session.fold({ kind: 'nodes' }, () => [], (all, node) => {
                    all.push({
                        name: node.metadata.name,
                        cpu: parseQuantity(node.status?.allocatable?.cpu),
                        memory: parseQuantity(node.status?.allocatable?.memory)
                    });
                    return all;
                }),
                session.nodeMetrics()
            ]);
            const nodes = listed.value;
            const reads = [listed.read];
            const usage = new Map();
            const source = metrics ? 'metrics.k8s.io usage' : 'requests (metrics-server is absent)';
            if (metrics) {
                for (const m of metrics) {
                    usage.set(m.metadata.name, {
                        cpu: parseQuantity(m.usage?.cpu),
                        memory: parseQuantity(m.usage?.memory)
                    });
                }
            }
            const noMetrics = metrics ? nodes.map(n => n.name).filter(name => !usage.has(name)) : [];
            const byRequests = new Set(noMetrics);
            if (!metrics || noMetrics.length > 0) {
                const requests = await requestsByNode(session, metrics ? noMetrics : undefined);
                reads.push(...requests.reads);
                for (const name of metrics ? noMetrics : nodes.map(n => n.name))
                    usage.set(name, requests.totals.get(name) ?? { cpu: 0, memory: 0 });
            }
            const details = [];
            const over = [];
            const perNode = [];
            for (const { name, cpu, memory } of nodes) {
                const used = usage.get(name) ?? { cpu: 0, memory: 0 };
                const cpuPct = cpu ? (100 * used.cpu) / cpu : 0;
                const memPct = memory ? (100 * used.memory) / memory : 0;
                const line = `${name}: CPU ${cpuPct.toFixed(0)}%, memory ${memPct.toFixed(0)}% of allocatable${byRequests.has(name) ? ' (by requests: metrics-server has no usage for it)' : ''}`;
                details.push(line);
                perNode.push({ name, cpuPct: Math.round(cpuPct), memoryPct: Math.round(memPct) });
                if (cpuPct > threshold || memPct > threshold)
                    over.push(line);
            }
            const data = {
                source,
                threshold,
                nodes: perNode,
                ...(noMetrics.length > 0 ? { noMetrics } : {}),
                reads
            };
            if (over.length) {
                return {
                    status: 'fail',
                    message: `near capacity (over ${threshold}%, ${source}): ${over.join('; ')}`,
                    details,
                    data,
                    hint: 'Free or add capacity first: a rolling update needs room for the surge pods.'
                };
            }
            if (!metrics) {
                return {
                    status: 'warn',
                    message: `under ${threshold}% on all ${nodes.length} nodes by requests; metrics-server is absent, so real usage is unknown`,
                    details,
                    data
                };
            }
            if (noMetrics.length > 0) {
                return {
                    status: 'warn',
                    message: `under ${threshold}% on all ${nodes.length} nodes; metrics-server has no usage for ${noMetrics.join(', ')} (not scraped yet, or its kubelet unreachable), counted by requests`,
                    details,
                    data
                };
            }
            return {
                status: 'pass',
                message: `all ${nodes.length} nodes under ${threshold}% (${source})`,
                details,
                data
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read node capacity: ${explainApiError(error)}` };
        }
    }
});

const PRESSURE = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'];
/** "kubectl get nodes (all Ready)": every node Ready, pressure conditions named, cordons noted. */
const nodesReadyCheck = defineCheck({
    id: 'nodes-ready',
    title: 'Verify cluster is healthy: all nodes Ready',
    item: 'staging-nodes-ready',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        try {
            // Folded page by page: what is kept is the count and the nodes to name, never the Node objects.
            const { value, read } = await cluster.session.fold({ kind: 'nodes' }, () => ({ count: 0, problems: [], warnings: [] }), (seen, node) => {
                seen.count++;
                const name = node.metadata?.name;
                const conditions = node.status?.conditions ?? [];
                const ready = conditions.find(c => c.type === 'Ready');
                if (ready?.status !== 'True') {
                    seen.problems.push(`${name} is NotReady${ready?.reason ? ` (${ready.reason}${ready.message ? `: ${ready.message}` : ''})` : ' (no Ready condition)'}`);
                }
                for (const c of conditions.filter(c => PRESSURE.includes(c.type) && c.status === 'True')) {
                    seen.problems.push(`${name} has ${c.type}${c.message ? ` (${c.message})` : ''}`);
                }
                if (node.spec?.unschedulable)
                    seen.warnings.push(`${name} is cordoned (unschedulable)`);
                return seen;
            });
            const { count, problems, warnings } = value;
            const data = { reads: [read] };
            if (count === 0)
                return { status: 'fail', message: 'the cluster has no nodes: nothing could run the pods', data };
            const details = [...problems, ...warnings];
            if (problems.length) {
                return {
                    status: 'fail',
                    message: problems.join('; '),
                    details,
                    data,
                    hint: 'Wait for the nodes to recover, or drain and replace them, before deploying.'
                };
            }
            if (warnings.length)
                return { status: 'warn', message: `${count} nodes Ready; ${warnings.join('; ')}`, details, data };
            return { status: 'pass', message: `all ${count} nodes Ready, no pressure conditions`, data };
        }
        catch (error) {
            return { status: 'error', message: `cannot list nodes: ${explainApiError(error)}` };
        }
    }
});

/** Splits `apps/v1` into group and version (`v1` → core group ''). */
function splitApiVersion(apiVersion) {
    const slash = apiVersion.indexOf('/');
    return slash < 0
        ? { group: '', version: apiVersion }
        : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

const APPLY_VERBS = ['get', 'create', 'patch', 'update'];
/**
 * "kubectl auth can-i": a SelfSubjectAccessReview for every verb and resource the deploy needs, derived from
 * the bundle's kinds (apply = get/create/patch/update), plus `patch deployments` for `kubectl rollout undo`.
 */
const permissionsCheck = defineCheck({
    id: 'permissions',
    title: 'Test write access to the cluster (kubectl auth can-i)',
    item: 'write-access',
    needs: ['cluster', 'bundle'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const { session } = cluster;
        const namespace = ctx.options.namespace;
        const needs = new Map();
        const add = (need) => needs.set(`${need.verb} ${need.group}/${need.resource} ${need.namespace ?? ''}`, need);
        const unknownKinds = [];
        const { docs } = manifestDocs(ctx);
        let resources;
        try {
            // Every API group the bundle uses is asked at once (discovery is read once per group and run).
            resources = await Promise.all(docs.map(({ doc }) => session.resourceFor(doc.apiVersion, doc.kind)));
        }
        catch (error) {
            // The server could not say what it serves: nothing is known about the permissions, none is denied.
            return { status: 'error', message: `cannot ask the server what it serves: ${explainApiError(error)}` };
        }
        for (const [index, { doc }] of docs.entries()) {
            const resource = resources[index];
            if (!resource) {
                unknownKinds.push(`${doc.kind} (${doc.apiVersion})`);
                continue;
            }
            const { group } = splitApiVersion(doc.apiVersion);
            for (const verb of APPLY_VERBS) {
                add({
                    verb,
                    group,
                    resource: resource.name,
                    namespace: resource.namespaced ? namespace : undefined,
                    why: `apply ${doc.kind}`
                });
            }
        }
        add({ verb: 'patch', group: 'apps', resource: 'deployments', namespace, why: 'kubectl rollout undo' });
        const checked = await Promise.all([...needs.values()].map(async (need) => {
            try {
                const answer = await session.canI(need);
                return { need, allowed: answer.allowed };
            }
            catch (error) {
                return { need, allowed: false, error: explainApiError(error) };
            }
        }));
        const label = (n) => `${n.verb} ${n.resource}${n.group ? `.${n.group}` : ''}${n.namespace ? ` in namespace ${n.namespace}` : ' (cluster-wide)'}`;
        const unasked = checked.filter(c => c.error);
        const missing = checked.filter(c => !c.allowed && !c.error);
        const details = checked.map(c => `${c.error ? '?  ' : c.allowed ? 'yes' : 'NO '}  ${label(c.need)} — for ${c.need.why}${c.error ? ` (not answered: ${c.error})` : ''}`);
        if (unknownKinds.length)
            details.push(`not checked (the server does not serve them): ${unknownKinds.join(', ')}`);
        if (unasked.length > 0) {
            // An unanswered question is not a "no": say the server did not answer, not that a verb is denied.
            return {
                status: 'error',
                message: `could not ask the server about ${unasked.length} of ${checked.length} permissions: ${unasked[0].error}${missing.length ? `; denied: ${missing.map(m => label(m.need)).join('; ')}` : ''}`,
                details
            };
        }
        if (missing.length > 0) {
            return {
                status: 'fail',
                message: `the deploy identity cannot: ${missing.map(m => label(m.need)).join('; ')}`,
                details,
                hint: 'Grant these verbs to the deploy identity (a Role/RoleBinding in the namespace), or use the right kubeconfig.',
                data: { missing: missing.map(m => label(m.need)) }
            };
        }
        return {
            status: 'pass',
            message: `all ${checked.length} permissions the deploy and a rollback need are granted`,
            details
        };
    }
});

const PODS_RUNNING_DATA = dataKey('pods-running');
/** Adds one pod to the tally. */
function judge(tally, pod, since) {
    const name = pod.metadata?.name;
    // The server leaves completed pods out (SELECT.podsNotSucceeded); a reader that did not is not trusted.
    if (pod.status?.phase === 'Succeeded')
        return tally;
    tally.pods++;
    const statuses = pod.status?.containerStatuses ?? [];
    const podRestarts = statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0);
    tally.restarts += podRestarts;
    if (name)
        tally.restartsByPod[name] = podRestarts;
    const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready')?.status === 'True';
    tally.details.push(`${name}: ${pod.status?.phase ?? 'Unknown'}, ${ready ? 'Ready' : 'not Ready'}, ${podRestarts} restarts`);
    if (pod.status?.phase !== 'Running')
        tally.problems.push(`${name} is ${pod.status?.phase ?? 'Unknown'}`);
    else if (!ready)
        tally.problems.push(`${name} is not Ready`);
    for (const s of statuses) {
        const waiting = s.state?.waiting?.reason;
        if (waiting === 'CrashLoopBackOff' || waiting === 'ImagePullBackOff' || waiting === 'ErrImagePull') {
            tally.problems.push(`${name}/${s.name} is in ${waiting} (${s.restartCount ?? 0} restarts)`);
            continue;
        }
        const finished = Date.parse(s.lastState?.terminated?.finishedAt ?? '');
        if ((s.restartCount ?? 0) > 0 && finished >= since) {
            tally.problems.push(`${name}/${s.name} restarted ${s.restartCount} times, last at ${s.lastState.terminated.finishedAt} (${s.lastState?.terminated?.reason ?? 'exited'}): restarts are rising`);
        }
    }
    return tally;
}
const podsRunningCheck = defineCheck({
    id: 'pods-running',
    title: 'Check pod status: all Running and Ready, no rising restarts',
    item: 'production-pods-running',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const namespace = ctx.options.namespace;
        const since = Date.now() - ctx.options.eventsWindowMs;
        try {
            const { value: tally, read } = await cluster.session.fold({ kind: 'pods', namespace, fieldSelector: SELECT.podsNotSucceeded }, () => ({ pods: 0, restarts: 0, restartsByPod: {}, problems: [], details: [] }), (tally, pod) => judge(tally, pod, since));
            const { pods, restarts, restartsByPod, problems, details } = tally;
            if (pods === 0) {
                const data = { reads: [read] };
                return {
                    status: 'pass',
                    message: `no running pods in ${namespace} yet (completed ones are not judged)`,
                    data
                };
            }
            const data = { restarts, restartsByPod, reads: [read] };
            if (problems.length) {
                return {
                    status: 'fail',
                    message: [...new Set(problems)].join('; '),
                    details,
                    data,
                    hint: 'Check the pod logs and events (kubectl describe pod); a crashing workload should be fixed or rolled back before deploying over it.'
                };
            }
            return {
                status: 'pass',
                message: `${pods} pods Running and Ready (${restarts} restarts in total, none recent)`,
                details,
                data
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot list pods in ${namespace}: ${explainApiError(error)}` };
        }
    }
});

function lastSeen(event) {
    return Date.parse(event.series?.lastObservedTime ??
        event.lastTimestamp ??
        event.eventTime ??
        event.metadata?.creationTimestamp ??
        '');
}
/** "Verify recent events": Warning events in the window, grouped by reason and object. Reported, not blocking. */
const recentEventsCheck = defineCheck({
    id: 'recent-events',
    title: 'Verify recent events (no Warning events in the window)',
    item: 'production-recent-events',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const namespace = ctx.options.namespace;
        const since = Date.now() - ctx.options.eventsWindowMs;
        try {
            // Only the groups it reports are kept while the events are read: one entry per reason and object.
            const { value: grouped, read } = await cluster.session.fold({ kind: 'events', namespace, fieldSelector: SELECT.warningEvents }, () => new Map(), (groups, object) => {
                const e = object;
                if (lastSeen(e) < since)
                    return groups;
                const key = `${e.reason ?? 'Unknown'} ${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`;
                const entry = groups.get(key) ?? { count: 0, message: e.message };
                entry.count += e.series?.count ?? e.count ?? 1;
                return groups.set(key, entry);
            });
            const minutes = Math.round(ctx.options.eventsWindowMs / 60_000);
            const reads = [read];
            if (grouped.size === 0) {
                return {
                    status: 'pass',
                    message: `no Warning events in ${namespace} in the last ${minutes} min`,
                    data: { reads }
                };
            }
            const details = [...grouped].map(([key, v]) => `${key} ×${v.count}${v.message ? `: ${v.message}` : ''}`);
            return {
                status: 'warn',
                message: `${grouped.size} kinds of Warning events in the last ${minutes} min: ${[...grouped.keys()].slice(0, 3).join(', ')}${grouped.size > 3 ? ', …' : ''}`,
                details,
                data: { warnings: details, reads }
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot list events in ${namespace}: ${explainApiError(error)}` };
        }
    }
});

const containersOf = (obj) => obj?.spec?.template?.spec?.containers ?? [];
function envValue(e) {
    return e.valueFrom !== undefined ? `from ${JSON.stringify(e.valueFrom)}` : (e.value ?? '');
}
/**
 * What a reviewer needs from a Deployment change: replicas, images, env. Env values are not shown: they
 * end up in the job summary and the tracking issue, and a value such as DATABASE_URL may hold a password.
 */
function deploymentChanges(live, next) {
    const changes = [];
    if (live.spec?.replicas !== next.spec?.replicas)
        changes.push(`replicas ${live.spec?.replicas} → ${next.spec?.replicas}`);
    const before = new Map(containersOf(live).map(c => [c.name, c]));
    for (const container of containersOf(next)) {
        const old = before.get(container.name);
        if (!old) {
            changes.push(`container ${container.name} added (${container.image})`);
            continue;
        }
        before.delete(container.name);
        if (old.image !== container.image)
            changes.push(`${container.name} image ${old.image} → ${container.image}`);
        const oldEnv = new Map((old.env ?? []).map(e => [e.name, envValue(e)]));
        for (const e of container.env ?? []) {
            const value = envValue(e);
            if (!oldEnv.has(e.name))
                changes.push(`${container.name} env ${e.name} added`);
            else if (oldEnv.get(e.name) !== value) {
                changes.push(`${container.name} env ${e.name} changed`);
            }
            oldEnv.delete(e.name);
        }
        for (const name of oldEnv.keys())
            changes.push(`${container.name} env ${name} removed`);
    }
    for (const name of before.keys())
        changes.push(`container ${name} removed`);
    return changes;
}
/** ConfigMap keys added, removed or changed (values are not shown: they may be sensitive). */
function configMapChanges(live, next) {
    const a = (live.data ?? {});
    const b = (next.data ?? {});
    const changes = [];
    for (const key of Object.keys(b)) {
        if (!(key in a))
            changes.push(`key ${key} added`);
        else if (a[key] !== b[key])
            changes.push(`key ${key} changed`);
    }
    for (const key of Object.keys(a))
        if (!(key in b))
            changes.push(`key ${key} removed`);
    return changes;
}
/**
 * The outcome when objects could not be read: an error (fail closed), never "new object" nor a warning,
 * since nothing is known of what the deploy changes in them. The first cause is named, and how to fix it.
 */
function notReadOutcome(notRead, afterServerGone, total, computed) {
    const isServerGone = (error) => isClusterError(error) && error.unreachable === true;
    // A server gone is the root cause of every read after it; otherwise the first failure is named.
    const first = notRead.find(({ error }) => isServerGone(error)) ?? notRead[0];
    const serverGone = isServerGone(first.error);
    const denied = notRead.some(({ error }) => isClusterError(error) && error.status === 403);
    const details = [
        ...computed.details,
        ...notRead.map(({ label, error }) => `${label}: not read: ${explainApiError(error)}`)
    ];
    if (afterServerGone.length)
        details.push(`not read (the server stopped answering): ${afterServerGone.join(', ')}`);
    // A server gone is the cause whatever the object; a denial or a server error is about one object.
    const cause = `${serverGone ? '' : `${first.label}: `}${explainApiError(first.error)}`;
    return {
        status: 'error',
        message: `${notRead.length + afterServerGone.length} of ${total} objects not compared with the cluster: ${cause}`,
        details,
        data: { changes: computed.changes },
        hint: serverGone
            ? 'Check that the API server is up and that this runner can reach it, then run the preflight again.'
            : denied
                ? 'Grant the deploy identity get on these objects (a Role/RoleBinding in the namespace), or use the right kubeconfig.'
                : 'The message above is the API server’s own: run the preflight again once the server answers these reads.'
    };
}
const WHAT_CHANGES_DATA = dataKey('what-changes');
/** "Document: what's changing": per object, live vs the server's dry-run result, as a reviewer reads it. */
const whatChangesCheck = defineCheck({
    id: 'what-changes',
    title: "Document: what's changing (configs, manifests, versions)",
    item: 'document-what-changes',
    needs: ['cluster', 'bundle'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const { session } = cluster;
        const namespace = ctx.options.namespace;
        const changes = {};
        const notComputed = [];
        const notRead = [];
        let afterServerGone = [];
        const { docs } = manifestDocs(ctx);
        // Every object is asked at once (the dry-runs are the dry-run check's, shared through the session);
        // the answers are then read in the bundle's order, as before.
        const answers = await Promise.all(docs.map(async ({ doc }) => {
            // The live object is asked beside the dry-run, not after it (the two answers are independent),
            // and read only when there is a dry-run result to compare it with; a failed read is then ignored.
            const reading = session.live(doc, namespace);
            reading.catch(() => undefined);
            try {
                const outcome = await session.dryRunApply(doc, namespace);
                // A live object that cannot be read (403, 500, a server gone) throws: it is never taken for one
                // that does not exist yet.
                const live = outcome.ok && outcome.result ? await reading : undefined;
                return { outcome, live };
            }
            catch (error) {
                return { error };
            }
        }));
        for (const [index, { doc }] of docs.entries()) {
            const label = objectLabel(doc);
            const answer = answers[index];
            if ('error' in answer) {
                const { error } = answer;
                notRead.push({ label, error });
                if (isClusterError(error) && error.unreachable) {
                    // A server that did not answer for this object did not for the next: one cause, named once.
                    afterServerGone = docs.slice(index + 1).map(d => objectLabel(d.doc));
                    break;
                }
                continue;
            }
            const { outcome, live } = answer;
            if (!outcome.ok || !outcome.result) {
                notComputed.push(label);
                continue;
            }
            if (!live) {
                changes[label] = ['new object (will be created)'];
                continue;
            }
            const list = doc.kind === 'Deployment'
                ? deploymentChanges(live, outcome.result)
                : doc.kind === 'ConfigMap'
                    ? configMapChanges(live, outcome.result)
                    : JSON.stringify(live.spec) !== JSON.stringify(outcome.result.spec)
                        ? ['spec changes']
                        : [];
            changes[label] = list.length ? list : ['no change'];
        }
        const details = Object.entries(changes).map(([label, list]) => `${label}: ${list.join('; ')}`);
        if (notComputed.length)
            details.push(`not computed (dry-run failed): ${notComputed.join(', ')}`);
        if (notRead.length)
            return notReadOutcome(notRead, afterServerGone, docs.length, { details, changes });
        const changed = Object.values(changes).filter(list => list[0] !== 'no change').length;
        return {
            status: notComputed.length ? 'warn' : 'pass',
            message: `${changed} of ${Object.keys(changes).length + notComputed.length} objects change${notComputed.length ? `; ${notComputed.length} not computed` : ''}`,
            details,
            data: { changes }
        };
    }
});

const NO_IMAGE_HINT = 'Give every service an `image:` (or a `build:` context).';
/** docker-compose.yml: a non-empty `services` map whose every service names an image, a build or a base. */
const composeCheck = defineCheck({
    id: 'compose',
    title: 'docker-compose.yml defines runnable services',
    item: 'review-artifact-generation',
    needs: ['bundle'],
    notApplicable({ options, bundle }) {
        return options.expectedFiles.includes(COMPOSE_FILE) || bundle?.has(COMPOSE_FILE)
            ? undefined
            : `the bundle has no ${COMPOSE_FILE}`;
    },
    async run({ bundle }) {
        if (!bundle.has(COMPOSE_FILE)) {
            return {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                blockedBy: 'bundle-files',
                message: `not run: ${COMPOSE_FILE} is missing`
            };
        }
        const parsed = bundle.parsed(COMPOSE_FILE);
        if (parsed.errors.length > 0) {
            return {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                blockedBy: 'bundle-syntax',
                message: `not run: ${COMPOSE_FILE} does not parse`
            };
        }
        const doc = parsed.documents[0];
        const services = isMap(doc?.value) ? doc.value.services : undefined;
        if (!isMap(services) || Object.keys(services).length === 0) {
            const at = positionOf(parsed, services === undefined ? [] : ['services'], doc);
            return {
                status: 'fail',
                message: `${COMPOSE_FILE} has no "services" map`,
                findings: [{ severity: 'error', ...at, message: 'no top-level "services" map' }],
                hint: 'A compose file needs `services:` with at least one service.'
            };
        }
        const findings = [];
        for (const [name, service] of Object.entries(services)) {
            // Positions parse the file a second time: only a finding asks for one.
            const at = () => positionOf(parsed, ['services', name], doc);
            if (!isMap(service)) {
                findings.push({ severity: 'error', ...at(), message: `service "${name}" is not a mapping` });
                continue;
            }
            const image = service.image;
            const hasImage = typeof image === 'string' && image.trim() !== '';
            const hasBuild = typeof service.build === 'string' || isMap(service.build);
            if (!hasImage && !hasBuild && service.extends === undefined) {
                findings.push({
                    severity: 'error',
                    ...at(),
                    message: `service "${name}" has neither "image" nor "build"`,
                    hint: NO_IMAGE_HINT
                });
            }
            else if (hasImage && /:latest$/.test(image)) {
                findings.push({
                    severity: 'warning',
                    ...positionOf(parsed, ['services', name, 'image'], doc),
                    message: `service "${name}" uses ${image}: pin a version`,
                    hint: 'Pin the image to a version tag or digest, so that the deploy is reproducible.'
                });
            }
        }
        const errors = findings.filter(f => f.severity === 'error');
        const details = findings.map(f => `${where(f)} ${f.severity}: ${f.message}`);
        const count = Object.keys(services).length;
        if (errors.length > 0) {
            return {
                status: 'fail',
                message: errors.map(f => f.message).join('; '),
                details,
                findings,
                hint: NO_IMAGE_HINT
            };
        }
        if (findings.length > 0)
            return { status: 'warn', message: `${count} services; ${findings[0].message}`, details, findings };
        return {
            status: 'pass',
            message: `${count} services, each with an image or build (${Object.keys(services).join(', ')})`
        };
    }
});

/**
 * Compares the same configuration written in several formats. Values are first brought to a common
 * model: TOML has no null, so null/absent are the same; TOML dates become their ISO text; numbers compare
 * by value (TOML 8001 and JSON 8001.0 are the same number).
 */
function normalise$1(value) {
    if (value === null || value === undefined)
        return null;
    if (value instanceof Date)
        return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
    if (typeof value === 'bigint')
        return Number(value);
    if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return value.map(normalise$1);
    if (typeof value === 'object') {
        const out = {};
        for (const key of Object.keys(value).sort()) {
            const item = normalise$1(value[key]);
            if (item !== null)
                out[key] = item;
        }
        return out;
    }
    return String(value);
}
/** Renders a key path the way people write it: `llm_router.providers[1].model`, `labels["a.b"]`. */
function formatPath(path) {
    return path
        .map((part, i) => {
        if (typeof part === 'number')
            return `[${part}]`;
        if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(part))
            return i === 0 ? part : `.${part}`;
        return `[${JSON.stringify(part)}]`;
    })
        .join('');
}
const kindOf = (value) => value === undefined ? 'absent' : Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
/**
 * Key paths at which `a` and `b` differ (a missing key counts). Arrays compare element by element,
 * because order matters to the application (e.g. a fallback chain).
 */
function diffPaths(a, b, path = [], out = []) {
    const ka = kindOf(a);
    const kb = kindOf(b);
    if (ka !== kb) {
        out.push(path);
    }
    else if (ka === 'array') {
        const xa = a;
        const xb = b;
        for (let i = 0; i < Math.max(xa.length, xb.length); i++)
            diffPaths(xa[i], xb[i], [...path, i], out);
    }
    else if (ka === 'object') {
        const oa = a;
        const ob = b;
        for (const key of [...new Set([...Object.keys(oa), ...Object.keys(ob)])].sort()) {
            diffPaths(oa[key], ob[key], [...path, key], out);
        }
    }
    else if (!Object.is(a, b)) {
        out.push(path);
    }
    return out;
}
/** The value at a path, or undefined. */
function valueAt(value, path) {
    let current = value;
    for (const part of path) {
        if (current === null || current === undefined || typeof current !== 'object')
            return undefined;
        current = current[part];
    }
    return current;
}
/** Key names whose values must never be printed (they may hold credentials). */
const SECRET_KEY = /(pass(word|wd)?|secret|token|api[-_]?key|private[-_]?key|credential|auth[-_]?key)/i;
/** A short, safe rendering of a value for a diff line: secrets redacted, long values cut. */
function showValue(path, value) {
    if (value === undefined)
        return '(absent)';
    if (path.some(part => typeof part === 'string' && SECRET_KEY.test(part)))
        return '(redacted)';
    // A URL may carry credentials (postgres://user:password@host) under an innocent key such as `url`.
    const text = JSON.stringify(value).replace(/(\w+:\/\/)[^/@\s"]+@/g, '$1***@');
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const NOT_CONFIG = new Set([CONFIGMAP_FILE, DEPLOYMENT_FILE, COMPOSE_FILE]);
const FORMAT_ORDER = ['toml', 'yaml', 'json'];
const MAX_PATHS_SHOWN = 25;
const HINT = 'The TOML, YAML and JSON of a mode must be generated from one source; regenerate the bundle.';
/** Groups config files by name without extension: `vapora-solo` → its .toml/.yaml/.json files. */
function modeGroups(files) {
    const groups = new Map();
    for (const file of files) {
        if (NOT_CONFIG.has(file) || !formatOf(file))
            continue;
        const stem = file.replace(/\.(toml|ya?ml|json)$/i, '');
        groups.set(stem, [...(groups.get(stem) ?? []), file]);
    }
    for (const [stem, members] of groups)
        if (members.length < 2)
            groups.delete(stem);
    return groups;
}
function byFormatOrder(a, b) {
    return FORMAT_ORDER.indexOf(formatOf(a)) - FORMAT_ORDER.indexOf(formatOf(b));
}
/** The members whose value at `path` differs from a majority of the others (none when there is no majority). */
function outliers(members, path) {
    const groups = new Map();
    for (const m of members) {
        const key = JSON.stringify(valueAt(m.value, path) ?? null);
        groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    const largest = Math.max(...[...groups.values()].map(g => g.length));
    if (largest * 2 <= members.length)
        return [];
    return members.filter(m => groups.get(JSON.stringify(valueAt(m.value, path) ?? null)).length < largest);
}
function compareMode(stem, bundle, files) {
    const members = files.map(file => ({
        file,
        format: formatOf(file),
        value: normalise$1(bundle.parsed(file).documents[0]?.value)
    }));
    const byPath = new Map();
    for (const other of members.slice(1)) {
        for (const path of diffPaths(members[0].value, other.value))
            byPath.set(formatPath(path), path);
    }
    if (byPath.size === 0)
        return undefined;
    const paths = [...byPath.values()];
    const oddOnes = paths.map(path => outliers(members, path));
    const single = oddOnes.every(o => o.length === 1 && o[0].format === oddOnes[0][0]?.format);
    const odd = single ? oddOnes[0][0].format : undefined;
    const details = [
        odd
            ? `${stem}: the ${odd} differs from the ${members
                .filter(m => m.format !== odd)
                .map(m => m.format)
                .join(' and ')} at ${paths.length} key path(s)`
            : `${stem}: ${members.map(m => m.format).join(', ')} differ at ${paths.length} key path(s)`
    ];
    const findings = [];
    paths.slice(0, MAX_PATHS_SHOWN).forEach((path, i) => {
        const shown = formatPath(path) || '(document root)';
        const values = members.map(m => {
            const at = bundle.parsed(m.file).locate(path);
            const line = at?.exact ? ` (line ${at.line})` : at ? ' (absent)' : '';
            return `${m.format}=${showValue(path, valueAt(m.value, path))}${at?.exact ? line : ''}`;
        });
        details.push(`  ${shown}: ${values.join(', ')}`);
        // Annotate where the fix goes: the format that disagrees, or every format when there is no majority.
        const blamed = oddOnes[i].length > 0 ? oddOnes[i] : members;
        for (const m of blamed) {
            const at = bundle.parsed(m.file).locate(path);
            const others = members
                .filter(o => o !== m)
                .map(o => `${o.format} ${showValue(path, valueAt(o.value, path))}`);
            findings.push({
                severity: 'error',
                file: m.file,
                line: at?.line ?? 1,
                column: at?.column ?? 1,
                message: `${stem}: ${shown} is ${showValue(path, valueAt(m.value, path))} here but ${others.join(', ')}`,
                hint: HINT
            });
        }
    });
    if (paths.length > MAX_PATHS_SHOWN)
        details.push(`  … and ${paths.length - MAX_PATHS_SHOWN} more`);
    return { stem, paths, odd, details, findings };
}
/**
 * "All 3 modes validate": for each mode, the TOML, YAML and JSON files must describe the same data.
 * Any difference is a blocking failure listing the differing key paths and (redacted) values, naming the
 * format that disagrees with the other two and pointing at its line.
 */
const configModesCheck = defineCheck({
    id: 'config-modes',
    title: 'Verify all 3 modes validate (TOML = YAML = JSON for each mode)',
    item: 'all-modes-validate',
    needs: ['bundle'],
    notApplicable({ options }) {
        return modeGroups(options.expectedFiles).size === 0
            ? 'expected-files lists no config written in several formats'
            : undefined;
    },
    async run({ options, bundle }) {
        const expected = modeGroups(options.expectedFiles);
        const present = modeGroups(bundle.files);
        const stems = [...new Set([...expected.keys(), ...present.keys()])].sort();
        const details = [];
        const drifts = [];
        const uncompared = [];
        for (const stem of stems) {
            const files = (present.get(stem) ?? []).sort(byFormatOrder);
            const missing = (expected.get(stem) ?? []).filter(f => !bundle.has(f));
            const unparsed = files.filter(f => bundle.parsed(f).errors.length > 0);
            if (missing.length > 0 || unparsed.length > 0 || files.length < 2) {
                const why = [...missing.map(f => `${f} missing`), ...unparsed.map(f => `${f} does not parse`)];
                const text = why.join(', ') || 'fewer than two formats present';
                uncompared.push({ stem, why: text, blockedBy: missing.length > 0 ? 'bundle-files' : 'bundle-syntax' });
                details.push(`${stem}: cannot compare: ${text}`);
                continue;
            }
            const drift = compareMode(stem, bundle, files);
            if (drift) {
                drifts.push(drift);
                details.push(...drift.details);
            }
            else {
                details.push(`${stem}: ${files.map(f => formatOf(f)).join(' = ')} ✓`);
            }
        }
        const cannot = uncompared.map(u => `cannot compare ${u.stem}: ${u.why}`);
        if (drifts.length === 0 && uncompared.length > 0) {
            // Only files that are missing or do not parse: those checks said so; this one did not get to run.
            return {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                blockedBy: uncompared[0].blockedBy,
                message: `not run: ${cannot.join('; ')}`,
                details
            };
        }
        if (drifts.length > 0) {
            const summary = drifts
                .map(d => {
                const paths = d.paths.map(p => formatPath(p) || '(document root)');
                const shown = `${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''}`;
                return d.odd ? `${d.stem}: the ${d.odd} differs at ${shown}` : `${d.stem} differs at ${shown}`;
            })
                .join('; ');
            return {
                status: 'fail',
                message: `formats disagree: ${[summary, ...cannot].join('; ')}`,
                details,
                findings: drifts.flatMap(d => d.findings),
                hint: HINT,
                data: { differing: Object.fromEntries(drifts.map(d => [d.stem, d.paths.map(p => formatPath(p))])) }
            };
        }
        return {
            status: 'pass',
            message: `${stems.length} modes agree across formats (${stems.join(', ')})`,
            details
        };
    }
});

/**
 * kubectl reads manifests as YAML 1.1 (sigs.k8s.io/yaml on go-yaml v2), where unquoted yes/no/on/off/y/n
 * are booleans; YAML 1.2 (what we parse with) reads them as strings. The same manifest can therefore say
 * `ENABLED: "yes"` to us and `ENABLED: true` to the server. This finds every such value.
 */
const isContainer = (value) => typeof value === 'object' && value !== null;
function walk$1(a, b, path, out) {
    if (typeof a === 'string' && typeof b === 'boolean')
        return out(path, a, b);
    if (!isContainer(a) || !isContainer(b))
        return;
    for (const key of Object.keys(a)) {
        const index = Array.isArray(a) ? Number(key) : key;
        walk$1(a[key], b[key], [...path, index], out);
    }
}
/**
 * A word YAML 1.1 reads as a boolean and 1.2 does not, where a plain scalar can stand: a key (before `:`)
 * or a value (after `:`, `-`, `?`, `[`, `,`, `{` or at a line's start, with its anchor or tag), up to the
 * end of the scalar. Text without one cannot read differently, so it is not parsed a second time; the
 * test is loose (a word in a comment or a quoted string passes it too): it only spares the second parse.
 */
const YAML11_ONLY_BOOLEAN = /(?:^|[:?\-[,{])[ \t]*(?:[&!]\S*[ \t]+)*(?:[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)[ \t]*(?:$|[:#,\]}\r])/m;
function yaml11Booleans(text, documents) {
    const readings = [];
    if (!YAML11_ONLY_BOOLEAN.test(text))
        return readings;
    // Timestamps are left out of the 1.1 schema: go-yaml v2 keeps them as strings for untyped fields.
    const legacy = parseAllDocuments(text, {
        version: '1.1',
        customTags: tags => tags.filter(tag => typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:timestamp')
    });
    if (!Array.isArray(legacy))
        return readings;
    for (const doc of documents) {
        const old = legacy[doc.index];
        if (!old || old.errors.length > 0)
            continue;
        let value;
        try {
            value = old.toJS({ maxAliasCount: 100 });
        }
        catch {
            continue;
        }
        walk$1(doc.value, value, [], (path, text, kubectlValue) => readings.push({ index: doc.index, path, text, kubectlValue }));
    }
    return readings;
}

const MANIFEST_FILES = [CONFIGMAP_FILE, DEPLOYMENT_FILE];
const MANIFEST_HINT = 'Fix the manifest generator; names and namespace come from the namespace/deployments/configmap options.';
/** API versions the server no longer serves (removed in Kubernetes 1.16). */
const REMOVED_DEPLOYMENT_APIS = new Set(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']);
function checkDeployment(obj, problem, warn) {
    if (REMOVED_DEPLOYMENT_APIS.has(obj.apiVersion)) {
        problem(`uses apiVersion ${obj.apiVersion}, which the server no longer serves: use apps/v1`, [
            'apiVersion'
        ]);
    }
    const spec = isMap(obj.raw.spec) ? obj.raw.spec : undefined;
    const template = spec && isMap(spec.template) ? spec.template : undefined;
    const matchLabels = spec && isMap(spec.selector) && isMap(spec.selector.matchLabels) ? spec.selector.matchLabels : {};
    const templateLabels = template && isMap(template.metadata) && isMap(template.metadata.labels) ? template.metadata.labels : {};
    if (!spec || !isMap(spec.selector))
        problem('has no spec.selector', ['spec', 'selector']);
    for (const [key, value] of Object.entries(matchLabels)) {
        if (templateLabels[key] !== value) {
            problem(`spec.selector.matchLabels ${key}=${String(value)} is not among spec.template.metadata.labels`, ['spec', 'selector', 'matchLabels', key], 'The selector must match the pod template labels; note that a Deployment selector cannot change once created.');
        }
    }
    const podSpec = template && isMap(template.spec) ? template.spec : undefined;
    const containers = podSpec && Array.isArray(podSpec.containers) ? podSpec.containers : [];
    const containersPath = ['spec', 'template', 'spec', 'containers'];
    if (containers.length === 0)
        problem('has no containers in spec.template.spec.containers', containersPath);
    const names = new Set();
    containers.forEach((container, i) => {
        const at = [...containersPath, i];
        if (!isMap(container))
            return problem(`container #${i + 1} is not a mapping`, at);
        const name = typeof container.name === 'string' ? container.name : '';
        if (!name)
            problem(`container #${i + 1} has no name`, at);
        if (names.has(name))
            problem(`container name "${name}" is used twice`, [...at, 'name']);
        names.add(name);
        const image = container.image;
        if (typeof image !== 'string' || image.trim() === '')
            return problem(`container "${name}" has no image`, [...at, 'image']);
        const lastSegment = image.split('/').pop() ?? '';
        if (!image.includes('@') && (!lastSegment.includes(':') || lastSegment.endsWith(':latest'))) {
            warn(`container "${name}" image ${image} is not pinned to a version: a rollback could not restore it`, [...at, 'image'], 'Pin the image to a version tag or a digest (image@sha256:…).');
        }
    });
}
function checkConfigMap(obj, problem) {
    for (const field of ['data', 'binaryData']) {
        const data = obj.raw[field];
        if (data === undefined || data === null)
            continue;
        if (!isMap(data)) {
            problem(`${field} must be a mapping of keys to strings`, [field]);
            continue;
        }
        for (const [key, value] of Object.entries(data)) {
            if (typeof value !== 'string') {
                problem(`${field}.${key} is a ${Array.isArray(value) ? 'list' : typeof value}; ConfigMap values must be strings (quote it)`, [field, key]);
            }
            else if (field === 'binaryData' && !/^[A-Za-z0-9+/]*={0,2}$/.test(value.replace(/\s/g, ''))) {
                problem(`binaryData.${key} is not base64`, [field, key]);
            }
        }
    }
}
/**
 * Manifest sanity, offline: every document is a Kubernetes object with apiVersion, kind and
 * metadata.name; the expected Deployments and ConfigMap are there; namespaces agree with the target;
 * and the mistakes the server would reject (selector not matching the template, non-string ConfigMap
 * values) are caught before any cluster is involved.
 */
const manifestsCheck = defineCheck({
    id: 'manifests',
    title: 'Manifests are sane (objects, names, namespaces)',
    item: 'validate-manifest-syntax',
    needs: ['bundle'],
    notApplicable({ options, bundle }) {
        const relevant = MANIFEST_FILES.filter(f => options.expectedFiles.includes(f) || bundle?.has(f));
        return relevant.length === 0 ? 'the bundle has no configmap.yaml or deployment.yaml' : undefined;
    },
    async run({ options, bundle }) {
        const findings = [];
        const unreadable = [];
        const objects = [];
        const parsedFiles = new Map();
        for (const file of MANIFEST_FILES) {
            if (!bundle.has(file)) {
                if (options.expectedFiles.includes(file))
                    unreadable.push({ file, why: 'missing' });
                continue;
            }
            const parsed = bundle.parsed(file);
            if (parsed.errors.length > 0) {
                unreadable.push({ file, why: 'syntax errors' });
                continue;
            }
            parsedFiles.set(file, parsed);
            const { objects: found, problems } = kubeObjectsIn(parsed);
            objects.push(...found);
            findings.push(...problems.map(({ severity, file, line, column, message }) => ({
                severity,
                file,
                line,
                column,
                message
            })));
            for (const reading of yaml11Booleans(bundle.text(file), parsed.documents)) {
                const doc = parsed.documents.find(d => d.index === reading.index);
                const kind = doc?.value?.kind;
                // A ConfigMap value that kubectl turns into a boolean is rejected by the server; elsewhere it is
                // a silent change of meaning that deserves a look.
                const inConfigMapData = kind === 'ConfigMap' && (reading.path[0] === 'data' || reading.path[0] === 'binaryData');
                findings.push({
                    severity: inConfigMapData ? 'error' : 'warning',
                    ...positionOf(parsed, reading.path, doc),
                    message: `document ${reading.index + 1}: ${formatPath(reading.path)}: ${reading.text} is the string "${reading.text}" in YAML 1.2 but the boolean ${reading.kubectlValue} to kubectl (YAML 1.1)`,
                    hint: `Quote it ("${reading.text}") so that kubectl and the server read the same value.`
                });
            }
        }
        const seen = new Map();
        for (const obj of objects) {
            const parsed = parsedFiles.get(obj.file);
            const add = (severity) => (message, path = [], hint) => {
                findings.push({
                    severity,
                    ...positionOf(parsed, [...obj.path, ...path], obj),
                    message: `${obj.kind} ${obj.name}: ${message}`,
                    hint
                });
            };
            const problem = add('error');
            const warn = add('warning');
            if (obj.namespace !== undefined && obj.namespace !== options.namespace && !obj.clusterScoped) {
                problem(`metadata.namespace is "${obj.namespace}" but the target namespace is "${options.namespace}"`, ['metadata', 'namespace'], `Set metadata.namespace to ${options.namespace} (or leave it out), or set the namespace input to the namespace you deploy to.`);
            }
            if (obj.kind === 'Namespace' && obj.name !== options.namespace) {
                problem(`the bundle creates namespace "${obj.name}" but the target namespace is "${options.namespace}"`, ['metadata', 'name']);
            }
            const identity = `${obj.apiVersion.split('/')[0]}/${obj.kind}/${obj.namespace ?? options.namespace}/${obj.name}`;
            const first = seen.get(identity);
            if (first)
                problem(`defined twice (first at ${first.file}:${first.line})`, ['metadata', 'name']);
            seen.set(identity, obj);
            if (obj.kind === 'Deployment')
                checkDeployment(obj, problem, warn);
            if (obj.kind === 'ConfigMap')
                checkConfigMap(obj, problem);
        }
        // A missing object has no node to point at: the annotation goes on the file, naming the object.
        const missingObject = (file, kind, name) => ({
            severity: 'error',
            file,
            line: 1,
            column: 1,
            message: `${kind} ${name} is not in ${file}`,
            hint: `Add the ${kind} ${name} to ${file}, or set the ${kind === 'Deployment' ? 'deployments' : 'configmap'} input to the names the bundle uses.`
        });
        const inFile = (file, kind) => new Set(objects.filter(o => o.file === file && o.kind === kind).map(o => o.name));
        if (parsedFiles.has(DEPLOYMENT_FILE)) {
            const deployments = inFile(DEPLOYMENT_FILE, 'Deployment');
            for (const name of options.deployments.filter(n => !deployments.has(n))) {
                findings.push(missingObject(DEPLOYMENT_FILE, 'Deployment', name));
            }
        }
        if (parsedFiles.has(CONFIGMAP_FILE) && !inFile(CONFIGMAP_FILE, 'ConfigMap').has(options.configMap)) {
            findings.push(missingObject(CONFIGMAP_FILE, 'ConfigMap', options.configMap));
        }
        const errors = findings.filter(f => f.severity === 'error');
        const details = findings.map(f => `${where(f)} ${f.severity}: ${f.message}`);
        if (unreadable.length > 0) {
            const list = unreadable.map(u => `${u.file} (${u.why})`).join(', ');
            // Nothing else wrong: the check did not run because of the file's own problem, reported elsewhere.
            if (errors.length === 0) {
                return {
                    status: 'skip',
                    skipReason: 'prerequisite-failed',
                    blockedBy: unreadable[0].why === 'missing' ? 'bundle-files' : 'bundle-syntax',
                    message: `not checked: ${list}`,
                    details,
                    findings
                };
            }
            return {
                status: 'fail',
                message: `${errors.length} manifest problem(s): ${errors[0].message}${errors.length > 1 ? ' …' : ''}; not checked: ${list}`,
                details,
                findings,
                hint: MANIFEST_HINT
            };
        }
        const summary = `${objects.length} objects (${[...new Set(objects.map(o => o.kind))].join(', ')})`;
        if (errors.length > 0) {
            return {
                status: 'fail',
                message: `${errors.length} manifest problem(s): ${errors[0].message}${errors.length > 1 ? ' …' : ''}`,
                details,
                findings,
                hint: MANIFEST_HINT
            };
        }
        if (findings.length > 0) {
            return {
                status: 'warn',
                message: `${summary}; ${findings.length} warning(s): ${findings[0].message}`,
                details,
                findings
            };
        }
        return {
            status: 'pass',
            message: `${summary} in namespace ${options.namespace}; all expected objects present`
        };
    }
});

/**
 * Probes an HTTP(S) endpoint a few times and measures each answer. A probe is an answer only when its
 * status line, headers and whole body arrive within the probe timeout (as the kubelet's HTTP probe, whose
 * client timeout covers reading the body); all the probes of one endpoint share one budget, and a probe
 * the budget has no time left for is not sent. Redirects are never followed (a bearer token must not
 * travel to wherever a Location points), bodies are read and discarded, and error messages name the URL
 * without its query or credentials, never the token.
 */
/**
 * How much of a body is read before the answer counts as complete. A health endpoint with a huge body is
 * not hung, and an API list of a few hundred KiB is still read whole, so its latency is the real one; the
 * kubelet reads 10 KiB and treats more as a non-fatal truncation, the same idea.
 */
const MAX_BODY_BYTES = 1024 * 1024;
/** The URL as safe to show: no user info, no query string (either may carry a secret). */
function displayUrl(url) {
    return `${url.protocol}//${url.host}${url.pathname}`;
}
/** A duration as people read it in a message: `0.031 s`, `2.5 s`, `30 s`. */
function formatSeconds(ms) {
    const s = ms / 1000;
    return `${Number(s.toFixed(s >= 10 ? 1 : s >= 1 ? 2 : 3))} s`;
}
const round = (ms) => Math.round(ms * 10) / 10;
/**
 * One probe, given up after `limitMs` (`within` says which bound that is, for the message). A fresh
 * connection each time, as the kubelet's prober: every probe measures the same thing, and no socket
 * outlives the probe.
 */
function probeOnce(url, token, limitMs, within) {
    const client = url.protocol === 'https:' ? https : http;
    const started = performance.now();
    const elapsed = () => round(performance.now() - started);
    return new Promise(resolve => {
        let status;
        let done = false;
        const finish = (sample) => {
            if (done)
                return;
            done = true;
            clearTimeout(deadline);
            request.destroy();
            resolve(sample);
        };
        const cutOff = (cause) => status === undefined
            ? { complete: false, ms: elapsed(), error: cause }
            : {
                status,
                complete: false,
                ms: elapsed(),
                error: `answer cut off (status ${status} received, body incomplete: ${cause})`
            };
        const request = client.get(url, {
            agent: false,
            headers: {
                'user-agent': 'vapora-preflight',
                accept: 'application/json, */*',
                ...(token ? { authorization: `Bearer ${token}` } : {})
            }
        }, response => {
            status = response.statusCode;
            let bytes = 0;
            response.on('data', (chunk) => {
                bytes += chunk.length;
                if (bytes >= MAX_BODY_BYTES)
                    finish({ status, complete: true, ms: elapsed() });
            });
            response.on('end', () => finish({ status, complete: true, ms: elapsed() }));
            response.on('error', error => finish(cutOff(error.message)));
            // A body cut off mid-way can end in 'close' without 'end' or 'error'.
            response.on('close', () => finish(cutOff('connection closed')));
        });
        // One deadline for the whole probe: a socket timeout only measures silence, and a server trickling
        // its body a byte at a time would never trip it.
        const deadline = setTimeout(() => {
            const got = status === undefined ? 'no status received' : `status ${status} received, body unfinished`;
            finish({ status, complete: false, ms: elapsed(), error: `no complete answer ${within} (${got})` });
        }, limitMs);
        // Node's network errors carry the host and port, never the request headers.
        request.on('error', error => finish(cutOff(error.message)));
    });
}
/**
 * Probes `url` `count` times, one after the other (latency is what is measured, not throughput), each
 * probe within `timeoutMs` and all of them within `budgetMs`: a probe gets the time the budget has left
 * when that is less than its timeout, and once the budget is spent the remaining probes are not sent.
 */
async function probe(url, options) {
    const started = performance.now();
    const budget = formatSeconds(options.budgetMs);
    const samples = [];
    for (let i = 0; i < options.count; i++) {
        // Whole ms, rounded up: the first probe of a budget equal to the timeout gets the whole timeout.
        const left = Math.ceil(options.budgetMs - (performance.now() - started));
        if (left <= 0) {
            const error = `not sent: the endpoint's ${budget} budget was spent`;
            samples.push({ complete: false, ms: 0, error, notSent: true });
        }
        else if (left < options.timeoutMs) {
            const within = `within the ${formatSeconds(left)} left of the endpoint's ${budget} budget`;
            samples.push(await probeOnce(url, options.token, left, within));
        }
        else {
            const within = `within ${formatSeconds(options.timeoutMs)}`;
            samples.push(await probeOnce(url, options.token, options.timeoutMs, within));
        }
    }
    return { samples, spentMs: round(performance.now() - started) };
}
/** The p-th percentile (nearest rank) of `values`. */
function percentile(values, p) {
    if (values.length === 0)
        return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
function problemOf(sample, expected) {
    if (!sample.complete)
        return sample.error;
    if (sample.status === expected)
        return undefined;
    const redirect = sample.status >= 300 && sample.status < 400 ? ' (redirect, not followed)' : '';
    return `HTTP ${sample.status}${redirect}`;
}
function summarise(url, run, expected, bounds) {
    const { samples } = run;
    const statuses = {};
    const problems = new Map();
    let notSent = 0;
    for (const s of samples) {
        if (s.notSent)
            notSent++;
        const key = s.complete ? String(s.status) : s.notSent ? 'not sent' : 'no complete answer';
        statuses[key] = (statuses[key] ?? 0) + 1;
        const problem = problemOf(s, expected);
        if (problem)
            problems.set(problem, (problems.get(problem) ?? 0) + 1);
    }
    const answered = samples.filter(s => s.complete).map(s => s.ms);
    const ok = samples.filter(s => s.complete && s.status === expected).length;
    return {
        url: displayUrl(url),
        ok,
        count: samples.length,
        p50Ms: percentile(answered, 50),
        p95Ms: percentile(answered, 95),
        p99Ms: percentile(answered, 99),
        errors: samples.length - ok,
        statuses,
        // In the order they first happened: a hang comes before the probes it left no time for.
        problems: [...problems].map(([problem, probes]) => ({ problem, probes })),
        notSent,
        spentMs: run.spentMs,
        budgetMs: bounds.budgetMs,
        probeTimeoutMs: bounds.probeTimeoutMs
    };
}

/** What the health and API checks share: probe each URL, judge status and latency, describe it. */
/** `2 HTTP 503; 1 no complete answer within 10 s (…)`: each problem with how many probes had it. */
function problemList(s) {
    return s.problems.map(p => `${p.probes} ${p.problem}`).join('; ');
}
/** The endpoint checks, preflight and verify mode alike: the baseline reads them all. */
const ENDPOINTS_DATA = ['health-endpoint', 'api-endpoints', 'verify-health', 'verify-api'].map(id => dataKey(id));
function describe(s) {
    const latency = Number.isNaN(s.p50Ms) ? 'no complete answer' : `p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms`;
    const spent = `in ${formatSeconds(s.spentMs)} of its ${formatSeconds(s.budgetMs)} budget`;
    return `${s.url}: ${s.ok}/${s.count} OK ${spent}, ${latency}`;
}
/** How to fix what failed, the most specific cause first. */
function hintFor$1(failing) {
    const statuses = failing.flatMap(s => Object.keys(s.statuses));
    const hints = [];
    if (statuses.includes('401') || statuses.includes('403'))
        hints.push('The endpoint refused the credentials: check health-token.');
    if (statuses.includes('no complete answer')) {
        const timeout = formatSeconds(failing[0].probeTimeoutMs);
        hints.push(`A probe counts only when its status and whole body arrive within probe-timeout (${timeout}): check the service is not hung or overloaded; raise probe-timeout only if it is slow by design.`);
    }
    if (failing.some(s => s.notSent > 0)) {
        const budget = formatSeconds(failing[0].budgetMs);
        hints.push(`The probes used up endpoint-budget (${budget}) before all were sent: fix what makes them slow, or raise endpoint-budget (or lower probe-count).`);
    }
    return hints.length > 0
        ? hints.join(' ')
        : 'Check the service is up and the URL is right; a redirect is reported, not followed.';
}
/**
 * Probes every URL `probeCount` times (one URL after another, so the latency measured is the service's,
 * not ours), each probe within `probeTimeoutMs` and each URL's probes within `endpointBudgetMs`. Blocks
 * when any probe did not answer 200 in time (or was not sent), or when a p95 is over the latency threshold.
 */
async function checkEndpoints(urls, options, what) {
    const bounds = { probeTimeoutMs: options.probeTimeoutMs, budgetMs: options.endpointBudgetMs };
    const summaries = [];
    for (const url of urls) {
        const run = await probe(url, {
            token: options.healthToken,
            timeoutMs: bounds.probeTimeoutMs,
            budgetMs: bounds.budgetMs,
            count: options.probeCount
        });
        summaries.push(summarise(url, run, 200, bounds));
    }
    const failing = summaries.filter(s => s.errors > 0);
    const slow = options.latencyThresholdMs === undefined
        ? []
        : summaries.filter(s => !Number.isNaN(s.p95Ms) && s.p95Ms > options.latencyThresholdMs);
    const details = summaries.map(describe);
    const data = { endpoints: summaries };
    if (failing.length > 0) {
        const failed = failing.reduce((n, s) => n + s.errors, 0);
        const probes = summaries.reduce((n, s) => n + s.count, 0);
        const where = failing.map(s => `${s.url} (${problemList(s)})`).join(', ');
        return {
            status: 'fail',
            message: `${what}: ${failed} of ${probes} probes failed at ${where}`,
            details,
            data,
            hint: hintFor$1(failing)
        };
    }
    if (slow.length > 0) {
        return {
            status: 'fail',
            message: `${what}: p95 latency over ${options.latencyThresholdMs} ms at ${slow.map(s => `${s.url} (${s.p95Ms} ms)`).join(', ')}`,
            details,
            data
        };
    }
    return { status: 'pass', message: `${what}: ${details.join('; ')}`, details, data };
}

/** "Verify health endpoints respond (200 OK)", probed `probe-count` times with p50/p95 latency. */
const healthEndpointCheck = defineCheck({
    id: 'health-endpoint',
    title: 'Verify health endpoints respond (200 OK)',
    item: 'services-responsive',
    needs: ['network'],
    notApplicable: ctx => (ctx.options.healthUrl ? undefined : 'no health-url given'),
    run: ctx => checkEndpoints([ctx.options.healthUrl], ctx.options, 'health endpoint')
});

/** "API endpoints respond to test requests": each of `api-urls`, expected 200. */
const apiEndpointsCheck = defineCheck({
    id: 'api-endpoints',
    title: 'Verify API endpoints respond to test requests',
    item: 'services-responsive',
    needs: ['network'],
    notApplicable: ctx => (ctx.options.apiUrls.length > 0 ? undefined : 'no api-urls given'),
    run: ctx => checkEndpoints(ctx.options.apiUrls, ctx.options, `${ctx.options.apiUrls.length} API endpoint(s)`)
});

/**
 * "Check certificate expiry": a live TLS handshake with SNI, then the leaf certificate's subject, issuer,
 * host match (SAN) and days left. Expired, wrong host or fewer days than `cert-min-days` block; a chain
 * the runner does not trust is reported as a warning (a private CA is common for internal endpoints).
 */
const DAY_MS = 86_400_000;
function handshake(host, port, timeoutMs, extraCa) {
    return new Promise((resolve, reject) => {
        // rejectUnauthorized: false so that an untrusted chain still shows us the certificate; trust is
        // judged below from socket.authorized.
        const socket = tls.connect({
            host,
            port,
            servername: host,
            rejectUnauthorized: false,
            timeout: timeoutMs,
            ...(extraCa ? { ca: [...tls.rootCertificates, extraCa] } : {})
        });
        socket.once('secureConnect', () => {
            const cert = socket.getPeerCertificate(false);
            const chainError = socket.authorized
                ? undefined
                : String(socket.authorizationError ?? 'untrusted chain');
            socket.end();
            if (!cert || Object.keys(cert).length === 0)
                reject(new Error('the server sent no certificate'));
            else
                resolve({ cert, chainError });
        });
        socket.once('timeout', () => socket.destroy(new Error(`no TLS handshake within ${timeoutMs} ms`)));
        socket.once('error', reject);
    });
}
const name = (entity) => {
    const value = entity ? (entity.CN ?? entity.O) : undefined;
    return value === undefined ? '?' : [value].flat().join(', ');
};
const tlsExpiryCheck = defineCheck({
    id: 'tls-expiry',
    title: 'Check certificate expiry',
    item: 'tls-certificate-expiry',
    needs: ['network'],
    notApplicable: ctx => (ctx.options.tlsEndpoint ? undefined : 'no tls-endpoint given'),
    async run(ctx) {
        const { host, port } = ctx.options.tlsEndpoint;
        const where = `${host}:${port}`;
        let result;
        try {
            result = await handshake(host, port, ctx.options.requestTimeoutMs, ctx.options.tlsCa);
        }
        catch (error) {
            return {
                status: 'fail',
                message: `${where}: no TLS handshake (${error.message})`,
                hint: 'Check tls-endpoint (host:port) and that the port speaks TLS.'
            };
        }
        const { cert, chainError } = result;
        const expires = Date.parse(cert.valid_to);
        const days = Math.floor((expires - Date.now()) / DAY_MS);
        const identity = tls.checkServerIdentity(host, cert);
        const details = [
            `subject: ${name(cert.subject)}`,
            `issuer: ${name(cert.issuer)}`,
            `names: ${cert.subjectaltname ?? '(no subjectAltName)'}`,
            `valid ${cert.valid_from} → ${cert.valid_to} (${days} days left)`,
            ...(chainError ? [`chain: ${chainError}`] : [])
        ];
        const data = {
            host,
            port,
            daysLeft: days,
            validTo: new Date(expires).toISOString(),
            issuer: name(cert.issuer)
        };
        const problems = [];
        if (expires <= Date.now())
            problems.push(`the certificate expired on ${new Date(expires).toISOString()}`);
        else if (days < ctx.options.certMinDays)
            problems.push(`the certificate expires in ${days} days (< cert-min-days ${ctx.options.certMinDays})`);
        if (identity)
            problems.push(`it is not valid for ${host} (${identity.message})`);
        if (problems.length > 0) {
            return {
                status: 'fail',
                message: `${where}: ${problems.join('; ')}`,
                details,
                data,
                hint: 'Renew or fix the certificate before deploying (cert-manager: kubectl get certificate -A).'
            };
        }
        if (chainError) {
            return {
                status: 'warn',
                message: `${where}: valid for ${host}, ${days} days left, but the chain is not trusted here (${chainError})`,
                details,
                data,
                hint: 'For a private CA, pass its certificate as tls-ca; otherwise the server is missing intermediates.'
            };
        }
        return {
            status: 'pass',
            message: `${where}: valid for ${host}, ${days} days left (issuer ${name(cert.issuer)})`,
            details,
            data
        };
    }
});

/**
 * "Confirm main branch has latest changes": the deployed commit is the head of the default branch, or a
 * tag on it (an older release, deliberately). A commit behind the head without a tag, or one that never
 * reached the default branch, blocks.
 */
/** The tag named by the run's ref when the run is for that very commit; else undefined. */
function refTag(target) {
    const tag = /^refs\/tags\/(.+)$/.exec(target.spec.ref ?? '')?.[1];
    return tag && target.commit === target.spec.runCommit ? tag : undefined;
}
const gitMainCheck = defineCheck({
    id: 'git-main',
    title: 'Confirm main branch has latest changes',
    item: 'main-has-latest',
    needs: ['github'],
    notApplicable: ctx => (ctx.changes ? undefined : NO_TARGET),
    async run(ctx) {
        const target = ctx.changes;
        if ('problem' in target)
            return { status: 'error', message: target.problem };
        const reader = await target.reader();
        const sha = short(target.commit);
        let branch = 'the default branch';
        try {
            branch = await reader.defaultBranch();
            const compared = await reader.compare(branch, target.commit, 0);
            const data = {
                repository: target.repository,
                commit: target.commit,
                defaultBranch: branch,
                status: compared.status
            };
            if (compared.status === 'identical') {
                return { status: 'pass', message: `${sha} is the head of ${branch} (${target.source})`, data };
            }
            if (compared.status === 'behind') {
                const tags = refTag(target) ? [refTag(target)] : await reader.tagsAt(target.commit);
                if (tags.length > 0) {
                    return {
                        status: 'pass',
                        message: `${sha} is tag ${tags.join(', ')} on ${branch} (${branch} has ${compared.behindBy} newer commit(s))`,
                        data: { ...data, tags }
                    };
                }
                return {
                    status: 'fail',
                    message: `${sha} is ${compared.behindBy} commit(s) behind the head of ${branch}: ${branch} has changes this deploy lacks (${target.source})`,
                    hint: `Deploy the head of ${branch} (re-run the bundle build on it), or tag ${sha} if deploying an older release is intended.`,
                    data
                };
            }
            return {
                status: 'fail',
                message: `${sha} is not on ${branch}: ${compared.aheadBy} commit(s) of it were never merged into ${branch} (${target.source})`,
                hint: `Merge the change into ${branch} through a pull request, build the bundle from ${branch}, then deploy that.`,
                data
            };
        }
        catch (error) {
            if (error.status === 404) {
                return {
                    status: 'fail',
                    message: `commit ${sha} is not in ${target.repository} (or ${branch} is not found): nothing proves what is deployed was ever pushed`,
                    hint: `Check the commit input and the repository; ${target.source} gave ${target.commit}.`
                };
            }
            return changeProblem(reader, error, `comparing ${sha} with ${branch} of ${target.repository}`, 'contents: read');
        }
    }
});

/**
 * "Check git log for unexpected commits" and "All provisioning changes merged and code reviewed": every
 * commit since the last preflight that reached go for this environment (recorded in the tracking issue)
 * must have reached the default branch through a merged pull request with an approving review. The seed
 * says to reschedule on "unexpected changes in code/configs", so a flagged commit blocks by default; a
 * policy can make it a warning.
 */
/** More commits than this since the last go are not verified one by one (and block: review them by hand). */
const MAX_COMMITS = 250;
const GIT_HISTORY_DATA = dataKey('git-history');
function flagOf(provenance) {
    if (provenance.kind === 'reviewed')
        return undefined;
    if (provenance.kind === 'direct')
        return 'not from a merged pull request (pushed directly?)';
    return `PR #${provenance.pull.number} ${provenance.pull.problem ?? 'not approved'}`;
}
const line = (c) => `${short(c.sha)} ${c.title} — ${c.author}${c.pull ? ` · #${c.pull.number}` : ''}${c.flag ? ` ⚠️ ${c.flag}` : ''}`;
const gitHistoryCheck = defineCheck({
    id: 'git-history',
    title: 'Check git log for unexpected commits',
    item: 'changes-merged-reviewed',
    needs: ['github'],
    notApplicable: ctx => {
        if (!ctx.changes)
            return NO_TARGET;
        if ('problem' in ctx.changes)
            return undefined;
        const spec = ctx.changes.spec;
        if (spec.lastGoProblem)
            return undefined;
        if (!spec.lastGo) {
            return `${spec.noRecordReason ?? 'no earlier go is recorded in the tracking issue'}; commits are listed from the next run on, against this run's commit`;
        }
        if (spec.lastGo.repository.toLowerCase() !== ctx.changes.repository.toLowerCase()) {
            return `the last go deployed ${spec.lastGo.repository}, this run deploys ${ctx.changes.repository}: no history in common`;
        }
        return undefined;
    },
    async run(ctx) {
        const target = ctx.changes;
        if ('problem' in target)
            return { status: 'error', message: target.problem };
        if (target.spec.lastGoProblem) {
            return {
                status: 'error',
                message: `could not read the last go from the tracking issue: ${target.spec.lastGoProblem}`,
                hint: 'Give the job `permissions: issues: read` (write for the tracking issue itself).'
            };
        }
        const lastGo = target.spec.lastGo;
        const base = { repository: target.repository, base: lastGo.sha, head: target.commit, lastGoAt: lastGo.at };
        const since = `the last go (${short(lastGo.sha)}${lastGo.at ? `, ${lastGo.at}` : ''})`;
        if (lastGo.sha === target.commit) {
            return {
                status: 'pass',
                message: `no new commits since ${since}`,
                data: { ...base, commits: [], total: 0 }
            };
        }
        const reader = await target.reader();
        let compared;
        let branch;
        try {
            branch = await reader.defaultBranch();
            compared = await reader.compare(lastGo.sha, target.commit, MAX_COMMITS);
        }
        catch (error) {
            if (error.status === 404) {
                return {
                    status: 'fail',
                    message: `${short(lastGo.sha)} (the last go) or ${short(target.commit)} is not in ${target.repository}: the history was rewritten, or the record is wrong`,
                    hint: 'Compare the two commits by hand; if the history is as intended, close the tracking issue so the next run starts a fresh record.'
                };
            }
            return changeProblem(reader, error, `comparing ${short(lastGo.sha)}...${short(target.commit)} in ${target.repository}`, 'contents: read');
        }
        if (compared.status === 'identical') {
            return {
                status: 'pass',
                message: `no new commits since ${since}`,
                data: { ...base, commits: [], total: 0 }
            };
        }
        if (compared.status === 'behind') {
            return {
                status: 'warn',
                message: `${short(target.commit)} is ${compared.behindBy} commit(s) older than ${since}: this deploys older code (a rollback?)`,
                data: { ...base, commits: [], total: 0, behindBy: compared.behindBy }
            };
        }
        let commits;
        try {
            commits = await mapLimited(compared.commits, 8, async (c) => {
                const provenance = await reader.provenance(c.sha, branch);
                return {
                    ...c,
                    pull: provenance.kind === 'direct'
                        ? undefined
                        : { number: provenance.pull.number, url: provenance.pull.url },
                    flag: flagOf(provenance)
                };
            });
        }
        catch (error) {
            return changeProblem(reader, error, `reading the pull requests of the commits since ${since}`, 'pull-requests: read');
        }
        const flagged = commits.filter(c => c.flag);
        const data = { ...base, commits, total: compared.aheadBy, status: compared.status };
        const details = commits.map(line);
        const problems = [];
        if (compared.status === 'diverged') {
            problems.push(`${short(lastGo.sha)} (the last go) is not an ancestor of ${short(target.commit)}: ${compared.behindBy} commit(s) deployed then are gone (history rewritten, or a branch other than ${branch})`);
        }
        if (flagged.length > 0) {
            problems.push(`${flagged.length} of ${commits.length} commit(s) since ${since} did not arrive through a merged, approved pull request: ${flagged
                .slice(0, 3)
                .map(c => `${short(c.sha)} "${c.title}" (${c.flag})`)
                .join(', ')}${flagged.length > 3 ? ', …' : ''}`);
        }
        if (!compared.complete) {
            problems.push(`${compared.aheadBy} commits since ${since}: only the first ${commits.length} were verified`);
        }
        if (problems.length > 0) {
            return {
                status: 'fail',
                message: problems.join('; '),
                details,
                hint: 'Look at each flagged commit: revert what was not intended, or have its change reviewed. When it is accepted, a policy can make git-history a warning for this run.',
                data
            };
        }
        const pulls = [...new Set(commits.map(c => c.pull.number))].sort((a, b) => a - b);
        return {
            status: 'pass',
            message: `${commits.length} commit(s) since ${since}, all through merged, approved pull requests (${pulls.map(n => `#${n}`).join(', ')})`,
            details,
            data
        };
    }
});

/** Every check, in report order. `bundle-unpack` is reported by the engine itself, before these. */
const ALL_CHECKS = [
    bundleFilesCheck,
    bundleSyntaxCheck,
    manifestsCheck,
    configModesCheck,
    composeCheck,
    clusterAccessCheck,
    kubectlVersionCheck,
    permissionsCheck,
    nodesReadyCheck,
    namespaceExistsCheck,
    deploymentsAvailableCheck,
    podsRunningCheck,
    recentEventsCheck,
    nodeCapacityCheck,
    dryRunCheck,
    whatChangesCheck,
    rolloutHistoryCheck,
    configMapBackupCheck,
    healthEndpointCheck,
    apiEndpointsCheck,
    tlsExpiryCheck,
    gitMainCheck,
    gitHistoryCheck
];

/**
 * The results a run reports that no check file declares: what the engine does itself (download, unpack,
 * baseline, losing the API server), what verify mode adds (metrics, the record), the steps after the checks
 * (tracking issue, kit upload, manual gate, Slack, sign-off) and the two ways a run cannot start. Their id,
 * title and section live here once, the section derived from the checklist model like a check's.
 */
/**
 * A result placed in the checklist: `home` is an item key (which must name the id when any item does) or a
 * section key; absent, the result belongs to no section (the run itself: inputs, a crash).
 */
function defineResult(spec) {
    if (spec.home === undefined)
        return { id: spec.id, title: spec.title, section: '' };
    const section = reportSectionOf(spec.home);
    const naming = itemsNaming(spec.id);
    if (naming.length > 0 && !naming.includes(spec.home)) {
        throw new Error(`result ${spec.id}: its home "${spec.home}" does not name it (the items that do: ${naming.join(', ')})`);
    }
    return { id: spec.id, title: spec.title, section };
}
const ARTIFACT_DOWNLOAD = defineResult({
    id: 'artifact-download',
    title: 'Download the deployment-artifacts bundle and verify its digest',
    home: 'download-artifacts'
});
const BUNDLE_UNPACK = defineResult({
    id: 'bundle-unpack',
    title: 'Download artifacts and unpack them safely',
    home: 'verify-artifact-contents'
});
/** The API server answered at the start and stopped during the run: one cause, not a dozen. */
const API_SERVER = defineResult({
    id: 'api-server',
    title: 'The API server keeps answering during the run',
    home: 'kubeconfig-valid'
});
const BASELINE = defineResult({
    id: 'baseline',
    title: 'Record current metrics before deployment',
    home: 'record-baseline-metrics'
});
/** The verdict itself verifies "No critical issues found during testing". */
const DECISION = defineResult({
    id: 'decision',
    title: 'Go/no-go decision',
    home: 'go-no-critical-issues'
});
const TRACKING_ISSUE = defineResult({
    id: 'tracking-issue',
    title: 'Create GitHub issue or ticket tracking the deployment',
    home: 'tracking-issue'
});
defineResult({
    id: 'rollback-kit-upload',
    title: 'Keep the rollback kit (report and ConfigMap backup) as an artifact',
    home: 'configmap-backup'
});
defineResult({
    id: 'manual-items',
    title: 'Every required manual item of the tracking issue is ticked',
    home: 'go-all-items-completed'
});
const SLACK_WEBHOOK = defineResult({
    id: 'slack-webhook',
    title: 'Verify Slack webhook is working (test send message)',
    home: 'slack-webhook'
});
const VERIFY_METRICS = defineResult({
    id: 'verify-metrics',
    title: 'Metrics show normal resource usage',
    home: 'success-normal-usage'
});
const VERIFY_RECORD = defineResult({
    id: 'verify-record',
    title: 'Record the deployment (start, end, duration, rollback, metrics)',
    home: 'post-start-time'
});
/** Verify mode's tracking-issue step: the record and the sign-off, not the preflight's issue. */
defineResult({
    id: 'sign-off',
    title: 'Record the deployment and sign-off in the tracking issue',
    home: 'post'
});
/** A run whose inputs (or policy file) are invalid: nothing was checked. */
defineResult({ id: 'inputs', title: 'Read and validate the inputs' });
/** A run that crashed, or whose code failed to load. */
defineResult({ id: 'action', title: 'Run the action' });

/** Skips that do not block: the check was declared out of scope, or has nothing to look at. */
const HARMLESS_SKIPS = new Set(['offline', 'not-applicable']);
/** Whether one result keeps the decision at no-go. */
function isBlocking(result) {
    switch (result.status) {
        case 'pass':
        case 'warn':
            return false;
        case 'fail':
        case 'error':
            return true;
        case 'skip':
            return !(result.skipReason && HARMLESS_SKIPS.has(result.skipReason));
    }
}
/**
 * The root cause of a blocking result: follow `blockedBy` while it names another blocking result. A
 * `blockedBy` that names no result of the run is a missing prerequisite (e.g. `preflight-record`); one
 * that names a result that does not block (a policy made it a warning) leaves this result its own cause.
 */
function rootOf(result, byId) {
    let current = result;
    const seen = new Set();
    while (current.blockedBy && !seen.has(current.id)) {
        seen.add(current.id);
        const next = byId.get(current.blockedBy);
        if (!next)
            return current.blockedBy;
        if (!next.blocking)
            return current.id;
        current = next;
    }
    return current.id;
}
/** Groups the blocking results by root cause, in report order. */
function rootCauses(results) {
    const byId = new Map(results.map(r => [r.id, r]));
    const causes = new Map();
    for (const result of results.filter(r => r.blocking)) {
        const root = rootOf(result, byId);
        const rootResult = byId.get(root);
        let cause = causes.get(root);
        if (!cause) {
            const source = rootResult ?? result;
            cause = {
                check: root,
                prerequisite: rootResult === undefined,
                // A missing prerequisite speaks through the first check it stopped ("not run: no record …").
                message: rootResult ? source.message : source.message.replace(/^not run: /, ''),
                hint: source.hint,
                blocks: []
            };
            causes.set(root, cause);
        }
        if (result.id !== root)
            cause.blocks.push(result.id);
    }
    return [...causes.values()];
}
const plural$1 = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** "…; 12 more checks blocked by it" — a root cause counts what it kept from running. */
function causeMessage(cause) {
    const blocked = cause.blocks.length;
    if (blocked === 0)
        return cause.message;
    return `${cause.message}; ${plural$1(blocked, cause.prerequisite ? 'check' : 'more check')} blocked by it`;
}
function countStatuses(results) {
    const counts = { pass: 0, warn: 0, fail: 0, skip: 0, error: 0 };
    for (const result of results)
        counts[result.status]++;
    return counts;
}
/** Decides from results whose `blocking` flags were set with `isBlocking`. */
function decide(results, options) {
    const blocking = results.filter(r => r.blocking);
    const ran = results.filter(r => r.status !== 'skip');
    const causes = rootCauses(results);
    const reasons = causes.map(cause => ({ check: cause.check, message: causeMessage(cause) }));
    if (ran.length === 0)
        reasons.push({ check: null, message: 'no check ran, so nothing was verified' });
    const decision = blocking.length === 0 && ran.length > 0 ? 'go' : 'no-go';
    return {
        decision,
        failedChecks: blocking.map(r => r.id),
        warnings: results.filter(r => r.status === 'warn').map(r => ({ check: r.id, message: r.message })),
        reasons,
        rootCauses: causes,
        counts: countStatuses(results),
        scope: options.offline ? 'bundle-only' : 'full'
    };
}

/**
 * "Record current metrics before deployment": the numbers the post-deploy comparison needs, gathered
 * from the checks that measured them (endpoint latency and errors, pod restarts, node usage).
 */
function collectBaseline(results, latencyThresholdMs) {
    const endpoints = ENDPOINTS_DATA.flatMap(key => readData(results, key)?.endpoints ?? []);
    const pods = readData(results, PODS_RUNNING_DATA);
    const nodes = readData(results, NODE_CAPACITY_DATA);
    const baseline = {
        endpoints: endpoints.map(e => ({
            url: e.url,
            p50Ms: e.p50Ms,
            p95Ms: e.p95Ms,
            p99Ms: e.p99Ms,
            errors: e.errors,
            probes: e.count
        })),
        podRestarts: pods?.restartsByPod,
        nodes: nodes?.nodes,
        nodeUsageSource: nodes?.source,
        latencyThresholdMs
    };
    const empty = baseline.endpoints.length === 0 && !baseline.podRestarts && !baseline.nodes;
    return empty ? undefined : baseline;
}
/** The `baseline` result: recorded, or nothing to record (offline, or no endpoints and no cluster). */
function baselineOutcome(baseline) {
    if (!baseline) {
        return {
            status: 'skip',
            skipReason: 'not-applicable',
            message: 'not applicable: nothing measured (no endpoint probed, no cluster read)'
        };
    }
    const parts = [
        baseline.endpoints.length ? `${baseline.endpoints.length} endpoint(s)` : '',
        baseline.podRestarts ? `restarts of ${Object.keys(baseline.podRestarts).length} pod(s)` : '',
        baseline.nodes ? `usage of ${baseline.nodes.length} node(s)` : ''
    ].filter(Boolean);
    return { status: 'pass', message: `recorded ${parts.join(', ')}` };
}

/** Parses durations like 90s, 30m, 1h, 2h30m, 1d. */
function parseDuration(text) {
    const units = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
    const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
    if (parts.length === 0 || parts.map(p => p[0]).join('') !== text.trim())
        return undefined;
    return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]], 0);
}

/**
 * The policy file (`policy` input): a team's own go/no-go rules on top of the default one. It can make a
 * check blocking, a warning or off, limit a check to some environments, and set thresholds:
 *
 * ```yaml
 * checks:
 *   recent-events: blocking          # a Warning event now blocks
 *   node-capacity: warning           # reported, never blocks
 *   tls-expiry: { severity: blocking, environments: [production] }   # off elsewhere
 * thresholds:
 *   cert-min-days: 30
 *   capacity-threshold: 90%
 *   latency-threshold-ms: 800
 *   probe-timeout: 5s                # per probe: status and whole body
 *   endpoint-budget: 20s             # per endpoint: all its probes
 * ```
 *
 * An invalid file is an input error naming the file, line and column: the run is then no-go, never
 * quietly run with the default policy.
 */
const SEVERITIES = ['blocking', 'warning', 'off'];
const THRESHOLDS = {
    'cert-min-days': 'certMinDays',
    'capacity-threshold': 'capacityThreshold',
    'latency-threshold-ms': 'latencyThresholdMs',
    'probe-count': 'probeCount',
    'events-window': 'eventsWindow',
    'probe-timeout': 'probeTimeout',
    'endpoint-budget': 'endpointBudget'
};
const DURATIONS = new Set([
    'eventsWindow',
    'probeTimeout',
    'endpointBudget'
]);
const isDuration = (field) => DURATIONS.has(field);
/** Reads and validates the policy at `path`. `knownChecks` are the ids a rule may name. */
function loadPolicy(path, knownChecks, knownItems = []) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (error) {
        throw new UsageError(`policy: cannot read "${path}" (${describeError(error)}); the path is relative to the workspace.`);
    }
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const at = (node) => {
        const offset = node?.range?.[0] ?? 0;
        const { line, col } = lines.linePos(offset);
        return `${path}:${line}:${col}`;
    };
    const fail = (node, message) => {
        throw new UsageError(`policy ${at(node)}: ${message}`);
    };
    if (doc.errors.length > 0) {
        const error = doc.errors[0];
        const { line, col } = lines.linePos(error.pos[0]);
        throw new UsageError(`policy ${path}:${line}:${col}: not valid YAML (${error.message.split('\n')[0]}).`);
    }
    const policy = { path, checks: new Map(), optionalItems: new Set(), thresholds: {} };
    const root = doc.contents;
    if (root === null)
        return policy;
    if (!isMap$1(root))
        return fail(root, 'expected a map with `checks:` and/or `thresholds:`.');
    for (const pair of root.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const value = pair.value;
        if (key === 'version')
            continue;
        if (key === 'checks') {
            if (!isMap$1(value))
                fail(value, '`checks:` must map check ids to blocking, warning or off.');
            for (const rule of value.items) {
                const id = isScalar(rule.key) ? String(rule.key.value) : '';
                if (!knownChecks.includes(id)) {
                    fail(rule.key, `unknown check "${id}"; known: ${knownChecks.join(', ')}.`);
                }
                policy.checks.set(id, parseRule(rule.value, at, fail));
            }
        }
        else if (key === 'optional-items') {
            if (!isSeq(value))
                fail(value, '`optional-items:` must be a list of checklist item keys, e.g. [t-1h.status-page-maintenance].');
            for (const item of value.items) {
                const id = isScalar(item) ? String(item.value) : '';
                if (!knownItems.includes(id))
                    fail(item, `unknown checklist item "${id}"; item keys look like t-1h.status-page-maintenance (see the issue's HTML comments).`);
                policy.optionalItems.add(id);
            }
        }
        else if (key === 'thresholds') {
            if (!isMap$1(value))
                fail(value, '`thresholds:` must be a map, e.g. cert-min-days: 30.');
            for (const item of value.items) {
                const name = isScalar(item.key) ? String(item.key.value) : '';
                const field = THRESHOLDS[name];
                if (!field)
                    fail(item.key, `unknown threshold "${name}"; known: ${Object.keys(THRESHOLDS).join(', ')}.`);
                const raw = isScalar(item.value) ? item.value.value : undefined;
                if (typeof raw !== 'number' && typeof raw !== 'string')
                    fail(item.value, `${name} must be a number.`);
                if (field === 'capacityThreshold')
                    policy.thresholds[field] = String(raw);
                else if (isDuration(field)) {
                    const ms = parseDuration(String(raw));
                    if (ms === undefined || ms <= 0)
                        fail(item.value, `${name} must be a positive duration, e.g. 30s or 5m (got ${String(raw)}).`);
                    policy.thresholds[field] = String(raw);
                }
                else {
                    const n = Number(raw);
                    if (!Number.isFinite(n) || n <= 0)
                        fail(item.value, `${name} must be a positive number (got ${String(raw)}).`);
                    policy.thresholds[field] = n;
                }
            }
        }
        else {
            fail(pair.key, `unknown key "${key}"; a policy has checks:, thresholds: and optional-items:.`);
        }
    }
    return policy;
}
function parseRule(node, at, fail) {
    const severityOf = (value) => {
        const raw = isScalar(value) ? String(value.value) : '';
        if (!SEVERITIES.includes(raw))
            fail(value, `"${raw}" is not a severity; use blocking, warning or off.`);
        return raw;
    };
    if (isScalar(node))
        return { severity: severityOf(node), where: at(node) };
    if (!isMap$1(node))
        return fail(node, 'a rule is blocking, warning, off, or { severity, environments }.');
    let severity = 'blocking';
    let environments;
    for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (key === 'severity')
            severity = severityOf(pair.value);
        else if (key === 'environments') {
            if (!isSeq(pair.value))
                fail(pair.value, 'environments must be a list, e.g. [production].');
            environments = pair.value.items.map(item => String(isScalar(item) ? item.value : ''));
        }
        else
            fail(pair.key, `unknown rule key "${key}"; use severity and environments.`);
    }
    return { severity, environments, where: at(node) };
}
/** The rule in force for `checkId` in `environment`: a rule limited to other environments means off. */
function ruleFor(policy, checkId, environment) {
    const rule = policy?.checks.get(checkId);
    if (!rule)
        return undefined;
    if (rule.environments && !rule.environments.includes(environment)) {
        return { severity: 'off', where: `${rule.where} (only in ${rule.environments.join(', ')})` };
    }
    return rule;
}

function resultsFor(item, report) {
    const byId = new Map(report.results.map(r => [r.id, r]));
    return (item.checks ?? []).flatMap(id => {
        if (id === DECISION.id) {
            const go = report.decision === 'go';
            const decision = {
                ...DECISION,
                status: go ? 'pass' : 'fail',
                blocking: !go,
                message: go ? 'no blocking issue found' : `no-go: ${report.failedChecks.join(', ')}`,
                durationMs: 0
            };
            return [decision];
        }
        const result = byId.get(id);
        return result ? [result] : [];
    });
}
/** The messages of some results, each once, joined. */
const notesOf = (results) => [...new Set(results.map(r => r.message))].join('; ');
function itemStatus(item, report) {
    const status = derive(item, report);
    const ownPhase = item.phase === (report.mode ?? 'preflight');
    return { ...status, forPeople: status.state === 'manual' || (status.state === 'not-run' && ownPhase) };
}
function derive(item, report) {
    if (!item.automated)
        return { item, state: 'manual', ticked: false };
    const results = resultsFor(item, report);
    // No result at all: nothing in this run's setup checks it (no tracking issue from the CLI, no Slack
    // webhook…), so for now it is a person's item like any manual one; or it belongs to the other phase.
    if (results.length === 0)
        return { item, state: 'not-run', ticked: false };
    const failed = results.filter(r => r.status === 'fail' || r.status === 'error');
    if (failed.length > 0) {
        // A failure of its own says more than one caused elsewhere: "blocked by" only when all are that.
        const own = failed.filter(r => !r.blockedBy);
        return {
            item,
            state: 'failed',
            ticked: false,
            note: notesOf(own.length > 0 ? own : failed),
            blockedBy: own.length > 0 ? undefined : failed[0].blockedBy
        };
    }
    const skipped = results.filter(r => r.status === 'skip');
    if (skipped.length > 0) {
        return {
            item,
            state: 'skipped',
            ticked: false,
            note: notesOf(skipped),
            skipReason: skipped[0].skipReason,
            blockedBy: skipped.find(r => r.blockedBy)?.blockedBy
        };
    }
    const warned = results.filter(r => r.status === 'warn');
    if (warned.length > 0)
        return { item, state: 'warning', ticked: true, tickedBy: 'preflight', note: notesOf(warned) };
    return { item, state: 'passed', ticked: true, tickedBy: 'preflight', note: notesOf(results) };
}
/** This run's item states with the ticks people made before (read from the tracking issue). */
function mergeTicks(current, previous) {
    const overridden = [];
    let keptByPeople = 0;
    const statuses = current.map((status) => {
        const before = previous.get(status.item.id);
        const byPerson = before?.ticked === true && !before.byPreflight;
        if (status.state === 'failed') {
            if (byPerson)
                overridden.push({ id: status.item.id, text: status.item.text, reason: status.note ?? 'failed' });
            return status;
        }
        if (status.ticked)
            return status;
        // Manual items, and automated ones this run did not verify (not run, skipped): a person's tick stands.
        if (byPerson && (status.state === 'manual' || status.state === 'not-run' || status.state === 'skipped')) {
            keptByPeople++;
            return { ...status, ticked: true, tickedBy: 'person' };
        }
        return status;
    });
    return { statuses, overridden, keptByPeople };
}
/** Every checklist item, in document order, with its state for this report (and people's known ticks). */
function checklistStatus(report) {
    const statuses = checklistItems().map(item => itemStatus(item, report));
    const byPeople = (report.checklist?.items ?? []).filter(i => i.tickedBy === 'person');
    if (byPeople.length === 0)
        return statuses;
    const previous = new Map(byPeople.map(i => [i.id, { ticked: true, byPreflight: false }]));
    return mergeTicks(statuses, previous).statuses;
}
/** Whether only a person can tick the item in this run's setup (manual, or automated but not checked). */
const isPeoplesItem = (status) => status.forPeople;
/** The checklist as the report records it, with the counts over the run's own phase. */
function checklistState(statuses, mode) {
    const items = statuses.map(s => ({
        id: s.item.id,
        text: s.item.text,
        section: s.item.section,
        group: s.item.group,
        phase: s.item.phase,
        automated: s.item.automated,
        optional: s.item.optional,
        state: s.state,
        ticked: s.ticked,
        tickedBy: s.tickedBy === 'preflight' ? 'tool' : s.tickedBy
    }));
    const own = statuses.filter(s => s.item.phase === mode);
    const count = (test) => own.filter(test).length;
    return {
        items,
        counts: {
            items: own.length,
            ticked: count(s => s.ticked),
            tickedByTool: count(s => s.ticked && s.tickedBy === 'preflight'),
            tickedByPeople: count(s => s.ticked && s.tickedBy === 'person'),
            notTickedByTool: count(s => !s.ticked && !isPeoplesItem(s)),
            leftForPeople: count(s => !s.ticked && isPeoplesItem(s))
        }
    };
}

/**
 * The shared vocabulary of the engine: what a check returns, and what a run reports (the check itself
 * and the readers it sees the world through are in check.ts).
 * Nothing here does I/O.
 */
/** The JSON report's version: 2 has `reasons`/`warnings` as `{check, message}`, `rootCauses`, `blockedBy`. */
const REPORT_VERSION = 2;

/** Kept equal to package.json's version by a unit test (bundles cannot read package.json at run time). */
const TOOL_NAME = 'vapora-preflight';
const TOOL_VERSION = '0.4.0';

/**
 * The engine: acquire the bundle, run the checks (concurrently, each behind its own error boundary),
 * let the policy decide, and return the report. No I/O beyond reading the bundle; no process exit.
 */
// GitHub is not out of scope offline: like the download and the tracking issue, the change checks still run.
const OUT_OF_SCOPE_OFFLINE = new Set(['cluster', 'network']);
/** Turns a check's outcome into a result: identity, the policy's blocking verdict, position, timing. */
function finish(check, outcome, durationMs) {
    const located = outcome.findings?.find(f => f.file);
    return {
        id: check.id,
        title: check.title,
        section: check.section,
        ...outcome,
        blocking: isBlocking(outcome),
        file: located?.file,
        line: located?.line,
        column: located?.column,
        durationMs: Math.round(durationMs * 10) / 10
    };
}
/** A policy rule's severity applied to a check's outcome: a failure that only warns, or a warning that blocks. */
function applyRule(outcome, rule) {
    if (rule?.severity === 'warning' && (outcome.status === 'fail' || outcome.status === 'error')) {
        return { ...outcome, status: 'warn', message: `${outcome.message} — a warning by policy (${rule.where})` };
    }
    if (rule?.severity === 'blocking' && outcome.status === 'warn') {
        return { ...outcome, status: 'fail', message: `${outcome.message} — blocking by policy (${rule.where})` };
    }
    return outcome;
}
/** An outcome as a policy rule has it: off (not applicable), or its severity applied. */
function withPolicy(rule, outcome) {
    if (rule?.severity === 'off')
        return offByPolicy(rule);
    return applyRule(outcome, rule);
}
function offByPolicy(rule) {
    return {
        status: 'skip',
        skipReason: 'not-applicable',
        message: `not applicable: off by policy (${rule.where})`
    };
}
/** Runs one check, turning a throw into an `error` result: a broken check never crashes the run. */
async function runOne(check, ctx) {
    const started = performance.now();
    const outcome = await (async () => {
        if (ctx.options.offline && check.needs.some(need => OUT_OF_SCOPE_OFFLINE.has(need))) {
            return { status: 'skip', skipReason: 'offline', message: 'out of scope: offline run' };
        }
        if (check.needs.includes('bundle') && !ctx.bundle) {
            return {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                blockedBy: 'bundle-unpack',
                message: 'not run: the bundle could not be read'
            };
        }
        const notApplicable = check.notApplicable?.(ctx);
        if (notApplicable)
            return { status: 'skip', skipReason: 'not-applicable', message: `not applicable: ${notApplicable}` };
        const rule = ruleFor(ctx.options.policy, check.id, ctx.options.environment);
        if (rule?.severity === 'off')
            return offByPolicy(rule);
        try {
            return applyRule(await check.run(ctx), rule);
        }
        catch (error) {
            return {
                status: 'error',
                message: `check failed unexpectedly: ${describeError(error)}`,
                hint: 'This is a bug in the check; please report it with the bundle that triggered it.'
            };
        }
    })();
    return finish(check, outcome, performance.now() - started);
}
/**
 * The API server answered at the start (cluster-access) and stopped answering during the run: that is one
 * cause, not a dozen. Its own result leads; the cluster checks that ended after it failed, and block, say
 * they were blocked by it (still blocking: nothing they were asked to verify was verified).
 */
function attributeLostServer(lost, results, checks, endedAt) {
    const needsCluster = new Set(checks.filter(c => c.needs.includes('cluster')).map(c => c.id));
    const blamed = results.map(r => r.blocking && !r.blockedBy && needsCluster.has(r.id) && (endedAt.get(r.id) ?? 0) >= lost.at
        ? { ...r, blockedBy: API_SERVER.id }
        : r);
    const cause = finish(API_SERVER, {
        status: 'error',
        message: `the API server stopped answering during the run: ${lost.message}`,
        hint: 'It answered at the start (cluster-access): check its health and the network between this runner and it, then re-run the job.'
    }, 0);
    return [...blamed, cause];
}
/**
 * @actions/artifact has its own clients and retries (a stalled blob download can take 15 minutes to give
 * up): bound it from outside, failing closed.
 */
async function withDeadline(work, ms, message) {
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
        timer.unref();
    });
    try {
        return await Promise.race([work, deadline]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** Downloads the artifact (only when asked to), bounded from outside by `downloadTimeoutMs`. */
async function fetchArtifact(options, sources) {
    if (!options.artifact)
        return undefined;
    const started = performance.now();
    try {
        if (!sources.fetchBundle)
            throw new Error('no artifact download is wired into this run');
        const download = await withDeadline(sources.fetchBundle(options), options.downloadTimeoutMs, `the artifact download did not finish within ${Math.round(options.downloadTimeoutMs / 1000)} s`);
        const result = finish(ARTIFACT_DOWNLOAD, download.outcome, performance.now() - started);
        return download.zipPath ? { result, zipPath: download.zipPath, origin: download.origin } : { result };
    }
    catch (error) {
        const outcome = {
            status: 'error',
            message: `could not download the artifact: ${describeError(error)}`
        };
        return { result: finish(ARTIFACT_DOWNLOAD, outcome, performance.now() - started) };
    }
}
function openBundle(options, fetched) {
    const started = performance.now();
    const path = fetched ? fetched.zipPath : options.bundlePath;
    if (!path) {
        const outcome = {
            status: 'skip',
            skipReason: 'prerequisite-failed',
            blockedBy: 'artifact-download',
            message: 'not run: the artifact could not be downloaded'
        };
        return { result: finish(BUNDLE_UNPACK, outcome, 0) };
    }
    try {
        const bundle = acquireBundle(path, options.expectedFiles, options.limits, options.workDir);
        const how = bundle.source.kind === 'zip' ? 'unpacked safely from zip' : 'read from directory';
        const outcome = { status: 'pass', message: `${bundle.files.length} files ${how}` };
        return { bundle, result: finish(BUNDLE_UNPACK, outcome, performance.now() - started) };
    }
    catch (error) {
        const outcome = error instanceof BundleError
            ? {
                status: 'fail',
                message: error.message,
                hint: error.hint,
                details: error.entry ? [`offending entry: ${error.entry}`] : undefined
            }
            : { status: 'error', message: `could not open the bundle: ${describeError(error)}` };
        return { result: finish(BUNDLE_UNPACK, outcome, performance.now() - started) };
    }
}
/**
 * Runs the checks on resolved options with the given sources and returns the report. Never throws for
 * what goes wrong with the bundle, the cluster or a check: each is a result, and the decision is then no-go.
 */
async function runChecks(options, sources, hooks = {}) {
    const startedAt = new Date();
    const t0 = performance.now();
    const fetched = await fetchArtifact(options, sources);
    if (fetched)
        hooks.onResult?.(fetched.result);
    const opened = openBundle(options, fetched);
    hooks.onResult?.(opened.result);
    const bundleMs = performance.now() - t0;
    const ctx = {
        options,
        bundle: opened.bundle,
        changes: changeTarget(options.changes, fetched?.origin, (spec, repository) => sources.openChanges
            ? sources.openChanges(spec, repository)
            : Promise.reject(new Error('no change history reader is wired into this run'))),
        localKubectl: sources.localKubectl
    };
    let connection;
    try {
        if (!options.offline) {
            connection = sources.openCluster
                ? await sources.openCluster(options, hooks.onSecrets)
                : { ok: false, reason: 'not-configured', message: 'no cluster is wired into this run' };
            if (connection.ok) {
                hooks.onSecrets?.(connection.secrets);
                ctx.cluster = connection.reader;
            }
            else {
                ctx.clusterProblem = connection.message;
            }
        }
        const checks = hooks.checks ?? ALL_CHECKS;
        const endedAt = new Map();
        // The cluster checks start first and their requests go out before any other check's synchronous work
        // (parsing the bundle's files): the server answers while that runs, and each of the others waits for
        // one turn of the event loop, so that answers and TLS handshakes are read between them.
        const isClusterCheck = (check) => check.needs.includes('cluster');
        const order = checks.map((_, index) => index);
        const schedule = [
            ...order.filter(i => isClusterCheck(checks[i])),
            ...order.filter(i => !isClusterCheck(checks[i]))
        ];
        let turn = Promise.resolve();
        const ran = new Array(checks.length);
        await mapLimited(schedule, hooks.concurrency ?? schedule.length, async (index) => {
            const check = checks[index];
            if (!isClusterCheck(check) && ctx.cluster) {
                turn = turn.then(yieldToEventLoop);
                await turn;
            }
            hooks.onStart?.(check);
            const result = await runOne(check, ctx);
            endedAt.set(result.id, Date.now());
            hooks.onResult?.(result);
            ran[index] = result;
        });
        const lost = connection?.ok ? connection.lost() : undefined;
        const results = lost ? attributeLostServer(lost, ran, checks, endedAt) : ran;
        if (lost)
            hooks.onResult?.(results.at(-1));
        const baseline = collectBaseline(results, options.latencyThresholdMs);
        const baselineResult = hooks.baselineResult === false
            ? []
            : [
                finish(BASELINE, withPolicy(ruleFor(options.policy, 'baseline', options.environment), baselineOutcome(baseline)), 0)
            ];
        baselineResult.forEach(r => hooks.onResult?.(r));
        const all = [...(fetched ? [fetched.result] : []), opened.result, ...results, ...baselineResult];
        const verdict = decide(all, options);
        const totalMs = performance.now() - t0;
        const mode = hooks.mode ?? 'preflight';
        return {
            version: REPORT_VERSION,
            tool: { name: TOOL_NAME, version: TOOL_VERSION },
            mode,
            ...verdict,
            checklist: checklistState(checklistStatus({ ...verdict, results: all, mode }), mode),
            startedAt: startedAt.toISOString(),
            finishedAt: new Date().toISOString(),
            durationMs: Math.round(totalMs),
            namespace: options.namespace,
            cluster: ctx.cluster ? { server: ctx.cluster.server, version: versionOf(all) } : undefined,
            rollback: rollbackKit(all),
            baseline,
            bundle: opened.bundle
                ? {
                    kind: opened.bundle.source.kind,
                    path: fetched?.origin?.url ?? options.bundlePath,
                    origin: fetched?.origin,
                    // A zip's root is a temp dir that is gone after the run: only a directory's root means anything.
                    root: opened.bundle.source.kind === 'directory' ? opened.bundle.root : undefined,
                    files: [...opened.bundle.files]
                }
                : {
                    kind: fetched || options.bundlePath.toLowerCase().endsWith('.zip') ? 'zip' : 'directory',
                    path: fetched?.origin?.url ?? options.bundlePath ?? '',
                    origin: fetched?.origin
                },
            policy: options.policy
                ? { path: options.policy.path, optionalItems: [...options.policy.optionalItems] }
                : undefined,
            results: all,
            timings: {
                totalMs: Math.round(totalMs),
                bundleMs: Math.round(bundleMs),
                checksMs: Math.round(totalMs - bundleMs)
            }
        };
    }
    finally {
        opened.bundle?.cleanup();
        if (fetched?.zipPath)
            rmSync(dirname(fetched.zipPath), { recursive: true, force: true });
        if (connection?.ok)
            connection.close();
    }
}
function versionOf(results) {
    return readData(results, CLUSTER_ACCESS_DATA)?.version;
}
/** Gathers the rollback kit from the rollout-history and configmap-backup results. */
function rollbackKit(results) {
    const history = readData(results, ROLLOUT_HISTORY_DATA);
    const backup = readData(results, CONFIGMAP_BACKUP_DATA);
    if (!history && !backup)
        return undefined;
    return {
        revisions: history?.revisions ?? {},
        undoCommands: history?.undoCommands ?? [],
        configMapBackupPath: backup?.path
    };
}
/**
 * Adds results produced after the run (the tracking issue, the kit upload) and decides again: a step the
 * adapter was asked to do and could not do blocks like any check. Replaces results with the same id.
 */
function amendReport(report, extra) {
    const ids = new Set(extra.map(r => r.id));
    const results = [...report.results.filter(r => !ids.has(r.id)), ...extra];
    const verdict = decide(results, { offline: report.scope === 'bundle-only' });
    // People's ticks already known (from the tracking issue) are kept; the tool's own are derived again.
    const statuses = checklistStatus({ ...verdict, results, mode: report.mode, checklist: report.checklist });
    const amended = { ...report, ...verdict, results, checklist: checklistState(statuses, report.mode) };
    // A verify report is verified exactly when it is go: a step that fails after the checks un-verifies it.
    if ('verification' in report) {
        const verification = report.verification;
        return { ...amended, verification: { ...verification, verified: verdict.decision === 'go' } };
    }
    return amended;
}

/**
 * Every option, declared once: its action input, its CLI flag, the environment variable the CLI reads a
 * secret from, its default (written as a user would write it, and parsed the same way), the modes it
 * serves and its one-line help. The CLI's flags and `--help` are generated from it; the action reads its
 * inputs by these names; a test holds action.yml and the README's tables to it.
 */
const VERIFY_ONLY = ['verify'];
const PREFLIGHT_ONLY = ['preflight'];
const OPTIONS = {
    // Bundle
    bundlePath: {
        name: 'bundle-path',
        type: 'path',
        flag: 'bundle',
        arg: 'PATH',
        group: 'Bundle',
        help: 'deployment-artifacts .zip or a directory holding its files',
        field: 'bundlePath'
    },
    artifactName: {
        name: 'artifact-name',
        type: 'string',
        flag: 'artifact',
        arg: 'NAME',
        default: DEFAULT_ARTIFACT_NAME,
        group: 'Bundle',
        help: 'or download the GitHub Actions artifact NAME (with run-id and repository)'
    },
    runId: {
        name: 'run-id',
        type: 'number',
        arg: 'N',
        group: 'Bundle',
        help: '... uploaded by workflow run N'
    },
    repository: {
        name: 'repository',
        type: 'string',
        arg: 'O/R',
        group: 'Bundle',
        help: '... of repository O/R (token from GITHUB_TOKEN: actions: read); also the --commit and tracking issue repository'
    },
    expectedFiles: {
        name: 'expected-files',
        type: 'list',
        arg: 'LIST',
        default: DEFAULT_EXPECTED_FILES_PATTERN,
        group: 'Bundle',
        help: 'files the bundle must hold; commas or newlines, braces expand',
        field: 'expectedFiles'
    },
    deployments: {
        name: 'deployments',
        type: 'list',
        arg: 'LIST',
        default: DEFAULT_DEPLOYMENTS.join(', '),
        group: 'Bundle',
        help: 'Deployments deployment.yaml must hold',
        field: 'deployments'
    },
    configMap: {
        name: 'configmap',
        type: 'string',
        arg: 'NAME',
        default: DEFAULT_CONFIGMAP,
        group: 'Bundle',
        help: 'ConfigMap configmap.yaml must hold',
        field: 'configMap'
    },
    offline: {
        name: 'offline',
        type: 'boolean',
        default: 'false',
        group: 'Bundle',
        help: 'bundle checks only: cluster and network checks out of scope (the decision says so)',
        modes: PREFLIGHT_ONLY
    },
    // Cluster
    kubeconfig: {
        name: 'kubeconfig',
        type: 'string',
        flag: false,
        secret: true,
        group: 'Cluster',
        help: 'kubeconfig content (raw YAML or base64); masked',
        field: 'kubeconfig'
    },
    kubeconfigPath: {
        name: 'kubeconfig-path',
        type: 'path',
        input: false,
        flag: 'kubeconfig',
        arg: 'PATH',
        group: 'Cluster',
        help: 'kubeconfig file (default: KUBECONFIG, ~/.kube/config, the in-cluster service account)',
        field: 'kubeconfigPath'
    },
    context: {
        name: 'context',
        type: 'string',
        arg: 'NAME',
        group: 'Cluster',
        help: 'kubeconfig context (default: its current context)',
        field: 'context'
    },
    namespace: {
        name: 'namespace',
        type: 'string',
        arg: 'NS',
        default: DEFAULT_NAMESPACE,
        group: 'Cluster',
        help: 'target namespace; namespaced manifests must agree with it',
        field: 'namespace'
    },
    kubectlVersion: {
        name: 'kubectl-version',
        type: 'string',
        arg: 'V',
        group: 'Cluster',
        help: 'the kubectl the deploy uses, for the skew check (default: the one on PATH)',
        field: 'kubectlVersion',
        modes: PREFLIGHT_ONLY
    },
    eventsWindow: {
        name: 'events-window',
        type: 'duration',
        arg: 'D',
        default: '1h',
        group: 'Cluster',
        help: 'how far back Warning events and restarts count',
        field: 'eventsWindow',
        modes: PREFLIGHT_ONLY
    },
    capacityThreshold: {
        name: 'capacity-threshold',
        type: 'number',
        arg: 'P',
        default: '85%',
        group: 'Cluster',
        help: 'node CPU/memory share that counts as near capacity',
        field: 'capacityThreshold',
        modes: PREFLIGHT_ONLY
    },
    artifactsDir: {
        name: 'artifacts-dir',
        type: 'path',
        input: false,
        arg: 'DIR',
        group: 'Cluster',
        help: 'where the rollback kit (ConfigMap backup) is written (default: a new temp dir)',
        field: 'artifactsDir'
    },
    // Endpoints
    healthUrl: {
        name: 'health-url',
        type: 'url',
        arg: 'URL',
        group: 'Endpoints',
        help: 'probe this health endpoint, probe-count times (token from VAPORA_HEALTH_TOKEN)',
        field: 'healthUrl'
    },
    healthToken: {
        name: 'health-token',
        type: 'string',
        flag: false,
        env: ['VAPORA_HEALTH_TOKEN'],
        secret: true,
        group: 'Endpoints',
        help: 'bearer token for --health-url and --api-urls; masked, never printed',
        field: 'healthToken'
    },
    apiUrls: {
        name: 'api-urls',
        type: 'list',
        arg: 'LIST',
        group: 'Endpoints',
        help: 'API endpoints that must answer 200 (relative ones to --health-url)',
        field: 'apiUrls'
    },
    tlsEndpoint: {
        name: 'tls-endpoint',
        type: 'string',
        arg: 'H:P',
        group: 'Endpoints',
        help: "check this endpoint's certificate (default port 443)",
        field: 'tlsEndpoint',
        modes: PREFLIGHT_ONLY
    },
    tlsCa: {
        name: 'tls-ca',
        type: 'string',
        flag: false,
        group: 'Endpoints',
        help: 'extra CA certificate (PEM) trusted for tls-endpoint',
        field: 'tlsCa',
        modes: PREFLIGHT_ONLY
    },
    tlsCaFile: {
        name: 'tls-ca-file',
        type: 'path',
        input: false,
        flag: 'tls-ca',
        arg: 'FILE',
        group: 'Endpoints',
        help: 'extra CA certificate (a PEM file) trusted for --tls-endpoint',
        modes: PREFLIGHT_ONLY
    },
    certMinDays: {
        name: 'cert-min-days',
        type: 'number',
        arg: 'N',
        default: '14',
        group: 'Endpoints',
        help: 'fewer days left on the certificate blocks',
        field: 'certMinDays',
        modes: PREFLIGHT_ONLY
    },
    probeCount: {
        name: 'probe-count',
        type: 'number',
        arg: 'N',
        default: '5',
        group: 'Endpoints',
        help: 'probes per endpoint; the latency percentiles come from these',
        field: 'probeCount'
    },
    probeTimeout: {
        name: 'probe-timeout',
        type: 'duration',
        arg: 'D',
        default: '10s',
        group: 'Endpoints',
        help: 'per probe: status and whole body within D, else it failed',
        field: 'probeTimeout'
    },
    endpointBudget: {
        name: 'endpoint-budget',
        type: 'duration',
        arg: 'D',
        default: '30s',
        group: 'Endpoints',
        help: 'per endpoint: all its probes within D, the rest not sent',
        field: 'endpointBudget'
    },
    latencyThresholdMs: {
        name: 'latency-threshold-ms',
        type: 'number',
        arg: 'N',
        group: 'Endpoints',
        help: 'a p95 above N ms blocks (default: measured, not judged)',
        field: 'latencyThresholdMs',
        modes: PREFLIGHT_ONLY
    },
    // Change checks
    checkChanges: {
        name: 'check-changes',
        type: 'boolean',
        default: 'true',
        flag: false,
        group: 'Change checks',
        help: 'check the deployed commit and the commits since the last go',
        modes: PREFLIGHT_ONLY
    },
    commit: {
        name: 'commit',
        type: 'string',
        arg: 'SHA',
        group: 'Change checks',
        help: 'the deployed commit of --repository: the head of its default branch or a tag on it',
        modes: PREFLIGHT_ONLY
    },
    since: {
        name: 'since',
        type: 'string',
        input: false,
        arg: 'SHA',
        group: 'Change checks',
        help: '... and every commit since SHA (the last go) came through an approved pull request',
        modes: PREFLIGHT_ONLY
    },
    // Policy, tracking issue and Slack
    policy: {
        name: 'policy',
        type: 'path',
        arg: 'FILE',
        group: 'Policy, tracking issue and Slack',
        help: 'policy file (YAML): checks blocking, warnings or off, thresholds, optional items',
        field: 'policy'
    },
    environment: {
        name: 'environment',
        type: 'string',
        arg: 'ENV',
        default: 'staging',
        group: 'Policy, tracking issue and Slack',
        help: 'the environment deployed to: policy rules and the tracking issue are per environment',
        field: 'environment'
    },
    requireManual: {
        name: 'require-manual',
        type: 'boolean',
        default: 'false',
        group: 'Policy, tracking issue and Slack',
        help: 'no-go until people ticked every required manual item (needs the tracking issue)',
        modes: PREFLIGHT_ONLY
    },
    githubToken: {
        name: 'github-token',
        type: 'string',
        flag: false,
        env: ['GITHUB_TOKEN', 'GH_TOKEN'],
        default: '${{ github.token }}',
        secret: true,
        group: 'Policy, tracking issue and Slack',
        help: 'token for the download from another run, the change checks and the tracking issue'
    },
    trackingIssue: {
        name: 'tracking-issue',
        type: 'boolean',
        default: 'true',
        cliDefault: 'false',
        group: 'Policy, tracking issue and Slack',
        help: 'open or update the tracking issue in --repository (token from GITHUB_TOKEN: issues: write)'
    },
    issueLabels: {
        name: 'issue-labels',
        type: 'list',
        arg: 'LIST',
        default: 'deployment,preflight',
        group: 'Policy, tracking issue and Slack',
        help: 'labels the tracking issue carries and is found by'
    },
    issueNumber: {
        name: 'issue-number',
        type: 'number',
        arg: 'N',
        group: 'Policy, tracking issue and Slack',
        help: 'update this open issue instead of finding the tracking issue'
    },
    issueKey: {
        name: 'issue-key',
        type: 'string',
        arg: 'KEY',
        group: 'Policy, tracking issue and Slack',
        help: 'what identifies the tracking issue (default: the environment)'
    },
    runUrl: {
        name: 'run-url',
        type: 'url',
        input: false,
        arg: 'URL',
        group: 'Policy, tracking issue and Slack',
        help: "this CI run's page, linked from the tracking issue and Slack (e.g. Woodpecker's CI_PIPELINE_URL)"
    },
    uploadRollbackKit: {
        name: 'upload-rollback-kit',
        type: 'boolean',
        default: 'true',
        flag: false,
        group: 'Policy, tracking issue and Slack',
        help: 'upload the JSON report and the ConfigMap backup as an artifact',
        modes: PREFLIGHT_ONLY
    },
    slackWebhookUrl: {
        name: 'slack-webhook-url',
        type: 'url',
        flag: false,
        env: ['VAPORA_SLACK_WEBHOOK_URL'],
        secret: true,
        group: 'Policy, tracking issue and Slack',
        help: 'a Slack incoming webhook that receives the decision; masked',
        modes: PREFLIGHT_ONLY
    },
    // Verify mode
    mode: {
        name: 'mode',
        type: 'string',
        default: 'preflight',
        flag: false,
        group: 'Verify mode (after the deploy)',
        help: 'preflight (before the deploy) or verify (after it)'
    },
    verify: {
        name: 'verify',
        type: 'boolean',
        input: false,
        group: 'Verify mode (after the deploy)',
        help: 'after the deploy: the success criteria instead of the preflight (exit 0: verified)'
    },
    preflightReport: {
        name: 'preflight-report',
        type: 'path',
        input: false,
        arg: 'FILE',
        group: 'Verify mode (after the deploy)',
        help: "the preflight's JSON report to compare with (its --format json output, or the kit's report.json)",
        modes: VERIFY_ONLY
    },
    readyTimeout: {
        name: 'ready-timeout',
        type: 'duration',
        arg: 'D',
        default: '5m',
        group: 'Verify mode (after the deploy)',
        help: 'how long every pod may take to become Ready',
        modes: VERIFY_ONLY
    },
    latencyFactor: {
        name: 'latency-factor',
        type: 'number',
        arg: 'N',
        default: '2',
        group: 'Verify mode (after the deploy)',
        help: "p99 after the deploy may be N × the baseline's, plus 25 ms",
        modes: VERIFY_ONLY
    },
    deployStartedAt: {
        name: 'deploy-started-at',
        type: 'string',
        arg: 'TIME',
        group: 'Verify mode (after the deploy)',
        help: "when the deploy started (ISO 8601); default: the preflight's end",
        modes: VERIFY_ONLY
    },
    closeOnSuccess: {
        name: 'close-on-success',
        type: 'boolean',
        default: 'false',
        group: 'Verify mode (after the deploy)',
        help: 'close the tracking issue when the deploy is verified',
        modes: VERIFY_ONLY
    },
    // Output (the CLI's)
    format: {
        name: 'format',
        type: 'string',
        input: false,
        arg: 'F',
        group: 'Output',
        help: 'text (the default on a terminal), markdown (the default otherwise) or json'
    },
    output: {
        name: 'output',
        type: 'path',
        input: false,
        arg: 'FILE',
        group: 'Output',
        help: 'write the report to FILE instead of stdout'
    },
    quiet: { name: 'quiet', type: 'boolean', input: false, group: 'Output', help: 'no progress on stderr' },
    version: { name: 'version', type: 'boolean', input: false, group: 'Output', help: 'print the version' },
    help: { name: 'help', type: 'boolean', input: false, group: 'Output', help: 'print this help' }
};
const specs = () => Object.entries(OPTIONS);
/** Whether an option is an action input (not one of the CLI's own). */
function isActionInput(key) {
    const spec = OPTIONS[key];
    return spec.input !== false;
}
/** Action input names by option key (`INPUT.configMap` is `configmap`): the action reads by these. */
Object.fromEntries(specs()
    .filter(([key]) => isActionInput(key))
    .map(([key, spec]) => [key, spec.name]));

/**
 * The list syntax shared by action inputs and CLI flags: items separated by newlines or commas,
 * with shell-style braces expanding (`vapora-{solo,enterprise}.{toml,json}` → 4 names).
 */
/** Splits on newlines and on commas outside braces; trims; drops empty items and `#` comments. */
function splitList(raw) {
    const items = [];
    let depth = 0;
    let current = '';
    for (const ch of raw) {
        if (ch === '{')
            depth++;
        if (ch === '}')
            depth = Math.max(0, depth - 1);
        if (ch === '\n' || (ch === ',' && depth === 0)) {
            items.push(current);
            current = '';
            continue;
        }
        current += ch;
    }
    items.push(current);
    return items.map(item => item.replace(/#.*$/, '').trim()).filter(item => item !== '');
}
/** Expands the first `{a,b}` group recursively. Unbalanced braces are left as written. */
function expandBraces(pattern) {
    const open = pattern.indexOf('{');
    if (open < 0)
        return [pattern];
    let depth = 0;
    for (let i = open; i < pattern.length; i++) {
        if (pattern[i] === '{')
            depth++;
        if (pattern[i] === '}' && --depth === 0) {
            const inner = pattern.slice(open + 1, i);
            const alternatives = splitTopLevelCommas(inner);
            const head = pattern.slice(0, open);
            const tail = pattern.slice(i + 1);
            return alternatives.flatMap(alt => expandBraces(head + alt + tail));
        }
    }
    return [pattern];
}
function splitTopLevelCommas(inner) {
    const parts = [];
    let depth = 0;
    let current = '';
    for (const ch of inner) {
        if (ch === '{')
            depth++;
        if (ch === '}')
            depth--;
        if (ch === ',' && depth === 0) {
            parts.push(current);
            current = '';
            continue;
        }
        current += ch;
    }
    parts.push(current);
    return parts.map(p => p.trim());
}
/** `splitList` then `expandBraces` on each item, duplicates removed, order kept. */
function parsePatternList(raw) {
    return [...new Set(splitList(raw).flatMap(expandBraces))];
}

/**
 * The typed options of a preflight run and the one place they are validated. The action (inputs.ts),
 * the CLI (cli.ts) and library callers all build a `PreflightInput` and call `resolveOptions`.
 */
// Kubernetes name rules (k8s.io/apimachinery validation): namespaces are DNS-1123 labels,
// Deployments and ConfigMaps DNS-1123 subdomains.
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function checkName(option, value, rule) {
    const max = rule === 'label' ? 63 : 253;
    const pattern = rule === 'label' ? DNS1123_LABEL : DNS1123_SUBDOMAIN;
    if (!pattern.test(value) || value.length > max) {
        throw new UsageError(`${option}: "${value}" is not a valid Kubernetes name (lower-case letters, digits and '-'${rule === 'subdomain' ? " or '.'" : ''}, at most ${max} characters, starting and ending with a letter or digit).`);
    }
    return value;
}
function asList(value, fallback, expand) {
    if (value === undefined)
        return [...fallback];
    const raw = Array.isArray(value) ? value.join('\n') : value;
    const items = expand ? parsePatternList(raw) : [...new Set(splitList(raw))];
    return items.length > 0 ? items : [...fallback];
}
function checkRelativePath(option, file) {
    if (isAbsolute(file) || /^[A-Za-z]:/.test(file) || file.split(/[/\\]/).includes('..')) {
        throw new UsageError(`${option}: "${file}" must be a path relative to the bundle root, without "..".`);
    }
    if (/[{}]/.test(file)) {
        throw new UsageError(`${option}: "${file}" has an unbalanced brace; write e.g. vapora-{solo,enterprise}.toml.`);
    }
    return file.replace(/\\/g, '/').replace(/^\.\//, '');
}
function checkLimits(limits) {
    const merged = { ...DEFAULT_BUNDLE_LIMITS, ...limits };
    for (const [key, value] of Object.entries(merged)) {
        if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
            throw new UsageError(`limits.${key}: must be a positive number (got ${String(value)}).`);
        }
    }
    return merged;
}
function checkArtifact(spec) {
    const name = spec.name?.trim();
    if (!name || /[\\/":<>|*?\r\n]/.test(name)) {
        throw new UsageError(`artifact-name: "${spec.name ?? ''}" is not an artifact name; use the name given to actions/upload-artifact, e.g. deployment-artifacts.`);
    }
    if (spec.runId !== undefined && (!Number.isSafeInteger(spec.runId) || spec.runId <= 0)) {
        throw new UsageError(`run-id: "${spec.runId}" is not a workflow run id; use the number in the run URL (…/actions/runs/<run-id>).`);
    }
    if (spec.repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(spec.repository)) {
        throw new UsageError(`repository: "${spec.repository}" is not owner/name, e.g. vapora/app.`);
    }
    return { ...spec, name };
}
function httpUrl(option, raw, base) {
    let url;
    try {
        url = new URL(raw, base);
    }
    catch {
        throw new UsageError(`${option}: "${raw}" is not a URL${base ? '' : ' (a relative path needs health-url to resolve against)'}; write e.g. http://vapora-backend.vapora:8001/health.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new UsageError(`${option}: "${raw}" must be an http:// or https:// URL.`);
    }
    if (url.username || url.password) {
        throw new UsageError(`${option}: put credentials in health-token, not in the URL (they would be logged).`);
    }
    return url;
}
function positiveNumber(option, raw, fallback, example) {
    if (raw === undefined || String(raw).trim() === '')
        return fallback;
    const value = Number(String(raw).trim());
    if (!Number.isFinite(value) || value <= 0)
        throw new UsageError(`${option}: "${raw}" must be a positive number, e.g. ${example}.`);
    return value;
}
// `probe-timeout` defaults to the kubelet's `timeoutSeconds`; `endpoint-budget` bounds a hung endpoint's
// cost (not `probe-count` × `probe-timeout`).
const DEFAULT_PROBE_TIMEOUT = OPTIONS.probeTimeout.default;
const DEFAULT_ENDPOINT_BUDGET = OPTIONS.endpointBudget.default;
const MAX_PROBE_TIMEOUT = { ms: 120_000, text: '2m' };
const MAX_ENDPOINT_BUDGET = { ms: 3_600_000, text: '1h' };
/** A positive duration up to `max`; `from` says where a value set in the policy file came from. */
function boundedDuration(option, raw, fallback, max, from, examples) {
    const ms = parseDuration(raw?.trim() || fallback);
    if (ms === undefined || ms <= 0 || ms > max.ms) {
        throw new UsageError(`${option}: "${raw}"${from} is not a positive duration up to ${max.text}; write e.g. ${examples}.`);
    }
    return ms;
}
/** The probe bounds: each probe within `probe-timeout`, each endpoint's probes within `endpoint-budget`. */
function probeBounds(input, policy) {
    const from = (set) => (set === undefined ? '' : ` (policy ${policy.path})`);
    const timeoutFrom = from(policy?.thresholds.probeTimeout);
    const budgetFrom = from(policy?.thresholds.endpointBudget);
    const probeTimeoutMs = boundedDuration('probe-timeout', input.probeTimeout, DEFAULT_PROBE_TIMEOUT, MAX_PROBE_TIMEOUT, timeoutFrom, '10s or 1500ms');
    const endpointBudgetMs = boundedDuration('endpoint-budget', input.endpointBudget, DEFAULT_ENDPOINT_BUDGET, MAX_ENDPOINT_BUDGET, budgetFrom, '30s or 2m');
    if (probeTimeoutMs > endpointBudgetMs) {
        const timeout = input.probeTimeout?.trim() || DEFAULT_PROBE_TIMEOUT;
        const budget = input.endpointBudget?.trim() || DEFAULT_ENDPOINT_BUDGET;
        throw new UsageError(`probe-timeout: ${timeout}${timeoutFrom} is longer than endpoint-budget ${budget}${budgetFrom}, which all the probes of an endpoint share. Lower probe-timeout to at most ${budget}, or raise endpoint-budget to at least ${timeout}.`);
    }
    return { probeTimeoutMs, endpointBudgetMs };
}
function endpointOptions(input, policy) {
    const healthUrl = input.healthUrl?.trim() ? httpUrl('health-url', input.healthUrl.trim()) : undefined;
    const apiUrls = asList(input.apiUrls, [], false).map(raw => httpUrl('api-urls', raw, healthUrl));
    const probeCount = positiveNumber('probe-count', input.probeCount, Number(OPTIONS.probeCount.default), '5');
    if (!Number.isInteger(probeCount) || probeCount > 100)
        throw new UsageError(`probe-count: "${input.probeCount}" must be a whole number from 1 to 100.`);
    return {
        healthUrl,
        healthToken: input.healthToken?.trim() || undefined,
        apiUrls,
        tlsEndpoint: tlsEndpoint(input.tlsEndpoint),
        tlsCa: tlsCa(input.tlsCa),
        certMinDays: positiveNumber('cert-min-days', input.certMinDays, Number(OPTIONS.certMinDays.default), '14'),
        probeCount,
        ...probeBounds(input, policy),
        latencyThresholdMs: positiveNumber('latency-threshold-ms', input.latencyThresholdMs, undefined, '500')
    };
}
function tlsCa(raw) {
    if (!raw?.trim())
        return undefined;
    if (!raw.includes('-----BEGIN CERTIFICATE-----')) {
        throw new UsageError('tls-ca: not a PEM certificate; pass the CA certificate itself (-----BEGIN CERTIFICATE----- …).');
    }
    return raw.trim();
}
function tlsEndpoint(raw) {
    const text = raw
        ?.trim()
        .replace(/^https:\/\//, '')
        .replace(/\/.*$/, '');
    if (!text)
        return undefined;
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(text);
    const port = Number(match?.[2] ?? 443);
    if (!match || port < 1 || port > 65535) {
        throw new UsageError(`tls-endpoint: "${raw}" is not host:port; write e.g. vapora.example.com:443.`);
    }
    return { host: match[1].replace(/^\[|\]$/g, ''), port };
}
function verifyOptions(input) {
    if (!input)
        return undefined;
    const readyTimeoutMs = parseDuration(input.readyTimeout?.trim() || OPTIONS.readyTimeout.default);
    if (readyTimeoutMs === undefined || readyTimeoutMs <= 0 || readyTimeoutMs > 3_600_000) {
        throw new UsageError(`ready-timeout: "${input.readyTimeout}" is not a duration up to 1h; write e.g. 5m or 90s.`);
    }
    const latencyFactor = positiveNumber('latency-factor', input.latencyFactor, Number(OPTIONS.latencyFactor.default), '2');
    let deployStartedAt;
    if (input.deployStartedAt?.trim()) {
        deployStartedAt = new Date(input.deployStartedAt.trim());
        if (Number.isNaN(deployStartedAt.getTime())) {
            throw new UsageError(`deploy-started-at: "${input.deployStartedAt}" is not a time; write ISO 8601, e.g. 2026-11-28T14:05:00Z.`);
        }
    }
    else if (input.record) {
        deployStartedAt = new Date(input.record.finishedAt);
    }
    return {
        record: input.record,
        recordProblem: input.recordProblem,
        readyTimeoutMs,
        latencyFactor,
        deployStartedAt
    };
}
const FULL_SHA = /^[0-9a-f]{40}$/;
function checkChanges(spec) {
    if (!spec)
        return undefined;
    if (!/^[\w.-]+\/[\w.-]+$/.test(spec.repository)) {
        throw new UsageError(`repository: "${spec.repository}" is not owner/name, e.g. vapora/app.`);
    }
    const commit = spec.commit?.trim().toLowerCase() || undefined;
    if (commit && !FULL_SHA.test(commit)) {
        throw new UsageError(`commit: "${spec.commit}" is not a full commit sha (40 hex digits); pass e.g. \${{ github.sha }} or the output of git rev-parse HEAD.`);
    }
    const runCommit = spec.runCommit && FULL_SHA.test(spec.runCommit) ? spec.runCommit : undefined;
    return { ...spec, commit, runCommit };
}
function checkEnvironment(raw) {
    const environment = raw?.trim() || OPTIONS.environment.default;
    if (/[\r\n]/.test(environment) || environment.length > 255) {
        throw new UsageError(`${OPTIONS.environment.name}: must be one line of at most 255 characters.`);
    }
    return environment;
}
/** Results of the preflight's items that a policy may not change (see below). */
const NOT_POLICY_MATTERS = new Set([BUNDLE_UNPACK, ARTIFACT_DOWNLOAD, TRACKING_ISSUE, SLACK_WEBHOOK, DECISION].map(r => r.id));
/**
 * Ids a policy may name: the checks the preflight's items name (a test holds them to the registry), and
 * `baseline` (the engine records it after them; only `off` changes it, since it never fails). The bundle download and unpack, the tracking issue and the kit upload are not
 * policy matters: without a bundle nothing is verified, and the GitHub steps have their own inputs.
 */
const POLICY_IDS = [
    ...new Set(checklistItems()
        .filter(item => item.phase === 'preflight')
        .flatMap(item => item.checks ?? [])
        .filter(id => !NOT_POLICY_MATTERS.has(id)))
].sort();
/** Validates and completes `input`. Throws `UsageError` with a message that says how to fix it. */
function resolveOptions(given) {
    const policy = given.policy?.trim()
        ? loadPolicy(given.policy.trim(), POLICY_IDS, checklistItems().map(item => item.id))
        : undefined;
    const thresholds = Object.fromEntries(Object.entries(policy?.thresholds ?? {}).filter(([, value]) => value !== undefined));
    const input = { ...given, ...thresholds };
    const bundlePath = typeof input.bundlePath === 'string' ? input.bundlePath.trim() : '';
    if (bundlePath === '' && !input.artifact) {
        throw new UsageError('bundle: no bundle given. Pass the path of the deployment-artifacts .zip or of a directory holding its files, or the artifact to download.');
    }
    const artifact = bundlePath === '' ? checkArtifact(input.artifact) : undefined;
    const namespace = checkName('namespace', (input.namespace ?? '').trim() || OPTIONS.namespace.default, 'label');
    const deployments = asList(input.deployments, splitList(OPTIONS.deployments.default), false).map(name => checkName('deployments', name, 'subdomain'));
    const configMap = checkName('configmap', (input.configMap ?? '').trim() || OPTIONS.configMap.default, 'subdomain');
    const expectedFiles = asList(input.expectedFiles, parsePatternList(OPTIONS.expectedFiles.default), true).map(file => checkRelativePath('expected-files', file));
    const eventsWindowMs = parseDuration(input.eventsWindow?.trim() || OPTIONS.eventsWindow.default);
    if (eventsWindowMs === undefined || eventsWindowMs <= 0) {
        throw new UsageError(`events-window: "${input.eventsWindow}" is not a duration; write e.g. 1h, 30m or 90s.`);
    }
    const threshold = Number(String(input.capacityThreshold ?? OPTIONS.capacityThreshold.default)
        .trim()
        .replace(/%$/, ''));
    if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 100) {
        throw new UsageError(`capacity-threshold: "${input.capacityThreshold}" must be a percentage between 1 and 100, e.g. 85%.`);
    }
    const kubectlVersion = input.kubectlVersion?.trim() || undefined;
    if (kubectlVersion && !/^v?\d+\.\d+(\.\d+)?([-+].*)?$/.test(kubectlVersion)) {
        throw new UsageError(`kubectl-version: "${kubectlVersion}" is not a version; write e.g. v1.35.2.`);
    }
    const kubeconfig = input.kubeconfig?.trim()
        ? { kind: 'content', content: input.kubeconfig }
        : input.kubeconfigPath?.trim()
            ? { kind: 'path', path: input.kubeconfigPath.trim() }
            : { kind: 'default' };
    const timeout = input.requestTimeoutMs ?? 10_000;
    if (!Number.isFinite(timeout) || timeout <= 0)
        throw new UsageError('requestTimeoutMs: must be a positive number.');
    const execTimeout = input.execTimeoutMs ?? 30_000;
    if (!Number.isFinite(execTimeout) || execTimeout <= 0)
        throw new UsageError('execTimeoutMs: must be a positive number of milliseconds, e.g. 30000.');
    return {
        kubeconfig,
        context: input.context?.trim() || undefined,
        kubectlVersion,
        eventsWindowMs,
        capacityThreshold: threshold,
        artifactsDir: input.artifactsDir?.trim() || undefined,
        requestTimeoutMs: timeout,
        execTimeoutMs: execTimeout,
        downloadTimeoutMs: input.downloadTimeoutMs ?? 300_000,
        ...endpointOptions(input, policy),
        policy,
        environment: checkEnvironment(input.environment),
        changes: checkChanges(input.changes),
        verify: verifyOptions(input.verify),
        bundlePath,
        artifact,
        expectedFiles,
        namespace,
        deployments,
        configMap,
        offline: input.offline ?? false,
        limits: checkLimits(input.limits),
        workDir: input.workDir ?? tmpdir()
    };
}

/** The prerequisite (no check of its own) that the comparisons need: what the preflight recorded. */
const PREFLIGHT_RECORD = 'preflight-record';
function bundleDeployments(ctx) {
    return manifestDocs(ctx)
        .docs.filter(d => d.doc.kind === 'Deployment' && d.doc.metadata?.name)
        .map(({ doc }) => ({
        name: doc.metadata.name,
        images: Object.fromEntries((doc.spec?.template?.spec?.containers ?? []).map(c => [
            c.name ?? '',
            c.image ?? ''
        ]))
    }));
}
const liveDeployments = (cluster, ctx) => cluster.fresh('deployments', ctx.options.namespace);
const liveReplicaSets = (cluster, ctx) => cluster.fresh('replicasets', ctx.options.namespace);
const livePods = (cluster, ctx) => cluster.fresh('pods', ctx.options.namespace);
/** The ReplicaSet a Deployment runs now: owned by it, with the Deployment's own revision. */
function currentReplicaSet(deployment, replicaSets) {
    const revision = deployment.metadata?.annotations?.[REVISION_ANNOTATION];
    return replicaSets.find(rs => (rs.metadata?.ownerReferences ?? []).some(o => o.controller && o.uid === deployment.metadata?.uid) &&
        rs.metadata?.annotations?.[REVISION_ANNOTATION] === revision);
}
/** Pods owned by a ReplicaSet. */
function podsOf(replicaSet, pods) {
    return pods.filter(p => (p.metadata?.ownerReferences ?? []).some(o => o.controller && o.uid === replicaSet.metadata?.uid));
}
const isReady = (pod) => (pod.status?.conditions ?? []).some(c => c.type === 'Ready' && c.status === 'True');
/** The record a comparison needs, or the outcome saying it is missing (which blocks: not verified). */
function needRecord(ctx) {
    if (ctx.options.verify?.record)
        return undefined;
    return {
        status: 'skip',
        skipReason: 'prerequisite-failed',
        blockedBy: PREFLIGHT_RECORD,
        message: `not run: ${ctx.options.verify?.recordProblem ?? 'no preflight record to compare with'}`,
        hint: 'Run the preflight (mode: preflight, tracking-issue: true) before the deploy: it records the baseline in the tracking issue.'
    };
}

const verifyEventsCheck = defineCheck({
    id: 'verify-events',
    title: 'No Warning events since the deploy started',
    item: 'success-no-restarts',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const since = ctx.options.verify?.deployStartedAt;
        if (!since) {
            return {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                blockedBy: PREFLIGHT_RECORD,
                message: 'not run: the deploy start is unknown (no preflight record, no deploy-started-at)',
                hint: 'Set deploy-started-at, or run the preflight with the tracking issue before the deploy.'
            };
        }
        try {
            // Folded: only the lines it reports are kept, never the namespace's events.
            const { value: lines, read } = await cluster.session.fold({ kind: 'events', namespace: ctx.options.namespace, fieldSelector: SELECT.warningEvents }, () => [], (found, object) => {
                const e = object;
                if (lastSeen(e) < since.getTime())
                    return found;
                const count = e.series?.count ?? e.count ?? 1;
                found.push(`${e.reason ?? '?'} on ${e.involvedObject?.kind ?? '?'}/${e.involvedObject?.name ?? '?'}${count > 1 ? ` ×${count}` : ''}: ${(e.message ?? '').slice(0, 200)}`);
                return found;
            });
            const data = { reads: [read] };
            if (lines.length > 0) {
                return {
                    status: 'fail',
                    message: `${lines.length} Warning event(s) since the deploy started (${since.toISOString()}): ${lines.slice(0, 3).join('; ')}${lines.length > 3 ? '; …' : ''}`,
                    details: lines,
                    data,
                    hint: 'Read them with kubectl get events -n <namespace> --field-selector type=Warning; fix the cause or roll back.'
                };
            }
            return {
                status: 'pass',
                message: `no Warning event since the deploy started (${since.toISOString()})`,
                data
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read events: ${explainApiError(error)}` };
        }
    }
});

const verifyHealthCheck = defineCheck({
    ...healthEndpointCheck,
    id: 'verify-health',
    title: 'Health endpoints respond (200 OK)',
    item: 'success-health-200'
});
const verifyApiCheck = defineCheck({
    ...apiEndpointsCheck,
    id: 'verify-api',
    title: 'API endpoints respond to test requests',
    item: 'success-api-respond'
});
/**
 * Jitter allowance added to `factor × before`: a 2 ms baseline must not fail at 5 ms. Latency that
 * matters to users is well above it.
 */
const LATENCY_SLACK_MS = 25;
/** p99 after vs before for each endpoint measured both times; more errors than before also fail. */
function compareWithBaseline(before, after, factor) {
    if (!before || before.endpoints.length === 0) {
        return {
            status: 'skip',
            skipReason: 'not-applicable',
            message: 'not applicable: the preflight measured no endpoint to compare with'
        };
    }
    const lines = [];
    const problems = [];
    for (const b of before.endpoints) {
        const a = after?.endpoints.find(e => e.url === b.url);
        if (!a) {
            problems.push(`${b.url} was not probed after the deploy`);
            continue;
        }
        const was = b.p99Ms ?? b.p95Ms;
        const allowed = Math.round(was * factor + LATENCY_SLACK_MS);
        lines.push(`${a.url}: p99 ${was} → ${a.p99Ms ?? a.p95Ms} ms (allowed ${allowed} ms), errors ${b.errors}/${b.probes} → ${a.errors}/${a.probes}`);
        if ((a.p99Ms ?? a.p95Ms) > allowed)
            problems.push(`${a.url} p99 ${a.p99Ms ?? a.p95Ms} ms is over ${factor}× the baseline ${was} ms`);
        if (a.errors / Math.max(1, a.probes) > b.errors / Math.max(1, b.probes))
            problems.push(`${a.url} errors rose: ${b.errors}/${b.probes} → ${a.errors}/${a.probes}`);
    }
    if (problems.length > 0) {
        return {
            status: 'fail',
            message: `worse than before the deploy: ${problems.join('; ')}`,
            details: lines,
            hint: 'Compare dashboards; the seed says roll back on more than 10% error increase. latency-factor sets the allowed factor.'
        };
    }
    return { status: 'pass', message: `latency and errors within ${factor}× the baseline`, details: lines };
}

/** Registries report `docker.io/library/x:1` for `x:1`: compare without the implied prefixes. */
const normalise = (image) => image.replace(/^docker\.io\/(library\/)?/, '');
const verifyImagesCheck = defineCheck({
    id: 'verify-images',
    title: 'All deployments have updated image IDs',
    item: 'success-images-updated',
    needs: ['bundle', 'cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const client = cluster.session;
        try {
            const [deployments, replicaSets, pods] = await Promise.all([
                liveDeployments(client, ctx),
                liveReplicaSets(client, ctx),
                livePods(client, ctx)
            ]);
            const problems = [];
            const details = [];
            const imageIds = {};
            for (const wanted of bundleDeployments(ctx)) {
                const live = deployments.find(d => d.metadata?.name === wanted.name);
                if (!live) {
                    problems.push(`${wanted.name} does not exist in ${ctx.options.namespace}`);
                    continue;
                }
                const template = live.spec?.template?.spec?.containers ?? [];
                for (const [container, image] of Object.entries(wanted.images)) {
                    const running = template.find(c => c.name === container)?.image;
                    if (running !== image)
                        problems.push(`${wanted.name}/${container} runs ${running ?? '(no such container)'}, the bundle has ${image}`);
                }
                const rs = currentReplicaSet(live, replicaSets);
                const rsPods = rs ? podsOf(rs, pods) : [];
                if (rsPods.length === 0 && (live.spec?.replicas ?? 1) > 0)
                    problems.push(`${wanted.name} has no pods of its current template`);
                for (const pod of rsPods) {
                    const statuses = (pod.status?.containerStatuses ?? []);
                    if (statuses.length === 0)
                        problems.push(`${pod.metadata?.name} has not started (no container status)`);
                    for (const status of statuses) {
                        const image = wanted.images[status.name];
                        if (!image)
                            continue;
                        if (!status.imageID)
                            problems.push(`${pod.metadata?.name}/${status.name} has no image ID yet (not started)`);
                        else if (normalise(status.image ?? '') !== normalise(image))
                            problems.push(`${pod.metadata?.name}/${status.name} reports image ${status.image}, not ${image}`);
                        else
                            (imageIds[wanted.name] ??= []).push(status.imageID);
                    }
                }
                details.push(`${wanted.name}: ${Object.values(wanted.images).join(', ')} in ${rsPods.length} pod(s) of ${rs?.metadata?.name ?? '(no current ReplicaSet)'}`);
            }
            if (problems.length > 0) {
                return {
                    status: 'fail',
                    message: `not running the bundle's images: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`,
                    details: [...details, ...problems],
                    hint: 'Apply deployment.yaml from this bundle (an image left at the old tag means the deploy missed that Deployment), then verify again.'
                };
            }
            return {
                status: 'pass',
                message: `every Deployment runs the bundle's images (${Object.keys(imageIds).length} with image IDs reported)`,
                details,
                data: { imageIds }
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read the Deployments: ${explainApiError(error)}` };
        }
    }
});

/**
 * "All pods reach Ready within 5 minutes": watches the namespace's Deployments (a watch, not a polling
 * loop) until every Deployment of the bundle has rolled out completely — the controller saw the latest
 * spec, every replica is updated, ready and available, and no old replica is left — or `ready-timeout`
 * passes. The moment it happened is the deploy's end time.
 */
function rolledOut(d) {
    if (!d)
        return false;
    const want = d.spec?.replicas ?? 1;
    const s = d.status ?? {};
    return ((s.observedGeneration ?? 0) >= d.metadata?.generation &&
        (s.updatedReplicas ?? 0) === want &&
        (s.readyReplicas ?? 0) === want &&
        (s.availableReplicas ?? 0) === want &&
        (s.replicas ?? 0) === want);
}
function progress(d, name) {
    if (!d)
        return `${name}: not found`;
    const s = d.status ?? {};
    return `${name}: ${s.readyReplicas ?? 0}/${d.spec?.replicas ?? 1} ready, ${s.updatedReplicas ?? 0} updated, ${s.replicas ?? 0} total`;
}
const seconds$2 = (ms) => `${Math.round(ms / 100) / 10} s`;
const VERIFY_PODS_READY_DATA = dataKey('verify-pods-ready');
const verifyPodsReadyCheck = defineCheck({
    id: 'verify-pods-ready',
    title: 'All pods reach "Ready" state within the ready timeout',
    item: 'success-pods-ready',
    needs: ['bundle', 'cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const wanted = bundleDeployments(ctx).map(d => d.name);
        if (wanted.length === 0)
            return { status: 'fail', message: 'the bundle has no Deployment to verify' };
        const timeoutMs = ctx.options.verify?.readyTimeoutMs ?? 300_000;
        const started = Date.now();
        const byName = (objects) => new Map(objects.map(o => [o.metadata?.name ?? '', o]));
        try {
            const watched = await cluster.session.watchDeployments(ctx.options.namespace, objects => {
                const live = byName(objects);
                return wanted.every(name => rolledOut(live.get(name)));
            }, started + timeoutMs);
            const readyAt = new Date();
            const live = byName(watched.objects);
            const details = wanted.map(name => progress(live.get(name), name));
            if (watched.done) {
                return {
                    status: 'pass',
                    message: `${wanted.length} Deployment(s) rolled out, every pod Ready (${seconds$2(Date.now() - started)} after the verify started)`,
                    details,
                    data: { readyAt: readyAt.toISOString() }
                };
            }
            const notReady = (await livePods(cluster.session, ctx))
                .filter(p => !isReady(p))
                .map(p => `${p.metadata?.name} (${p.status?.phase ?? 'Unknown'})`);
            const late = wanted.filter(name => !rolledOut(live.get(name)));
            return {
                status: 'fail',
                message: `not Ready within ${seconds$2(timeoutMs)}: ${late.map(name => progress(live.get(name), name)).join('; ')}`,
                details: [...details, ...(notReady.length > 0 ? [`pods not Ready: ${notReady.join(', ')}`] : [])],
                hint: 'Look at the pods (kubectl describe pod, kubectl logs): CrashLoopBackOff means config or image trouble, Pending means no capacity. Roll back with the commands from the preflight kit if it does not recover.'
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot watch the Deployments: ${explainApiError(error)}` };
        }
    }
});

/**
 * "No pod restarts (restart counts not increasing)": every pod of the namespace against the restart
 * count the preflight recorded (a pod created by the deploy started from 0).
 */
const VERIFY_RESTARTS_DATA = dataKey('verify-restarts');
const verifyRestartsCheck = defineCheck({
    id: 'verify-restarts',
    title: 'No pod restarts (restart counts not increasing)',
    item: 'success-no-restarts',
    needs: ['cluster'],
    async run(ctx) {
        const missing = needRecord(ctx);
        if (missing)
            return missing;
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const before = ctx.options.verify.record.baseline?.podRestarts ?? {};
        try {
            const now = {};
            const rising = [];
            for (const pod of await livePods(cluster.session, ctx)) {
                const name = pod.metadata?.name ?? '';
                if (pod.status?.phase === 'Succeeded')
                    continue;
                const count = (pod.status?.containerStatuses ?? []).reduce((sum, s) => sum + (s.restartCount ?? 0), 0);
                now[name] = count;
                const was = before[name] ?? 0;
                if (count > was)
                    rising.push(`${name}: ${was} → ${count}`);
            }
            const total = Object.values(now).reduce((a, b) => a + b, 0);
            if (rising.length > 0) {
                return {
                    status: 'fail',
                    message: `restarts rose since the preflight: ${rising.join(', ')}`,
                    details: rising,
                    hint: 'A restarting pod after a deploy usually means a config or image problem: read its logs (kubectl logs --previous) and roll back if it keeps restarting.',
                    data: { podRestarts: now, total }
                };
            }
            return {
                status: 'pass',
                message: `no restart count rose (${Object.keys(now).length} pod(s), ${total} restart(s) in total)`,
                data: { podRestarts: now, total }
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read the pods: ${explainApiError(error)}` };
        }
    }
});

/**
 * Whether a Deployment was rolled back after the deploy: it runs a template that was already live before
 * the preflight (one of the ReplicaSets recorded then) although a newer revision was rolled out since.
 * `kubectl rollout undo` gives the old ReplicaSet a new, higher revision number, so the template, not
 * the number, tells. A Deployment whose highest revision did not move was not deployed at all (the image
 * check names it).
 */
const VERIFY_ROLLBACK_DATA = dataKey('verify-rollback');
const verifyRollbackCheck = defineCheck({
    id: 'verify-rollback',
    title: 'No rollback performed',
    item: 'post-rollback',
    needs: ['bundle', 'cluster'],
    async run(ctx) {
        const missing = needRecord(ctx);
        if (missing)
            return missing;
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const record = ctx.options.verify.record;
        try {
            const client = cluster.session;
            const [deployments, replicaSets] = await Promise.all([
                liveDeployments(client, ctx),
                liveReplicaSets(client, ctx)
            ]);
            const rolledBack = [];
            const revisions = {};
            for (const { name } of bundleDeployments(ctx)) {
                const live = deployments.find(d => d.metadata?.name === name);
                if (!live)
                    continue;
                const revision = Number(live.metadata?.annotations?.[REVISION_ANNOTATION]);
                revisions[name] = revision;
                const before = record.revisions[name];
                const current = currentReplicaSet(live, replicaSets)?.metadata?.name;
                const oldTemplates = record.replicaSets[name] ?? [];
                if (before !== undefined && revision > before && current && oldTemplates.includes(current)) {
                    rolledBack.push(`${name}: revision ${revision} runs ReplicaSet ${current}, a template live before the deploy (preflight highest revision ${before})`);
                }
            }
            if (rolledBack.length > 0) {
                return {
                    status: 'fail',
                    message: `rollback detected: ${rolledBack.join('; ')}`,
                    details: rolledBack,
                    data: { rollbackDetected: true, revisions }
                };
            }
            return {
                status: 'pass',
                message: 'no Deployment went back to a template from before the deploy',
                data: { rollbackDetected: false, revisions }
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read the rollout state: ${explainApiError(error)}` };
        }
    }
});

/**
 * Verify mode, after the deploy: the seed's "Success Criteria Verification" as checks on the live
 * cluster and endpoints, compared with what the preflight recorded, plus the post-deployment record
 * (start, end, duration, rollback, metrics before/after). Same engine, other checks: the bundle is read
 * and verified the same way, and the report has the same shape with a `verification` section.
 */
/**
 * In this order, one at a time: the rollout is waited for first, so the images, restarts and endpoints
 * are read once it is over.
 */
const VERIFY_CHECKS = [
    // First, so that a cluster the run cannot use is reported once, as the cause of what it blocks.
    clusterAccessCheck,
    verifyPodsReadyCheck,
    verifyImagesCheck,
    verifyRollbackCheck,
    verifyRestartsCheck,
    verifyEventsCheck,
    verifyHealthCheck,
    verifyApiCheck
];
/**
 * Verify mode on resolved options (with `verify` set) and the run's sources: the success criteria, then
 * the post-deployment record. Throws `UsageError` for an offline run (it would verify a deploy unseen).
 */
async function runVerifyChecks(options, sources, hooks = {}) {
    if (options.offline) {
        // Offline, every cluster check is out of scope and would not block: a deploy "verified" unseen.
        throw new UsageError('offline: verify mode checks the live cluster; remove offline: true (and pass a kubeconfig).');
    }
    const verify = options.verify;
    if (!verify)
        throw new UsageError('verify: the options are not those of verify mode (no verify settings).');
    const report = await runChecks(options, sources, {
        ...hooks,
        checks: hooks.checks ?? VERIFY_CHECKS,
        concurrency: 1,
        baselineResult: false,
        mode: 'verify'
    });
    const metrics = finish(VERIFY_METRICS, compareWithBaseline(verify.record?.baseline, report.baseline, verify.latencyFactor), 0);
    hooks.onResult?.(metrics);
    const amended = amendReport(report, [metrics]);
    const readyAt = readData(amended.results, VERIFY_PODS_READY_DATA)?.readyAt;
    const endedAt = readyAt ?? amended.finishedAt;
    const startedAt = verify.deployStartedAt?.toISOString();
    const durationMs = startedAt ? Math.max(0, Date.parse(endedAt) - Date.parse(startedAt)) : undefined;
    const rollbackDetected = readData(amended.results, VERIFY_ROLLBACK_DATA)?.rollbackDetected === true;
    // The post-deployment record's items are ticked when the numbers are known (they are in the issue).
    const record = finish(VERIFY_RECORD, startedAt
        ? {
            status: 'pass',
            message: `start ${startedAt}, end ${endedAt}, ${Math.round(durationMs / 1000)} s, rollback ${rollbackDetected ? 'yes' : 'no'}`
        }
        : {
            status: 'skip',
            skipReason: 'not-applicable',
            message: 'not applicable: the deploy start is unknown (no preflight record, no deploy-started-at)'
        }, 0);
    hooks.onResult?.(record);
    const recorded = amendReport(amended, [record]);
    return {
        ...recorded,
        verification: {
            verified: recorded.decision === 'go',
            rollbackDetected,
            startedAt,
            endedAt,
            durationMs,
            before: verify.record?.baseline,
            after: report.baseline,
            podRestarts: readData(amended.results, VERIFY_RESTARTS_DATA)?.total,
            undoCommands: verify.record?.undoCommands ?? [],
            preflightRunUrl: verify.record?.runUrl
        }
    };
}

/**
 * The composition root of the library: options resolved once, then the engine run with the real sources —
 * the bundle downloaded from GitHub when it is an artifact, the cluster opened through kube/, the change
 * history read from GitHub. The adapters (action, CLI) and library callers all come through here; the
 * engine itself (src/core/) imports none of them. Heavy clients load only when a run needs them.
 */
/** The real sources: GitHub and Kubernetes, each loaded on first use. */
const PRODUCTION_SOURCES = {
    async fetchBundle(options) {
        const { downloadArtifactBundle } = await Promise.resolve().then(function () { return artifact; });
        const download = await downloadArtifactBundle(options.artifact, options.workDir);
        return download.ok
            ? { outcome: download.outcome, zipPath: download.zipPath, origin: download.origin }
            : { outcome: download.outcome };
    },
    async openCluster(options, onSecrets) {
        const { openCluster } = await Promise.resolve().then(function () { return session; });
        return openCluster(options.kubeconfig, options.context, {
            timeoutMs: options.requestTimeoutMs,
            execTimeoutMs: options.execTimeoutMs,
            // A credential an exec plugin refreshes mid-run is masked like the first one.
            onSecrets
        });
    },
    async openChanges(spec, repository) {
        const { ChangeReader } = await Promise.resolve().then(function () { return changes; });
        return new ChangeReader({ token: spec.token, apiUrl: spec.apiUrl, repository });
    },
    async localKubectl() {
        const { kubectlClientVersion } = await Promise.resolve().then(function () { return kubectl; });
        return kubectlClientVersion();
    }
};
/**
 * Runs a preflight and returns its report. Throws only `UsageError` (invalid options); everything that
 * goes wrong with the bundle or a check is a result in the report, and the decision is then `no-go`.
 */
async function runPreflight(input, hooks = {}) {
    return runChecks(resolveOptions(input), PRODUCTION_SOURCES, hooks);
}
/** Verify mode (after the deploy): the success criteria and the post-deployment record. */
async function runVerify(input, hooks = {}) {
    return runVerifyChecks(resolveOptions({ ...input, verify: input.verify ?? {} }), PRODUCTION_SOURCES, hooks);
}

/**
 * Text from a bundle (file names, keys, messages quoting values) ends up in Markdown that GitHub renders
 * and that later runs parse. Escaping keeps it from injecting HTML, fake item markers, code spans or table
 * cells. Our own wording (hints, checklist items) may hold `code spans`: `prose` keeps those.
 */
/** One line: every line break GitHub honours (a lone CR too) and other control characters become spaces. */
function flatten(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\s\x00-\x1f\x7f\u2028\u2029]+/g, ' ').trim();
}
function escapeText(text) {
    return (text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // No links or code spans of its own, and no @mentions or #references that would notify people or
        // cross-link.
        .replace(/[[\]`]/g, '\\$&')
        .replace(/([@#])(?=[\w-])/g, '$1\u2060'));
}
/** Untrusted text as inline Markdown: it can never start a line, so it cannot fake a heading or a box. */
function inline(text, max = 300) {
    const flat = flatten(text);
    return escapeText(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}
/** `inline`, plus `|` escaped for table cells. */
function cell(text, max = 200) {
    return inline(text, max).replace(/\|/g, '\\|');
}
/** Any text as a code span: shown literally, whatever backticks it holds (the fence is longer). */
function code(text) {
    const flat = flatten(text);
    const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map(m => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}
/** `code` for a table cell: a `|` would end the cell even inside a code span. */
function codeCell(text) {
    return code(text).replace(/\|/g, '\\|');
}
/** Our own wording (hints, checklist items): its `code spans` stay code, everything else is `inline`. */
function prose(text) {
    return flatten(text)
        .split(/(`[^`]+`)/)
        .map(part => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? part : escapeText(part)))
        .join('');
}
/**
 * Joins Markdown blocks with one blank line between them. An HTML block (`</details>`, a comment) runs
 * to the next blank line and swallows whatever follows it: every block must end at a blank line.
 */
function blocks(...parts) {
    return parts
        .filter((part) => typeof part === 'string')
        .map(part => part.replace(/^\n+|\s+$/g, ''))
        .filter(part => part !== '')
        .join('\n\n');
}

/**
 * Renders the checklist as GitHub task-list Markdown. Every item carries its stable key in an HTML
 * comment (`<!-- vapora-preflight:item=KEY -->`) so a later run can find it and merge people's ticks.
 * Items this tool checks are marked 🤖, items only people can tick 👤; the items of the other phase
 * (after the deploy, in a preflight) are folded away.
 */
const ITEM_MARKER_PREFIX = 'vapora-preflight:item=';
/** Marks a tick this tool made (so a later run can tell it from a person's tick). */
const TICKED_BY_PREFLIGHT = 'ticked-by=preflight';
const TOOL_MARK = '🤖';
const PEOPLE_MARK = '👤';
/** Why an item is in the state it is, shown once after its text. */
function note(status) {
    const text = status.note ? inline(status.note, 240) : '';
    switch (status.state) {
        case 'passed':
            return text ? ` — ✅ ${text}` : '';
        case 'warning':
            return ` — ⚠️ ${text}`;
        case 'failed':
            return status.blockedBy ? ` — ⛔ not checked: blocked by ${code(status.blockedBy)}` : ` — ❌ ${text}`;
        // Why a check was skipped is said once, in the results; here a short label is enough.
        case 'skipped':
            if (status.skipReason === 'offline')
                return ' — ⏭️ out of scope (offline run)';
            if (status.blockedBy)
                return ` — ⛔ not checked: blocked by ${code(status.blockedBy)}`;
            if (status.skipReason === 'not-applicable')
                return ' — ⏭️ not applicable (see the results)';
            return ` — ⏭️ ${text}`;
        case 'manual':
        case 'not-run':
            return '';
    }
}
function renderItem(status) {
    const box = status.ticked ? '[x]' : '[ ]';
    const mark = isPeoplesItem(status) ? PEOPLE_MARK : TOOL_MARK;
    const optional = status.item.optional ? ' _(if applicable)_' : '';
    const person = status.ticked && status.tickedBy === 'person' && status.item.automated ? ' _(ticked by hand)_' : '';
    const who = status.ticked && status.tickedBy === 'preflight' ? ` ${TICKED_BY_PREFLIGHT}` : '';
    return `- ${box} ${mark} ${prose(status.item.text)}${optional}${person}${note(status)} <!-- ${ITEM_MARKER_PREFIX}${status.item.id}${who} -->`;
}
/** "12 of 58 done before the deploy: 🤖 10 by this tool, 👤 2 by people · 30 left for people". */
function checklistHeadline(state, mode) {
    const c = state.counts;
    const when = mode === 'verify' ? 'after the deploy' : 'before the deploy';
    const open = c.notTickedByTool > 0 ? ` · ${c.notTickedByTool} automated not ticked (see why on each)` : '';
    return `**${c.ticked} of ${c.items} done ${when}** (${TOOL_MARK} ${c.tickedByTool} by this tool, ${PEOPLE_MARK} ${c.tickedByPeople} by people) · **${c.leftForPeople} left for people**${open}`;
}
const LEGEND = `${TOOL_MARK} checked by this tool on every run · ${PEOPLE_MARK} for people to tick (ticks in the tracking issue are kept)`;
function renderSections$1(statuses, phase) {
    const parts = [];
    for (const section of CHECKLIST.filter(s => (s.phase ?? 'preflight') === phase)) {
        // Under the report's "### Checklist": sections one level down, groups below them.
        parts.push(`#### ${section.title}`);
        for (const group of section.groups) {
            const items = group.items
                .map(item => statuses.get(`${section.key}.${item.key}`))
                .filter((s) => s !== undefined)
                .map(renderItem);
            parts.push(`##### ${group.title}`, items.join('\n'));
        }
    }
    return blocks(...parts);
}
/**
 * The whole checklist under the seed's headings: the run's own phase open, the other phase folded in a
 * `<details>` (its items are still there, with their markers, so ticks in it are merged like the others).
 */
function renderChecklist(statuses, options = {}) {
    const mode = options.mode ?? 'preflight';
    const byId = new Map(statuses.map(s => [s.item.id, s]));
    const other = mode === 'preflight' ? 'verify' : 'preflight';
    const otherCount = statuses.filter(s => s.item.phase === other).length;
    const fold = other === 'verify'
        ? `After the deploy: success criteria and post-deployment record (${otherCount} items, checked by <code>mode: verify</code>)`
        : `Before the deploy: the preflight checklist (${otherCount} items)`;
    return blocks(options.state ? checklistHeadline(options.state, mode) : undefined, LEGEND, renderSections$1(byId, mode), otherCount > 0 ? `<details><summary>${fold}</summary>` : undefined, otherCount > 0 ? renderSections$1(byId, other) : undefined, otherCount > 0 ? '</details>' : undefined);
}

/**
 * A p99 by nearest rank is the slowest probe until there are 100: below that it would only repeat the
 * maximum under another name, so it is shown as "—".
 */
const MIN_PROBES_FOR_P99 = 100;
/** A latency as a person should read it: ms, or "—" when no probe was answered (NaN) or none was made. */
function msText(ms) {
    return ms === undefined || !Number.isFinite(ms) ? '—' : `${ms} ms`;
}
/** The p99 as a person should read it: a number of ms, or "—" when the probes are too few for one. */
function p99Text(endpoint) {
    return endpoint.probes >= MIN_PROBES_FOR_P99 ? msText(endpoint.p99Ms) : '—';
}
function renderBaseline(baseline) {
    const lines = ['### Baseline before deploy', ''];
    if (baseline.endpoints.length > 0) {
        const threshold = baseline.latencyThresholdMs;
        const over = (e) => threshold !== undefined && e.p95Ms > threshold;
        lines.push(threshold !== undefined
            ? `Latency threshold: p95 ≤ ${threshold} ms (\`latency-threshold-ms\`); rows over it are marked ⚠️.`
            : 'No latency threshold set (`latency-threshold-ms`): latency is measured, not judged.', '', '| Endpoint | p50 | p95 | p99 | Errors |', '|---|---|---|---|---|', ...baseline.endpoints.map(e => `| ${over(e) ? '⚠️ ' : ''}${codeCell(e.url)} | ${msText(e.p50Ms)} | ${over(e) ? `**${e.p95Ms} ms**` : msText(e.p95Ms)} | ${p99Text(e)} | ${e.errors}/${e.probes} |`), '');
        if (baseline.endpoints.some(e => e.probes < MIN_PROBES_FOR_P99)) {
            lines.push(`p99 needs at least ${MIN_PROBES_FOR_P99} probes (\`probe-count\`); with fewer it is "—".`, '');
        }
    }
    if (baseline.podRestarts) {
        const total = Object.values(baseline.podRestarts).reduce((a, b) => a + b, 0);
        lines.push(`Pod restarts: ${total} in total across ${Object.keys(baseline.podRestarts).length} pods.`, '');
    }
    if (baseline.nodes) {
        lines.push(`Node usage (${inline(baseline.nodeUsageSource ?? '')}): ${baseline.nodes
            .map(n => `${code(n.name)} CPU ${n.cpuPct}%, memory ${n.memoryPct}%`)
            .join('; ')}`, '');
    }
    return lines.join('\n');
}

/**
 * The tracking issue's record of the last go (a hidden marker the next run reads) and its list of the
 * commits since then (from the git-history result), flagged commits marked.
 */
/** How many commits the issue lists (the JSON report has them all). */
const LISTED = 50;
function renderCommitsSince(report) {
    const history = readData(report.results, GIT_HISTORY_DATA);
    const commits = history?.commits ?? [];
    if (!history || commits.length === 0)
        return '';
    const base = history.base.slice(0, 7);
    const flagged = commits.filter(c => c.flag);
    // Flagged commits first, so a long list never hides one.
    const shown = [...flagged, ...commits.filter(c => !c.flag)].slice(0, LISTED);
    const lines = shown.map(c => {
        const pull = c.pull ? ` · [#${c.pull.number}](${c.pull.url})` : '';
        const flag = c.flag ? ` — ⚠️ **${inline(c.flag)}**` : '';
        return `- [\`${c.sha.slice(0, 7)}\`](${c.url}) ${inline(c.title, 120)} — ${inline(c.author)}${pull}${flag}`;
    });
    const total = history.total || commits.length;
    const more = total > shown.length ? [`- … and ${total - shown.length} more (see the run's report)`] : [];
    return [
        `### Commits since the last go (\`${base}\`)`,
        '',
        `${commits.length - flagged.length} through merged, approved pull requests${flagged.length > 0 ? `, **${flagged.length} flagged**` : ''}.`,
        '',
        ...lines,
        ...more,
        ''
    ].join('\n');
}

function foldResults(report) {
    const causeOf = new Map();
    for (const cause of report.rootCauses)
        for (const id of cause.blocks)
            causeOf.set(id, cause.check);
    const folded = { shown: [], blocked: [], offline: [], notApplicable: [] };
    for (const result of report.results) {
        const cause = causeOf.get(result.id);
        if (cause) {
            const group = folded.blocked.find(b => b.cause === cause);
            if (group)
                group.checks.push(result.id);
            else
                folded.blocked.push({ cause, checks: [result.id] });
        }
        else if (result.status === 'skip' && result.skipReason === 'offline') {
            folded.offline.push(result.id);
        }
        else if (result.status === 'skip' && result.skipReason === 'not-applicable') {
            const why = result.message.replace(/^not applicable: /, '');
            const group = folded.notApplicable.find(g => g.why === why);
            if (group)
                group.checks.push(result.id);
            else
                folded.notApplicable.push({ why, checks: [result.id] });
        }
        else {
            folded.shown.push(result);
        }
    }
    return folded;
}

/**
 * The human report as GitHub Markdown (the job summary, the CLI's `--format markdown`): the decision and
 * its root causes first, then the results (what did not run folded into counted lines), the kit, the
 * details and the checklist. Every block ends at a blank line (see `blocks`): GitHub's engine lets an HTML
 * block such as `</details>` swallow whatever follows it up to the next one.
 */
const STATUS_ICON = {
    pass: '✅ pass',
    warn: '⚠️ warn',
    fail: '❌ fail',
    skip: '⏭️ skip',
    error: '💥 error'
};
/** How many located problems a root cause lists before "… N more". */
const FINDINGS_SHOWN$1 = 5;
/** How many detail lines a check shows (the JSON report has them all). */
const DETAILS_SHOWN$1 = 60;
function renderResultsTable(results) {
    const rows = results.map(r => `| \`${r.id}\` | ${STATUS_ICON[r.status]}${r.blocking ? ' · **blocks**' : ''} | ${cell(r.message)} | ${Math.round(r.durationMs)} ms |`);
    return ['| Check | Status | Result | Time |', '|---|---|---|--:|', ...rows].join('\n');
}
const ids = (list) => list.map(code).join(', ');
/** The counted lines for what the table leaves out: blocked by a root cause, out of scope, not applicable. */
function renderFolded(folded) {
    const lines = folded.blocked.map(b => `- ⛔ **Not run because of ${code(b.cause)}** (${b.checks.length}, each blocks): ${ids(b.checks)}`);
    if (folded.offline.length > 0) {
        lines.push(`- ⏭️ **Out of scope in this offline run** (${folded.offline.length}): ${ids(folded.offline)}`);
    }
    if (folded.notApplicable.length > 0) {
        const count = folded.notApplicable.reduce((n, g) => n + g.checks.length, 0);
        const groups = folded.notApplicable.map(g => `${ids(g.checks)} (${inline(g.why, 160)})`);
        lines.push(`- ⏭️ **Not applicable** (${count}): ${groups.join('; ')}`);
    }
    return lines.join('\n');
}
/** Detail lines as a list; a line indented by two spaces belongs to the line above it (one level). */
function detailList(details, max = DETAILS_SHOWN$1) {
    const lines = details.slice(0, max).map(d => (/^\s{2,}\S/.test(d) ? `  - ${inline(d)}` : `- ${inline(d)}`));
    if (details.length > max)
        lines.push(`- … ${details.length - max} more (in the JSON report)`);
    return lines.join('\n');
}
function renderDetails(results) {
    const interesting = results.filter(r => (r.details?.length ?? 0) > 0 || (r.hint && r.status !== 'pass'));
    return blocks(...interesting.map(r => blocks(`<details${r.blocking ? ' open' : ''}><summary><code>${r.id}</code> — ${STATUS_ICON[r.status]}</summary>`, detailList(r.details ?? []), r.hint && r.status !== 'pass' ? `**How to fix:** ${prose(r.hint)}` : undefined, '</details>')));
}
/** Revisions to return to, the exact undo commands and the ConfigMap backup: what a rollback needs. */
function renderRollbackKit$1(kit) {
    const revisions = Object.entries(kit.revisions);
    return blocks('### Rollback kit', revisions.length > 0
        ? [
            '| Deployment | Revision now |',
            '|---|---|',
            ...revisions.map(([name, rev]) => `| \`${name}\` | ${rev} |`)
        ].join('\n')
        : 'No deployment has a revision yet (first deploy): nothing to roll back to.', kit.undoCommands.length > 0 ? ['```sh', ...kit.undoCommands, '```'].join('\n') : undefined, kit.configMapBackupPath
        ? `ConfigMap backup: ${code(kit.configMapBackupPath)} (restore with \`kubectl apply -f\` on it).`
        : undefined);
}
function renderHeadline(report) {
    return report.decision === 'go' ? '🟢 GO' : '🔴 NO-GO';
}
/** Where the bundle came from: a link to the artifact when it was downloaded. */
function renderSource(report) {
    const bundle = report.bundle;
    if (!bundle)
        return 'no bundle';
    const origin = bundle.origin;
    if (!bundle.files) {
        return origin ? `artifact ${code(origin.name)} (not opened)` : `bundle ${code(bundle.path)} (not opened)`;
    }
    const files = `, ${bundle.files.length} files`;
    if (origin) {
        return `artifact [${code(origin.name)} #${origin.artifactId}](${origin.url}) from [run ${origin.runId}](${origin.runUrl}) of ${code(origin.repository)}${files}`;
    }
    return `bundle ${code(bundle.path)} (${bundle.kind}${files})`;
}
/** One root cause: what failed, where (the first located problems), what it blocked, how to fix it. */
function renderCause$1(cause, report) {
    const result = report.results.find(r => r.id === cause.check);
    const errors = (result?.findings ?? []).filter(f => f.severity === 'error' && f.file);
    const sub = [
        ...errors.slice(0, FINDINGS_SHOWN$1).map(f => `  - ${code(where(f))} ${inline(f.message)}`),
        ...(errors.length > FINDINGS_SHOWN$1 ? [`  - … ${errors.length - FINDINGS_SHOWN$1} more (see details)`] : []),
        ...(cause.blocks.length > 0
            ? [`  - ⛔ ${cause.prerequisite ? 'keeps from running' : 'also blocks'}: ${ids(cause.blocks)}`]
            : []),
        ...(cause.hint ? [`  - **How to fix:** ${prose(cause.hint)}`] : [])
    ];
    const what = cause.prerequisite ? `${code(cause.check)} (a missing prerequisite)` : code(cause.check);
    return [`- **${what}** — ${inline(cause.message, 400)}`, ...sub].join('\n');
}
/** "Why no-go": each root cause once, with what it blocked. Empty on go. */
function renderWhy(report) {
    if (report.decision !== 'no-go')
        return '';
    const other = report.reasons.filter(r => r.check === null).map(r => `- ${inline(r.message)}`);
    const title = report.rootCauses.length > 1 ? `### Why no-go: ${report.rootCauses.length} root causes` : '### Why no-go';
    return blocks(title, [...report.rootCauses.map(c => renderCause$1(c, report)), ...other].join('\n'));
}
function renderWarnings(report) {
    if (report.warnings.length === 0)
        return '';
    return blocks('### Warnings (not blocking)', report.warnings.map(w => `- ${code(w.check ?? '')}: ${inline(w.message)}`).join('\n'));
}
/** What the dry-run says will change, object by object (env values are never shown). */
function renderChanges(report) {
    const changes = report.results.some(r => r.id === 'what-changes' && r.status !== 'skip')
        ? readData(report.results, WHAT_CHANGES_DATA)?.changes
        : undefined;
    if (!changes || Object.keys(changes).length === 0)
        return '';
    return blocks("### What's changing", Object.entries(changes)
        .map(([object, list]) => `- ${code(object)}: ${inline(list.join('; '), 600)}`)
        .join('\n'));
}
/** The results table (what ran and what blocks on its own) and the counted lines for the rest. */
function renderResults(report) {
    const folded = foldResults(report);
    return blocks('### Results', renderResultsTable(folded.shown), renderFolded(folded));
}
/** Per-check details: all of them on no-go, only those that did not pass on go; never the folded ones. */
function renderReportDetails(report) {
    const shown = foldResults(report).shown;
    const blocking = report.results.some(r => r.blocking);
    return renderDetails(blocking ? shown : shown.filter(r => r.status !== 'pass'));
}
const OFFLINE_NOTE = [
    '> [!NOTE]',
    '> Offline run: cluster and network checks were not run. **This decision covers the bundle only.**'
].join('\n');
function renderScopeNote(report) {
    return report.scope === 'bundle-only' ? OFFLINE_NOTE : '';
}
/** The checklist section: counts, legend, the run's own phase, the other phase folded. */
function renderChecklistSection(report) {
    return blocks('### Checklist', renderChecklist(checklistStatus(report), { mode: report.mode, state: report.checklist }));
}
function renderTitle(report) {
    const what = report.mode === 'verify' ? 'Vapora deployment verification' : 'Vapora pre-deployment preflight';
    return `## ${renderHeadline(report)} — ${what}`;
}
/** The full Markdown report (the CLI's Markdown output and the job summary). */
function renderMarkdown(report) {
    return blocks(renderTitle(report), `Namespace \`${report.namespace}\` · ${renderSource(report)} · ${(report.durationMs / 1000).toFixed(2)} s · ${report.tool.name} ${report.tool.version} · ${report.finishedAt}`, renderScopeNote(report), renderWhy(report), renderWarnings(report), renderResults(report), renderChanges(report), renderCommitsSince(report), report.rollback ? renderRollbackKit$1(report.rollback) : undefined, report.baseline ? renderBaseline(report.baseline) : undefined, renderReportDetails(report), renderChecklistSection(report));
}

/**
 * The tracking issue after the deploy: the success-criteria items ticked from the verify run (only those
 * lines change: the preflight's ticks and people's ticks elsewhere stay as they are), and the seed's
 * post-deployment record and sign-off in their own section of the tool's part of the body.
 */
function formatDuration(ms) {
    if (ms === undefined)
        return 'unknown';
    const s = Math.round(ms / 1000);
    return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * The terminal report (the CLI's `--format text`), read the way `linkerd check` or `helm lint` output is:
 * the verdict first and last; ✓ ✗ ! lines grouped by checklist section; under a ✗ the parser's or the
 * server's own message at file:line:col and how to fix it; what did not run folded into counted lines; the
 * root causes again at the very end, where a terminal leaves the eye. Plain text: no Markdown, no HTML.
 */
const noPaint = (_style, text) => text;
/** Located problems and detail lines shown under one check (the JSON and Markdown reports have all). */
const FINDINGS_SHOWN = 8;
const DETAILS_SHOWN = 8;
/** Root causes repeated at the end (each a few lines), so the last 40 lines always hold them. */
const CAUSES_AT_END = 4;
/** Whitespace and control characters flattened: a bundle's text cannot move the cursor or fake a line. */
function oneLine$1(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+/g, ' ').trim();
}
class Writer {
    paint;
    width;
    lines = [];
    constructor(paint, width) {
        this.paint = paint;
        this.width = width;
    }
    /** One logical line, wrapped at the width; continuation lines indented by `hang` spaces. */
    line(text = '', indent = 0, hang = indent + 2) {
        if (text === '') {
            this.lines.push('');
            return;
        }
        // The first line has the room after `indent`, the others after `hang`: wrap them separately.
        const first = Math.max(30, this.width - indent);
        const next = Math.max(30, this.width - hang);
        const pass = wrapAnsi(text, first, { hard: false, trim: true }).split('\n');
        let head = pass[0];
        let rest = pass.slice(1).join(' ');
        if (stripVTControlCharacters(head).length > first) {
            // One word longer than the line (a long path): cut it, and go on with its remainder.
            const cut = wrapAnsi(head, first, { hard: true, trim: false }).split('\n');
            head = cut[0];
            rest = [cut.slice(1).join(''), rest].filter(Boolean).join(' ');
        }
        this.lines.push(`${' '.repeat(indent)}${head}`);
        if (!rest)
            return;
        for (const part of wrapAnsi(rest, next, { hard: true, trim: true }).split('\n')) {
            this.lines.push(`${' '.repeat(hang)}${part}`);
        }
    }
}
function mark(result, paint) {
    if (result.blocking)
        return paint('red', '✗');
    if (result.status === 'warn')
        return paint('yellow', '!');
    if (result.status === 'pass')
        return paint('green', '✓');
    return paint('dim', '-');
}
function verdict(report, paint) {
    return report.decision === 'go' ? paint(['green', 'bold'], '✓ GO') : paint(['red', 'bold'], '✗ NO-GO');
}
/** Whether a message already quotes a finding with its position (the first syntax error does). */
const saidIn = (message, f) => message.includes(`${where(f)} ${f.message}`);
/** file:line:col, flattened like any text from the bundle (a file name is the bundle's text too). */
const at = (f) => oneLine$1(where(f));
/** The check's own problems: located findings first (file:line:col, message), else its detail lines. */
function evidence(w, result, indent) {
    const { paint } = w;
    const findings = (result.findings ?? []).filter(f => f.severity !== 'notice' && !saidIn(result.message, f));
    const errorsFirst = [
        ...findings.filter(f => f.severity === 'error'),
        ...findings.filter(f => f.severity !== 'error')
    ];
    for (const f of errorsFirst.slice(0, FINDINGS_SHOWN)) {
        const position = f.file ? `${paint('cyan', at(f))}  ` : '';
        w.line(`${position}${oneLine$1(f.message)}`, indent, indent + 4);
    }
    if (errorsFirst.length > FINDINGS_SHOWN) {
        w.line(paint('dim', `… ${errorsFirst.length - FINDINGS_SHOWN} more (--format json has them all)`), indent);
    }
    if (findings.length === 0 && result.blocking) {
        const details = result.details ?? [];
        for (const d of details.slice(0, DETAILS_SHOWN)) {
            const nested = /^\s{2,}\S/.test(d);
            w.line(oneLine$1(d), indent + (nested ? 2 : 0), indent + (nested ? 6 : 4));
        }
        if (details.length > DETAILS_SHOWN) {
            w.line(paint('dim', `… ${details.length - DETAILS_SHOWN} more (--format json has them all)`), indent);
        }
    }
    if (result.hint && (result.blocking || result.status === 'warn')) {
        w.line(`${paint('bold', 'fix:')} ${oneLine$1(plainItemText(result.hint))}`, indent, indent + 5);
    }
}
/** Where a result's section comes in the checklist (24 hours before … after the deploy). */
function sectionOrder(section) {
    const i = CHECKLIST.findIndex(s => section.startsWith(s.title));
    return i < 0 ? CHECKLIST.length : i;
}
function renderSections(w, shown, idWidth) {
    const sections = new Map();
    for (const r of shown)
        sections.set(r.section || 'Other', [...(sections.get(r.section || 'Other') ?? []), r]);
    const ordered = [...sections].sort(([a], [b]) => sectionOrder(a) - sectionOrder(b));
    for (const [section, results] of ordered) {
        w.line(w.paint('bold', section));
        for (const r of results) {
            const blocked = r.blockedBy ? w.paint('dim', ` (blocked by ${r.blockedBy})`) : '';
            w.line(`${mark(r, w.paint)} ${r.id.padEnd(idWidth)}  ${oneLine$1(r.message)}${blocked}`, 2, idWidth + 6);
            if (r.blocking || r.status === 'warn')
                evidence(w, r, 6);
        }
        w.line();
    }
}
function renderNotRun(w, report) {
    const folded = foldResults(report);
    const lines = [];
    for (const b of folded.blocked) {
        lines.push(`${w.paint('red', '✗')} ${b.checks.length} not run because of ${b.cause} (each blocks): ${b.checks.join(', ')}`);
    }
    // Out of scope and not applicable: harmless, so one counted line for both.
    const harmless = [];
    // The offline ones are every cluster and network check: counted, not listed (the JSON report lists them).
    if (folded.offline.length > 0)
        harmless.push(`${folded.offline.length} cluster and network checks out of scope (offline)`);
    const notApplicable = folded.notApplicable.reduce((n, g) => n + g.checks.length, 0);
    if (notApplicable > 0) {
        const groups = folded.notApplicable.map(g => `${g.checks.join(', ')}: ${oneLine$1(g.why)}`);
        harmless.push(`${notApplicable} not applicable (${groups.join('; ')})`);
    }
    const count = folded.offline.length + notApplicable;
    if (count > 0)
        lines.push(`- ${count} not run, none blocks: ${harmless.join('; ')}`);
    if (lines.length === 0)
        return;
    w.line(w.paint('bold', 'Not run'));
    for (const line of lines)
        w.line(line, 2, 4);
    w.line();
}
function renderCause(w, cause, report) {
    const result = report.results.find(r => r.id === cause.check);
    const blocked = cause.blocks.length > 0
        ? w.paint('dim', ` — blocks ${cause.blocks.length} more: ${cause.blocks.slice(0, 6).join(', ')}${cause.blocks.length > 6 ? ', …' : ''}`)
        : '';
    w.line(`${w.paint('red', '✗')} ${w.paint('bold', cause.check)}: ${oneLine$1(cause.message)}${blocked}`, 2, 6);
    const located = (result?.findings ?? [])
        .filter(f => f.severity === 'error' && f.file && !saidIn(cause.message, f))
        .slice(0, 3);
    for (const f of located)
        w.line(`${w.paint('cyan', at(f))}  ${oneLine$1(f.message)}`, 6, 10);
    if (cause.hint)
        w.line(`${w.paint('bold', 'fix:')} ${oneLine$1(plainItemText(cause.hint))}`, 6, 11);
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** The last lines: the verdict again, with every root cause (the first few in full) and the exit code. */
function renderEnd(w, report) {
    const c = report.counts;
    const scope = report.scope === 'bundle-only' ? ' (bundle only: offline run)' : '';
    if (report.decision === 'go') {
        const warned = c.warn > 0 ? `, ${plural(c.warn, 'warning')} (${report.warnings.map(x => x.check).join(', ')})` : '';
        w.line(`${verdict(report, w.paint)}${scope} — ${c.pass} passed${warned}; nothing blocks · exit 0`);
        return;
    }
    const causes = report.rootCauses;
    const head = causes.length > 0
        ? `${plural(causes.length, 'root cause')}, ${plural(report.failedChecks.length, 'check')} ${report.failedChecks.length === 1 ? 'blocks' : 'block'}`
        : 'nothing was verified';
    w.line(`${verdict(report, w.paint)}${scope} — ${head} · exit 1`);
    for (const cause of causes.slice(0, CAUSES_AT_END))
        renderCause(w, cause, report);
    if (causes.length > CAUSES_AT_END) {
        w.line(`… ${causes.length - CAUSES_AT_END} more: ${causes
            .slice(CAUSES_AT_END)
            .map(x => x.check)
            .join(', ')}`, 2);
    }
    for (const reason of report.reasons.filter(r => r.check === null))
        w.line(`✗ ${reason.message}`, 2);
}
/** The whole terminal report. Ends with a newline. */
function renderText(report, options = {}) {
    const w = new Writer(options.paint ?? noPaint, Math.max(60, options.width ?? 100));
    const what = report.mode === 'verify' ? 'Vapora deployment verification' : 'Vapora pre-deployment preflight';
    const source = report.bundle
        ? report.bundle.files
            ? `${report.bundle.origin?.url ?? report.bundle.path} (${report.bundle.kind}, ${report.bundle.files.length} files)`
            : `${report.bundle.path} (not opened)`
        : 'no bundle';
    w.line(`${verdict(report, w.paint)}  ${what} · ${source}`, 0, 2);
    const scope = report.scope === 'bundle-only'
        ? 'offline: the decision covers the bundle only'
        : `cluster ${report.cluster?.server ?? 'not reached'}`;
    w.line(w.paint('dim', `namespace ${report.namespace} · ${scope} · ${(report.durationMs / 1000).toFixed(2)} s · ${report.tool.name} ${report.tool.version}`), 2, 2);
    w.line();
    const folded = foldResults(report);
    const idWidth = Math.min(22, Math.max(12, ...folded.shown.map(r => r.id.length)));
    renderSections(w, folded.shown, idWidth);
    renderNotRun(w, report);
    renderRollbackKit(w, report);
    const cl = report.checklist.counts;
    const when = report.mode === 'verify' ? 'after the deploy' : 'before the deploy';
    w.line(`Checklist: ${cl.ticked} of ${cl.items} done ${when} · ${cl.leftForPeople} for people · ${cl.notTickedByTool} not checked by this run`);
    w.line();
    if ('verification' in report)
        renderVerification(w, report);
    renderEnd(w, report);
    return `${w.lines.join('\n')}\n`;
}
/** The commands a rollback needs, where a terminal user can copy them from. */
function renderRollbackKit(w, report) {
    const kit = report.rollback;
    if (!kit || (kit.undoCommands.length === 0 && !kit.configMapBackupPath))
        return;
    w.line(w.paint('bold', 'Rollback kit'));
    for (const command of kit.undoCommands)
        w.line(command, 2, 6);
    if (kit.configMapBackupPath)
        w.line(`ConfigMap backup: ${kit.configMapBackupPath}`, 2, 4);
    w.line();
}
/** Verify mode's record: verified or not, duration, rollback, and the undo commands when not verified. */
function renderVerification(w, report) {
    const v = report.verification;
    w.line(w.paint('bold', v.verified ? 'Deployment verified' : 'Deployment not verified'));
    w.line(`start ${v.startedAt ?? 'unknown'} · end ${v.endedAt} · duration ${formatDuration(v.durationMs)} · rollback ${v.rollbackDetected ? 'detected' : 'no'} · pod restarts ${v.podRestarts ?? 'unknown'}`, 2, 4);
    if (!v.verified && v.undoCommands.length > 0) {
        w.line('Roll back with:', 2);
        for (const command of v.undoCommands)
            w.line(command, 4, 6);
    }
    w.line();
}

const orNull = (value) => (value === undefined ? null : value);
function finding(f) {
    return {
        severity: f.severity,
        message: f.message,
        file: orNull(f.file),
        line: orNull(f.line),
        column: orNull(f.column),
        hint: orNull(f.hint)
    };
}
function result(r) {
    return {
        id: r.id,
        title: r.title,
        section: r.section,
        status: r.status,
        blocking: r.blocking,
        blockedBy: orNull(r.blockedBy),
        skipReason: orNull(r.skipReason),
        message: r.message,
        details: orNull(r.details),
        findings: r.findings ? r.findings.map(finding) : null,
        hint: orNull(r.hint),
        file: orNull(r.file),
        line: orNull(r.line),
        column: orNull(r.column),
        durationMs: r.durationMs,
        data: orNull(r.data)
    };
}
function bundle(b) {
    const o = b.origin;
    return {
        kind: b.kind,
        path: b.path,
        origin: o
            ? {
                name: o.name,
                artifactId: o.artifactId,
                repository: o.repository,
                runId: o.runId,
                url: o.url,
                runUrl: o.runUrl,
                sizeBytes: orNull(o.sizeBytes),
                digest: orNull(o.digest),
                headSha: orNull(o.headSha)
            }
            : null,
        root: orNull(b.root),
        files: orNull(b.files)
    };
}
function baseline(b) {
    return {
        endpoints: b.endpoints.map(e => ({ ...e, p99Ms: orNull(e.p99Ms) })),
        podRestarts: orNull(b.podRestarts),
        nodes: orNull(b.nodes),
        nodeUsageSource: orNull(b.nodeUsageSource),
        latencyThresholdMs: orNull(b.latencyThresholdMs)
    };
}
/** Verify mode's record, every key present. */
function verification(v) {
    return {
        verified: v.verified,
        rollbackDetected: v.rollbackDetected,
        startedAt: orNull(v.startedAt),
        endedAt: v.endedAt,
        durationMs: orNull(v.durationMs),
        before: v.before ? baseline(v.before) : null,
        after: v.after ? baseline(v.after) : null,
        podRestarts: orNull(v.podRestarts),
        undoCommands: v.undoCommands,
        preflightRunUrl: orNull(v.preflightRunUrl)
    };
}
/** The JSON object of a report, keys in a fixed order (see the schema). */
function reportJson(report) {
    return {
        version: report.version,
        tool: report.tool,
        mode: report.mode,
        decision: report.decision,
        scope: report.scope,
        reasons: report.reasons,
        rootCauses: report.rootCauses.map(c => ({ ...c, hint: orNull(c.hint) })),
        failedChecks: report.failedChecks,
        warnings: report.warnings,
        counts: report.counts,
        startedAt: report.startedAt,
        finishedAt: report.finishedAt,
        durationMs: report.durationMs,
        namespace: report.namespace,
        bundle: report.bundle ? bundle(report.bundle) : null,
        cluster: report.cluster
            ? { server: report.cluster.server, version: orNull(report.cluster.version) }
            : null,
        rollback: report.rollback
            ? {
                revisions: report.rollback.revisions,
                undoCommands: report.rollback.undoCommands,
                configMapBackupPath: orNull(report.rollback.configMapBackupPath)
            }
            : null,
        baseline: report.baseline ? baseline(report.baseline) : null,
        policy: orNull(report.policy),
        results: report.results.map(result),
        checklist: {
            items: report.checklist.items.map(i => ({ ...i, tickedBy: orNull(i.tickedBy) })),
            counts: report.checklist.counts
        },
        timings: report.timings,
        verification: report.verification ? verification(report.verification) : null
    };
}
function renderJson(report) {
    return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}
/** Nulls back to absent, as the `Report` type has them. */
function withoutNulls(value) {
    if (Array.isArray(value))
        return value.map(withoutNulls);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value)
            .filter(([, v]) => v !== null)
            .map(([k, v]) => [k, withoutNulls(v)]));
    }
    return value;
}
/** Reads a JSON report written by `renderJson` (version 2, or 1 from earlier releases). Throws on anything else. */
function readJsonReport(text) {
    const parsed = JSON.parse(text);
    if ((parsed?.version !== 1 && parsed?.version !== 2) || !Array.isArray(parsed.results)) {
        throw new Error('not a preflight JSON report (version 1 or 2)');
    }
    return withoutNulls(parsed);
}

/**
 * What a preflight leaves in the tracking issue for the verify run after the deploy: when it ran, the
 * revisions and ReplicaSets live then (to recognise a rollback), the undo commands, and the baseline.
 * Kept as base64 JSON in a hidden marker (no `-->` can end the comment early), read only from the tool's
 * part of the body.
 */
function recordOf(report, runUrl) {
    const histories = readData(report.results, ROLLOUT_HISTORY_DATA)?.histories ?? [];
    return {
        v: 1,
        finishedAt: report.finishedAt,
        decision: report.decision,
        namespace: report.namespace,
        revisions: report.rollback?.revisions ?? {},
        replicaSets: Object.fromEntries(histories.map(h => [h.deployment, h.revisions.map(r => r.replicaSet)])),
        undoCommands: report.rollback?.undoCommands ?? [],
        baseline: report.baseline,
        runUrl
    };
}

/**
 * The one Octokit we use: @actions/github's (REST methods + pagination, proxy-aware) with the retry
 * plugin, Retry-After honoured on 429, a timeout per request and a bound on the total time spent; and
 * `attemptWrite`, the one way we retry a write that must not be resent as it was.
 */
/** The client's whole budget is spent: no further attempt can succeed, so none is made. */
class BudgetSpent extends Error {
    name = 'BudgetSpent';
}
/** The retry plugin's list minus 429, which `honourRetryAfter` handles with the server's own delay. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451, 429];
const MAX_429_RETRIES = 3;
/** Plugin: waits as long as a 429's Retry-After asks (bounded), and bounds every request in time. */
function boundedRequests(octokit, options) {
    const bounds = options.bounds;
    if (!bounds)
        return;
    octokit.hook.wrap('request', async (request, requestOptions) => {
        for (let attempt = 0;; attempt++) {
            const remaining = bounds.deadline - Date.now();
            if (remaining <= 0) {
                throw new BudgetSpent(`gave up: GitHub calls took longer than the ${Math.round(bounds.budgetMs / 1000)} s allowed`);
            }
            const extras = requestOptions.request;
            const timeoutMs = Math.min(extras?.timeoutMs ?? bounds.requestTimeoutMs, bounds.requestTimeoutMs, remaining);
            const signal = AbortSignal.timeout(timeoutMs);
            try {
                // before-after-hook binds the same options object to every hook and ignores what a wrapper passes
                // on, so the signal has to be set on that object, not on a copy.
                requestOptions.request = { ...requestOptions.request, signal };
                return await request(requestOptions);
            }
            catch (error) {
                const http = error;
                if (signal.aborted) {
                    throw new NoAnswer(`${requestOptions.method} ${requestOptions.url}: no answer within ${Math.round(timeoutMs / 1000)} s`, { cause: error });
                }
                const mayWait = extras?.honourRetryAfter !== false;
                if (http.status !== 429 || !mayWait || attempt >= MAX_429_RETRIES)
                    throw error;
                const header = Number(http.response?.headers?.['retry-after']);
                const waitMs = Number.isFinite(header) && header >= 0 ? header * 1000 : 2 ** attempt * 1000;
                if (waitMs > bounds.maxRetryAfterMs || Date.now() + waitMs > bounds.deadline)
                    throw error;
                await new Promise(resolve => setTimeout(resolve, waitMs));
            }
        }
    });
}
// Hooks registered later wrap the earlier ones: the retry plugin goes outside, so that every attempt it
// makes passes through `boundedRequests` and gets its own timeout (and the deadline check).
const RetryingGitHub = GitHub.plugin(boundedRequests, retry);
/** A request the client gave up waiting for (its timeout): GitHub may still act on it. */
class NoAnswer extends Error {
    name = 'NoAnswer';
}
/** Each client's bounds, so that `attemptWrite` never waits past the client's budget. */
const CLIENT_BOUNDS = new WeakMap();
/** Creates the client. The token is passed to Octokit only: never logged, never put in a message. */
function createGitHubClient(token, options) {
    const budgetMs = options.budgetMs ?? 180_000;
    const bounds = {
        deadline: Date.now() + budgetMs,
        budgetMs,
        requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
        maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000
    };
    const client = new RetryingGitHub({
        ...getOctokitOptions(token, { baseUrl: options.baseUrl.replace(/\/+$/, '') }),
        retry: { doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
        bounds,
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } }
    });
    CLIENT_BOUNDS.set(client, bounds);
    return client;
}
/**
 * True for failures worth trying again after re-reading: rate limits, 5xx, timeouts, network errors.
 * Not 501 (Not Implemented): a server without the route answers it every time.
 */
function isTransient(error) {
    if (error instanceof BudgetSpent)
        return false;
    const status = error.status;
    return (status === undefined ||
        status === 429 ||
        (status >= 500 && status !== 501) ||
        (status === 403 && isRateLimited(error)));
}
/** GitHub's primary and secondary rate limits (the secondary one is a 403 with Retry-After). */
function isRateLimited(error) {
    const http = error;
    const headers = http.response?.headers ?? {};
    return (headers['x-ratelimit-remaining'] === '0' ||
        headers['retry-after'] !== undefined ||
        /secondary rate limit/i.test(http.message ?? ''));
}
/** A write that gave up: every attempt's failure, in order, and why it stopped. */
class WriteGaveUp extends Error {
    failures;
    name = 'WriteGaveUp';
    last;
    status;
    response;
    constructor(failures, followedBy, stopped) {
        const transient = failures.every(isTransient);
        super(`${failures.length} attempt${failures.length === 1 ? '' : 's'} (${failures.map(attemptLabel).join(', ')})${transient && failures.length > 1 && followedBy ? `, ${followedBy}` : ''}${stopped ? `; ${stopped}` : ''}`, { cause: failures[failures.length - 1] });
        this.failures = failures;
        this.last = failures[failures.length - 1];
        this.status = this.last.status;
        this.response = this.last.response;
    }
}
/** One attempt's outcome in a message: its status, or what happened instead. */
function attemptLabel(error) {
    if (error instanceof NoAnswer)
        return 'no answer';
    if (error instanceof BudgetSpent)
        return 'out of time';
    const http = error;
    if (http.status === undefined)
        return describeError(error);
    if (http.status === 500 && !http.response)
        return 'network error';
    const after = http.response?.headers?.['retry-after'];
    return http.status === 429 && after !== undefined ? `429, retry after ${after} s` : String(http.status);
}
/**
 * Turns an Octokit error into one line that says what failed and how to fix it. The token never
 * appears: Octokit's messages do not carry it, and we add only the status and GitHub's own message.
 */
function explainGitHubError(error, doing, needs) {
    if (error instanceof WriteGaveUp) {
        const last = error.last;
        const advice = last.status
            ? explainStatus(last, needs)
            : `${describeError(last)}. Re-run the job; see https://www.githubstatus.com.`;
        return `${doing}: ${error.message}. ${advice}`;
    }
    return `${doing}: ${explainStatus(error, needs)}`;
}
/** What a failed request's status means for the user, and what to do. */
function explainStatus(error, needs) {
    const http = error;
    const headers = http.response?.headers ?? {};
    const said = (describeError(error).split(' - ')[0] || '').trim();
    switch (http.status) {
        case 401:
            return `GitHub rejected the token (401 ${said}). The token is wrong or expired; the default \${{ github.token }} works for this repository, a PAT or app token is needed for others.`;
        case 403: {
            if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset']) {
                return `GitHub's API rate limit is exhausted (403); it resets at ${new Date(Number(headers['x-ratelimit-reset']) * 1000).toISOString()}.`;
            }
            if (isRateLimited(error)) {
                return `GitHub's secondary rate limit (403${headers['retry-after'] ? `, retry after ${headers['retry-after']} s` : ''}): too many requests at once. Re-run the job later.`;
            }
            const accepted = headers['x-accepted-github-permissions'];
            return `the token lacks permission (403 ${said}). Give the job \`permissions: ${needs}\`${accepted ? ` (GitHub accepts: ${accepted})` : ''}.`;
        }
        case 404:
            return `not found (404). Check the repository name (owner/name) and that the token can see it; a workflow's GITHUB_TOKEN sees only its own repository.`;
        case 429:
            return `GitHub is rate limiting (429${headers['retry-after'] ? `, retry after ${headers['retry-after']} s` : ''}). Re-run the job later.`;
        default: {
            if (http.status && http.status >= 500) {
                // Reads are retried by the plugin, which counts its retries on the request's options.
                const attempts = (http.request?.request?.retryCount ?? 0) + 1;
                const network = http.status === 500 && !http.response;
                return `${network ? `could not reach GitHub (${said})` : `GitHub answered ${http.status} (${said})`}${attempts > 1 ? ` on each of ${attempts} attempts` : ''}. Re-run the job; see https://www.githubstatus.com.`;
            }
            return `${http.status ? `${http.status} ` : ''}${said}`;
        }
    }
}

/**
 * What the artifact download did on the wire, attempt by attempt (`artifact-failure.ts` words it).
 *
 * @actions/artifact retries each step itself and then hides what it saw: five storage answers become
 * "Artifact download failed after 5 retries." (no status), a disk that filled up reads the same. We do not
 * parse its debug output (not an interface), nor ask storage again for the status (a later answer may
 * differ from the ones that failed; the one re-read is of a 403's body, see below). We watch the requests it makes, through Node's diagnostics channels:
 * `http.client.*` for @actions/http-client (results service and storage) and `undici:request:*` for
 * Octokit's fetch (the REST calls). Every attempt's status, network error and timing is then exactly what
 * the library got. Requests are attributed to one download through AsyncLocalStorage (the channels publish
 * in the requesting code's async context), so concurrent work elsewhere in the process is never counted.
 * The channels are Node's documented, experimental instrumentation points; were they ever silent, nothing
 * is recorded and the messages fall back to the library's own text.
 *
 * A signed URL's query is a credential (`sig`): it is kept in memory only, for one bounded re-read of a
 * refused answer's body (Azure says there why it refused), and never stored in an attempt or a message.
 */
const current = new AsyncLocalStorage();
const signedUrls = new WeakMap();
const openBodies = new WeakMap();
const byRequest = new WeakMap();
let subscribed = false;
function stepOf(method, path) {
    if (/ArtifactService\/ListArtifacts$/.test(path) || /\/actions\/runs\/\d+\/artifacts$/.test(path))
        return 'list';
    if (/ArtifactService\/GetSignedArtifactURL$/.test(path))
        return 'sign';
    if (/\/actions\/artifacts\/\d+\/zip$/.test(path))
        return 'redirect';
    if (method === 'GET' && !/\/twirp\/|\/repos\/|\/repositories\//.test(path))
        return 'blob';
    return 'other';
}
function begin(request, method, url) {
    const recording = current.getStore();
    if (!recording)
        return;
    const step = stepOf(method, url.pathname);
    const expiry = Date.parse(url.searchParams.get('se') ?? '');
    const attempt = { step, method, origin: url.origin, path: url.pathname, startedAt: Date.now() };
    if (Number.isFinite(expiry))
        attempt.signedExpiry = expiry;
    if (url.searchParams.has('sig'))
        signedUrls.set(attempt, url);
    byRequest.set(request, attempt);
    recording.attempts.push(attempt);
}
function failed(request, error) {
    const attempt = byRequest.get(request);
    if (!attempt)
        return;
    const { code, message } = (error ?? {});
    attempt.error ??= code ?? message ?? String(error);
    attempt.endedAt ??= Date.now();
    if (attempt.body === 'open')
        attempt.body = 'cut';
}
function subscribe() {
    if (subscribed)
        return;
    subscribed = true;
    diagnostics.subscribe('http.client.request.start', message => {
        const request = message.request;
        const host = String(request.getHeader('host') ?? request.host);
        begin(request, request.method, new URL(request.path, `${request.protocol}//${host}`));
    });
    diagnostics.subscribe('http.client.response.finish', message => {
        const { request, response } = message;
        const attempt = byRequest.get(request);
        if (!attempt)
            return;
        attempt.status = response.statusCode;
        attempt.statusText = response.statusMessage || undefined;
        attempt.storageCode = headerText(response.headers['x-ms-error-code']);
        attempt.endedAt = Date.now();
        attempt.body = 'open';
        openBodies.set(attempt, response);
        // 'end' and 'close' listeners do not start the stream flowing: the library still reads it itself.
        response.once('end', () => (attempt.body = 'complete'));
        response.once('close', () => {
            openBodies.delete(attempt);
            if (attempt.body === 'open') {
                attempt.body = response.complete ? 'complete' : 'cut';
                if (response.errored)
                    attempt.error ??= response.errored.message;
            }
        });
    });
    diagnostics.subscribe('http.client.request.error', message => {
        const { request, error } = message;
        failed(request, error);
    });
    diagnostics.subscribe('undici:request:create', message => {
        const request = message.request;
        if (request.origin === undefined || request.path === undefined)
            return;
        begin(request, request.method ?? 'GET', new URL(request.path, request.origin));
    });
    diagnostics.subscribe('undici:request:headers', message => {
        const { request, response } = message;
        const attempt = byRequest.get(request);
        if (!attempt)
            return;
        attempt.status = response.statusCode;
        attempt.statusText = response.statusText || undefined;
        attempt.endedAt = Date.now();
        const raw = response.headers ?? [];
        for (let i = 0; i + 1 < raw.length; i += 2) {
            if (String(raw[i]).toLowerCase() === 'x-ms-error-code')
                attempt.storageCode = String(raw[i + 1]);
        }
    });
    diagnostics.subscribe('undici:request:error', message => {
        const { request, error } = message;
        failed(request, error);
    });
}
function headerText(value) {
    return Array.isArray(value) ? value[0] : value;
}
/** Runs `work`, recording into `recording` every HTTP request it makes (directly or in libraries). */
function watch(recording, work) {
    subscribe();
    return current.run(recording, work);
}
/**
 * After a failure: lets go of answers the library stopped reading (after a write error it leaves the
 * storage response paused, holding its socket) and marks them as not read to the end.
 */
function release(recording) {
    for (const attempt of recording.attempts) {
        const body = openBodies.get(attempt);
        if (body && attempt.body === 'open')
            body.destroy();
    }
}
/**
 * Re-reads a refused storage answer's body once (bounded by `timeoutMs`, at most 8 KiB) for Azure's
 * reason: `AuthenticationErrorDetail` tells an expired signature from a wrong one. Nothing of the URL or
 * the body is returned but the error code and whether the reason is about time.
 */
async function askStorageWhy(attempt, timeoutMs = 5000) {
    const url = signedUrls.get(attempt);
    if (!url)
        return undefined;
    const client = url.protocol === 'https:' ? https : http;
    return new Promise(resolve => {
        const request = client.get(url, { headers: { 'user-agent': 'vapora-preflight' } }, response => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk) => {
                text += chunk;
                if (text.length > 8192)
                    response.destroy();
            });
            response.on('close', () => {
                clearTimeout(timer);
                const code = headerText(response.headers['x-ms-error-code']) ?? /<Code>([^<]*)</.exec(text)?.[1];
                const detail = /<AuthenticationErrorDetail>([^<]*)</.exec(text)?.[1] ?? '';
                const expired = /expir|not valid in the specified time frame/i.test(detail);
                resolve({ status: response.statusCode, code, expired });
            });
        });
        const timer = setTimeout(() => request.destroy(new Error('timeout')), timeoutMs);
        request.on('error', () => {
            clearTimeout(timer);
            resolve(undefined);
        });
    });
}
/** Free bytes on the file system holding `dir`, when it can be told. */
async function freeBytes(dir) {
    try {
        const stats = await statfs(dir);
        return Number(stats.bavail) * Number(stats.bsize);
    }
    catch {
        return undefined;
    }
}

/**
 * The artifact download's failures in one line each: which step failed (listing the run's artifacts,
 * asking for the signed URL, the zip redirect of another run, reading from storage, writing the file),
 * what the service answered, on how many attempts and for how long, and what to do — from the attempts
 * `artifact-attempts.ts` recorded, not from the library's text (which drops the status).
 */
const GITHUB_SIDE = "This is on GitHub's side, not in the bundle or the workflow: re-run the job; see https://www.githubstatus.com.";
const RUNNER_HOSTS = 'https://docs.github.com/en/actions/concepts/runners/communicating-with-self-hosted-runners';
const answered = (a) => a.status !== undefined && a.status < 400;
function outcome(a) {
    if (a.status === undefined)
        return `no answer (${a.error ?? 'connection failed'})`;
    const text = `${a.status}${a.statusText ? ` ${a.statusText}` : ''}`;
    return a.storageCode && a.storageCode !== a.statusText ? `${text} (${a.storageCode})` : text;
}
function seconds$1(ms) {
    return ms < 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
/**
 * How the tries went: `outcome` is the last answer ("503 Service Unavailable"), `when` says how often
 * and for how long ("on every one of 5 attempts over 25 s"), or what came before a different last one.
 */
function attemptsText(tries, durationMs) {
    const outcomes = tries.map(outcome);
    const last = outcomes[outcomes.length - 1];
    if (tries.length === 1)
        return { outcome: last, when: 'on its only attempt' };
    const over = `over ${seconds$1(durationMs)}`;
    if (outcomes.every(o => o === last))
        return { outcome: last, when: `on every one of ${tries.length} attempts ${over}` };
    const before = new Map();
    for (const o of outcomes.slice(0, -1))
        before.set(o, (before.get(o) ?? 0) + 1);
    const earlier = [...before].map(([o, n]) => `${o} ×${n}`).join(', ');
    return { outcome: last, when: `on the last of ${tries.length} attempts ${over} (before: ${earlier})` };
}
/**
 * "answered 503 … on every one of 5 attempts over 25 s" / "gave no answer (ECONNREFUSED) on …"; `said`
 * is the service's own words for the last answer, when they add something.
 */
function answeredText(tries, durationMs, said) {
    const { outcome: last, when } = attemptsText(tries, durationMs);
    const words = said && !last.toLowerCase().includes(said.toLowerCase()) ? ` ("${said}")` : '';
    return `${tries[tries.length - 1].status === undefined ? 'gave' : 'answered'} ${last}${words} ${when}`;
}
function hintFor(last, service) {
    if (last.status === undefined) {
        return `The runner could not reach ${service} at ${last.origin}: check its network, proxy and firewall (a self-hosted runner must reach the hosts in ${RUNNER_HOSTS}), then re-run the job.`;
    }
    if (last.status === 429)
        return 'GitHub is rate limiting: re-run the job in a few minutes.';
    return GITHUB_SIDE;
}
/**
 * One line saying which step failed, what the service answered, how often and for how long, and what
 * to do. Undefined when nothing was recorded (the library failed before any request): the caller then
 * keeps the library's own text.
 */
async function explainFailure(recording, libraryError, ctx, failedAt = Date.now()) {
    const steps = recording.attempts.filter(a => a.step !== 'other');
    const last = steps[steps.length - 1];
    if (!last)
        return undefined;
    const same = steps.filter(a => a.step === last.step);
    // The attempts that failed: those after the step last worked (a list may have read pages before); a
    // storage read that got 200 and still failed counts every read, each was a whole attempt.
    const lastOk = answered(last) ? -1 : same.map(answered).lastIndexOf(true);
    const tries = same.slice(lastOk + 1);
    const durationMs = Math.max(0, failedAt - tries[0].startedAt);
    const data = (failedStep) => ({ failedStep, attempts: tries.map(outcome), durationMs });
    const said = twirpMessage(libraryError);
    switch (last.step) {
        case 'list':
        case 'sign': {
            const twirp = /\/twirp\//.test(last.path);
            const service = twirp ? "GitHub's Actions results service" : "GitHub's API";
            const doing = last.step === 'sign'
                ? `asking ${service} for the download URL of ${ctx.artifact}`
                : ctx.thisRun
                    ? `listing this run's artifacts with ${service}`
                    : `listing the artifacts of ${ctx.where}`;
            const hint = twirp && (last.status === 401 || last.status === 403)
                ? "The job's Actions runtime token does not reach this run's artifacts: download from this run only in a job of the same workflow run; for another run set run-id and a token with actions: read."
                : hintFor(last, service);
            return {
                message: `${doing} failed: ${twirp ? 'it' : service} ${answeredText(tries, durationMs, said)}.`,
                hint,
                data: data(last.step)
            };
        }
        case 'redirect':
            return {
                message: `asking GitHub's API for the download of ${ctx.artifact} of ${ctx.where} (GET ${last.path}) failed: it ${answeredText(tries, durationMs)}.`,
                hint: hintFor(last, "GitHub's API"),
                data: data('redirect')
            };
        case 'blob':
            return explainStorage(tries, last, durationMs, ctx, data);
        default:
            return undefined;
    }
}
async function explainStorage(tries, last, durationMs, ctx, data) {
    const reading = `downloading ${ctx.artifact} from GitHub's artifact storage failed`;
    const summary = answeredText(tries, durationMs);
    const { when } = attemptsText(tries, durationMs);
    if (last.status === 200 || last.status === 206) {
        // Storage answered; the body did not make it into the file. Either the connection broke off, or the
        // library stopped reading because writing failed (it then leaves the answer open, unread).
        const free = ctx.dir ? await freeBytes(ctx.dir) : undefined;
        const needed = ctx.sizeBytes ?? 1;
        if (last.body !== 'cut' && free !== undefined && free < needed) {
            return {
                message: `writing ${ctx.artifact} to ${ctx.dir} failed: the runner's disk is full (${bytes(free)} free there; the artifact is ${ctx.sizeBytes === undefined ? 'larger' : bytes(ctx.sizeBytes)}). Storage ${summary}; the file could not be written each time.`,
                hint: DISK_FULL_HINT,
                data: data('write')
            };
        }
        if (last.body === 'cut') {
            return {
                message: `${reading}: the transfer broke off before the whole file arrived (${last.error ?? 'connection closed'}); storage ${summary}.`,
                hint: `Usually a network problem between the runner and storage, or GitHub's side: re-run the job; see https://www.githubstatus.com. A self-hosted runner behind a proxy: check it lets large downloads through (${RUNNER_HOSTS}).`,
                data: data('blob')
            };
        }
        return {
            message: `writing ${ctx.artifact} to ${ctx.dir ?? 'the download directory'} failed (storage ${summary}; ${free === undefined ? 'free space unknown' : `${bytes(free)} free there`}).`,
            hint: 'Check that the runner can write to its temporary directory (RUNNER_TEMP): permissions, quota, free space.',
            data: data('write')
        };
    }
    if (last.status === 403) {
        const why = await askStorageWhy(last);
        const expired = why?.expired === true || (last.signedExpiry !== undefined && last.signedExpiry <= Date.now());
        const code = last.storageCode ?? why?.code;
        const refused = `${code ? `403 ${code}` : '403'}`;
        return expired
            ? {
                message: `${reading}: storage refused the signed download URL as expired (${refused}) ${when}.`,
                hint: 'GitHub signs a fresh, short-lived URL for each download: re-run the job. If it happens again, something is holding the download up (a slow proxy, a paused runner).',
                data: data('blob')
            }
            : {
                message: `${reading}: storage refused the signed download URL (${refused}) ${when}.`,
                hint: 'Re-run the job to get a freshly signed URL. If it persists, a proxy between the runner and storage may be altering the URL; see https://www.githubstatus.com.',
                data: data('blob')
            };
    }
    if (last.status === 404) {
        return {
            message: `${reading}: storage has no file for it (${outcome(last)}) although GitHub lists the artifact, ${when}.`,
            hint: 'Re-run the build workflow to upload the bundle again.',
            data: data('blob')
        };
    }
    return {
        message: `${reading}: storage ${summary}.`,
        hint: hintFor(last, "GitHub's artifact storage"),
        data: data('blob')
    };
}
const SERVICES = {
    list: 'listing the artifacts',
    sign: 'asking for the download URL',
    redirect: 'asking GitHub for the download',
    blob: "reading from GitHub's artifact storage",
    other: 'talking to GitHub'
};
/**
 * For a download that worked after retries: which step needed them and what it got first, e.g.
 * "reading from GitHub's artifact storage took 2 attempts (before: 503 Service Unavailable ×1)".
 */
function retriesNote(recording) {
    const notes = [];
    for (const step of ['list', 'sign', 'redirect', 'blob']) {
        const same = recording.attempts.filter(a => a.step === step);
        const failedFirst = same.filter(a => !answered(a) || (step === 'blob' && a.body !== 'complete'));
        if (failedFirst.length === 0 || failedFirst.length === same.length)
            continue;
        const before = new Map();
        for (const a of failedFirst)
            before.set(outcome(a), (before.get(outcome(a)) ?? 0) + 1);
        const earlier = [...before].map(([o, n]) => `${o} ×${n}`).join(', ');
        notes.push(`${SERVICES[step]} took ${same.length} attempts (before: ${earlier})`);
    }
    return notes.length > 0 ? notes : undefined;
}
const DISK_FULL_HINT = 'Free disk space on the runner before this step (remove unused tool caches, Docker images or build output), or use a runner with a bigger disk.';
/**
 * Before downloading: is there room for the zip? @actions/artifact 6.2.1 does not survive a write that
 * fails mid-download: its digest stream is written after it ended, an unhandled 'error' event that ends
 * the whole process (ERR_STREAM_WRITE_AFTER_END) before any report is written. So a disk that is already
 * too full is found here; one that fills up during the download is found afterwards, if the process lives.
 */
async function noRoomFor(ctx) {
    if (!ctx.dir || ctx.sizeBytes === undefined)
        return undefined;
    const free = await freeBytes(ctx.dir);
    if (free === undefined || free >= ctx.sizeBytes)
        return undefined;
    return {
        message: `writing ${ctx.artifact} to ${ctx.dir} is not possible: the runner's disk is full (${bytes(free)} free there; the artifact is ${bytes(ctx.sizeBytes)}), so it was not downloaded.`,
        hint: DISK_FULL_HINT,
        data: { failedStep: 'write', attempts: [], durationMs: 0 }
    };
}
/** The results service's own words from the library's error ("Failed request: (500) Internal Server Error: msg"). */
function twirpMessage(libraryError) {
    return /Failed request: \(\d+\) [^:]*: ([^\n]+)/.exec(libraryError)?.[1]?.trim();
}
function bytes(n) {
    const [value, unit] = n < 1024 ? [n, 'B'] : n < 1024 * 1024 ? [n / 1024, 'KiB'] : [n / 1024 / 1024, 'MiB'];
    return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}
/** Removes what a message must never carry: a URL's query (a signed URL's is a credential). */
function withoutQueries(text) {
    return text
        .replace(/(https?:\/\/[^\s?"'<>]+)\?[^\s"'<>]*/g, '$1')
        .replace(/\b(sig|se|sp|sv|st)=[^&\s"'<>]+/g, '$1=…');
}

/**
 * Downloads the deployment-artifacts bundle from GitHub: from this run through the Actions runtime, or
 * from another run (or repository) through the REST API (`findBy`). The zip is saved as-is into a fresh
 * directory and handed to the foundation's safe unzip: nothing is extracted by the download itself.
 */
const fail = (message, hint, origin, data) => ({
    ok: false,
    origin,
    // Belt and braces: no message may carry a URL's query (a signed URL's is a credential).
    outcome: { status: 'fail', message: withoutQueries(message), hint, ...(data ? { data } : {}) }
});
/** A 4xx from Octokit (a RequestError with a status): explainGitHubError says it best. */
const clientError = (error) => {
    const status = error.status;
    return status !== undefined && status >= 400 && status < 500 ? status : undefined;
};
/** The failure as the recorded attempts show it, else `fallback` (the library failed before any request). */
async function explained(recording, error, ctx, fallback, origin) {
    release(recording);
    const why = await explainFailure(recording, describeError(error), ctx);
    return why
        ? fail(why.message, why.hint, origin, { ...(origin ? { origin } : {}), failure: why.data })
        : fail(fallback(), undefined, origin);
}
function originOf(spec, repository, runId, found) {
    const runUrl = `${spec.serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
    return {
        name: found.name,
        artifactId: found.id,
        repository,
        runId,
        url: `${runUrl}/artifacts/${found.id}`,
        runUrl,
        sizeBytes: found.sizeBytes,
        digest: found.digest,
        headSha: found.headSha
    };
}
function splitRepository(repository) {
    const [owner, repo] = repository.split('/');
    return { owner, repo };
}
/** Lists the run's artifacts over REST and picks ours, with a specific message for each way it can fail. */
async function findInOtherRun(github, repository, runId, name) {
    const { owner, repo } = splitRepository(repository);
    const where = `run ${runId} of ${repository}`;
    let artifacts;
    const recording = { attempts: [] };
    try {
        artifacts = await watch(recording, () => github.paginate(github.rest.actions.listWorkflowRunArtifacts, {
            owner,
            repo,
            run_id: runId,
            per_page: 100
        }));
    }
    catch (error) {
        if (error.status === 404)
            return { problem: await explainNotFound(github, repository, runId) };
        const doing = `listing the artifacts of ${where}`;
        if (clientError(error))
            return { problem: fail(explainGitHubError(error, doing, 'actions: read')) };
        const ctx = { artifact: `artifact "${name}"`, thisRun: false, where };
        return {
            problem: await explained(recording, error, ctx, () => explainGitHubError(error, doing, 'actions: read'))
        };
    }
    const named = artifacts.filter(a => a.name === name).sort((a, b) => b.id - a.id);
    if (named.length === 0) {
        const names = [...new Set(artifacts.map(a => a.name))].sort();
        return {
            problem: fail(`artifact "${name}" not found in ${where}; ${names.length > 0 ? `it has: ${names.map(n => `"${n}"`).join(', ')}` : 'it has no artifacts'}.`, names.length > 0
                ? 'Set artifact-name to the name the build job gave actions/upload-artifact.'
                : 'Check run-id: is it the run of the build workflow, and did its upload step succeed?')
        };
    }
    const artifact = named.find(a => !a.expired);
    if (!artifact) {
        const newest = named[0];
        return {
            problem: fail(`artifact "${name}" (id ${newest.id}) of ${where} expired${newest.expires_at ? ` on ${newest.expires_at}` : ''}; GitHub no longer has its files.`, 'Re-run the build workflow to produce a fresh bundle, or raise retention-days on its upload step.')
        };
    }
    return {
        found: {
            id: artifact.id,
            name: artifact.name,
            sizeBytes: artifact.size_in_bytes,
            digest: artifact.digest ?? undefined,
            headSha: artifact.workflow_run?.head_sha ?? undefined
        }
    };
}
/** A 404 on the run's artifacts: is the repository wrong, or only the run? */
async function explainNotFound(github, repository, runId) {
    try {
        await github.rest.repos.get(splitRepository(repository));
    }
    catch (error) {
        if (error.status === 404) {
            return fail(`repository "${repository}" not found, or the token cannot see it.`, "Check the repository input (owner/name). A workflow's GITHUB_TOKEN sees only its own repository: for another one pass a PAT or GitHub App token with actions: read there.");
        }
        return fail(explainGitHubError(error, `reading repository ${repository}`, 'contents: read'));
    }
    return fail(`workflow run ${runId} not found in ${repository}.`, 'Check run-id: it is the number in the run URL (…/actions/runs/<run-id>), e.g. ${{ github.event.workflow_run.id }}.');
}
/** Tries of the zip redirect of another run (the artifact client makes only one). */
const REDIRECT_ATTEMPTS = 3;
/** This run: the Actions runtime (twirp) finds the artifact by name; list the names on a miss. */
async function findInThisRun(artifacts, name) {
    const client = new artifacts.DefaultArtifactClient();
    const recording = { attempts: [] };
    try {
        const { artifact } = await watch(recording, () => client.getArtifact(name));
        return {
            found: { id: artifact.id, name: artifact.name, sizeBytes: artifact.size, digest: artifact.digest }
        };
    }
    catch (error) {
        if (!(error instanceof artifacts.ArtifactNotFoundError)) {
            const ctx = { artifact: `artifact "${name}"`, thisRun: true, where: 'this run' };
            return {
                problem: await explained(recording, error, ctx, () => `finding artifact "${name}" in this run: ${describeError(error).split('\n')[0]}`)
            };
        }
        const listed = await client.listArtifacts().catch(() => ({ artifacts: [] }));
        const names = listed.artifacts.map(a => `"${a.name}"`);
        return {
            problem: fail(`artifact "${name}" not found in this run; ${names.length > 0 ? `it has: ${names.join(', ')}` : 'it has no artifacts yet'}.`, 'Upload it in an earlier job of this workflow (actions/upload-artifact) and list that job in needs:, or set run-id to the run that built it.')
        };
    }
}
/**
 * Downloads the artifact's zip into a fresh directory under `workDir`. Never throws: every problem is
 * a failing outcome whose message says what to change.
 */
async function downloadArtifactBundle(spec, workDir) {
    const thisRun = spec.runId === undefined;
    const repository = spec.repository ?? spec.currentRepository;
    if (thisRun && !process.env.ACTIONS_RUNTIME_TOKEN) {
        return fail('downloading from this run needs the Actions runtime (ACTIONS_RUNTIME_TOKEN is not set).', 'Outside GitHub Actions, pass run-id, repository and a token with actions: read, or bundle-path.');
    }
    if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
        return fail(`repository: "${repository ?? ''}" is not owner/name.`, 'Set repository (e.g. vapora/app), or run inside GitHub Actions where GITHUB_REPOSITORY is set.');
    }
    if (!thisRun && !spec.token) {
        return fail(`github-token: empty; downloading from run ${spec.runId} of ${repository} needs a token with actions: read.`, 'Keep the default github-token (${{ github.token }}) and give the job `permissions: actions: read`, or pass a PAT for another repository.');
    }
    const artifacts = await import('@actions/artifact');
    const runId = spec.runId ?? spec.currentRunId ?? 0;
    const github = spec.token ? createGitHubClient(spec.token, { baseUrl: spec.apiUrl }) : undefined;
    const lookup = thisRun
        ? await findInThisRun(artifacts, spec.name)
        : await findInOtherRun(github, repository, runId, spec.name);
    if (!lookup.found)
        return lookup.problem;
    const origin = originOf(spec, repository, runId, lookup.found);
    let dir;
    try {
        dir = mkdtempSync(join(workDir, 'artifact-'));
    }
    catch (error) {
        const full = error.code === 'ENOSPC';
        return fail(`creating a directory for the download in ${workDir} failed: ${full ? "the runner's disk is full (ENOSPC)" : describeError(error)}.`, full
            ? 'Free disk space on the runner before this step (remove unused tool caches, Docker images or build output), or use a runner with a bigger disk.'
            : 'Check that the runner can write to its temporary directory (RUNNER_TEMP).', origin);
    }
    const { owner, repo } = splitRepository(repository);
    const where = thisRun ? 'this run' : `run ${runId} of ${repository}`;
    const ctx = {
        artifact: `artifact "${spec.name}" (id ${origin.artifactId})`,
        thisRun,
        where,
        dir,
        sizeBytes: origin.sizeBytes
    };
    const full = await noRoomFor(ctx);
    if (full)
        return fail(full.message, full.hint, origin, { origin, failure: full.data });
    const recording = { attempts: [] };
    const client = new artifacts.DefaultArtifactClient();
    let response;
    for (let attempt = 1;; attempt++) {
        try {
            response = await watch(recording, () => client.downloadArtifact(origin.artifactId, {
                path: dir,
                skipDecompress: true,
                expectedHash: origin.digest,
                ...(thisRun
                    ? {}
                    : {
                        findBy: {
                            token: spec.token,
                            workflowRunId: runId,
                            repositoryOwner: owner,
                            repositoryName: repo
                        }
                    })
            }));
            break;
        }
        catch (error) {
            const status = error.status;
            if (status === 410) {
                return fail(`artifact "${spec.name}" (id ${origin.artifactId}) of run ${runId} has expired; GitHub no longer has its files.`, 'Re-run the build workflow to produce a fresh bundle, or raise retention-days on its upload step.', origin);
            }
            if (clientError(error) && status !== 429) {
                return fail(explainGitHubError(error, `downloading artifact ${origin.artifactId}`, 'actions: read'), undefined, origin);
            }
            // The artifact client sends the zip redirect request once, without retrying: a single 502 there
            // would end the download. Retry that step (only), as our own Octokit does: after 1 s, then 4 s.
            const last = recording.attempts[recording.attempts.length - 1];
            if (last?.step === 'redirect' && !(last.status && last.status < 400) && attempt < REDIRECT_ATTEMPTS) {
                await new Promise(resolve => setTimeout(resolve, attempt * attempt * 1000));
                continue;
            }
            return explained(recording, error, ctx, () => `downloading artifact ${origin.artifactId}: ${describeError(error).split('\n')[0]}`, origin);
        }
    }
    if (response.digestMismatch) {
        return fail(`artifact "${spec.name}" (id ${origin.artifactId}) does not match its published digest ${origin.digest}: it was altered or corrupted after upload.`, 'Do not deploy this bundle. Re-run the build workflow, and find out who or what changed the artifact.', origin);
    }
    const files = readdirSync(dir);
    if (files.length !== 1) {
        return fail(`downloading artifact ${origin.artifactId}: expected one zip, found ${files.length} files.`, undefined, origin);
    }
    const verified = origin.digest
        ? `digest ${origin.digest.slice(0, 19)}… verified`
        : 'no digest published, integrity not verified';
    return {
        ok: true,
        zipPath: join(dir, files[0]),
        origin,
        outcome: {
            status: origin.digest ? 'pass' : 'warn',
            message: `"${origin.name}" (artifact ${origin.artifactId}, ${origin.sizeBytes ?? '?'} bytes) from ${thisRun ? 'this run' : `run ${runId} of ${repository}`}; ${verified}`,
            hint: origin.digest
                ? undefined
                : 'Artifacts uploaded with actions/upload-artifact v4+ carry a digest; re-upload to have it checked.',
            details: retriesNote(recording),
            data: { origin }
        }
    };
}

var artifact = /*#__PURE__*/Object.freeze({
    __proto__: null,
    downloadArtifactBundle: downloadArtifactBundle
});

/** Between SIGTERM and SIGKILL for a process that overran its time. */
const KILL_GRACE_MS = 1_000;
const MAX_STDOUT_BYTES = 1 << 20;
/**
 * Runs a command in its own process group with no standard input. When it overruns `timeoutMs` (or floods
 * stdout) the whole group gets SIGTERM, then SIGKILL after a grace period, so nothing it started survives it.
 * Settles once the process is gone (after a stop, as soon as the leader has exited); never rejects.
 */
async function runProcessGroup(command, args, env, timeoutMs) {
    // Loaded when a plugin runs: most kubeconfigs have none.
    const { spawn } = await import('node:child_process');
    return new Promise(settle => {
        const posix = process.platform !== 'win32';
        let child;
        try {
            child = spawn(command, args, {
                env,
                stdio: ['ignore', 'pipe', 'pipe'],
                detached: posix,
                windowsHide: true
            });
        }
        catch (error) {
            // e.g. a NUL byte in an argument.
            return settle({ kind: 'not-started', error: error });
        }
        const stdout = [];
        let stdoutBytes = 0;
        let stderr = '';
        let stopped;
        let graceTimer;
        let done = false;
        const signalGroup = (signal) => {
            try {
                if (posix && child.pid)
                    process.kill(-child.pid, signal);
                else
                    child.kill(signal);
            }
            catch {
                // Already gone.
            }
        };
        const stop = (why) => {
            if (stopped || done)
                return;
            stopped = why;
            signalGroup('SIGTERM');
            graceTimer = setTimeout(() => signalGroup('SIGKILL'), KILL_GRACE_MS);
        };
        const finish = (outcome) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            clearTimeout(graceTimer);
            settle(outcome);
        };
        // setTimeout fires at once for more than 2^31-1 ms.
        const timer = setTimeout(() => stop('timed-out'), Math.min(timeoutMs, 2 ** 31 - 1));
        child.stdout.on('data', (chunk) => {
            stdoutBytes += chunk.length;
            if (stdoutBytes > MAX_STDOUT_BYTES)
                return stop('too-much-output');
            stdout.push(chunk);
        });
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk) => {
            stderr = (stderr + chunk).slice(-65536);
        });
        child.on('error', error => {
            // Not started (ENOENT, EACCES): no process to wait for. Errors after a start end in 'close' anyway.
            if (child.pid === undefined)
                finish({ kind: 'not-started', error });
        });
        child.on('exit', () => {
            if (!stopped)
                return;
            // The leader is gone; whatever it started in its group goes too, without a grace period.
            signalGroup('SIGKILL');
            finish({ kind: stopped, stderr });
        });
        child.on('close', (code, signal) => {
            if (stopped)
                return finish({ kind: stopped, stderr });
            finish({ kind: 'exited', code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr });
        });
    });
}

/**
 * Kubeconfig `exec` credential plugins (client.authentication.k8s.io/v1 and v1beta1), run by us instead of
 * by client-node: asynchronously, with a timeout, never interactively. client-node 2.0.1 waits for a plugin
 * without any limit, so a plugin stuck on a login prompt or a dead network would hang the gate. The
 * credential a plugin prints replaces its `exec` stanza in the in-memory KubeConfig — client-node only ever
 * sees a token or a client certificate — and is obtained again, the same way, when it expires.
 */
/** How long a plugin may take to print its credential. client-go has no limit; a gate must not hang. */
const DEFAULT_EXEC_TIMEOUT_MS = 30_000;
/** A credential this close to its expirationTimestamp is obtained again before a request. */
const EXPIRY_MARGIN_MS = 5_000;
const STDERR_SHOWN_CHARS = 400;
const API_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];
const EXEC_EXTENSION = 'client.authentication.k8s.io/exec';
/** The plugin could not give a credential; the message says which plugin, for which user, and what to do. */
class ExecCredentialError extends Error {
    name = 'ExecCredentialError';
}
const oneLine = (text, max, separator = ' | ') => {
    const flat = text
        // eslint-disable-next-line no-control-regex -- ESC starts the colour and cursor codes removed here
        .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(Boolean)
        .join(separator);
    return flat.length > max ? `…${flat.slice(flat.length - max + 1)}` : flat;
};
const seconds = (ms) => `${ms / 1000} s`;
/** A kind or apiVersion, quoted only when it looks like one: what a plugin printed may be a credential. */
const shown = (value) => {
    if (value === undefined)
        return '(none)';
    const looksRight = typeof value === 'string' &&
        (/^[A-Za-z]{1,40}$/.test(value) || /^([a-z0-9-]+\.)*[a-z0-9-]+\/v\d+((alpha|beta)\d+)?$/.test(value));
    return looksRight ? `"${value}"` : '(not shown)';
};
function pluginConfig(source) {
    const exec = (typeof source.exec === 'object' && source.exec !== null ? source.exec : {});
    const command = typeof exec.command === 'string' ? exec.command.trim() : '';
    const named = command
        ? `the kubeconfig's exec credential plugin \`${command}\` (user ${source.user})`
        : `the kubeconfig's exec credential plugin of user ${source.user}`;
    const invalid = (what) => new ExecCredentialError(`${named} ${what}`);
    if (!command)
        throw invalid('has no command (users[].user.exec.command).');
    if (typeof exec.apiVersion !== 'string' || !exec.apiVersion) {
        throw invalid(`has no apiVersion: set users[].user.exec.apiVersion to ${API_VERSIONS.join(' or ')}.`);
    }
    if (!API_VERSIONS.includes(exec.apiVersion)) {
        throw invalid(`has apiVersion ${shown(exec.apiVersion)}, which is not supported: use ${API_VERSIONS.join(' or ')}.`);
    }
    const mode = exec.interactiveMode ?? 'IfAvailable';
    if (mode === 'Always') {
        throw invalid('has interactiveMode: Always, but preflight never runs a plugin interactively (its standard input is not a terminal). Use a credential that works unattended, with interactiveMode: Never or IfAvailable.');
    }
    if (mode !== 'Never' && mode !== 'IfAvailable') {
        throw invalid(`has interactiveMode ${shown(mode)}: use Never, IfAvailable or Always.`);
    }
    if (exec.args != null && !Array.isArray(exec.args))
        throw invalid('has args that are not a list.');
    const args = (exec.args ?? []).map(String);
    const env = {};
    if (exec.env != null && !Array.isArray(exec.env))
        throw invalid('has env that is not a list of {name, value}.');
    for (const entry of exec.env ?? []) {
        const { name, value } = (entry ?? {});
        if (typeof name !== 'string' || !name)
            throw invalid('has an env entry without a name.');
        env[name] = value == null ? '' : String(value);
    }
    // As client-go does: a path with a slash is relative to the kubeconfig's directory; a bare name is looked up on PATH.
    const hasSlash = command.includes('/') || command.includes(sep);
    return {
        command,
        path: hasSlash && !isAbsolute(command) ? resolve(source.baseDir, command) : command,
        args,
        env,
        apiVersion: exec.apiVersion,
        provideClusterInfo: exec.provideClusterInfo === true,
        installHint: typeof exec.installHint === 'string' ? oneLine(exec.installHint, 300, ' ') : undefined
    };
}
/** The ExecCredential client-go passes in KUBERNETES_EXEC_INFO: never interactive, the cluster when asked for. */
function execInfo(source, config) {
    const spec = { interactive: false };
    if (config.provideClusterInfo) {
        const raw = source.cluster;
        let caData = raw['certificate-authority-data'];
        if (!caData && source.caFile) {
            try {
                caData = readFileSync(source.caFile).toString('base64');
            }
            catch (error) {
                throw new ExecCredentialError(`the kubeconfig's exec credential plugin \`${config.command}\` (user ${source.user}) asks for the cluster's details, but its certificate-authority ${source.caFile} cannot be read (${error.code ?? error}).`);
            }
        }
        const extensions = Array.isArray(raw.extensions) ? raw.extensions : [];
        const cluster = {
            server: raw.server,
            'tls-server-name': raw['tls-server-name'],
            'insecure-skip-tls-verify': raw['insecure-skip-tls-verify'] === true ? true : undefined,
            'certificate-authority-data': caData,
            'proxy-url': raw['proxy-url'],
            'disable-compression': raw['disable-compression'] === true ? true : undefined,
            config: extensions.find(e => e?.name === EXEC_EXTENSION)?.extension
        };
        spec.cluster = Object.fromEntries(Object.entries(cluster).filter(([, value]) => value !== undefined));
    }
    return JSON.stringify({ apiVersion: config.apiVersion, kind: 'ExecCredential', spec });
}
/** Strings that look like credentials, and the known secrets, replaced before a plugin's stderr is shown. */
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets)
        if (secret.length >= 6)
            out = out.split(secret).join('***');
    return out
        .replace(/\b(bearer\s+)[^\s"']+/gi, '$1***')
        .replace(/\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, '***')
        .replace(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, '***');
}
/** Turns what the plugin printed into a credential, or says exactly what is wrong without quoting it. */
function parseCredential(stdout, config, named) {
    const invalid = (what) => new ExecCredentialError(`${named} ${what}; it must print an ExecCredential (${config.apiVersion}) on stdout.`);
    if (!stdout.trim())
        throw invalid('exited 0 but printed nothing');
    let doc;
    try {
        doc = JSON.parse(stdout);
    }
    catch {
        // JSON.parse quotes the text it failed on, which may hold a credential: say only how much there was.
        throw invalid(`printed something that is not JSON (${Buffer.byteLength(stdout)} bytes, not shown: it may hold a credential)`);
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
        throw invalid('printed JSON that is not an object');
    const { kind, apiVersion, status } = doc;
    if (kind !== 'ExecCredential')
        throw invalid(`printed kind ${shown(kind)}, not ExecCredential`);
    if (apiVersion !== config.apiVersion) {
        throw invalid(`printed apiVersion ${shown(apiVersion)}, but the kubeconfig asks for ${config.apiVersion}`);
    }
    if (typeof status !== 'object' || status === null)
        throw invalid('printed an ExecCredential without a status');
    const { token, clientCertificateData, clientKeyData, expirationTimestamp } = status;
    const text = (value) => typeof value === 'string' && value ? value : undefined;
    const credential = {
        token: text(token),
        clientCertificateData: text(clientCertificateData),
        clientKeyData: text(clientKeyData)
    };
    if (!credential.clientCertificateData !== !credential.clientKeyData) {
        throw invalid('returned a client certificate without its key, or a key without its certificate');
    }
    if (!credential.token && !credential.clientCertificateData) {
        throw invalid('returned neither status.token nor status.clientCertificateData and status.clientKeyData');
    }
    if (expirationTimestamp != null) {
        const expiresAt = typeof expirationTimestamp === 'string' ? Date.parse(expirationTimestamp) : NaN;
        if (Number.isNaN(expiresAt))
            throw invalid('returned a status.expirationTimestamp that is not an RFC 3339 time');
        credential.expiresAt = expiresAt;
    }
    return credential;
}
/** Every string of a credential to mask: the values, and each line of a PEM (log lines are masked one by one). */
function credentialSecrets(credential) {
    const values = [credential.token, credential.clientKeyData, credential.clientCertificateData].filter((value) => !!value && value.length >= 6);
    const lines = values.flatMap(value => value.includes('\n')
        ? value
            .split(/\r?\n/)
            .map(line => line.trim())
            .filter(line => line.length >= 16 && !line.startsWith('-----'))
        : []);
    return [...new Set([...values, ...lines])];
}
/**
 * Runs the plugin once and returns its credential. Throws an ExecCredentialError that names the plugin and
 * the user: a timeout, a plugin that cannot start or exits non-zero (with its stderr, bounded and with
 * credentials removed), output that is not an ExecCredential of the configured apiVersion, interactiveMode
 * Always. What the plugin prints on stdout is never quoted.
 */
async function runExecPlugin(source, options) {
    const config = pluginConfig(source);
    const named = `the kubeconfig's exec credential plugin \`${config.command}\``;
    const who = `(user ${source.user})`;
    const env = { ...process.env, ...config.env, KUBERNETES_EXEC_INFO: execInfo(source, config) };
    const outcome = await runProcessGroup(config.path, config.args, env, options.timeoutMs);
    const known = [...(options.knownSecrets ?? [])];
    const said = (stderr) => oneLine(redact(stderr, known), STDERR_SHOWN_CHARS);
    switch (outcome.kind) {
        case 'not-started': {
            const { code, message } = outcome.error;
            if (code === 'ENOENT') {
                const where = config.path === config.command ? 'on PATH' : `at ${config.path}`;
                throw new ExecCredentialError(`${named} was not found ${where} ${who}.${config.installHint ? ` ${config.installHint}` : ''}`);
            }
            if (code === 'EACCES') {
                throw new ExecCredentialError(`${named} cannot be run ${who}: permission denied (is ${config.path} executable?).`);
            }
            throw new ExecCredentialError(`${named} could not be started ${who}: ${message}.`);
        }
        case 'timed-out': {
            const stderr = said(outcome.stderr);
            throw new ExecCredentialError(`${named} did not answer within ${seconds(options.timeoutMs)} ${who} and was stopped. It must print its credential unattended (no login prompt, no browser): check that it can reach what it needs from here, or give it longer (execTimeoutMs).${stderr ? ` Its stderr: ${stderr}` : ''}`);
        }
        case 'too-much-output':
            throw new ExecCredentialError(`${named} printed more than ${MAX_STDOUT_BYTES / 2 ** 20} MiB ${who} and was stopped.`);
        case 'exited': {
            if (outcome.code !== 0) {
                // A credential it printed before failing must not reach the message through its stderr either.
                try {
                    known.push(...credentialSecrets(parseCredential(outcome.stdout, config, named)));
                }
                catch {
                    // Not a credential: nothing more to hide.
                }
                const stderr = said(outcome.stderr);
                const how = outcome.signal
                    ? `was killed by ${outcome.signal}`
                    : `failed with exit code ${outcome.code}`;
                throw new ExecCredentialError(`${named} ${how} ${who}${stderr ? `: ${stderr}` : ', with nothing on stderr.'}`);
            }
            return parseCredential(outcome.stdout, config, `${named} ${who}`);
        }
    }
}
/**
 * The current user's credential from its exec plugin, for one run. From construction on, the user in the
 * KubeConfig has no `exec` (client-node would run it without a time limit); each credential obtained is put in
 * its place. The first failure is final: a plugin that hung once costs the run one timeout, not one per request.
 */
class ExecCredentials {
    kubeConfig;
    source;
    options;
    userIndex;
    original;
    credential;
    failure;
    pending;
    prepared = false;
    /** Every secret the plugin has returned in this run. */
    secrets = [];
    constructor(kubeConfig, source, options) {
        this.kubeConfig = kubeConfig;
        this.source = source;
        this.options = options;
        const users = kubeConfig.getUsers();
        this.userIndex = users.findIndex(user => user.name === source.user);
        this.original = users[this.userIndex];
        this.install(undefined);
    }
    /** Obtains the first credential (its secrets are then in `secrets`); never throws: a failure waits for `current()`. */
    async prepare() {
        await this.current().catch(() => undefined);
        this.prepared = true;
    }
    /** A credential valid for at least a few seconds more, obtained again when needed (one plugin run at a time). */
    async current() {
        if (this.failure)
            throw this.failure;
        const credential = this.credential;
        if (credential &&
            (credential.expiresAt === undefined || Date.now() < credential.expiresAt - EXPIRY_MARGIN_MS)) {
            return credential;
        }
        this.pending ??= this.obtain().finally(() => (this.pending = undefined));
        return this.pending;
    }
    async obtain() {
        try {
            const credential = await runExecPlugin(this.source, {
                timeoutMs: this.options.timeoutMs,
                knownSecrets: [...(this.options.knownSecrets ?? []), ...this.secrets]
            });
            const fresh = credentialSecrets(credential).filter(secret => !this.secrets.includes(secret));
            this.secrets.push(...fresh);
            // Masked before anything can use (and so print) it.
            if (this.prepared && fresh.length)
                this.options.onSecrets?.(fresh);
            this.credential = credential;
            this.install(credential);
            return credential;
        }
        catch (error) {
            this.failure = error instanceof Error ? error : new ExecCredentialError(String(error));
            this.install(undefined);
            throw this.failure;
        }
    }
    /** Puts the user back into the KubeConfig without its plugin, with the credential when there is one. */
    install(credential) {
        const { exec: _exec, authProvider: _authProvider, ...user } = this.original;
        const certificate = credential?.clientCertificateData
            ? {
                certData: Buffer.from(credential.clientCertificateData).toString('base64'),
                certFile: undefined,
                keyData: Buffer.from(credential.clientKeyData).toString('base64'),
                keyFile: undefined
            }
            : {};
        this.kubeConfig.getUsers()[this.userIndex] = {
            ...user,
            token: credential?.token ?? user.token,
            ...certificate
        };
    }
}

/**
 * Kubernetes' protobuf encoding, read for the one list whose size is the cluster's: every pod of every
 * node, which node-capacity sums the requests of. Measured at 50,500 pods: 103 MB of protobuf against
 * 163 MB of JSON (the server's time about the same, within the noise), and only the few fields the check
 * reads are decoded (~0.3 s against ~1 s of JSON.parse) — no full pod object is ever built. Field
 * numbers are those of k8s.io/api's generated.proto (stable: protobuf field numbers are never reused);
 * the wire format is read by @protobuf-ts/runtime.
 * See https://kubernetes.io/docs/reference/using-api/api-concepts/#protobuf-encoding
 */
/** The media type the API server answers protobuf in (JSON stays the fallback in the Accept header). */
const PROTOBUF = 'application/vnd.kubernetes.protobuf';
/** Every protobuf answer starts with these four bytes, then a runtime.Unknown holding the object. */
const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"
const utf8 = new TextDecoder('utf-8');
/** Where the length-delimited value at the reader ends (its length read). */
const endOf = (r) => {
    const length = r.uint32();
    return r.pos + length;
};
/**
 * Walks the fields of the message that ends at `end`, all with one reader over the whole answer (no
 * reader, view or copy per nested message: a page holds ~50 of them per pod). `read` takes the
 * length-delimited fields it wants, returning true once it has read one; every other field is skipped.
 */
function walk(r, end, read) {
    while (r.pos < end) {
        // The tag by hand: r.tag() makes an array per field, and a page of pods has ~100,000 fields.
        const tag = r.uint32();
        const wireType = tag & 7;
        if (wireType === WireType.LengthDelimited) {
            if (!read(tag >>> 3))
                r.pos = endOf(r);
        }
        else if (wireType === WireType.Varint) {
            r.uint32(); // reads (and drops) a varint of any length, without making the subarray skip() returns
        }
        else
            r.skip(wireType);
    }
    if (r.pos !== end)
        throw new Error('a field runs past the end of its message');
}
/** The envelope: the object's kind, and where its own encoding lies (runtime.Unknown: typeMeta 1, raw 2). */
function unwrap(bytes) {
    if (bytes.length < 4 || MAGIC.some((byte, i) => bytes[i] !== byte)) {
        throw new Error('the API server answered in a protobuf form without the "k8s" envelope');
    }
    // A plain view: a Buffer's subarrays (one per string read) would each be a Buffer.
    const r = new BinaryReader(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), utf8);
    r.pos = 4;
    let kind = '';
    let raw;
    walk(r, r.len, field => {
        if (field === 1)
            walk(r, endOf(r), f => f === 2 && ((kind = r.string()), true)); // TypeMeta.kind
        else if (field === 2) {
            const end = endOf(r);
            raw = { start: r.pos, end };
            r.pos = end;
        }
        else
            return false;
        return true;
    });
    return { r, kind, raw };
}
/** A Status (an error answer): status 2, message 3, reason 4, code 6, as the JSON form's fields. */
function status(r, end) {
    const answer = { kind: 'Status' };
    while (r.pos < end) {
        const [field, wireType] = r.tag();
        if (field === 6 && wireType === WireType.Varint)
            answer.code = r.int32();
        else if (wireType !== WireType.LengthDelimited)
            r.skip(wireType);
        else if (field === 2)
            answer.status = r.string();
        else if (field === 3)
            answer.message = r.string();
        else if (field === 4)
            answer.reason = r.string();
        else
            r.pos = endOf(r);
    }
    return answer;
}
/** ResourceRequirements.requests (2): map<string, Quantity> entries (key 1, value 2), Quantity.string 1. */
function requests(r, end) {
    const out = {};
    walk(r, end, field => {
        if (field !== 2)
            return false;
        let name = '';
        let quantity = '';
        walk(r, endOf(r), f => {
            if (f === 1)
                name = r.string();
            else if (f === 2)
                walk(r, endOf(r), q => q === 1 && ((quantity = r.string()), true));
            else
                return false;
            return true;
        });
        out[name] = quantity;
        return true;
    });
    return out;
}
/**
 * A pod, of which only what capacity reads: spec (2) nodeName 10 and each container's (2) resources (8)
 * requests, shaped as the JSON form. Nothing else is decoded, not even its name: 50,000 pods are 50,000
 * strings fewer per field.
 */
function podRequests(r, end) {
    const spec = { containers: [] };
    walk(r, end, field => {
        if (field !== 2)
            return false;
        walk(r, endOf(r), f => {
            if (f === 10) {
                // Written even when empty (an unbound pod); the JSON form leaves it out.
                const node = r.string();
                if (node)
                    spec.nodeName = node;
            }
            else if (f === 2) {
                const container = { resources: { requests: {} } };
                walk(r, endOf(r), c => c === 8 && ((container.resources.requests = requests(r, endOf(r))), true));
                spec.containers.push(container);
            }
            else
                return false;
            return true;
        });
        return true;
    });
    return { spec };
}
/**
 * Decodes one answer to a pod list asked for in protobuf: a page (its continue token, resourceVersion and
 * each pod's node and requests, as `podRequests` keeps them) or the Status of an error.
 */
function decodePodRequestsPage(bytes) {
    const { r, kind, raw } = unwrap(bytes);
    if (!raw)
        throw new Error(`the API server's protobuf answer holds no object`);
    r.pos = raw.start;
    if (kind === 'Status')
        return status(r, raw.end);
    if (kind !== 'PodList')
        throw new Error(`the API server answered a ${kind || 'nameless object'}, not a PodList`);
    const metadata = {};
    const items = [];
    walk(r, raw.end, field => {
        if (field === 1) {
            // ListMeta: resourceVersion 2, continue 3.
            walk(r, endOf(r), f => {
                if (f === 2)
                    metadata.resourceVersion = r.string();
                else if (f === 3)
                    metadata.continue = r.string();
                else
                    return false;
                return true;
            });
        }
        else if (field === 2)
            items.push(podRequests(r, endOf(r)));
        else
            return false;
        return true;
    });
    return { kind: 'PodList', metadata, items };
}

/**
 * A small raw client for the Kubernetes API. Authentication and TLS come from @kubernetes/client-node's
 * KubeConfig (certificates, tokens, in-cluster); exec credential plugins are run by ExecCredentials, with a
 * timeout, and their credential handed to the KubeConfig. Requests are sent as raw JSON, because
 * client-node's typed models silently drop unknown fields — and a dry-run of a manifest with a typo must
 * reach the server with the typo. Over TLS they share one HTTP/2 connection, as kubectl's do (one
 * handshake, and each request is a stream: measured ~9 ms less CPU of a ~150 ms preflight than a pool of
 * HTTP/1.1 connections); a server that does not offer h2 (a proxy, say) is spoken to over HTTP/1.1.
 *
 * Every request has a timeout; transient failures (network errors, 429, 502-504) are retried with backoff
 * within a bounded budget; everything else fails at once with the server's own message.
 */
class KubeApiError extends Error {
    status;
    kubeStatus;
    name = 'KubeApiError';
    /** The server's `Retry-After`, in seconds, when it sent one (429, 503). */
    retryAfterS;
    constructor(message, status, kubeStatus, options) {
        super(message, options);
        this.status = status;
        this.kubeStatus = kubeStatus;
        this.retryAfterS = options?.retryAfterS;
    }
    /** True when the server could not be reached or did not answer in time. */
    get unreachable() {
        return this.status === undefined;
    }
}
const DEFAULT_CLIENT_OPTIONS = {
    timeoutMs: 10_000,
    attempts: 3,
    backoffMs: 250,
    // A preflight asks ~30 small things at once (8 access reviews, the dry-runs, the lists' first pages):
    // 16 streams on the one HTTP/2 connection send them together instead of queueing the dry-runs behind
    // the access reviews; the lists that grow with the cluster stay one page in flight each.
    concurrency: 16,
    execTimeoutMs: DEFAULT_EXEC_TIMEOUT_MS,
    // kubectl's --chunk-size: a page of pods is ~2 MB of JSON, so one page in memory stays small.
    pageSize: 500,
    // 500,000 objects: far beyond any namespace's pods or events, and ~10x the pods of a 5,000-node cluster.
    pageCap: 1000,
    // Once: a token expires when a pass outlives etcd's compaction window (5 min by default), so a second
    // expiry means passes that slow will keep expiring.
    listRestarts: 1
};
const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);
const TRANSIENT_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ECONNABORTED',
    'UND_ERR_SOCKET',
    // An HTTP/2 stream the server refused or reset (a GOAWAY), or cut off with its connection.
    'ERR_HTTP2_STREAM_ERROR',
    'ERR_HTTP2_STREAM_CANCEL',
    'ERR_HTTP2_GOAWAY_SESSION',
    'ERR_HTTP2_SESSION_ERROR',
    'ERR_HTTP2_INVALID_SESSION'
]);
/**
 * HTTP/2 flow control: what the server may send ahead on one stream (client-go's 4 MiB), and on the
 * connection. Node's defaults (64 KiB) would hold a 4 MB page of pods to a round trip per 64 KiB.
 */
const STREAM_WINDOW = 4 * 1024 * 1024;
const CONNECTION_WINDOW = 32 * 1024 * 1024;
/** Node's default (10 MB) is less than a few pages of pods in flight at once. */
const SESSION_MEMORY_MB = 128;
const cutShort = () => Object.assign(new Error('the connection closed before the answer ended'), { code: 'ECONNRESET' });
const noAnswerWithin = (ms) => Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' });
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Parses `Warning: 299 - "message"` headers into their messages. */
function parseWarnings(header) {
    const values = header === undefined ? [] : Array.isArray(header) ? header : [header];
    return values.flatMap(value => [...value.matchAll(/\d{3} \S+ "((?:[^"\\]|\\.)*)"/g)].map(m => m[1].replace(/\\"/g, '"')));
}
/** Certificate and key as comparable text (client-node gives Buffers). */
const identity = (options) => [options.cert, options.key]
    .map(v => (v === undefined ? '' : Buffer.isBuffer(v) ? v.toString('base64') : String(v)))
    .join('|');
/**
 * One TLS context for all of an agent's connections: without it each connection builds its own, parsing
 * the CA and the client certificate again (~5 ms of CPU each). A context that cannot be built (a broken
 * certificate) is left to the first connection, which fails with the error the checks explain.
 */
function sharedSecureContext(tls) {
    const { ca, cert, key, pfx, passphrase } = tls;
    try {
        return { secureContext: createSecureContext({ ca, cert, key, pfx, passphrase }) };
    }
    catch {
        return {};
    }
}
class KubeClient {
    kubeConfig;
    tls;
    options;
    credentials;
    server;
    agent;
    /** TLS options with the shared context, for the HTTP/2 connection (the agent has its own copy). */
    connectOptions;
    /** The HTTP/2 connection while it is open. */
    session;
    /** False once the server chose HTTP/1.1 over h2 (ALPN): from then on, the agent's pool for the run. */
    speaksH2;
    connecting;
    /** Agents replaced when the client certificate changed (a refreshed exec credential); closed with the client. */
    retired = [];
    tlsIdentity;
    inFlight = 0;
    waiting = [];
    /** Set once a request found the server unreachable after all retries: later requests fail at once. */
    down;
    downAt;
    /** When and why the server stopped answering during this run (after retries); undefined while it answers. */
    get lost() {
        return this.down && this.downAt !== undefined
            ? { at: this.downAt, message: this.down.message }
            : undefined;
    }
    constructor(kubeConfig, tls, options, credentials) {
        this.kubeConfig = kubeConfig;
        this.tls = tls;
        this.options = options;
        this.credentials = credentials;
        const cluster = kubeConfig.getCurrentCluster();
        this.server = new URL(cluster.server);
        this.tlsIdentity = identity(tls);
        this.connectOptions = this.server.protocol === 'https:' ? { ...tls, ...sharedSecureContext(tls) } : {};
        this.agent = this.newAgent(this.connectOptions);
    }
    newAgent(connectOptions) {
        const agentOptions = { keepAlive: true, maxSockets: this.options.concurrency };
        if (this.server.protocol === 'http:')
            return new http.Agent(agentOptions);
        return new https.Agent({ ...agentOptions, ...connectOptions });
    }
    /**
     * Builds a client for the KubeConfig's current context. With `credentials` (the current user's exec
     * plugin), the plugin runs first, within its timeout; if it fails, the first request throws its error.
     */
    static async create(kubeConfig, options = {}, credentials) {
        await credentials?.prepare();
        const applied = {};
        await kubeConfig.applyToHTTPSOptions(applied);
        const { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername } = applied;
        return new KubeClient(kubeConfig, { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername }, { ...DEFAULT_CLIENT_OPTIONS, ...options }, credentials);
    }
    /** Objects per page of a list (`ClientOptions.pageSize`). */
    get pageSize() {
        return this.options.pageSize;
    }
    /** The API server URL (no credentials). */
    get serverUrl() {
        return this.server.origin + this.server.pathname.replace(/\/$/, '');
    }
    async acquire() {
        if (this.inFlight < this.options.concurrency) {
            this.inFlight++;
            return;
        }
        await new Promise(resolve => this.waiting.push(resolve));
    }
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.inFlight--;
    }
    /** Fresh auth headers for each request: exec plugins and OIDC tokens expire. */
    async authHeaders() {
        // Throws the plugin's error (a timeout, a failure) when there is no credential to send.
        await this.credentials?.current();
        const opts = {};
        await this.kubeConfig.applyToHTTPSOptions(opts);
        if (this.server.protocol === 'https:' && identity(opts) !== this.tlsIdentity) {
            // A new client certificate (a refreshed exec credential): new connections present it; the
            // requests on the old HTTP/2 connection finish there.
            const tls = { ...this.tls, cert: opts.cert, key: opts.key };
            this.connectOptions = { ...tls, ...sharedSecureContext(tls) };
            this.retired.push(this.agent);
            this.agent = this.newAgent(this.connectOptions);
            this.session?.close();
            this.session = undefined;
            this.tlsIdentity = identity(opts);
        }
        const headers = {};
        for (const [name, value] of Object.entries(opts.headers ?? {}))
            headers[name] = String(value);
        if (opts.auth)
            headers.Authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
        return headers;
    }
    /**
     * The one request path: URL, headers, transport and timeout, for a call and a watch alike. Resolves with
     * the answer as soon as its status and headers arrive; a network failure before that rejects, one after
     * it rejects the answer's `ended`. `timeoutMs` bounds every wait for the server: connecting, the answer,
     * and each gap in its body.
     */
    async send(req, headers, options = {}) {
        const url = new URL(this.server.pathname.replace(/\/$/, '') + req.path, this.server);
        for (const [name, value] of Object.entries(req.query ?? {})) {
            if (value !== undefined)
                url.searchParams.set(name, String(value));
        }
        const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
        const head = {
            ...headers,
            Accept: req.protobuf ? `${PROTOBUF}, application/json` : 'application/json',
            'User-Agent': 'vapora-preflight',
            ...(payload
                ? { 'Content-Type': req.contentType ?? 'application/json', 'Content-Length': payload.length }
                : {})
        };
        // Connecting is bounded by the request timeout even for a watch, whose own wait is its deadline.
        const session = url.protocol === 'https:'
            ? await this.http2Session(options.timeoutMs ?? this.options.timeoutMs)
            : undefined;
        return session
            ? this.sendHttp2(session, url, req.method, head, payload, options)
            : this.sendHttp1(url, req.method, head, payload, options);
    }
    /**
     * The open HTTP/2 connection, or a new one (requests that arrive while it connects share it); undefined
     * when the server does not offer h2, and from then on for the run.
     */
    async http2Session(timeoutMs) {
        if (this.speaksH2 === false)
            return undefined;
        if (this.session && !this.session.closed && !this.session.destroyed)
            return this.session;
        this.connecting ??= this.connectHttp2(timeoutMs).finally(() => (this.connecting = undefined));
        return this.connecting;
    }
    /** A TLS connection offering h2 and http/1.1: an HTTP/2 session on it if the server chose h2. */
    connectHttp2(timeoutMs) {
        const host = this.server.hostname.replace(/^\[|\]$/g, '');
        const connectOptions = this.connectOptions;
        const { servername, ...tls } = connectOptions;
        return new Promise((resolve, reject) => {
            const socket = connect({
                ...tls,
                host,
                port: Number(this.server.port) || 443,
                // SNI names a host, never an address (as node:https does).
                servername: servername ?? (isIP(host) ? undefined : host),
                ALPNProtocols: ['h2', 'http/1.1']
            });
            const timer = timeoutMs === undefined
                ? undefined
                : setTimeout(() => socket.destroy(noAnswerWithin(timeoutMs)), timeoutMs);
            socket.once('error', error => {
                clearTimeout(timer);
                reject(this.networkError(error));
            });
            socket.once('secureConnect', () => {
                clearTimeout(timer);
                if (socket.alpnProtocol !== 'h2') {
                    this.speaksH2 = false;
                    socket.destroy();
                    return resolve(undefined);
                }
                this.speaksH2 = true;
                const session = http2.connect(this.server.origin, {
                    createConnection: () => socket,
                    settings: { initialWindowSize: STREAM_WINDOW },
                    maxSessionMemory: SESSION_MEMORY_MB
                });
                // Each stream reports the failure that ends it; the connection is only forgotten.
                session.on('error', () => undefined);
                const forget = () => {
                    if (this.session === session)
                        this.session = undefined;
                };
                session.once('close', forget);
                session.once('goaway', forget);
                session.once('connect', () => session.setLocalWindowSize(CONNECTION_WINDOW));
                // A client certificate refreshed while this connected: the requests waiting use this connection,
                // later ones a new one that presents the new certificate.
                if (this.connectOptions === connectOptions)
                    this.session = session;
                else
                    session.once('connect', () => session.close());
                resolve(session);
            });
        });
    }
    sendHttp2(session, url, method, head, payload, options) {
        return new Promise((resolve, reject) => {
            const headers = { ':method': method, ':path': url.pathname + url.search };
            for (const [name, value] of Object.entries(head))
                headers[name.toLowerCase()] = value;
            let stream;
            try {
                stream = session.request(headers, { signal: options.signal });
            }
            catch (error) {
                // The connection went away between the check and the request: a transient failure, retried.
                return reject(this.networkError(error));
            }
            if (options.timeoutMs !== undefined) {
                const ms = options.timeoutMs;
                stream.setTimeout(ms, () => stream.destroy(noAnswerWithin(ms)));
            }
            let answered = false;
            const ended = new Promise((done, failed) => {
                // A connection that goes mid-body ends its streams too, cancelled (NGHTTP2_CANCEL): only a stream
                // the server ended itself (no error code) has all of its answer.
                stream.once('end', () => stream.rstCode === undefined || stream.rstCode === http2.constants.NGHTTP2_NO_ERROR
                    ? done()
                    : failed(this.networkError(cutShort())));
                stream.once('error', error => failed(this.networkError(error)));
                stream.once('close', () => failed(this.networkError(cutShort())));
            });
            stream.once('response', received => {
                answered = true;
                resolve({
                    status: Number(received[':status']),
                    headers: received,
                    onData: listener => stream.on('data', listener),
                    ended
                });
            });
            // Before the answer, a failure is the request's; after it, its reader's (one that stopped early,
            // a watch that is done, never awaits it).
            ended.catch(error => {
                if (!answered)
                    reject(error);
            });
            stream.end(payload);
        });
    }
    sendHttp1(url, method, head, payload, options) {
        const transport = url.protocol === 'http:' ? http : https;
        return new Promise((resolve, reject) => {
            let response;
            const request = transport.request(url, { method, agent: this.agent, headers: head, timeout: options.timeoutMs, signal: options.signal }, answer => {
                response = answer;
                const ended = new Promise((done, failed) => {
                    answer.once('end', done);
                    // Node's "aborted" (a connection dropped mid-body) is a network failure like any other: retried.
                    answer.once('error', error => failed(this.networkError(error)));
                    answer.once('close', () => failed(this.networkError(cutShort())));
                });
                ended.catch(() => undefined);
                resolve({
                    status: answer.statusCode ?? 0,
                    headers: answer.headers,
                    onData: listener => answer.on('data', listener),
                    ended
                });
            });
            request.on('timeout', () => request.destroy(noAnswerWithin(options.timeoutMs)));
            request.on('error', error => {
                const failure = this.networkError(error);
                if (response)
                    response.destroy(failure);
                else
                    reject(failure);
            });
            request.end(payload);
        });
    }
    /** A failure to talk to the server at all, as one line that says what to check. */
    networkError(error) {
        if (error instanceof KubeApiError)
            return error; // already said (a response destroyed with it)
        const code = error.code ?? '';
        const what = /CERT|SSL|TLS|SIGNATURE|ALTNAME/.test(code)
            ? `the API server at ${this.serverUrl} failed TLS verification (check the kubeconfig's certificate-authority)`
            : `cannot reach the API server at ${this.serverUrl}`;
        return new KubeApiError(`${what}: ${code} ${error.message}`.replace('  ', ' '), undefined, undefined, {
            cause: error
        });
    }
    /** One attempt: the whole answer read and parsed; an error status becomes a KubeApiError. */
    async attempt(req, headers) {
        const response = await this.send(req, headers, { timeoutMs: this.options.timeoutMs });
        const chunks = [];
        response.onData(chunk => chunks.push(chunk));
        await response.ended;
        const bytes = Buffer.concat(chunks);
        const status = response.status;
        let body;
        const contentType = response.headers['content-type'];
        if (req.protobuf && typeof contentType === 'string' && contentType.startsWith(PROTOBUF)) {
            try {
                body = req.protobuf(bytes);
            }
            catch (error) {
                throw new KubeApiError(`cannot read the API server's protobuf answer to ${req.path} (HTTP ${status}): ${describeError(error)}`, status, undefined, { cause: error });
            }
        }
        else {
            const text = bytes.toString('utf8');
            body = text;
            try {
                body = text ? JSON.parse(text) : undefined;
            }
            catch {
                // Not JSON (a proxy's HTML error page, say): keep the text for the message.
            }
        }
        const warnings = parseWarnings(response.headers.warning);
        if (status >= 200 && status < 300)
            return { status, body: body, warnings };
        const kubeStatus = typeof body === 'object' && body !== null ? body : undefined;
        const message = kubeStatus?.message ?? (typeof body === 'string' && body ? body.slice(0, 300) : `HTTP ${status}`);
        throw new KubeApiError(message, status, kubeStatus, {
            retryAfterS: Number(response.headers['retry-after']) || undefined
        });
    }
    /** Sends a request, retrying transient failures. Throws `KubeApiError` with the server's message. */
    async request(req) {
        await this.acquire();
        try {
            // A dead server would otherwise cost every remaining call its full timeout and retries.
            if (this.down)
                throw new KubeApiError(`the API server stopped answering: ${this.down.message}`, undefined);
            let lastError;
            for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
                try {
                    return await this.attempt(req, await this.authHeaders());
                }
                catch (error) {
                    lastError = error;
                    if (!(error instanceof KubeApiError) || attempt === this.options.attempts)
                        break;
                    const code = (error.cause?.code ?? '');
                    const transient = error.status === undefined ? TRANSIENT_CODES.has(code) : TRANSIENT_STATUS.has(error.status);
                    if (!transient)
                        break;
                    const retryAfterMs = (error.retryAfterS ?? 0) * 1000;
                    await sleep(Math.min(Math.max(retryAfterMs, this.options.backoffMs * 2 ** (attempt - 1)), 5000));
                }
            }
            if (lastError instanceof KubeApiError && lastError.unreachable && !this.down) {
                this.down = lastError;
                this.downAt = Date.now();
            }
            throw lastError;
        }
        finally {
            this.release();
        }
    }
    async get(path, query) {
        return (await this.request({ method: 'GET', path, query })).body;
    }
    /** GET that answers undefined for 404 instead of throwing. */
    async getOptional(path, query) {
        try {
            return await this.get(path, query);
        }
        catch (error) {
            if (error instanceof KubeApiError && error.status === 404)
                return undefined;
            throw error;
        }
    }
    /**
     * Lists `path` page by page (`limit` + `continue`, as kubectl does), folding each object into the value
     * `start` made; each page is one request (retried as any other) and is dropped before the next is asked
     * for. A continue token the server no longer honours (410: etcd compacted the revision it pins) starts
     * the list again from `start()`, at most `listRestarts` times; a pass of more than `pageCap` pages is an
     * error. `how.label` names the list in those errors; `how.protobuf` decodes pages asked for in protobuf
     * (see `KubeRequest.protobuf`), and `how.pageSize` sets the objects per page instead of the client's.
     */
    async fold(path, query, start, step, how = {}) {
        const { pageCap, listRestarts } = this.options;
        const { label = path, protobuf, pageSize = this.options.pageSize } = how;
        let pages = 0;
        let items = 0;
        for (let restarts = 0;; restarts++) {
            let value = start();
            let token;
            let resourceVersion;
            let passPages = 0;
            try {
                do {
                    const { body: page } = await this.request({
                        method: 'GET',
                        path,
                        query: { ...query, limit: pageSize, continue: token },
                        protobuf
                    });
                    pages++;
                    passPages++;
                    for (const object of page.items ?? [])
                        value = step(value, object);
                    items += page.items?.length ?? 0;
                    resourceVersion ??= page.metadata?.resourceVersion;
                    token = page.metadata?.continue || undefined;
                    if (token && passPages >= pageCap) {
                        throw new Error(`listing ${label}: more than ${pageCap} pages of ${pageSize} objects, the most the preflight reads of one list (${pageCap * pageSize} objects)`);
                    }
                } while (token);
                return { value, pages, items, restarts, resourceVersion };
            }
            catch (error) {
                const expired = token !== undefined && error instanceof KubeApiError && error.status === 410;
                if (!expired)
                    throw error;
                if (restarts < listRestarts)
                    continue;
                throw new KubeApiError(`listing ${label}: the continue token expired ${restarts + 1} times (410 Gone: a pass over the list took longer than the server keeps its history); re-run when the API server is less loaded`, 410, error.kubeStatus, { cause: error });
            }
        }
    }
    /**
     * Lists `path`, then watches it (`watch=1` from the list's resourceVersion), calling `isDone` with the
     * current objects after the list and after every event, until it returns true or `deadline` (epoch ms)
     * passes. A watch the server ends (its timeoutSeconds, or 410 Gone) is resumed with a fresh list.
     * Returns the last objects seen and whether `isDone` was satisfied.
     */
    async watchUntil(path, isDone, deadline) {
        let objects = [];
        while (Date.now() < deadline) {
            const list = await this.fold(path, {}, () => new Map(), (byName, object) => byName.set(object.metadata?.name ?? '', object));
            const byName = list.value;
            objects = [...byName.values()];
            if (isDone(objects))
                return { done: true, objects };
            const outcome = await this.streamWatch(path, list.resourceVersion, deadline, (type, object) => {
                const name = object.metadata?.name ?? '';
                if (type === 'DELETED')
                    byName.delete(name);
                else if (type === 'ADDED' || type === 'MODIFIED')
                    byName.set(name, object);
                objects = [...byName.values()];
                return isDone(objects);
            });
            if (outcome === 'done')
                return { done: true, objects };
            // The server ended the watch (its timeout, or 410 Gone): list again, but never in a tight loop.
            await sleep(Math.min(1000, Math.max(0, deadline - Date.now())));
        }
        return { done: false, objects };
    }
    /** One watch request: resolves 'done', or 'ended' when the server or the deadline closes it. */
    async streamWatch(path, resourceVersion, deadline, onEvent) {
        const remainingS = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
        const query = {
            watch: '1',
            allowWatchBookmarks: 'false',
            timeoutSeconds: String(Math.min(remainingS, 300)),
            resourceVersion: resourceVersion || undefined
        };
        // Our own deadline, not a socket timeout: the server's timeoutSeconds is a hint, a quiet watch is
        // legitimate, and a silent connection must still not hang us.
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(), Math.max(0, deadline - Date.now()) + 50);
        let response;
        try {
            response = await this.send({ method: 'GET', path, query }, await this.authHeaders(), {
                signal: abort.signal
            });
        }
        catch (error) {
            clearTimeout(timer);
            if (abort.signal.aborted)
                return 'ended';
            const message = error instanceof Error ? error.message : String(error);
            throw new KubeApiError(`watching ${path}: ${message}`, undefined, undefined, { cause: error });
        }
        const status = response.status;
        if (status >= 300) {
            // e.g. 403: allowed to list but not to watch. Re-listing would loop until the deadline.
            clearTimeout(timer);
            abort.abort();
            throw new KubeApiError(`watching ${path}: HTTP ${status}`, status);
        }
        return new Promise(resolve => {
            let settled = false;
            const finish = (outcome) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                abort.abort();
                resolve(outcome);
            };
            let buffered = '';
            response.onData(chunk => {
                buffered += chunk.toString('utf8');
                let newline;
                while ((newline = buffered.indexOf('\n')) >= 0) {
                    const line = buffered.slice(0, newline).trim();
                    buffered = buffered.slice(newline + 1);
                    if (!line)
                        continue;
                    let event;
                    try {
                        event = JSON.parse(line);
                    }
                    catch {
                        continue;
                    }
                    // ERROR carries a Status (e.g. 410 Gone: the resourceVersion is too old): list again.
                    if (event.type === 'ERROR' || !event.object)
                        return finish('ended');
                    if (onEvent(event.type ?? '', event.object))
                        return finish('done');
                }
            });
            // The server or the deadline closed it, or the connection went: either way, list again.
            response.ended.then(() => finish('ended'), () => finish('ended'));
        });
    }
    /** Closes kept-alive connections so the process can exit. */
    close() {
        this.session?.destroy();
        this.session = undefined;
        this.agent.destroy();
        this.retired.forEach(agent => agent.destroy());
    }
}

/**
 * Kubeconfig content as text: decoded from raw YAML or base64, and the values in it that must never be
 * printed. Apart from config.ts (which loads client-node) so that the action can mask a kubeconfig before
 * anything heavy is loaded.
 */
/** Decodes kubeconfig content given as raw YAML or base64; throws a UsageError that says what to pass. */
function decodeKubeconfig(content) {
    const trimmed = content.trim();
    const looksLikeYaml = (text) => /(^|\n)\s*(clusters|apiVersion|contexts)\s*:/.test(text);
    if (looksLikeYaml(trimmed))
        return trimmed;
    if (/^[A-Za-z0-9+/=\s_-]+$/.test(trimmed)) {
        const decoded = Buffer.from(trimmed, 'base64').toString('utf8');
        if (looksLikeYaml(decoded))
            return decoded;
    }
    if (!trimmed.includes('\n') && existsSync(trimmed)) {
        throw new UsageError('kubeconfig: this looks like a file path. Pass the file content (or its base64), not its path.');
    }
    throw new UsageError('kubeconfig: not a kubeconfig in YAML or base64 (no "clusters:" found). Pass the file content, e.g. ${{ secrets.KUBECONFIG }}.');
}
/**
 * Parses kubeconfig text. Warnings are not logged: yaml prints them to stderr quoting the file around the
 * problem (a map used as a key, say), which may hold a token, and before the adapter can mask it.
 */
const parseKubeconfig = (text) => parse$1(text, { logLevel: 'error' });
const SECRET_NAME = /token|key|password|certificate-data|secret/i;
function secretsIn(doc) {
    const secrets = new Set();
    const add = (value) => {
        if (typeof value === 'string' && value.length >= 6)
            secrets.add(value);
    };
    for (const entry of Array.isArray(doc?.users) ? doc.users : []) {
        const user = entry?.user ?? {};
        for (const [key, value] of Object.entries(user))
            if (SECRET_NAME.test(key))
                add(value);
        // An exec plugin's env often carries one (AWS_SECRET_ACCESS_KEY, a vault token).
        const env = user.exec?.env;
        for (const variable of Array.isArray(env) ? env : []) {
            const { name, value } = (variable ?? {});
            if (typeof name === 'string' && SECRET_NAME.test(name))
                add(value);
        }
    }
    return [...secrets];
}

function readDocuments(files) {
    return files.flatMap(file => {
        try {
            return [
                {
                    dir: dirname(resolve(file)),
                    doc: parseKubeconfig(readFileSync(file, 'utf8'))
                }
            ];
        }
        catch {
            return []; // client-node read it; a YAML dialect difference must not stop the run here
        }
    });
}
/** The files client-node's loadFromDefault reads, in its order (the first to name a user or cluster wins). */
function defaultFiles() {
    if (process.env.KUBECONFIG)
        return process.env.KUBECONFIG.split(delimiter).filter(Boolean);
    const file = join(homedir(), '.kube', 'config');
    return existsSync(file) ? [file] : [];
}
/** The current user's exec plugin with what running it needs, or undefined when it has none. */
function execPluginOf(kubeConfig, documents) {
    const user = kubeConfig.getCurrentUser();
    // client-node also takes an exec stanza from an auth-provider's config; client-go knows only users[].user.exec.
    const exec = user?.exec ?? user?.authProvider?.config?.exec;
    if (!user || !exec)
        return undefined;
    const cluster = kubeConfig.getCurrentCluster();
    const userDocument = documents.find(d => d.doc?.users?.some(u => u?.name === user.name));
    const rawCluster = documents
        .map(d => d.doc?.clusters?.find(c => c?.name === cluster?.name)?.cluster)
        .find(Boolean);
    return {
        user: user.name,
        exec,
        baseDir: userDocument?.dir ?? process.cwd(),
        cluster: { ...rawCluster, server: cluster?.server },
        caFile: cluster?.caFile
    };
}
/** Loads and validates a KubeConfig; `context` switches the current context. */
function loadKubeConfig(source, context) {
    const kubeConfig = new KubeConfig();
    let origin;
    let documents = [];
    try {
        if (source.kind === 'content') {
            const text = decodeKubeconfig(source.content);
            let doc = null;
            try {
                doc = parseKubeconfig(text);
            }
            catch {
                // client-node reports it below, without quoting the content.
            }
            // There is no kubeconfig file: a relative plugin command is taken from the working directory.
            documents = [{ dir: process.cwd(), doc }];
            // Written 0600 and removed at once: client-node resolves relative paths and exec plugins from a file.
            const dir = mkdtempSync(join(tmpdir(), 'vapora-kubeconfig-'));
            try {
                const file = join(dir, 'config');
                writeFileSync(file, text, { mode: 0o600 });
                kubeConfig.loadFromFile(file);
            }
            finally {
                rmSync(dir, { recursive: true, force: true });
            }
            origin = 'the kubeconfig input';
        }
        else if (source.kind === 'path') {
            if (!existsSync(source.path))
                throw new UsageError(`kubeconfig: file "${source.path}" does not exist.`);
            kubeConfig.loadFromFile(source.path);
            origin = source.path;
            documents = readDocuments([source.path]);
        }
        else {
            kubeConfig.loadFromDefault();
            documents = readDocuments(defaultFiles());
            origin = process.env.KUBECONFIG ? `KUBECONFIG (${process.env.KUBECONFIG})` : 'the default kubeconfig';
        }
    }
    catch (error) {
        if (error instanceof UsageError)
            throw error;
        // Only the first line: YAML errors go on to quote the file around the error, which may hold a token.
        throw new UsageError(`kubeconfig: cannot load it from ${source.kind === 'content' ? 'the kubeconfig input' : 'its file'} (${describeError(error).split('\n')[0]}).`);
    }
    if (context) {
        const names = kubeConfig.getContexts().map(c => c.name);
        if (!names.includes(context)) {
            throw new UsageError(`context: "${context}" is not in ${origin}; available: ${names.join(', ') || '(none)'}.`);
        }
        kubeConfig.setCurrentContext(context);
    }
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster || !cluster.server) {
        throw new UsageError(`kubeconfig: ${origin} has no current context with a cluster server. Set current-context or the context input.`);
    }
    const secrets = [...new Set(documents.flatMap(d => secretsIn(d.doc)))];
    return { kubeConfig, secrets, origin, exec: execPluginOf(kubeConfig, documents) };
}

/** The verbs every one of these serves (Namespace has no deletecollection, so it is not listed). */
const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const resource = (kind, name, namespaced = true) => ({
    name,
    namespaced,
    kind,
    verbs: VERBS
});
const BUILT_IN_RESOURCES = {
    v1: [
        resource('ConfigMap', 'configmaps'),
        resource('Secret', 'secrets'),
        resource('Service', 'services'),
        resource('ServiceAccount', 'serviceaccounts'),
        resource('PersistentVolumeClaim', 'persistentvolumeclaims'),
        resource('Pod', 'pods'),
        resource('Namespace', 'namespaces', false)
    ],
    'apps/v1': [
        resource('Deployment', 'deployments'),
        resource('StatefulSet', 'statefulsets'),
        resource('DaemonSet', 'daemonsets'),
        resource('ReplicaSet', 'replicasets')
    ]
};
/** The built-in resource of `kind` in `apiVersion`, or undefined when discovery must say. */
const builtInResource = (apiVersion, kind) => BUILT_IN_RESOURCES[apiVersion]?.find(r => r.kind === kind);

/**
 * One run's view of the cluster: the few API calls the checks need, built on the client's three ways of
 * reading (get, paginated list, watch). Gets and the small lists are made at most once per run (memoised),
 * so checks running concurrently share them; lists that grow with the cluster are folded page by page.
 * Checks call these; they never build paths.
 */
const FIELD_MANAGER = 'vapora-preflight';
/**
 * Pages of a pod list read for its requests only hold this many times the client's page (500: 2,000).
 * Decoded field by field, a pod costs ~2 KB of protobuf and a few small objects, so such a page is ~4 MB;
 * four times fewer round trips cut the API server's work per page (measured at 50,000 pods: ~3 s against
 * ~4.5 s for one list of every pod in pages of 500).
 */
const PROJECTED_PAGE_FACTOR = 4;
const basePath = (apiVersion) => apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
class ClusterSession {
    client;
    origin;
    memo = new Map();
    constructor(client, origin) {
        this.client = client;
        this.origin = origin;
    }
    get server() {
        return this.client.serverUrl;
    }
    once(key, load) {
        let promise = this.memo.get(key);
        if (!promise) {
            promise = load();
            this.memo.set(key, promise);
        }
        return promise;
    }
    /** One GET per path and run, whoever asks (a ConfigMap is both backed up and compared, by two checks). */
    getOnce(path) {
        return this.once(`get:${path}`, () => this.client.getOptional(path));
    }
    version() {
        return this.once('version', () => this.client.get('/version'));
    }
    /** The resources of one group/version (discovery), e.g. to map kind Deployment → `deployments`. */
    resources(apiVersion) {
        return this.once(`discovery:${apiVersion}`, async () => {
            const list = await this.client.getOptional(basePath(apiVersion));
            return (list?.resources ?? []).filter(r => !r.name.includes('/'));
        });
    }
    /** A built-in kind's resource without asking (see built-in-resources.ts); any other from discovery. */
    async resourceFor(apiVersion, kind) {
        return builtInResource(apiVersion, kind) ?? (await this.resources(apiVersion)).find(r => r.kind === kind);
    }
    /** The API path of an object (collection path when `name` is omitted). */
    async pathFor(apiVersion, kind, namespace, name) {
        const resource = await this.resourceFor(apiVersion, kind);
        if (!resource)
            return undefined;
        const ns = resource.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? 'default')}` : '';
        return `${basePath(apiVersion)}${ns}/${resource.name}${name ? `/${encodeURIComponent(name)}` : ''}`;
    }
    namespace(name) {
        return this.getOnce(`/api/v1/namespaces/${encodeURIComponent(name)}`);
    }
    /** The collection path of a list (every namespace when `namespace` is undefined). */
    listPath(kind, namespace) {
        const api = kind === 'deployments' || kind === 'replicasets' ? '/apis/apps/v1' : '/api/v1';
        const ns = !isClusterScoped(kind) && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
        return `${api}${ns}/${kind}`;
    }
    async fold(query, start, step) {
        const list = listLabel(query);
        const { value, pages, items, restarts } = await this.client.fold(this.listPath(query.kind, query.namespace), { fieldSelector: query.fieldSelector }, start, step, query.kind === 'pods' && query.only === 'requests'
            ? {
                label: list,
                protobuf: decodePodRequestsPage,
                pageSize: this.client.pageSize * PROJECTED_PAGE_FACTOR
            }
            : { label: list });
        return { value, read: { list, pages, items, restarts } };
    }
    /**
     * A whole list of one namespace (or of metrics.k8s.io), paged like any other: what rollout history,
     * availability and verify mode cross-reference (ReplicaSets by owner, pods by ReplicaSet) must be held.
     */
    async collect(path) {
        const push = (all, object) => (all.push(object), all);
        return (await this.client.fold(path, {}, () => [], push)).value;
    }
    deployments(namespace) {
        return this.once(`deployments:${namespace}`, () => this.collect(this.listPath('deployments', namespace)));
    }
    replicaSets(namespace) {
        return this.once(`replicasets:${namespace}`, () => this.collect(this.listPath('replicasets', namespace)));
    }
    configMap(namespace, name) {
        return this.getOnce(`/api/v1/namespaces/${encodeURIComponent(namespace)}/configmaps/${encodeURIComponent(name)}`);
    }
    /** Node metrics from metrics.k8s.io, or undefined when no metrics server serves them. */
    nodeMetrics() {
        return this.once('node-metrics', async () => {
            try {
                return await this.collect('/apis/metrics.k8s.io/v1beta1/nodes');
            }
            catch (error) {
                if (error instanceof KubeApiError && (error.status === 404 || error.status === 503))
                    return undefined;
                throw error;
            }
        });
    }
    /** The live object a manifest document would change, or undefined when it does not exist yet. */
    async live(doc, namespace) {
        const path = await this.pathFor(doc.apiVersion, doc.kind, namespace, doc.metadata.name);
        return path ? this.getOnce(path) : undefined;
    }
    /**
     * Server-side apply with dryRun=All and strict field validation: the server validates and defaults the
     * object exactly as a real apply would, and stores nothing. The raw document is sent, unknown fields and all.
     */
    dryRunApply(doc, namespace) {
        const key = `dry-run:${doc.apiVersion}/${doc.kind}/${namespace}/${doc.metadata?.name}`;
        return this.once(key, async () => {
            const path = await this.pathFor(doc.apiVersion, doc.kind, namespace, doc.metadata.name);
            if (!path) {
                return {
                    ok: false,
                    sent: false,
                    message: `the server does not serve ${doc.kind} in ${doc.apiVersion} (is the API version or CRD right?)`,
                    warnings: []
                };
            }
            const resource = (await this.resourceFor(doc.apiVersion, doc.kind));
            const body = resource.namespaced ? { ...doc, metadata: { ...doc.metadata, namespace } } : doc;
            const given = doc.metadata?.namespace || undefined;
            const namespaceSet = resource.namespaced && given !== namespace ? { from: given, to: namespace } : undefined;
            try {
                const response = await this.client.request({
                    method: 'PATCH',
                    path,
                    query: { dryRun: 'All', fieldManager: FIELD_MANAGER, fieldValidation: 'Strict', force: true },
                    body,
                    contentType: 'application/apply-patch+yaml'
                });
                return {
                    ok: true,
                    sent: true,
                    namespaceSet,
                    status: response.status,
                    result: response.body,
                    warnings: response.warnings
                };
            }
            catch (error) {
                if (error instanceof KubeApiError && !error.unreachable) {
                    return {
                        ok: false,
                        sent: true,
                        namespaceSet,
                        status: error.status,
                        message: error.message,
                        reason: error.kubeStatus?.reason,
                        warnings: []
                    };
                }
                throw error;
            }
        });
    }
    /** Asks the server whether the current user may do `verb` on a resource (SelfSubjectAccessReview). */
    canI(attributes) {
        const key = `can-i:${attributes.verb}:${attributes.group}/${attributes.resource}:${attributes.namespace ?? ''}`;
        return this.once(key, async () => {
            const response = await this.client.request({
                method: 'POST',
                path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
                body: {
                    apiVersion: 'authorization.k8s.io/v1',
                    kind: 'SelfSubjectAccessReview',
                    spec: { resourceAttributes: attributes }
                }
            });
            return { allowed: response.body.status?.allowed === true, reason: response.body.status?.reason };
        });
    }
    /** Reads of things that move during a rollout: never the memo. */
    fresh(kind, namespace) {
        return this.collect(this.listPath(kind, namespace));
    }
    watchDeployments(namespace, isDone, deadline) {
        return this.client.watchUntil(this.listPath('deployments', namespace), isDone, deadline);
    }
    close() {
        this.client.close();
    }
}
/** True when client-node's defaults would find nothing and fall back to a made-up localhost cluster. */
function noDefaultKubeconfig() {
    return (!process.env.KUBECONFIG &&
        !existsSync(join(homedir(), '.kube', 'config')) &&
        !process.env.KUBERNETES_SERVICE_HOST);
}
/**
 * Loads the kubeconfig and builds a session; never contacts the server (the checks do). When the current
 * user has an exec credential plugin, it runs here (within `clientOptions.execTimeoutMs`), so that its
 * credential is among `secrets` before anything is logged; if it fails, the session's first request (the
 * cluster-access check) reports why. Credentials it gives later in the run go to `clientOptions.onSecrets`.
 */
async function openCluster(source, context, clientOptions = {}) {
    if (source.kind === 'default' && noDefaultKubeconfig()) {
        return {
            ok: false,
            reason: 'not-configured',
            message: 'no kubeconfig (KUBECONFIG is not set, ~/.kube/config does not exist, not in a pod)'
        };
    }
    try {
        const loaded = loadKubeConfig(source, context);
        const credentials = loaded.exec
            ? new ExecCredentials(loaded.kubeConfig, loaded.exec, {
                timeoutMs: clientOptions.execTimeoutMs ?? DEFAULT_CLIENT_OPTIONS.execTimeoutMs,
                knownSecrets: loaded.secrets,
                onSecrets: clientOptions.onSecrets
            })
            : undefined;
        const client = await KubeClient.create(loaded.kubeConfig, clientOptions, credentials);
        const session = new ClusterSession(client, loaded.origin);
        return {
            ok: true,
            reader: session,
            secrets: [...loaded.secrets, ...(credentials?.secrets ?? [])],
            lost: () => client.lost,
            close: () => session.close()
        };
    }
    catch (error) {
        // A kubeconfig the user gave that cannot be used is an input error: say so, do not report a cluster state.
        if (error instanceof UsageError)
            throw error;
        return { ok: false, reason: 'invalid', message: describeError(error) };
    }
}

var session = /*#__PURE__*/Object.freeze({
    __proto__: null,
    ClusterSession: ClusterSession,
    FIELD_MANAGER: FIELD_MANAGER,
    openCluster: openCluster
});

const firstLine = (message) => message.split('\n')[0].trim();
/** Reviews decide as GitHub does: each reviewer's latest verdict counts; a pending change request blocks. */
function reviewVerdict(reviews) {
    const latest = new Map();
    for (const review of reviews) {
        if (!['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state))
            continue;
        latest.set(review.user?.login ?? '(deleted user)', review.state);
    }
    const requested = [...latest].filter(([, state]) => state === 'CHANGES_REQUESTED').map(([who]) => who);
    if (requested.length > 0)
        return { approved: false, problem: `changes requested by ${requested.join(', ')}` };
    if ([...latest.values()].includes('APPROVED'))
        return { approved: true };
    return { approved: false, problem: 'merged without an approving review' };
}
class ChangeReader {
    github;
    owner;
    repo;
    defaultBranchPromise;
    pullVerdicts = new Map();
    constructor(options) {
        this.github = createGitHubClient(options.token, {
            baseUrl: options.apiUrl,
            requestTimeoutMs: options.requestTimeoutMs
        });
        [this.owner, this.repo] = options.repository.split('/');
    }
    /** One line naming the permission to grant (401/403), GitHub's answer, or the network error. */
    explain(error, doing, needs) {
        const status = error.status;
        return {
            message: status ? explainGitHubError(error, doing, needs) : `${doing}: ${describeError(error)}`,
            hint: status === 403 || status === 401
                ? 'Give the job `permissions: contents: read, pull-requests: read` (the token reads commits and pull requests), or set check-changes: false.'
                : undefined
        };
    }
    defaultBranch() {
        this.defaultBranchPromise ??= this.github.rest.repos
            .get({ owner: this.owner, repo: this.repo })
            .then(({ data }) => data.default_branch);
        return this.defaultBranchPromise;
    }
    /** `base...head` as GitHub compares them (merge base), with up to `limit` of head's new commits. */
    async compare(base, head, limit) {
        const perPage = 100;
        const commits = [];
        let first;
        for (let page = 1;; page++) {
            const { data } = await this.github.rest.repos.compareCommitsWithBasehead({
                owner: this.owner,
                repo: this.repo,
                basehead: `${base}...${head}`,
                per_page: perPage,
                page
            });
            first ??= data;
            for (const c of data.commits) {
                if (commits.length >= limit)
                    break;
                commits.push({
                    sha: c.sha,
                    title: firstLine(c.commit.message),
                    author: c.author?.login ?? c.commit.author?.name ?? 'unknown',
                    url: c.html_url
                });
            }
            if (data.commits.length < perPage || commits.length >= limit)
                break;
        }
        return {
            status: first.status,
            aheadBy: first.ahead_by,
            behindBy: first.behind_by,
            commits,
            complete: commits.length >= first.total_commits
        };
    }
    /** Tag names pointing at `sha`; the listing stops after 1,000 tags (a bound on the time spent). */
    async tagsAt(sha) {
        const found = [];
        let seen = 0;
        for await (const { data } of this.github.paginate.iterator(this.github.rest.repos.listTags, {
            owner: this.owner,
            repo: this.repo,
            per_page: 100
        })) {
            for (const tag of data)
                if (tag.commit.sha === sha)
                    found.push(tag.name);
            seen += data.length;
            if (seen >= 1000)
                break;
        }
        return found;
    }
    /** How `sha` reached `branch`: a merged pull request into it (approved or not), or a direct push. */
    async provenance(sha, branch) {
        const pulls = await this.github.paginate(this.github.rest.repos.listPullRequestsAssociatedWithCommit, {
            owner: this.owner,
            repo: this.repo,
            commit_sha: sha,
            per_page: 100
        });
        const merged = pulls.filter(p => p.merged_at && p.base.ref === branch);
        if (merged.length === 0)
            return { kind: 'direct' };
        const verdicts = await Promise.all(merged.map(p => this.pullVerdict(p.number, p.html_url)));
        const approved = verdicts.find(v => v.approved);
        return approved ? { kind: 'reviewed', pull: approved } : { kind: 'unapproved', pull: verdicts[0] };
    }
    pullVerdict(number, url) {
        let verdict = this.pullVerdicts.get(number);
        if (!verdict) {
            verdict = this.github
                .paginate(this.github.rest.pulls.listReviews, {
                owner: this.owner,
                repo: this.repo,
                pull_number: number,
                per_page: 100
            })
                .then(reviews => ({ number, url, ...reviewVerdict(reviews) }));
            this.pullVerdicts.set(number, verdict);
        }
        return verdict;
    }
}

var changes = /*#__PURE__*/Object.freeze({
    __proto__: null,
    ChangeReader: ChangeReader
});

/**
 * The kubectl on this machine's PATH, the one the deploy job will use: `kubectl version --client -o json`,
 * bounded to 5 s. Undefined when there is none, it fails, or it prints something else.
 */
function kubectlClientVersion() {
    return new Promise(resolve => {
        execFile('kubectl', ['version', '--client', '-o', 'json'], { timeout: 5000 }, (error, stdout) => {
            if (error)
                return resolve(undefined);
            try {
                resolve(JSON.parse(stdout).clientVersion?.gitVersion);
            }
            catch {
                resolve(undefined);
            }
        });
    });
}

var kubectl = /*#__PURE__*/Object.freeze({
    __proto__: null,
    kubectlClientVersion: kubectlClientVersion
});

export { TOOL_NAME, TOOL_VERSION, UsageError, readJsonReport, recordOf, renderJson, renderMarkdown, renderText, runPreflight, runVerify };

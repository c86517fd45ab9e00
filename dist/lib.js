import { performance } from 'node:perf_hooks';
import { readFileSync, rmSync, statSync, mkdtempSync, mkdirSync, writeFileSync, readdirSync, lstatSync } from 'node:fs';
import { join, sep, relative, isAbsolute } from 'node:path';
import { tmpdir } from 'node:os';
import { parseAllDocuments } from 'yaml';
import { parse, TomlError } from 'smol-toml';
import { inflateRawSync, crc32 } from 'node:zlib';
import AdmZip from 'adm-zip';

/**
 * Error types that cross module boundaries. Each message says what is wrong and how to fix it;
 * the cause (if any) is kept on `cause`.
 */
/** Invalid options or inputs: the user must change how the tool is called. CLI exit code 2. */
class UsageError extends Error {
    name = 'UsageError';
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
 * Parses bundle files (YAML multi-document, JSON, TOML) into plain values, with every problem located
 * by file, line and column. Parsing never throws: problems are returned as findings.
 */
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
function firstLine(message) {
    return message
        .split('\n')[0]
        .replace(/ at line \d+, column \d+:?$/, '')
        .trim();
}
function parseYaml(file, text) {
    const result = { file, format: 'yaml', documents: [], errors: [], warnings: [] };
    const toFinding = (problem, severity) => {
        const pos = problem.linePos?.[0];
        return {
            severity,
            file,
            line: pos?.line,
            column: pos?.col,
            message: `${firstLine(problem.message)} (${problem.code})`
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
                message: `document ${index + 1}: ${firstLine(error instanceof Error ? error.message : String(error))}`
            });
        }
    });
    return result;
}
function parseJson(file, text) {
    const result = { file, format: 'json', documents: [], errors: [], warnings: [] };
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
    const result = { file, format: 'toml', documents: [], errors: [], warnings: [] };
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
                message: `invalid TOML: ${firstLine(error.message).replace(/^Invalid TOML document: /, '')}`
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
const utf8 = new TextDecoder('utf-8', { fatal: true });
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
        const text = utf8.decode(readFileSync(this.pathOf(file))).replace(/^\uFEFF/, '');
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
            result = { file, format, documents: [], errors: [finding], warnings: [] };
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
    return new Bundle({ kind: 'zip', path, root, files }, root, files, extracted.dir);
}

/** Checklist section names that checks report under (the seed's headings). */
const SECTION = {
    artifacts: '2 Hours Before Deployment › Artifact Preparation',
    codeReview: '24 Hours Before Deployment › Code Review & Validation',
    cluster: '4 Hours Before Deployment › Environment Verification'
};

/** Suggests the likely intended file for a missing one (case or .yml/.yaml mix-ups). */
function nearMiss(missing, present) {
    const canonical = (name) => name.toLowerCase().replace(/\.yml$/, '.yaml');
    return present.find(file => file !== missing && canonical(file) === canonical(missing));
}
/** The expected-files contract: every expected file present; extra files are reported, not blocking. */
const bundleFilesCheck = {
    id: 'bundle-files',
    title: 'Verify artifact contents',
    section: SECTION.artifacts,
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
                findings: missing.map(file => ({
                    severity: 'error',
                    message: `expected file ${file} is missing`
                })),
                hint: 'Check the CI job that builds deployment-artifacts, or adjust expected-files if the contract changed.',
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
};

function where(finding) {
    return [finding.file, finding.line, finding.column].filter(part => part !== undefined).join(':');
}
/** Every YAML, JSON and TOML file in the bundle parses, with each error located by file, line and column. */
const bundleSyntaxCheck = {
    id: 'bundle-syntax',
    title: 'Validate manifest and config syntax (YAML, JSON, TOML)',
    section: SECTION.artifacts,
    needs: ['bundle'],
    async run({ bundle }) {
        const parseable = bundle.files.filter(file => formatOf(file) !== undefined);
        if (parseable.length === 0) {
            return { status: 'fail', message: 'the bundle holds no YAML, JSON or TOML file to validate' };
        }
        const parsed = parseable.map(file => bundle.parsed(file));
        const errors = parsed.flatMap(p => p.errors);
        const warnings = parsed.flatMap(p => p.warnings);
        const badFiles = parsed.filter(p => p.errors.length > 0).map(p => p.file);
        const findings = [...errors, ...warnings];
        if (errors.length > 0) {
            return {
                status: 'fail',
                message: `${errors.length} syntax error(s) in ${badFiles.join(', ')}; first: ${where(errors[0])} ${errors[0].message}`,
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
};

/**
 * Stands for the cluster half of the gate (dry-run, rollout history, ConfigMap backup, health, access),
 * which this version does not implement yet. It never passes: a run that was not declared offline is
 * not verified against a cluster, so the policy keeps it at no-go (fail closed) until it is.
 */
const clusterCheck = {
    id: 'cluster',
    title: 'Cluster checks (dry-run, rollout history, ConfigMap backup, health, access)',
    section: SECTION.cluster,
    needs: ['cluster'],
    async run() {
        return {
            status: 'skip',
            skipReason: 'not-configured',
            message: 'cluster checks are not available in this version, so the cluster was not verified',
            hint: 'Set offline: true (CLI: --offline) to gate on the bundle alone; the decision then says it covers the bundle only.'
        };
    }
};

/** The Vapora defaults, in one place. Every adapter (action, CLI, library) falls back to these. */
const DEFAULT_NAMESPACE = 'vapora';
const DEFAULT_DEPLOYMENTS = ['vapora-backend', 'vapora-agents', 'vapora-llm-router'];
const DEFAULT_CONFIGMAP = 'vapora-config';
/** The seed checklist's "Should contain" list, as a pattern list (braces expand). */
const DEFAULT_EXPECTED_FILES_PATTERN = 'configmap.yaml, deployment.yaml, docker-compose.yml, vapora-{solo,multiuser,enterprise}.{toml,yaml,json}';
/** Bundle files with these roles, by name. */
const CONFIGMAP_FILE = 'configmap.yaml';
const DEPLOYMENT_FILE = 'deployment.yaml';
const COMPOSE_FILE = 'docker-compose.yml';

const isMap$2 = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** docker-compose.yml: a non-empty `services` map whose every service names an image, a build or a base. */
const composeCheck = {
    id: 'compose',
    title: 'docker-compose.yml defines runnable services',
    section: SECTION.artifacts,
    needs: ['bundle'],
    notApplicable({ options, bundle }) {
        return options.expectedFiles.includes(COMPOSE_FILE) || bundle?.has(COMPOSE_FILE)
            ? undefined
            : `the bundle has no ${COMPOSE_FILE}`;
    },
    async run({ bundle }) {
        if (!bundle.has(COMPOSE_FILE))
            return { status: 'fail', message: `${COMPOSE_FILE} is missing` };
        const parsed = bundle.parsed(COMPOSE_FILE);
        if (parsed.errors.length > 0) {
            return { status: 'fail', message: `${COMPOSE_FILE} does not parse (see bundle-syntax)` };
        }
        const doc = parsed.documents[0];
        const at = { file: COMPOSE_FILE, line: doc?.line ?? 1 };
        const services = isMap$2(doc?.value) ? doc.value.services : undefined;
        if (!isMap$2(services) || Object.keys(services).length === 0) {
            return {
                status: 'fail',
                message: `${COMPOSE_FILE} has no "services" map`,
                findings: [{ severity: 'error', ...at, message: 'no top-level "services" map' }],
                hint: 'A compose file needs `services:` with at least one service.'
            };
        }
        const findings = [];
        for (const [name, service] of Object.entries(services)) {
            if (!isMap$2(service)) {
                findings.push({ severity: 'error', ...at, message: `service "${name}" is not a mapping` });
                continue;
            }
            const image = service.image;
            const hasImage = typeof image === 'string' && image.trim() !== '';
            const hasBuild = typeof service.build === 'string' || isMap$2(service.build);
            if (!hasImage && !hasBuild && service.extends === undefined) {
                findings.push({
                    severity: 'error',
                    ...at,
                    message: `service "${name}" has neither "image" nor "build"`
                });
            }
            else if (hasImage && /:latest$/.test(image)) {
                findings.push({
                    severity: 'warning',
                    ...at,
                    message: `service "${name}" uses ${image}: pin a version`
                });
            }
        }
        const errors = findings.filter(f => f.severity === 'error');
        const details = findings.map(f => `${f.severity}: ${f.message}`);
        const count = Object.keys(services).length;
        if (errors.length > 0) {
            return {
                status: 'fail',
                message: errors.map(f => f.message).join('; '),
                details,
                findings,
                hint: 'Give every service an `image:` (or a `build:` context).'
            };
        }
        if (findings.length > 0)
            return { status: 'warn', message: `${count} services; ${findings[0].message}`, details, findings };
        return {
            status: 'pass',
            message: `${count} services, each with an image or build (${Object.keys(services).join(', ')})`
        };
    }
};

/**
 * Compares the same configuration written in several formats. Values are first brought to a common
 * model: TOML has no null, so null/absent are the same; TOML dates become their ISO text; numbers compare
 * by value (TOML 8001 and JSON 8001.0 are the same number).
 */
function normalise(value) {
    if (value === null || value === undefined)
        return null;
    if (value instanceof Date)
        return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
    if (typeof value === 'bigint')
        return Number(value);
    if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return value.map(normalise);
    if (typeof value === 'object') {
        const out = {};
        for (const key of Object.keys(value).sort()) {
            const item = normalise(value[key]);
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
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const NOT_CONFIG = new Set([CONFIGMAP_FILE, DEPLOYMENT_FILE, COMPOSE_FILE]);
const FORMAT_ORDER = ['toml', 'yaml', 'json'];
const MAX_PATHS_SHOWN = 25;
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
/**
 * "All 3 modes validate": for each mode, the TOML, YAML and JSON files must describe the same data.
 * Any difference is a blocking failure listing the differing key paths and (redacted) values.
 */
const configModesCheck = {
    id: 'config-modes',
    title: 'Verify all 3 modes validate (TOML = YAML = JSON for each mode)',
    section: SECTION.codeReview,
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
        const failedModes = [];
        const differing = {};
        for (const stem of stems) {
            const files = (present.get(stem) ?? []).sort(byFormatOrder);
            const missing = (expected.get(stem) ?? []).filter(f => !bundle.has(f));
            const unparsed = files.filter(f => bundle.parsed(f).errors.length > 0);
            if (missing.length > 0 || unparsed.length > 0 || files.length < 2) {
                failedModes.push(stem);
                const why = [...missing.map(f => `${f} missing`), ...unparsed.map(f => `${f} does not parse`)];
                details.push(`${stem}: cannot compare (${why.join(', ') || 'fewer than two formats present'})`);
                continue;
            }
            const values = files.map(f => ({ file: f, value: normalise(bundle.parsed(f).documents[0]?.value) }));
            const reference = values[0];
            const paths = new Map();
            for (const other of values.slice(1)) {
                for (const path of diffPaths(reference.value, other.value))
                    paths.set(formatPath(path), path);
            }
            if (paths.size === 0) {
                details.push(`${stem}: ${files.map(f => formatOf(f)).join(' = ')} ✓`);
                continue;
            }
            failedModes.push(stem);
            differing[stem] = [...paths.keys()];
            details.push(`${stem}: ${files.map(f => formatOf(f)).join(', ')} differ at ${paths.size} key path(s)`);
            for (const [shown, path] of [...paths].slice(0, MAX_PATHS_SHOWN)) {
                const valuesShown = values.map(v => `${formatOf(v.file)}=${showValue(path, valueAt(v.value, path))}`);
                details.push(`  ${shown || '(document root)'}: ${valuesShown.join(', ')}`);
            }
            if (paths.size > MAX_PATHS_SHOWN)
                details.push(`  … and ${paths.size - MAX_PATHS_SHOWN} more`);
        }
        if (failedModes.length > 0) {
            const summary = failedModes
                .map(stem => differing[stem]
                ? `${stem} differs at ${differing[stem].slice(0, 5).join(', ')}${differing[stem].length > 5 ? ', …' : ''}`
                : `${stem} cannot be compared`)
                .join('; ');
            return {
                status: 'fail',
                message: `formats disagree: ${summary}`,
                details,
                findings: failedModes.flatMap(stem => (present.get(stem) ?? []).map(file => ({
                    severity: 'error',
                    file,
                    message: `${stem}: formats disagree or cannot be compared`
                }))),
                hint: 'The TOML, YAML and JSON of a mode must be generated from one source; regenerate the bundle.',
                data: { differing }
            };
        }
        return {
            status: 'pass',
            message: `${stems.length} modes agree across formats (${stems.join(', ')})`,
            details
        };
    }
};

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
const isMap$1 = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/**
 * Every object in the file's documents (a `kind: List` contributes its items). Documents missing
 * apiVersion, kind or metadata.name become error findings instead of objects.
 */
function kubeObjectsIn(parsed) {
    const objects = [];
    const problems = [];
    const visit = (value, line, label) => {
        const problem = (message) => {
            problems.push({ severity: 'error', file: parsed.file, line, message: `${label}: ${message}` });
        };
        if (!isMap$1(value))
            return problem('is not a Kubernetes object (expected a mapping)');
        const { apiVersion, kind, metadata } = value;
        if (kind === 'List' && Array.isArray(value.items)) {
            value.items.forEach((item, i) => visit(item, line, `${label} item ${i + 1}`));
            return;
        }
        const missing = [
            typeof apiVersion === 'string' && apiVersion ? undefined : 'apiVersion',
            typeof kind === 'string' && kind ? undefined : 'kind',
            isMap$1(metadata) && typeof metadata.name === 'string' && metadata.name ? undefined : 'metadata.name'
        ].filter(Boolean);
        if (missing.length > 0)
            return problem(`missing ${missing.join(', ')}`);
        const meta = metadata;
        const namespace = meta.namespace;
        if (namespace !== undefined && typeof namespace !== 'string')
            return problem('metadata.namespace is not a string');
        objects.push({
            apiVersion: apiVersion,
            kind: kind,
            name: meta.name,
            namespace: namespace === '' ? undefined : namespace,
            clusterScoped: CLUSTER_SCOPED.has(kind),
            file: parsed.file,
            line,
            raw: value
        });
    };
    for (const doc of parsed.documents)
        visit(doc.value, doc.line, `document ${doc.index + 1}`);
    return { objects, problems };
}

/**
 * kubectl reads manifests as YAML 1.1 (sigs.k8s.io/yaml on go-yaml v2), where unquoted yes/no/on/off/y/n
 * are booleans; YAML 1.2 (what we parse with) reads them as strings. The same manifest can therefore say
 * `ENABLED: "yes"` to us and `ENABLED: true` to the server. This finds every such value.
 */
const isContainer = (value) => typeof value === 'object' && value !== null;
function walk(a, b, path, out) {
    if (typeof a === 'string' && typeof b === 'boolean')
        return out(path, a, b);
    if (!isContainer(a) || !isContainer(b))
        return;
    for (const key of Object.keys(a)) {
        const index = Array.isArray(a) ? Number(key) : key;
        walk(a[key], b[key], [...path, index], out);
    }
}
function yaml11Booleans(text, documents) {
    const readings = [];
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
        walk(doc.value, value, [], (path, text, kubectlValue) => readings.push({ index: doc.index, path, text, kubectlValue }));
    }
    return readings;
}

const MANIFEST_FILES = [CONFIGMAP_FILE, DEPLOYMENT_FILE];
/** API versions the server no longer serves (removed in Kubernetes 1.16). */
const REMOVED_DEPLOYMENT_APIS = new Set(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']);
const isMap = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
function checkDeployment(obj, problem, warn) {
    if (REMOVED_DEPLOYMENT_APIS.has(obj.apiVersion)) {
        problem(`uses apiVersion ${obj.apiVersion}, which the server no longer serves: use apps/v1`);
    }
    const spec = isMap(obj.raw.spec) ? obj.raw.spec : undefined;
    const template = spec && isMap(spec.template) ? spec.template : undefined;
    const matchLabels = spec && isMap(spec.selector) && isMap(spec.selector.matchLabels) ? spec.selector.matchLabels : {};
    const templateLabels = template && isMap(template.metadata) && isMap(template.metadata.labels) ? template.metadata.labels : {};
    if (!spec || !isMap(spec.selector))
        problem('has no spec.selector');
    for (const [key, value] of Object.entries(matchLabels)) {
        if (templateLabels[key] !== value) {
            problem(`spec.selector.matchLabels ${key}=${String(value)} is not among spec.template.metadata.labels`);
        }
    }
    const podSpec = template && isMap(template.spec) ? template.spec : undefined;
    const containers = podSpec && Array.isArray(podSpec.containers) ? podSpec.containers : [];
    if (containers.length === 0)
        problem('has no containers in spec.template.spec.containers');
    const names = new Set();
    containers.forEach((container, i) => {
        if (!isMap(container))
            return problem(`container #${i + 1} is not a mapping`);
        const name = typeof container.name === 'string' ? container.name : '';
        if (!name)
            problem(`container #${i + 1} has no name`);
        if (names.has(name))
            problem(`container name "${name}" is used twice`);
        names.add(name);
        const image = container.image;
        if (typeof image !== 'string' || image.trim() === '')
            return problem(`container "${name}" has no image`);
        const lastSegment = image.split('/').pop() ?? '';
        if (!image.includes('@') && (!lastSegment.includes(':') || lastSegment.endsWith(':latest'))) {
            warn(`container "${name}" image ${image} is not pinned to a version: a rollback could not restore it`);
        }
    });
}
function checkConfigMap(obj, problem) {
    for (const field of ['data', 'binaryData']) {
        const data = obj.raw[field];
        if (data === undefined || data === null)
            continue;
        if (!isMap(data)) {
            problem(`${field} must be a mapping of keys to strings`);
            continue;
        }
        for (const [key, value] of Object.entries(data)) {
            if (typeof value !== 'string') {
                problem(`${field}.${key} is a ${Array.isArray(value) ? 'list' : typeof value}; ConfigMap values must be strings (quote it)`);
            }
            else if (field === 'binaryData' && !/^[A-Za-z0-9+/]*={0,2}$/.test(value.replace(/\s/g, ''))) {
                problem(`binaryData.${key} is not base64`);
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
const manifestsCheck = {
    id: 'manifests',
    title: 'Manifests are sane (objects, names, namespaces)',
    section: SECTION.artifacts,
    needs: ['bundle'],
    notApplicable({ options, bundle }) {
        const relevant = MANIFEST_FILES.filter(f => options.expectedFiles.includes(f) || bundle?.has(f));
        return relevant.length === 0 ? 'the bundle has no configmap.yaml or deployment.yaml' : undefined;
    },
    async run({ options, bundle }) {
        const findings = [];
        const unreadable = [];
        const objects = [];
        for (const file of MANIFEST_FILES) {
            if (!bundle.has(file)) {
                if (options.expectedFiles.includes(file))
                    unreadable.push(`${file} (missing)`);
                continue;
            }
            const parsed = bundle.parsed(file);
            if (parsed.errors.length > 0) {
                unreadable.push(`${file} (syntax errors)`);
                continue;
            }
            const { objects: found, problems } = kubeObjectsIn(parsed);
            objects.push(...found);
            findings.push(...problems);
            for (const reading of yaml11Booleans(bundle.text(file), parsed.documents)) {
                const doc = parsed.documents.find(d => d.index === reading.index);
                const kind = doc?.value?.kind;
                // A ConfigMap value that kubectl turns into a boolean is rejected by the server; elsewhere it is
                // a silent change of meaning that deserves a look.
                const inConfigMapData = kind === 'ConfigMap' && (reading.path[0] === 'data' || reading.path[0] === 'binaryData');
                findings.push({
                    severity: inConfigMapData ? 'error' : 'warning',
                    file,
                    line: doc?.line,
                    message: `document ${reading.index + 1}: ${formatPath(reading.path)}: ${reading.text} is the string "${reading.text}" in YAML 1.2 but the boolean ${reading.kubectlValue} to kubectl (YAML 1.1); quote it`
                });
            }
        }
        const seen = new Map();
        for (const obj of objects) {
            const at = { file: obj.file, line: obj.line };
            const problem = (message) => {
                findings.push({ severity: 'error', ...at, message: `${obj.kind} ${obj.name}: ${message}` });
            };
            const warn = (message) => {
                findings.push({ severity: 'warning', ...at, message: `${obj.kind} ${obj.name}: ${message}` });
            };
            if (obj.namespace !== undefined && obj.namespace !== options.namespace && !obj.clusterScoped) {
                problem(`metadata.namespace is "${obj.namespace}" but the target namespace is "${options.namespace}"`);
            }
            if (obj.kind === 'Namespace' && obj.name !== options.namespace) {
                problem(`the bundle creates namespace "${obj.name}" but the target namespace is "${options.namespace}"`);
            }
            const identity = `${obj.apiVersion.split('/')[0]}/${obj.kind}/${obj.namespace ?? options.namespace}/${obj.name}`;
            const first = seen.get(identity);
            if (first)
                problem(`defined twice (first at ${first.file}:${first.line})`);
            seen.set(identity, obj);
            if (obj.kind === 'Deployment')
                checkDeployment(obj, problem, warn);
            if (obj.kind === 'ConfigMap')
                checkConfigMap(obj, problem);
        }
        const inFile = (file, kind) => new Set(objects.filter(o => o.file === file && o.kind === kind).map(o => o.name));
        if (bundle.has(DEPLOYMENT_FILE) && !unreadable.some(u => u.startsWith(DEPLOYMENT_FILE))) {
            const deployments = inFile(DEPLOYMENT_FILE, 'Deployment');
            for (const name of options.deployments.filter(n => !deployments.has(n))) {
                findings.push({
                    severity: 'error',
                    file: DEPLOYMENT_FILE,
                    message: `Deployment ${name} is not in ${DEPLOYMENT_FILE}`
                });
            }
        }
        if (bundle.has(CONFIGMAP_FILE) && !unreadable.some(u => u.startsWith(CONFIGMAP_FILE))) {
            if (!inFile(CONFIGMAP_FILE, 'ConfigMap').has(options.configMap)) {
                findings.push({
                    severity: 'error',
                    file: CONFIGMAP_FILE,
                    message: `ConfigMap ${options.configMap} is not in ${CONFIGMAP_FILE}`
                });
            }
        }
        const errors = findings.filter(f => f.severity === 'error');
        const details = findings.map(f => `${f.file}${f.line ? `:${f.line}` : ''} ${f.severity}: ${f.message}`);
        if (unreadable.length > 0) {
            return {
                status: 'fail',
                message: `cannot check ${unreadable.join(', ')}${errors.length ? `; ${errors.length} problem(s) in the rest` : ''}`,
                details,
                findings
            };
        }
        const summary = `${objects.length} objects (${[...new Set(objects.map(o => o.kind))].join(', ')})`;
        if (errors.length > 0) {
            return {
                status: 'fail',
                message: `${errors.length} manifest problem(s): ${errors[0].message}${errors.length > 1 ? ' …' : ''}`,
                details,
                findings,
                hint: 'Fix the manifest generator; names and namespace come from the namespace/deployments/configmap options.'
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
};

/** Every check, in report order. `bundle-unpack` is reported by the engine itself, before these. */
const ALL_CHECKS = [
    bundleFilesCheck,
    bundleSyntaxCheck,
    manifestsCheck,
    configModesCheck,
    composeCheck,
    clusterCheck
];

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
/** Validates and completes `input`. Throws `UsageError` with a message that says how to fix it. */
function resolveOptions(input) {
    if (typeof input.bundlePath !== 'string' || input.bundlePath.trim() === '') {
        throw new UsageError('bundle: no bundle given. Pass the path of the deployment-artifacts .zip or of a directory holding its files.');
    }
    const namespace = checkName('namespace', (input.namespace ?? '').trim() || DEFAULT_NAMESPACE, 'label');
    const deployments = asList(input.deployments, DEFAULT_DEPLOYMENTS, false).map(name => checkName('deployments', name, 'subdomain'));
    const configMap = checkName('configmap', (input.configMap ?? '').trim() || DEFAULT_CONFIGMAP, 'subdomain');
    const expectedFiles = asList(input.expectedFiles, parsePatternList(DEFAULT_EXPECTED_FILES_PATTERN), true).map(file => checkRelativePath('expected-files', file));
    return {
        bundlePath: input.bundlePath.trim(),
        expectedFiles,
        namespace,
        deployments,
        configMap,
        offline: input.offline ?? false,
        limits: checkLimits(input.limits),
        workDir: input.workDir ?? tmpdir()
    };
}

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
/** Decides from results whose `blocking` flags were set with `isBlocking`. */
function decide(results, options) {
    const blocking = results.filter(r => r.blocking);
    const ran = results.filter(r => r.status !== 'skip');
    const reasons = blocking.map(r => `${r.id}: ${r.message}`);
    if (ran.length === 0)
        reasons.push('no check ran, so nothing was verified');
    const decision = blocking.length === 0 && ran.length > 0 ? 'go' : 'no-go';
    if (options.offline) {
        reasons.push('offline run: cluster and network checks were not run; this decision covers the bundle only');
    }
    return {
        decision,
        failedChecks: blocking.map(r => r.id),
        warnings: results.filter(r => r.status === 'warn').map(r => r.id),
        reasons,
        scope: options.offline ? 'bundle-only' : 'full'
    };
}

/** Kept equal to package.json's version by a unit test (bundles cannot read package.json at run time). */
const TOOL_NAME = 'vapora-preflight';
const TOOL_VERSION = '0.1.0';

/**
 * The engine: acquire the bundle, run the checks (concurrently, each behind its own error boundary),
 * let the policy decide, and return the report. No I/O beyond reading the bundle; no process exit.
 */
const OUT_OF_SCOPE_OFFLINE = new Set(['cluster', 'network']);
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
/** Runs one check, turning a throw into an `error` result: a broken check never crashes the run. */
async function runOne(check, ctx) {
    const started = performance.now();
    const outcome = await (async () => {
        if (ctx.options.offline && check.needs.some(need => OUT_OF_SCOPE_OFFLINE.has(need))) {
            return { status: 'skip', skipReason: 'offline', message: 'skipped: offline run (out of scope)' };
        }
        if (check.needs.includes('bundle') && !ctx.bundle) {
            return {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                message: 'not run: the bundle could not be read (see bundle-unpack)'
            };
        }
        const notApplicable = check.notApplicable?.(ctx);
        if (notApplicable)
            return { status: 'skip', skipReason: 'not-applicable', message: `not applicable: ${notApplicable}` };
        try {
            return await check.run(ctx);
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
/** Runs `tasks` with at most `limit` in flight, keeping results in input order. */
async function pool(tasks, limit) {
    const results = new Array(tasks.length);
    let next = 0;
    const worker = async () => {
        while (next < tasks.length) {
            const index = next++;
            results[index] = await tasks[index]();
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
    return results;
}
const UNPACK_CHECK = {
    id: 'bundle-unpack',
    title: 'Download artifacts and unpack them safely',
    section: SECTION.artifacts
};
function openBundle(options) {
    const started = performance.now();
    try {
        const bundle = acquireBundle(options.bundlePath, options.expectedFiles, options.limits, options.workDir);
        const how = bundle.source.kind === 'zip' ? 'unpacked safely from zip' : 'read from directory';
        const outcome = { status: 'pass', message: `${bundle.files.length} files ${how}` };
        return { bundle, result: finish(UNPACK_CHECK, outcome, performance.now() - started) };
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
        return { result: finish(UNPACK_CHECK, outcome, performance.now() - started) };
    }
}
/**
 * Runs a preflight and returns its report. Throws only `UsageError` (invalid options); everything that
 * goes wrong with the bundle or a check is a result in the report, and the decision is then `no-go`.
 */
async function runPreflight(input, hooks = {}) {
    const options = resolveOptions(input);
    const startedAt = new Date();
    const t0 = performance.now();
    const opened = openBundle(options);
    hooks.onResult?.(opened.result);
    const bundleMs = performance.now() - t0;
    const ctx = { options, bundle: opened.bundle };
    try {
        const checks = hooks.checks ?? ALL_CHECKS;
        const results = await pool(checks.map(check => async () => {
            const result = await runOne(check, ctx);
            hooks.onResult?.(result);
            return result;
        }), hooks.concurrency ?? 8);
        const all = [opened.result, ...results];
        const verdict = decide(all, options);
        const totalMs = performance.now() - t0;
        return {
            version: 1,
            tool: { name: TOOL_NAME, version: TOOL_VERSION },
            decision: verdict.decision,
            scope: verdict.scope,
            reasons: verdict.reasons,
            failedChecks: verdict.failedChecks,
            warnings: verdict.warnings,
            startedAt: startedAt.toISOString(),
            finishedAt: new Date().toISOString(),
            durationMs: Math.round(totalMs),
            namespace: options.namespace,
            bundle: opened.bundle
                ? {
                    kind: opened.bundle.source.kind,
                    path: options.bundlePath,
                    // A zip's root is a temp dir that is gone after the run: only a directory's root means anything.
                    root: opened.bundle.source.kind === 'directory' ? opened.bundle.root : undefined,
                    files: [...opened.bundle.files]
                }
                : {
                    kind: options.bundlePath.toLowerCase().endsWith('.zip') ? 'zip' : 'directory',
                    path: options.bundlePath
                },
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
    }
}

/**
 * The seed's pre-deployment checklist (docs/operations/pre-deployment-checklist.md) as data.
 *
 * Every item has a stable `key`: reports, the tracking issue and later runs refer to items by key, so a
 * key never changes once released even if the wording does. An item is *automated* when it lists the
 * ids of the checks that verify it; otherwise it is *manual* and only a person can tick it.
 * `optional` marks items the seed qualifies with "if applicable", "if safe", "if available"…
 */
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
                        text: 'Run validation locally: nu scripts/validate-config.nu --mode enterprise',
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
                items: [
                    {
                        key: 'staging-cluster-access',
                        text: 'Access staging Kubernetes cluster: kubectl cluster-info',
                        checks: ['cluster-access']
                    },
                    {
                        key: 'staging-nodes-ready',
                        text: 'Verify cluster is healthy: kubectl get nodes (all Ready)',
                        checks: ['nodes-ready']
                    },
                    {
                        key: 'staging-namespace-exists',
                        text: 'Check namespace exists: kubectl get namespace vapora',
                        checks: ['namespace-exists']
                    },
                    {
                        key: 'staging-deployments',
                        text: 'Verify current deployments: kubectl get deployments -n vapora',
                        checks: ['deployments-available']
                    },
                    {
                        key: 'staging-configmap-current',
                        text: 'Check ConfigMap is up to date: kubectl get configmap -n vapora -o yaml | head -20',
                        checks: ['configmap-backup']
                    }
                ]
            },
            {
                title: 'Production Environment (if applicable)',
                optional: true,
                items: [
                    {
                        key: 'production-cluster-access',
                        text: 'Access production Kubernetes cluster: kubectl cluster-info',
                        checks: ['cluster-access']
                    },
                    {
                        key: 'production-nodes-ready',
                        text: 'Verify all nodes healthy: kubectl get nodes (all Ready)',
                        checks: ['nodes-ready']
                    },
                    {
                        key: 'production-capacity',
                        text: 'Check current resource usage: kubectl top nodes (not near capacity)',
                        checks: ['node-capacity']
                    },
                    {
                        key: 'production-deployments',
                        text: 'Verify current deployments: kubectl get deployments -n vapora',
                        checks: ['deployments-available']
                    },
                    {
                        key: 'production-pods-running',
                        text: 'Check pod status: kubectl get pods -n vapora (all Running)',
                        checks: ['pods-running']
                    },
                    {
                        key: 'production-recent-events',
                        text: "Verify recent events: kubectl get events -n vapora --sort-by='.lastTimestamp' | tail -10",
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
                        text: 'Verify services are responsive: /health (with token) and /api/projects',
                        checks: ['health-endpoint', 'api-endpoints']
                    },
                    {
                        key: 'logs-recent-errors',
                        text: 'Check logs for recent errors: kubectl logs deployment/vapora-backend and deployment/vapora-agents'
                    }
                ]
            },
            {
                title: 'Infrastructure Check',
                items: [
                    { key: 'storage-capacity', text: 'Verify storage is not near capacity: df -h /var/lib/vapora' },
                    {
                        key: 'database-health',
                        text: 'Check database health: kubectl exec -n vapora <pod> -- surreal info'
                    },
                    { key: 'backups-recent', text: 'Verify backups are recent (within 24 hours)' },
                    {
                        key: 'tls-certificate-expiry',
                        text: 'Check SSL certificate expiration: openssl s_client -connect api.vapora.com:443',
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
                        text: 'Download artifacts from pipeline: deployment-artifacts.zip',
                        checks: ['artifact-download', 'bundle-unpack']
                    },
                    {
                        key: 'verify-artifact-contents',
                        text: 'Verify artifact contents: configmap.yaml, deployment.yaml, docker-compose.yml, vapora-{solo,multiuser,enterprise}.{toml,yaml,json}',
                        checks: ['bundle-unpack', 'bundle-files']
                    },
                    {
                        key: 'validate-manifest-syntax',
                        text: 'Validate manifest syntax (configmap.yaml, deployment.yaml)',
                        checks: ['bundle-syntax', 'manifests']
                    }
                ]
            },
            {
                title: 'Test in Staging',
                items: [
                    {
                        key: 'server-dry-run',
                        text: 'Perform dry-run deployment to staging cluster: kubectl apply --dry-run=server -n vapora',
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
                        text: 'Document current deployment revisions: kubectl rollout history (record the highest revision)',
                        checks: ['rollout-history']
                    },
                    {
                        key: 'configmap-backup',
                        text: 'Create backup of current ConfigMap: kubectl get configmap -n vapora vapora-config -o yaml',
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
                        text: 'Verify kubeconfig is valid and up to date: kubectl cluster-info, kubectl get nodes',
                        checks: ['cluster-access']
                    },
                    {
                        key: 'kubectl-version-skew',
                        text: 'Verify kubectl version compatibility (within 1 minor version of the server)',
                        checks: ['kubectl-version']
                    },
                    {
                        key: 'write-access',
                        text: 'Test write access to cluster: kubectl auth can-i create deployments --namespace=vapora',
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
                        text: 'Open second terminal for tailing logs: kubectl logs -f deployment/vapora-backend -n vapora'
                    },
                    {
                        key: 'rollback-commands-ready',
                        text: 'Have rollback commands ready: kubectl rollout undo for vapora-backend, vapora-agents, vapora-llm-router',
                        checks: ['rollout-history']
                    },
                    {
                        key: 'metrics-watch-ready',
                        text: 'Prepare metrics check script: watch kubectl top pods / get pods -n vapora'
                    }
                ]
            }
        ]
    },
    {
        key: 'success',
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
                        text: 'No pod restarts (restart counts not increasing)',
                        checks: ['verify-restarts']
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
        title: 'Post-Deployment Documentation',
        groups: [
            {
                title: 'After deployment completes, record',
                items: [
                    { key: 'post-start-time', text: 'Deployment start time (UTC)' },
                    { key: 'post-end-time', text: 'Deployment end time (UTC)' },
                    { key: 'post-duration', text: 'Total duration' },
                    { key: 'post-issues', text: 'Any issues encountered and resolution' },
                    { key: 'post-rollback', text: 'Rollback performed (Y/N)' },
                    { key: 'post-metrics', text: 'Metrics before/after (CPU, memory, latency, errors)' },
                    { key: 'post-team', text: 'Team members involved' },
                    { key: 'post-lessons', text: 'Blockers or lessons learned' }
                ]
            }
        ]
    }
];
/** All items in document order, with their full ids. */
function checklistItems() {
    return CHECKLIST.flatMap(section => section.groups.flatMap(group => group.items.map(item => ({
        ...item,
        id: `${section.key}.${item.key}`,
        section: section.title,
        group: group.title,
        automated: (item.checks?.length ?? 0) > 0,
        optional: item.optional ?? group.optional ?? false
    }))));
}

/** The verdict itself verifies "No critical issues found during testing". */
const DECISION_PSEUDO_CHECK = 'decision';
function resultsFor(item, report) {
    const byId = new Map(report.results.map(r => [r.id, r]));
    return (item.checks ?? []).flatMap(id => {
        if (id === DECISION_PSEUDO_CHECK) {
            const go = report.decision === 'go';
            const decision = {
                id,
                title: 'Go/no-go decision',
                section: '',
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
function itemStatus(item, report) {
    if (!item.automated)
        return { item, state: 'manual', ticked: false };
    const results = resultsFor(item, report);
    if (results.length === 0)
        return { item, state: 'not-run', ticked: false, note: 'not checked by this run' };
    const failed = results.filter(r => r.status === 'fail' || r.status === 'error');
    if (failed.length > 0)
        return { item, state: 'failed', ticked: false, note: failed.map(r => r.message).join('; ') };
    const skipped = results.filter(r => r.status === 'skip');
    if (skipped.length > 0)
        return { item, state: 'skipped', ticked: false, note: skipped.map(r => r.message).join('; ') };
    const warned = results.filter(r => r.status === 'warn');
    if (warned.length > 0)
        return { item, state: 'warning', ticked: true, note: warned.map(r => r.message).join('; ') };
    return { item, state: 'passed', ticked: true, note: results.map(r => r.message).join('; ') };
}
/** Every checklist item, in document order, with its state for this report. */
function checklistStatus(report) {
    return checklistItems().map(item => itemStatus(item, report));
}

/**
 * Text from a bundle (file names, keys, messages quoting values) ends up in Markdown that GitHub renders
 * and that later runs parse. Escaping keeps it from injecting HTML, fake item markers or table cells.
 */
function inline(text, max = 300) {
    const flat = text.replace(/\s*\n\s*/g, ' ').trim();
    const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
    return cut.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** `inline`, plus `|` escaped for table cells. */
function cell(text, max = 200) {
    return inline(text, max).replace(/\|/g, '\\|');
}

/**
 * Renders the checklist as GitHub task-list Markdown. Every item carries its stable key in an HTML
 * comment (`<!-- vapora-preflight:item=KEY -->`) so a later run can find it and merge people's ticks.
 */
const ITEM_MARKER_PREFIX = 'vapora-preflight:item=';
const ICON = {
    passed: '✅',
    warning: '⚠️',
    failed: '❌',
    skipped: '⏭️',
    'not-run': '',
    manual: ''
};
function renderItem(status) {
    const box = status.ticked ? '[x]' : '[ ]';
    const icon = ICON[status.state];
    const text = status.state === 'failed' ? `${icon} ${inline(status.item.text)}` : inline(status.item.text);
    const optional = status.item.optional ? ' _(if applicable)_' : '';
    let note = '';
    if (status.state === 'not-run')
        note = ' — _not checked by this run_';
    else if (status.state === 'manual')
        note = '';
    else if (status.note)
        note = ` — ${status.state === 'failed' ? '' : `${icon} `}${inline(status.note, 240)}`;
    return `- ${box} ${text}${optional}${note} <!-- ${ITEM_MARKER_PREFIX}${status.item.id} -->`;
}
/** The whole checklist, grouped under the seed's headings. */
function renderChecklist(statuses) {
    const byId = new Map(statuses.map(s => [s.item.id, s]));
    const lines = [];
    for (const section of CHECKLIST) {
        lines.push(`### ${section.title}`, '');
        for (const group of section.groups) {
            lines.push(`#### ${group.title}`, '');
            for (const item of group.items) {
                const status = byId.get(`${section.key}.${item.key}`);
                if (status)
                    lines.push(renderItem(status));
            }
            lines.push('');
        }
    }
    return lines.join('\n');
}

/** The human report: decision, why, results table, per-check details and the checklist. */
const STATUS_ICON = {
    pass: '✅ pass',
    warn: '⚠️ warn',
    fail: '❌ fail',
    skip: '⏭️ skip',
    error: '💥 error'
};
function renderResultsTable(results) {
    const rows = results.map(r => `| \`${r.id}\` | ${STATUS_ICON[r.status]} | ${r.blocking ? '**yes**' : 'no'} | ${cell(r.message)} | ${r.durationMs} ms |`);
    return ['| Check | Status | Blocks | Result | Time |', '|---|---|---|---|---|', ...rows].join('\n');
}
function renderDetails(results) {
    const interesting = results.filter(r => (r.details?.length ?? 0) > 0 || (r.hint && r.status !== 'pass'));
    return interesting
        .map(r => {
        const lines = (r.details ?? []).slice(0, 60).map(d => `- ${inline(d)}`);
        if ((r.details?.length ?? 0) > 60)
            lines.push(`- … ${r.details.length - 60} more`);
        if (r.hint && r.status !== 'pass')
            lines.push('', `**How to fix:** ${inline(r.hint)}`);
        return `<details${r.blocking ? ' open' : ''}><summary><code>${r.id}</code> — ${STATUS_ICON[r.status]}</summary>\n\n${lines.join('\n')}\n\n</details>`;
    })
        .join('\n');
}
function renderHeadline(report) {
    return report.decision === 'go' ? '🟢 GO' : '🔴 NO-GO';
}
/** The full Markdown report (used for the CLI, the job summary and, later, the tracking issue). */
function renderMarkdown(report) {
    const source = report.bundle
        ? `bundle \`${inline(report.bundle.path)}\` (${report.bundle.kind}${report.bundle.files ? `, ${report.bundle.files.length} files` : ''})`
        : 'no bundle';
    const parts = [
        `## ${renderHeadline(report)} — Vapora pre-deployment preflight`,
        '',
        `Namespace \`${report.namespace}\` · ${source} · ${(report.durationMs / 1000).toFixed(2)} s · ${report.tool.name} ${report.tool.version} · ${report.finishedAt}`,
        ''
    ];
    if (report.scope === 'bundle-only') {
        parts.push('> [!NOTE]', '> Offline run: cluster and network checks were not run. **This decision covers the bundle only.**', '');
    }
    const blocking = report.results.filter(r => r.blocking);
    if (report.decision === 'no-go') {
        parts.push('### Why no-go', '', ...report.reasons.filter(r => !r.startsWith('offline run')).map(r => `- ${inline(r)}`), '');
    }
    if (report.warnings.length > 0) {
        const warned = report.results.filter(r => r.status === 'warn');
        parts.push('### Warnings (not blocking)', '', ...warned.map(r => `- \`${r.id}\`: ${inline(r.message)}`), '');
    }
    parts.push('### Results', '', renderResultsTable(report.results), '');
    const details = renderDetails(blocking.length > 0 ? report.results : report.results.filter(r => r.status !== 'pass'));
    if (details)
        parts.push(details, '');
    parts.push('### Checklist', '', renderChecklist(checklistStatus(report)));
    return parts.join('\n');
}

function renderJson(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}

export { ALL_CHECKS, BundleError, CHECKLIST, DEFAULT_BUNDLE_LIMITS, ITEM_MARKER_PREFIX, TOOL_NAME, TOOL_VERSION, UsageError, checklistItems, checklistStatus, decide, isBlocking, renderChecklist, renderJson, renderMarkdown, renderResultsTable, resolveOptions, runPreflight };

'use strict';

var fs = require('node:fs');
var os = require('node:os');
var path = require('node:path');
var version$1 = require('./version-Sfzk9NQZ.js');
var http = require('node:http');
var https = require('node:https');
var http2 = require('node:http2');
var require$$0 = require('node:net');
var tls = require('node:tls');
var binaryReader = require('./binary-reader-pzagyX8A.js');
var kubeconfigText = require('./kubeconfig-text-BanJFULQ.js');
var preflight = require('./markdown-B3dz7ddV.js');
var child_process = require('node:child_process');
var require$$5 = require('url');
require('node:perf_hooks');
require('node:zlib');
require('fs');
require('path');
require('zlib');
require('crypto');
require('process');
require('buffer');

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
    const hasSlash = command.includes('/') || command.includes(path.sep);
    return {
        command,
        path: hasSlash && !path.isAbsolute(command) ? path.resolve(source.baseDir, command) : command,
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
                caData = fs.readFileSync(source.caFile).toString('base64');
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
        if (wireType === binaryReader.WireType.LengthDelimited) {
            if (!read(tag >>> 3))
                r.pos = endOf(r);
        }
        else if (wireType === binaryReader.WireType.Varint) {
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
    const r = new binaryReader.BinaryReader(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), utf8);
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
        if (field === 6 && wireType === binaryReader.WireType.Varint)
            answer.code = r.int32();
        else if (wireType !== binaryReader.WireType.LengthDelimited)
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
function sharedSecureContext(tls$1) {
    const { ca, cert, key, pfx, passphrase } = tls$1;
    try {
        return { secureContext: tls.createSecureContext({ ca, cert, key, pfx, passphrase }) };
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
        const { servername, ...tls$1 } = connectOptions;
        return new Promise((resolve, reject) => {
            const socket = tls.connect({
                ...tls$1,
                host,
                port: Number(this.server.port) || 443,
                // SNI names a host, never an address (as node:https does).
                servername: servername ?? (require$$0.isIP(host) ? undefined : host),
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
                throw new KubeApiError(`cannot read the API server's protobuf answer to ${req.path} (HTTP ${status}): ${version$1.describeError(error)}`, status, undefined, { cause: error });
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

// Silent about warnings, which quote the kubeconfig (see parseKubeconfig in src/kube/kubeconfig-text.ts).
const load$1 = text => preflight.distExports.parse(text, { merge: true, logLevel: 'error' });

const unused = what => { throw new Error(`vapora-preflight does not bundle client-node's undici (${what}): its API clients are not used`) };
class Agent { constructor() { unused('Agent'); } }
class ProxyAgent { constructor() { unused('ProxyAgent'); } }
function fetch() { return unused('fetch') }

function JSONPath() {
  throw new Error('the gcp and azure auth-providers were removed from kubectl in v1.26 and are not supported: use the exec credential plugin (gke-gcloud-auth-plugin, kubelogin) in the kubeconfig')
}

class AzureAuth {
    isAuthProvider(user) {
        if (!user || !user.authProvider) {
            return false;
        }
        return user.authProvider.name === 'azure';
    }
    async applyAuthentication(user, opts) {
        const token = this.getToken(user);
        if (token) {
            opts.headers['Authorization'] = `Bearer ${token}`;
        }
    }
    getToken(user) {
        const config = user.authProvider.config;
        if (this.isExpired(config)) {
            this.updateAccessToken(config);
        }
        return config['access-token'];
    }
    isExpired(config) {
        const token = config['access-token'];
        const expiry = config.expiry;
        const expiresOn = config['expires-on'];
        if (!token) {
            return true;
        }
        if (!expiry && !expiresOn) {
            return false;
        }
        const expiresOnDate = expiresOn ? new Date(parseInt(expiresOn, 10) * 1000) : undefined;
        const expiration = expiry ? Date.parse(expiry) : expiresOnDate.getTime();
        if (expiration < Date.now()) {
            return true;
        }
        return false;
    }
    updateAccessToken(config) {
        let cmd = config['cmd-path'];
        if (!cmd) {
            throw new Error('Token is expired!');
        }
        // Wrap cmd in quotes to make it cope with spaces in path
        cmd = `"${cmd}"`;
        const args = config['cmd-args'];
        if (args) {
            cmd = cmd + ' ' + args;
        }
        // TODO: Cache to file?
        // TODO: do this asynchronously
        let output;
        try {
            output = child_process.execSync(cmd);
        }
        catch (err) {
            throw new Error('Failed to refresh token: ' + err, { cause: err });
        }
        JSON.parse(output);
        const tokenPathKeyInConfig = config['token-key'];
        const expiryPathKeyInConfig = config['expiry-key'];
        // Format in file is {<query>}, so slice it out and add '$'
        '$' + tokenPathKeyInConfig.slice(1, -1);
        '$' + expiryPathKeyInConfig.slice(1, -1);
        config['access-token'] = JSONPath();
        config.expiry = JSONPath();
    }
}

const ActionOnInvalid = {
    THROW: 'throw',
    FILTER: 'filter',
};
function defaultNewConfigOptions() {
    return {
        onInvalidEntry: ActionOnInvalid.THROW,
    };
}
function newClusters(a, opts) {
    if (!Array.isArray(a)) {
        return [];
    }
    const options = Object.assign(defaultNewConfigOptions(), opts || {});
    return a.map(clusterIterator(options.onInvalidEntry)).filter(Boolean);
}
function exportCluster(cluster) {
    return {
        name: cluster.name,
        cluster: {
            server: cluster.server,
            'certificate-authority-data': cluster.caData,
            'certificate-authority': cluster.caFile,
            'insecure-skip-tls-verify': cluster.skipTLSVerify,
            'tls-server-name': cluster.tlsServerName,
            'proxy-url': cluster.proxyUrl,
        },
    };
}
function clusterIterator(onInvalidEntry) {
    return (elt, i, list) => {
        try {
            if (!elt.name) {
                throw new Error(`clusters[${i}].name is missing`);
            }
            if (!elt.cluster) {
                throw new Error(`clusters[${i}].cluster is missing`);
            }
            if (!elt.cluster.server) {
                throw new Error(`clusters[${i}].cluster.server is missing`);
            }
            return {
                caData: elt.cluster['certificate-authority-data'],
                caFile: elt.cluster['certificate-authority'],
                name: elt.name,
                server: elt.cluster.server.replace(/\/$/, ''),
                skipTLSVerify: elt.cluster['insecure-skip-tls-verify'] === true,
                tlsServerName: elt.cluster['tls-server-name'],
                proxyUrl: elt.cluster['proxy-url'],
            };
        }
        catch (err) {
            switch (onInvalidEntry) {
                case ActionOnInvalid.FILTER:
                    return null;
                default:
                case ActionOnInvalid.THROW:
                    throw err;
            }
        }
    };
}
function newUsers(a, opts) {
    if (!Array.isArray(a)) {
        return [];
    }
    const options = Object.assign(defaultNewConfigOptions(), opts || {});
    return a.map(userIterator(options.onInvalidEntry)).filter(Boolean);
}
function exportUser(user) {
    return {
        name: user.name,
        user: {
            as: user.impersonateUser,
            'auth-provider': user.authProvider,
            'client-certificate-data': user.certData,
            'client-certificate': user.certFile,
            exec: user.exec,
            'client-key-data': user.keyData,
            'client-key': user.keyFile,
            token: user.token,
            password: user.password,
            username: user.username,
        },
    };
}
function userIterator(onInvalidEntry) {
    return (elt, i, list) => {
        try {
            if (!elt.name) {
                throw new Error(`users[${i}].name is missing`);
            }
            return {
                authProvider: elt.user ? elt.user['auth-provider'] : null,
                certData: elt.user ? elt.user['client-certificate-data'] : null,
                certFile: elt.user ? elt.user['client-certificate'] : null,
                exec: elt.user ? elt.user.exec : null,
                keyData: elt.user ? elt.user['client-key-data'] : null,
                keyFile: elt.user ? elt.user['client-key'] : null,
                name: elt.name,
                token: findToken(elt.user),
                password: elt.user ? elt.user.password : null,
                username: elt.user ? elt.user.username : null,
                impersonateUser: elt.user ? elt.user.as : null,
            };
        }
        catch (err) {
            switch (onInvalidEntry) {
                case ActionOnInvalid.FILTER:
                    return null;
                default:
                case ActionOnInvalid.THROW:
                    throw err;
            }
        }
    };
}
function findToken(user) {
    if (user) {
        if (user.token) {
            return user.token;
        }
        if (user['token-file']) {
            return fs.readFileSync(user['token-file']).toString();
        }
    }
}
function newContexts(a, opts) {
    if (!Array.isArray(a)) {
        return [];
    }
    const options = Object.assign(defaultNewConfigOptions(), opts || {});
    return a.map(contextIterator(options.onInvalidEntry)).filter(Boolean);
}
function exportContext(ctx) {
    return {
        name: ctx.name,
        context: ctx,
    };
}
function contextIterator(onInvalidEntry) {
    return (elt, i, list) => {
        try {
            if (!elt.name) {
                throw new Error(`contexts[${i}].name is missing`);
            }
            if (!elt.context) {
                throw new Error(`contexts[${i}].context is missing`);
            }
            if (!elt.context.cluster) {
                throw new Error(`contexts[${i}].context.cluster is missing`);
            }
            return {
                cluster: elt.context.cluster,
                name: elt.name,
                user: elt.context.user || undefined,
                namespace: elt.context.namespace || undefined,
            };
        }
        catch (err) {
            switch (onInvalidEntry) {
                case ActionOnInvalid.FILTER:
                    return null;
                default:
                case ActionOnInvalid.THROW:
                    throw err;
            }
        }
    };
}

class ExecAuth {
    constructor() {
        this.tokenCache = {};
        this.execFn = child_process.spawn;
    }
    isAuthProvider(user) {
        if (!user) {
            return false;
        }
        if (user.exec) {
            return true;
        }
        if (!user.authProvider) {
            return false;
        }
        return (user.authProvider.name === 'exec' || !!(user.authProvider.config && user.authProvider.config.exec));
    }
    async applyAuthentication(user, opts) {
        const credential = await this.getCredential(user);
        if (!credential) {
            return;
        }
        if (credential.status.clientCertificateData) {
            opts.cert = credential.status.clientCertificateData;
        }
        if (credential.status.clientKeyData) {
            opts.key = credential.status.clientKeyData;
        }
        const token = this.getToken(credential);
        if (token) {
            if (!opts.headers) {
                opts.headers = {};
            }
            opts.headers['Authorization'] = `Bearer ${token}`;
        }
    }
    getToken(credential) {
        if (!credential) {
            return null;
        }
        if (credential.status.token) {
            return credential.status.token;
        }
        return null;
    }
    async getCredential(user) {
        // TODO: Add a unit test for token caching.
        const cachedToken = this.tokenCache[user.name];
        if (cachedToken) {
            if (!cachedToken.status.expirationTimestamp) {
                return cachedToken;
            }
            const date = Date.parse(cachedToken.status.expirationTimestamp);
            if (date > Date.now()) {
                return cachedToken;
            }
            this.tokenCache[user.name] = null;
        }
        let exec = null;
        if (user.authProvider && user.authProvider.config) {
            exec = user.authProvider.config.exec;
        }
        if (user.exec) {
            exec = user.exec;
        }
        if (!exec) {
            return null;
        }
        if (!exec.command) {
            throw new Error('No command was specified for exec authProvider!');
        }
        let opts = {};
        if (exec.env) {
            const env = { ...process.env };
            exec.env.forEach((elt) => (env[elt.name] = elt.value));
            opts = { ...opts, env };
        }
        return new Promise((resolve, reject) => {
            let stdoutData = '';
            let stderrData = '';
            let savedError = undefined;
            const subprocess = this.execFn(exec.command, exec.args, opts);
            subprocess.stdout.setEncoding('utf8');
            subprocess.stderr.setEncoding('utf8');
            subprocess.stdout.on('data', (data) => {
                stdoutData += data;
            });
            subprocess.stderr.on('data', (data) => {
                stderrData += data;
            });
            subprocess.on('error', (error) => {
                savedError = error;
            });
            subprocess.on('close', (code) => {
                if (savedError) {
                    reject(savedError);
                    return;
                }
                if (code !== 0) {
                    reject(new Error(stderrData));
                    return;
                }
                try {
                    const obj = JSON.parse(stdoutData);
                    this.tokenCache[user.name] = obj;
                    resolve(obj);
                }
                catch (error) {
                    reject(error);
                }
            });
        });
    }
}

class FileAuth {
    constructor() {
        this.token = null;
        this.lastRead = null;
    }
    isAuthProvider(user) {
        return user.authProvider && user.authProvider.config && user.authProvider.config.tokenFile;
    }
    async applyAuthentication(user, opts) {
        if (this.token == null) {
            this.refreshToken(user.authProvider.config.tokenFile);
        }
        if (this.isTokenExpired()) {
            this.refreshToken(user.authProvider.config.tokenFile);
        }
        if (this.token) {
            opts.headers['Authorization'] = `Bearer ${this.token}`;
        }
    }
    refreshToken(filePath) {
        // TODO make this async?
        this.token = fs.readFileSync(filePath).toString('utf-8');
        this.lastRead = new Date();
    }
    isTokenExpired() {
        if (this.lastRead === null) {
            return true;
        }
        const now = new Date();
        const delta = (now.getTime() - this.lastRead.getTime()) / 1000;
        // For now just refresh every 60 seconds. This is imperfect since the token
        // could be out of date for this time, but it is unlikely and it's also what
        // the client-go library does.
        // TODO: Use file notifications instead?
        return delta > 60;
    }
}

class GoogleCloudPlatformAuth {
    isAuthProvider(user) {
        if (!user || !user.authProvider) {
            return false;
        }
        return user.authProvider.name === 'gcp';
    }
    async applyAuthentication(user, opts) {
        const token = this.getToken(user);
        if (token) {
            opts.headers['Authorization'] = `Bearer ${token}`;
        }
    }
    getToken(user) {
        const config = user.authProvider.config;
        if (this.isExpired(config)) {
            this.updateAccessToken(config);
        }
        return config['access-token'];
    }
    isExpired(config) {
        const token = config['access-token'];
        const expiry = config.expiry;
        if (!token) {
            return true;
        }
        if (!expiry) {
            return false;
        }
        const expiration = Date.parse(expiry);
        if (expiration < Date.now()) {
            return true;
        }
        return false;
    }
    updateAccessToken(config) {
        let cmd = config['cmd-path'];
        if (!cmd) {
            throw new Error('Token is expired!');
        }
        // Wrap cmd in quotes to make it cope with spaces in path
        cmd = `"${cmd}"`;
        const args = config['cmd-args'];
        if (args) {
            cmd = cmd + ' ' + args;
        }
        // TODO: Cache to file?
        // TODO: do this asynchronously
        let output;
        try {
            output = child_process.execSync(cmd);
        }
        catch (err) {
            throw new Error('Failed to refresh token: ' + err, { cause: err });
        }
        JSON.parse(output);
        const tokenPathKeyInConfig = config['token-key'];
        const expiryPathKeyInConfig = config['expiry-key'];
        // Format in file is {<query>}, so slice it out and add '$'
        '$' + tokenPathKeyInConfig.slice(1, -1);
        '$' + expiryPathKeyInConfig.slice(1, -1);
        config['access-token'] = JSONPath();
        config.expiry = JSONPath();
    }
}

class Observable {
    constructor(promise) {
        this.promise = promise;
    }
    toPromise() {
        return this.promise;
    }
    pipe(callback) {
        return new Observable(this.promise.then(callback));
    }
}
function from(promise) {
    return new Observable(promise);
}
function of(value) {
    return new Observable(Promise.resolve(value));
}

class IsomorphicFetchHttpLibrary {
    send(request) {
        request.getHttpMethod().toString();
        request.getBody();
        const resultPromise = fetch(request.getUrl(), {
            headers: request.getHeaders(),
            signal: request.getSignal(),
            dispatcher: request.getDispatcher(),
        }).then((resp) => {
            const headers = {};
            resp.headers.forEach((value, name) => {
                headers[name] = value;
            });
            const body = {
                text: () => resp.text(),
                binary: () => resp.buffer(),
                stream: () => resp.body
            };
            return new ResponseContext(resp.status, headers, body);
        });
        return from(resultPromise);
    }
}

function ensureAbsoluteUrl(url) {
    if (url.startsWith("http://") || url.startsWith("https://")) {
        return url;
    }
    throw new Error("You need to define an absolute base url for the server.");
}
/**
 * Represents an HTTP request context
 */
class RequestContext {
    /**
     * Creates the request context using a http method and request resource url
     *
     * @param url url of the requested resource
     * @param httpMethod http method
     */
    constructor(url, httpMethod) {
        this.httpMethod = httpMethod;
        this.headers = {};
        this.body = undefined;
        this.signal = undefined;
        this.dispatcher = undefined;
        this.url = new require$$5.URL(ensureAbsoluteUrl(url));
    }
    /*
     * Returns the url set in the constructor including the query string
     *
     */
    getUrl() {
        return this.url.toString().endsWith("/") ?
            this.url.toString().slice(0, -1)
            : this.url.toString();
    }
    /**
     * Replaces the url set in the constructor with this url.
     *
     */
    setUrl(url) {
        this.url = new require$$5.URL(ensureAbsoluteUrl(url));
    }
    /**
     * Sets the body of the http request either as a string or FormData
     *
     * Note that setting a body on a HTTP GET, HEAD, DELETE, CONNECT or TRACE
     * request is discouraged.
     * https://httpwg.org/http-core/draft-ietf-httpbis-semantics-latest.html#rfc.section.7.3.1
     *
     * @param body the body of the request
     */
    setBody(body) {
        this.body = body;
    }
    getHttpMethod() {
        return this.httpMethod;
    }
    getHeaders() {
        return this.headers;
    }
    getBody() {
        return this.body;
    }
    setQueryParam(name, value) {
        this.url.searchParams.set(name, value);
    }
    appendQueryParam(name, value) {
        this.url.searchParams.append(name, value);
    }
    /**
     * Sets a cookie with the name and value. NO check  for duplicate cookies is performed
     *
     */
    addCookie(name, value) {
        if (!this.headers["Cookie"]) {
            this.headers["Cookie"] = "";
        }
        this.headers["Cookie"] += name + "=" + value + "; ";
    }
    setHeaderParam(key, value) {
        // Delete any existing headers with case-insensitive matching keys
        const lowerKey = key.toLowerCase();
        for (const existingKey in this.headers) {
            if (existingKey.toLowerCase() === lowerKey) {
                delete this.headers[existingKey];
            }
        }
        this.headers[key] = value;
    }
    setSignal(signal) {
        this.signal = signal;
    }
    getSignal() {
        return this.signal;
    }
    setDispatcher(dispatcher) {
        this.dispatcher = dispatcher;
    }
    getDispatcher() {
        return this.dispatcher;
    }
}
class ResponseContext {
    constructor(httpStatusCode, headers, body) {
        this.httpStatusCode = httpStatusCode;
        this.headers = headers;
        this.body = body;
    }
    /**
     * Parse header value in the form `value; param1="value1"`
     *
     * E.g. for Content-Type or Content-Disposition
     * Parameter names are converted to lower case
     * The first parameter is returned with the key `""`
     */
    getParsedHeader(headerName) {
        const result = {};
        if (!this.headers[headerName]) {
            return result;
        }
        const parameters = this.headers[headerName].split(";");
        for (const parameter of parameters) {
            let [key, value] = parameter.split("=", 2);
            if (!key) {
                continue;
            }
            key = key.toLowerCase().trim();
            if (value === undefined) {
                result[""] = key;
            }
            else {
                value = value.trim();
                if (value.startsWith('"') && value.endsWith('"')) {
                    value = value.substring(1, value.length - 1);
                }
                result[key] = value;
            }
        }
        return result;
    }
    async getBodyAsFile() {
        const data = await this.body.binary();
        const fileName = this.getParsedHeader("content-disposition")["filename"] || "";
        return { data, name: fileName };
    }
    /**
     * Use a heuristic to get a body of unknown data structure.
     * Return as string if possible, otherwise as binary.
     */
    getBodyAsAny() {
        try {
            return this.body.text();
        }
        catch { }
        try {
            return this.body.binary();
        }
        catch { }
        return Promise.resolve(undefined);
    }
}

/**
 * Applies apiKey authentication to the request context.
 */
class BearerTokenAuthentication {
    /**
     * Configures this api key authentication with the necessary properties
     *
     * @param apiKey: The api key to be used for every request
     */
    constructor(apiKey) {
        this.apiKey = apiKey;
    }
    getName() {
        return "BearerToken";
    }
    applySecurityAuthentication(context) {
        context.setHeaderParam("authorization", this.apiKey);
    }
}
/**
 * Creates the authentication methods from a swagger description.
 *
 */
function configureAuthMethods(config) {
    let authMethods = {};
    if (!config) {
        return authMethods;
    }
    authMethods["default"] = config["default"];
    if (config["BearerToken"]) {
        authMethods["BearerToken"] = new BearerTokenAuthentication(config["BearerToken"]);
    }
    return authMethods;
}

class PromiseMiddlewareWrapper {
    constructor(middleware) {
        this.middleware = middleware;
    }
    pre(context) {
        return from(this.middleware.pre(context));
    }
    post(context) {
        return from(this.middleware.post(context));
    }
}

/**
 *
 * Represents the configuration of a server including its
 * url template and variable configuration based on the url.
 *
 */
class ServerConfiguration {
    constructor(url, variableConfiguration) {
        this.url = url;
        this.variableConfiguration = variableConfiguration;
    }
    /**
     * Sets the value of the variables of this server. Variables are included in
     * the `url` of this ServerConfiguration in the form `{variableName}`
     *
     * @param variableConfiguration a partial variable configuration for the
     * variables contained in the url
     */
    setVariables(variableConfiguration) {
        Object.assign(this.variableConfiguration, variableConfiguration);
    }
    getConfiguration() {
        return this.variableConfiguration;
    }
    getUrl() {
        let replacedUrl = this.url;
        for (const [key, value] of Object.entries(this.variableConfiguration)) {
            replacedUrl = replacedUrl.replaceAll(`{${key}}`, value);
        }
        return replacedUrl;
    }
    /**
     * Creates a new request context for this server using the url with variables
     * replaced with their respective values and the endpoint of the request appended.
     *
     * @param endpoint the endpoint to be queried on the server
     * @param httpMethod httpMethod to be used
     *
     */
    makeRequestContext(endpoint, httpMethod) {
        return new RequestContext(this.getUrl() + endpoint, httpMethod);
    }
}
const server1 = new ServerConfiguration("", {});

/**
 * Provide your `ConfigurationParameters` to this function to get a `Configuration`
 * object that can be used to configure your APIs (in the constructor or
 * for each request individually).
 *
 * If a property is not included in conf, a default is used:
 *    - baseServer: server1
 *    - httpApi: IsomorphicFetchHttpLibrary
 *    - middleware: []
 *    - promiseMiddleware: []
 *    - authMethods: {}
 *
 * @param conf partial configuration
 */
function createConfiguration(conf = {}) {
    const configuration = {
        baseServer: conf.baseServer !== undefined ? conf.baseServer : server1,
        httpApi: conf.httpApi || new IsomorphicFetchHttpLibrary(),
        middleware: conf.middleware || [],
        authMethods: configureAuthMethods(conf.authMethods)
    };
    if (conf.promiseMiddleware) {
        conf.promiseMiddleware.forEach(m => configuration.middleware.push(new PromiseMiddlewareWrapper(m)));
    }
    return configuration;
}

let loaded;
const load = () => (loaded ??= Promise.resolve().then(function () { return require('./build-Cj9--4F2.js'); }));
// The key client-node passes a custom fetch under; the real one is put in its place.
const customFetch = Symbol('customFetch');
async function discovery(server, clientId, metadata, auth, options) {
  const oidc = await load();
  if (options && customFetch in options) {
    const { [customFetch]: fetch, ...rest } = options;
    options = { ...rest, [oidc.customFetch]: fetch };
  }
  return oidc.discovery(server, clientId, metadata, auth, options)
}
async function refreshTokenGrant(...args) { return (await load()).refreshTokenGrant(...args) }

/* eslint-disable @typescript-eslint/strict-boolean-expressions */

var base64UrlEncoding = {
  chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  bits: 6
};
var base64url = {
  parse: function parse(string, opts) {
    return _parse(string, base64UrlEncoding, opts);
  },
  stringify: function stringify(data, opts) {
    return _stringify(data, base64UrlEncoding, opts);
  }
};
function _parse(string, encoding, opts) {
  var _opts$out;
  if (opts === void 0) {
    opts = {};
  }
  // Build the character lookup table:
  if (!encoding.codes) {
    encoding.codes = {};
    for (var i = 0; i < encoding.chars.length; ++i) {
      encoding.codes[encoding.chars[i]] = i;
    }
  }

  // The string must have a whole number of bytes:
  if (!opts.loose && string.length * encoding.bits & 7) {
    throw new SyntaxError('Invalid padding');
  }

  // Count the padding bytes:
  var end = string.length;
  while (string[end - 1] === '=') {
    --end;

    // If we get a whole number of bytes, there is too much padding:
    if (!opts.loose && !((string.length - end) * encoding.bits & 7)) {
      throw new SyntaxError('Invalid padding');
    }
  }

  // Allocate the output:
  var out = new ((_opts$out = opts.out) != null ? _opts$out : Uint8Array)(end * encoding.bits / 8 | 0);

  // Parse the data:
  var bits = 0; // Number of bits currently in the buffer
  var buffer = 0; // Bits waiting to be written out, MSB first
  var written = 0; // Next byte to write
  for (var _i = 0; _i < end; ++_i) {
    // Read one character from the string:
    var value = encoding.codes[string[_i]];
    if (value === undefined) {
      throw new SyntaxError('Invalid character ' + string[_i]);
    }

    // Append the bits to the buffer:
    buffer = buffer << encoding.bits | value;
    bits += encoding.bits;

    // Write out some bits if the buffer has a byte's worth:
    if (bits >= 8) {
      bits -= 8;
      out[written++] = 0xff & buffer >> bits;
    }
  }

  // Verify that we have received just enough bits:
  if (bits >= encoding.bits || 0xff & buffer << 8 - bits) {
    throw new SyntaxError('Unexpected end of data');
  }
  return out;
}
function _stringify(data, encoding, opts) {
  if (opts === void 0) {
    opts = {};
  }
  var _opts = opts,
    _opts$pad = _opts.pad,
    pad = _opts$pad === void 0 ? true : _opts$pad;
  var mask = (1 << encoding.bits) - 1;
  var out = '';
  var bits = 0; // Number of bits currently in the buffer
  var buffer = 0; // Bits waiting to be written out, MSB first
  for (var i = 0; i < data.length; ++i) {
    // Slurp data into the buffer:
    buffer = buffer << 8 | 0xff & data[i];
    bits += 8;

    // Write out as much as we can:
    while (bits > encoding.bits) {
      bits -= encoding.bits;
      out += encoding.chars[mask & buffer >> bits];
    }
  }

  // Partial character:
  if (bits) {
    out += encoding.chars[mask & buffer << encoding.bits - bits];
  }

  // Add padding characters until we hit a byte boundary:
  if (pad) {
    while (out.length * encoding.bits & 7) {
      out += '=';
    }
  }
  return out;
}

class OidcClient {
    constructor(c) {
        this.config = c;
    }
    async refresh(token) {
        const newToken = await refreshTokenGrant(this.config, token);
        return {
            id_token: newToken.id_token,
            refresh_token: newToken.refresh_token,
            expires_at: newToken.expiresIn(),
        };
    }
}
class OpenIDConnectAuth {
    constructor() {
        // public for testing purposes.
        this.currentTokenExpiration = 0;
    }
    static decodeJWT(token) {
        const parts = token.split('.');
        if (parts.length !== 3) {
            return null;
        }
        const header = JSON.parse(new TextDecoder().decode(base64url.parse(parts[0], { loose: true })));
        const payload = JSON.parse(new TextDecoder().decode(base64url.parse(parts[1], { loose: true })));
        const signature = parts[2];
        return {
            header,
            payload,
            signature,
        };
    }
    static expirationFromToken(token) {
        const jwt = OpenIDConnectAuth.decodeJWT(token);
        if (!jwt) {
            return 0;
        }
        return jwt.payload.exp;
    }
    isAuthProvider(user) {
        if (!user.authProvider) {
            return false;
        }
        return user.authProvider.name === 'oidc';
    }
    /**
     * Setup the authentication header for oidc authed clients
     * @param user user info
     * @param opts request options
     * @param overrideClient for testing, a preconfigured oidc client
     */
    async applyAuthentication(user, opts, overrideClient) {
        const token = await this.getToken(user, overrideClient);
        if (token) {
            opts.headers['Authorization'] = `Bearer ${token}`;
        }
    }
    async getToken(user, overrideClient) {
        if (!user.authProvider.config) {
            return null;
        }
        if (!user.authProvider.config['client-secret']) {
            user.authProvider.config['client-secret'] = '';
        }
        if (!user.authProvider.config || !user.authProvider.config['id-token']) {
            return null;
        }
        return this.refresh(user, overrideClient);
    }
    async refresh(user, overrideClient) {
        if (this.currentTokenExpiration === 0) {
            this.currentTokenExpiration = OpenIDConnectAuth.expirationFromToken(user.authProvider.config['id-token']);
        }
        if (Date.now() / 1000 > this.currentTokenExpiration) {
            if (!user.authProvider.config['client-id'] ||
                !user.authProvider.config['refresh-token'] ||
                !user.authProvider.config['idp-issuer-url']) {
                return null;
            }
            const client = overrideClient ? overrideClient : await this.getClient(user);
            const newToken = await client.refresh(user.authProvider.config['refresh-token']);
            user.authProvider.config['id-token'] = newToken.id_token;
            user.authProvider.config['refresh-token'] = newToken.refresh_token;
            this.currentTokenExpiration = newToken.expires_at;
        }
        return user.authProvider.config['id-token'];
    }
    async getClient(user) {
        // Check if custom IDP CA is provided
        const idpCaFile = user.authProvider.config['idp-certificate-authority'];
        const idpCaData = user.authProvider.config['idp-certificate-authority-data'];
        const ca = bufferFromFileOrString(idpCaFile, idpCaData);
        let configuration;
        if (ca) {
            // Create a custom https agent with the IDP CA certificate
            const agent = new https.Agent({ ca });
            // Create custom fetch function that uses the agent
            // We need to implement a proper fetch-compatible function using Node.js https module
            const customFetchFn = async (url, options) => {
                // Parse the URL
                const urlObj = new URL(url);
                // Create request options with the custom agent
                const requestOptions = {
                    hostname: urlObj.hostname,
                    port: urlObj.port,
                    path: urlObj.pathname + urlObj.search,
                    method: (options === null || options === void 0 ? void 0 : options.method) || 'GET',
                    headers: (options === null || options === void 0 ? void 0 : options.headers) || {},
                    agent: agent,
                };
                return new Promise((resolve, reject) => {
                    const req = https.request(requestOptions, (res) => {
                        const chunks = [];
                        res.on('data', (chunk) => {
                            chunks.push(chunk);
                        });
                        res.on('end', () => {
                            const body = Buffer.concat(chunks);
                            // Create a Response-like object that satisfies the Response interface
                            const response = {
                                ok: res.statusCode >= 200 && res.statusCode < 300,
                                status: res.statusCode,
                                statusText: res.statusMessage || '',
                                headers: new Headers(res.headers),
                                url: url,
                                type: 'basic',
                                redirected: false,
                                body: null,
                                bodyUsed: false,
                                json: async () => JSON.parse(body.toString()),
                                text: async () => body.toString(),
                                arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
                                blob: async () => {
                                    throw new Error('blob() not implemented');
                                },
                                formData: async () => {
                                    throw new Error('formData() not implemented');
                                },
                                bytes: async () => new Uint8Array(body),
                                clone: () => {
                                    throw new Error('clone() not implemented');
                                },
                            };
                            resolve(response);
                        });
                    });
                    req.on('error', reject);
                    if (options === null || options === void 0 ? void 0 : options.body) {
                        req.write(options.body);
                    }
                    req.end();
                });
            };
            // Use customFetch for discovery and subsequent requests
            configuration = await discovery(user.authProvider.config['idp-issuer-url'], user.authProvider.config['client-id'], undefined, undefined, { [customFetch]: customFetchFn });
        }
        else {
            configuration = await discovery(user.authProvider.config['idp-issuer-url'], user.authProvider.config['client-id']);
        }
        return new OidcClient(configuration);
    }
}

class SocksProxyAgent {}

const SocksClient = {
  createConnection() { throw new Error('vapora-preflight does not bundle client-node\'s SOCKS connector: its API clients are not used') }
};

class HttpProxyAgent {}
class HttpsProxyAgent {}

var version = "2.0.1";
var packagejson = {
	version: version};

function setHeaderMiddleware(key, value) {
    return {
        pre: (request) => {
            request.setHeaderParam(key, value);
            return of(request);
        },
        post: (response) => {
            return of(response);
        },
    };
}

const SERVICEACCOUNT_ROOT = '/var/run/secrets/kubernetes.io/serviceaccount';
const SERVICEACCOUNT_CA_PATH = SERVICEACCOUNT_ROOT + '/ca.crt';
const SERVICEACCOUNT_TOKEN_PATH = SERVICEACCOUNT_ROOT + '/token';
const SERVICEACCOUNT_NAMESPACE_PATH = SERVICEACCOUNT_ROOT + '/namespace';
const USER_AGENT_KEY = 'User-Agent';
function getUserAgent() {
    var _a;
    const version = (_a = packagejson.version) !== null && _a !== void 0 ? _a : '';
    return `kubernetes-client-javascript/${version}`;
}
// fs.existsSync was removed in node 10
function fileExists(filepath) {
    try {
        fs.accessSync(filepath);
        return true;
    }
    catch {
        // Ignore errors.
        return false;
    }
}
/**
 * Creates an undici-compatible connector function that tunnels connections
 * through a SOCKS proxy (v4/v4a/v5/v5h).
 */
function createSocksConnector(proxyUrl, tlsOptions) {
    const parsedProxy = new URL(proxyUrl);
    parsedProxy.hostname;
    parseInt(parsedProxy.port, 10) || 1080;
    parsedProxy.protocol.replace(':', '');
    return (options, callback) => {
        const { hostname, port, protocol, servername } = options;
        SocksClient.createConnection();
    };
}
class KubeConfig {
    // Optionally add additional external authenticators, you must do this
    // before you load a kubeconfig file that references them.
    addAuthenticator(authenticator) {
        this.custom_authenticators.push(authenticator);
    }
    constructor() {
        this.authenticators = [
            new AzureAuth(),
            new GoogleCloudPlatformAuth(),
            new ExecAuth(),
            new FileAuth(),
            new OpenIDConnectAuth(),
        ];
        // List of custom authenticators that can be added by the user
        this.custom_authenticators = [];
        // Cache for https.Agent / proxy agent instances, keyed by JSON.stringify([clusterName, userName]).
        // Reusing the same agent across WebSocket reconnections avoids opening a new TLS connection
        // (and its associated file descriptor) on every reconnect for the same cluster/user pair.
        this.agentCache = new Map();
        this.contexts = [];
        this.clusters = [];
        this.users = [];
    }
    getContexts() {
        return this.contexts;
    }
    getClusters() {
        return this.clusters;
    }
    getUsers() {
        return this.users;
    }
    getCurrentContext() {
        return this.currentContext;
    }
    setCurrentContext(context) {
        this.currentContext = context;
    }
    getContextObject(name) {
        if (!this.contexts) {
            return null;
        }
        return findObject(this.contexts, name, 'context');
    }
    getCurrentCluster() {
        const context = this.getCurrentContextObject();
        if (!context) {
            return null;
        }
        return this.getCluster(context.cluster);
    }
    getCluster(name) {
        return findObject(this.clusters, name, 'cluster');
    }
    getCurrentUser() {
        const ctx = this.getCurrentContextObject();
        if (!ctx) {
            return null;
        }
        return this.getUser(ctx.user);
    }
    getUser(name) {
        return findObject(this.users, name, 'user');
    }
    loadFromFile(file, opts) {
        const rootDirectory = path.dirname(file);
        this.loadFromString(fs.readFileSync(file).toString('utf-8'), opts);
        this.makePathsAbsolute(rootDirectory);
    }
    async applyToHTTPSOptions(opts) {
        const user = this.getCurrentUser();
        const cluster = this.getCurrentCluster();
        await this.applyOptions(opts);
        if (user && user.username) {
            // The ws docs say that it accepts anything that https.RequestOptions accepts,
            // but Typescript doesn't understand that idea (yet) probably could be fixed in
            // the typings, but for now just cast to any
            opts.auth = `${user.username}:${user.password}`;
        }
        const agentOptions = {};
        // Copy AgentOptions from RequestOptions
        agentOptions.ca = opts.ca;
        agentOptions.cert = opts.cert;
        agentOptions.key = opts.key;
        agentOptions.pfx = opts.pfx;
        agentOptions.passphrase = opts.passphrase;
        // Only set rejectUnauthorized if explicitly configured. When not set, fetch will use NODE_TLS_REJECT_UNAUTHORIZED env var
        if (opts.rejectUnauthorized !== undefined) {
            agentOptions.rejectUnauthorized = opts.rejectUnauthorized;
        }
        // The ws docs say that it accepts anything that https.RequestOptions accepts,
        // but Typescript doesn't understand that idea (yet) probably could be fixed in
        // the typings, but for now just cast to any
        agentOptions.timeout = opts.timeout;
        agentOptions.servername = opts.servername;
        agentOptions.ciphers = opts.ciphers;
        agentOptions.honorCipherOrder = opts.honorCipherOrder;
        agentOptions.ecdhCurve = opts.ecdhCurve;
        agentOptions.clientCertEngine = opts.clientCertEngine;
        agentOptions.crl = opts.crl;
        agentOptions.dhparam = opts.dhparam;
        agentOptions.secureOptions = opts.secureOptions;
        agentOptions.secureProtocol = opts.secureProtocol;
        agentOptions.sessionIdContext = opts.sessionIdContext;
        opts.agent = this.createAgent(cluster, agentOptions);
    }
    /**
     * Applies SecurityAuthentication to RequestContext of an API Call from API Client
     * @param context
     */
    async applySecurityAuthentication(context) {
        const cluster = this.getCurrentCluster();
        const user = this.getCurrentUser();
        const agentOptions = {};
        const httpsOptions = {};
        await this.applyOptions(httpsOptions);
        if (user && user.username) {
            const auth = Buffer.from(`${user.username}:${user.password}`).toString('base64');
            context.setHeaderParam('Authorization', `Basic ${auth}`);
        }
        // Copy headers from httpsOptions to RequestContext
        const headers = httpsOptions.headers || {};
        Object.entries(headers).forEach(([key, value]) => {
            context.setHeaderParam(key, `${value}`);
        });
        // Copy AgentOptions from RequestOptions
        agentOptions.ca = httpsOptions.ca;
        agentOptions.cert = httpsOptions.cert;
        agentOptions.key = httpsOptions.key;
        agentOptions.pfx = httpsOptions.pfx;
        agentOptions.passphrase = httpsOptions.passphrase;
        // Only set rejectUnauthorized if explicitly configured. When not set, fetch will use NODE_TLS_REJECT_UNAUTHORIZED env var
        if (httpsOptions.rejectUnauthorized !== undefined) {
            agentOptions.rejectUnauthorized = httpsOptions.rejectUnauthorized;
        }
        if (httpsOptions.servername !== undefined) {
            agentOptions.servername = httpsOptions.servername;
        }
        const dispatcher = this.createDispatcher(cluster, agentOptions);
        if (dispatcher !== undefined) {
            context.setDispatcher(dispatcher);
        }
    }
    /**
     * Returns name of this security authentication method
     * @returns string
     */
    getName() {
        return 'kubeconfig authentication';
    }
    loadFromString(config, opts) {
        const obj = load$1(config);
        this.clusters = newClusters(obj.clusters, opts);
        this.contexts = newContexts(obj.contexts, opts);
        this.users = newUsers(obj.users, opts);
        this.currentContext = obj['current-context'];
    }
    loadFromOptions(options) {
        this.clusters = options.clusters;
        this.contexts = options.contexts;
        this.users = options.users;
        this.currentContext = options.currentContext;
    }
    loadFromClusterAndUser(cluster, user) {
        this.clusters = [cluster];
        this.users = [user];
        this.currentContext = 'loaded-context';
        this.contexts = [
            {
                cluster: cluster.name,
                user: user.name,
                name: this.currentContext,
            },
        ];
    }
    loadFromCluster(pathPrefix = '') {
        const host = process.env.KUBERNETES_SERVICE_HOST;
        const port = process.env.KUBERNETES_SERVICE_PORT;
        const clusterName = 'inCluster';
        const userName = 'inClusterUser';
        const contextName = 'inClusterContext';
        let scheme = 'https';
        if (port === '80' || port === '8080' || port === '8001') {
            scheme = 'http';
        }
        // Wrap raw IPv6 addresses in brackets.
        let serverHost = host;
        if (host && require$$0.isIPv6(host)) {
            serverHost = `[${host}]`;
        }
        this.clusters = [
            {
                name: clusterName,
                caFile: `${pathPrefix}${SERVICEACCOUNT_CA_PATH}`,
                server: `${scheme}://${serverHost}:${port}`,
                skipTLSVerify: false,
            },
        ];
        this.users = [
            {
                name: userName,
                authProvider: {
                    name: 'tokenFile',
                    config: {
                        tokenFile: `${pathPrefix}${SERVICEACCOUNT_TOKEN_PATH}`,
                    },
                },
            },
        ];
        const namespaceFile = `${pathPrefix}${SERVICEACCOUNT_NAMESPACE_PATH}`;
        let namespace;
        if (fileExists(namespaceFile)) {
            namespace = fs.readFileSync(namespaceFile).toString('utf-8');
        }
        this.contexts = [
            {
                cluster: clusterName,
                name: contextName,
                user: userName,
                namespace,
            },
        ];
        this.currentContext = contextName;
    }
    mergeConfig(config, preserveContext = false) {
        if (!preserveContext && config.currentContext) {
            this.currentContext = config.currentContext;
        }
        config.clusters.forEach((cluster) => {
            this.addCluster(cluster);
        });
        config.users.forEach((user) => {
            this.addUser(user);
        });
        config.contexts.forEach((ctx) => {
            this.addContext(ctx);
        });
    }
    addCluster(cluster) {
        if (!this.clusters) {
            this.clusters = [];
        }
        this.clusters.forEach((c, ix) => {
            if (c.name === cluster.name) {
                throw new Error(`Duplicate cluster: ${c.name}`);
            }
        });
        this.clusters.push(cluster);
    }
    addUser(user) {
        if (!this.users) {
            this.users = [];
        }
        this.users.forEach((c, ix) => {
            if (c.name === user.name) {
                throw new Error(`Duplicate user: ${c.name}`);
            }
        });
        this.users.push(user);
    }
    addContext(ctx) {
        if (!this.contexts) {
            this.contexts = [];
        }
        this.contexts.forEach((c, ix) => {
            if (c.name === ctx.name) {
                throw new Error(`Duplicate context: ${c.name}`);
            }
        });
        this.contexts.push(ctx);
    }
    loadFromDefault(opts, contextFromStartingConfig = false, platform = process.platform) {
        if (process.env.KUBECONFIG && process.env.KUBECONFIG.length > 0) {
            const files = process.env.KUBECONFIG.split(path.delimiter).filter((filename) => filename);
            this.loadFromFile(files[0], opts);
            for (let i = 1; i < files.length; i++) {
                const kc = new KubeConfig();
                kc.loadFromFile(files[i], opts);
                this.mergeConfig(kc, contextFromStartingConfig);
            }
            return;
        }
        const home = findHomeDir(platform);
        if (home) {
            const config = path.join(home, '.kube', 'config');
            if (fileExists(config)) {
                this.loadFromFile(config, opts);
                return;
            }
        }
        if (platform === 'win32') {
            try {
                const envKubeconfigPathResult = child_process.spawnSync('wsl.exe', [
                    'bash',
                    '-c',
                    'printenv KUBECONFIG',
                ]);
                if (envKubeconfigPathResult.status === 0 && envKubeconfigPathResult.stdout.length > 0) {
                    const result = child_process.spawnSync('wsl.exe', [
                        'cat',
                        envKubeconfigPathResult.stdout.toString('utf8'),
                    ]);
                    if (result.status === 0) {
                        this.loadFromString(result.stdout.toString('utf8'), opts);
                        return;
                    }
                }
            }
            catch {
                // Falling back to default kubeconfig
            }
            try {
                const configResult = child_process.spawnSync('wsl.exe', ['cat', '~/.kube/config']);
                if (configResult.status === 0) {
                    this.loadFromString(configResult.stdout.toString('utf8'), opts);
                    const result = child_process.spawnSync('wsl.exe', ['wslpath', '-w', '~/.kube']);
                    if (result.status === 0) {
                        this.makePathsAbsolute(result.stdout.toString('utf8'));
                    }
                    return;
                }
            }
            catch {
                // Falling back to alternative auth
            }
        }
        if (fileExists(SERVICEACCOUNT_TOKEN_PATH)) {
            this.loadFromCluster();
            return;
        }
        this.loadFromClusterAndUser({ name: 'cluster', server: 'http://localhost:8080' }, { name: 'user' });
    }
    makeApiClient(apiClientType) {
        const cluster = this.getCurrentCluster();
        if (!cluster) {
            throw new Error('No active cluster!');
        }
        const authConfig = {
            default: this,
        };
        const baseServerConfig = new ServerConfiguration(cluster.server, {});
        const config = createConfiguration({
            baseServer: baseServerConfig,
            authMethods: authConfig,
            middleware: [setHeaderMiddleware(USER_AGENT_KEY, getUserAgent())],
        });
        const apiClient = new apiClientType(config);
        return apiClient;
    }
    makePathsAbsolute(rootDirectory) {
        this.clusters.forEach((cluster) => {
            if (cluster.caFile) {
                cluster.caFile = makeAbsolutePath(rootDirectory, cluster.caFile);
            }
        });
        this.users.forEach((user) => {
            if (user.certFile) {
                user.certFile = makeAbsolutePath(rootDirectory, user.certFile);
            }
            if (user.keyFile) {
                user.keyFile = makeAbsolutePath(rootDirectory, user.keyFile);
            }
        });
    }
    exportConfig() {
        const configObj = {
            apiVersion: 'v1',
            kind: 'Config',
            clusters: this.clusters.map(exportCluster),
            users: this.users.map(exportUser),
            contexts: this.contexts.map(exportContext),
            preferences: {},
            'current-context': this.getCurrentContext(),
        };
        return JSON.stringify(configObj);
    }
    getCurrentContextObject() {
        return this.getContextObject(this.currentContext);
    }
    /**
     * Returns a stable cache key for the current cluster/user pair.
     * Agents are associated with a specific cluster (TLS endpoint) and user
     * (client certificate / auth), so keying on the tuple avoids opening a new
     * TLS connection on every Watch reconnection or WebSocket re-attach for the
     * same endpoint.
     */
    getAgentCacheKey(cluster) {
        var _a;
        var _b, _c;
        const clusterName = (_b = cluster === null || cluster === void 0 ? void 0 : cluster.name) !== null && _b !== void 0 ? _b : '';
        const userName = (_c = (_a = this.getCurrentUser()) === null || _a === void 0 ? void 0 : _a.name) !== null && _c !== void 0 ? _c : '';
        return JSON.stringify([clusterName, userName]);
    }
    createAgent(cluster, agentOptions) {
        var _a, _b;
        const cacheKey = this.getAgentCacheKey(cluster);
        const cached = this.agentCache.get(cacheKey);
        if (cached !== undefined) {
            return cached;
        }
        let agent;
        if (cluster && cluster.proxyUrl) {
            if (cluster.proxyUrl.startsWith('socks')) {
                agent = new SocksProxyAgent(cluster.proxyUrl, agentOptions);
            }
            else if (cluster.server.startsWith('https')) {
                const httpsProxyAgentOptions = agentOptions;
                httpsProxyAgentOptions.proxy = cluster.proxyUrl;
                agent = new HttpsProxyAgent(httpsProxyAgentOptions);
            }
            else if (cluster.server.startsWith('http')) {
                const httpProxyAgentOptions = agentOptions;
                httpProxyAgentOptions.proxy = cluster.proxyUrl;
                agent = new HttpProxyAgent(httpProxyAgentOptions);
            }
            else {
                throw new Error('Unsupported proxy type');
            }
        }
        else if (((_a = cluster === null || cluster === void 0 ? void 0 : cluster.server) === null || _a === void 0 ? void 0 : _a.startsWith('http:')) && cluster.skipTLSVerify) {
            agent = new http.Agent(agentOptions);
        }
        else if (((_b = cluster === null || cluster === void 0 ? void 0 : cluster.server) === null || _b === void 0 ? void 0 : _b.startsWith('http:')) && !cluster.skipTLSVerify) {
            throw new Error('HTTP protocol is not allowed when skipTLSVerify is not set or false');
        }
        else {
            agent = new https.Agent(agentOptions);
        }
        this.agentCache.set(cacheKey, agent);
        return agent;
    }
    /**
     * Build the dispatcher configuration (options + type) without constructing
     * the actual Dispatcher instance.  Exposed as a separate method so that
     * tests can validate the option-mapping logic directly instead of reaching
     * into undici's Symbol-keyed private state.
     */
    createDispatcherOptions(cluster, agentOptions) {
        var _a;
        const tlsOptions = {};
        if (agentOptions.ca !== undefined)
            tlsOptions.ca = agentOptions.ca;
        if (agentOptions.cert !== undefined)
            tlsOptions.cert = agentOptions.cert;
        if (agentOptions.key !== undefined)
            tlsOptions.key = agentOptions.key;
        if (agentOptions.pfx !== undefined)
            tlsOptions.pfx = agentOptions.pfx;
        if (agentOptions.passphrase !== undefined)
            tlsOptions.passphrase = agentOptions.passphrase;
        if (agentOptions.rejectUnauthorized !== undefined)
            tlsOptions.rejectUnauthorized = agentOptions.rejectUnauthorized;
        if (agentOptions.servername !== undefined)
            tlsOptions.servername = agentOptions.servername;
        if (cluster && cluster.proxyUrl) {
            if (cluster.proxyUrl.startsWith('socks')) {
                return { type: 'socks', uri: cluster.proxyUrl, requestTls: tlsOptions };
            }
            if (!cluster.server.startsWith('https') && !cluster.server.startsWith('http')) {
                throw new Error('Unsupported proxy type');
            }
            return {
                type: 'proxy',
                uri: cluster.proxyUrl,
                requestTls: tlsOptions,
                connect: { keepAlive: true, keepAliveInitialDelay: 30000 },
            };
        }
        else if (((_a = cluster === null || cluster === void 0 ? void 0 : cluster.server) === null || _a === void 0 ? void 0 : _a.startsWith('http:')) && !cluster.skipTLSVerify) {
            throw new Error('HTTP protocol is not allowed when skipTLSVerify is not set or false');
        }
        if (Object.keys(tlsOptions).length === 0) {
            return { type: 'none' };
        }
        // undici defaults to keepAliveInitialDelay: 60s which can race
        // with cloud load-balancer idle timeouts (e.g. AWS ELB 60s).
        // Use 30s to match client-go and the pre-undici node-fetch behavior.
        return { type: 'agent', connect: { ...tlsOptions, keepAlive: true, keepAliveInitialDelay: 30000 } };
    }
    createDispatcher(cluster, agentOptions) {
        const opts = this.createDispatcherOptions(cluster, agentOptions);
        switch (opts.type) {
            case 'proxy':
                return new ProxyAgent({
                    uri: opts.uri,
                    requestTls: opts.requestTls,
                    connect: opts.connect,
                });
            case 'socks':
                return new Agent({ connect: createSocksConnector(opts.uri, opts.requestTls) });
            case 'agent':
                return new Agent({ connect: opts.connect });
            case 'none':
                return undefined;
        }
    }
    applyHTTPSOptions(opts) {
        var _a;
        const cluster = this.getCurrentCluster();
        const user = this.getCurrentUser();
        if (!user) {
            return;
        }
        if (cluster != null && cluster.skipTLSVerify) {
            opts.rejectUnauthorized = false;
        }
        if (cluster != null && cluster.tlsServerName) {
            // WebSocket.ClientOptions types are missing the servername
            opts.servername = cluster.tlsServerName;
        }
        const ca = cluster != null ? bufferFromFileOrString(cluster.caFile, cluster.caData) : null;
        if (ca) {
            opts.ca = ca;
        }
        const cert = bufferFromFileOrString(user.certFile, user.certData);
        if (cert) {
            opts.cert = cert;
        }
        const key = bufferFromFileOrString(user.keyFile, user.keyData);
        if (key) {
            opts.key = key;
        }
        if (user.impersonateUser != null) {
            (_a = opts.headers) !== null && _a !== void 0 ? _a : (opts.headers = {});
            opts.headers['Impersonate-User'] = user.impersonateUser;
        }
    }
    async applyAuthorizationHeader(opts) {
        const user = this.getCurrentUser();
        if (!user) {
            return;
        }
        let authenticator = this.authenticators.find((elt) => {
            return elt.isAuthProvider(user);
        });
        if (!authenticator) {
            authenticator = this.custom_authenticators.find((elt) => {
                return elt.isAuthProvider(user);
            });
        }
        if (!opts.headers) {
            opts.headers = {};
        }
        if (authenticator) {
            await authenticator.applyAuthentication(user, opts);
        }
        if (user.token) {
            opts.headers.Authorization = `Bearer ${user.token}`;
        }
    }
    async applyOptions(opts) {
        this.applyHTTPSOptions(opts);
        await this.applyAuthorizationHeader(opts);
    }
}
function makeAbsolutePath(root, file) {
    if (!root || path.isAbsolute(file)) {
        return file;
    }
    return path.join(root, file);
}
// This is public really only for testing.
function bufferFromFileOrString(file, data) {
    if (file) {
        return fs.readFileSync(file);
    }
    if (data) {
        return Buffer.from(data, 'base64');
    }
    return null;
}
function dropDuplicatesAndNils(a) {
    return a.reduce((acceptedValues, currentValue) => {
        // Good-enough algorithm for reducing a small (3 items at this point) array into an ordered list
        // of unique non-empty strings.
        if (currentValue && !acceptedValues.includes(currentValue)) {
            return acceptedValues.concat(currentValue);
        }
        else {
            return acceptedValues;
        }
    }, []);
}
// Only public for testing.
function findHomeDir(platform = process.platform) {
    if (platform !== 'win32') {
        if (process.env.HOME) {
            try {
                fs.accessSync(process.env.HOME);
                return process.env.HOME;
            }
            catch {
                // Ignore errors.
            }
        }
        return null;
    }
    // $HOME is always favoured, but the k8s go-client prefers the other two env vars
    // differently depending on whether .kube/config exists or not.
    const homeDrivePath = process.env.HOMEDRIVE && process.env.HOMEPATH
        ? path.join(process.env.HOMEDRIVE, process.env.HOMEPATH)
        : '';
    const homePath = process.env.HOME || '';
    const userProfile = process.env.USERPROFILE || '';
    const favourHomeDrivePathList = dropDuplicatesAndNils([homePath, homeDrivePath, userProfile]);
    const favourUserProfileList = dropDuplicatesAndNils([homePath, userProfile, homeDrivePath]);
    // 1. the first of %HOME%, %HOMEDRIVE%%HOMEPATH%, %USERPROFILE% containing a `.kube\config` file is returned.
    for (const dir of favourHomeDrivePathList) {
        try {
            fs.accessSync(path.join(dir, '.kube', 'config'));
            return dir;
        }
        catch {
            // Ignore errors.
        }
    }
    // 2. ...the first of %HOME%, %USERPROFILE%, %HOMEDRIVE%%HOMEPATH% that exists and is writeable is returned
    for (const dir of favourUserProfileList) {
        try {
            fs.accessSync(dir, fs.constants.W_OK);
            return dir;
        }
        catch {
            // Ignore errors.
        }
    }
    // 3. ...the first of %HOME%, %USERPROFILE%, %HOMEDRIVE%%HOMEPATH% that exists is returned.
    for (const dir of favourUserProfileList) {
        try {
            fs.accessSync(dir);
            return dir;
        }
        catch {
            // Ignore errors.
        }
    }
    // 4. if none of those locations exists, the first of
    // %HOME%, %USERPROFILE%, %HOMEDRIVE%%HOMEPATH% that is set is returned.
    return favourUserProfileList[0] || null;
}
// Only really public for testing...
function findObject(list, name, key) {
    if (!list) {
        return null;
    }
    for (const obj of list) {
        if (obj.name === name) {
            if (obj[key]) {
                obj[key].name = name;
                return obj[key];
            }
            return obj;
        }
    }
    return null;
}

function readDocuments(files) {
    return files.flatMap(file => {
        try {
            return [
                {
                    dir: path.dirname(path.resolve(file)),
                    doc: kubeconfigText.parseKubeconfig(fs.readFileSync(file, 'utf8'))
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
        return process.env.KUBECONFIG.split(path.delimiter).filter(Boolean);
    const file = path.join(os.homedir(), '.kube', 'config');
    return fs.existsSync(file) ? [file] : [];
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
            const text = kubeconfigText.decodeKubeconfig(source.content);
            let doc = null;
            try {
                doc = kubeconfigText.parseKubeconfig(text);
            }
            catch {
                // client-node reports it below, without quoting the content.
            }
            // There is no kubeconfig file: a relative plugin command is taken from the working directory.
            documents = [{ dir: process.cwd(), doc }];
            // Written 0600 and removed at once: client-node resolves relative paths and exec plugins from a file.
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vapora-kubeconfig-'));
            try {
                const file = path.join(dir, 'config');
                fs.writeFileSync(file, text, { mode: 0o600 });
                kubeConfig.loadFromFile(file);
            }
            finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
            origin = 'the kubeconfig input';
        }
        else if (source.kind === 'path') {
            if (!fs.existsSync(source.path))
                throw new version$1.UsageError(`kubeconfig: file "${source.path}" does not exist.`);
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
        if (error instanceof version$1.UsageError)
            throw error;
        // Only the first line: YAML errors go on to quote the file around the error, which may hold a token.
        throw new version$1.UsageError(`kubeconfig: cannot load it from ${source.kind === 'content' ? 'the kubeconfig input' : 'its file'} (${version$1.describeError(error).split('\n')[0]}).`);
    }
    if (context) {
        const names = kubeConfig.getContexts().map(c => c.name);
        if (!names.includes(context)) {
            throw new version$1.UsageError(`context: "${context}" is not in ${origin}; available: ${names.join(', ') || '(none)'}.`);
        }
        kubeConfig.setCurrentContext(context);
    }
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster || !cluster.server) {
        throw new version$1.UsageError(`kubeconfig: ${origin} has no current context with a cluster server. Set current-context or the context input.`);
    }
    const secrets = [...new Set(documents.flatMap(d => kubeconfigText.secretsIn(d.doc)))];
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
        const ns = !preflight.isClusterScoped(kind) && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
        return `${api}${ns}/${kind}`;
    }
    async fold(query, start, step) {
        const list = preflight.listLabel(query);
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
        !fs.existsSync(path.join(os.homedir(), '.kube', 'config')) &&
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
        if (error instanceof version$1.UsageError)
            throw error;
        return { ok: false, reason: 'invalid', message: version$1.describeError(error) };
    }
}

exports.ClusterSession = ClusterSession;
exports.FIELD_MANAGER = FIELD_MANAGER;
exports.openCluster = openCluster;

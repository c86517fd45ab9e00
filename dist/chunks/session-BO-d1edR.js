import fs, { readFileSync, mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import path, { sep, isAbsolute, resolve, join, dirname, delimiter } from 'node:path';
import { d as describeError, U as UsageError } from './version-CizmF27k.js';
import { l as http, m as Agent$2, n as getDefaultExportFromCjs, o as distExports, q as listLabel, s as isClusterScoped } from './markdown-gKqHCQyt.js';
import https from 'node:https';
import tls, { createSecureContext } from 'node:tls';
import child_process, { spawn } from 'node:child_process';
import { B as BinaryReader, W as WireType, r as requireSrc } from './index-DM4naHvx.js';
import { d as decodeKubeconfig, s as secretsIn } from './kubeconfig-text-DkgNcRps.js';
import require$$0$3 from 'node:net';
import vm from 'vm';
import require$$0$2 from 'events';
import * as require$$0 from 'net';
import require$$0__default$1 from 'net';
import require$$0$1 from 'buffer';
import require$$0__default from 'stream';
import https__default, { Agent as Agent$3 } from 'https';
import * as dns from 'dns';
import * as require$$1 from 'tls';
import require$$5, { URL as URL$1 } from 'url';
import { r as require$$1$1 } from './__node-http-required_commonjs-proxy-Dm42B_Ws.js';
import 'node:perf_hooks';
import 'node:zlib';
import 'fs';
import 'path';
import 'zlib';
import 'crypto';
import 'node:module';
import 'process';
import 'tty';
import 'util';
import 'os';

/**
 * Runs a command the way an exec credential plugin must be run by a gate: asynchronously, with no terminal,
 * bounded in time and output, and stopped with everything it started when it overruns.
 */
/** Between SIGTERM and SIGKILL for a process that overran its time. */
const KILL_GRACE_MS = 1_000;
const MAX_STDOUT_BYTES = 1 << 20;
/**
 * Runs a command in its own process group with no standard input. When it overruns `timeoutMs` (or floods
 * stdout) the whole group gets SIGTERM, then SIGKILL after a grace period, so nothing it started survives it.
 * Settles once the process is gone (after a stop, as soon as the leader has exited); never rejects.
 */
function runProcessGroup(command, args, env, timeoutMs) {
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
 * reads are decoded (~0.3 s against ~1 s of JSON.parse) — no full pod object is ever built. Field numbers are those of k8s.io/api's generated.proto
 * (stable: protobuf field numbers are never reused); the wire format is read by @protobuf-ts/runtime.
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
 * timeout, and their credential handed to the KubeConfig. Requests are sent as raw JSON over one
 * kept-alive connection pool, because client-node's typed models silently drop unknown fields — and a
 * dry-run of a manifest with a typo must reach the server with the typo.
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
    concurrency: 8,
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
    'UND_ERR_SOCKET'
]);
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
        this.agent = this.newAgent(tls);
    }
    newAgent(tls) {
        const agentOptions = { keepAlive: true, maxSockets: this.options.concurrency };
        if (this.server.protocol === 'http:')
            return new http.Agent(agentOptions);
        return new https.Agent({ ...agentOptions, ...tls, ...sharedSecureContext(tls) });
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
            // A new client certificate (a refreshed exec credential): new connections present it.
            this.retired.push(this.agent);
            this.agent = this.newAgent({ ...this.tls, cert: opts.cert, key: opts.key });
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
     * The one request path: URL, headers, transport and socket timeout, for a call and a watch alike.
     * Resolves with the response as soon as its status line arrives; a network failure before that rejects,
     * one after it destroys the response with the same error (its reader sees it).
     */
    send(req, headers, options = {}) {
        const url = new URL(this.server.pathname.replace(/\/$/, '') + req.path, this.server);
        for (const [name, value] of Object.entries(req.query ?? {})) {
            if (value !== undefined)
                url.searchParams.set(name, String(value));
        }
        const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
        const transport = url.protocol === 'http:' ? http : https;
        return new Promise((resolve, reject) => {
            let response;
            const request = transport.request(url, {
                method: req.method,
                agent: this.agent,
                headers: {
                    ...headers,
                    Accept: req.protobuf ? `${PROTOBUF}, application/json` : 'application/json',
                    'User-Agent': 'vapora-preflight',
                    ...(payload
                        ? { 'Content-Type': req.contentType ?? 'application/json', 'Content-Length': payload.length }
                        : {})
                },
                timeout: options.timeoutMs,
                signal: options.signal
            }, answer => {
                response = answer;
                resolve(answer);
            });
            request.on('timeout', () => {
                request.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { code: 'ETIMEDOUT' }));
            });
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
        await new Promise((resolve, reject) => {
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', resolve);
        });
        const bytes = Buffer.concat(chunks);
        const status = response.statusCode ?? 0;
        let body;
        if (req.protobuf && response.headers['content-type']?.startsWith(PROTOBUF)) {
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
        const status = response.statusCode ?? 0;
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
            response.on('data', (chunk) => {
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
            response.on('end', () => finish('ended'));
            response.on('error', () => finish('ended'));
            response.on('close', () => finish('ended'));
        });
    }
    /** Closes kept-alive connections so the process can exit. */
    close() {
        this.agent.destroy();
        this.retired.forEach(agent => agent.destroy());
    }
}

/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
		...pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
({
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name))});

const unused = what => { throw new Error(`vapora-preflight does not bundle client-node's undici (${what}): its API clients are not used`) };
let Agent$1 = class Agent { constructor() { unused('Agent'); } };
class ProxyAgent { constructor() { unused('ProxyAgent'); } }
function fetch$1() { return unused('fetch') }

/**
 * @implements {IHooks}
 */
class Hooks {
  /**
   * @callback HookCallback
   * @this {*|Jsep} this
   * @param {Jsep} env
   * @returns: void
   */
  /**
   * Adds the given callback to the list of callbacks for the given hook.
   *
   * The callback will be invoked when the hook it is registered for is run.
   *
   * One callback function can be registered to multiple hooks and the same hook multiple times.
   *
   * @param {string|object} name The name of the hook, or an object of callbacks keyed by name
   * @param {HookCallback|boolean} callback The callback function which is given environment variables.
   * @param {?boolean} [first=false] Will add the hook to the top of the list (defaults to the bottom)
   * @public
   */
  add(name, callback, first) {
    if (typeof arguments[0] != 'string') {
      // Multiple hook callbacks, keyed by name
      for (let name in arguments[0]) {
        this.add(name, arguments[0][name], arguments[1]);
      }
    } else {
      (Array.isArray(name) ? name : [name]).forEach(function (name) {
        this[name] = this[name] || [];
        if (callback) {
          this[name][first ? 'unshift' : 'push'](callback);
        }
      }, this);
    }
  }

  /**
   * Runs a hook invoking all registered callbacks with the given environment variables.
   *
   * Callbacks will be invoked synchronously and in the order in which they were registered.
   *
   * @param {string} name The name of the hook.
   * @param {Object<string, any>} env The environment variables of the hook passed to all callbacks registered.
   * @public
   */
  run(name, env) {
    this[name] = this[name] || [];
    this[name].forEach(function (callback) {
      callback.call(env && env.context ? env.context : env, env);
    });
  }
}

/**
 * @implements {IPlugins}
 */
class Plugins {
  constructor(jsep) {
    this.jsep = jsep;
    this.registered = {};
  }

  /**
   * @callback PluginSetup
   * @this {Jsep} jsep
   * @returns: void
   */
  /**
   * Adds the given plugin(s) to the registry
   *
   * @param {object} plugins
   * @param {string} plugins.name The name of the plugin
   * @param {PluginSetup} plugins.init The init function
   * @public
   */
  register(...plugins) {
    plugins.forEach(plugin => {
      if (typeof plugin !== 'object' || !plugin.name || !plugin.init) {
        throw new Error('Invalid JSEP plugin format');
      }
      if (this.registered[plugin.name]) {
        // already registered. Ignore.
        return;
      }
      plugin.init(this.jsep);
      this.registered[plugin.name] = plugin;
    });
  }
}

//     JavaScript Expression Parser (JSEP) 1.4.0

class Jsep {
  /**
   * @returns {string}
   */
  static get version() {
    // To be filled in by the template
    return '1.4.0';
  }

  /**
   * @returns {string}
   */
  static toString() {
    return 'JavaScript Expression Parser (JSEP) v' + Jsep.version;
  }
  // ==================== CONFIG ================================
  /**
   * @method addUnaryOp
   * @param {string} op_name The name of the unary op to add
   * @returns {Jsep}
   */
  static addUnaryOp(op_name) {
    Jsep.max_unop_len = Math.max(op_name.length, Jsep.max_unop_len);
    Jsep.unary_ops[op_name] = 1;
    return Jsep;
  }

  /**
   * @method jsep.addBinaryOp
   * @param {string} op_name The name of the binary op to add
   * @param {number} precedence The precedence of the binary op (can be a float). Higher number = higher precedence
   * @param {boolean} [isRightAssociative=false] whether operator is right-associative
   * @returns {Jsep}
   */
  static addBinaryOp(op_name, precedence, isRightAssociative) {
    Jsep.max_binop_len = Math.max(op_name.length, Jsep.max_binop_len);
    Jsep.binary_ops[op_name] = precedence;
    if (isRightAssociative) {
      Jsep.right_associative.add(op_name);
    } else {
      Jsep.right_associative.delete(op_name);
    }
    return Jsep;
  }

  /**
   * @method addIdentifierChar
   * @param {string} char The additional character to treat as a valid part of an identifier
   * @returns {Jsep}
   */
  static addIdentifierChar(char) {
    Jsep.additional_identifier_chars.add(char);
    return Jsep;
  }

  /**
   * @method addLiteral
   * @param {string} literal_name The name of the literal to add
   * @param {*} literal_value The value of the literal
   * @returns {Jsep}
   */
  static addLiteral(literal_name, literal_value) {
    Jsep.literals[literal_name] = literal_value;
    return Jsep;
  }

  /**
   * @method removeUnaryOp
   * @param {string} op_name The name of the unary op to remove
   * @returns {Jsep}
   */
  static removeUnaryOp(op_name) {
    delete Jsep.unary_ops[op_name];
    if (op_name.length === Jsep.max_unop_len) {
      Jsep.max_unop_len = Jsep.getMaxKeyLen(Jsep.unary_ops);
    }
    return Jsep;
  }

  /**
   * @method removeAllUnaryOps
   * @returns {Jsep}
   */
  static removeAllUnaryOps() {
    Jsep.unary_ops = {};
    Jsep.max_unop_len = 0;
    return Jsep;
  }

  /**
   * @method removeIdentifierChar
   * @param {string} char The additional character to stop treating as a valid part of an identifier
   * @returns {Jsep}
   */
  static removeIdentifierChar(char) {
    Jsep.additional_identifier_chars.delete(char);
    return Jsep;
  }

  /**
   * @method removeBinaryOp
   * @param {string} op_name The name of the binary op to remove
   * @returns {Jsep}
   */
  static removeBinaryOp(op_name) {
    delete Jsep.binary_ops[op_name];
    if (op_name.length === Jsep.max_binop_len) {
      Jsep.max_binop_len = Jsep.getMaxKeyLen(Jsep.binary_ops);
    }
    Jsep.right_associative.delete(op_name);
    return Jsep;
  }

  /**
   * @method removeAllBinaryOps
   * @returns {Jsep}
   */
  static removeAllBinaryOps() {
    Jsep.binary_ops = {};
    Jsep.max_binop_len = 0;
    return Jsep;
  }

  /**
   * @method removeLiteral
   * @param {string} literal_name The name of the literal to remove
   * @returns {Jsep}
   */
  static removeLiteral(literal_name) {
    delete Jsep.literals[literal_name];
    return Jsep;
  }

  /**
   * @method removeAllLiterals
   * @returns {Jsep}
   */
  static removeAllLiterals() {
    Jsep.literals = {};
    return Jsep;
  }
  // ==================== END CONFIG ============================

  /**
   * @returns {string}
   */
  get char() {
    return this.expr.charAt(this.index);
  }

  /**
   * @returns {number}
   */
  get code() {
    return this.expr.charCodeAt(this.index);
  }
  /**
   * @param {string} expr a string with the passed in express
   * @returns Jsep
   */
  constructor(expr) {
    // `index` stores the character number we are currently at
    // All of the gobbles below will modify `index` as we move along
    this.expr = expr;
    this.index = 0;
  }

  /**
   * static top-level parser
   * @returns {jsep.Expression}
   */
  static parse(expr) {
    return new Jsep(expr).parse();
  }

  /**
   * Get the longest key length of any object
   * @param {object} obj
   * @returns {number}
   */
  static getMaxKeyLen(obj) {
    return Math.max(0, ...Object.keys(obj).map(k => k.length));
  }

  /**
   * `ch` is a character code in the next three functions
   * @param {number} ch
   * @returns {boolean}
   */
  static isDecimalDigit(ch) {
    return ch >= 48 && ch <= 57; // 0...9
  }

  /**
   * Returns the precedence of a binary operator or `0` if it isn't a binary operator. Can be float.
   * @param {string} op_val
   * @returns {number}
   */
  static binaryPrecedence(op_val) {
    return Jsep.binary_ops[op_val] || 0;
  }

  /**
   * Looks for start of identifier
   * @param {number} ch
   * @returns {boolean}
   */
  static isIdentifierStart(ch) {
    return ch >= 65 && ch <= 90 ||
    // A...Z
    ch >= 97 && ch <= 122 ||
    // a...z
    ch >= 128 && !Jsep.binary_ops[String.fromCharCode(ch)] ||
    // any non-ASCII that is not an operator
    Jsep.additional_identifier_chars.has(String.fromCharCode(ch)); // additional characters
  }

  /**
   * @param {number} ch
   * @returns {boolean}
   */
  static isIdentifierPart(ch) {
    return Jsep.isIdentifierStart(ch) || Jsep.isDecimalDigit(ch);
  }

  /**
   * throw error at index of the expression
   * @param {string} message
   * @throws
   */
  throwError(message) {
    const error = new Error(message + ' at character ' + this.index);
    error.index = this.index;
    error.description = message;
    throw error;
  }

  /**
   * Run a given hook
   * @param {string} name
   * @param {jsep.Expression|false} [node]
   * @returns {?jsep.Expression}
   */
  runHook(name, node) {
    if (Jsep.hooks[name]) {
      const env = {
        context: this,
        node
      };
      Jsep.hooks.run(name, env);
      return env.node;
    }
    return node;
  }

  /**
   * Runs a given hook until one returns a node
   * @param {string} name
   * @returns {?jsep.Expression}
   */
  searchHook(name) {
    if (Jsep.hooks[name]) {
      const env = {
        context: this
      };
      Jsep.hooks[name].find(function (callback) {
        callback.call(env.context, env);
        return env.node;
      });
      return env.node;
    }
  }

  /**
   * Push `index` up to the next non-space character
   */
  gobbleSpaces() {
    let ch = this.code;
    // Whitespace
    while (ch === Jsep.SPACE_CODE || ch === Jsep.TAB_CODE || ch === Jsep.LF_CODE || ch === Jsep.CR_CODE) {
      ch = this.expr.charCodeAt(++this.index);
    }
    this.runHook('gobble-spaces');
  }

  /**
   * Top-level method to parse all expressions and returns compound or single node
   * @returns {jsep.Expression}
   */
  parse() {
    this.runHook('before-all');
    const nodes = this.gobbleExpressions();

    // If there's only one expression just try returning the expression
    const node = nodes.length === 1 ? nodes[0] : {
      type: Jsep.COMPOUND,
      body: nodes
    };
    return this.runHook('after-all', node);
  }

  /**
   * top-level parser (but can be reused within as well)
   * @param {number} [untilICode]
   * @returns {jsep.Expression[]}
   */
  gobbleExpressions(untilICode) {
    let nodes = [],
      ch_i,
      node;
    while (this.index < this.expr.length) {
      ch_i = this.code;

      // Expressions can be separated by semicolons, commas, or just inferred without any
      // separators
      if (ch_i === Jsep.SEMCOL_CODE || ch_i === Jsep.COMMA_CODE) {
        this.index++; // ignore separators
      } else {
        // Try to gobble each expression individually
        if (node = this.gobbleExpression()) {
          nodes.push(node);
          // If we weren't able to find a binary expression and are out of room, then
          // the expression passed in probably has too much
        } else if (this.index < this.expr.length) {
          if (ch_i === untilICode) {
            break;
          }
          this.throwError('Unexpected "' + this.char + '"');
        }
      }
    }
    return nodes;
  }

  /**
   * The main parsing function.
   * @returns {?jsep.Expression}
   */
  gobbleExpression() {
    const node = this.searchHook('gobble-expression') || this.gobbleBinaryExpression();
    this.gobbleSpaces();
    return this.runHook('after-expression', node);
  }

  /**
   * Search for the operation portion of the string (e.g. `+`, `===`)
   * Start by taking the longest possible binary operations (3 characters: `===`, `!==`, `>>>`)
   * and move down from 3 to 2 to 1 character until a matching binary operation is found
   * then, return that binary operation
   * @returns {string|boolean}
   */
  gobbleBinaryOp() {
    this.gobbleSpaces();
    let to_check = this.expr.substr(this.index, Jsep.max_binop_len);
    let tc_len = to_check.length;
    while (tc_len > 0) {
      // Don't accept a binary op when it is an identifier.
      // Binary ops that start with a identifier-valid character must be followed
      // by a non identifier-part valid character
      if (Jsep.binary_ops.hasOwnProperty(to_check) && (!Jsep.isIdentifierStart(this.code) || this.index + to_check.length < this.expr.length && !Jsep.isIdentifierPart(this.expr.charCodeAt(this.index + to_check.length)))) {
        this.index += tc_len;
        return to_check;
      }
      to_check = to_check.substr(0, --tc_len);
    }
    return false;
  }

  /**
   * This function is responsible for gobbling an individual expression,
   * e.g. `1`, `1+2`, `a+(b*2)-Math.sqrt(2)`
   * @returns {?jsep.BinaryExpression}
   */
  gobbleBinaryExpression() {
    let node, biop, prec, stack, biop_info, left, right, i, cur_biop;

    // First, try to get the leftmost thing
    // Then, check to see if there's a binary operator operating on that leftmost thing
    // Don't gobbleBinaryOp without a left-hand-side
    left = this.gobbleToken();
    if (!left) {
      return left;
    }
    biop = this.gobbleBinaryOp();

    // If there wasn't a binary operator, just return the leftmost node
    if (!biop) {
      return left;
    }

    // Otherwise, we need to start a stack to properly place the binary operations in their
    // precedence structure
    biop_info = {
      value: biop,
      prec: Jsep.binaryPrecedence(biop),
      right_a: Jsep.right_associative.has(biop)
    };
    right = this.gobbleToken();
    if (!right) {
      this.throwError("Expected expression after " + biop);
    }
    stack = [left, biop_info, right];

    // Properly deal with precedence using [recursive descent](http://www.engr.mun.ca/~theo/Misc/exp_parsing.htm)
    while (biop = this.gobbleBinaryOp()) {
      prec = Jsep.binaryPrecedence(biop);
      if (prec === 0) {
        this.index -= biop.length;
        break;
      }
      biop_info = {
        value: biop,
        prec,
        right_a: Jsep.right_associative.has(biop)
      };
      cur_biop = biop;

      // Reduce: make a binary expression from the three topmost entries.
      const comparePrev = prev => biop_info.right_a && prev.right_a ? prec > prev.prec : prec <= prev.prec;
      while (stack.length > 2 && comparePrev(stack[stack.length - 2])) {
        right = stack.pop();
        biop = stack.pop().value;
        left = stack.pop();
        node = {
          type: Jsep.BINARY_EXP,
          operator: biop,
          left,
          right
        };
        stack.push(node);
      }
      node = this.gobbleToken();
      if (!node) {
        this.throwError("Expected expression after " + cur_biop);
      }
      stack.push(biop_info, node);
    }
    i = stack.length - 1;
    node = stack[i];
    while (i > 1) {
      node = {
        type: Jsep.BINARY_EXP,
        operator: stack[i - 1].value,
        left: stack[i - 2],
        right: node
      };
      i -= 2;
    }
    return node;
  }

  /**
   * An individual part of a binary expression:
   * e.g. `foo.bar(baz)`, `1`, `"abc"`, `(a % 2)` (because it's in parenthesis)
   * @returns {boolean|jsep.Expression}
   */
  gobbleToken() {
    let ch, to_check, tc_len, node;
    this.gobbleSpaces();
    node = this.searchHook('gobble-token');
    if (node) {
      return this.runHook('after-token', node);
    }
    ch = this.code;
    if (Jsep.isDecimalDigit(ch) || ch === Jsep.PERIOD_CODE) {
      // Char code 46 is a dot `.` which can start off a numeric literal
      return this.gobbleNumericLiteral();
    }
    if (ch === Jsep.SQUOTE_CODE || ch === Jsep.DQUOTE_CODE) {
      // Single or double quotes
      node = this.gobbleStringLiteral();
    } else if (ch === Jsep.OBRACK_CODE) {
      node = this.gobbleArray();
    } else {
      to_check = this.expr.substr(this.index, Jsep.max_unop_len);
      tc_len = to_check.length;
      while (tc_len > 0) {
        // Don't accept an unary op when it is an identifier.
        // Unary ops that start with a identifier-valid character must be followed
        // by a non identifier-part valid character
        if (Jsep.unary_ops.hasOwnProperty(to_check) && (!Jsep.isIdentifierStart(this.code) || this.index + to_check.length < this.expr.length && !Jsep.isIdentifierPart(this.expr.charCodeAt(this.index + to_check.length)))) {
          this.index += tc_len;
          const argument = this.gobbleToken();
          if (!argument) {
            this.throwError('missing unaryOp argument');
          }
          return this.runHook('after-token', {
            type: Jsep.UNARY_EXP,
            operator: to_check,
            argument,
            prefix: true
          });
        }
        to_check = to_check.substr(0, --tc_len);
      }
      if (Jsep.isIdentifierStart(ch)) {
        node = this.gobbleIdentifier();
        if (Jsep.literals.hasOwnProperty(node.name)) {
          node = {
            type: Jsep.LITERAL,
            value: Jsep.literals[node.name],
            raw: node.name
          };
        } else if (node.name === Jsep.this_str) {
          node = {
            type: Jsep.THIS_EXP
          };
        }
      } else if (ch === Jsep.OPAREN_CODE) {
        // open parenthesis
        node = this.gobbleGroup();
      }
    }
    if (!node) {
      return this.runHook('after-token', false);
    }
    node = this.gobbleTokenProperty(node);
    return this.runHook('after-token', node);
  }

  /**
   * Gobble properties of of identifiers/strings/arrays/groups.
   * e.g. `foo`, `bar.baz`, `foo['bar'].baz`
   * It also gobbles function calls:
   * e.g. `Math.acos(obj.angle)`
   * @param {jsep.Expression} node
   * @returns {jsep.Expression}
   */
  gobbleTokenProperty(node) {
    this.gobbleSpaces();
    let ch = this.code;
    while (ch === Jsep.PERIOD_CODE || ch === Jsep.OBRACK_CODE || ch === Jsep.OPAREN_CODE || ch === Jsep.QUMARK_CODE) {
      let optional;
      if (ch === Jsep.QUMARK_CODE) {
        if (this.expr.charCodeAt(this.index + 1) !== Jsep.PERIOD_CODE) {
          break;
        }
        optional = true;
        this.index += 2;
        this.gobbleSpaces();
        ch = this.code;
      }
      this.index++;
      if (ch === Jsep.OBRACK_CODE) {
        node = {
          type: Jsep.MEMBER_EXP,
          computed: true,
          object: node,
          property: this.gobbleExpression()
        };
        if (!node.property) {
          this.throwError('Unexpected "' + this.char + '"');
        }
        this.gobbleSpaces();
        ch = this.code;
        if (ch !== Jsep.CBRACK_CODE) {
          this.throwError('Unclosed [');
        }
        this.index++;
      } else if (ch === Jsep.OPAREN_CODE) {
        // A function call is being made; gobble all the arguments
        node = {
          type: Jsep.CALL_EXP,
          'arguments': this.gobbleArguments(Jsep.CPAREN_CODE),
          callee: node
        };
      } else if (ch === Jsep.PERIOD_CODE || optional) {
        if (optional) {
          this.index--;
        }
        this.gobbleSpaces();
        node = {
          type: Jsep.MEMBER_EXP,
          computed: false,
          object: node,
          property: this.gobbleIdentifier()
        };
      }
      if (optional) {
        node.optional = true;
      } // else leave undefined for compatibility with esprima

      this.gobbleSpaces();
      ch = this.code;
    }
    return node;
  }

  /**
   * Parse simple numeric literals: `12`, `3.4`, `.5`. Do this by using a string to
   * keep track of everything in the numeric literal and then calling `parseFloat` on that string
   * @returns {jsep.Literal}
   */
  gobbleNumericLiteral() {
    let number = '',
      ch,
      chCode;
    while (Jsep.isDecimalDigit(this.code)) {
      number += this.expr.charAt(this.index++);
    }
    if (this.code === Jsep.PERIOD_CODE) {
      // can start with a decimal marker
      number += this.expr.charAt(this.index++);
      while (Jsep.isDecimalDigit(this.code)) {
        number += this.expr.charAt(this.index++);
      }
    }
    ch = this.char;
    if (ch === 'e' || ch === 'E') {
      // exponent marker
      number += this.expr.charAt(this.index++);
      ch = this.char;
      if (ch === '+' || ch === '-') {
        // exponent sign
        number += this.expr.charAt(this.index++);
      }
      while (Jsep.isDecimalDigit(this.code)) {
        // exponent itself
        number += this.expr.charAt(this.index++);
      }
      if (!Jsep.isDecimalDigit(this.expr.charCodeAt(this.index - 1))) {
        this.throwError('Expected exponent (' + number + this.char + ')');
      }
    }
    chCode = this.code;

    // Check to make sure this isn't a variable name that start with a number (123abc)
    if (Jsep.isIdentifierStart(chCode)) {
      this.throwError('Variable names cannot start with a number (' + number + this.char + ')');
    } else if (chCode === Jsep.PERIOD_CODE || number.length === 1 && number.charCodeAt(0) === Jsep.PERIOD_CODE) {
      this.throwError('Unexpected period');
    }
    return {
      type: Jsep.LITERAL,
      value: parseFloat(number),
      raw: number
    };
  }

  /**
   * Parses a string literal, staring with single or double quotes with basic support for escape codes
   * e.g. `"hello world"`, `'this is\nJSEP'`
   * @returns {jsep.Literal}
   */
  gobbleStringLiteral() {
    let str = '';
    const startIndex = this.index;
    const quote = this.expr.charAt(this.index++);
    let closed = false;
    while (this.index < this.expr.length) {
      let ch = this.expr.charAt(this.index++);
      if (ch === quote) {
        closed = true;
        break;
      } else if (ch === '\\') {
        // Check for all of the common escape codes
        ch = this.expr.charAt(this.index++);
        switch (ch) {
          case 'n':
            str += '\n';
            break;
          case 'r':
            str += '\r';
            break;
          case 't':
            str += '\t';
            break;
          case 'b':
            str += '\b';
            break;
          case 'f':
            str += '\f';
            break;
          case 'v':
            str += '\x0B';
            break;
          default:
            str += ch;
        }
      } else {
        str += ch;
      }
    }
    if (!closed) {
      this.throwError('Unclosed quote after "' + str + '"');
    }
    return {
      type: Jsep.LITERAL,
      value: str,
      raw: this.expr.substring(startIndex, this.index)
    };
  }

  /**
   * Gobbles only identifiers
   * e.g.: `foo`, `_value`, `$x1`
   * Also, this function checks if that identifier is a literal:
   * (e.g. `true`, `false`, `null`) or `this`
   * @returns {jsep.Identifier}
   */
  gobbleIdentifier() {
    let ch = this.code,
      start = this.index;
    if (Jsep.isIdentifierStart(ch)) {
      this.index++;
    } else {
      this.throwError('Unexpected ' + this.char);
    }
    while (this.index < this.expr.length) {
      ch = this.code;
      if (Jsep.isIdentifierPart(ch)) {
        this.index++;
      } else {
        break;
      }
    }
    return {
      type: Jsep.IDENTIFIER,
      name: this.expr.slice(start, this.index)
    };
  }

  /**
   * Gobbles a list of arguments within the context of a function call
   * or array literal. This function also assumes that the opening character
   * `(` or `[` has already been gobbled, and gobbles expressions and commas
   * until the terminator character `)` or `]` is encountered.
   * e.g. `foo(bar, baz)`, `my_func()`, or `[bar, baz]`
   * @param {number} termination
   * @returns {jsep.Expression[]}
   */
  gobbleArguments(termination) {
    const args = [];
    let closed = false;
    let separator_count = 0;
    while (this.index < this.expr.length) {
      this.gobbleSpaces();
      let ch_i = this.code;
      if (ch_i === termination) {
        // done parsing
        closed = true;
        this.index++;
        if (termination === Jsep.CPAREN_CODE && separator_count && separator_count >= args.length) {
          this.throwError('Unexpected token ' + String.fromCharCode(termination));
        }
        break;
      } else if (ch_i === Jsep.COMMA_CODE) {
        // between expressions
        this.index++;
        separator_count++;
        if (separator_count !== args.length) {
          // missing argument
          if (termination === Jsep.CPAREN_CODE) {
            this.throwError('Unexpected token ,');
          } else if (termination === Jsep.CBRACK_CODE) {
            for (let arg = args.length; arg < separator_count; arg++) {
              args.push(null);
            }
          }
        }
      } else if (args.length !== separator_count && separator_count !== 0) {
        // NOTE: `&& separator_count !== 0` allows for either all commas, or all spaces as arguments
        this.throwError('Expected comma');
      } else {
        const node = this.gobbleExpression();
        if (!node || node.type === Jsep.COMPOUND) {
          this.throwError('Expected comma');
        }
        args.push(node);
      }
    }
    if (!closed) {
      this.throwError('Expected ' + String.fromCharCode(termination));
    }
    return args;
  }

  /**
   * Responsible for parsing a group of things within parentheses `()`
   * that have no identifier in front (so not a function call)
   * This function assumes that it needs to gobble the opening parenthesis
   * and then tries to gobble everything within that parenthesis, assuming
   * that the next thing it should see is the close parenthesis. If not,
   * then the expression probably doesn't have a `)`
   * @returns {boolean|jsep.Expression}
   */
  gobbleGroup() {
    this.index++;
    let nodes = this.gobbleExpressions(Jsep.CPAREN_CODE);
    if (this.code === Jsep.CPAREN_CODE) {
      this.index++;
      if (nodes.length === 1) {
        return nodes[0];
      } else if (!nodes.length) {
        return false;
      } else {
        return {
          type: Jsep.SEQUENCE_EXP,
          expressions: nodes
        };
      }
    } else {
      this.throwError('Unclosed (');
    }
  }

  /**
   * Responsible for parsing Array literals `[1, 2, 3]`
   * This function assumes that it needs to gobble the opening bracket
   * and then tries to gobble the expressions as arguments.
   * @returns {jsep.ArrayExpression}
   */
  gobbleArray() {
    this.index++;
    return {
      type: Jsep.ARRAY_EXP,
      elements: this.gobbleArguments(Jsep.CBRACK_CODE)
    };
  }
}

// Static fields:
const hooks = new Hooks();
Object.assign(Jsep, {
  hooks,
  plugins: new Plugins(Jsep),
  // Node Types
  // ----------
  // This is the full set of types that any JSEP node can be.
  // Store them here to save space when minified
  COMPOUND: 'Compound',
  SEQUENCE_EXP: 'SequenceExpression',
  IDENTIFIER: 'Identifier',
  MEMBER_EXP: 'MemberExpression',
  LITERAL: 'Literal',
  THIS_EXP: 'ThisExpression',
  CALL_EXP: 'CallExpression',
  UNARY_EXP: 'UnaryExpression',
  BINARY_EXP: 'BinaryExpression',
  ARRAY_EXP: 'ArrayExpression',
  TAB_CODE: 9,
  LF_CODE: 10,
  CR_CODE: 13,
  SPACE_CODE: 32,
  PERIOD_CODE: 46,
  // '.'
  COMMA_CODE: 44,
  // ','
  SQUOTE_CODE: 39,
  // single quote
  DQUOTE_CODE: 34,
  // double quotes
  OPAREN_CODE: 40,
  // (
  CPAREN_CODE: 41,
  // )
  OBRACK_CODE: 91,
  // [
  CBRACK_CODE: 93,
  // ]
  QUMARK_CODE: 63,
  // ?
  SEMCOL_CODE: 59,
  // ;
  COLON_CODE: 58,
  // :

  // Operations
  // ----------
  // Use a quickly-accessible map to store all of the unary operators
  // Values are set to `1` (it really doesn't matter)
  unary_ops: {
    '-': 1,
    '!': 1,
    '~': 1,
    '+': 1
  },
  // Also use a map for the binary operations but set their values to their
  // binary precedence for quick reference (higher number = higher precedence)
  // see [Order of operations](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators/Operator_Precedence)
  binary_ops: {
    '||': 1,
    '??': 1,
    '&&': 2,
    '|': 3,
    '^': 4,
    '&': 5,
    '==': 6,
    '!=': 6,
    '===': 6,
    '!==': 6,
    '<': 7,
    '>': 7,
    '<=': 7,
    '>=': 7,
    '<<': 8,
    '>>': 8,
    '>>>': 8,
    '+': 9,
    '-': 9,
    '*': 10,
    '/': 10,
    '%': 10,
    '**': 11
  },
  // sets specific binary_ops as right-associative
  right_associative: new Set(['**']),
  // Additional valid identifier chars, apart from a-z, A-Z and 0-9 (except on the starting char)
  additional_identifier_chars: new Set(['$', '_']),
  // Literals
  // ----------
  // Store the values to return for the various literals we may encounter
  literals: {
    'true': true,
    'false': false,
    'null': null
  },
  // Except for `this`, which is special. This could be changed to something like `'self'` as well
  this_str: 'this'
});
Jsep.max_unop_len = Jsep.getMaxKeyLen(Jsep.unary_ops);
Jsep.max_binop_len = Jsep.getMaxKeyLen(Jsep.binary_ops);

// Backward Compatibility:
const jsep = expr => new Jsep(expr).parse();
const stdClassProps = Object.getOwnPropertyNames(class Test {});
Object.getOwnPropertyNames(Jsep).filter(prop => !stdClassProps.includes(prop) && jsep[prop] === undefined).forEach(m => {
  jsep[m] = Jsep[m];
});
jsep.Jsep = Jsep; // allows for const { Jsep } = require('jsep');

const CONDITIONAL_EXP = 'ConditionalExpression';
var ternary = {
  name: 'ternary',
  init(jsep) {
    // Ternary expression: test ? consequent : alternate
    jsep.hooks.add('after-expression', function gobbleTernary(env) {
      if (env.node && this.code === jsep.QUMARK_CODE) {
        this.index++;
        const test = env.node;
        const consequent = this.gobbleExpression();
        if (!consequent) {
          this.throwError('Expected expression');
        }
        this.gobbleSpaces();
        if (this.code === jsep.COLON_CODE) {
          this.index++;
          const alternate = this.gobbleExpression();
          if (!alternate) {
            this.throwError('Expected expression');
          }
          env.node = {
            type: CONDITIONAL_EXP,
            test,
            consequent,
            alternate
          };

          // check for operators of higher priority than ternary (i.e. assignment)
          // jsep sets || at 1, and assignment at 0.9, and conditional should be between them
          if (test.operator && jsep.binary_ops[test.operator] <= 0.9) {
            let newTest = test;
            while (newTest.right.operator && jsep.binary_ops[newTest.right.operator] <= 0.9) {
              newTest = newTest.right;
            }
            env.node.test = newTest.right;
            newTest.right = env.node;
            env.node = test;
          }
        } else {
          this.throwError('Expected :');
        }
      }
    });
  }
};

// Add default plugins:

jsep.plugins.register(ternary);

const FSLASH_CODE = 47; // '/'
const BSLASH_CODE = 92; // '\\'

var index = {
  name: 'regex',
  init(jsep) {
    // Regex literal: /abc123/ig
    jsep.hooks.add('gobble-token', function gobbleRegexLiteral(env) {
      if (this.code === FSLASH_CODE) {
        const patternIndex = ++this.index;
        let inCharSet = false;
        while (this.index < this.expr.length) {
          if (this.code === FSLASH_CODE && !inCharSet) {
            const pattern = this.expr.slice(patternIndex, this.index);
            let flags = '';
            while (++this.index < this.expr.length) {
              const code = this.code;
              if (code >= 97 && code <= 122 // a...z
              || code >= 65 && code <= 90 // A...Z
              || code >= 48 && code <= 57) {
                // 0-9
                flags += this.char;
              } else {
                break;
              }
            }
            let value;
            try {
              value = new RegExp(pattern, flags);
            } catch (e) {
              this.throwError(e.message);
            }
            env.node = {
              type: jsep.LITERAL,
              value,
              raw: this.expr.slice(patternIndex - 1, this.index)
            };

            // allow . [] and () after regex: /regex/.test(a)
            env.node = this.gobbleTokenProperty(env.node);
            return env.node;
          }
          if (this.code === jsep.OBRACK_CODE) {
            inCharSet = true;
          } else if (inCharSet && this.code === jsep.CBRACK_CODE) {
            inCharSet = false;
          }
          this.index += this.code === BSLASH_CODE ? 2 : 1;
        }
        this.throwError('Unclosed Regex');
      }
    });
  }
};

const PLUS_CODE = 43; // +
const MINUS_CODE = 45; // -

const plugin = {
  name: 'assignment',
  assignmentOperators: new Set(['=', '*=', '**=', '/=', '%=', '+=', '-=', '<<=', '>>=', '>>>=', '&=', '^=', '|=', '||=', '&&=', '??=']),
  updateOperators: [PLUS_CODE, MINUS_CODE],
  assignmentPrecedence: 0.9,
  init(jsep) {
    const updateNodeTypes = [jsep.IDENTIFIER, jsep.MEMBER_EXP];
    plugin.assignmentOperators.forEach(op => jsep.addBinaryOp(op, plugin.assignmentPrecedence, true));
    jsep.hooks.add('gobble-token', function gobbleUpdatePrefix(env) {
      const code = this.code;
      if (plugin.updateOperators.some(c => c === code && c === this.expr.charCodeAt(this.index + 1))) {
        this.index += 2;
        env.node = {
          type: 'UpdateExpression',
          operator: code === PLUS_CODE ? '++' : '--',
          argument: this.gobbleTokenProperty(this.gobbleIdentifier()),
          prefix: true
        };
        if (!env.node.argument || !updateNodeTypes.includes(env.node.argument.type)) {
          this.throwError(`Unexpected ${env.node.operator}`);
        }
      }
    });
    jsep.hooks.add('after-token', function gobbleUpdatePostfix(env) {
      if (env.node) {
        const code = this.code;
        if (plugin.updateOperators.some(c => c === code && c === this.expr.charCodeAt(this.index + 1))) {
          if (!updateNodeTypes.includes(env.node.type)) {
            this.throwError(`Unexpected ${env.node.operator}`);
          }
          this.index += 2;
          env.node = {
            type: 'UpdateExpression',
            operator: code === PLUS_CODE ? '++' : '--',
            argument: env.node,
            prefix: false
          };
        }
      }
    });
    jsep.hooks.add('after-expression', function gobbleAssignment(env) {
      if (env.node) {
        // Note: Binaries can be chained in a single expression to respect
        // operator precedence (i.e. a = b = 1 + 2 + 3)
        // Update all binary assignment nodes in the tree
        updateBinariesToAssignments(env.node);
      }
    });
    function updateBinariesToAssignments(node) {
      if (plugin.assignmentOperators.has(node.operator)) {
        node.type = 'AssignmentExpression';
        updateBinariesToAssignments(node.left);
        updateBinariesToAssignments(node.right);
      } else if (!node.operator) {
        Object.values(node).forEach(val => {
          if (val && typeof val === 'object') {
            updateBinariesToAssignments(val);
          }
        });
      }
    }
  }
};

/* eslint-disable no-bitwise -- Convenient */

// register plugins
jsep.plugins.register(index, plugin);
jsep.addUnaryOp('typeof');
jsep.addUnaryOp('void');
jsep.addLiteral('null', null);
jsep.addLiteral('undefined', undefined);
const BLOCKED_PROTO_PROPERTIES = new Set(['constructor', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);
const SafeEval = {
  /**
   * @param {jsep.Expression} ast
   * @param {Record<string, any>} subs
   */
  evalAst(ast, subs) {
    switch (ast.type) {
      case 'BinaryExpression':
      case 'LogicalExpression':
        return SafeEval.evalBinaryExpression(ast, subs);
      case 'Compound':
        return SafeEval.evalCompound(ast, subs);
      case 'ConditionalExpression':
        return SafeEval.evalConditionalExpression(ast, subs);
      case 'Identifier':
        return SafeEval.evalIdentifier(ast, subs);
      case 'Literal':
        return SafeEval.evalLiteral(ast);
      case 'MemberExpression':
        return SafeEval.evalMemberExpression(ast, subs);
      case 'UnaryExpression':
        return SafeEval.evalUnaryExpression(ast, subs);
      case 'ArrayExpression':
        return SafeEval.evalArrayExpression(ast, subs);
      case 'CallExpression':
        return SafeEval.evalCallExpression(ast, subs);
      case 'AssignmentExpression':
        return SafeEval.evalAssignmentExpression(ast, subs);
      default:
        throw SyntaxError('Unexpected expression', ast);
    }
  },
  evalBinaryExpression(ast, subs) {
    const result = {
      '||': (a, b) => a || b(),
      '&&': (a, b) => a && b(),
      '|': (a, b) => a | b(),
      '^': (a, b) => a ^ b(),
      '&': (a, b) => a & b(),
      // eslint-disable-next-line eqeqeq -- API
      '==': (a, b) => a == b(),
      // eslint-disable-next-line eqeqeq -- API
      '!=': (a, b) => a != b(),
      '===': (a, b) => a === b(),
      '!==': (a, b) => a !== b(),
      '<': (a, b) => a < b(),
      '>': (a, b) => a > b(),
      '<=': (a, b) => a <= b(),
      '>=': (a, b) => a >= b(),
      '<<': (a, b) => a << b(),
      '>>': (a, b) => a >> b(),
      '>>>': (a, b) => a >>> b(),
      '+': (a, b) => a + b(),
      '-': (a, b) => a - b(),
      '*': (a, b) => a * b(),
      '/': (a, b) => a / b(),
      '%': (a, b) => a % b()
    }[ast.operator](SafeEval.evalAst(ast.left, subs), () => SafeEval.evalAst(ast.right, subs));
    return result;
  },
  evalCompound(ast, subs) {
    let last;
    for (let i = 0; i < ast.body.length; i++) {
      if (ast.body[i].type === 'Identifier' && ['var', 'let', 'const'].includes(ast.body[i].name) && ast.body[i + 1] && ast.body[i + 1].type === 'AssignmentExpression') {
        // var x=2; is detected as
        // [{Identifier var}, {AssignmentExpression x=2}]
        // eslint-disable-next-line @stylistic/max-len -- Long
        // eslint-disable-next-line sonarjs/updated-loop-counter -- Convenient
        i += 1;
      }
      const expr = ast.body[i];
      last = SafeEval.evalAst(expr, subs);
    }
    return last;
  },
  evalConditionalExpression(ast, subs) {
    if (SafeEval.evalAst(ast.test, subs)) {
      return SafeEval.evalAst(ast.consequent, subs);
    }
    return SafeEval.evalAst(ast.alternate, subs);
  },
  evalIdentifier(ast, subs) {
    if (Object.hasOwn(subs, ast.name)) {
      return subs[ast.name];
    }
    throw ReferenceError(`${ast.name} is not defined`);
  },
  evalLiteral(ast) {
    return ast.value;
  },
  evalMemberExpression(ast, subs) {
    const prop = String(
    // NOTE: `String(value)` throws error when
    // value has overwritten the toString method to return non-string
    // i.e. `value = {toString: () => []}`
    ast.computed ? SafeEval.evalAst(ast.property) // `object[property]`
    : ast.property.name // `object.property` property is Identifier
    );
    const obj = SafeEval.evalAst(ast.object, subs);
    if (obj === undefined || obj === null) {
      throw TypeError(`Cannot read properties of ${obj} (reading '${prop}')`);
    }
    if (!Object.hasOwn(obj, prop) && BLOCKED_PROTO_PROPERTIES.has(prop)) {
      throw TypeError(`Cannot read properties of ${obj} (reading '${prop}')`);
    }
    const result = obj[prop];
    if (typeof result === 'function') {
      return result.bind(obj); // arrow functions aren't affected by bind.
    }
    return result;
  },
  evalUnaryExpression(ast, subs) {
    const result = {
      '-': a => -SafeEval.evalAst(a, subs),
      '!': a => !SafeEval.evalAst(a, subs),
      '~': a => ~SafeEval.evalAst(a, subs),
      // eslint-disable-next-line no-implicit-coercion -- API
      '+': a => +SafeEval.evalAst(a, subs),
      typeof: a => typeof SafeEval.evalAst(a, subs),
      // eslint-disable-next-line no-void, sonarjs/void-use -- feature
      void: a => void SafeEval.evalAst(a, subs)
    }[ast.operator](ast.argument);
    return result;
  },
  evalArrayExpression(ast, subs) {
    return ast.elements.map(el => SafeEval.evalAst(el, subs));
  },
  evalCallExpression(ast, subs) {
    const args = ast.arguments.map(arg => SafeEval.evalAst(arg, subs));
    const func = SafeEval.evalAst(ast.callee, subs);
    /* c8 ignore start  */
    if (func === Function) {
      // unreachable since BLOCKED_PROTO_PROPERTIES includes 'constructor'
      throw new Error('Function constructor is disabled');
    }
    /* c8 ignore end  */
    return func(...args);
  },
  evalAssignmentExpression(ast, subs) {
    if (ast.left.type !== 'Identifier') {
      throw SyntaxError('Invalid left-hand side in assignment');
    }
    const id = ast.left.name;
    const value = SafeEval.evalAst(ast.right, subs);
    subs[id] = value;
    return subs[id];
  }
};

/**
 * A replacement for NodeJS' VM.Script which is also {@link https://developer.mozilla.org/en-US/docs/Web/HTTP/CSP | Content Security Policy} friendly.
 */
class SafeScript {
  /**
   * @param {string} expr Expression to evaluate
   */
  constructor(expr) {
    this.code = expr;
    this.ast = jsep(this.code);
  }

  /**
   * @param {object} context Object whose items will be added
   *   to evaluation
   * @returns {EvaluatedResult} Result of evaluated code
   */
  runInNewContext(context) {
    // `Object.create(null)` creates a prototypeless object
    const keyMap = Object.assign(Object.create(null), context);
    return SafeEval.evalAst(this.ast, keyMap);
  }
}

/* eslint-disable camelcase -- Convenient for escaping */


/**
 * @typedef {null|boolean|number|string|object|GenericArray} JSONObject
 */

/**
 * @typedef {any} AnyItem
 */

/**
 * @typedef {any} AnyResult
 */

/**
 * Copies array and then pushes item into it.
 * @param {GenericArray} arr Array to copy and into which to push
 * @param {AnyItem} item Array item to add (to end)
 * @returns {GenericArray} Copy of the original array
 */
function push(arr, item) {
  arr = arr.slice();
  arr.push(item);
  return arr;
}
/**
 * Copies array and then unshifts item into it.
 * @param {AnyItem} item Array item to add (to beginning)
 * @param {GenericArray} arr Array to copy and into which to unshift
 * @returns {GenericArray} Copy of the original array
 */
function unshift(item, arr) {
  arr = arr.slice();
  arr.unshift(item);
  return arr;
}

/**
 * Caught when JSONPath is used without `new` but rethrown if with `new`
 * @extends Error
 */
class NewError extends Error {
  /**
   * @param {AnyResult} value The evaluated scalar value
   */
  constructor(value) {
    super('JSONPath should not be called with "new" (it prevents return ' + 'of (unwrapped) scalar values)');
    this.avoidNew = true;
    this.value = value;
    this.name = 'NewError';
  }
}

/**
* @typedef {object} ReturnObject
* @property {string} path
* @property {JSONObject} value
* @property {object|GenericArray} parent
* @property {string} parentProperty
*/

/**
* @callback JSONPathCallback
* @param {string|object} preferredOutput
* @param {"value"|"property"} type
* @param {ReturnObject} fullRetObj
* @returns {void}
*/

/**
* @callback OtherTypeCallback
* @param {JSONObject} val
* @param {string} path
* @param {object|GenericArray} parent
* @param {string} parentPropName
* @returns {boolean}
*/

/**
 * @typedef {any} ContextItem
 */

/**
 * @typedef {any} EvaluatedResult
 */

/**
* @callback EvalCallback
* @param {string} code
* @param {ContextItem} context
* @returns {EvaluatedResult}
*/

/**
 * @typedef {typeof SafeScript} EvalClass
 */

/**
 * @typedef {object} JSONPathOptions
 * @property {JSON} json
 * @property {string|string[]} path
 * @property {"value"|"path"|"pointer"|"parent"|"parentProperty"|
 *   "all"} [resultType="value"]
 * @property {boolean} [flatten=false]
 * @property {boolean} [wrap=true]
 * @property {object} [sandbox={}]
 * @property {EvalCallback|EvalClass|'safe'|'native'|
 *   boolean} [eval = 'safe']
 * @property {object|GenericArray|null} [parent=null]
 * @property {string|null} [parentProperty=null]
 * @property {JSONPathCallback} [callback]
 * @property {OtherTypeCallback} [otherTypeCallback] Defaults to
 *   function which throws on encountering `@other`
 * @property {boolean} [autostart=true]
 */

/**
 * @param {string|JSONPathOptions} opts If a string, will be treated as `expr`
 * @param {string} [expr] JSON path to evaluate
 * @param {JSON} [obj] JSON object to evaluate against
 * @param {JSONPathCallback} [callback] Passed 3 arguments: 1) desired payload
 *     per `resultType`, 2) `"value"|"property"`, 3) Full returned object with
 *     all payloads
 * @param {OtherTypeCallback} [otherTypeCallback] If `@other()` is at the end
 *   of one's query, this will be invoked with the value of the item, its
 *   path, its parent, and its parent's property name, and it should return
 *   a boolean indicating whether the supplied value belongs to the "other"
 *   type or not (or it may handle transformations and return `false`).
 * @returns {JSONPath}
 * @class
 */
function JSONPath(opts, expr, obj, callback, otherTypeCallback) {
  // eslint-disable-next-line no-restricted-syntax -- Allow for pseudo-class
  if (!(this instanceof JSONPath)) {
    try {
      return new JSONPath(opts, expr, obj, callback, otherTypeCallback);
    } catch (e) {
      if (!e.avoidNew) {
        throw e;
      }
      return e.value;
    }
  }
  if (typeof opts === 'string') {
    otherTypeCallback = callback;
    callback = obj;
    obj = expr;
    expr = opts;
    opts = null;
  }
  const optObj = opts && typeof opts === 'object';
  opts = opts || {};
  this.json = opts.json || obj;
  this.path = opts.path || expr;
  this.resultType = opts.resultType || 'value';
  this.flatten = opts.flatten || false;
  this.wrap = Object.hasOwn(opts, 'wrap') ? opts.wrap : true;
  this.sandbox = opts.sandbox || {};
  this.eval = opts.eval === undefined ? 'safe' : opts.eval;
  this.ignoreEvalErrors = typeof opts.ignoreEvalErrors === 'undefined' ? false : opts.ignoreEvalErrors;
  this.parent = opts.parent || null;
  this.parentProperty = opts.parentProperty || null;
  this.callback = opts.callback || callback || null;
  this.otherTypeCallback = opts.otherTypeCallback || otherTypeCallback || function () {
    throw new TypeError('You must supply an otherTypeCallback callback option ' + 'with the @other() operator.');
  };
  if (opts.autostart !== false) {
    const args = {
      path: optObj ? opts.path : expr
    };
    if (!optObj) {
      args.json = obj;
    } else if ('json' in opts) {
      args.json = opts.json;
    }
    const ret = this.evaluate(args);
    if (!ret || typeof ret !== 'object') {
      throw new NewError(ret);
    }
    return ret;
  }
}

// PUBLIC METHODS
JSONPath.prototype.evaluate = function (expr, json, callback, otherTypeCallback) {
  let currParent = this.parent,
    currParentProperty = this.parentProperty;
  let {
    flatten,
    wrap
  } = this;
  this.currResultType = this.resultType;
  this.currEval = this.eval;
  this.currSandbox = this.sandbox;
  callback = callback || this.callback;
  this.currOtherTypeCallback = otherTypeCallback || this.otherTypeCallback;
  json = json || this.json;
  expr = expr || this.path;
  if (expr && typeof expr === 'object' && !Array.isArray(expr)) {
    if (!expr.path && expr.path !== '') {
      throw new TypeError('You must supply a "path" property when providing an object ' + 'argument to JSONPath.evaluate().');
    }
    if (!Object.hasOwn(expr, 'json')) {
      throw new TypeError('You must supply a "json" property when providing an object ' + 'argument to JSONPath.evaluate().');
    }
    ({
      json
    } = expr);
    flatten = Object.hasOwn(expr, 'flatten') ? expr.flatten : flatten;
    this.currResultType = Object.hasOwn(expr, 'resultType') ? expr.resultType : this.currResultType;
    this.currSandbox = Object.hasOwn(expr, 'sandbox') ? expr.sandbox : this.currSandbox;
    wrap = Object.hasOwn(expr, 'wrap') ? expr.wrap : wrap;
    this.currEval = Object.hasOwn(expr, 'eval') ? expr.eval : this.currEval;
    callback = Object.hasOwn(expr, 'callback') ? expr.callback : callback;
    this.currOtherTypeCallback = Object.hasOwn(expr, 'otherTypeCallback') ? expr.otherTypeCallback : this.currOtherTypeCallback;
    currParent = Object.hasOwn(expr, 'parent') ? expr.parent : currParent;
    currParentProperty = Object.hasOwn(expr, 'parentProperty') ? expr.parentProperty : currParentProperty;
    expr = expr.path;
  }
  currParent = currParent || null;
  currParentProperty = currParentProperty || null;
  if (Array.isArray(expr)) {
    expr = JSONPath.toPathString(expr);
  }
  if (!expr && expr !== '' || !json) {
    return undefined;
  }
  const exprList = JSONPath.toPathArray(expr);
  if (exprList[0] === '$' && exprList.length > 1) {
    exprList.shift();
  }
  this._hasParentSelector = null;
  const result = this._trace(exprList, json, ['$'], currParent, currParentProperty, callback).filter(function (ea) {
    return ea && !ea.isParentSelector;
  });
  if (!result.length) {
    return wrap ? [] : undefined;
  }
  if (!wrap && result.length === 1 && !result[0].hasArrExpr) {
    return this._getPreferredOutput(result[0]);
  }
  return result.reduce((rslt, ea) => {
    const valOrPath = this._getPreferredOutput(ea);
    if (flatten && Array.isArray(valOrPath)) {
      rslt = rslt.concat(valOrPath);
    } else {
      rslt.push(valOrPath);
    }
    return rslt;
  }, []);
};

// PRIVATE METHODS

JSONPath.prototype._getPreferredOutput = function (ea) {
  const resultType = this.currResultType;
  switch (resultType) {
    case 'all':
      {
        const path = Array.isArray(ea.path) ? ea.path : JSONPath.toPathArray(ea.path);
        ea.pointer = JSONPath.toPointer(path);
        ea.path = typeof ea.path === 'string' ? ea.path : JSONPath.toPathString(ea.path);
        return ea;
      }
    case 'value':
    case 'parent':
    case 'parentProperty':
      return ea[resultType];
    case 'path':
      return JSONPath.toPathString(ea[resultType]);
    case 'pointer':
      return JSONPath.toPointer(ea.path);
    default:
      throw new TypeError('Unknown result type');
  }
};
JSONPath.prototype._handleCallback = function (fullRetObj, callback, type) {
  if (callback) {
    const preferredOutput = this._getPreferredOutput(fullRetObj);
    fullRetObj.path = typeof fullRetObj.path === 'string' ? fullRetObj.path : JSONPath.toPathString(fullRetObj.path);
    // eslint-disable-next-line n/callback-return -- No need to return
    callback(preferredOutput, type, fullRetObj);
  }
};

/**
 *
 * @param {string} expr
 * @param {JSONObject} val
 * @param {string} path
 * @param {object|GenericArray} parent
 * @param {string} parentPropName
 * @param {JSONPathCallback} callback
 * @param {boolean} hasArrExpr
 * @param {boolean} literalPriority
 * @returns {ReturnObject|ReturnObject[]}
 */
JSONPath.prototype._trace = function (expr, val, path, parent, parentPropName, callback, hasArrExpr, literalPriority) {
  // No expr to follow? return path and value as the result of
  //  this trace branch
  let retObj;
  if (!expr.length) {
    retObj = {
      path,
      value: val,
      parent,
      parentProperty: parentPropName,
      hasArrExpr
    };
    this._handleCallback(retObj, callback, 'value');
    return retObj;
  }
  const loc = expr[0],
    x = expr.slice(1);

  // We need to gather the return value of recursive trace calls in order to
  // do the parent sel computation.
  const ret = [];
  /**
   *
   * @param {ReturnObject|ReturnObject[]} elems
   * @returns {void}
   */
  function addRet(elems) {
    if (Array.isArray(elems)) {
      // This was causing excessive stack size in Node (with or
      //  without Babel) against our performance test:
      //  `ret.push(...elems);`
      elems.forEach(t => {
        ret.push(t);
      });
    } else {
      ret.push(elems);
    }
  }
  if ((typeof loc !== 'string' || literalPriority) && val && Object.hasOwn(val, loc)) {
    // simple case--directly follow property
    addRet(this._trace(x, val[loc], push(path, loc), val, loc, callback, hasArrExpr));
    // eslint-disable-next-line unicorn/prefer-switch -- Part of larger `if`
  } else if (loc === '*') {
    // all child properties
    this._walk(val, m => {
      addRet(this._trace(x, val[m], push(path, m), val, m, callback, true, true));
    });
  } else if (loc === '..') {
    // all descendent parent properties
    // Check remaining expression with val's immediate children
    addRet(this._trace(x, val, path, parent, parentPropName, callback, hasArrExpr));
    this._walk(val, m => {
      // We don't join m and x here because we only want parents,
      //   not scalar values
      if (typeof val[m] === 'object') {
        // Keep going with recursive descent on val's
        //   object children
        addRet(this._trace(expr.slice(), val[m], push(path, m), val, m, callback, true));
      }
    });
    // The parent sel computation is handled in the frame above using the
    // ancestor object of val
  } else if (loc === '^') {
    // This is not a final endpoint, so we do not invoke the callback here
    this._hasParentSelector = true;
    return {
      path: path.slice(0, -1),
      expr: x,
      isParentSelector: true
    };
  } else if (loc === '~') {
    // property name
    retObj = {
      path: push(path, loc),
      value: parentPropName,
      parent,
      parentProperty: null
    };
    this._handleCallback(retObj, callback, 'property');
    return retObj;
  } else if (loc === '$') {
    // root only
    addRet(this._trace(x, val, path, null, null, callback, hasArrExpr));
  } else if (/^(-?\d*):(-?\d*):?(\d*)$/u.test(loc)) {
    // [start:end:step]  Python slice syntax
    addRet(this._slice(loc, x, val, path, parent, parentPropName, callback));
  } else if (loc.indexOf('?(') === 0) {
    // [?(expr)] (filtering)
    if (this.currEval === false) {
      throw new Error('Eval [?(expr)] prevented in JSONPath expression.');
    }
    const safeLoc = loc.replace(/^\?\((.*?)\)$/u, '$1');
    // check for a nested filter expression
    const nested = /@.?([^?]*)[['](\??\(.*?\))(?!.\)\])[\]']/gu.exec(safeLoc);
    if (nested) {
      // find if there are matches in the nested expression
      // add them to the result set if there is at least one match
      this._walk(val, m => {
        const npath = [nested[2]];
        const nvalue = nested[1] ? val[m][nested[1]] : val[m];
        const filterResults = this._trace(npath, nvalue, path, parent, parentPropName, callback, true);
        if (filterResults.length > 0) {
          addRet(this._trace(x, val[m], push(path, m), val, m, callback, true));
        }
      });
    } else {
      this._walk(val, m => {
        if (this._eval(safeLoc, val[m], m, path, parent, parentPropName)) {
          addRet(this._trace(x, val[m], push(path, m), val, m, callback, true));
        }
      });
    }
  } else if (loc[0] === '(') {
    // [(expr)] (dynamic property/index)
    if (this.currEval === false) {
      throw new Error('Eval [(expr)] prevented in JSONPath expression.');
    }
    // As this will resolve to a property name (but we don't know it
    //  yet), property and parent information is relative to the
    //  parent of the property to which this expression will resolve
    addRet(this._trace(unshift(this._eval(loc, val, path.at(-1), path.slice(0, -1), parent, parentPropName), x), val, path, parent, parentPropName, callback, hasArrExpr));
  } else if (loc[0] === '@') {
    // value type: @boolean(), etc.
    let addType = false;
    const valueType = loc.slice(1, -2);
    switch (valueType) {
      case 'scalar':
        if (!val || !['object', 'function'].includes(typeof val)) {
          addType = true;
        }
        break;
      case 'boolean':
      case 'string':
      case 'undefined':
      case 'function':
        if (typeof val === valueType) {
          addType = true;
        }
        break;
      case 'integer':
        if (Number.isFinite(val) && !(val % 1)) {
          addType = true;
        }
        break;
      case 'number':
        if (Number.isFinite(val)) {
          addType = true;
        }
        break;
      case 'nonFinite':
        if (typeof val === 'number' && !Number.isFinite(val)) {
          addType = true;
        }
        break;
      case 'object':
        if (val && typeof val === valueType) {
          addType = true;
        }
        break;
      case 'array':
        if (Array.isArray(val)) {
          addType = true;
        }
        break;
      case 'other':
        addType = this.currOtherTypeCallback(val, path, parent, parentPropName);
        break;
      case 'null':
        if (val === null) {
          addType = true;
        }
        break;
      /* c8 ignore next 2 */
      default:
        throw new TypeError('Unknown value type ' + valueType);
    }
    if (addType) {
      retObj = {
        path,
        value: val,
        parent,
        parentProperty: parentPropName
      };
      this._handleCallback(retObj, callback, 'value');
      return retObj;
    }
    // `-escaped property
  } else if (loc[0] === '`' && val && Object.hasOwn(val, loc.slice(1))) {
    const locProp = loc.slice(1);
    addRet(this._trace(x, val[locProp], push(path, locProp), val, locProp, callback, hasArrExpr, true));
  } else if (loc.includes(',')) {
    // [name1,name2,...]
    const parts = loc.split(',');
    for (const part of parts) {
      addRet(this._trace(unshift(part, x), val, path, parent, parentPropName, callback, true));
    }
    // simple case--directly follow property
  } else if (!literalPriority && val && Object.hasOwn(val, loc)) {
    addRet(this._trace(x, val[loc], push(path, loc), val, loc, callback, hasArrExpr, true));
  }

  // We check the resulting values for parent selections. For parent
  // selections we discard the value object and continue the trace with the
  // current val object
  if (this._hasParentSelector) {
    for (let t = 0; t < ret.length; t++) {
      const rett = ret[t];
      if (rett && rett.isParentSelector) {
        const tmp = this._trace(rett.expr, val, rett.path, parent, parentPropName, callback, hasArrExpr);
        if (Array.isArray(tmp)) {
          ret[t] = tmp[0];
          const tl = tmp.length;
          for (let tt = 1; tt < tl; tt++) {
            // eslint-disable-next-line @stylistic/max-len -- Long
            // eslint-disable-next-line sonarjs/updated-loop-counter -- Convenient
            t++;
            ret.splice(t, 0, tmp[tt]);
          }
        } else {
          ret[t] = tmp;
        }
      }
    }
  }
  return ret;
};
JSONPath.prototype._walk = function (val, f) {
  if (Array.isArray(val)) {
    const n = val.length;
    for (let i = 0; i < n; i++) {
      f(i);
    }
  } else if (val && typeof val === 'object') {
    Object.keys(val).forEach(m => {
      f(m);
    });
  }
};
JSONPath.prototype._slice = function (loc, expr, val, path, parent, parentPropName, callback) {
  if (!Array.isArray(val)) {
    return undefined;
  }
  const len = val.length,
    parts = loc.split(':'),
    step = parts[2] && Number.parseInt(parts[2]) || 1;
  let start = parts[0] && Number.parseInt(parts[0]) || 0,
    end = parts[1] && Number.parseInt(parts[1]) || len;
  start = start < 0 ? Math.max(0, start + len) : Math.min(len, start);
  end = end < 0 ? Math.max(0, end + len) : Math.min(len, end);
  const ret = [];
  for (let i = start; i < end; i += step) {
    const tmp = this._trace(unshift(i, expr), val, path, parent, parentPropName, callback, true);
    // Should only be possible to be an array here since first part of
    //   ``unshift(i, expr)` passed in above would not be empty, nor `~`,
    //     nor begin with `@` (as could return objects)
    // This was causing excessive stack size in Node (with or
    //  without Babel) against our performance test: `ret.push(...tmp);`
    tmp.forEach(t => {
      ret.push(t);
    });
  }
  return ret;
};
JSONPath.prototype._eval = function (code, _v, _vname, path, parent, parentPropName) {
  this.currSandbox._$_parentProperty = parentPropName;
  this.currSandbox._$_parent = parent;
  this.currSandbox._$_property = _vname;
  this.currSandbox._$_root = this.json;
  this.currSandbox._$_v = _v;
  const containsPath = code.includes('@path');
  if (containsPath) {
    this.currSandbox._$_path = JSONPath.toPathString(path.concat([_vname]));
  }
  const scriptCacheKey = this.currEval + 'Script:' + code;
  if (!JSONPath.cache[scriptCacheKey]) {
    let script = code.replaceAll('@parentProperty', '_$_parentProperty').replaceAll('@parent', '_$_parent').replaceAll('@property', '_$_property').replaceAll('@root', '_$_root').replaceAll(/@([.\s)[])/gu, '_$_v$1');
    if (containsPath) {
      script = script.replaceAll('@path', '_$_path');
    }
    if (this.currEval === 'safe' || this.currEval === true || this.currEval === undefined) {
      JSONPath.cache[scriptCacheKey] = new this.safeVm.Script(script);
    } else if (this.currEval === 'native') {
      JSONPath.cache[scriptCacheKey] = new this.vm.Script(script);
    } else if (typeof this.currEval === 'function' && this.currEval.prototype && Object.hasOwn(this.currEval.prototype, 'runInNewContext')) {
      const CurrEval = this.currEval;
      JSONPath.cache[scriptCacheKey] = new CurrEval(script);
    } else if (typeof this.currEval === 'function') {
      JSONPath.cache[scriptCacheKey] = {
        runInNewContext: context => this.currEval(script, context)
      };
    } else {
      throw new TypeError(`Unknown "eval" property "${this.currEval}"`);
    }
  }
  try {
    return JSONPath.cache[scriptCacheKey].runInNewContext(this.currSandbox);
  } catch (e) {
    if (this.ignoreEvalErrors) {
      return false;
    }
    throw new Error('jsonPath: ' + e.message + ': ' + code);
  }
};

// PUBLIC CLASS PROPERTIES AND METHODS

// Could store the cache object itself
JSONPath.cache = {};

/**
 * @param {string[]} pathArr Array to convert
 * @returns {string} The path string
 */
JSONPath.toPathString = function (pathArr) {
  const x = pathArr,
    n = x.length;
  let p = '$';
  for (let i = 1; i < n; i++) {
    if (!/^(~|\^|@.*?\(\))$/u.test(x[i])) {
      p += /^[0-9*]+$/u.test(x[i]) ? '[' + x[i] + ']' : "['" + x[i] + "']";
    }
  }
  return p;
};

/**
 * @param {string} pointer JSON Path
 * @returns {string} JSON Pointer
 */
JSONPath.toPointer = function (pointer) {
  const x = pointer,
    n = x.length;
  let p = '';
  for (let i = 1; i < n; i++) {
    if (!/^(~|\^|@.*?\(\))$/u.test(x[i])) {
      p += '/' + x[i].toString().replaceAll('~', '~0').replaceAll('/', '~1');
    }
  }
  return p;
};

/**
 * @param {string} expr Expression to convert
 * @returns {string[]}
 */
JSONPath.toPathArray = function (expr) {
  const {
    cache
  } = JSONPath;
  if (cache[expr]) {
    return cache[expr].concat();
  }
  const subx = [];
  const normalized = expr
  // Properties
  .replaceAll(/@(?:null|boolean|number|string|integer|undefined|nonFinite|scalar|array|object|function|other)\(\)/gu, ';$&;')
  // Parenthetical evaluations (filtering and otherwise), directly
  //   within brackets or single quotes
  .replaceAll(/[['](\??\(.*?\))[\]'](?!.\])/gu, function ($0, $1) {
    return '[#' + (subx.push($1) - 1) + ']';
  })
  // Escape periods and tildes within properties
  .replaceAll(/\[['"]([^'\]]*)['"]\]/gu, function ($0, prop) {
    return "['" + prop.replaceAll('.', '%@%').replaceAll('~', '%%@@%%') + "']";
  })
  // Properties operator
  .replaceAll('~', ';~;')
  // Split by property boundaries
  .replaceAll(/['"]?\.['"]?(?![^[]*\])|\[['"]?/gu, ';')
  // Reinsert periods within properties
  .replaceAll('%@%', '.')
  // Reinsert tildes within properties
  .replaceAll('%%@@%%', '~')
  // Parent
  .replaceAll(/(?:;)?(\^+)(?:;)?/gu, function ($0, ups) {
    return ';' + ups.split('').join(';') + ';';
  })
  // Descendents
  .replaceAll(/;;;|;;/gu, ';..;')
  // Remove trailing
  .replaceAll(/;$|'?\]|'$/gu, '');
  const exprList = normalized.split(';').map(function (exp) {
    const match = exp.match(/#(\d+)/u);
    return !match || !match[1] ? exp : subx[match[1]];
  });
  cache[expr] = exprList;
  return cache[expr].concat();
};
JSONPath.prototype.safeVm = {
  Script: SafeScript
};

JSONPath.prototype.vm = vm;

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
        const resultObj = JSON.parse(output);
        const tokenPathKeyInConfig = config['token-key'];
        const expiryPathKeyInConfig = config['expiry-key'];
        // Format in file is {<query>}, so slice it out and add '$'
        const tokenPathKey = '$' + tokenPathKeyInConfig.slice(1, -1);
        const expiryPathKey = '$' + expiryPathKeyInConfig.slice(1, -1);
        config['access-token'] = JSONPath({ path: tokenPathKey, json: resultObj });
        config.expiry = JSONPath({ path: expiryPathKey, json: resultObj });
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
        const resultObj = JSON.parse(output);
        const tokenPathKeyInConfig = config['token-key'];
        const expiryPathKeyInConfig = config['expiry-key'];
        // Format in file is {<query>}, so slice it out and add '$'
        const tokenPathKey = '$' + tokenPathKeyInConfig.slice(1, -1);
        const expiryPathKey = '$' + expiryPathKeyInConfig.slice(1, -1);
        config['access-token'] = JSONPath({ path: tokenPathKey, json: resultObj });
        config.expiry = JSONPath({ path: expiryPathKey, json: resultObj });
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
        const resultPromise = fetch$1(request.getUrl(), {
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
        this.url = new URL$1(ensureAbsoluteUrl(url));
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
        this.url = new URL$1(ensureAbsoluteUrl(url));
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

let USER_AGENT$1;
if (typeof navigator === 'undefined' || !navigator.userAgent?.startsWith?.('Mozilla/5.0 ')) {
    const NAME = 'oauth4webapi';
    const VERSION = 'v3.8.8';
    USER_AGENT$1 = `${NAME}/${VERSION}`;
}
function looseInstanceOf(input, expected) {
    if (input == null) {
        return false;
    }
    try {
        return (input instanceof expected ||
            Object.getPrototypeOf(input)[Symbol.toStringTag] === expected.prototype[Symbol.toStringTag]);
    }
    catch {
        return false;
    }
}
const ERR_INVALID_ARG_VALUE$1 = 'ERR_INVALID_ARG_VALUE';
const ERR_INVALID_ARG_TYPE$1 = 'ERR_INVALID_ARG_TYPE';
function CodedTypeError$1(message, code, cause) {
    const err = new TypeError(message, { cause });
    Object.assign(err, { code });
    return err;
}
const allowInsecureRequests$1 = Symbol();
const clockSkew = Symbol();
const clockTolerance = Symbol();
const customFetch$1 = Symbol();
const jweDecrypt = Symbol();
const encoder = new TextEncoder();
const decoder = new TextDecoder();
function buf(input) {
    if (typeof input === 'string') {
        return encoder.encode(input);
    }
    return decoder.decode(input);
}
let encodeBase64Url;
if (Uint8Array.prototype.toBase64) {
    encodeBase64Url = (input) => {
        if (input instanceof ArrayBuffer) {
            input = new Uint8Array(input);
        }
        return input.toBase64({ alphabet: 'base64url', omitPadding: true });
    };
}
else {
    const CHUNK_SIZE = 0x8000;
    encodeBase64Url = (input) => {
        if (input instanceof ArrayBuffer) {
            input = new Uint8Array(input);
        }
        const arr = [];
        for (let i = 0; i < input.byteLength; i += CHUNK_SIZE) {
            arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
        }
        return btoa(arr.join('')).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
    };
}
let decodeBase64Url;
if (Uint8Array.fromBase64) {
    decodeBase64Url = (input) => {
        try {
            return Uint8Array.fromBase64(input, { alphabet: 'base64url' });
        }
        catch (cause) {
            throw CodedTypeError$1('The input to be decoded is not correctly encoded.', ERR_INVALID_ARG_VALUE$1, cause);
        }
    };
}
else {
    decodeBase64Url = (input) => {
        try {
            const binary = atob(input.replace(/-/g, '+').replace(/_/g, '/').replace(/\s/g, ''));
            const bytes = new Uint8Array(binary.length);
            for (let i = 0; i < binary.length; i++) {
                bytes[i] = binary.charCodeAt(i);
            }
            return bytes;
        }
        catch (cause) {
            throw CodedTypeError$1('The input to be decoded is not correctly encoded.', ERR_INVALID_ARG_VALUE$1, cause);
        }
    };
}
function b64u(input) {
    if (typeof input === 'string') {
        return decodeBase64Url(input);
    }
    return encodeBase64Url(input);
}
class UnsupportedOperationError extends Error {
    code;
    constructor(message, options) {
        super(message, options);
        this.name = this.constructor.name;
        this.code = UNSUPPORTED_OPERATION;
        Error.captureStackTrace?.(this, this.constructor);
    }
}
class OperationProcessingError extends Error {
    code;
    constructor(message, options) {
        super(message, options);
        this.name = this.constructor.name;
        if (options?.code) {
            this.code = options?.code;
        }
        Error.captureStackTrace?.(this, this.constructor);
    }
}
function OPE(message, code, cause) {
    return new OperationProcessingError(message, { code, cause });
}
function isJsonObject(input) {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        return false;
    }
    return true;
}
function prepareHeaders(input) {
    if (looseInstanceOf(input, Headers)) {
        input = Object.fromEntries(input.entries());
    }
    const headers = new Headers(input ?? {});
    if (USER_AGENT$1 && !headers.has('user-agent')) {
        headers.set('user-agent', USER_AGENT$1);
    }
    if (headers.has('authorization')) {
        throw CodedTypeError$1('"options.headers" must not include the "authorization" header name', ERR_INVALID_ARG_VALUE$1);
    }
    return headers;
}
function signal$1(url, value) {
    if (value !== undefined) {
        if (typeof value === 'function') {
            value = value(url.href);
        }
        if (!(value instanceof AbortSignal)) {
            throw CodedTypeError$1('"options.signal" must return or be an instance of AbortSignal', ERR_INVALID_ARG_TYPE$1);
        }
        return value;
    }
    return undefined;
}
function replaceDoubleSlash(pathname) {
    if (pathname.includes('//')) {
        return pathname.replace('//', '/');
    }
    return pathname;
}
function prependWellKnown(url, wellKnown, allowTerminatingSlash = false) {
    if (url.pathname === '/') {
        url.pathname = wellKnown;
    }
    else {
        url.pathname = replaceDoubleSlash(`${wellKnown}/${allowTerminatingSlash ? url.pathname : url.pathname.replace(/(\/)$/, '')}`);
    }
    return url;
}
function appendWellKnown(url, wellKnown) {
    url.pathname = replaceDoubleSlash(`${url.pathname}/${wellKnown}`);
    return url;
}
async function performDiscovery$1(input, urlName, transform, options) {
    if (!(input instanceof URL)) {
        throw CodedTypeError$1(`"${urlName}" must be an instance of URL`, ERR_INVALID_ARG_TYPE$1);
    }
    checkProtocol(input, options?.[allowInsecureRequests$1] !== true);
    const url = transform(new URL(input.href));
    const headers = prepareHeaders(options?.headers);
    headers.set('accept', 'application/json');
    return (options?.[customFetch$1] || fetch)(url.href, {
        body: undefined,
        headers: Object.fromEntries(headers.entries()),
        method: 'GET',
        redirect: 'manual',
        signal: signal$1(url, options?.signal),
    });
}
async function discoveryRequest(issuerIdentifier, options) {
    return performDiscovery$1(issuerIdentifier, 'issuerIdentifier', (url) => {
        switch (options?.algorithm) {
            case undefined:
            case 'oidc':
                appendWellKnown(url, '.well-known/openid-configuration');
                break;
            case 'oauth2':
                prependWellKnown(url, '.well-known/oauth-authorization-server');
                break;
            default:
                throw CodedTypeError$1('"options.algorithm" must be "oidc" (default), or "oauth2"', ERR_INVALID_ARG_VALUE$1);
        }
        return url;
    }, options);
}
function assertNumber(input, allow0, it, code, cause) {
    try {
        if (typeof input !== 'number' || !Number.isFinite(input)) {
            throw CodedTypeError$1(`${it} must be a number`, ERR_INVALID_ARG_TYPE$1, cause);
        }
        if (input > 0)
            return;
        if (allow0) {
            if (input !== 0) {
                throw CodedTypeError$1(`${it} must be a non-negative number`, ERR_INVALID_ARG_VALUE$1, cause);
            }
            return;
        }
        throw CodedTypeError$1(`${it} must be a positive number`, ERR_INVALID_ARG_VALUE$1, cause);
    }
    catch (err) {
        if (code) {
            throw OPE(err.message, code, cause);
        }
        throw err;
    }
}
function assertString$1(input, it, code, cause) {
    try {
        if (typeof input !== 'string') {
            throw CodedTypeError$1(`${it} must be a string`, ERR_INVALID_ARG_TYPE$1, cause);
        }
        if (input.length === 0) {
            throw CodedTypeError$1(`${it} must not be empty`, ERR_INVALID_ARG_VALUE$1, cause);
        }
    }
    catch (err) {
        if (code) {
            throw OPE(err.message, code, cause);
        }
        throw err;
    }
}
async function processDiscoveryResponse(expectedIssuerIdentifier, response) {
    const expected = expectedIssuerIdentifier;
    if (!(expected instanceof URL) && expected !== _nodiscoverycheck) {
        throw CodedTypeError$1('"expectedIssuerIdentifier" must be an instance of URL', ERR_INVALID_ARG_TYPE$1);
    }
    if (!looseInstanceOf(response, Response)) {
        throw CodedTypeError$1('"response" must be an instance of Response', ERR_INVALID_ARG_TYPE$1);
    }
    if (response.status !== 200) {
        throw OPE('"response" is not a conform Authorization Server Metadata response (unexpected HTTP status code)', RESPONSE_IS_NOT_CONFORM, response);
    }
    assertReadableResponse(response);
    const json = await getResponseJsonBody(response);
    assertString$1(json.issuer, '"response" body "issuer" property', INVALID_RESPONSE, { body: json });
    if (expected !== _nodiscoverycheck && new URL(json.issuer).href !== expected.href) {
        throw OPE('"response" body "issuer" property does not match the expected value', JSON_ATTRIBUTE_COMPARISON, { expected: expected.href, body: json, attribute: 'issuer' });
    }
    return json;
}
function assertApplicationJson(response) {
    assertContentType(response, 'application/json');
}
function notJson(response, ...types) {
    let msg = '"response" content-type must be ';
    if (types.length > 2) {
        const last = types.pop();
        msg += `${types.join(', ')}, or ${last}`;
    }
    else if (types.length === 2) {
        msg += `${types[0]} or ${types[1]}`;
    }
    else {
        msg += types[0];
    }
    return OPE(msg, RESPONSE_IS_NOT_JSON, response);
}
function assertContentType(response, contentType) {
    if (getContentType(response) !== contentType) {
        throw notJson(response, contentType);
    }
}
function getClockSkew(client) {
    const skew = client?.[clockSkew];
    return typeof skew === 'number' && Number.isFinite(skew) ? skew : 0;
}
function getClockTolerance(client) {
    const tolerance = client?.[clockTolerance];
    return typeof tolerance === 'number' && Number.isFinite(tolerance) && Math.sign(tolerance) !== -1
        ? tolerance
        : 30;
}
function epochTime() {
    return Math.floor(Date.now() / 1000);
}
function assertAs(as) {
    if (typeof as !== 'object' || as === null) {
        throw CodedTypeError$1('"as" must be an object', ERR_INVALID_ARG_TYPE$1);
    }
    assertString$1(as.issuer, '"as.issuer"');
}
function assertClient(client) {
    if (typeof client !== 'object' || client === null) {
        throw CodedTypeError$1('"client" must be an object', ERR_INVALID_ARG_TYPE$1);
    }
    assertString$1(client.client_id, '"client.client_id"');
}
function ClientSecretPost$1(clientSecret) {
    assertString$1(clientSecret, '"clientSecret"');
    return (_as, client, body, _headers) => {
        body.set('client_id', client.client_id);
        body.set('client_secret', clientSecret);
    };
}
function None$1() {
    return (_as, client, body, _headers) => {
        body.set('client_id', client.client_id);
    };
}
const URLParse = URL.parse
    ?
        (url, base) => URL.parse(url, base)
    : (url, base) => {
        try {
            return new URL(url, base);
        }
        catch {
            return null;
        }
    };
function checkProtocol(url, enforceHttps) {
    if (enforceHttps && url.protocol !== 'https:') {
        throw OPE('only requests to HTTPS are allowed', HTTP_REQUEST_FORBIDDEN, url);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw OPE('only HTTP and HTTPS requests are allowed', REQUEST_PROTOCOL_FORBIDDEN, url);
    }
}
function validateEndpoint(value, endpoint, useMtlsAlias, enforceHttps) {
    let url;
    if (typeof value !== 'string' || !(url = URLParse(value))) {
        throw OPE(`authorization server metadata does not contain a valid ${useMtlsAlias ? `"as.mtls_endpoint_aliases.${endpoint}"` : `"as.${endpoint}"`}`, value === undefined ? MISSING_SERVER_METADATA : INVALID_SERVER_METADATA, { attribute: useMtlsAlias ? `mtls_endpoint_aliases.${endpoint}` : endpoint });
    }
    checkProtocol(url, enforceHttps);
    return url;
}
function resolveEndpoint(as, endpoint, useMtlsAlias, enforceHttps) {
    if (useMtlsAlias && as.mtls_endpoint_aliases && endpoint in as.mtls_endpoint_aliases) {
        return validateEndpoint(as.mtls_endpoint_aliases[endpoint], endpoint, useMtlsAlias, enforceHttps);
    }
    return validateEndpoint(as[endpoint], endpoint, useMtlsAlias, enforceHttps);
}
function isDPoPNonceError(err) {
    if (err instanceof WWWAuthenticateChallengeError) {
        return err.cause.some((challenge) => challenge.scheme === 'dpop' && challenge.parameters.error === 'use_dpop_nonce');
    }
    if (err instanceof ResponseBodyError) {
        return err.error === 'use_dpop_nonce';
    }
    return false;
}
class ResponseBodyError extends Error {
    cause;
    code;
    error;
    status;
    error_description;
    response;
    constructor(message, options) {
        super(message, options);
        this.name = this.constructor.name;
        this.code = RESPONSE_BODY_ERROR;
        this.cause = options.cause;
        this.error = options.cause.error;
        this.status = options.response.status;
        this.error_description = options.cause.error_description;
        Object.defineProperty(this, 'response', { enumerable: false, value: options.response });
        Error.captureStackTrace?.(this, this.constructor);
    }
}
class AuthorizationResponseError extends Error {
    cause;
    code;
    error;
    error_description;
    constructor(message, options) {
        super(message, options);
        this.name = this.constructor.name;
        this.code = AUTHORIZATION_RESPONSE_ERROR;
        this.cause = options.cause;
        this.error = options.cause.get('error');
        this.error_description = options.cause.get('error_description') ?? undefined;
        Error.captureStackTrace?.(this, this.constructor);
    }
}
class WWWAuthenticateChallengeError extends Error {
    cause;
    code;
    response;
    status;
    constructor(message, options) {
        super(message, options);
        this.name = this.constructor.name;
        this.code = WWW_AUTHENTICATE_CHALLENGE;
        this.cause = options.cause;
        this.status = options.response.status;
        this.response = options.response;
        Object.defineProperty(this, 'response', { enumerable: false });
        Error.captureStackTrace?.(this, this.constructor);
    }
}
const tokenMatch = "[a-zA-Z0-9!#$%&\\'\\*\\+\\-\\.\\^_`\\|~]+";
const token68Match = '[a-zA-Z0-9\\-\\._\\~\\+\\/]+={0,2}';
const quotedMatch = '"((?:[^"\\\\]|\\\\[\\s\\S])*)"';
const quotedParamMatcher = '(' + tokenMatch + ')\\s*=\\s*' + quotedMatch;
const paramMatcher = '(' + tokenMatch + ')\\s*=\\s*(' + tokenMatch + ')';
const schemeRE = new RegExp('^[,\\s]*(' + tokenMatch + ')');
const quotedParamRE = new RegExp('^[,\\s]*' + quotedParamMatcher + '[,\\s]*(.*)');
const unquotedParamRE = new RegExp('^[,\\s]*' + paramMatcher + '[,\\s]*(.*)');
const token68ParamRE = new RegExp('^(' + token68Match + ')(?:$|[,\\s])(.*)');
function parseWwwAuthenticateChallenges(response) {
    if (!looseInstanceOf(response, Response)) {
        throw CodedTypeError$1('"response" must be an instance of Response', ERR_INVALID_ARG_TYPE$1);
    }
    const header = response.headers.get('www-authenticate');
    if (header === null) {
        return undefined;
    }
    const challenges = [];
    let rest = header;
    while (rest) {
        let match = rest.match(schemeRE);
        const scheme = match?.['1'].toLowerCase();
        if (!scheme) {
            return undefined;
        }
        const afterScheme = rest.substring(match[0].length);
        if (afterScheme && !afterScheme.match(/^[\s,]/)) {
            return undefined;
        }
        const spaceMatch = afterScheme.match(/^\s+(.*)$/);
        const hasParameters = !!spaceMatch;
        rest = spaceMatch ? spaceMatch[1] : undefined;
        const parameters = {};
        let token68;
        if (hasParameters) {
            while (rest) {
                let key;
                let value;
                if ((match = rest.match(quotedParamRE))) {
                    [, key, value, rest] = match;
                    if (value.includes('\\')) {
                        value = value.replace(/\\([\s\S])/g, '$1');
                    }
                    parameters[key.toLowerCase()] = value;
                    continue;
                }
                if ((match = rest.match(unquotedParamRE))) {
                    [, key, value, rest] = match;
                    parameters[key.toLowerCase()] = value;
                    continue;
                }
                if ((match = rest.match(token68ParamRE))) {
                    if (Object.keys(parameters).length) {
                        break;
                    }
                    [, token68, rest] = match;
                    break;
                }
                return undefined;
            }
        }
        else {
            rest = afterScheme || undefined;
        }
        const challenge = { scheme, parameters };
        if (token68) {
            challenge.token68 = token68;
        }
        challenges.push(challenge);
    }
    if (!challenges.length) {
        return undefined;
    }
    return challenges;
}
async function parseOAuthResponseErrorBody(response) {
    if (response.status > 399 && response.status < 500) {
        assertReadableResponse(response);
        assertApplicationJson(response);
        try {
            const json = await response.clone().json();
            if (isJsonObject(json) && typeof json.error === 'string' && json.error.length) {
                return json;
            }
        }
        catch { }
    }
    return undefined;
}
async function checkOAuthBodyError(response, expected, label) {
    if (response.status !== expected) {
        checkAuthenticationChallenges(response);
        let err;
        if ((err = await parseOAuthResponseErrorBody(response))) {
            await response.body?.cancel();
            throw new ResponseBodyError('server responded with an error in the response body', {
                cause: err,
                response,
            });
        }
        throw OPE(`"response" is not a conform ${label} response (unexpected HTTP status code)`, RESPONSE_IS_NOT_CONFORM, response);
    }
}
function assertDPoP(option) {
    if (!branded.has(option)) {
        throw CodedTypeError$1('"options.DPoP" is not a valid DPoPHandle', ERR_INVALID_ARG_VALUE$1);
    }
}
function getContentType(input) {
    return input.headers.get('content-type')?.split(';')[0];
}
async function authenticatedRequest(as, client, clientAuthentication, url, body, headers, options) {
    await clientAuthentication(as, client, body, headers);
    headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    return (options?.[customFetch$1] || fetch)(url.href, {
        body,
        headers: Object.fromEntries(headers.entries()),
        method: 'POST',
        redirect: 'manual',
        signal: signal$1(url, options?.signal),
    });
}
async function tokenEndpointRequest(as, client, clientAuthentication, grantType, parameters, options) {
    const url = resolveEndpoint(as, 'token_endpoint', client.use_mtls_endpoint_aliases, options?.[allowInsecureRequests$1] !== true);
    parameters.set('grant_type', grantType);
    const headers = prepareHeaders(options?.headers);
    headers.set('accept', 'application/json');
    if (options?.DPoP !== undefined) {
        assertDPoP(options.DPoP);
        await options.DPoP.addProof(url, headers, 'POST');
    }
    const response = await authenticatedRequest(as, client, clientAuthentication, url, parameters, headers, options);
    options?.DPoP?.cacheNonce(response, url);
    return response;
}
async function refreshTokenGrantRequest(as, client, clientAuthentication, refreshToken, options) {
    assertAs(as);
    assertClient(client);
    assertString$1(refreshToken, '"refreshToken"');
    const parameters = new URLSearchParams(options?.additionalParameters);
    parameters.set('refresh_token', refreshToken);
    return tokenEndpointRequest(as, client, clientAuthentication, 'refresh_token', parameters, options);
}
const idTokenClaims = new WeakMap();
const jwtRefs = new WeakMap();
function getValidatedIdTokenClaims(ref) {
    if (!ref.id_token) {
        return undefined;
    }
    const claims = idTokenClaims.get(ref);
    if (!claims) {
        throw CodedTypeError$1('"ref" was already garbage collected or did not resolve from the proper sources', ERR_INVALID_ARG_VALUE$1);
    }
    return claims;
}
async function processGenericAccessTokenResponse(as, client, response, additionalRequiredIdTokenClaims, decryptFn, recognizedTokenTypes) {
    assertAs(as);
    assertClient(client);
    if (!looseInstanceOf(response, Response)) {
        throw CodedTypeError$1('"response" must be an instance of Response', ERR_INVALID_ARG_TYPE$1);
    }
    await checkOAuthBodyError(response, 200, 'Token Endpoint');
    assertReadableResponse(response);
    const json = await getResponseJsonBody(response);
    assertString$1(json.access_token, '"response" body "access_token" property', INVALID_RESPONSE, {
        body: json,
    });
    assertString$1(json.token_type, '"response" body "token_type" property', INVALID_RESPONSE, {
        body: json,
    });
    json.token_type = json.token_type.toLowerCase();
    if (json.expires_in !== undefined) {
        let expiresIn = typeof json.expires_in !== 'number' ? parseFloat(json.expires_in) : json.expires_in;
        assertNumber(expiresIn, true, '"response" body "expires_in" property', INVALID_RESPONSE, {
            body: json,
        });
        json.expires_in = expiresIn;
    }
    if (json.refresh_token !== undefined) {
        assertString$1(json.refresh_token, '"response" body "refresh_token" property', INVALID_RESPONSE, {
            body: json,
        });
    }
    if (json.scope !== undefined && typeof json.scope !== 'string') {
        throw OPE('"response" body "scope" property must be a string', INVALID_RESPONSE, { body: json });
    }
    if (json.id_token !== undefined) {
        assertString$1(json.id_token, '"response" body "id_token" property', INVALID_RESPONSE, {
            body: json,
        });
        const requiredClaims = [];
        if (client.require_auth_time === true) {
            requiredClaims.push('auth_time');
        }
        if (client.default_max_age !== undefined) {
            assertNumber(client.default_max_age, true, '"client.default_max_age"');
            requiredClaims.push('auth_time');
        }
        const { claims, jwt } = await validateIdTokenClaims(as, client, json.id_token, requiredClaims, decryptFn);
        validateIdTokenAuthorizedParty(client, claims);
        validateIdTokenAuthTimeClaim(claims);
        jwtRefs.set(response, jwt);
        idTokenClaims.set(json, claims);
    }
    if (recognizedTokenTypes?.[json.token_type] !== undefined) {
        recognizedTokenTypes[json.token_type](response, json);
    }
    else if (json.token_type !== 'dpop' && json.token_type !== 'bearer') {
        throw new UnsupportedOperationError('unsupported `token_type` value', { cause: { body: json } });
    }
    return json;
}
function checkAuthenticationChallenges(response) {
    let challenges;
    if ((challenges = parseWwwAuthenticateChallenges(response))) {
        throw new WWWAuthenticateChallengeError('server responded with a challenge in the WWW-Authenticate HTTP Header', { cause: challenges, response });
    }
}
async function processRefreshTokenResponse(as, client, response, options) {
    return processGenericAccessTokenResponse(as, client, response, undefined, options?.[jweDecrypt], options?.recognizedTokenTypes);
}
function validateAudience(expected, result) {
    if (Array.isArray(result.claims.aud)) {
        if (!result.claims.aud.includes(expected)) {
            throw OPE('unexpected JWT "aud" (audience) claim value', JWT_CLAIM_COMPARISON, {
                expected,
                claims: result.claims,
                claim: 'aud',
            });
        }
    }
    else if (result.claims.aud !== expected) {
        throw OPE('unexpected JWT "aud" (audience) claim value', JWT_CLAIM_COMPARISON, {
            expected,
            claims: result.claims,
            claim: 'aud',
        });
    }
    return result;
}
function validateIssuer(as, result) {
    const expected = as[_expectedIssuer]?.(result) ?? as.issuer;
    if (result.claims.iss !== expected) {
        throw OPE('unexpected JWT "iss" (issuer) claim value', JWT_CLAIM_COMPARISON, {
            expected,
            claims: result.claims,
            claim: 'iss',
        });
    }
    return result;
}
const branded = new WeakSet();
const jwtClaimNames = {
    aud: 'audience',
    c_hash: 'code hash',
    client_id: 'client id',
    exp: 'expiration time',
    iat: 'issued at',
    iss: 'issuer',
    jti: 'jwt id',
    nonce: 'nonce',
    s_hash: 'state hash',
    sub: 'subject',
    ath: 'access token hash',
    htm: 'http method',
    htu: 'http uri',
    cnf: 'confirmation',
    auth_time: 'authentication time',
};
function validatePresence(required, result) {
    for (const claim of required) {
        if (result.claims[claim] === undefined) {
            throw OPE(`JWT "${claim}" (${jwtClaimNames[claim]}) claim missing`, INVALID_RESPONSE, {
                claims: result.claims,
            });
        }
    }
    return result;
}
function validateStringClaim(claim, result) {
    if (typeof result.claims[claim] !== 'string') {
        throw OPE(`unexpected JWT "${claim}" (${jwtClaimNames[claim]}) claim type`, INVALID_RESPONSE, {
            claims: result.claims,
        });
    }
    return result;
}
function validateIdTokenClaims(as, client, idToken, requiredClaims, decryptFn) {
    return validateJwt(idToken, checkSigningAlgorithm.bind(undefined, client.id_token_signed_response_alg, as.id_token_signing_alg_values_supported, 'RS256'), getClockSkew(client), getClockTolerance(client), decryptFn)
        .then(validatePresence.bind(undefined, ['aud', 'exp', 'iat', 'iss', 'sub', ...requiredClaims]))
        .then(validateIssuer.bind(undefined, as))
        .then(validateAudience.bind(undefined, client.client_id))
        .then(validateStringClaim.bind(undefined, 'sub'));
}
function validateIdTokenAuthTimeClaim(claims) {
    if (claims.auth_time !== undefined) {
        assertNumber(claims.auth_time, true, 'ID Token "auth_time" (authentication time)', INVALID_RESPONSE, { claims });
    }
}
function validateIdTokenAuthorizedParty(client, claims) {
    if (Array.isArray(claims.aud) && claims.aud.length !== 1) {
        if (claims.azp === undefined) {
            throw OPE('ID Token "aud" (audience) claim includes additional untrusted audiences', JWT_CLAIM_COMPARISON, { claims, claim: 'aud' });
        }
        if (claims.azp !== client.client_id) {
            throw OPE('unexpected ID Token "azp" (authorized party) claim value', JWT_CLAIM_COMPARISON, {
                expected: client.client_id,
                claims,
                claim: 'azp',
            });
        }
    }
}
const WWW_AUTHENTICATE_CHALLENGE = 'OAUTH_WWW_AUTHENTICATE_CHALLENGE';
const RESPONSE_BODY_ERROR = 'OAUTH_RESPONSE_BODY_ERROR';
const UNSUPPORTED_OPERATION = 'OAUTH_UNSUPPORTED_OPERATION';
const AUTHORIZATION_RESPONSE_ERROR = 'OAUTH_AUTHORIZATION_RESPONSE_ERROR';
const PARSE_ERROR = 'OAUTH_PARSE_ERROR';
const INVALID_RESPONSE = 'OAUTH_INVALID_RESPONSE';
const RESPONSE_IS_NOT_JSON = 'OAUTH_RESPONSE_IS_NOT_JSON';
const RESPONSE_IS_NOT_CONFORM = 'OAUTH_RESPONSE_IS_NOT_CONFORM';
const HTTP_REQUEST_FORBIDDEN = 'OAUTH_HTTP_REQUEST_FORBIDDEN';
const REQUEST_PROTOCOL_FORBIDDEN = 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN';
const JWT_TIMESTAMP_CHECK = 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED';
const JWT_CLAIM_COMPARISON = 'OAUTH_JWT_CLAIM_COMPARISON_FAILED';
const JSON_ATTRIBUTE_COMPARISON = 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED';
const MISSING_SERVER_METADATA = 'OAUTH_MISSING_SERVER_METADATA';
const INVALID_SERVER_METADATA = 'OAUTH_INVALID_SERVER_METADATA';
function assertReadableResponse(response) {
    if (response.bodyUsed) {
        throw CodedTypeError$1('"response" body has been used already', ERR_INVALID_ARG_VALUE$1);
    }
}
async function validateJwt(jws, checkAlg, clockSkew, clockTolerance, decryptJwt) {
    let { 0: protectedHeader, 1: payload, length } = jws.split('.');
    if (length === 5) {
        if (decryptJwt !== undefined) {
            jws = await decryptJwt(jws);
            ({ 0: protectedHeader, 1: payload, length } = jws.split('.'));
        }
        else {
            throw new UnsupportedOperationError('JWE decryption is not configured', { cause: jws });
        }
    }
    if (length !== 3) {
        throw OPE('Invalid JWT', INVALID_RESPONSE, jws);
    }
    let header;
    try {
        header = JSON.parse(buf(b64u(protectedHeader)));
    }
    catch (cause) {
        throw OPE('failed to parse JWT Header body as base64url encoded JSON', PARSE_ERROR, cause);
    }
    if (!isJsonObject(header)) {
        throw OPE('JWT Header must be a top level object', INVALID_RESPONSE, jws);
    }
    checkAlg(header);
    if (header.crit !== undefined) {
        throw new UnsupportedOperationError('no JWT "crit" header parameter extensions are supported', {
            cause: { header },
        });
    }
    let claims;
    try {
        claims = JSON.parse(buf(b64u(payload)));
    }
    catch (cause) {
        throw OPE('failed to parse JWT Payload body as base64url encoded JSON', PARSE_ERROR, cause);
    }
    if (!isJsonObject(claims)) {
        throw OPE('JWT Payload must be a top level object', INVALID_RESPONSE, jws);
    }
    const now = epochTime() + clockSkew;
    if (claims.exp !== undefined) {
        if (typeof claims.exp !== 'number') {
            throw OPE('unexpected JWT "exp" (expiration time) claim type', INVALID_RESPONSE, { claims });
        }
        if (claims.exp <= now - clockTolerance) {
            throw OPE('unexpected JWT "exp" (expiration time) claim value, expiration is past current timestamp', JWT_TIMESTAMP_CHECK, { claims, now, tolerance: clockTolerance, claim: 'exp' });
        }
    }
    if (claims.iat !== undefined) {
        if (typeof claims.iat !== 'number') {
            throw OPE('unexpected JWT "iat" (issued at) claim type', INVALID_RESPONSE, { claims });
        }
    }
    if (claims.iss !== undefined) {
        if (typeof claims.iss !== 'string') {
            throw OPE('unexpected JWT "iss" (issuer) claim type', INVALID_RESPONSE, { claims });
        }
    }
    if (claims.nbf !== undefined) {
        if (typeof claims.nbf !== 'number') {
            throw OPE('unexpected JWT "nbf" (not before) claim type', INVALID_RESPONSE, { claims });
        }
        if (claims.nbf > now + clockTolerance) {
            throw OPE('unexpected JWT "nbf" (not before) claim value', JWT_TIMESTAMP_CHECK, {
                claims,
                now,
                tolerance: clockTolerance,
                claim: 'nbf',
            });
        }
    }
    if (claims.aud !== undefined) {
        if (typeof claims.aud !== 'string' && !Array.isArray(claims.aud)) {
            throw OPE('unexpected JWT "aud" (audience) claim type', INVALID_RESPONSE, { claims });
        }
    }
    return { header, claims, jwt: jws };
}
function checkSigningAlgorithm(client, issuer, fallback, header) {
    if (client !== undefined) {
        if (typeof client === 'string' ? header.alg !== client : !client.includes(header.alg)) {
            throw OPE('unexpected JWT "alg" header parameter', INVALID_RESPONSE, {
                header,
                expected: client,
                reason: 'client configuration',
            });
        }
        return;
    }
    if (Array.isArray(issuer)) {
        if (!issuer.includes(header.alg)) {
            throw OPE('unexpected JWT "alg" header parameter', INVALID_RESPONSE, {
                header,
                expected: issuer,
                reason: 'authorization server metadata',
            });
        }
        return;
    }
    if (fallback !== undefined) {
        if (typeof fallback === 'string'
            ? header.alg !== fallback
            : typeof fallback === 'function'
                ? !fallback(header.alg)
                : !fallback.includes(header.alg)) {
            throw OPE('unexpected JWT "alg" header parameter', INVALID_RESPONSE, {
                header,
                expected: fallback,
                reason: 'default value',
            });
        }
        return;
    }
    throw OPE('missing client or server configuration to verify used JWT "alg" header parameter', undefined, { client, issuer, fallback });
}
async function getResponseJsonBody(response, check = assertApplicationJson) {
    let json;
    try {
        json = await response.json();
    }
    catch (cause) {
        check(response);
        throw OPE('failed to parse "response" body as JSON', PARSE_ERROR, cause);
    }
    if (!isJsonObject(json)) {
        throw OPE('"response" body must be a top level object', INVALID_RESPONSE, { body: json });
    }
    return json;
}
const _nodiscoverycheck = Symbol();
const _expectedIssuer = Symbol();

let headers;
let USER_AGENT;
if (typeof navigator === 'undefined' || !navigator.userAgent?.startsWith?.('Mozilla/5.0 ')) {
    const NAME = 'openid-client';
    const VERSION = 'v6.9.0';
    USER_AGENT = `${NAME}/${VERSION}`;
    headers = { 'user-agent': USER_AGENT };
}
const int = (config) => {
    return props.get(config);
};
let props;
function ClientSecretPost(clientSecret) {
    if (clientSecret !== undefined) {
        return ClientSecretPost$1(clientSecret);
    }
    const cache = new WeakMap();
    return (as, client, body, headers) => {
        let auth;
        if (!(auth = cache.get(client))) {
            assertString(client.client_secret, '"metadata.client_secret"');
            auth = ClientSecretPost$1(client.client_secret);
            cache.set(client, auth);
        }
        return auth(as, client, body, headers);
    };
}
function assertString(input, it) {
    if (typeof input !== 'string') {
        throw CodedTypeError(`${it} must be a string`, ERR_INVALID_ARG_TYPE);
    }
    if (input.length === 0) {
        throw CodedTypeError(`${it} must not be empty`, ERR_INVALID_ARG_VALUE);
    }
}
function None() {
    return None$1();
}
const customFetch = customFetch$1;
const ERR_INVALID_ARG_VALUE = 'ERR_INVALID_ARG_VALUE';
const ERR_INVALID_ARG_TYPE = 'ERR_INVALID_ARG_TYPE';
function CodedTypeError(message, code, cause) {
    const err = new TypeError(message, { cause });
    Object.assign(err, { code });
    return err;
}
class ClientError extends Error {
    code;
    constructor(message, options) {
        super(message, options);
        this.name = this.constructor.name;
        this.code = options?.code;
        Error.captureStackTrace?.(this, this.constructor);
    }
}
new TextDecoder();
function e(msg, cause, code) {
    return new ClientError(msg, { cause, code });
}
function errorHandler(err) {
    if (err instanceof TypeError ||
        err instanceof ClientError ||
        err instanceof ResponseBodyError ||
        err instanceof AuthorizationResponseError ||
        err instanceof WWWAuthenticateChallengeError) {
        throw err;
    }
    if (err instanceof OperationProcessingError) {
        switch (err.code) {
            case HTTP_REQUEST_FORBIDDEN:
                throw e('only requests to HTTPS are allowed', err, err.code);
            case REQUEST_PROTOCOL_FORBIDDEN:
                throw e('only requests to HTTP or HTTPS are allowed', err, err.code);
            case RESPONSE_IS_NOT_CONFORM:
                throw e('unexpected HTTP response status code', err.cause, err.code);
            case RESPONSE_IS_NOT_JSON:
                throw e('unexpected response content-type', err.cause, err.code);
            case PARSE_ERROR:
                throw e('parsing error occured', err, err.code);
            case INVALID_RESPONSE:
                throw e('invalid response encountered', err, err.code);
            case JWT_CLAIM_COMPARISON:
                throw e('unexpected JWT claim value encountered', err, err.code);
            case JSON_ATTRIBUTE_COMPARISON:
                throw e('unexpected JSON attribute value encountered', err, err.code);
            case JWT_TIMESTAMP_CHECK:
                throw e('JWT timestamp claim value failed validation', err, err.code);
            default:
                throw e(err.message, err, err.code);
        }
    }
    if (err instanceof UnsupportedOperationError) {
        throw e('unsupported operation', err, err.code);
    }
    if (err instanceof DOMException) {
        switch (err.name) {
            case 'OperationError':
                throw e('runtime operation error', err, UNSUPPORTED_OPERATION);
            case 'NotSupportedError':
                throw e('runtime unsupported operation', err, UNSUPPORTED_OPERATION);
            case 'TimeoutError':
                throw e('operation timed out', err, 'OAUTH_TIMEOUT');
            case 'AbortError':
                throw e('operation aborted', err, 'OAUTH_ABORT');
        }
    }
    throw new ClientError('something went wrong', { cause: err });
}
function handleEntraId(server, as, options) {
    if (server.origin === 'https://login.microsoftonline.com' &&
        (!options?.algorithm || options.algorithm === 'oidc')) {
        as[kEntraId] = true;
        return true;
    }
    return false;
}
function handleB2Clogin(server, options) {
    if (server.hostname.endsWith('.b2clogin.com') &&
        (!options?.algorithm || options.algorithm === 'oidc')) {
        return true;
    }
    return false;
}
async function discovery(server, clientId, metadata, clientAuthentication, options) {
    const as = await performDiscovery(server, options);
    const instance = new Configuration(as, clientId, metadata, clientAuthentication);
    let internals = int(instance);
    if (options?.[customFetch]) {
        internals.fetch = options[customFetch];
    }
    if (options?.timeout !== undefined) {
        internals.timeout = options.timeout;
    }
    if (options?.execute) {
        for (const extension of options.execute) {
            extension(instance);
        }
    }
    return instance;
}
async function performDiscovery(server, options) {
    if (!(server instanceof URL)) {
        throw CodedTypeError('"server" must be an instance of URL', ERR_INVALID_ARG_TYPE);
    }
    const resolve = !server.href.includes('/.well-known/');
    const timeout = options?.timeout ?? 30;
    const signal = AbortSignal.timeout(timeout * 1000);
    const as = await (resolve
        ? discoveryRequest(server, {
            algorithm: options?.algorithm,
            [customFetch$1]: options?.[customFetch],
            [allowInsecureRequests$1]: options?.execute?.includes(allowInsecureRequests),
            signal,
            headers: new Headers(headers),
        })
        : (options?.[customFetch] || fetch)((() => {
            checkProtocol(server, options?.execute?.includes(allowInsecureRequests) ? false : true);
            return server.href;
        })(), {
            headers: Object.fromEntries(new Headers({ accept: 'application/json', ...headers }).entries()),
            body: undefined,
            method: 'GET',
            redirect: 'manual',
            signal,
        }))
        .then((response) => processDiscoveryResponse(_nodiscoverycheck, response))
        .catch(errorHandler);
    if (resolve && new URL(as.issuer).href !== server.href) {
        handleEntraId(server, as, options) ||
            handleB2Clogin(server, options) ||
            (() => {
                throw new ClientError('discovered metadata issuer does not match the expected issuer', {
                    code: JSON_ATTRIBUTE_COMPARISON,
                    cause: {
                        expected: server.href,
                        body: as,
                        attribute: 'issuer',
                    },
                });
            })();
    }
    return as;
}
let decryptedResponses;
function setDecryptedResponse(result, signed) {
    if (signed !== undefined) {
        decryptedResponses ||= new WeakMap();
        decryptedResponses.set(result, signed);
    }
    return result;
}
function captureDecryptedResponse(decrypt) {
    let signed;
    return {
        decrypt: decrypt && (async (jwe) => (signed = await decrypt(jwe))),
        get: () => signed,
    };
}
function getServerHelpers(metadata) {
    return {
        supportsPKCE: {
            __proto__: null,
            value(method = 'S256') {
                return (metadata.code_challenge_methods_supported?.includes(method) === true);
            },
        },
    };
}
function addServerHelpers(metadata) {
    Object.defineProperties(metadata, getServerHelpers(metadata));
}
const kEntraId = Symbol();
class Configuration {
    constructor(server, clientId, metadata, clientAuthentication) {
        if (typeof clientId !== 'string' || !clientId.length) {
            throw CodedTypeError('"clientId" must be a non-empty string', ERR_INVALID_ARG_TYPE);
        }
        if (typeof metadata === 'string') {
            metadata = { client_secret: metadata };
        }
        if (metadata?.client_id !== undefined && clientId !== metadata.client_id) {
            throw CodedTypeError('"clientId" and "metadata.client_id" must be the same', ERR_INVALID_ARG_VALUE);
        }
        const client = {
            ...structuredClone(metadata),
            client_id: clientId,
        };
        client[clockSkew] = metadata?.[clockSkew] ?? 0;
        client[clockTolerance] = metadata?.[clockTolerance] ?? 30;
        let auth;
        if (clientAuthentication) {
            auth = clientAuthentication;
        }
        else {
            if (typeof client.client_secret === 'string' &&
                client.client_secret.length) {
                auth = ClientSecretPost(client.client_secret);
            }
            else {
                auth = None();
            }
        }
        let c = Object.freeze(client);
        const clone = structuredClone(server);
        if (kEntraId in server) {
            clone[_expectedIssuer] = ({ claims: { tid } }) => server.issuer.replace('{tenantid}', tid);
        }
        let as = Object.freeze(clone);
        props ||= new WeakMap();
        props.set(this, {
            __proto__: null,
            as,
            c,
            auth,
            tlsOnly: true,
            timeout: 30,
            jwksCache: {},
        });
    }
    serverMetadata() {
        const metadata = structuredClone(int(this).as);
        addServerHelpers(metadata);
        return metadata;
    }
    clientMetadata() {
        const metadata = structuredClone(int(this).c);
        return metadata;
    }
    get timeout() {
        return int(this).timeout;
    }
    set timeout(value) {
        int(this).timeout = value;
    }
    get [customFetch]() {
        return int(this).fetch;
    }
    set [customFetch](value) {
        int(this).fetch = value;
    }
}
Object.freeze(Configuration.prototype);
function getHelpers(response) {
    let exp = undefined;
    if (response.expires_in !== undefined) {
        exp = Date.now() + response.expires_in * 1000;
    }
    return {
        expiresIn: {
            __proto__: null,
            value() {
                if (exp) {
                    const now = Date.now();
                    if (exp > now) {
                        return Math.floor((exp - now) / 1000);
                    }
                    return 0;
                }
                return undefined;
            },
        },
        claims: {
            __proto__: null,
            value() {
                return getValidatedIdTokenClaims(response);
            },
        },
    };
}
function addHelpers(response) {
    Object.defineProperties(response, getHelpers(response));
}
function allowInsecureRequests(config) {
    int(config).tlsOnly = false;
}
async function refreshTokenGrant(config, refreshToken, parameters, options) {
    checkConfig(config);
    parameters = new URLSearchParams(parameters);
    const { as, c, auth, fetch, tlsOnly, nonRepudiation, timeout, decrypt } = int(config);
    const response = await refreshTokenGrantRequest(as, c, auth, refreshToken, {
        [customFetch$1]: fetch,
        [allowInsecureRequests$1]: !tlsOnly,
        additionalParameters: parameters,
        DPoP: options?.DPoP,
        headers: new Headers(headers),
        signal: signal(timeout),
    })
        .catch(errorHandler);
    const signed = captureDecryptedResponse(decrypt);
    const p = processRefreshTokenResponse(as, c, response, {
        [jweDecrypt]: signed.decrypt,
    });
    let result;
    try {
        result = await p;
    }
    catch (err) {
        if (retryable(err, options)) {
            return refreshTokenGrant(config, refreshToken, parameters, {
                ...options,
                flag: retry,
            });
        }
        errorHandler(err);
    }
    result.id_token && (await nonRepudiation?.(response));
    addHelpers(result);
    return setDecryptedResponse(result, signed.get());
}
function checkConfig(input) {
    if (!(input instanceof Configuration)) {
        throw CodedTypeError('"config" must be an instance of Configuration', ERR_INVALID_ARG_TYPE);
    }
    if (Object.getPrototypeOf(input) !== Configuration.prototype) {
        throw CodedTypeError('subclassing Configuration is not allowed', ERR_INVALID_ARG_VALUE);
    }
}
function signal(timeout) {
    return timeout ? AbortSignal.timeout(timeout * 1000) : undefined;
}
function retryable(err, options) {
    if (options?.DPoP && options.flag !== retry) {
        return isDPoPNonceError(err);
    }
    return false;
}
const retry = Symbol();

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

var build = {};

var socksclient = {};

var smartbuffer = {};

var utils = {};

var hasRequiredUtils;

function requireUtils () {
	if (hasRequiredUtils) return utils;
	hasRequiredUtils = 1;
	Object.defineProperty(utils, "__esModule", { value: true });
	const buffer_1 = require$$0$1;
	/**
	 * Error strings
	 */
	const ERRORS = {
	    INVALID_ENCODING: 'Invalid encoding provided. Please specify a valid encoding the internal Node.js Buffer supports.',
	    INVALID_SMARTBUFFER_SIZE: 'Invalid size provided. Size must be a valid integer greater than zero.',
	    INVALID_SMARTBUFFER_BUFFER: 'Invalid Buffer provided in SmartBufferOptions.',
	    INVALID_SMARTBUFFER_OBJECT: 'Invalid SmartBufferOptions object supplied to SmartBuffer constructor or factory methods.',
	    INVALID_OFFSET: 'An invalid offset value was provided.',
	    INVALID_OFFSET_NON_NUMBER: 'An invalid offset value was provided. A numeric value is required.',
	    INVALID_LENGTH: 'An invalid length value was provided.',
	    INVALID_LENGTH_NON_NUMBER: 'An invalid length value was provived. A numeric value is required.',
	    INVALID_TARGET_OFFSET: 'Target offset is beyond the bounds of the internal SmartBuffer data.',
	    INVALID_TARGET_LENGTH: 'Specified length value moves cursor beyong the bounds of the internal SmartBuffer data.',
	    INVALID_READ_BEYOND_BOUNDS: 'Attempted to read beyond the bounds of the managed data.',
	    INVALID_WRITE_BEYOND_BOUNDS: 'Attempted to write beyond the bounds of the managed data.'
	};
	utils.ERRORS = ERRORS;
	/**
	 * Checks if a given encoding is a valid Buffer encoding. (Throws an exception if check fails)
	 *
	 * @param { String } encoding The encoding string to check.
	 */
	function checkEncoding(encoding) {
	    if (!buffer_1.Buffer.isEncoding(encoding)) {
	        throw new Error(ERRORS.INVALID_ENCODING);
	    }
	}
	utils.checkEncoding = checkEncoding;
	/**
	 * Checks if a given number is a finite integer. (Throws an exception if check fails)
	 *
	 * @param { Number } value The number value to check.
	 */
	function isFiniteInteger(value) {
	    return typeof value === 'number' && isFinite(value) && isInteger(value);
	}
	utils.isFiniteInteger = isFiniteInteger;
	/**
	 * Checks if an offset/length value is valid. (Throws an exception if check fails)
	 *
	 * @param value The value to check.
	 * @param offset True if checking an offset, false if checking a length.
	 */
	function checkOffsetOrLengthValue(value, offset) {
	    if (typeof value === 'number') {
	        // Check for non finite/non integers
	        if (!isFiniteInteger(value) || value < 0) {
	            throw new Error(offset ? ERRORS.INVALID_OFFSET : ERRORS.INVALID_LENGTH);
	        }
	    }
	    else {
	        throw new Error(offset ? ERRORS.INVALID_OFFSET_NON_NUMBER : ERRORS.INVALID_LENGTH_NON_NUMBER);
	    }
	}
	/**
	 * Checks if a length value is valid. (Throws an exception if check fails)
	 *
	 * @param { Number } length The value to check.
	 */
	function checkLengthValue(length) {
	    checkOffsetOrLengthValue(length, false);
	}
	utils.checkLengthValue = checkLengthValue;
	/**
	 * Checks if a offset value is valid. (Throws an exception if check fails)
	 *
	 * @param { Number } offset The value to check.
	 */
	function checkOffsetValue(offset) {
	    checkOffsetOrLengthValue(offset, true);
	}
	utils.checkOffsetValue = checkOffsetValue;
	/**
	 * Checks if a target offset value is out of bounds. (Throws an exception if check fails)
	 *
	 * @param { Number } offset The offset value to check.
	 * @param { SmartBuffer } buff The SmartBuffer instance to check against.
	 */
	function checkTargetOffset(offset, buff) {
	    if (offset < 0 || offset > buff.length) {
	        throw new Error(ERRORS.INVALID_TARGET_OFFSET);
	    }
	}
	utils.checkTargetOffset = checkTargetOffset;
	/**
	 * Determines whether a given number is a integer.
	 * @param value The number to check.
	 */
	function isInteger(value) {
	    return typeof value === 'number' && isFinite(value) && Math.floor(value) === value;
	}
	/**
	 * Throws if Node.js version is too low to support bigint
	 */
	function bigIntAndBufferInt64Check(bufferMethod) {
	    if (typeof BigInt === 'undefined') {
	        throw new Error('Platform does not support JS BigInt type.');
	    }
	    if (typeof buffer_1.Buffer.prototype[bufferMethod] === 'undefined') {
	        throw new Error(`Platform does not support Buffer.prototype.${bufferMethod}.`);
	    }
	}
	utils.bigIntAndBufferInt64Check = bigIntAndBufferInt64Check;
	
	return utils;
}

var hasRequiredSmartbuffer;

function requireSmartbuffer () {
	if (hasRequiredSmartbuffer) return smartbuffer;
	hasRequiredSmartbuffer = 1;
	Object.defineProperty(smartbuffer, "__esModule", { value: true });
	const utils_1 = requireUtils();
	// The default Buffer size if one is not provided.
	const DEFAULT_SMARTBUFFER_SIZE = 4096;
	// The default string encoding to use for reading/writing strings.
	const DEFAULT_SMARTBUFFER_ENCODING = 'utf8';
	class SmartBuffer {
	    /**
	     * Creates a new SmartBuffer instance.
	     *
	     * @param options { SmartBufferOptions } The SmartBufferOptions to apply to this instance.
	     */
	    constructor(options) {
	        this.length = 0;
	        this._encoding = DEFAULT_SMARTBUFFER_ENCODING;
	        this._writeOffset = 0;
	        this._readOffset = 0;
	        if (SmartBuffer.isSmartBufferOptions(options)) {
	            // Checks for encoding
	            if (options.encoding) {
	                utils_1.checkEncoding(options.encoding);
	                this._encoding = options.encoding;
	            }
	            // Checks for initial size length
	            if (options.size) {
	                if (utils_1.isFiniteInteger(options.size) && options.size > 0) {
	                    this._buff = Buffer.allocUnsafe(options.size);
	                }
	                else {
	                    throw new Error(utils_1.ERRORS.INVALID_SMARTBUFFER_SIZE);
	                }
	                // Check for initial Buffer
	            }
	            else if (options.buff) {
	                if (Buffer.isBuffer(options.buff)) {
	                    this._buff = options.buff;
	                    this.length = options.buff.length;
	                }
	                else {
	                    throw new Error(utils_1.ERRORS.INVALID_SMARTBUFFER_BUFFER);
	                }
	            }
	            else {
	                this._buff = Buffer.allocUnsafe(DEFAULT_SMARTBUFFER_SIZE);
	            }
	        }
	        else {
	            // If something was passed but it's not a SmartBufferOptions object
	            if (typeof options !== 'undefined') {
	                throw new Error(utils_1.ERRORS.INVALID_SMARTBUFFER_OBJECT);
	            }
	            // Otherwise default to sane options
	            this._buff = Buffer.allocUnsafe(DEFAULT_SMARTBUFFER_SIZE);
	        }
	    }
	    /**
	     * Creates a new SmartBuffer instance with the provided internal Buffer size and optional encoding.
	     *
	     * @param size { Number } The size of the internal Buffer.
	     * @param encoding { String } The BufferEncoding to use for strings.
	     *
	     * @return { SmartBuffer }
	     */
	    static fromSize(size, encoding) {
	        return new this({
	            size: size,
	            encoding: encoding
	        });
	    }
	    /**
	     * Creates a new SmartBuffer instance with the provided Buffer and optional encoding.
	     *
	     * @param buffer { Buffer } The Buffer to use as the internal Buffer value.
	     * @param encoding { String } The BufferEncoding to use for strings.
	     *
	     * @return { SmartBuffer }
	     */
	    static fromBuffer(buff, encoding) {
	        return new this({
	            buff: buff,
	            encoding: encoding
	        });
	    }
	    /**
	     * Creates a new SmartBuffer instance with the provided SmartBufferOptions options.
	     *
	     * @param options { SmartBufferOptions } The options to use when creating the SmartBuffer instance.
	     */
	    static fromOptions(options) {
	        return new this(options);
	    }
	    /**
	     * Type checking function that determines if an object is a SmartBufferOptions object.
	     */
	    static isSmartBufferOptions(options) {
	        const castOptions = options;
	        return (castOptions &&
	            (castOptions.encoding !== undefined || castOptions.size !== undefined || castOptions.buff !== undefined));
	    }
	    // Signed integers
	    /**
	     * Reads an Int8 value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readInt8(offset) {
	        return this._readNumberValue(Buffer.prototype.readInt8, 1, offset);
	    }
	    /**
	     * Reads an Int16BE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readInt16BE(offset) {
	        return this._readNumberValue(Buffer.prototype.readInt16BE, 2, offset);
	    }
	    /**
	     * Reads an Int16LE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readInt16LE(offset) {
	        return this._readNumberValue(Buffer.prototype.readInt16LE, 2, offset);
	    }
	    /**
	     * Reads an Int32BE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readInt32BE(offset) {
	        return this._readNumberValue(Buffer.prototype.readInt32BE, 4, offset);
	    }
	    /**
	     * Reads an Int32LE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readInt32LE(offset) {
	        return this._readNumberValue(Buffer.prototype.readInt32LE, 4, offset);
	    }
	    /**
	     * Reads a BigInt64BE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { BigInt }
	     */
	    readBigInt64BE(offset) {
	        utils_1.bigIntAndBufferInt64Check('readBigInt64BE');
	        return this._readNumberValue(Buffer.prototype.readBigInt64BE, 8, offset);
	    }
	    /**
	     * Reads a BigInt64LE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { BigInt }
	     */
	    readBigInt64LE(offset) {
	        utils_1.bigIntAndBufferInt64Check('readBigInt64LE');
	        return this._readNumberValue(Buffer.prototype.readBigInt64LE, 8, offset);
	    }
	    /**
	     * Writes an Int8 value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeInt8(value, offset) {
	        this._writeNumberValue(Buffer.prototype.writeInt8, 1, value, offset);
	        return this;
	    }
	    /**
	     * Inserts an Int8 value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertInt8(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeInt8, 1, value, offset);
	    }
	    /**
	     * Writes an Int16BE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeInt16BE(value, offset) {
	        return this._writeNumberValue(Buffer.prototype.writeInt16BE, 2, value, offset);
	    }
	    /**
	     * Inserts an Int16BE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertInt16BE(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeInt16BE, 2, value, offset);
	    }
	    /**
	     * Writes an Int16LE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeInt16LE(value, offset) {
	        return this._writeNumberValue(Buffer.prototype.writeInt16LE, 2, value, offset);
	    }
	    /**
	     * Inserts an Int16LE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertInt16LE(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeInt16LE, 2, value, offset);
	    }
	    /**
	     * Writes an Int32BE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeInt32BE(value, offset) {
	        return this._writeNumberValue(Buffer.prototype.writeInt32BE, 4, value, offset);
	    }
	    /**
	     * Inserts an Int32BE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertInt32BE(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeInt32BE, 4, value, offset);
	    }
	    /**
	     * Writes an Int32LE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeInt32LE(value, offset) {
	        return this._writeNumberValue(Buffer.prototype.writeInt32LE, 4, value, offset);
	    }
	    /**
	     * Inserts an Int32LE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertInt32LE(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeInt32LE, 4, value, offset);
	    }
	    /**
	     * Writes a BigInt64BE value to the current write position (or at optional offset).
	     *
	     * @param value { BigInt } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeBigInt64BE(value, offset) {
	        utils_1.bigIntAndBufferInt64Check('writeBigInt64BE');
	        return this._writeNumberValue(Buffer.prototype.writeBigInt64BE, 8, value, offset);
	    }
	    /**
	     * Inserts a BigInt64BE value at the given offset value.
	     *
	     * @param value { BigInt } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertBigInt64BE(value, offset) {
	        utils_1.bigIntAndBufferInt64Check('writeBigInt64BE');
	        return this._insertNumberValue(Buffer.prototype.writeBigInt64BE, 8, value, offset);
	    }
	    /**
	     * Writes a BigInt64LE value to the current write position (or at optional offset).
	     *
	     * @param value { BigInt } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeBigInt64LE(value, offset) {
	        utils_1.bigIntAndBufferInt64Check('writeBigInt64LE');
	        return this._writeNumberValue(Buffer.prototype.writeBigInt64LE, 8, value, offset);
	    }
	    /**
	     * Inserts a Int64LE value at the given offset value.
	     *
	     * @param value { BigInt } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertBigInt64LE(value, offset) {
	        utils_1.bigIntAndBufferInt64Check('writeBigInt64LE');
	        return this._insertNumberValue(Buffer.prototype.writeBigInt64LE, 8, value, offset);
	    }
	    // Unsigned Integers
	    /**
	     * Reads an UInt8 value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readUInt8(offset) {
	        return this._readNumberValue(Buffer.prototype.readUInt8, 1, offset);
	    }
	    /**
	     * Reads an UInt16BE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readUInt16BE(offset) {
	        return this._readNumberValue(Buffer.prototype.readUInt16BE, 2, offset);
	    }
	    /**
	     * Reads an UInt16LE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readUInt16LE(offset) {
	        return this._readNumberValue(Buffer.prototype.readUInt16LE, 2, offset);
	    }
	    /**
	     * Reads an UInt32BE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readUInt32BE(offset) {
	        return this._readNumberValue(Buffer.prototype.readUInt32BE, 4, offset);
	    }
	    /**
	     * Reads an UInt32LE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readUInt32LE(offset) {
	        return this._readNumberValue(Buffer.prototype.readUInt32LE, 4, offset);
	    }
	    /**
	     * Reads a BigUInt64BE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { BigInt }
	     */
	    readBigUInt64BE(offset) {
	        utils_1.bigIntAndBufferInt64Check('readBigUInt64BE');
	        return this._readNumberValue(Buffer.prototype.readBigUInt64BE, 8, offset);
	    }
	    /**
	     * Reads a BigUInt64LE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { BigInt }
	     */
	    readBigUInt64LE(offset) {
	        utils_1.bigIntAndBufferInt64Check('readBigUInt64LE');
	        return this._readNumberValue(Buffer.prototype.readBigUInt64LE, 8, offset);
	    }
	    /**
	     * Writes an UInt8 value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeUInt8(value, offset) {
	        return this._writeNumberValue(Buffer.prototype.writeUInt8, 1, value, offset);
	    }
	    /**
	     * Inserts an UInt8 value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertUInt8(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeUInt8, 1, value, offset);
	    }
	    /**
	     * Writes an UInt16BE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeUInt16BE(value, offset) {
	        return this._writeNumberValue(Buffer.prototype.writeUInt16BE, 2, value, offset);
	    }
	    /**
	     * Inserts an UInt16BE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertUInt16BE(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeUInt16BE, 2, value, offset);
	    }
	    /**
	     * Writes an UInt16LE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeUInt16LE(value, offset) {
	        return this._writeNumberValue(Buffer.prototype.writeUInt16LE, 2, value, offset);
	    }
	    /**
	     * Inserts an UInt16LE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertUInt16LE(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeUInt16LE, 2, value, offset);
	    }
	    /**
	     * Writes an UInt32BE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeUInt32BE(value, offset) {
	        return this._writeNumberValue(Buffer.prototype.writeUInt32BE, 4, value, offset);
	    }
	    /**
	     * Inserts an UInt32BE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertUInt32BE(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeUInt32BE, 4, value, offset);
	    }
	    /**
	     * Writes an UInt32LE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeUInt32LE(value, offset) {
	        return this._writeNumberValue(Buffer.prototype.writeUInt32LE, 4, value, offset);
	    }
	    /**
	     * Inserts an UInt32LE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertUInt32LE(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeUInt32LE, 4, value, offset);
	    }
	    /**
	     * Writes a BigUInt64BE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeBigUInt64BE(value, offset) {
	        utils_1.bigIntAndBufferInt64Check('writeBigUInt64BE');
	        return this._writeNumberValue(Buffer.prototype.writeBigUInt64BE, 8, value, offset);
	    }
	    /**
	     * Inserts a BigUInt64BE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertBigUInt64BE(value, offset) {
	        utils_1.bigIntAndBufferInt64Check('writeBigUInt64BE');
	        return this._insertNumberValue(Buffer.prototype.writeBigUInt64BE, 8, value, offset);
	    }
	    /**
	     * Writes a BigUInt64LE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeBigUInt64LE(value, offset) {
	        utils_1.bigIntAndBufferInt64Check('writeBigUInt64LE');
	        return this._writeNumberValue(Buffer.prototype.writeBigUInt64LE, 8, value, offset);
	    }
	    /**
	     * Inserts a BigUInt64LE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertBigUInt64LE(value, offset) {
	        utils_1.bigIntAndBufferInt64Check('writeBigUInt64LE');
	        return this._insertNumberValue(Buffer.prototype.writeBigUInt64LE, 8, value, offset);
	    }
	    // Floating Point
	    /**
	     * Reads an FloatBE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readFloatBE(offset) {
	        return this._readNumberValue(Buffer.prototype.readFloatBE, 4, offset);
	    }
	    /**
	     * Reads an FloatLE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readFloatLE(offset) {
	        return this._readNumberValue(Buffer.prototype.readFloatLE, 4, offset);
	    }
	    /**
	     * Writes a FloatBE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeFloatBE(value, offset) {
	        return this._writeNumberValue(Buffer.prototype.writeFloatBE, 4, value, offset);
	    }
	    /**
	     * Inserts a FloatBE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertFloatBE(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeFloatBE, 4, value, offset);
	    }
	    /**
	     * Writes a FloatLE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeFloatLE(value, offset) {
	        return this._writeNumberValue(Buffer.prototype.writeFloatLE, 4, value, offset);
	    }
	    /**
	     * Inserts a FloatLE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertFloatLE(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeFloatLE, 4, value, offset);
	    }
	    // Double Floating Point
	    /**
	     * Reads an DoublEBE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readDoubleBE(offset) {
	        return this._readNumberValue(Buffer.prototype.readDoubleBE, 8, offset);
	    }
	    /**
	     * Reads an DoubleLE value from the current read position or an optionally provided offset.
	     *
	     * @param offset { Number } The offset to read data from (optional)
	     * @return { Number }
	     */
	    readDoubleLE(offset) {
	        return this._readNumberValue(Buffer.prototype.readDoubleLE, 8, offset);
	    }
	    /**
	     * Writes a DoubleBE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeDoubleBE(value, offset) {
	        return this._writeNumberValue(Buffer.prototype.writeDoubleBE, 8, value, offset);
	    }
	    /**
	     * Inserts a DoubleBE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertDoubleBE(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeDoubleBE, 8, value, offset);
	    }
	    /**
	     * Writes a DoubleLE value to the current write position (or at optional offset).
	     *
	     * @param value { Number } The value to write.
	     * @param offset { Number } The offset to write the value at.
	     *
	     * @return this
	     */
	    writeDoubleLE(value, offset) {
	        return this._writeNumberValue(Buffer.prototype.writeDoubleLE, 8, value, offset);
	    }
	    /**
	     * Inserts a DoubleLE value at the given offset value.
	     *
	     * @param value { Number } The value to insert.
	     * @param offset { Number } The offset to insert the value at.
	     *
	     * @return this
	     */
	    insertDoubleLE(value, offset) {
	        return this._insertNumberValue(Buffer.prototype.writeDoubleLE, 8, value, offset);
	    }
	    // Strings
	    /**
	     * Reads a String from the current read position.
	     *
	     * @param arg1 { Number | String } The number of bytes to read as a String, or the BufferEncoding to use for
	     *             the string (Defaults to instance level encoding).
	     * @param encoding { String } The BufferEncoding to use for the string (Defaults to instance level encoding).
	     *
	     * @return { String }
	     */
	    readString(arg1, encoding) {
	        let lengthVal;
	        // Length provided
	        if (typeof arg1 === 'number') {
	            utils_1.checkLengthValue(arg1);
	            lengthVal = Math.min(arg1, this.length - this._readOffset);
	        }
	        else {
	            encoding = arg1;
	            lengthVal = this.length - this._readOffset;
	        }
	        // Check encoding
	        if (typeof encoding !== 'undefined') {
	            utils_1.checkEncoding(encoding);
	        }
	        const value = this._buff.slice(this._readOffset, this._readOffset + lengthVal).toString(encoding || this._encoding);
	        this._readOffset += lengthVal;
	        return value;
	    }
	    /**
	     * Inserts a String
	     *
	     * @param value { String } The String value to insert.
	     * @param offset { Number } The offset to insert the string at.
	     * @param encoding { String } The BufferEncoding to use for writing strings (defaults to instance encoding).
	     *
	     * @return this
	     */
	    insertString(value, offset, encoding) {
	        utils_1.checkOffsetValue(offset);
	        return this._handleString(value, true, offset, encoding);
	    }
	    /**
	     * Writes a String
	     *
	     * @param value { String } The String value to write.
	     * @param arg2 { Number | String } The offset to write the string at, or the BufferEncoding to use.
	     * @param encoding { String } The BufferEncoding to use for writing strings (defaults to instance encoding).
	     *
	     * @return this
	     */
	    writeString(value, arg2, encoding) {
	        return this._handleString(value, false, arg2, encoding);
	    }
	    /**
	     * Reads a null-terminated String from the current read position.
	     *
	     * @param encoding { String } The BufferEncoding to use for the string (Defaults to instance level encoding).
	     *
	     * @return { String }
	     */
	    readStringNT(encoding) {
	        if (typeof encoding !== 'undefined') {
	            utils_1.checkEncoding(encoding);
	        }
	        // Set null character position to the end SmartBuffer instance.
	        let nullPos = this.length;
	        // Find next null character (if one is not found, default from above is used)
	        for (let i = this._readOffset; i < this.length; i++) {
	            if (this._buff[i] === 0x00) {
	                nullPos = i;
	                break;
	            }
	        }
	        // Read string value
	        const value = this._buff.slice(this._readOffset, nullPos);
	        // Increment internal Buffer read offset
	        this._readOffset = nullPos + 1;
	        return value.toString(encoding || this._encoding);
	    }
	    /**
	     * Inserts a null-terminated String.
	     *
	     * @param value { String } The String value to write.
	     * @param arg2 { Number | String } The offset to write the string to, or the BufferEncoding to use.
	     * @param encoding { String } The BufferEncoding to use for writing strings (defaults to instance encoding).
	     *
	     * @return this
	     */
	    insertStringNT(value, offset, encoding) {
	        utils_1.checkOffsetValue(offset);
	        // Write Values
	        this.insertString(value, offset, encoding);
	        this.insertUInt8(0x00, offset + value.length);
	        return this;
	    }
	    /**
	     * Writes a null-terminated String.
	     *
	     * @param value { String } The String value to write.
	     * @param arg2 { Number | String } The offset to write the string to, or the BufferEncoding to use.
	     * @param encoding { String } The BufferEncoding to use for writing strings (defaults to instance encoding).
	     *
	     * @return this
	     */
	    writeStringNT(value, arg2, encoding) {
	        // Write Values
	        this.writeString(value, arg2, encoding);
	        this.writeUInt8(0x00, typeof arg2 === 'number' ? arg2 + value.length : this.writeOffset);
	        return this;
	    }
	    // Buffers
	    /**
	     * Reads a Buffer from the internal read position.
	     *
	     * @param length { Number } The length of data to read as a Buffer.
	     *
	     * @return { Buffer }
	     */
	    readBuffer(length) {
	        if (typeof length !== 'undefined') {
	            utils_1.checkLengthValue(length);
	        }
	        const lengthVal = typeof length === 'number' ? length : this.length;
	        const endPoint = Math.min(this.length, this._readOffset + lengthVal);
	        // Read buffer value
	        const value = this._buff.slice(this._readOffset, endPoint);
	        // Increment internal Buffer read offset
	        this._readOffset = endPoint;
	        return value;
	    }
	    /**
	     * Writes a Buffer to the current write position.
	     *
	     * @param value { Buffer } The Buffer to write.
	     * @param offset { Number } The offset to write the Buffer to.
	     *
	     * @return this
	     */
	    insertBuffer(value, offset) {
	        utils_1.checkOffsetValue(offset);
	        return this._handleBuffer(value, true, offset);
	    }
	    /**
	     * Writes a Buffer to the current write position.
	     *
	     * @param value { Buffer } The Buffer to write.
	     * @param offset { Number } The offset to write the Buffer to.
	     *
	     * @return this
	     */
	    writeBuffer(value, offset) {
	        return this._handleBuffer(value, false, offset);
	    }
	    /**
	     * Reads a null-terminated Buffer from the current read poisiton.
	     *
	     * @return { Buffer }
	     */
	    readBufferNT() {
	        // Set null character position to the end SmartBuffer instance.
	        let nullPos = this.length;
	        // Find next null character (if one is not found, default from above is used)
	        for (let i = this._readOffset; i < this.length; i++) {
	            if (this._buff[i] === 0x00) {
	                nullPos = i;
	                break;
	            }
	        }
	        // Read value
	        const value = this._buff.slice(this._readOffset, nullPos);
	        // Increment internal Buffer read offset
	        this._readOffset = nullPos + 1;
	        return value;
	    }
	    /**
	     * Inserts a null-terminated Buffer.
	     *
	     * @param value { Buffer } The Buffer to write.
	     * @param offset { Number } The offset to write the Buffer to.
	     *
	     * @return this
	     */
	    insertBufferNT(value, offset) {
	        utils_1.checkOffsetValue(offset);
	        // Write Values
	        this.insertBuffer(value, offset);
	        this.insertUInt8(0x00, offset + value.length);
	        return this;
	    }
	    /**
	     * Writes a null-terminated Buffer.
	     *
	     * @param value { Buffer } The Buffer to write.
	     * @param offset { Number } The offset to write the Buffer to.
	     *
	     * @return this
	     */
	    writeBufferNT(value, offset) {
	        // Checks for valid numberic value;
	        if (typeof offset !== 'undefined') {
	            utils_1.checkOffsetValue(offset);
	        }
	        // Write Values
	        this.writeBuffer(value, offset);
	        this.writeUInt8(0x00, typeof offset === 'number' ? offset + value.length : this._writeOffset);
	        return this;
	    }
	    /**
	     * Clears the SmartBuffer instance to its original empty state.
	     */
	    clear() {
	        this._writeOffset = 0;
	        this._readOffset = 0;
	        this.length = 0;
	        return this;
	    }
	    /**
	     * Gets the remaining data left to be read from the SmartBuffer instance.
	     *
	     * @return { Number }
	     */
	    remaining() {
	        return this.length - this._readOffset;
	    }
	    /**
	     * Gets the current read offset value of the SmartBuffer instance.
	     *
	     * @return { Number }
	     */
	    get readOffset() {
	        return this._readOffset;
	    }
	    /**
	     * Sets the read offset value of the SmartBuffer instance.
	     *
	     * @param offset { Number } - The offset value to set.
	     */
	    set readOffset(offset) {
	        utils_1.checkOffsetValue(offset);
	        // Check for bounds.
	        utils_1.checkTargetOffset(offset, this);
	        this._readOffset = offset;
	    }
	    /**
	     * Gets the current write offset value of the SmartBuffer instance.
	     *
	     * @return { Number }
	     */
	    get writeOffset() {
	        return this._writeOffset;
	    }
	    /**
	     * Sets the write offset value of the SmartBuffer instance.
	     *
	     * @param offset { Number } - The offset value to set.
	     */
	    set writeOffset(offset) {
	        utils_1.checkOffsetValue(offset);
	        // Check for bounds.
	        utils_1.checkTargetOffset(offset, this);
	        this._writeOffset = offset;
	    }
	    /**
	     * Gets the currently set string encoding of the SmartBuffer instance.
	     *
	     * @return { BufferEncoding } The string Buffer encoding currently set.
	     */
	    get encoding() {
	        return this._encoding;
	    }
	    /**
	     * Sets the string encoding of the SmartBuffer instance.
	     *
	     * @param encoding { BufferEncoding } The string Buffer encoding to set.
	     */
	    set encoding(encoding) {
	        utils_1.checkEncoding(encoding);
	        this._encoding = encoding;
	    }
	    /**
	     * Gets the underlying internal Buffer. (This includes unmanaged data in the Buffer)
	     *
	     * @return { Buffer } The Buffer value.
	     */
	    get internalBuffer() {
	        return this._buff;
	    }
	    /**
	     * Gets the value of the internal managed Buffer (Includes managed data only)
	     *
	     * @param { Buffer }
	     */
	    toBuffer() {
	        return this._buff.slice(0, this.length);
	    }
	    /**
	     * Gets the String value of the internal managed Buffer
	     *
	     * @param encoding { String } The BufferEncoding to display the Buffer as (defaults to instance level encoding).
	     */
	    toString(encoding) {
	        const encodingVal = typeof encoding === 'string' ? encoding : this._encoding;
	        // Check for invalid encoding.
	        utils_1.checkEncoding(encodingVal);
	        return this._buff.toString(encodingVal, 0, this.length);
	    }
	    /**
	     * Destroys the SmartBuffer instance.
	     */
	    destroy() {
	        this.clear();
	        return this;
	    }
	    /**
	     * Handles inserting and writing strings.
	     *
	     * @param value { String } The String value to insert.
	     * @param isInsert { Boolean } True if inserting a string, false if writing.
	     * @param arg2 { Number | String } The offset to insert the string at, or the BufferEncoding to use.
	     * @param encoding { String } The BufferEncoding to use for writing strings (defaults to instance encoding).
	     */
	    _handleString(value, isInsert, arg3, encoding) {
	        let offsetVal = this._writeOffset;
	        let encodingVal = this._encoding;
	        // Check for offset
	        if (typeof arg3 === 'number') {
	            offsetVal = arg3;
	            // Check for encoding
	        }
	        else if (typeof arg3 === 'string') {
	            utils_1.checkEncoding(arg3);
	            encodingVal = arg3;
	        }
	        // Check for encoding (third param)
	        if (typeof encoding === 'string') {
	            utils_1.checkEncoding(encoding);
	            encodingVal = encoding;
	        }
	        // Calculate bytelength of string.
	        const byteLength = Buffer.byteLength(value, encodingVal);
	        // Ensure there is enough internal Buffer capacity.
	        if (isInsert) {
	            this.ensureInsertable(byteLength, offsetVal);
	        }
	        else {
	            this._ensureWriteable(byteLength, offsetVal);
	        }
	        // Write value
	        this._buff.write(value, offsetVal, byteLength, encodingVal);
	        // Increment internal Buffer write offset;
	        if (isInsert) {
	            this._writeOffset += byteLength;
	        }
	        else {
	            // If an offset was given, check to see if we wrote beyond the current writeOffset.
	            if (typeof arg3 === 'number') {
	                this._writeOffset = Math.max(this._writeOffset, offsetVal + byteLength);
	            }
	            else {
	                // If no offset was given, we wrote to the end of the SmartBuffer so increment writeOffset.
	                this._writeOffset += byteLength;
	            }
	        }
	        return this;
	    }
	    /**
	     * Handles writing or insert of a Buffer.
	     *
	     * @param value { Buffer } The Buffer to write.
	     * @param offset { Number } The offset to write the Buffer to.
	     */
	    _handleBuffer(value, isInsert, offset) {
	        const offsetVal = typeof offset === 'number' ? offset : this._writeOffset;
	        // Ensure there is enough internal Buffer capacity.
	        if (isInsert) {
	            this.ensureInsertable(value.length, offsetVal);
	        }
	        else {
	            this._ensureWriteable(value.length, offsetVal);
	        }
	        // Write buffer value
	        value.copy(this._buff, offsetVal);
	        // Increment internal Buffer write offset;
	        if (isInsert) {
	            this._writeOffset += value.length;
	        }
	        else {
	            // If an offset was given, check to see if we wrote beyond the current writeOffset.
	            if (typeof offset === 'number') {
	                this._writeOffset = Math.max(this._writeOffset, offsetVal + value.length);
	            }
	            else {
	                // If no offset was given, we wrote to the end of the SmartBuffer so increment writeOffset.
	                this._writeOffset += value.length;
	            }
	        }
	        return this;
	    }
	    /**
	     * Ensures that the internal Buffer is large enough to read data.
	     *
	     * @param length { Number } The length of the data that needs to be read.
	     * @param offset { Number } The offset of the data that needs to be read.
	     */
	    ensureReadable(length, offset) {
	        // Offset value defaults to managed read offset.
	        let offsetVal = this._readOffset;
	        // If an offset was provided, use it.
	        if (typeof offset !== 'undefined') {
	            // Checks for valid numberic value;
	            utils_1.checkOffsetValue(offset);
	            // Overide with custom offset.
	            offsetVal = offset;
	        }
	        // Checks if offset is below zero, or the offset+length offset is beyond the total length of the managed data.
	        if (offsetVal < 0 || offsetVal + length > this.length) {
	            throw new Error(utils_1.ERRORS.INVALID_READ_BEYOND_BOUNDS);
	        }
	    }
	    /**
	     * Ensures that the internal Buffer is large enough to insert data.
	     *
	     * @param dataLength { Number } The length of the data that needs to be written.
	     * @param offset { Number } The offset of the data to be written.
	     */
	    ensureInsertable(dataLength, offset) {
	        // Checks for valid numberic value;
	        utils_1.checkOffsetValue(offset);
	        // Ensure there is enough internal Buffer capacity.
	        this._ensureCapacity(this.length + dataLength);
	        // If an offset was provided and its not the very end of the buffer, copy data into appropriate location in regards to the offset.
	        if (offset < this.length) {
	            this._buff.copy(this._buff, offset + dataLength, offset, this._buff.length);
	        }
	        // Adjust tracked smart buffer length
	        if (offset + dataLength > this.length) {
	            this.length = offset + dataLength;
	        }
	        else {
	            this.length += dataLength;
	        }
	    }
	    /**
	     * Ensures that the internal Buffer is large enough to write data.
	     *
	     * @param dataLength { Number } The length of the data that needs to be written.
	     * @param offset { Number } The offset of the data to be written (defaults to writeOffset).
	     */
	    _ensureWriteable(dataLength, offset) {
	        const offsetVal = typeof offset === 'number' ? offset : this._writeOffset;
	        // Ensure enough capacity to write data.
	        this._ensureCapacity(offsetVal + dataLength);
	        // Adjust SmartBuffer length (if offset + length is larger than managed length, adjust length)
	        if (offsetVal + dataLength > this.length) {
	            this.length = offsetVal + dataLength;
	        }
	    }
	    /**
	     * Ensures that the internal Buffer is large enough to write at least the given amount of data.
	     *
	     * @param minLength { Number } The minimum length of the data needs to be written.
	     */
	    _ensureCapacity(minLength) {
	        const oldLength = this._buff.length;
	        if (minLength > oldLength) {
	            let data = this._buff;
	            let newLength = (oldLength * 3) / 2 + 1;
	            if (newLength < minLength) {
	                newLength = minLength;
	            }
	            this._buff = Buffer.allocUnsafe(newLength);
	            data.copy(this._buff, 0, 0, oldLength);
	        }
	    }
	    /**
	     * Reads a numeric number value using the provided function.
	     *
	     * @typeparam T { number | bigint } The type of the value to be read
	     *
	     * @param func { Function(offset: number) => number } The function to read data on the internal Buffer with.
	     * @param byteSize { Number } The number of bytes read.
	     * @param offset { Number } The offset to read from (optional). When this is not provided, the managed readOffset is used instead.
	     *
	     * @returns { T } the number value
	     */
	    _readNumberValue(func, byteSize, offset) {
	        this.ensureReadable(byteSize, offset);
	        // Call Buffer.readXXXX();
	        const value = func.call(this._buff, typeof offset === 'number' ? offset : this._readOffset);
	        // Adjust internal read offset if an optional read offset was not provided.
	        if (typeof offset === 'undefined') {
	            this._readOffset += byteSize;
	        }
	        return value;
	    }
	    /**
	     * Inserts a numeric number value based on the given offset and value.
	     *
	     * @typeparam T { number | bigint } The type of the value to be written
	     *
	     * @param func { Function(offset: T, offset?) => number} The function to write data on the internal Buffer with.
	     * @param byteSize { Number } The number of bytes written.
	     * @param value { T } The number value to write.
	     * @param offset { Number } the offset to write the number at (REQUIRED).
	     *
	     * @returns SmartBuffer this buffer
	     */
	    _insertNumberValue(func, byteSize, value, offset) {
	        // Check for invalid offset values.
	        utils_1.checkOffsetValue(offset);
	        // Ensure there is enough internal Buffer capacity. (raw offset is passed)
	        this.ensureInsertable(byteSize, offset);
	        // Call buffer.writeXXXX();
	        func.call(this._buff, value, offset);
	        // Adjusts internally managed write offset.
	        this._writeOffset += byteSize;
	        return this;
	    }
	    /**
	     * Writes a numeric number value based on the given offset and value.
	     *
	     * @typeparam T { number | bigint } The type of the value to be written
	     *
	     * @param func { Function(offset: T, offset?) => number} The function to write data on the internal Buffer with.
	     * @param byteSize { Number } The number of bytes written.
	     * @param value { T } The number value to write.
	     * @param offset { Number } the offset to write the number at (REQUIRED).
	     *
	     * @returns SmartBuffer this buffer
	     */
	    _writeNumberValue(func, byteSize, value, offset) {
	        // If an offset was provided, validate it.
	        if (typeof offset === 'number') {
	            // Check if we're writing beyond the bounds of the managed data.
	            if (offset < 0) {
	                throw new Error(utils_1.ERRORS.INVALID_WRITE_BEYOND_BOUNDS);
	            }
	            utils_1.checkOffsetValue(offset);
	        }
	        // Default to writeOffset if no offset value was given.
	        const offsetVal = typeof offset === 'number' ? offset : this._writeOffset;
	        // Ensure there is enough internal Buffer capacity. (raw offset is passed)
	        this._ensureWriteable(byteSize, offsetVal);
	        func.call(this._buff, value, offsetVal);
	        // If an offset was given, check to see if we wrote beyond the current writeOffset.
	        if (typeof offset === 'number') {
	            this._writeOffset = Math.max(this._writeOffset, offsetVal + byteSize);
	        }
	        else {
	            // If no numeric offset was given, we wrote to the end of the SmartBuffer so increment writeOffset.
	            this._writeOffset += byteSize;
	        }
	        return this;
	    }
	}
	smartbuffer.SmartBuffer = SmartBuffer;
	
	return smartbuffer;
}

var constants$2 = {};

var hasRequiredConstants$2;

function requireConstants$2 () {
	if (hasRequiredConstants$2) return constants$2;
	hasRequiredConstants$2 = 1;
	Object.defineProperty(constants$2, "__esModule", { value: true });
	constants$2.SOCKS5_NO_ACCEPTABLE_AUTH = constants$2.SOCKS5_CUSTOM_AUTH_END = constants$2.SOCKS5_CUSTOM_AUTH_START = constants$2.SOCKS_INCOMING_PACKET_SIZES = constants$2.SocksClientState = constants$2.Socks5Response = constants$2.Socks5HostType = constants$2.Socks5Auth = constants$2.Socks4Response = constants$2.SocksCommand = constants$2.ERRORS = constants$2.DEFAULT_TIMEOUT = void 0;
	const DEFAULT_TIMEOUT = 30000;
	constants$2.DEFAULT_TIMEOUT = DEFAULT_TIMEOUT;
	// prettier-ignore
	const ERRORS = {
	    InvalidSocksCommand: 'An invalid SOCKS command was provided. Valid options are connect, bind, and associate.',
	    InvalidSocksCommandForOperation: 'An invalid SOCKS command was provided. Only a subset of commands are supported for this operation.',
	    InvalidSocksCommandChain: 'An invalid SOCKS command was provided. Chaining currently only supports the connect command.',
	    InvalidSocksClientOptionsDestination: 'An invalid destination host was provided.',
	    InvalidSocksClientOptionsExistingSocket: 'An invalid existing socket was provided. This should be an instance of stream.Duplex.',
	    InvalidSocksClientOptionsProxy: 'Invalid SOCKS proxy details were provided.',
	    InvalidSocksClientOptionsTimeout: 'An invalid timeout value was provided. Please enter a value above 0 (in ms).',
	    InvalidSocksClientOptionsProxiesLength: 'At least two socks proxies must be provided for chaining.',
	    InvalidSocksClientOptionsCustomAuthRange: 'Custom auth must be a value between 0x80 and 0xFE.',
	    InvalidSocksClientOptionsCustomAuthOptions: 'When a custom_auth_method is provided, custom_auth_request_handler, custom_auth_response_size, and custom_auth_response_handler must also be provided and valid.',
	    NegotiationError: 'Negotiation error',
	    SocketClosed: 'Socket closed',
	    ProxyConnectionTimedOut: 'Proxy connection timed out',
	    InternalError: 'SocksClient internal error (this should not happen)',
	    InvalidSocks4HandshakeResponse: 'Received invalid Socks4 handshake response',
	    Socks4ProxyRejectedConnection: 'Socks4 Proxy rejected connection',
	    InvalidSocks4IncomingConnectionResponse: 'Socks4 invalid incoming connection response',
	    Socks4ProxyRejectedIncomingBoundConnection: 'Socks4 Proxy rejected incoming bound connection',
	    InvalidSocks5InitialHandshakeResponse: 'Received invalid Socks5 initial handshake response',
	    InvalidSocks5IntiailHandshakeSocksVersion: 'Received invalid Socks5 initial handshake (invalid socks version)',
	    InvalidSocks5InitialHandshakeNoAcceptedAuthType: 'Received invalid Socks5 initial handshake (no accepted authentication type)',
	    InvalidSocks5InitialHandshakeUnknownAuthType: 'Received invalid Socks5 initial handshake (unknown authentication type)',
	    Socks5AuthenticationFailed: 'Socks5 Authentication failed',
	    InvalidSocks5FinalHandshake: 'Received invalid Socks5 final handshake response',
	    InvalidSocks5FinalHandshakeRejected: 'Socks5 proxy rejected connection',
	    InvalidSocks5IncomingConnectionResponse: 'Received invalid Socks5 incoming connection response',
	    Socks5ProxyRejectedIncomingBoundConnection: 'Socks5 Proxy rejected incoming bound connection',
	};
	constants$2.ERRORS = ERRORS;
	const SOCKS_INCOMING_PACKET_SIZES = {
	    Socks5InitialHandshakeResponse: 2,
	    Socks5UserPassAuthenticationResponse: 2,
	    // Command response + incoming connection (bind)
	    Socks5ResponseHeader: 5, // We need at least 5 to read the hostname length, then we wait for the address+port information.
	    Socks5ResponseIPv4: 10, // 4 header + 4 ip + 2 port
	    Socks5ResponseIPv6: 22, // 4 header + 16 ip + 2 port
	    Socks5ResponseHostname: (hostNameLength) => hostNameLength + 7, // 4 header + 1 host length + host + 2 port
	    // Command response + incoming connection (bind)
	    Socks4Response: 8, // 2 header + 2 port + 4 ip
	};
	constants$2.SOCKS_INCOMING_PACKET_SIZES = SOCKS_INCOMING_PACKET_SIZES;
	var SocksCommand;
	(function (SocksCommand) {
	    SocksCommand[SocksCommand["connect"] = 1] = "connect";
	    SocksCommand[SocksCommand["bind"] = 2] = "bind";
	    SocksCommand[SocksCommand["associate"] = 3] = "associate";
	})(SocksCommand || (constants$2.SocksCommand = SocksCommand = {}));
	var Socks4Response;
	(function (Socks4Response) {
	    Socks4Response[Socks4Response["Granted"] = 90] = "Granted";
	    Socks4Response[Socks4Response["Failed"] = 91] = "Failed";
	    Socks4Response[Socks4Response["Rejected"] = 92] = "Rejected";
	    Socks4Response[Socks4Response["RejectedIdent"] = 93] = "RejectedIdent";
	})(Socks4Response || (constants$2.Socks4Response = Socks4Response = {}));
	var Socks5Auth;
	(function (Socks5Auth) {
	    Socks5Auth[Socks5Auth["NoAuth"] = 0] = "NoAuth";
	    Socks5Auth[Socks5Auth["GSSApi"] = 1] = "GSSApi";
	    Socks5Auth[Socks5Auth["UserPass"] = 2] = "UserPass";
	})(Socks5Auth || (constants$2.Socks5Auth = Socks5Auth = {}));
	const SOCKS5_CUSTOM_AUTH_START = 0x80;
	constants$2.SOCKS5_CUSTOM_AUTH_START = SOCKS5_CUSTOM_AUTH_START;
	const SOCKS5_CUSTOM_AUTH_END = 0xfe;
	constants$2.SOCKS5_CUSTOM_AUTH_END = SOCKS5_CUSTOM_AUTH_END;
	const SOCKS5_NO_ACCEPTABLE_AUTH = 0xff;
	constants$2.SOCKS5_NO_ACCEPTABLE_AUTH = SOCKS5_NO_ACCEPTABLE_AUTH;
	var Socks5Response;
	(function (Socks5Response) {
	    Socks5Response[Socks5Response["Granted"] = 0] = "Granted";
	    Socks5Response[Socks5Response["Failure"] = 1] = "Failure";
	    Socks5Response[Socks5Response["NotAllowed"] = 2] = "NotAllowed";
	    Socks5Response[Socks5Response["NetworkUnreachable"] = 3] = "NetworkUnreachable";
	    Socks5Response[Socks5Response["HostUnreachable"] = 4] = "HostUnreachable";
	    Socks5Response[Socks5Response["ConnectionRefused"] = 5] = "ConnectionRefused";
	    Socks5Response[Socks5Response["TTLExpired"] = 6] = "TTLExpired";
	    Socks5Response[Socks5Response["CommandNotSupported"] = 7] = "CommandNotSupported";
	    Socks5Response[Socks5Response["AddressNotSupported"] = 8] = "AddressNotSupported";
	})(Socks5Response || (constants$2.Socks5Response = Socks5Response = {}));
	var Socks5HostType;
	(function (Socks5HostType) {
	    Socks5HostType[Socks5HostType["IPv4"] = 1] = "IPv4";
	    Socks5HostType[Socks5HostType["Hostname"] = 3] = "Hostname";
	    Socks5HostType[Socks5HostType["IPv6"] = 4] = "IPv6";
	})(Socks5HostType || (constants$2.Socks5HostType = Socks5HostType = {}));
	var SocksClientState;
	(function (SocksClientState) {
	    SocksClientState[SocksClientState["Created"] = 0] = "Created";
	    SocksClientState[SocksClientState["Connecting"] = 1] = "Connecting";
	    SocksClientState[SocksClientState["Connected"] = 2] = "Connected";
	    SocksClientState[SocksClientState["SentInitialHandshake"] = 3] = "SentInitialHandshake";
	    SocksClientState[SocksClientState["ReceivedInitialHandshakeResponse"] = 4] = "ReceivedInitialHandshakeResponse";
	    SocksClientState[SocksClientState["SentAuthentication"] = 5] = "SentAuthentication";
	    SocksClientState[SocksClientState["ReceivedAuthenticationResponse"] = 6] = "ReceivedAuthenticationResponse";
	    SocksClientState[SocksClientState["SentFinalHandshake"] = 7] = "SentFinalHandshake";
	    SocksClientState[SocksClientState["ReceivedFinalResponse"] = 8] = "ReceivedFinalResponse";
	    SocksClientState[SocksClientState["BoundWaitingForConnection"] = 9] = "BoundWaitingForConnection";
	    SocksClientState[SocksClientState["Established"] = 10] = "Established";
	    SocksClientState[SocksClientState["Disconnected"] = 11] = "Disconnected";
	    SocksClientState[SocksClientState["Error"] = 99] = "Error";
	})(SocksClientState || (constants$2.SocksClientState = SocksClientState = {}));
	
	return constants$2;
}

var helpers$1 = {};

var util = {};

var hasRequiredUtil;

function requireUtil () {
	if (hasRequiredUtil) return util;
	hasRequiredUtil = 1;
	Object.defineProperty(util, "__esModule", { value: true });
	util.SocksClientError = void 0;
	util.shuffleArray = shuffleArray;
	/**
	 * Error wrapper for SocksClient
	 */
	class SocksClientError extends Error {
	    constructor(message, options) {
	        super(message);
	        this.options = options;
	    }
	}
	util.SocksClientError = SocksClientError;
	/**
	 * Shuffles a given array.
	 * @param array The array to shuffle.
	 */
	function shuffleArray(array) {
	    for (let i = array.length - 1; i > 0; i--) {
	        const j = Math.floor(Math.random() * (i + 1));
	        [array[i], array[j]] = [array[j], array[i]];
	    }
	}
	
	return util;
}

var ipAddress = {};

var ipv4 = {};

var common = {};

var addressError = {};

var hasRequiredAddressError;

function requireAddressError () {
	if (hasRequiredAddressError) return addressError;
	hasRequiredAddressError = 1;
	Object.defineProperty(addressError, "__esModule", { value: true });
	addressError.AddressError = void 0;
	class AddressError extends Error {
	    constructor(message, parseMessage) {
	        super(message);
	        this.name = 'AddressError';
	        this.parseMessage = parseMessage;
	    }
	}
	addressError.AddressError = AddressError;
	
	return addressError;
}

var hasRequiredCommon;

function requireCommon () {
	if (hasRequiredCommon) return common;
	hasRequiredCommon = 1;
	Object.defineProperty(common, "__esModule", { value: true });
	common.isInSubnet = isInSubnet;
	common.isHostInSubnet = isHostInSubnet;
	common.isGloballyReachable = isGloballyReachable;
	common.offsetBigInt = offsetBigInt;
	common.isCorrect = isCorrect;
	common.prefixLengthFromMask = prefixLengthFromMask;
	common.assertByteArray = assertByteArray;
	common.numberToPaddedHex = numberToPaddedHex;
	common.stringToPaddedHex = stringToPaddedHex;
	common.testBit = testBit;
	const address_error_1 = /*@__PURE__*/ requireAddressError();
	/**
	 * Returns whether this address's *network* is contained within `address`,
	 * i.e. whether every address this one can represent also falls inside
	 * `address`. A network wider than `address` is not contained in it, so
	 * `10.0.0.0/8` is not in `10.0.0.0/16`.
	 *
	 * To ask whether the address itself falls inside a range, ignoring any CIDR
	 * suffix it was written with, use {@link isHostInSubnet} instead. That is the
	 * question the special-use classifiers ask.
	 */
	function isInSubnet(address) {
	    if (this.subnetMask < address.subnetMask) {
	        return false;
	    }
	    return isHostInSubnet.call(this, address);
	}
	/**
	 * Returns whether this address's host bits fall inside `address`, ignoring
	 * this address's own subnet mask.
	 *
	 * This is the primitive the special-use classifiers (`isLoopback`,
	 * `isPrivate`, `isLinkLocal`, `getType`, …) are built on: they answer a
	 * question about the address, so the answer must not change with the CIDR
	 * suffix the caller happened to write. Use this rather than
	 * {@link isInSubnet} when classifying a single address — notably when the
	 * address came from untrusted input and the result backs a trust-boundary
	 * decision such as an SSRF allow/deny filter.
	 *
	 * An address of one family is never inside a network of the other, so an
	 * `Address4` against an `Address6` (or the reverse) is `false`. To compare
	 * across families, convert first: `Address6.fromAddress4()`, `to4()`, or
	 * `toAddress4Nat64()`.
	 */
	function isHostInSubnet(address) {
	    // mask() is a bit string of the family's width, and the leading bits of a
	    // 32-bit string can coincide with those of a 128-bit one (a00::1 and
	    // 10.0.0.0/8 both mask to 00001010), so the widths must agree before the
	    // strings are compared.
	    if (this.binaryZeroPad().length !== address.binaryZeroPad().length) {
	        return false;
	    }
	    return this.mask(address.subnetMask) === address.mask();
	}
	/**
	 * Returns whether the registry marks this address globally reachable: the
	 * answer of the most specific entry containing it that has one, or `true`
	 * when no entry contains it.
	 */
	function isGloballyReachable(entries) {
	    let best = null;
	    for (let i = 0; i < entries.length; i++) {
	        const entry = entries[i];
	        if (entry.reachable !== null &&
	            isHostInSubnet.call(this, entry.subnet) &&
	            (best === null || entry.subnet.subnetMask > best.subnet.subnetMask)) {
	            best = entry;
	        }
	    }
	    return best === null ? true : best.reachable;
	}
	/**
	 * Adds `n` to `value` and returns the result, throwing `AddressError` unless
	 * `n` is an integer and the result stays within `[0, 2**bits - 1]`.
	 */
	function offsetBigInt(value, n, bits, family) {
	    if (typeof n === 'number' && !Number.isSafeInteger(n)) {
	        throw new address_error_1.AddressError(`${family} offset must be an integer`);
	    }
	    if (typeof n !== 'number' && typeof n !== 'bigint') {
	        throw new address_error_1.AddressError(`${family} offset must be an integer`);
	    }
	    const result = value + BigInt(n);
	    if (result < BigInt(0) || result > (BigInt(1) << BigInt(bits)) - BigInt(1)) {
	        throw new address_error_1.AddressError(`${family} offset leaves the address space`);
	    }
	    return result;
	}
	function isCorrect(defaultBits) {
	    return function isCorrectForm() {
	        if (this.addressMinusSuffix !== this.correctForm()) {
	            return false;
	        }
	        if (this.subnetMask === defaultBits && !this.parsedSubnet) {
	            return true;
	        }
	        return this.parsedSubnet === String(this.subnetMask);
	    };
	}
	/**
	 * Returns the prefix length (number of leading 1 bits) of a contiguous
	 * subnet mask. Throws `AddressError` if the mask is non-contiguous (e.g.
	 * `255.0.255.0`).
	 */
	function prefixLengthFromMask(value, totalBits) {
	    const binary = value.toString(2).padStart(totalBits, '0');
	    if (binary.length > totalBits) {
	        throw new address_error_1.AddressError('Invalid subnet mask.');
	    }
	    const firstZero = binary.indexOf('0');
	    if (firstZero === -1) {
	        return totalBits;
	    }
	    if (binary.slice(firstZero).includes('1')) {
	        throw new address_error_1.AddressError('Invalid subnet mask.');
	    }
	    return firstZero;
	}
	/**
	 * Throws `AddressError` unless `bytes` holds exactly `byteCount` integers,
	 * each from `minimum` to 255. Pass a `minimum` of `-128` where signed bytes
	 * are accepted and folded to unsigned, and `0` where they are not.
	 */
	function assertByteArray(bytes, byteCount, family, minimum) {
	    if (bytes.length !== byteCount) {
	        throw new address_error_1.AddressError(`${family} addresses require exactly ${byteCount} bytes`);
	    }
	    for (let i = 0; i < bytes.length; i++) {
	        if (!Number.isInteger(bytes[i]) || bytes[i] < minimum || bytes[i] > 255) {
	            throw new address_error_1.AddressError(`All bytes must be integers between ${minimum} and 255`);
	        }
	    }
	}
	function numberToPaddedHex(number) {
	    return number.toString(16).padStart(2, '0');
	}
	function stringToPaddedHex(numberString) {
	    return numberToPaddedHex(parseInt(numberString, 10));
	}
	/**
	 * @param binaryValue Binary representation of a value (e.g. `10`)
	 * @param position Byte position, where 0 is the least significant bit
	 */
	function testBit(binaryValue, position) {
	    const { length } = binaryValue;
	    if (position >= length) {
	        return false;
	    }
	    const positionInString = length - position - 1;
	    return binaryValue.substring(positionInString, positionInString + 1) === '1';
	}
	
	return common;
}

var constants$1 = {};

var hasRequiredConstants$1;

function requireConstants$1 () {
	if (hasRequiredConstants$1) return constants$1;
	hasRequiredConstants$1 = 1;
	Object.defineProperty(constants$1, "__esModule", { value: true });
	constants$1.SPECIAL_PURPOSE = constants$1.RE_SUBNET_STRING = constants$1.RE_ADDRESS = constants$1.GROUPS = constants$1.BITS = void 0;
	constants$1.BITS = 32;
	constants$1.GROUPS = 4;
	// Each octet is 0-255 written without a leading zero. A leading zero is
	// octal to the WHATWG URL parser, inet_aton, and getaddrinfo, but decimal to
	// parseInt(part, 10), so accepting the notation would make this library
	// disagree with the network stack about which host a string names.
	constants$1.RE_ADDRESS = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/g;
	constants$1.RE_SUBNET_STRING = /\/\d{1,2}$/;
	/**
	 * The IANA IPv4 Special-Purpose Address Registry
	 * (https://www.iana.org/assignments/iana-ipv4-special-registry/), one entry
	 * per block: `[cidr, name, globallyReachable]`. A `null` reachability means
	 * the registry leaves the column blank and the block inherits the answer of
	 * the block containing it (or is global when nothing contains it).
	 *
	 * `Address4.isGlobal()` answers from the most specific entry containing the
	 * address. `test/data/iana-corpus.json` is generated from the registry's CSV
	 * and pins this table to it.
	 */
	constants$1.SPECIAL_PURPOSE = [
	    ['0.0.0.0/8', 'This network', false],
	    ['0.0.0.0/32', 'This host on this network', false],
	    ['10.0.0.0/8', 'Private-Use', false],
	    ['100.64.0.0/10', 'Shared Address Space', false],
	    ['127.0.0.0/8', 'Loopback', false],
	    ['169.254.0.0/16', 'Link Local', false],
	    ['172.16.0.0/12', 'Private-Use', false],
	    ['192.0.0.0/24', 'IETF Protocol Assignments', false],
	    ['192.0.0.0/29', 'IPv4 Service Continuity Prefix', false],
	    ['192.0.0.8/32', 'IPv4 dummy address', false],
	    ['192.0.0.9/32', 'Port Control Protocol Anycast', true],
	    ['192.0.0.10/32', 'Traversal Using Relays around NAT Anycast', true],
	    ['192.0.0.170/32', 'NAT64/DNS64 Discovery', false],
	    ['192.0.0.171/32', 'NAT64/DNS64 Discovery', false],
	    ['192.0.2.0/24', 'Documentation (TEST-NET-1)', false],
	    ['192.31.196.0/24', 'AS112-v4', true],
	    ['192.52.193.0/24', 'AMT', true],
	    ['192.88.99.0/24', 'Deprecated (6to4 Relay Anycast)', null],
	    ['192.88.99.2/32', '6a44-relay anycast address', false],
	    ['192.168.0.0/16', 'Private-Use', false],
	    ['192.175.48.0/24', 'Direct Delegation AS112 Service', true],
	    ['198.18.0.0/15', 'Benchmarking', false],
	    ['198.51.100.0/24', 'Documentation (TEST-NET-2)', false],
	    ['203.0.113.0/24', 'Documentation (TEST-NET-3)', false],
	    ['240.0.0.0/4', 'Reserved', false],
	    ['255.255.255.255/32', 'Limited Broadcast', false],
	];
	
	return constants$1;
}

var hasRequiredIpv4;

function requireIpv4 () {
	if (hasRequiredIpv4) return ipv4;
	hasRequiredIpv4 = 1;
	/* eslint-disable no-param-reassign */
	var __createBinding = (ipv4 && ipv4.__createBinding) || (Object.create ? (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    var desc = Object.getOwnPropertyDescriptor(m, k);
	    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
	      desc = { enumerable: true, get: function() { return m[k]; } };
	    }
	    Object.defineProperty(o, k2, desc);
	}) : (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    o[k2] = m[k];
	}));
	var __setModuleDefault = (ipv4 && ipv4.__setModuleDefault) || (Object.create ? (function(o, v) {
	    Object.defineProperty(o, "default", { enumerable: true, value: v });
	}) : function(o, v) {
	    o["default"] = v;
	});
	var __importStar = (ipv4 && ipv4.__importStar) || function (mod) {
	    if (mod && mod.__esModule) return mod;
	    var result = {};
	    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
	    __setModuleDefault(result, mod);
	    return result;
	};
	Object.defineProperty(ipv4, "__esModule", { value: true });
	ipv4.Address4 = void 0;
	const common = __importStar(/*@__PURE__*/ requireCommon());
	const constants = __importStar(/*@__PURE__*/ requireConstants$1());
	const address_error_1 = /*@__PURE__*/ requireAddressError();
	const isCorrect4 = common.isCorrect(constants.BITS);
	/**
	 * Represents an IPv4 address
	 * @param {string} address - An IPv4 address string
	 */
	class Address4 {
	    constructor(address) {
	        this.addressMinusSuffix = '';
	        this.groups = constants.GROUPS;
	        this.parsedAddress = [];
	        this.parsedSubnet = '';
	        this.subnet = '/32';
	        this.subnetMask = 32;
	        this.v4 = true;
	        /**
	         * Returns true if the address is correct, false otherwise
	         * @returns {Boolean}
	         */
	        this.isCorrect = isCorrect4;
	        /**
	         * Returns true if the given address is in the subnet of the current address.
	         * An `Address6` is never in the subnet of an `Address4`; convert with
	         * `to4()` or `Address6.fromAddress4()` to compare across families.
	         * @returns {boolean}
	         */
	        this.isInSubnet = common.isInSubnet;
	        /**
	         * Returns true if this address's host bits fall inside the given subnet,
	         * ignoring this address's own subnet mask. Prefer this over `isInSubnet`
	         * when classifying a single address, so the answer doesn't change with the
	         * CIDR suffix the caller happened to write — notably when the address came
	         * from untrusted input and the result backs a trust-boundary decision.
	         * An `Address6` is never in the subnet of an `Address4`; convert with
	         * `to4()` or `Address6.fromAddress4()` to compare across families.
	         * @returns {boolean}
	         */
	        this.isHostInSubnet = common.isHostInSubnet;
	        this.address = address;
	        const subnet = constants.RE_SUBNET_STRING.exec(address);
	        if (subnet) {
	            this.parsedSubnet = subnet[0].replace('/', '');
	            this.subnetMask = parseInt(this.parsedSubnet, 10);
	            this.subnet = `/${this.subnetMask}`;
	            if (this.subnetMask < 0 || this.subnetMask > constants.BITS) {
	                throw new address_error_1.AddressError('Invalid subnet mask.');
	            }
	            address = address.replace(constants.RE_SUBNET_STRING, '');
	        }
	        // Four three-digit octets and three dots: the longest well-formed address
	        // is 15 characters. Longer input is rejected before parsing, as Address6
	        // does at its own limit.
	        const longest = constants.GROUPS * 4 - 1;
	        if (address.length > longest) {
	            throw new address_error_1.AddressError(`IPv4 addresses are at most ${longest} characters.`);
	        }
	        this.addressMinusSuffix = address;
	        this.parsedAddress = this.parse(address);
	    }
	    /**
	     * Returns true if the given string is a valid IPv4 address (with optional
	     * CIDR subnet), false otherwise. Host bits in the subnet portion are
	     * allowed (e.g. `192.168.1.5/24` is valid); for strict network-address
	     * validation compare `correctForm()` to `startAddress().correctForm()`,
	     * or use `networkForm()`.
	     */
	    static isValid(address) {
	        try {
	            // eslint-disable-next-line no-new
	            new Address4(address);
	            return true;
	        }
	        catch {
	            return false;
	        }
	    }
	    /**
	     * Parses an IPv4 address string into its four octet groups and stores the
	     * result on `this.parsedAddress`. Called automatically by the constructor;
	     * you typically don't need to call it directly. Throws `AddressError` if
	     * the input is not a valid IPv4 address.
	     */
	    parse(address) {
	        const groups = address.split('.');
	        // Checked before the general match so the error names the actual problem.
	        // Address6 rejects the same notation on its v4-in-v6 path.
	        if (groups.some((group) => /^0\d/.test(group))) {
	            throw new address_error_1.AddressError("IPv4 addresses can't have leading zeroes.");
	        }
	        if (!address.match(constants.RE_ADDRESS)) {
	            throw new address_error_1.AddressError('Invalid IPv4 address.');
	        }
	        return groups;
	    }
	    /**
	     * Returns the address in correct form: octets joined with `.` and any
	     * leading zeros stripped (e.g. `192.168.1.1`). For IPv4 this matches the
	     * canonical dotted-decimal representation.
	     */
	    correctForm() {
	        return this.parsedAddress.map((part) => parseInt(part, 10)).join('.');
	    }
	    /**
	     * Construct an `Address4` from an address and a dotted-decimal subnet
	     * mask given as separate strings (e.g. as returned by Node's
	     * `os.networkInterfaces()`). Throws `AddressError` if the mask is
	     * non-contiguous (e.g. `255.0.255.0`).
	     * @example
	     * var address = Address4.fromAddressAndMask('192.168.1.1', '255.255.255.0');
	     * address.subnetMask; // 24
	     */
	    static fromAddressAndMask(address, mask) {
	        const bits = common.prefixLengthFromMask(new Address4(mask).bigInt(), constants.BITS);
	        return new Address4(`${address}/${bits}`);
	    }
	    /**
	     * Construct an `Address4` from an address and a Cisco-style wildcard mask
	     * given as separate strings (e.g. `0.0.0.255` for a `/24`). The wildcard
	     * mask is the bitwise inverse of the subnet mask. Throws `AddressError`
	     * if the mask is non-contiguous (e.g. `0.255.0.255`).
	     * @example
	     * var address = Address4.fromAddressAndWildcardMask('10.0.0.1', '0.0.0.255');
	     * address.subnetMask; // 24
	     */
	    static fromAddressAndWildcardMask(address, wildcardMask) {
	        const wildcard = new Address4(wildcardMask).bigInt();
	        const allOnes = (BigInt(1) << BigInt(constants.BITS)) - BigInt(1);
	        const mask = wildcard ^ allOnes;
	        const bits = common.prefixLengthFromMask(mask, constants.BITS);
	        return new Address4(`${address}/${bits}`);
	    }
	    /**
	     * Construct an `Address4` from a wildcard pattern with trailing `*`
	     * octets. The number of trailing wildcards determines the prefix
	     * length: each `*` represents 8 bits.
	     *
	     * Only trailing whole-octet wildcards are supported. Partial-octet
	     * wildcards (e.g. `192.168.0.1*`) and interior wildcards (e.g.
	     * `192.*.0.1`) throw `AddressError`.
	     * @example
	     * Address4.fromWildcard('192.168.0.*').subnet;   // '/24'
	     * Address4.fromWildcard('192.168.*.*').subnet;   // '/16'
	     * Address4.fromWildcard('*.*.*.*').subnet;       // '/0'
	     */
	    static fromWildcard(input) {
	        const groups = input.split('.');
	        if (groups.length !== constants.GROUPS) {
	            throw new address_error_1.AddressError('Wildcard pattern must have 4 octets');
	        }
	        let firstWildcard = -1;
	        for (let i = 0; i < groups.length; i++) {
	            if (groups[i] === '*') {
	                if (firstWildcard === -1) {
	                    firstWildcard = i;
	                }
	            }
	            else if (firstWildcard !== -1) {
	                throw new address_error_1.AddressError('Wildcard `*` must only appear in trailing octets (e.g. `192.168.0.*`)');
	            }
	        }
	        const trailing = firstWildcard === -1 ? 0 : groups.length - firstWildcard;
	        const replaced = groups.map((g) => (g === '*' ? '0' : g));
	        const subnetBits = constants.BITS - trailing * 8;
	        return new Address4(`${replaced.join('.')}/${subnetBits}`);
	    }
	    /**
	     * Converts a hex string to an IPv4 address object. Accepts 8 hex digits
	     * with optional `:` separators (e.g. `'7f000001'` or `'7f:00:00:01'`).
	     * Throws `AddressError` for any other length or for non-hex characters.
	     * @param {string} hex - a hex string to convert
	     * @returns {Address4}
	     */
	    static fromHex(hex) {
	        const stripped = hex.replace(/:/g, '');
	        if (!/^[0-9a-fA-F]{8}$/.test(stripped)) {
	            throw new address_error_1.AddressError('IPv4 hex must be exactly 8 hex digits');
	        }
	        const groups = [];
	        for (let i = 0; i < 8; i += 2) {
	            groups.push(parseInt(stripped.slice(i, i + 2), 16));
	        }
	        return new Address4(groups.join('.'));
	    }
	    /**
	     * Converts an integer into a IPv4 address object. The integer must be a
	     * non-negative safe integer in the range `[0, 2**32 - 1]`; otherwise
	     * `AddressError` is thrown.
	     * @param {integer} integer - a number to convert
	     * @returns {Address4}
	     */
	    static fromInteger(integer) {
	        if (!Number.isInteger(integer) || integer < 0 || integer > 0xffffffff) {
	            throw new address_error_1.AddressError('IPv4 integer must be in the range 0 to 2**32 - 1');
	        }
	        return Address4.fromHex(integer.toString(16).padStart(8, '0'));
	    }
	    /**
	     * Return an address from in-addr.arpa form: the four octets reversed, with
	     * or without the `.in-addr.arpa` suffix and root dot, in any case. Throws
	     * `AddressError` unless the reversed labels form a valid IPv4 address, so
	     * `fromArpa(x.reverseForm())` round-trips {@link reverseForm}.
	     * @param {string} arpaFormAddress - an 'in-addr.arpa' form ipv4 address
	     * @returns {Adress4}
	     * @example
	     * var address = Address4.fromArpa('42.2.0.192.in-addr.arpa.')
	     * address.correctForm(); // '192.0.2.42'
	     */
	    static fromArpa(arpaFormAddress) {
	        // A 15-character address, a "/32" prefix length and ".in-addr.arpa.": the
	        // longest name is 32 characters. Longer input is rejected before its
	        // labels are split, as the constructor does at its own limit.
	        const longest = constants.GROUPS * 4 - 1 + '/32'.length + '.in-addr.arpa.'.length;
	        if (arpaFormAddress.length > longest) {
	            throw new address_error_1.AddressError(`in-addr.arpa names are at most ${longest} characters.`);
	        }
	        // remove an ending ".in-addr.arpa", in any case and with or without the
	        // root dot, as Address6.fromArpa does for ".ip6.arpa"
	        const leader = arpaFormAddress.replace(/(\.in-addr\.arpa)?\.?$/i, '');
	        const address = leader.split('.').reverse().join('.');
	        return new Address4(address);
	    }
	    /**
	     * Converts an IPv4 address object to a hex string
	     * @returns {String}
	     */
	    toHex() {
	        return this.parsedAddress.map((part) => common.stringToPaddedHex(part)).join(':');
	    }
	    /**
	     * Converts an IPv4 address object to an array of bytes.
	     *
	     * To get a Node.js `Buffer`, wrap the result: `Buffer.from(address.toArray())`.
	     * @returns {Array}
	     */
	    toArray() {
	        return this.parsedAddress.map((part) => parseInt(part, 10));
	    }
	    /**
	     * Converts an IPv4 address object to an IPv6 address group
	     * @returns {String}
	     */
	    toGroup6() {
	        const output = [];
	        let i;
	        for (i = 0; i < constants.GROUPS; i += 2) {
	            output.push(`${common.stringToPaddedHex(this.parsedAddress[i])}${common.stringToPaddedHex(this.parsedAddress[i + 1])}`);
	        }
	        return output.join(':');
	    }
	    /**
	     * Returns the address as a `bigint`
	     * @returns {bigint}
	     */
	    bigInt() {
	        return BigInt(`0x${this.parsedAddress.map((n) => common.stringToPaddedHex(n)).join('')}`);
	    }
	    /**
	     * Helper function getting start address.
	     * @returns {bigint}
	     */
	    _startAddress() {
	        return BigInt(`0b${this.mask() + '0'.repeat(constants.BITS - this.subnetMask)}`);
	    }
	    /**
	     * The first address in the range given by this address' subnet.
	     * Often referred to as the Network Address.
	     * @returns {Address4}
	     */
	    startAddress() {
	        return Address4.fromBigInt(this._startAddress());
	    }
	    /**
	     * The first host address in the range given by this address's subnet ie
	     * the first address after the Network Address
	     * @returns {Address4}
	     */
	    startAddressExclusive() {
	        const adjust = BigInt('1');
	        return Address4.fromBigInt(this._startAddress() + adjust);
	    }
	    /**
	     * Returns the address `n` addresses after this one (or before, when `n` is
	     * negative), keeping this address's subnet mask. Throws `AddressError` when
	     * the result would fall outside the IPv4 address space or `n` is not an
	     * integer.
	     * @param {number | bigint} n
	     * @returns {Address4}
	     * @example
	     * new Address4('10.0.0.0/24').offset(1).correctForm(); // '10.0.0.1'
	     */
	    offset(n) {
	        return Address4.fromBigInt(common.offsetBigInt(this.bigInt(), n, constants.BITS, 'IPv4')).withSubnetMask(this.subnetMask);
	    }
	    /**
	     * Returns the network that follows this address's network: the address after
	     * {@link endAddress}, with the same subnet mask. Throws `AddressError` when
	     * this network is the last one in the address space.
	     * @returns {Address4}
	     * @example
	     * new Address4('10.0.0.0/24').nextNetwork().networkForm(); // '10.0.1.0/24'
	     */
	    nextNetwork() {
	        return Address4.fromBigInt(common.offsetBigInt(this._endAddress(), 1, constants.BITS, 'IPv4')).withSubnetMask(this.subnetMask);
	    }
	    withSubnetMask(subnetMask) {
	        return new Address4(`${this.correctForm()}/${subnetMask}`);
	    }
	    /**
	     * Helper function getting end address.
	     * @returns {bigint}
	     */
	    _endAddress() {
	        return BigInt(`0b${this.mask() + '1'.repeat(constants.BITS - this.subnetMask)}`);
	    }
	    /**
	     * The last address in the range given by this address' subnet
	     * Often referred to as the Broadcast
	     * @returns {Address4}
	     */
	    endAddress() {
	        return Address4.fromBigInt(this._endAddress());
	    }
	    /**
	     * The last host address in the range given by this address's subnet ie
	     * the last address prior to the Broadcast Address
	     * @returns {Address4}
	     */
	    endAddressExclusive() {
	        const adjust = BigInt('1');
	        return Address4.fromBigInt(this._endAddress() - adjust);
	    }
	    /**
	     * The dotted-decimal form of the subnet mask, e.g. `255.255.240.0` for
	     * a `/20`. Returns an `Address4`; call `.correctForm()` for the string.
	     * @returns {Address4}
	     */
	    subnetMaskAddress() {
	        return Address4.fromBigInt(BigInt(`0b${'1'.repeat(this.subnetMask)}${'0'.repeat(constants.BITS - this.subnetMask)}`));
	    }
	    /**
	     * The Cisco-style wildcard mask, e.g. `0.0.0.255` for a `/24`. This is
	     * the bitwise inverse of `subnetMaskAddress()`. Returns an `Address4`;
	     * call `.correctForm()` for the string.
	     * @returns {Address4}
	     */
	    wildcardMask() {
	        return Address4.fromBigInt(BigInt(`0b${'0'.repeat(this.subnetMask)}${'1'.repeat(constants.BITS - this.subnetMask)}`));
	    }
	    /**
	     * The network address in CIDR string form, e.g. `192.168.1.0/24` for
	     * `192.168.1.5/24`. For an address with no explicit subnet the prefix is
	     * `/32`, e.g. `networkForm()` on `192.168.1.5` returns `192.168.1.5/32`.
	     * @returns {string}
	     */
	    networkForm() {
	        return `${this.startAddress().correctForm()}/${this.subnetMask}`;
	    }
	    /**
	     * Converts a BigInt to a v4 address object. The value must be in the
	     * range `[0, 2**32 - 1]`; otherwise `AddressError` is thrown.
	     * @param {bigint} bigInt - a BigInt to convert
	     * @returns {Address4}
	     */
	    static fromBigInt(bigInt) {
	        if (bigInt < BigInt(0) || bigInt > BigInt(0xffffffff)) {
	            throw new address_error_1.AddressError('IPv4 BigInt must be in the range 0 to 2**32 - 1');
	        }
	        return Address4.fromHex(bigInt.toString(16).padStart(8, '0'));
	    }
	    /**
	     * Convert a byte array to an Address4 object. Throws `AddressError` unless
	     * given exactly 4 integers from 0 to 255. Signed bytes are rejected, so
	     * this differs from `Address6.fromByteArray`, which folds them; the two
	     * contracts converge on this stricter form in the next major version.
	     *
	     * To convert from a Node.js `Buffer`, spread it: `Address4.fromByteArray([...buf])`.
	     * @param {Array<number>} bytes - an array of 4 bytes (0-255)
	     * @returns {Address4}
	     */
	    static fromByteArray(bytes) {
	        common.assertByteArray(bytes, 4, 'IPv4', 0);
	        return this.fromUnsignedByteArray(bytes);
	    }
	    /**
	     * Convert an unsigned byte array to an Address4 object. Throws
	     * `AddressError` unless given exactly 4 bytes, and rejects values outside
	     * 0 to 255 when parsing the resulting address.
	     *
	     * To convert from a Node.js `Buffer`, spread it:
	     * `Address4.fromUnsignedByteArray([...buf])`.
	     * @param {Array<number>} bytes - an array of 4 unsigned bytes (0-255)
	     * @returns {Address4}
	     */
	    static fromUnsignedByteArray(bytes) {
	        if (bytes.length !== 4) {
	            throw new address_error_1.AddressError('IPv4 addresses require exactly 4 bytes');
	        }
	        const address = bytes.join('.');
	        return new Address4(address);
	    }
	    /**
	     * Returns the first n bits of the address, defaulting to the
	     * subnet mask
	     * @returns {String}
	     */
	    mask(mask) {
	        if (mask === undefined) {
	            mask = this.subnetMask;
	        }
	        return this.getBitsBase2(0, mask);
	    }
	    /**
	     * Returns the bits in the given range as a base-2 string
	     * @returns {string}
	     */
	    getBitsBase2(start, end) {
	        return this.binaryZeroPad().slice(start, end);
	    }
	    /**
	     * Return the reversed in-addr.arpa form of the address, e.g.
	     * `42.2.0.192.in-addr.arpa.` for `192.0.2.42`.
	     * @param {Object} options
	     * @param {boolean} options.omitSuffix - omit the "in-addr.arpa" suffix
	     * @returns {String}
	     */
	    reverseForm(options) {
	        if (!options) {
	            options = {};
	        }
	        const reversed = this.correctForm().split('.').reverse().join('.');
	        if (options.omitSuffix) {
	            return reversed;
	        }
	        return `${reversed}.in-addr.arpa.`;
	    }
	    /**
	     * Returns true if the given address is a multicast address
	     * @returns {boolean}
	     */
	    isMulticast() {
	        return this.isHostInSubnet(MULTICAST_V4);
	    }
	    /**
	     * Returns true if the address is in one of the [RFC 1918](https://datatracker.ietf.org/doc/html/rfc1918) private address ranges (`10.0.0.0/8`, `172.16.0.0/12`, `192.168.0.0/16`).
	     * @returns {boolean}
	     */
	    isPrivate() {
	        return PRIVATE_V4.some((subnet) => this.isHostInSubnet(subnet));
	    }
	    /**
	     * Returns true if the address is in the loopback range `127.0.0.0/8` ([RFC 1122](https://datatracker.ietf.org/doc/html/rfc1122)).
	     * @returns {boolean}
	     */
	    isLoopback() {
	        return this.isHostInSubnet(LOOPBACK_V4);
	    }
	    /**
	     * Returns true if the address is in the link-local range `169.254.0.0/16` ([RFC 3927](https://datatracker.ietf.org/doc/html/rfc3927)).
	     * @returns {boolean}
	     */
	    isLinkLocal() {
	        return this.isHostInSubnet(LINK_LOCAL_V4);
	    }
	    /**
	     * Returns true if the address is the unspecified address `0.0.0.0`.
	     * @returns {boolean}
	     */
	    isUnspecified() {
	        return this.isHostInSubnet(UNSPECIFIED_V4);
	    }
	    /**
	     * Returns true if the address is the limited broadcast address `255.255.255.255` ([RFC 919](https://datatracker.ietf.org/doc/html/rfc919)).
	     * @returns {boolean}
	     */
	    isBroadcast() {
	        return this.isHostInSubnet(BROADCAST_V4);
	    }
	    /**
	     * Returns true if the address is in the carrier-grade NAT range `100.64.0.0/10` ([RFC 6598](https://datatracker.ietf.org/doc/html/rfc6598)).
	     * @returns {boolean}
	     */
	    isCGNAT() {
	        return this.isHostInSubnet(CGNAT_V4);
	    }
	    /**
	     * Returns true if the address is in one of the documentation ranges
	     * `192.0.2.0/24`, `198.51.100.0/24`, or `203.0.113.0/24` ([RFC 5737](https://datatracker.ietf.org/doc/html/rfc5737)).
	     * @returns {boolean}
	     */
	    isDocumentation() {
	        return DOCUMENTATION_V4.some((subnet) => this.isHostInSubnet(subnet));
	    }
	    /**
	     * Returns true if the address is in the benchmarking range `198.18.0.0/15` ([RFC 2544](https://datatracker.ietf.org/doc/html/rfc2544)).
	     * @returns {boolean}
	     */
	    isBenchmarking() {
	        return this.isHostInSubnet(BENCHMARKING_V4);
	    }
	    /**
	     * Returns true if the address is in the reserved range `240.0.0.0/4` ([RFC 1112](https://datatracker.ietf.org/doc/html/rfc1112)),
	     * which includes the limited broadcast address.
	     * @returns {boolean}
	     */
	    isReserved() {
	        return this.isHostInSubnet(RESERVED_V4);
	    }
	    /**
	     * Returns true if the address is globally reachable: not multicast, and not
	     * in any block the [IANA IPv4 Special-Purpose Address Registry](https://www.iana.org/assignments/iana-ipv4-special-registry/)
	     * marks as not globally reachable. That covers everything the individual
	     * classifiers name (private, loopback, link-local, CGNAT, unspecified,
	     * broadcast, documentation, benchmarking, reserved) and the blocks they do
	     * not, such as `0.0.0.0/8` and the IETF protocol assignments in
	     * `192.0.0.0/24`. This is the single predicate to use where a request must
	     * not reach an internal or special-purpose destination; see SECURITY.md.
	     * @returns {boolean}
	     */
	    isGlobal() {
	        return !this.isMulticast() && common.isGloballyReachable.call(this, SPECIAL_PURPOSE_V4);
	    }
	    /**
	     * Returns a zero-padded base-2 string representation of the address
	     * @returns {string}
	     */
	    binaryZeroPad() {
	        if (this._binaryZeroPad === undefined) {
	            this._binaryZeroPad = this.bigInt().toString(2).padStart(constants.BITS, '0');
	        }
	        return this._binaryZeroPad;
	    }
	    /**
	     * Groups an IPv4 address for inclusion at the end of an IPv6 address.
	     *
	     * Returns an HTML fragment: each half of the address is wrapped in a
	     * `<span>` carrying the group classes an address-inspector UI hovers on.
	     * The address content is HTML-escaped; anything you concatenate around it
	     * is your responsibility.
	     * @returns {String}
	     */
	    groupForV6() {
	        const segments = this.parsedAddress;
	        return this.correctForm().replace(constants.RE_ADDRESS, `<span class="hover-group group-v4 group-6">${segments
	            .slice(0, 2)
	            .join('.')}</span>.<span class="hover-group group-v4 group-7">${segments
	            .slice(2, 4)
	            .join('.')}</span>`);
	    }
	}
	ipv4.Address4 = Address4;
	const MULTICAST_V4 = new Address4('224.0.0.0/4');
	const PRIVATE_V4 = [
	    new Address4('10.0.0.0/8'),
	    new Address4('172.16.0.0/12'),
	    new Address4('192.168.0.0/16'),
	];
	const LOOPBACK_V4 = new Address4('127.0.0.0/8');
	const LINK_LOCAL_V4 = new Address4('169.254.0.0/16');
	const UNSPECIFIED_V4 = new Address4('0.0.0.0/32');
	const BROADCAST_V4 = new Address4('255.255.255.255/32');
	const CGNAT_V4 = new Address4('100.64.0.0/10');
	const DOCUMENTATION_V4 = [
	    new Address4('192.0.2.0/24'),
	    new Address4('198.51.100.0/24'),
	    new Address4('203.0.113.0/24'),
	];
	const BENCHMARKING_V4 = new Address4('198.18.0.0/15');
	const RESERVED_V4 = new Address4('240.0.0.0/4');
	const SPECIAL_PURPOSE_V4 = constants.SPECIAL_PURPOSE.map(([cidr, , reachable]) => ({
	    subnet: new Address4(cidr),
	    reachable,
	}));
	
	return ipv4;
}

var ipv6 = {};

var constants = {};

var hasRequiredConstants;

function requireConstants () {
	if (hasRequiredConstants) return constants;
	hasRequiredConstants = 1;
	Object.defineProperty(constants, "__esModule", { value: true });
	constants.SPECIAL_PURPOSE = constants.RE_URL_WITH_PORT = constants.RE_URL = constants.RE_ZONE_STRING = constants.RE_SUBNET_STRING = constants.RE_BAD_ADDRESS = constants.RE_BAD_CHARACTERS = constants.TYPES = constants.SCOPES = constants.GROUPS = constants.BITS = void 0;
	constants.BITS = 128;
	constants.GROUPS = 8;
	/**
	 * Represents IPv6 address scopes
	 * @memberof Address6
	 * @static
	 */
	constants.SCOPES = {
	    0: 'Reserved',
	    1: 'Interface local',
	    2: 'Link local',
	    4: 'Admin local',
	    5: 'Site local',
	    8: 'Organization local',
	    14: 'Global',
	    15: 'Reserved',
	};
	/**
	 * Represents IPv6 address types
	 * @memberof Address6
	 * @static
	 */
	constants.TYPES = {
	    'ff01::1/128': 'Multicast (All nodes on this interface)',
	    'ff01::2/128': 'Multicast (All routers on this interface)',
	    'ff02::1/128': 'Multicast (All nodes on this link)',
	    'ff02::2/128': 'Multicast (All routers on this link)',
	    'ff05::2/128': 'Multicast (All routers in this site)',
	    'ff02::5/128': 'Multicast (OSPFv3 AllSPF routers)',
	    'ff02::6/128': 'Multicast (OSPFv3 AllDR routers)',
	    'ff02::9/128': 'Multicast (RIP routers)',
	    'ff02::a/128': 'Multicast (EIGRP routers)',
	    'ff02::d/128': 'Multicast (PIM routers)',
	    'ff02::16/128': 'Multicast (MLDv2 reports)',
	    'ff01::fb/128': 'Multicast (mDNSv6)',
	    'ff02::fb/128': 'Multicast (mDNSv6)',
	    'ff05::fb/128': 'Multicast (mDNSv6)',
	    'ff02::1:2/128': 'Multicast (All DHCP servers and relay agents on this link)',
	    'ff05::1:2/128': 'Multicast (All DHCP servers and relay agents in this site)',
	    'ff02::1:3/128': 'Multicast (All DHCP servers on this link)',
	    'ff05::1:3/128': 'Multicast (All DHCP servers in this site)',
	    '::/128': 'Unspecified',
	    '::1/128': 'Loopback',
	    '::ffff:0:0/96': 'IPv4-mapped',
	    'ff00::/8': 'Multicast',
	    'fe80::/10': 'Link-local unicast',
	    'fc00::/7': 'Unique local',
	    '2001::/32': 'Teredo',
	    '2001:2::/48': 'Benchmarking',
	    '2002::/16': '6to4',
	    '2001:db8::/32': 'Documentation',
	    '3fff::/20': 'Documentation',
	    '100::/64': 'Discard-only',
	    'fec0::/10': 'Site-local unicast (deprecated)',
	    '::/96': 'IPv4-compatible (deprecated)',
	    '64:ff9b::/96': 'NAT64 (well-known)',
	    '64:ff9b:1::/48': 'NAT64 (local-use)',
	};
	/**
	 * A regular expression that matches bad characters in an IPv6 address
	 * @memberof Address6
	 * @static
	 */
	constants.RE_BAD_CHARACTERS = /([^0-9a-f:/%])/gi;
	/**
	 * A regular expression that matches an incorrect IPv6 address
	 * @memberof Address6
	 * @static
	 */
	constants.RE_BAD_ADDRESS = /([0-9a-f]{5,}|:{3,}|[^:]:$|^:[^:]|\/$)/gi;
	/**
	 * A regular expression that matches an IPv6 subnet
	 * @memberof Address6
	 * @static
	 */
	constants.RE_SUBNET_STRING = /\/\d{1,3}(?=%|$)/;
	/**
	 * A regular expression that matches an IPv6 zone
	 * @memberof Address6
	 * @static
	 * @deprecated Takes quadratic time on input holding many `%` characters
	 * followed by a line terminator. The library finds the zone by index, as
	 * `Address6`'s constructor shows, and 11.0.0 removes this export.
	 */
	constants.RE_ZONE_STRING = /%.*$/;
	constants.RE_URL = /^(?:\[([0-9a-f:.]+)\]|([0-9a-f:.]+))(?:[/?#].*)?$/i;
	constants.RE_URL_WITH_PORT = /^\[([0-9a-f:.]+)\]:([0-9]{1,5})(?:[/?#].*)?$/i;
	/**
	 * The IANA IPv6 Special-Purpose Address Registry
	 * (https://www.iana.org/assignments/iana-ipv6-special-registry/), one entry
	 * per block: `[cidr, name, globallyReachable]`. A `null` reachability means
	 * the registry says N/A or leaves the column blank; N/A blocks (Teredo, 6to4)
	 * are treated as not globally reachable, since a packet to one needs a relay,
	 * and blank blocks inherit the answer of the block containing them.
	 *
	 * `Address6.isGlobal()` answers from the most specific entry containing the
	 * address, after delegating IPv4-mapped and NAT64 well-known addresses to the
	 * embedded IPv4 address. `test/data/iana-corpus.json` is generated from the
	 * registry's CSV and pins this table to it.
	 */
	constants.SPECIAL_PURPOSE = [
	    ['::1/128', 'Loopback Address', false],
	    ['::/128', 'Unspecified Address', false],
	    ['::ffff:0:0/96', 'IPv4-mapped Address', false],
	    ['64:ff9b::/96', 'IPv4-IPv6 Translat.', true],
	    ['64:ff9b:1::/48', 'IPv4-IPv6 Translat.', false],
	    ['100::/64', 'Discard-Only Address Block', false],
	    ['100:0:0:1::/64', 'Dummy IPv6 Prefix', false],
	    ['2001::/23', 'IETF Protocol Assignments', false],
	    ['2001::/32', 'TEREDO', false],
	    ['2001:1::1/128', 'Port Control Protocol Anycast', true],
	    ['2001:1::2/128', 'Traversal Using Relays around NAT Anycast', true],
	    ['2001:1::3/128', 'DNS-SD Service Registration Protocol Anycast', true],
	    ['2001:2::/48', 'Benchmarking', false],
	    ['2001:3::/32', 'AMT', true],
	    ['2001:4:112::/48', 'AS112-v6', true],
	    ['2001:10::/28', 'Deprecated (previously ORCHID)', null],
	    ['2001:20::/28', 'ORCHIDv2', true],
	    ['2001:30::/28', 'Drone Remote ID Protocol Entity Tags (DETs) Prefix', true],
	    ['2001:db8::/32', 'Documentation', false],
	    ['2002::/16', '6to4', false],
	    ['2620:4f:8000::/48', 'Direct Delegation AS112 Service', true],
	    ['3fff::/20', 'Documentation', false],
	    ['5f00::/16', 'Segment Routing (SRv6) SIDs', false],
	    ['fc00::/7', 'Unique-Local', false],
	    ['fe80::/10', 'Link-Local Unicast', false],
	];
	
	return constants;
}

var helpers = {};

var hasRequiredHelpers$1;

function requireHelpers$1 () {
	if (hasRequiredHelpers$1) return helpers;
	hasRequiredHelpers$1 = 1;
	Object.defineProperty(helpers, "__esModule", { value: true });
	helpers.escapeHtml = escapeHtml;
	helpers.spanAllZeroes = spanAllZeroes;
	helpers.spanAll = spanAll;
	helpers.spanLeadingZeroes = spanLeadingZeroes;
	helpers.simpleGroup = simpleGroup;
	function escapeHtml(s) {
	    return s
	        .replace(/&/g, '&amp;')
	        .replace(/</g, '&lt;')
	        .replace(/>/g, '&gt;')
	        .replace(/"/g, '&quot;')
	        .replace(/'/g, '&#39;');
	}
	/**
	 * @returns {String} the string with all zeroes contained in a <span>
	 */
	function spanAllZeroes(s) {
	    return escapeHtml(s).replace(/(0+)/g, '<span class="zero">$1</span>');
	}
	/**
	 * @returns {String} the string with each character contained in a <span>
	 */
	function spanAll(s, offset = 0) {
	    const letters = s.split('');
	    return letters
	        .map((n, i) => `<span class="digit value-${escapeHtml(n)} position-${i + offset}">${spanAllZeroes(n)}</span>`)
	        .join('');
	}
	function spanLeadingZeroesSimple(group) {
	    return escapeHtml(group).replace(/^(0+)/, '<span class="zero">$1</span>');
	}
	/**
	 * @returns {String} the string with leading zeroes contained in a <span>
	 */
	function spanLeadingZeroes(address) {
	    const groups = address.split(':');
	    return groups.map((g) => spanLeadingZeroesSimple(g)).join(':');
	}
	/**
	 * Groups an address
	 * @returns {String} a grouped address
	 */
	function simpleGroup(addressString, offset = 0) {
	    const groups = addressString.split(':');
	    return groups.map((g, i) => {
	        if (/group-v4/.test(g)) {
	            return g;
	        }
	        return `<span class="hover-group group-${i + offset}">${spanLeadingZeroesSimple(g)}</span>`;
	    });
	}
	
	return helpers;
}

var regularExpressions = {};

var hasRequiredRegularExpressions;

function requireRegularExpressions () {
	if (hasRequiredRegularExpressions) return regularExpressions;
	hasRequiredRegularExpressions = 1;
	var __createBinding = (regularExpressions && regularExpressions.__createBinding) || (Object.create ? (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    var desc = Object.getOwnPropertyDescriptor(m, k);
	    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
	      desc = { enumerable: true, get: function() { return m[k]; } };
	    }
	    Object.defineProperty(o, k2, desc);
	}) : (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    o[k2] = m[k];
	}));
	var __setModuleDefault = (regularExpressions && regularExpressions.__setModuleDefault) || (Object.create ? (function(o, v) {
	    Object.defineProperty(o, "default", { enumerable: true, value: v });
	}) : function(o, v) {
	    o["default"] = v;
	});
	var __importStar = (regularExpressions && regularExpressions.__importStar) || function (mod) {
	    if (mod && mod.__esModule) return mod;
	    var result = {};
	    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
	    __setModuleDefault(result, mod);
	    return result;
	};
	Object.defineProperty(regularExpressions, "__esModule", { value: true });
	regularExpressions.ADDRESS_BOUNDARY = void 0;
	regularExpressions.groupPossibilities = groupPossibilities;
	regularExpressions.padGroup = padGroup;
	regularExpressions.simpleRegularExpression = simpleRegularExpression;
	regularExpressions.possibleElisions = possibleElisions;
	const v6 = __importStar(/*@__PURE__*/ requireConstants());
	function groupPossibilities(possibilities) {
	    return `(${possibilities.join('|')})`;
	}
	function padGroup(group) {
	    if (group.length < 4) {
	        return `0{0,${4 - group.length}}${group}`;
	    }
	    return group;
	}
	regularExpressions.ADDRESS_BOUNDARY = '[^A-Fa-f0-9:]';
	function simpleRegularExpression(groups) {
	    const zeroIndexes = [];
	    groups.forEach((group, i) => {
	        const groupInteger = parseInt(group, 16);
	        if (groupInteger === 0) {
	            zeroIndexes.push(i);
	        }
	    });
	    // You can technically elide a single 0, this creates the regular expressions
	    // to match that eventuality
	    const possibilities = zeroIndexes.map((zeroIndex) => groups
	        .map((group, i) => {
	        if (i === zeroIndex) {
	            const elision = i === 0 || i === v6.GROUPS - 1 ? ':' : '';
	            return groupPossibilities([padGroup(group), elision]);
	        }
	        return padGroup(group);
	    })
	        .join(':'));
	    // The simplest case
	    possibilities.push(groups.map(padGroup).join(':'));
	    return groupPossibilities(possibilities);
	}
	function possibleElisions(elidedGroups, moreLeft, moreRight) {
	    const left = moreLeft ? '' : ':';
	    const right = moreRight ? '' : ':';
	    const possibilities = [];
	    // 1. elision of everything (::)
	    if (!moreLeft && !moreRight) {
	        possibilities.push('::');
	    }
	    // 2. complete elision of the middle
	    if (moreLeft && moreRight) {
	        possibilities.push('');
	    }
	    if ((moreRight && !moreLeft) || (!moreRight && moreLeft)) {
	        // 3. complete elision of one side
	        possibilities.push(':');
	    }
	    // 4. elision from the left side
	    possibilities.push(`${left}(:0{1,4}){1,${elidedGroups - 1}}`);
	    // 5. elision from the right side
	    possibilities.push(`(0{1,4}:){1,${elidedGroups - 1}}${right}`);
	    // 6. no elision
	    possibilities.push(`(0{1,4}:){${elidedGroups - 1}}0{1,4}`);
	    // 7. elision (including sloppy elision) from the middle
	    for (let groups = 1; groups < elidedGroups - 1; groups++) {
	        for (let position = 1; position < elidedGroups - groups; position++) {
	            possibilities.push(`(0{1,4}:){${position}}:(0{1,4}:){${elidedGroups - position - groups - 1}}0{1,4}`);
	        }
	    }
	    return groupPossibilities(possibilities);
	}
	
	return regularExpressions;
}

var hasRequiredIpv6;

function requireIpv6 () {
	if (hasRequiredIpv6) return ipv6;
	hasRequiredIpv6 = 1;
	/* eslint-disable prefer-destructuring */
	/* eslint-disable no-param-reassign */
	var __createBinding = (ipv6 && ipv6.__createBinding) || (Object.create ? (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    var desc = Object.getOwnPropertyDescriptor(m, k);
	    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
	      desc = { enumerable: true, get: function() { return m[k]; } };
	    }
	    Object.defineProperty(o, k2, desc);
	}) : (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    o[k2] = m[k];
	}));
	var __setModuleDefault = (ipv6 && ipv6.__setModuleDefault) || (Object.create ? (function(o, v) {
	    Object.defineProperty(o, "default", { enumerable: true, value: v });
	}) : function(o, v) {
	    o["default"] = v;
	});
	var __importStar = (ipv6 && ipv6.__importStar) || function (mod) {
	    if (mod && mod.__esModule) return mod;
	    var result = {};
	    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
	    __setModuleDefault(result, mod);
	    return result;
	};
	Object.defineProperty(ipv6, "__esModule", { value: true });
	ipv6.Address6 = void 0;
	const common = __importStar(/*@__PURE__*/ requireCommon());
	const constants4 = __importStar(/*@__PURE__*/ requireConstants$1());
	const constants6 = __importStar(/*@__PURE__*/ requireConstants());
	const helpers = __importStar(/*@__PURE__*/ requireHelpers$1());
	const ipv4_1 = /*@__PURE__*/ requireIpv4();
	const regular_expressions_1 = /*@__PURE__*/ requireRegularExpressions();
	const address_error_1 = /*@__PURE__*/ requireAddressError();
	const common_1 = /*@__PURE__*/ requireCommon();
	const isCorrect6 = common.isCorrect(constants6.BITS);
	function assert(condition) {
	    if (!condition) {
	        throw new Error('Assertion failed.');
	    }
	}
	function addCommas(number) {
	    const r = /(\d+)(\d{3})/;
	    while (r.test(number)) {
	        number = number.replace(r, '$1,$2');
	    }
	    return number;
	}
	function spanLeadingZeroes4(n) {
	    n = n.replace(/^(0{1,})([1-9]+)$/, '<span class="parse-error">$1</span>$2');
	    n = n.replace(/^(0{1,})(0)$/, '<span class="parse-error">$1</span>$2');
	    return n;
	}
	/*
	 * A helper function to compact an array
	 */
	function compact(address, slice) {
	    const s1 = [];
	    const s2 = [];
	    let i;
	    for (i = 0; i < address.length; i++) {
	        if (i < slice[0]) {
	            s1.push(address[i]);
	        }
	        else if (i > slice[1]) {
	            s2.push(address[i]);
	        }
	    }
	    return s1.concat(['compact']).concat(s2);
	}
	function paddedHex(octet) {
	    return parseInt(octet, 16).toString(16).padStart(4, '0');
	}
	function unsignByte(b) {
	    return b & 0xff;
	}
	/**
	 * Represents an IPv6 address
	 * @param {string} address - An IPv6 address string
	 * @param {number} [groups=8] - How many octets to parse
	 * @example
	 * var address = new Address6('2001::/32');
	 */
	class Address6 {
	    constructor(address, optionalGroups) {
	        this.addressMinusSuffix = '';
	        this.parsedSubnet = '';
	        this.subnet = '/128';
	        this.subnetMask = 128;
	        this.v4 = false;
	        this.zone = '';
	        // #region Attributes
	        /**
	         * Returns true if the given address is in the subnet of the current address.
	         * An `Address4` is never in the subnet of an `Address6`; convert with
	         * `Address6.fromAddress4()` or `to4()` to compare across families.
	         * @returns {boolean}
	         */
	        this.isInSubnet = common.isInSubnet;
	        /**
	         * Returns true if this address's host bits fall inside the given subnet,
	         * ignoring this address's own subnet mask. Prefer this over `isInSubnet`
	         * when classifying a single address, so the answer doesn't change with the
	         * CIDR suffix the caller happened to write — notably when the address came
	         * from untrusted input and the result backs a trust-boundary decision.
	         * An `Address4` is never in the subnet of an `Address6`; convert with
	         * `Address6.fromAddress4()` or `to4()` to compare across families.
	         * @returns {boolean}
	         */
	        this.isHostInSubnet = common.isHostInSubnet;
	        /**
	         * Returns true if the address is correct, false otherwise
	         * @returns {boolean}
	         */
	        this.isCorrect = isCorrect6;
	        if (optionalGroups === undefined) {
	            this.groups = constants6.GROUPS;
	        }
	        else {
	            this.groups = optionalGroups;
	        }
	        this.address = address;
	        const subnet = constants6.RE_SUBNET_STRING.exec(address);
	        if (subnet) {
	            this.parsedSubnet = subnet[0].replace('/', '');
	            this.subnetMask = parseInt(this.parsedSubnet, 10);
	            this.subnet = `/${this.subnetMask}`;
	            if (Number.isNaN(this.subnetMask) ||
	                this.subnetMask < 0 ||
	                this.subnetMask > constants6.BITS) {
	                throw new address_error_1.AddressError('Invalid subnet mask.');
	            }
	            address = address.replace(constants6.RE_SUBNET_STRING, '');
	        }
	        // RE_SUBNET_STRING anchors on the end of the address, so it strips only
	        // the trailing suffix. A second one left behind (`::/0/1`) is malformed
	        // and must be rejected rather than parsed as an address group.
	        if (/\//.test(address)) {
	            throw new address_error_1.AddressError('Invalid subnet mask.');
	        }
	        // A zone runs from the first `%` to the end of the input and holds no line
	        // terminator. Finding it by index reads the input once, where matching
	        // RE_ZONE_STRING retries from every `%` that a line terminator disqualifies.
	        const zoneStart = address.indexOf('%');
	        if (zoneStart !== -1 && /^.*$/.test(address.slice(zoneStart))) {
	            this.zone = address.slice(zoneStart);
	            address = address.slice(0, zoneStart);
	        }
	        // The longest well-formed address is all but the last two groups written
	        // as four hex digits with their colons, then a 15-character dotted quad:
	        // 5 * (groups - 2) + 15, which is 45 for eight groups, the same line
	        // CPython's ipaddress module draws. Rejecting longer input here keeps the
	        // parse diagnostics, which wrap every offending character in a span,
	        // proportional to an address rather than to whatever was passed in.
	        const longest = this.groups * 5 + 5;
	        if (address.length > longest) {
	            throw new address_error_1.AddressError(`IPv6 addresses are at most ${longest} characters.`);
	        }
	        this.addressMinusSuffix = address;
	        this.parsedAddress = this.parse(this.addressMinusSuffix);
	    }
	    /**
	     * Returns true if the given string is a valid IPv6 address (with optional
	     * CIDR subnet and zone identifier), false otherwise. Host bits in the
	     * subnet portion are allowed (e.g. `2001:db8::1/32` is valid); for strict
	     * network-address validation compare `correctForm()` to
	     * `startAddress().correctForm()`, or use `networkForm()`.
	     */
	    static isValid(address) {
	        try {
	            // eslint-disable-next-line no-new
	            new Address6(address);
	            return true;
	        }
	        catch {
	            return false;
	        }
	    }
	    /**
	     * Convert a BigInt to a v6 address object. The value must be in the
	     * range `[0, 2**128 - 1]`; otherwise `AddressError` is thrown.
	     * @param {bigint} bigInt - a BigInt to convert
	     * @returns {Address6}
	     * @example
	     * var bigInt = BigInt('1000000000000');
	     * var address = Address6.fromBigInt(bigInt);
	     * address.correctForm(); // '::e8:d4a5:1000'
	     */
	    static fromBigInt(bigInt) {
	        if (bigInt < BigInt(0) || bigInt > (BigInt(1) << BigInt(constants6.BITS)) - BigInt(1)) {
	            throw new address_error_1.AddressError('IPv6 BigInt must be in the range 0 to 2**128 - 1');
	        }
	        const hex = bigInt.toString(16).padStart(32, '0');
	        const groups = [];
	        for (let i = 0; i < constants6.GROUPS; i++) {
	            groups.push(hex.slice(i * 4, (i + 1) * 4));
	        }
	        return new Address6(groups.join(':'));
	    }
	    /**
	     * Parse a URL (with optional bracketed host and port) into an address and
	     * port. Returns either `{ address, port }` on success or
	     * `{ error, address: null, port: null }` if the URL could not be parsed.
	     * Ports are returned as numbers (or `null` if absent or out of range).
	     * @example
	     * var addressAndPort = Address6.fromURL('http://[ffff::]:8080/foo/');
	     * addressAndPort.address.correctForm(); // 'ffff::'
	     * addressAndPort.port; // 8080
	     */
	    static fromURL(url) {
	        var _a;
	        let host;
	        let port = null;
	        let result;
	        let error;
	        // Remove the protocol prefix, if any
	        const stripped = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
	        // If we have brackets parse them and find a port
	        if (stripped.indexOf('[') !== -1 && stripped.indexOf(']:') !== -1) {
	            error = 'failed to parse address with port';
	            result = constants6.RE_URL_WITH_PORT.exec(stripped);
	            if (result === null) {
	                return { error, address: null, port: null };
	            }
	            host = result[1];
	            port = result[2];
	        }
	        else {
	            error = 'failed to parse address from URL';
	            result = constants6.RE_URL.exec(stripped);
	            if (result === null) {
	                return { error, address: null, port: null };
	            }
	            host = (_a = result[1]) !== null && _a !== void 0 ? _a : result[2];
	        }
	        // If there's a port convert it to an integer
	        if (port) {
	            port = parseInt(port, 10);
	            // squelch out of range ports (valid ports are 0-65535)
	            if (port < 0 || port > 65535) {
	                port = null;
	            }
	        }
	        else {
	            // Standardize `undefined` to `null`
	            port = null;
	        }
	        // The URL character class is a superset of valid IPv6, so a host the
	        // regex accepted (an IPv4 literal, bare punctuation, too many groups)
	        // can still be rejected by the parser
	        let address;
	        try {
	            address = new Address6(host);
	        }
	        catch {
	            return { error, address: null, port: null };
	        }
	        return { address, port };
	    }
	    /**
	     * Construct an `Address6` from an address and a hex subnet mask given as
	     * separate strings (e.g. as returned by Node's `os.networkInterfaces()`).
	     * Throws `AddressError` if the mask is non-contiguous (e.g.
	     * `ffff::ffff`).
	     * @example
	     * var address = Address6.fromAddressAndMask('fe80::1', 'ffff:ffff:ffff:ffff::');
	     * address.subnetMask; // 64
	     */
	    static fromAddressAndMask(address, mask) {
	        const bits = common.prefixLengthFromMask(new Address6(mask).bigInt(), constants6.BITS);
	        return new Address6(`${address}/${bits}`);
	    }
	    /**
	     * Construct an `Address6` from an address and a Cisco-style wildcard mask
	     * given as separate strings (e.g. `::ffff:ffff:ffff:ffff` for a `/64`).
	     * The wildcard mask is the bitwise inverse of the subnet mask. Throws
	     * `AddressError` if the mask is non-contiguous.
	     * @example
	     * var address = Address6.fromAddressAndWildcardMask('fe80::1', '::ffff:ffff:ffff:ffff');
	     * address.subnetMask; // 64
	     */
	    static fromAddressAndWildcardMask(address, wildcardMask) {
	        const wildcard = new Address6(wildcardMask).bigInt();
	        const allOnes = (BigInt(1) << BigInt(constants6.BITS)) - BigInt(1);
	        const mask = wildcard ^ allOnes;
	        const bits = common.prefixLengthFromMask(mask, constants6.BITS);
	        return new Address6(`${address}/${bits}`);
	    }
	    /**
	     * Construct an `Address6` from a wildcard pattern with trailing `*`
	     * groups. The number of trailing wildcards determines the prefix
	     * length: each `*` represents 16 bits. `::` is expanded to zero groups
	     * (not wildcards) before evaluating trailing wildcards.
	     *
	     * Only trailing whole-group wildcards are supported. Partial-group
	     * wildcards (e.g. `2001:db8::0*`) and interior wildcards (e.g.
	     * `*::1`) throw `AddressError`.
	     * @example
	     * Address6.fromWildcard('2001:db8:*:*:*:*:*:*').subnet;  // '/32'
	     * Address6.fromWildcard('2001:db8::*').subnet;           // '/112'
	     * Address6.fromWildcard('*:*:*:*:*:*:*:*').subnet;       // '/0'
	     */
	    static fromWildcard(input) {
	        if (input.includes('%') || input.includes('/')) {
	            throw new address_error_1.AddressError('Wildcard pattern must not include a zone or CIDR suffix');
	        }
	        const halves = input.split('::');
	        if (halves.length > 2) {
	            throw new address_error_1.AddressError("Wildcard pattern cannot contain more than one '::'");
	        }
	        let groups;
	        if (halves.length === 2) {
	            const left = halves[0] === '' ? [] : halves[0].split(':');
	            const right = halves[1] === '' ? [] : halves[1].split(':');
	            const remaining = constants6.GROUPS - left.length - right.length;
	            if (remaining < 1) {
	                throw new address_error_1.AddressError("Wildcard pattern with '::' has too many groups");
	            }
	            groups = [...left, ...new Array(remaining).fill('0'), ...right];
	        }
	        else {
	            groups = input.split(':');
	        }
	        if (groups.length !== constants6.GROUPS) {
	            throw new address_error_1.AddressError('Wildcard pattern must have 8 groups');
	        }
	        let firstWildcard = -1;
	        for (let i = 0; i < groups.length; i++) {
	            if (groups[i] === '*') {
	                if (firstWildcard === -1) {
	                    firstWildcard = i;
	                }
	            }
	            else if (firstWildcard !== -1) {
	                throw new address_error_1.AddressError('Wildcard `*` must only appear in trailing groups (e.g. `2001:db8:*:*:*:*:*:*`)');
	            }
	        }
	        const trailing = firstWildcard === -1 ? 0 : groups.length - firstWildcard;
	        const replaced = groups.map((g) => (g === '*' ? '0' : g));
	        const subnetBits = constants6.BITS - trailing * 16;
	        return new Address6(`${replaced.join(':')}/${subnetBits}`);
	    }
	    /**
	     * Create an IPv6-mapped address given an IPv4 address
	     * @param {string} address - An IPv4 address string
	     * @returns {Address6}
	     * @example
	     * var address = Address6.fromAddress4('192.168.0.1');
	     * address.correctForm(); // '::ffff:c0a8:1'
	     * address.to4in6(); // '::ffff:192.168.0.1'
	     */
	    static fromAddress4(address) {
	        const address4 = new ipv4_1.Address4(address);
	        const mask6 = constants6.BITS - (constants4.BITS - address4.subnetMask);
	        return new Address6(`::ffff:${address4.correctForm()}/${mask6}`);
	    }
	    /**
	     * Return an address from ip6.arpa form. A full 32-nibble name gives a /128
	     * address; a shorter name, as used for a delegated reverse zone, gives the
	     * network it covers, with a subnet mask of four bits per nibble, so
	     * `fromArpa(x.reverseForm())` round-trips {@link reverseForm} for any prefix.
	     * @param {string} arpaFormAddress - an 'ip6.arpa' form address
	     * @returns {Adress6}
	     * @example
	     * var address = Address6.fromArpa(e.f.f.f.3.c.2.6.f.f.f.e.6.6.8.e.1.0.6.7.9.4.e.c.0.0.0.0.1.0.0.2.ip6.arpa.)
	     * address.correctForm(); // '2001:0:ce49:7601:e866:efff:62c3:fffe'
	     * Address6.fromArpa('8.b.d.0.1.0.0.2.ip6.arpa.').networkForm(); // '2001:db8::/32'
	     */
	    static fromArpa(arpaFormAddress) {
	        // remove an ending ".ip6.arpa", in any case and with or without the root
	        // dot
	        const nibbles = arpaFormAddress.replace(/(\.ip6\.arpa)?\.?$/i, '');
	        if (!/^[0-9a-f](\.[0-9a-f]){0,31}$/i.test(nibbles)) {
	            throw new address_error_1.AddressError("Invalid 'ip6.arpa' form.");
	        }
	        const reversed = nibbles.split('.').reverse();
	        const subnetMask = reversed.length * 4;
	        const hex = reversed.join('').padEnd(32, '0');
	        const groups = [];
	        for (let i = 0; i < constants6.GROUPS; i++) {
	            groups.push(hex.slice(i * 4, (i + 1) * 4));
	        }
	        return new Address6(`${groups.join(':')}/${subnetMask}`);
	    }
	    /**
	     * Return the Microsoft UNC transcription of the address
	     * @returns {String} the Microsoft UNC transcription of the address
	     */
	    microsoftTranscription() {
	        return `${this.correctForm().replace(/:/g, '-')}.ipv6-literal.net`;
	    }
	    /**
	     * Return the first n bits of the address, defaulting to the subnet mask
	     * @param {number} [mask=subnet] - the number of bits to mask
	     * @returns {String} the first n bits of the address as a string
	     */
	    mask(mask = this.subnetMask) {
	        return this.getBitsBase2(0, mask);
	    }
	    /**
	     * Return the number of possible subnets of a given size in the address
	     * @param {number} [subnetSize=128] - the subnet size
	     * @returns {String}
	     */
	    // TODO: probably useful to have a numeric version of this too
	    possibleSubnets(subnetSize = 128) {
	        const availableBits = constants6.BITS - this.subnetMask;
	        const subnetBits = Math.abs(subnetSize - constants6.BITS);
	        const subnetPowers = availableBits - subnetBits;
	        if (subnetPowers < 0) {
	            return '0';
	        }
	        return addCommas((BigInt('2') ** BigInt(subnetPowers)).toString(10));
	    }
	    /**
	     * Helper function getting start address.
	     * @returns {bigint}
	     */
	    _startAddress() {
	        return BigInt(`0b${this.mask() + '0'.repeat(constants6.BITS - this.subnetMask)}`);
	    }
	    /**
	     * The first address in the range given by this address' subnet
	     * Often referred to as the Network Address.
	     * @returns {Address6}
	     */
	    startAddress() {
	        return Address6.fromBigInt(this._startAddress());
	    }
	    /**
	     * The first host address in the range given by this address's subnet ie
	     * the first address after the Network Address
	     * @returns {Address6}
	     */
	    startAddressExclusive() {
	        const adjust = BigInt('1');
	        return Address6.fromBigInt(this._startAddress() + adjust);
	    }
	    /**
	     * Helper function getting end address.
	     * @returns {bigint}
	     */
	    _endAddress() {
	        return BigInt(`0b${this.mask() + '1'.repeat(constants6.BITS - this.subnetMask)}`);
	    }
	    /**
	     * The last address in the range given by this address's subnet. IPv6 has
	     * no broadcast address, so this is an ordinary assignable address (in a
	     * 64-bit-interface-identifier subnet it falls inside the reserved
	     * subnet-anycast block of [RFC 2526](https://datatracker.ietf.org/doc/html/rfc2526)).
	     * @returns {Address6}
	     */
	    endAddress() {
	        return Address6.fromBigInt(this._endAddress());
	    }
	    /**
	     * The address one before {@link endAddress}. This is the IPv6 counterpart
	     * of the IPv4 method that skips the broadcast address; IPv6 has no broadcast,
	     * so it drops exactly one address and does not model the 128 reserved
	     * subnet-anycast identifiers of [RFC 2526](https://datatracker.ietf.org/doc/html/rfc2526).
	     * @returns {Address6}
	     */
	    endAddressExclusive() {
	        const adjust = BigInt('1');
	        return Address6.fromBigInt(this._endAddress() - adjust);
	    }
	    /**
	     * Returns the address `n` addresses after this one (or before, when `n` is
	     * negative), keeping this address's subnet mask. Throws `AddressError` when
	     * the result would fall outside the IPv6 address space or `n` is not an
	     * integer.
	     * @param {number | bigint} n
	     * @returns {Address6}
	     * @example
	     * new Address6('2001:db8::/64').offset(1).correctForm(); // '2001:db8::1'
	     */
	    offset(n) {
	        return Address6.fromBigInt(common.offsetBigInt(this.bigInt(), n, constants6.BITS, 'IPv6')).withSubnetMask(this.subnetMask);
	    }
	    /**
	     * Returns the network that follows this address's network: the address after
	     * {@link endAddress}, with the same subnet mask. Throws `AddressError` when
	     * this network is the last one in the address space.
	     * @returns {Address6}
	     * @example
	     * new Address6('2001:db8::/64').nextNetwork().networkForm(); // '2001:db8:0:1::/64'
	     */
	    nextNetwork() {
	        return Address6.fromBigInt(common.offsetBigInt(this._endAddress(), 1, constants6.BITS, 'IPv6')).withSubnetMask(this.subnetMask);
	    }
	    withSubnetMask(subnetMask) {
	        return new Address6(`${this.correctForm()}/${subnetMask}`);
	    }
	    /**
	     * The hex form of the subnet mask, e.g. `ffff:ffff:ffff:ffff::` for a
	     * `/64`. Returns an `Address6`; call `.correctForm()` for the string.
	     * @returns {Address6}
	     */
	    subnetMaskAddress() {
	        return Address6.fromBigInt(BigInt(`0b${'1'.repeat(this.subnetMask)}${'0'.repeat(constants6.BITS - this.subnetMask)}`));
	    }
	    /**
	     * The Cisco-style wildcard mask, e.g. `::ffff:ffff:ffff:ffff` for a
	     * `/64`. This is the bitwise inverse of `subnetMaskAddress()`. Returns
	     * an `Address6`; call `.correctForm()` for the string.
	     * @returns {Address6}
	     */
	    wildcardMask() {
	        return Address6.fromBigInt(BigInt(`0b${'0'.repeat(this.subnetMask)}${'1'.repeat(constants6.BITS - this.subnetMask)}`));
	    }
	    /**
	     * The network address in CIDR string form, e.g. `2001:db8::/32` for
	     * `2001:db8::1/32`. For an address with no explicit subnet the prefix
	     * is `/128`, e.g. `networkForm()` on `2001:db8::1` returns
	     * `2001:db8::1/128`.
	     * @returns {string}
	     */
	    networkForm() {
	        return `${this.startAddress().correctForm()}/${this.subnetMask}`;
	    }
	    /**
	     * Return the scope of the address. The 4-bit scope field
	     * ([RFC 4291 §2.7](https://datatracker.ietf.org/doc/html/rfc4291#section-2.7))
	     * is only defined for multicast addresses; for unicast addresses the scope
	     * is derived from the address type per
	     * [RFC 4007 §6](https://datatracker.ietf.org/doc/html/rfc4007#section-6).
	     * @returns {String}
	     */
	    getScope() {
	        const type = this.getType();
	        if (type === 'Multicast' || type.startsWith('Multicast ')) {
	            const scope = constants6.SCOPES[parseInt(this.getBits(12, 16).toString(10), 10)];
	            return scope || 'Unknown';
	        }
	        // RFC 4291 §2.5.3: the loopback address is treated as having Link-Local
	        // scope. (Multicast scope 1, "Interface-Local", is a different concept
	        // used only for loopback transmission of multicast.)
	        if (type === 'Link-local unicast' || type === 'Loopback') {
	            return 'Link local';
	        }
	        // RFC 4007 §6: the unspecified address has no scope.
	        if (type === 'Unspecified') {
	            return 'Unknown';
	        }
	        return 'Global';
	    }
	    /**
	     * Return the type of the address
	     * @returns {String}
	     */
	    getType() {
	        for (let i = 0; i < TYPE_SUBNETS.length; i++) {
	            const entry = TYPE_SUBNETS[i];
	            if (this.isHostInSubnet(entry[0])) {
	                return entry[1];
	            }
	        }
	        return 'Global unicast';
	    }
	    /**
	     * Return the bits in the given range as a BigInt
	     * @returns {bigint}
	     */
	    getBits(start, end) {
	        return BigInt(`0b${this.getBitsBase2(start, end)}`);
	    }
	    /**
	     * Return the bits in the given range as a base-2 string
	     * @returns {String}
	     */
	    getBitsBase2(start, end) {
	        return this.binaryZeroPad().slice(start, end);
	    }
	    /**
	     * Return the bits in the given range as a base-16 string
	     * @returns {String}
	     */
	    getBitsBase16(start, end) {
	        const length = end - start;
	        if (length % 4 !== 0) {
	            throw new Error('Length of bits to retrieve must be divisible by four');
	        }
	        return this.getBits(start, end)
	            .toString(16)
	            .padStart(length / 4, '0');
	    }
	    /**
	     * Return the bits that are set past the subnet mask length
	     * @returns {String}
	     */
	    getBitsPastSubnet() {
	        return this.getBitsBase2(this.subnetMask, constants6.BITS);
	    }
	    /**
	     * Return the reversed ip6.arpa form of the address
	     * @param {Object} options
	     * @param {boolean} options.omitSuffix - omit the "ip6.arpa" suffix
	     * @returns {String}
	     */
	    reverseForm(options) {
	        if (!options) {
	            options = {};
	        }
	        const characters = Math.floor(this.subnetMask / 4);
	        const reversed = this.canonicalForm()
	            .replace(/:/g, '')
	            .split('')
	            .slice(0, characters)
	            .reverse()
	            .join('.');
	        if (characters > 0) {
	            if (options.omitSuffix) {
	                return reversed;
	            }
	            return `${reversed}.ip6.arpa.`;
	        }
	        if (options.omitSuffix) {
	            return '';
	        }
	        return 'ip6.arpa.';
	    }
	    /**
	     * Returns the address in correct form, per
	     * [RFC 5952](https://datatracker.ietf.org/doc/html/rfc5952): leading zeros
	     * stripped, the longest run of zero groups collapsed to `::`, and hex digits
	     * lowercased (e.g. `2001:db8::1`). This is the recommended form for display.
	     */
	    correctForm() {
	        let i;
	        let groups = [];
	        let zeroCounter = 0;
	        const zeroes = [];
	        for (i = 0; i < this.parsedAddress.length; i++) {
	            const value = parseInt(this.parsedAddress[i], 16);
	            if (value === 0) {
	                zeroCounter++;
	            }
	            if (value !== 0 && zeroCounter > 0) {
	                if (zeroCounter > 1) {
	                    zeroes.push([i - zeroCounter, i - 1]);
	                }
	                zeroCounter = 0;
	            }
	        }
	        // Do we end with a string of zeroes?
	        if (zeroCounter > 1) {
	            zeroes.push([this.parsedAddress.length - zeroCounter, this.parsedAddress.length - 1]);
	        }
	        const zeroLengths = zeroes.map((n) => n[1] - n[0] + 1);
	        if (zeroes.length > 0) {
	            const index = zeroLengths.indexOf(Math.max(...zeroLengths));
	            groups = compact(this.parsedAddress, zeroes[index]);
	        }
	        else {
	            groups = this.parsedAddress;
	        }
	        for (i = 0; i < groups.length; i++) {
	            if (groups[i] !== 'compact') {
	                groups[i] = parseInt(groups[i], 16).toString(16);
	            }
	        }
	        let correct = groups.join(':');
	        correct = correct.replace(/^compact$/, '::');
	        correct = correct.replace(/(^compact)|(compact$)/, ':');
	        correct = correct.replace(/compact/, '');
	        return correct;
	    }
	    /**
	     * Return a zero-padded base-2 string representation of the address
	     * @returns {String}
	     * @example
	     * var address = new Address6('2001:4860:4001:803::1011');
	     * address.binaryZeroPad();
	     * // '0010000000000001010010000110000001000000000000010000100000000011
	     * //  0000000000000000000000000000000000000000000000000001000000010001'
	     */
	    binaryZeroPad() {
	        if (this._binaryZeroPad === undefined) {
	            this._binaryZeroPad = this.bigInt().toString(2).padStart(constants6.BITS, '0');
	        }
	        return this._binaryZeroPad;
	    }
	    /**
	     * Parses a v4-in-v6 string (e.g. `::ffff:192.168.0.1`) by extracting the
	     * trailing IPv4 address into `this.address4` / `this.parsedAddress4` and
	     * returning the address with the v4 portion converted to two v6 groups.
	     * Used internally by `parse()`.
	     */
	    // TODO: Improve the semantics of this helper function
	    parse4in6(address) {
	        if (address.indexOf('.') === -1) {
	            return address;
	        }
	        const groups = address.split(':');
	        const lastGroup = groups.slice(-1)[0];
	        // RE_ADDRESS rejects octets with a leading zero, so a dotted-quad tail is
	        // matched permissively first: that way this notation still gets its own
	        // message with the offending octet highlighted, rather than falling
	        // through as an unrecognized group.
	        const v4Octets = lastGroup.split('.');
	        if (v4Octets.length === constants4.GROUPS &&
	            v4Octets.every((octet) => /^\d{1,3}$/.test(octet))) {
	            if (v4Octets.some((octet) => /^0\d/.test(octet))) {
	                // The prefix groups haven't been through the bad-character check
	                // yet, so escape them before including in the error HTML.
	                const highlighted = v4Octets.map(spanLeadingZeroes4).join('.');
	                const prefix = groups.slice(0, -1).map(helpers.escapeHtml).join(':');
	                const separator = groups.length > 1 ? ':' : '';
	                throw new address_error_1.AddressError("IPv4 addresses can't have leading zeroes.", `${prefix}${separator}${highlighted}`);
	            }
	        }
	        const address4 = lastGroup.match(constants4.RE_ADDRESS);
	        if (address4) {
	            this.parsedAddress4 = address4[0];
	            const v4Suffix = this.subnetMask >= 96 ? `/${this.subnetMask - 96}` : '';
	            this.address4 = new ipv4_1.Address4(`${this.parsedAddress4}${v4Suffix}`);
	            this.v4 = true;
	            groups[groups.length - 1] = this.address4.toGroup6();
	            address = groups.join(':');
	        }
	        return address;
	    }
	    /**
	     * Parses an IPv6 address string into its 8 hexadecimal groups (expanding
	     * any `::` elision and any trailing v4-in-v6 portion) and stores the result
	     * on `this.parsedAddress`. Called automatically by the constructor; you
	     * typically don't need to call it directly. Throws `AddressError` if the
	     * input is malformed.
	     */
	    // TODO: Make private?
	    parse(address) {
	        address = this.parse4in6(address);
	        const badCharacters = address.match(constants6.RE_BAD_CHARACTERS);
	        if (badCharacters) {
	            throw new address_error_1.AddressError(`Bad character${badCharacters.length > 1 ? 's' : ''} detected in address: ${badCharacters.join('')}`, address.replace(constants6.RE_BAD_CHARACTERS, (character) => `<span class="parse-error">${helpers.escapeHtml(character)}</span>`));
	        }
	        const badAddress = address.match(constants6.RE_BAD_ADDRESS);
	        if (badAddress) {
	            throw new address_error_1.AddressError(`Address failed regex: ${badAddress.join('')}`, address.replace(constants6.RE_BAD_ADDRESS, '<span class="parse-error">$1</span>'));
	        }
	        let groups = [];
	        const halves = address.split('::');
	        if (halves.length === 2) {
	            let first = halves[0].split(':');
	            let last = halves[1].split(':');
	            if (first.length === 1 && first[0] === '') {
	                first = [];
	            }
	            if (last.length === 1 && last[0] === '') {
	                last = [];
	            }
	            const remaining = this.groups - (first.length + last.length);
	            if (!remaining) {
	                throw new address_error_1.AddressError('Error parsing groups');
	            }
	            this.elidedGroups = remaining;
	            this.elisionBegin = first.length;
	            this.elisionEnd = first.length + this.elidedGroups;
	            groups = groups.concat(first);
	            for (let i = 0; i < remaining; i++) {
	                groups.push('0');
	            }
	            groups = groups.concat(last);
	        }
	        else if (halves.length === 1) {
	            groups = address.split(':');
	            this.elidedGroups = 0;
	        }
	        else {
	            throw new address_error_1.AddressError('Too many :: groups found');
	        }
	        groups = groups.map((group) => parseInt(group, 16).toString(16));
	        if (groups.length !== this.groups) {
	            throw new address_error_1.AddressError('Incorrect number of groups found');
	        }
	        return groups;
	    }
	    /**
	     * Returns the canonical (fully expanded) form of the address: all 8 groups,
	     * each padded to 4 hex digits, with no `::` collapsing
	     * (e.g. `2001:0db8:0000:0000:0000:0000:0000:0001`). Useful for sorting and
	     * byte-exact comparison.
	     */
	    canonicalForm() {
	        return this.parsedAddress.map(paddedHex).join(':');
	    }
	    /**
	     * Return the decimal form of the address
	     * @returns {String}
	     */
	    decimal() {
	        return this.parsedAddress.map((n) => parseInt(n, 16).toString(10).padStart(5, '0')).join(':');
	    }
	    /**
	     * Return the address as a BigInt
	     * @returns {bigint}
	     */
	    bigInt() {
	        return BigInt(`0x${this.parsedAddress.map(paddedHex).join('')}`);
	    }
	    /**
	     * Return the last two groups of this address as an IPv4 address string.
	     * If this address carries a CIDR prefix that covers the trailing 32 bits
	     * (i.e. `subnetMask >= 96`), the resulting `Address4` inherits the
	     * corresponding v4 prefix (`subnetMask - 96`); otherwise it defaults to
	     * `/32`.
	     * @returns {Address4}
	     * @example
	     * var address = new Address6('2001:4860:4001::1825:bf11');
	     * address.to4().correctForm(); // '24.37.191.17'
	     */
	    to4() {
	        const binary = this.binaryZeroPad().split('');
	        const hex = BigInt(`0b${binary.slice(96, 128).join('')}`)
	            .toString(16)
	            .padStart(8, '0');
	        if (this.subnetMask >= 96) {
	            const v4Mask = this.subnetMask - 96;
	            const groups = [];
	            for (let i = 0; i < 8; i += 2) {
	                groups.push(parseInt(hex.slice(i, i + 2), 16));
	            }
	            return new ipv4_1.Address4(`${groups.join('.')}/${v4Mask}`);
	        }
	        return ipv4_1.Address4.fromHex(hex);
	    }
	    /**
	     * Return the v4-in-v6 form of the address
	     * @returns {String}
	     */
	    to4in6() {
	        const address4 = this.to4();
	        const address6 = new Address6(this.parsedAddress.slice(0, 6).join(':'), 6);
	        const correct = address6.correctForm();
	        let infix = '';
	        if (!/:$/.test(correct)) {
	            infix = ':';
	        }
	        return correct + infix + address4.correctForm();
	    }
	    /**
	     * Decodes the Teredo tunneling fields embedded in this address. Returns the
	     * Teredo prefix, server IPv4, client IPv4, raw flag bits, cone-NAT flag,
	     * UDP port, and Microsoft-format flag breakdown (reserved, universal/local,
	     * group/individual, nonce). Only meaningful for addresses in `2001::/32`.
	     */
	    inspectTeredo() {
	        /*
	        - Bits 0 to 31 are set to the Teredo prefix (normally 2001:0000::/32).
	        - Bits 32 to 63 embed the primary IPv4 address of the Teredo server that
	          is used.
	        - Bits 64 to 79 can be used to define some flags. Currently only the
	          higher order bit is used; it is set to 1 if the Teredo client is
	          located behind a cone NAT, 0 otherwise. For Microsoft's Windows Vista
	          and Windows Server 2008 implementations, more bits are used. In those
	          implementations, the format for these 16 bits is "CRAAAAUG AAAAAAAA",
	          where "C" remains the "Cone" flag. The "R" bit is reserved for future
	          use. The "U" bit is for the Universal/Local flag (set to 0). The "G" bit
	          is Individual/Group flag (set to 0). The A bits are set to a 12-bit
	          randomly generated number chosen by the Teredo client to introduce
	          additional protection for the Teredo node against IPv6-based scanning
	          attacks.
	        - Bits 80 to 95 contains the obfuscated UDP port number. This is the
	          port number that is mapped by the NAT to the Teredo client with all
	          bits inverted.
	        - Bits 96 to 127 contains the obfuscated IPv4 address. This is the
	          public IPv4 address of the NAT with all bits inverted.
	        */
	        const prefix = this.getBitsBase16(0, 32);
	        const bitsForUdpPort = this.getBits(80, 96);
	        const udpPort = (bitsForUdpPort ^ BigInt('0xffff')).toString();
	        const server4 = ipv4_1.Address4.fromHex(this.getBitsBase16(32, 64));
	        const bitsForClient4 = this.getBits(96, 128);
	        const client4 = ipv4_1.Address4.fromHex((bitsForClient4 ^ BigInt('0xffffffff')).toString(16).padStart(8, '0'));
	        const flagsBase2 = this.getBitsBase2(64, 80);
	        const coneNat = (0, common_1.testBit)(flagsBase2, 15);
	        const reserved = (0, common_1.testBit)(flagsBase2, 14);
	        const groupIndividual = (0, common_1.testBit)(flagsBase2, 8);
	        const universalLocal = (0, common_1.testBit)(flagsBase2, 9);
	        const nonce = BigInt(`0b${flagsBase2.slice(2, 6) + flagsBase2.slice(8, 16)}`).toString(10);
	        return {
	            prefix: `${prefix.slice(0, 4)}:${prefix.slice(4, 8)}`,
	            server4: server4.address,
	            client4: client4.address,
	            flags: flagsBase2,
	            coneNat,
	            microsoft: {
	                reserved,
	                universalLocal,
	                groupIndividual,
	                nonce,
	            },
	            udpPort,
	        };
	    }
	    /**
	     * Decodes the 6to4 tunneling fields embedded in this address. Returns the
	     * 6to4 prefix and the embedded IPv4 gateway address. Only meaningful for
	     * addresses in `2002::/16`.
	     */
	    inspect6to4() {
	        /*
	        - Bits 0 to 15 are set to the 6to4 prefix (2002::/16).
	        - Bits 16 to 48 embed the IPv4 address of the 6to4 gateway that is used.
	        */
	        const prefix = this.getBitsBase16(0, 16);
	        const gateway = ipv4_1.Address4.fromHex(this.getBitsBase16(16, 48));
	        return {
	            prefix: prefix.slice(0, 4),
	            gateway: gateway.address,
	        };
	    }
	    /**
	     * Return a v6 6to4 address from a v6 v4inv6 address
	     * @returns {Address6}
	     */
	    to6to4() {
	        if (!this.is4()) {
	            return null;
	        }
	        const addr6to4 = [
	            '2002',
	            this.getBitsBase16(96, 112),
	            this.getBitsBase16(112, 128),
	            '',
	            '/16',
	        ].join(':');
	        return new Address6(addr6to4);
	    }
	    /**
	     * Embed an IPv4 address into a NAT64 IPv6 address using the encoding
	     * defined by [RFC 6052](https://datatracker.ietf.org/doc/html/rfc6052).
	     * The default prefix is the well-known prefix `64:ff9b::/96`. The prefix
	     * length must be one of 32, 40, 48, 56, 64, or 96; for prefixes shorter
	     * than /64 the IPv4 octets are split around the reserved bits 64–71.
	     * @example
	     * Address6.fromAddress4Nat64('192.0.2.33').correctForm(); // '64:ff9b::c000:221'
	     * Address6.fromAddress4Nat64('192.0.2.33', '2001:db8::/32').correctForm(); // '2001:db8:c000:221::'
	     */
	    static fromAddress4Nat64(address, prefix = '64:ff9b::/96') {
	        const v4 = new ipv4_1.Address4(address);
	        const prefix6 = new Address6(prefix);
	        const pl = prefix6.subnetMask;
	        if (pl !== 32 && pl !== 40 && pl !== 48 && pl !== 56 && pl !== 64 && pl !== 96) {
	            throw new address_error_1.AddressError('NAT64 prefix length must be 32, 40, 48, 56, 64, or 96');
	        }
	        const prefixBits = prefix6.binaryZeroPad();
	        const v4Bits = v4.binaryZeroPad();
	        let bits;
	        if (pl === 96) {
	            bits = prefixBits.slice(0, 96) + v4Bits;
	        }
	        else {
	            const beforeU = 64 - pl;
	            bits = [
	                prefixBits.slice(0, pl),
	                v4Bits.slice(0, beforeU),
	                // Bits 64 to 71 are the reserved u octet and are always zero.
	                '00000000',
	                v4Bits.slice(beforeU),
	                '0'.repeat(128 - 72 - (32 - beforeU)),
	            ].join('');
	        }
	        const hex = BigInt(`0b${bits}`).toString(16).padStart(32, '0');
	        const groups = [];
	        for (let i = 0; i < 8; i++) {
	            groups.push(hex.slice(i * 4, (i + 1) * 4));
	        }
	        return new Address6(groups.join(':'));
	    }
	    /**
	     * Extract the embedded IPv4 address from a NAT64 IPv6 address using the
	     * encoding defined by [RFC 6052](https://datatracker.ietf.org/doc/html/rfc6052).
	     * The default prefix is the well-known prefix `64:ff9b::/96`. Returns
	     * `null` if this address is not contained within the given prefix.
	     * @example
	     * new Address6('64:ff9b::c000:221').toAddress4Nat64()!.correctForm(); // '192.0.2.33'
	     */
	    toAddress4Nat64(prefix = '64:ff9b::/96') {
	        const prefix6 = new Address6(prefix);
	        const pl = prefix6.subnetMask;
	        if (pl !== 32 && pl !== 40 && pl !== 48 && pl !== 56 && pl !== 64 && pl !== 96) {
	            throw new address_error_1.AddressError('NAT64 prefix length must be 32, 40, 48, 56, 64, or 96');
	        }
	        if (!this.isHostInSubnet(prefix6)) {
	            return null;
	        }
	        const bits = this.binaryZeroPad();
	        let v4Bits;
	        if (pl === 96) {
	            v4Bits = bits.slice(96, 128);
	        }
	        else {
	            const beforeU = 64 - pl;
	            v4Bits = bits.slice(pl, pl + beforeU) + bits.slice(72, 72 + (32 - beforeU));
	        }
	        const octets = [];
	        for (let i = 0; i < 4; i++) {
	            octets.push(parseInt(v4Bits.slice(i * 8, (i + 1) * 8), 2).toString());
	        }
	        return new ipv4_1.Address4(octets.join('.'));
	    }
	    /**
	     * Return a byte array.
	     *
	     * To get a Node.js `Buffer`, wrap the result: `Buffer.from(address.toByteArray())`.
	     * @returns {Array}
	     */
	    toByteArray() {
	        const value = this.bigInt()
	            .toString(16)
	            .padStart(constants6.BITS / 4, '0');
	        const bytes = [];
	        for (let i = 0, length = value.length; i < length; i += 2) {
	            bytes.push(parseInt(value.substring(i, i + 2), 16));
	        }
	        return bytes;
	    }
	    /**
	     * Return an unsigned byte array.
	     *
	     * To get a Node.js `Buffer`, wrap the result: `Buffer.from(address.toUnsignedByteArray())`.
	     * @returns {Array}
	     */
	    toUnsignedByteArray() {
	        // toByteArray() emits 0 to 255, so unsigning it is an identity mapping and
	        // the two methods return equal arrays. 11.0.0 keeps one of them and makes
	        // this a deprecated alias; test/common-test.ts fails at that version.
	        return this.toByteArray().map(unsignByte);
	    }
	    /**
	     * Convert a byte array to an Address6 object.
	     *
	     * Accepts unsigned bytes (0 to 255) or signed bytes (-128 to 127, as an
	     * `Int8Array` or a Java `byte[]` holds them), folding signed values to their
	     * unsigned equivalent. Throws `AddressError` unless given exactly 16
	     * integers from -128 to 255.
	     *
	     * To convert from a Node.js `Buffer`, spread it: `Address6.fromByteArray([...buf])`.
	     * @returns {Address6}
	     */
	    static fromByteArray(bytes) {
	        // Address4.fromByteArray takes unsigned bytes only. 11.0.0 aligns this
	        // method with it, at which point the -128 floor here, unsignByte, and the
	        // mapping below all go; test/common-test.ts fails at that version.
	        common.assertByteArray(bytes, 16, 'IPv6', -128);
	        return this.fromUnsignedByteArray(bytes.map(unsignByte));
	    }
	    /**
	     * Convert an unsigned byte array to an Address6 object.
	     *
	     * Throws `AddressError` unless given exactly 16 integers from 0 to 255.
	     *
	     * To convert from a Node.js `Buffer`, spread it: `Address6.fromUnsignedByteArray([...buf])`.
	     * @returns {Address6}
	     */
	    static fromUnsignedByteArray(bytes) {
	        common.assertByteArray(bytes, 16, 'IPv6', 0);
	        const BYTE_MAX = BigInt('256');
	        let result = BigInt('0');
	        let multiplier = BigInt('1');
	        for (let i = bytes.length - 1; i >= 0; i--) {
	            result += multiplier * BigInt(bytes[i].toString(10));
	            multiplier *= BYTE_MAX;
	        }
	        return Address6.fromBigInt(result);
	    }
	    /**
	     * Returns true if the address is in the canonical form, false otherwise
	     * @returns {boolean}
	     */
	    isCanonical() {
	        return this.addressMinusSuffix === this.canonicalForm();
	    }
	    /**
	     * Returns true if the address is a link-local unicast address in `fe80::/10`
	     * ([RFC 4291 §2.4](https://datatracker.ietf.org/doc/html/rfc4291#section-2.4))
	     * or an IPv4-mapped / NAT64 address whose embedded IPv4 address is link-local
	     * (`169.254.0.0/16`, e.g. `::ffff:169.254.169.254`), false otherwise.
	     * @returns {boolean}
	     */
	    isLinkLocal() {
	        const embedded = this.embeddedIPv4();
	        if (embedded) {
	            return embedded.isLinkLocal();
	        }
	        return this.isHostInSubnet(LINK_LOCAL_SUBNET);
	    }
	    /**
	     * Returns true if the address is a multicast address, false otherwise
	     * @returns {boolean}
	     */
	    isMulticast() {
	        const embedded = this.embeddedIPv4();
	        if (embedded) {
	            return embedded.isMulticast();
	        }
	        const type = this.getType();
	        return type === 'Multicast' || type.startsWith('Multicast ');
	    }
	    /**
	     * Returns true if the address was written in v4-in-v6 dotted-quad notation
	     * (e.g. `::ffff:127.0.0.1`), false otherwise. This is a notation-level flag
	     * and does not reflect whether the address bits lie in the IPv4-mapped
	     * (`::ffff:0:0/96`) subnet — for that, see {@link isMapped4}.
	     * @returns {boolean}
	     */
	    is4() {
	        return this.v4;
	    }
	    /**
	     * Returns true if the address is an IPv4-mapped IPv6 address in
	     * `::ffff:0:0/96` ([RFC 4291 §2.5.5.2](https://datatracker.ietf.org/doc/html/rfc4291#section-2.5.5.2)),
	     * false otherwise. Unlike {@link is4}, this checks the underlying address
	     * bits rather than the textual notation, so `::ffff:127.0.0.1` and
	     * `::ffff:7f00:1` both return true.
	     * @returns {boolean}
	     */
	    isMapped4() {
	        return this.isHostInSubnet(IPV4_MAPPED_SUBNET);
	    }
	    /**
	     * If this address embeds a routable IPv4 address — i.e. it is IPv4-mapped
	     * (`::ffff:0:0/96`) or sits in the NAT64 well-known prefix (`64:ff9b::/96`,
	     * [RFC 6052](https://datatracker.ietf.org/doc/html/rfc6052)) — return that
	     * embedded address as an {@link Address4}; otherwise return null.
	     *
	     * The special-property checks (`isLoopback`, `isLinkLocal`, `isMulticast`,
	     * `isUnspecified`, `isPrivate`, `isCGNAT`, `isBroadcast`) call this first and
	     * delegate to the embedded {@link Address4} when present, so a literal such as
	     * `::ffff:127.0.0.1` is classified by what it actually reaches (loopback)
	     * rather than by its IPv6 wrapper (which `getType()` reports as IPv4-mapped).
	     * This matters wherever the checks back a trust-boundary decision (e.g. an
	     * SSRF allow/deny filter): without normalization, `::ffff:10.0.0.1`,
	     * `::ffff:169.254.169.254`, `64:ff9b::7f00:1`, etc. would all read as
	     * non-internal.
	     * @returns {Address4 | null}
	     */
	    embeddedIPv4() {
	        if (this.isMapped4() || this.isHostInSubnet(NAT64_WELL_KNOWN_SUBNET)) {
	            return this.to4();
	        }
	        return null;
	    }
	    /**
	     * Returns true if the address is a Teredo address, false otherwise
	     * @returns {boolean}
	     */
	    isTeredo() {
	        return this.isHostInSubnet(TEREDO_SUBNET);
	    }
	    /**
	     * Returns true if the address is a 6to4 address, false otherwise
	     * @returns {boolean}
	     */
	    is6to4() {
	        return this.isHostInSubnet(SIX_TO_FOUR_SUBNET);
	    }
	    /**
	     * Returns true if the address is a loopback address, false otherwise
	     * @returns {boolean}
	     */
	    isLoopback() {
	        const embedded = this.embeddedIPv4();
	        if (embedded) {
	            return embedded.isLoopback();
	        }
	        return this.getType() === 'Loopback';
	    }
	    /**
	     * Returns true if the address is a Unique Local Address in `fc00::/7` ([RFC 4193](https://datatracker.ietf.org/doc/html/rfc4193)). ULAs are the IPv6 equivalent of IPv4 [RFC 1918](https://datatracker.ietf.org/doc/html/rfc1918) private addresses.
	     * @returns {boolean}
	     */
	    isULA() {
	        return this.isHostInSubnet(ULA_SUBNET);
	    }
	    /**
	     * Returns true if the address is private, i.e. a Unique Local Address in
	     * `fc00::/7` ([RFC 4193](https://datatracker.ietf.org/doc/html/rfc4193)), an
	     * address in the NAT64 local-use range `64:ff9b:1::/48`
	     * ([RFC 8215](https://datatracker.ietf.org/doc/html/rfc8215)), or an
	     * IPv4-mapped / NAT64 well-known address whose embedded IPv4 address is in
	     * one of the [RFC 1918](https://datatracker.ietf.org/doc/html/rfc1918)
	     * private ranges (e.g. `::ffff:10.0.0.1`). This is the IPv6 counterpart to
	     * {@link Address4.isPrivate}; use it instead of {@link isULA} when you need to
	     * catch mapped RFC 1918 addresses as well as native ULAs.
	     *
	     * The local-use NAT64 range is reported private as a whole rather than by
	     * its embedded IPv4 address: an operator may carve a prefix of any RFC 6052
	     * length out of `64:ff9b:1::/48`, so the same bits decode to different IPv4
	     * addresses under different deployments and no single decoding is correct.
	     * Use {@link toAddress4Nat64} with the deployment's prefix to decode one.
	     * @returns {boolean}
	     */
	    isPrivate() {
	        const embedded = this.embeddedIPv4();
	        if (embedded) {
	            return embedded.isPrivate();
	        }
	        return this.isULA() || this.isHostInSubnet(NAT64_LOCAL_USE_SUBNET);
	    }
	    /**
	     * Returns true if the address is an IPv4-mapped / NAT64 address whose embedded
	     * IPv4 address is in the carrier-grade NAT range `100.64.0.0/10`
	     * ([RFC 6598](https://datatracker.ietf.org/doc/html/rfc6598)), false
	     * otherwise. There is no native IPv6 CGNAT range, so this only ever returns
	     * true for an embedded IPv4 address (e.g. `::ffff:100.64.0.1`).
	     * @returns {boolean}
	     */
	    isCGNAT() {
	        const embedded = this.embeddedIPv4();
	        if (embedded) {
	            return embedded.isCGNAT();
	        }
	        return false;
	    }
	    /**
	     * Returns true if the address is an IPv4-mapped / NAT64 address whose embedded
	     * IPv4 address is the limited broadcast address `255.255.255.255`
	     * ([RFC 919](https://datatracker.ietf.org/doc/html/rfc919)), false otherwise.
	     * There is no IPv6 broadcast, so this only ever returns true for an embedded
	     * IPv4 address (e.g. `::ffff:255.255.255.255`).
	     * @returns {boolean}
	     */
	    isBroadcast() {
	        const embedded = this.embeddedIPv4();
	        if (embedded) {
	            return embedded.isBroadcast();
	        }
	        return false;
	    }
	    /**
	     * Returns true if the address is the unspecified address `::`.
	     * @returns {boolean}
	     */
	    isUnspecified() {
	        const embedded = this.embeddedIPv4();
	        if (embedded) {
	            return embedded.isUnspecified();
	        }
	        return this.getType() === 'Unspecified';
	    }
	    /**
	     * Returns true if the address is in the documentation prefix `2001:db8::/32` ([RFC 3849](https://datatracker.ietf.org/doc/html/rfc3849)).
	     * @returns {boolean}
	     */
	    isDocumentation() {
	        return DOCUMENTATION_SUBNETS.some((subnet) => this.isHostInSubnet(subnet));
	    }
	    /**
	     * Returns true if the address is in the benchmarking range `2001:2::/48`
	     * ([RFC 5180](https://datatracker.ietf.org/doc/html/rfc5180)) or is an
	     * IPv4-mapped / NAT64 address whose embedded IPv4 address is in
	     * `198.18.0.0/15`, false otherwise.
	     * @returns {boolean}
	     */
	    isBenchmarking() {
	        const embedded = this.embeddedIPv4();
	        if (embedded) {
	            return embedded.isBenchmarking();
	        }
	        return this.isHostInSubnet(BENCHMARKING_SUBNET);
	    }
	    /**
	     * Returns true if the address is globally reachable: inside the global
	     * unicast allocation `2000::/3` (the only range the [IANA IPv6 Address Space
	     * Registry](https://www.iana.org/assignments/ipv6-address-space/) assigns
	     * for global unicast; everything else is reserved, ULA, link-local, or
	     * multicast) and not in any block the [IANA IPv6 Special-Purpose Address Registry](https://www.iana.org/assignments/iana-ipv6-special-registry/)
	     * marks as not globally reachable. An IPv4-mapped or NAT64 well-known
	     * address answers for its embedded IPv4 address, so `::ffff:10.0.0.1` and
	     * `64:ff9b::7f00:1` are not global. Teredo (`2001::/32`) and 6to4
	     * (`2002::/16`) are not global either: the registry lists them as N/A and a
	     * packet to one needs a relay.
	     *
	     * This covers everything the individual classifiers name and the blocks they
	     * do not: the discard-only prefix `100::/64`, the IETF protocol assignments
	     * in `2001::/23`, the deprecated site-local `fec0::/10` and IPv4-compatible
	     * `::/96` ranges, and unallocated space such as `4000::/3`. It is the single
	     * predicate to use where a request must not reach an internal or
	     * special-purpose destination; see SECURITY.md.
	     * @returns {boolean}
	     */
	    isGlobal() {
	        const embedded = this.embeddedIPv4();
	        if (embedded) {
	            return embedded.isGlobal();
	        }
	        return (this.isHostInSubnet(GLOBAL_UNICAST_SUBNET) &&
	            common.isGloballyReachable.call(this, SPECIAL_PURPOSE_V6));
	    }
	    // #endregion
	    // #region HTML
	    /**
	     * Returns the address as an HTTP URL with the host bracketed, e.g.
	     * `http://[2001:db8::1]/`. If `optionalPort` is provided it is appended,
	     * e.g. `http://[2001:db8::1]:8080/`.
	     */
	    href(optionalPort) {
	        if (optionalPort === undefined) {
	            optionalPort = '';
	        }
	        else {
	            optionalPort = `:${optionalPort}`;
	        }
	        return `http://[${this.correctForm()}]${optionalPort}/`;
	    }
	    /**
	     * Returns an HTML `<a>` element whose `href` encodes the address in a URL
	     * hash fragment (default prefix `/#address=`). Useful for linking between
	     * pages of an address-inspector UI.
	     * @param options.className - CSS class for the rendered `<a>` element
	     * @param options.prefix - hash prefix prepended to the address (default `/#address=`)
	     * @param options.v4 - when true, render the address in v4-in-v6 form
	     */
	    link(options) {
	        if (!options) {
	            options = {};
	        }
	        if (options.className === undefined) {
	            options.className = '';
	        }
	        if (options.prefix === undefined) {
	            options.prefix = '/#address=';
	        }
	        if (options.v4 === undefined) {
	            options.v4 = false;
	        }
	        let formFunction = this.correctForm;
	        if (options.v4) {
	            formFunction = this.to4in6;
	        }
	        const form = formFunction.call(this);
	        const safeHref = helpers.escapeHtml(`${options.prefix}${form}`);
	        const safeForm = helpers.escapeHtml(form);
	        if (options.className) {
	            const safeClass = helpers.escapeHtml(options.className);
	            return `<a href="${safeHref}" class="${safeClass}">${safeForm}</a>`;
	        }
	        return `<a href="${safeHref}">${safeForm}</a>`;
	    }
	    /**
	     * Groups an address.
	     *
	     * Returns an HTML fragment: each group is wrapped in a `<span>` carrying
	     * the group classes an address-inspector UI hovers on. The address content
	     * is HTML-escaped; anything you concatenate around it is your
	     * responsibility.
	     * @returns {String}
	     */
	    group() {
	        if (this.elidedGroups === 0) {
	            // The simple case
	            return helpers.simpleGroup(this.addressMinusSuffix).join(':');
	        }
	        assert(typeof this.elidedGroups === 'number');
	        assert(typeof this.elisionBegin === 'number');
	        // The elided case
	        const output = [];
	        const [left, right] = this.addressMinusSuffix.split('::');
	        if (left.length) {
	            output.push(...helpers.simpleGroup(left));
	        }
	        else {
	            output.push('');
	        }
	        const classes = ['hover-group'];
	        for (let i = this.elisionBegin; i < this.elisionBegin + this.elidedGroups; i++) {
	            classes.push(`group-${i}`);
	        }
	        output.push(`<span class="${classes.join(' ')}"></span>`);
	        if (right.length) {
	            output.push(...helpers.simpleGroup(right, this.elisionEnd));
	        }
	        else {
	            output.push('');
	        }
	        if (this.is4()) {
	            assert(this.address4 instanceof ipv4_1.Address4);
	            output.pop();
	            output.push(this.address4.groupForV6());
	        }
	        return output.join(':');
	    }
	    // #endregion
	    // #region Regular expressions
	    /**
	     * Generate a regular expression string that can be used to find or validate
	     * all variations of this address
	     * @param {boolean} substringSearch
	     * @returns {string}
	     */
	    regularExpressionString(substringSearch = false) {
	        let output = [];
	        // TODO: revisit why this is necessary
	        const address6 = new Address6(this.correctForm());
	        if (address6.elidedGroups === 0) {
	            // The simple case
	            output.push((0, regular_expressions_1.simpleRegularExpression)(address6.parsedAddress));
	        }
	        else if (address6.elidedGroups === constants6.GROUPS) {
	            // A completely elided address
	            output.push((0, regular_expressions_1.possibleElisions)(constants6.GROUPS));
	        }
	        else {
	            // A partially elided address
	            const halves = address6.address.split('::');
	            if (halves[0].length) {
	                output.push((0, regular_expressions_1.simpleRegularExpression)(halves[0].split(':')));
	            }
	            assert(typeof address6.elidedGroups === 'number');
	            output.push((0, regular_expressions_1.possibleElisions)(address6.elidedGroups, halves[0].length !== 0, halves[1].length !== 0));
	            if (halves[1].length) {
	                output.push((0, regular_expressions_1.simpleRegularExpression)(halves[1].split(':')));
	            }
	            output = [output.join(':')];
	        }
	        if (!substringSearch) {
	            output = [
	                '(?=^|',
	                regular_expressions_1.ADDRESS_BOUNDARY,
	                '|[^\\w\\:])(',
	                ...output,
	                ')(?=[^\\w\\:]|',
	                regular_expressions_1.ADDRESS_BOUNDARY,
	                '|$)',
	            ];
	        }
	        return output.join('');
	    }
	    /**
	     * Generate a regular expression that can be used to find or validate all
	     * variations of this address.
	     * @param {boolean} substringSearch
	     * @returns {RegExp}
	     */
	    regularExpression(substringSearch = false) {
	        return new RegExp(this.regularExpressionString(substringSearch), 'i');
	    }
	}
	ipv6.Address6 = Address6;
	const TYPE_SUBNETS = Object.keys(constants6.TYPES).map((subnet) => [
	    new Address6(subnet),
	    constants6.TYPES[subnet],
	]);
	const TEREDO_SUBNET = new Address6('2001::/32');
	const SIX_TO_FOUR_SUBNET = new Address6('2002::/16');
	const ULA_SUBNET = new Address6('fc00::/7');
	const LINK_LOCAL_SUBNET = new Address6('fe80::/10');
	const DOCUMENTATION_SUBNETS = [new Address6('2001:db8::/32'), new Address6('3fff::/20')];
	const BENCHMARKING_SUBNET = new Address6('2001:2::/48');
	const GLOBAL_UNICAST_SUBNET = new Address6('2000::/3');
	const SPECIAL_PURPOSE_V6 = constants6.SPECIAL_PURPOSE.map(([cidr, , reachable]) => ({
	    subnet: new Address6(cidr),
	    reachable,
	}));
	const IPV4_MAPPED_SUBNET = new Address6('::ffff:0:0/96');
	const NAT64_WELL_KNOWN_SUBNET = new Address6('64:ff9b::/96');
	const NAT64_LOCAL_USE_SUBNET = new Address6('64:ff9b:1::/48');
	
	return ipv6;
}

var hasRequiredIpAddress;

function requireIpAddress () {
	if (hasRequiredIpAddress) return ipAddress;
	hasRequiredIpAddress = 1;
	(function (exports) {
		var __createBinding = (ipAddress && ipAddress.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __setModuleDefault = (ipAddress && ipAddress.__setModuleDefault) || (Object.create ? (function(o, v) {
		    Object.defineProperty(o, "default", { enumerable: true, value: v });
		}) : function(o, v) {
		    o["default"] = v;
		});
		var __importStar = (ipAddress && ipAddress.__importStar) || function (mod) {
		    if (mod && mod.__esModule) return mod;
		    var result = {};
		    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
		    __setModuleDefault(result, mod);
		    return result;
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.v6 = exports.AddressError = exports.Address6 = exports.Address4 = void 0;
		var ipv4_1 = /*@__PURE__*/ requireIpv4();
		Object.defineProperty(exports, "Address4", { enumerable: true, get: function () { return ipv4_1.Address4; } });
		var ipv6_1 = /*@__PURE__*/ requireIpv6();
		Object.defineProperty(exports, "Address6", { enumerable: true, get: function () { return ipv6_1.Address6; } });
		var address_error_1 = /*@__PURE__*/ requireAddressError();
		Object.defineProperty(exports, "AddressError", { enumerable: true, get: function () { return address_error_1.AddressError; } });
		const helpers = __importStar(/*@__PURE__*/ requireHelpers$1());
		exports.v6 = { helpers };
		
	} (ipAddress));
	return ipAddress;
}

var hasRequiredHelpers;

function requireHelpers () {
	if (hasRequiredHelpers) return helpers$1;
	hasRequiredHelpers = 1;
	Object.defineProperty(helpers$1, "__esModule", { value: true });
	helpers$1.validateSocksClientOptions = validateSocksClientOptions;
	helpers$1.validateSocksClientChainOptions = validateSocksClientChainOptions;
	helpers$1.ipv4ToInt32 = ipv4ToInt32;
	helpers$1.int32ToIpv4 = int32ToIpv4;
	helpers$1.ipToBuffer = ipToBuffer;
	const util_1 = requireUtil();
	const constants_1 = requireConstants$2();
	const stream = require$$0__default;
	const ip_address_1 = /*@__PURE__*/ requireIpAddress();
	const net = require$$0__default$1;
	/**
	 * Validates the provided SocksClientOptions
	 * @param options { SocksClientOptions }
	 * @param acceptedCommands { string[] } A list of accepted SocksProxy commands.
	 */
	function validateSocksClientOptions(options, acceptedCommands = ['connect', 'bind', 'associate']) {
	    // Check SOCKs command option.
	    if (!constants_1.SocksCommand[options.command]) {
	        throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksCommand, options);
	    }
	    // Check SocksCommand for acceptable command.
	    if (acceptedCommands.indexOf(options.command) === -1) {
	        throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksCommandForOperation, options);
	    }
	    // Check destination
	    if (!isValidSocksRemoteHost(options.destination)) {
	        throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksClientOptionsDestination, options);
	    }
	    // Check SOCKS proxy to use
	    if (!isValidSocksProxy(options.proxy)) {
	        throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksClientOptionsProxy, options);
	    }
	    // Validate custom auth (if set)
	    validateCustomProxyAuth(options.proxy, options);
	    // Check timeout
	    if (options.timeout && !isValidTimeoutValue(options.timeout)) {
	        throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksClientOptionsTimeout, options);
	    }
	    // Check existing_socket (if provided)
	    if (options.existing_socket &&
	        !(options.existing_socket instanceof stream.Duplex)) {
	        throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksClientOptionsExistingSocket, options);
	    }
	}
	/**
	 * Validates the SocksClientChainOptions
	 * @param options { SocksClientChainOptions }
	 */
	function validateSocksClientChainOptions(options) {
	    // Only connect is supported when chaining.
	    if (options.command !== 'connect') {
	        throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksCommandChain, options);
	    }
	    // Check destination
	    if (!isValidSocksRemoteHost(options.destination)) {
	        throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksClientOptionsDestination, options);
	    }
	    // Validate proxies (length)
	    if (!(options.proxies &&
	        Array.isArray(options.proxies) &&
	        options.proxies.length >= 2)) {
	        throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksClientOptionsProxiesLength, options);
	    }
	    // Validate proxies
	    options.proxies.forEach((proxy) => {
	        if (!isValidSocksProxy(proxy)) {
	            throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksClientOptionsProxy, options);
	        }
	        // Validate custom auth (if set)
	        validateCustomProxyAuth(proxy, options);
	    });
	    // Check timeout
	    if (options.timeout && !isValidTimeoutValue(options.timeout)) {
	        throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksClientOptionsTimeout, options);
	    }
	}
	function validateCustomProxyAuth(proxy, options) {
	    if (proxy.custom_auth_method !== undefined) {
	        // Invalid auth method range
	        if (proxy.custom_auth_method < constants_1.SOCKS5_CUSTOM_AUTH_START ||
	            proxy.custom_auth_method > constants_1.SOCKS5_CUSTOM_AUTH_END) {
	            throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksClientOptionsCustomAuthRange, options);
	        }
	        // Missing custom_auth_request_handler
	        if (proxy.custom_auth_request_handler === undefined ||
	            typeof proxy.custom_auth_request_handler !== 'function') {
	            throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksClientOptionsCustomAuthOptions, options);
	        }
	        // Missing custom_auth_response_size
	        if (proxy.custom_auth_response_size === undefined) {
	            throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksClientOptionsCustomAuthOptions, options);
	        }
	        // Missing/invalid custom_auth_response_handler
	        if (proxy.custom_auth_response_handler === undefined ||
	            typeof proxy.custom_auth_response_handler !== 'function') {
	            throw new util_1.SocksClientError(constants_1.ERRORS.InvalidSocksClientOptionsCustomAuthOptions, options);
	        }
	    }
	}
	/**
	 * Validates a SocksRemoteHost
	 * @param remoteHost { SocksRemoteHost }
	 */
	function isValidSocksRemoteHost(remoteHost) {
	    return (remoteHost &&
	        typeof remoteHost.host === 'string' &&
	        Buffer.byteLength(remoteHost.host) < 256 &&
	        typeof remoteHost.port === 'number' &&
	        remoteHost.port >= 0 &&
	        remoteHost.port <= 65535);
	}
	/**
	 * Validates a SocksProxy
	 * @param proxy { SocksProxy }
	 */
	function isValidSocksProxy(proxy) {
	    return (proxy &&
	        (typeof proxy.host === 'string' || typeof proxy.ipaddress === 'string') &&
	        typeof proxy.port === 'number' &&
	        proxy.port >= 0 &&
	        proxy.port <= 65535 &&
	        (proxy.type === 4 || proxy.type === 5));
	}
	/**
	 * Validates a timeout value.
	 * @param value { Number }
	 */
	function isValidTimeoutValue(value) {
	    return typeof value === 'number' && value > 0;
	}
	function ipv4ToInt32(ip) {
	    const address = new ip_address_1.Address4(ip);
	    // Convert the IPv4 address parts to an integer
	    return address.toArray().reduce((acc, part) => (acc << 8) + part, 0) >>> 0;
	}
	function int32ToIpv4(int32) {
	    // Extract each byte (octet) from the 32-bit integer
	    const octet1 = (int32 >>> 24) & 0xff;
	    const octet2 = (int32 >>> 16) & 0xff;
	    const octet3 = (int32 >>> 8) & 0xff;
	    const octet4 = int32 & 0xff;
	    // Combine the octets into a string in IPv4 format
	    return [octet1, octet2, octet3, octet4].join('.');
	}
	function ipToBuffer(ip) {
	    if (net.isIPv4(ip)) {
	        // Handle IPv4 addresses
	        const address = new ip_address_1.Address4(ip);
	        return Buffer.from(address.toArray());
	    }
	    else if (net.isIPv6(ip)) {
	        // Handle IPv6 addresses
	        const address = new ip_address_1.Address6(ip);
	        return Buffer.from(address
	            .canonicalForm()
	            .split(':')
	            .map((segment) => segment.padStart(4, '0'))
	            .join(''), 'hex');
	    }
	    else {
	        throw new Error('Invalid IP address format');
	    }
	}
	
	return helpers$1;
}

var receivebuffer = {};

var hasRequiredReceivebuffer;

function requireReceivebuffer () {
	if (hasRequiredReceivebuffer) return receivebuffer;
	hasRequiredReceivebuffer = 1;
	Object.defineProperty(receivebuffer, "__esModule", { value: true });
	receivebuffer.ReceiveBuffer = void 0;
	class ReceiveBuffer {
	    constructor(size = 4096) {
	        this.buffer = Buffer.allocUnsafe(size);
	        this.offset = 0;
	        this.originalSize = size;
	    }
	    get length() {
	        return this.offset;
	    }
	    append(data) {
	        if (!Buffer.isBuffer(data)) {
	            throw new Error('Attempted to append a non-buffer instance to ReceiveBuffer.');
	        }
	        if (this.offset + data.length >= this.buffer.length) {
	            const tmp = this.buffer;
	            this.buffer = Buffer.allocUnsafe(Math.max(this.buffer.length + this.originalSize, this.buffer.length + data.length));
	            tmp.copy(this.buffer);
	        }
	        data.copy(this.buffer, this.offset);
	        return (this.offset += data.length);
	    }
	    peek(length) {
	        if (length > this.offset) {
	            throw new Error('Attempted to read beyond the bounds of the managed internal data.');
	        }
	        return this.buffer.slice(0, length);
	    }
	    get(length) {
	        if (length > this.offset) {
	            throw new Error('Attempted to read beyond the bounds of the managed internal data.');
	        }
	        const value = Buffer.allocUnsafe(length);
	        this.buffer.slice(0, length).copy(value);
	        this.buffer.copyWithin(0, length, length + this.offset - length);
	        this.offset -= length;
	        return value;
	    }
	}
	receivebuffer.ReceiveBuffer = ReceiveBuffer;
	
	return receivebuffer;
}

var hasRequiredSocksclient;

function requireSocksclient () {
	if (hasRequiredSocksclient) return socksclient;
	hasRequiredSocksclient = 1;
	(function (exports) {
		var __awaiter = (socksclient && socksclient.__awaiter) || function (thisArg, _arguments, P, generator) {
		    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
		    return new (P || (P = Promise))(function (resolve, reject) {
		        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
		        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
		        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
		        step((generator = generator.apply(thisArg, _arguments || [])).next());
		    });
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.SocksClientError = exports.SocksClient = void 0;
		const events_1 = require$$0$2;
		const net = require$$0__default$1;
		const smart_buffer_1 = requireSmartbuffer();
		const constants_1 = requireConstants$2();
		const helpers_1 = requireHelpers();
		const receivebuffer_1 = requireReceivebuffer();
		const util_1 = requireUtil();
		Object.defineProperty(exports, "SocksClientError", { enumerable: true, get: function () { return util_1.SocksClientError; } });
		const ip_address_1 = /*@__PURE__*/ requireIpAddress();
		class SocksClient extends events_1.EventEmitter {
		    constructor(options) {
		        super();
		        this.options = Object.assign({}, options);
		        // Validate SocksClientOptions
		        (0, helpers_1.validateSocksClientOptions)(options);
		        // Default state
		        this.setState(constants_1.SocksClientState.Created);
		    }
		    /**
		     * Creates a new SOCKS connection.
		     *
		     * Note: Supports callbacks and promises. Only supports the connect command.
		     * @param options { SocksClientOptions } Options.
		     * @param callback { Function } An optional callback function.
		     * @returns { Promise }
		     */
		    static createConnection(options, callback) {
		        return new Promise((resolve, reject) => {
		            // Validate SocksClientOptions
		            try {
		                (0, helpers_1.validateSocksClientOptions)(options, ['connect']);
		            }
		            catch (err) {
		                if (typeof callback === 'function') {
		                    callback(err);
		                    // eslint-disable-next-line @typescript-eslint/no-explicit-any
		                    return resolve(err); // Resolves pending promise (prevents memory leaks).
		                }
		                else {
		                    return reject(err);
		                }
		            }
		            const client = new SocksClient(options);
		            client.connect(options.existing_socket);
		            client.once('established', (info) => {
		                client.removeAllListeners();
		                if (typeof callback === 'function') {
		                    callback(null, info);
		                    resolve(info); // Resolves pending promise (prevents memory leaks).
		                }
		                else {
		                    resolve(info);
		                }
		            });
		            // Error occurred, failed to establish connection.
		            client.once('error', (err) => {
		                client.removeAllListeners();
		                if (typeof callback === 'function') {
		                    callback(err);
		                    // eslint-disable-next-line @typescript-eslint/no-explicit-any
		                    resolve(err); // Resolves pending promise (prevents memory leaks).
		                }
		                else {
		                    reject(err);
		                }
		            });
		        });
		    }
		    /**
		     * Creates a new SOCKS connection chain to a destination host through 2 or more SOCKS proxies.
		     *
		     * Note: Supports callbacks and promises. Only supports the connect method.
		     * Note: Implemented via createConnection() factory function.
		     * @param options { SocksClientChainOptions } Options
		     * @param callback { Function } An optional callback function.
		     * @returns { Promise }
		     */
		    static createConnectionChain(options, callback) {
		        // eslint-disable-next-line no-async-promise-executor
		        return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
		            // Validate SocksClientChainOptions
		            try {
		                (0, helpers_1.validateSocksClientChainOptions)(options);
		            }
		            catch (err) {
		                if (typeof callback === 'function') {
		                    callback(err);
		                    // eslint-disable-next-line @typescript-eslint/no-explicit-any
		                    return resolve(err); // Resolves pending promise (prevents memory leaks).
		                }
		                else {
		                    return reject(err);
		                }
		            }
		            // Shuffle proxies
		            if (options.randomizeChain) {
		                (0, util_1.shuffleArray)(options.proxies);
		            }
		            try {
		                let sock;
		                for (let i = 0; i < options.proxies.length; i++) {
		                    const nextProxy = options.proxies[i];
		                    // If we've reached the last proxy in the chain, the destination is the actual destination, otherwise it's the next proxy.
		                    const nextDestination = i === options.proxies.length - 1
		                        ? options.destination
		                        : {
		                            host: options.proxies[i + 1].host ||
		                                options.proxies[i + 1].ipaddress,
		                            port: options.proxies[i + 1].port,
		                        };
		                    // Creates the next connection in the chain.
		                    const result = yield SocksClient.createConnection({
		                        command: 'connect',
		                        proxy: nextProxy,
		                        destination: nextDestination,
		                        existing_socket: sock,
		                    });
		                    // If sock is undefined, assign it here.
		                    sock = sock || result.socket;
		                }
		                if (typeof callback === 'function') {
		                    callback(null, { socket: sock });
		                    resolve({ socket: sock }); // Resolves pending promise (prevents memory leaks).
		                }
		                else {
		                    resolve({ socket: sock });
		                }
		            }
		            catch (err) {
		                if (typeof callback === 'function') {
		                    callback(err);
		                    // eslint-disable-next-line @typescript-eslint/no-explicit-any
		                    resolve(err); // Resolves pending promise (prevents memory leaks).
		                }
		                else {
		                    reject(err);
		                }
		            }
		        }));
		    }
		    /**
		     * Creates a SOCKS UDP Frame.
		     * @param options
		     */
		    static createUDPFrame(options) {
		        const buff = new smart_buffer_1.SmartBuffer();
		        buff.writeUInt16BE(0);
		        buff.writeUInt8(options.frameNumber || 0);
		        // IPv4/IPv6/Hostname
		        if (net.isIPv4(options.remoteHost.host)) {
		            buff.writeUInt8(constants_1.Socks5HostType.IPv4);
		            buff.writeUInt32BE((0, helpers_1.ipv4ToInt32)(options.remoteHost.host));
		        }
		        else if (net.isIPv6(options.remoteHost.host)) {
		            buff.writeUInt8(constants_1.Socks5HostType.IPv6);
		            buff.writeBuffer((0, helpers_1.ipToBuffer)(options.remoteHost.host));
		        }
		        else {
		            buff.writeUInt8(constants_1.Socks5HostType.Hostname);
		            buff.writeUInt8(Buffer.byteLength(options.remoteHost.host));
		            buff.writeString(options.remoteHost.host);
		        }
		        // Port
		        buff.writeUInt16BE(options.remoteHost.port);
		        // Data
		        buff.writeBuffer(options.data);
		        return buff.toBuffer();
		    }
		    /**
		     * Parses a SOCKS UDP frame.
		     * @param data
		     */
		    static parseUDPFrame(data) {
		        const buff = smart_buffer_1.SmartBuffer.fromBuffer(data);
		        buff.readOffset = 2;
		        const frameNumber = buff.readUInt8();
		        const hostType = buff.readUInt8();
		        let remoteHost;
		        if (hostType === constants_1.Socks5HostType.IPv4) {
		            remoteHost = (0, helpers_1.int32ToIpv4)(buff.readUInt32BE());
		        }
		        else if (hostType === constants_1.Socks5HostType.IPv6) {
		            remoteHost = ip_address_1.Address6.fromByteArray(Array.from(buff.readBuffer(16))).canonicalForm();
		        }
		        else {
		            remoteHost = buff.readString(buff.readUInt8());
		        }
		        const remotePort = buff.readUInt16BE();
		        return {
		            frameNumber,
		            remoteHost: {
		                host: remoteHost,
		                port: remotePort,
		            },
		            data: buff.readBuffer(),
		        };
		    }
		    /**
		     * Internal state setter. If the SocksClient is in an error state, it cannot be changed to a non error state.
		     */
		    setState(newState) {
		        if (this.state !== constants_1.SocksClientState.Error) {
		            this.state = newState;
		        }
		    }
		    /**
		     * Starts the connection establishment to the proxy and destination.
		     * @param existingSocket Connected socket to use instead of creating a new one (internal use).
		     */
		    connect(existingSocket) {
		        this.onDataReceived = (data) => this.onDataReceivedHandler(data);
		        this.onClose = () => this.onCloseHandler();
		        this.onError = (err) => this.onErrorHandler(err);
		        this.onConnect = () => this.onConnectHandler();
		        // Start timeout timer (defaults to 30 seconds)
		        const timer = setTimeout(() => this.onEstablishedTimeout(), this.options.timeout || constants_1.DEFAULT_TIMEOUT);
		        // check whether unref is available as it differs from browser to NodeJS (#33)
		        if (timer.unref && typeof timer.unref === 'function') {
		            timer.unref();
		        }
		        // If an existing socket is provided, use it to negotiate SOCKS handshake. Otherwise create a new Socket.
		        if (existingSocket) {
		            this.socket = existingSocket;
		        }
		        else {
		            this.socket = new net.Socket();
		        }
		        // Attach Socket error handlers.
		        this.socket.once('close', this.onClose);
		        this.socket.once('error', this.onError);
		        this.socket.once('connect', this.onConnect);
		        this.socket.on('data', this.onDataReceived);
		        this.setState(constants_1.SocksClientState.Connecting);
		        this.receiveBuffer = new receivebuffer_1.ReceiveBuffer();
		        if (existingSocket) {
		            this.socket.emit('connect');
		        }
		        else {
		            this.socket.connect(this.getSocketOptions());
		            if (this.options.set_tcp_nodelay !== undefined &&
		                this.options.set_tcp_nodelay !== null) {
		                this.socket.setNoDelay(!!this.options.set_tcp_nodelay);
		            }
		        }
		        // Listen for established event so we can re-emit any excess data received during handshakes.
		        this.prependOnceListener('established', (info) => {
		            setImmediate(() => {
		                if (this.receiveBuffer.length > 0) {
		                    const excessData = this.receiveBuffer.get(this.receiveBuffer.length);
		                    info.socket.emit('data', excessData);
		                }
		                info.socket.resume();
		            });
		        });
		    }
		    // Socket options (defaults host/port to options.proxy.host/options.proxy.port)
		    getSocketOptions() {
		        return Object.assign(Object.assign({}, this.options.socket_options), { host: this.options.proxy.host || this.options.proxy.ipaddress, port: this.options.proxy.port });
		    }
		    /**
		     * Handles internal Socks timeout callback.
		     * Note: If the Socks client is not BoundWaitingForConnection or Established, the connection will be closed.
		     */
		    onEstablishedTimeout() {
		        if (this.state !== constants_1.SocksClientState.Established &&
		            this.state !== constants_1.SocksClientState.BoundWaitingForConnection) {
		            this.closeSocket(constants_1.ERRORS.ProxyConnectionTimedOut);
		        }
		    }
		    /**
		     * Handles Socket connect event.
		     */
		    onConnectHandler() {
		        this.setState(constants_1.SocksClientState.Connected);
		        // Send initial handshake.
		        if (this.options.proxy.type === 4) {
		            this.sendSocks4InitialHandshake();
		        }
		        else {
		            this.sendSocks5InitialHandshake();
		        }
		        this.setState(constants_1.SocksClientState.SentInitialHandshake);
		    }
		    /**
		     * Handles Socket data event.
		     * @param data
		     */
		    onDataReceivedHandler(data) {
		        /*
		          All received data is appended to a ReceiveBuffer.
		          This makes sure that all the data we need is received before we attempt to process it.
		        */
		        this.receiveBuffer.append(data);
		        // Process data that we have.
		        this.processData();
		    }
		    /**
		     * Handles processing of the data we have received.
		     */
		    processData() {
		        // If we have enough data to process the next step in the SOCKS handshake, proceed.
		        while (this.state !== constants_1.SocksClientState.Established &&
		            this.state !== constants_1.SocksClientState.Error &&
		            this.receiveBuffer.length >= this.nextRequiredPacketBufferSize) {
		            // Sent initial handshake, waiting for response.
		            if (this.state === constants_1.SocksClientState.SentInitialHandshake) {
		                if (this.options.proxy.type === 4) {
		                    // Socks v4 only has one handshake response.
		                    this.handleSocks4FinalHandshakeResponse();
		                }
		                else {
		                    // Socks v5 has two handshakes, handle initial one here.
		                    this.handleInitialSocks5HandshakeResponse();
		                }
		                // Sent auth request for Socks v5, waiting for response.
		            }
		            else if (this.state === constants_1.SocksClientState.SentAuthentication) {
		                this.handleInitialSocks5AuthenticationHandshakeResponse();
		                // Sent final Socks v5 handshake, waiting for final response.
		            }
		            else if (this.state === constants_1.SocksClientState.SentFinalHandshake) {
		                this.handleSocks5FinalHandshakeResponse();
		                // Socks BIND established. Waiting for remote connection via proxy.
		            }
		            else if (this.state === constants_1.SocksClientState.BoundWaitingForConnection) {
		                if (this.options.proxy.type === 4) {
		                    this.handleSocks4IncomingConnectionResponse();
		                }
		                else {
		                    this.handleSocks5IncomingConnectionResponse();
		                }
		            }
		            else {
		                this.closeSocket(constants_1.ERRORS.InternalError);
		                break;
		            }
		        }
		    }
		    /**
		     * Handles Socket close event.
		     * @param had_error
		     */
		    onCloseHandler() {
		        this.closeSocket(constants_1.ERRORS.SocketClosed);
		    }
		    /**
		     * Handles Socket error event.
		     * @param err
		     */
		    onErrorHandler(err) {
		        this.closeSocket(err.message);
		    }
		    /**
		     * Removes internal event listeners on the underlying Socket.
		     */
		    removeInternalSocketHandlers() {
		        // Pauses data flow of the socket (this is internally resumed after 'established' is emitted)
		        this.socket.pause();
		        this.socket.removeListener('data', this.onDataReceived);
		        this.socket.removeListener('close', this.onClose);
		        this.socket.removeListener('error', this.onError);
		        this.socket.removeListener('connect', this.onConnect);
		    }
		    /**
		     * Closes and destroys the underlying Socket. Emits an error event.
		     * @param err { String } An error string to include in error event.
		     */
		    closeSocket(err) {
		        // Make sure only one 'error' event is fired for the lifetime of this SocksClient instance.
		        if (this.state !== constants_1.SocksClientState.Error) {
		            // Set internal state to Error.
		            this.setState(constants_1.SocksClientState.Error);
		            // Destroy Socket
		            this.socket.destroy();
		            // Remove internal listeners
		            this.removeInternalSocketHandlers();
		            // Fire 'error' event.
		            this.emit('error', new util_1.SocksClientError(err, this.options));
		        }
		    }
		    /**
		     * Sends initial Socks v4 handshake request.
		     */
		    sendSocks4InitialHandshake() {
		        const userId = this.options.proxy.userId || '';
		        const buff = new smart_buffer_1.SmartBuffer();
		        buff.writeUInt8(0x04);
		        buff.writeUInt8(constants_1.SocksCommand[this.options.command]);
		        buff.writeUInt16BE(this.options.destination.port);
		        // Socks 4 (IPv4)
		        if (net.isIPv4(this.options.destination.host)) {
		            buff.writeBuffer((0, helpers_1.ipToBuffer)(this.options.destination.host));
		            buff.writeStringNT(userId);
		            // Socks 4a (hostname)
		        }
		        else {
		            buff.writeUInt8(0x00);
		            buff.writeUInt8(0x00);
		            buff.writeUInt8(0x00);
		            buff.writeUInt8(0x01);
		            buff.writeStringNT(userId);
		            buff.writeStringNT(this.options.destination.host);
		        }
		        this.nextRequiredPacketBufferSize =
		            constants_1.SOCKS_INCOMING_PACKET_SIZES.Socks4Response;
		        this.socket.write(buff.toBuffer());
		    }
		    /**
		     * Handles Socks v4 handshake response.
		     * @param data
		     */
		    handleSocks4FinalHandshakeResponse() {
		        const data = this.receiveBuffer.get(8);
		        if (data[1] !== constants_1.Socks4Response.Granted) {
		            this.closeSocket(`${constants_1.ERRORS.Socks4ProxyRejectedConnection} - (${constants_1.Socks4Response[data[1]]})`);
		        }
		        else {
		            // Bind response
		            if (constants_1.SocksCommand[this.options.command] === constants_1.SocksCommand.bind) {
		                const buff = smart_buffer_1.SmartBuffer.fromBuffer(data);
		                buff.readOffset = 2;
		                const remoteHost = {
		                    port: buff.readUInt16BE(),
		                    host: (0, helpers_1.int32ToIpv4)(buff.readUInt32BE()),
		                };
		                // If host is 0.0.0.0, set to proxy host.
		                if (remoteHost.host === '0.0.0.0') {
		                    remoteHost.host = this.options.proxy.ipaddress;
		                }
		                this.setState(constants_1.SocksClientState.BoundWaitingForConnection);
		                this.emit('bound', { remoteHost, socket: this.socket });
		                // Connect response
		            }
		            else {
		                this.setState(constants_1.SocksClientState.Established);
		                this.removeInternalSocketHandlers();
		                this.emit('established', { socket: this.socket });
		            }
		        }
		    }
		    /**
		     * Handles Socks v4 incoming connection request (BIND)
		     * @param data
		     */
		    handleSocks4IncomingConnectionResponse() {
		        const data = this.receiveBuffer.get(8);
		        if (data[1] !== constants_1.Socks4Response.Granted) {
		            this.closeSocket(`${constants_1.ERRORS.Socks4ProxyRejectedIncomingBoundConnection} - (${constants_1.Socks4Response[data[1]]})`);
		        }
		        else {
		            const buff = smart_buffer_1.SmartBuffer.fromBuffer(data);
		            buff.readOffset = 2;
		            const remoteHost = {
		                port: buff.readUInt16BE(),
		                host: (0, helpers_1.int32ToIpv4)(buff.readUInt32BE()),
		            };
		            this.setState(constants_1.SocksClientState.Established);
		            this.removeInternalSocketHandlers();
		            this.emit('established', { remoteHost, socket: this.socket });
		        }
		    }
		    /**
		     * Sends initial Socks v5 handshake request.
		     */
		    sendSocks5InitialHandshake() {
		        const buff = new smart_buffer_1.SmartBuffer();
		        // By default we always support no auth.
		        const supportedAuthMethods = [constants_1.Socks5Auth.NoAuth];
		        // We should only tell the proxy we support user/pass auth if auth info is actually provided.
		        // Note: As of Tor v0.3.5.7+, if user/pass auth is an option from the client, by default it will always take priority.
		        if (this.options.proxy.userId || this.options.proxy.password) {
		            supportedAuthMethods.push(constants_1.Socks5Auth.UserPass);
		        }
		        // Custom auth method?
		        if (this.options.proxy.custom_auth_method !== undefined) {
		            supportedAuthMethods.push(this.options.proxy.custom_auth_method);
		        }
		        // Build handshake packet
		        buff.writeUInt8(0x05);
		        buff.writeUInt8(supportedAuthMethods.length);
		        for (const authMethod of supportedAuthMethods) {
		            buff.writeUInt8(authMethod);
		        }
		        this.nextRequiredPacketBufferSize =
		            constants_1.SOCKS_INCOMING_PACKET_SIZES.Socks5InitialHandshakeResponse;
		        this.socket.write(buff.toBuffer());
		        this.setState(constants_1.SocksClientState.SentInitialHandshake);
		    }
		    /**
		     * Handles initial Socks v5 handshake response.
		     * @param data
		     */
		    handleInitialSocks5HandshakeResponse() {
		        const data = this.receiveBuffer.get(2);
		        if (data[0] !== 0x05) {
		            this.closeSocket(constants_1.ERRORS.InvalidSocks5IntiailHandshakeSocksVersion);
		        }
		        else if (data[1] === constants_1.SOCKS5_NO_ACCEPTABLE_AUTH) {
		            this.closeSocket(constants_1.ERRORS.InvalidSocks5InitialHandshakeNoAcceptedAuthType);
		        }
		        else {
		            // If selected Socks v5 auth method is no auth, send final handshake request.
		            if (data[1] === constants_1.Socks5Auth.NoAuth) {
		                this.socks5ChosenAuthType = constants_1.Socks5Auth.NoAuth;
		                this.sendSocks5CommandRequest();
		                // If selected Socks v5 auth method is user/password, send auth handshake.
		            }
		            else if (data[1] === constants_1.Socks5Auth.UserPass) {
		                this.socks5ChosenAuthType = constants_1.Socks5Auth.UserPass;
		                this.sendSocks5UserPassAuthentication();
		                // If selected Socks v5 auth method is the custom_auth_method, send custom handshake.
		            }
		            else if (data[1] === this.options.proxy.custom_auth_method) {
		                this.socks5ChosenAuthType = this.options.proxy.custom_auth_method;
		                this.sendSocks5CustomAuthentication();
		            }
		            else {
		                this.closeSocket(constants_1.ERRORS.InvalidSocks5InitialHandshakeUnknownAuthType);
		            }
		        }
		    }
		    /**
		     * Sends Socks v5 user & password auth handshake.
		     *
		     * Note: No auth and user/pass are currently supported.
		     */
		    sendSocks5UserPassAuthentication() {
		        const userId = this.options.proxy.userId || '';
		        const password = this.options.proxy.password || '';
		        const buff = new smart_buffer_1.SmartBuffer();
		        buff.writeUInt8(0x01);
		        buff.writeUInt8(Buffer.byteLength(userId));
		        buff.writeString(userId);
		        buff.writeUInt8(Buffer.byteLength(password));
		        buff.writeString(password);
		        this.nextRequiredPacketBufferSize =
		            constants_1.SOCKS_INCOMING_PACKET_SIZES.Socks5UserPassAuthenticationResponse;
		        this.socket.write(buff.toBuffer());
		        this.setState(constants_1.SocksClientState.SentAuthentication);
		    }
		    sendSocks5CustomAuthentication() {
		        return __awaiter(this, void 0, void 0, function* () {
		            this.nextRequiredPacketBufferSize =
		                this.options.proxy.custom_auth_response_size;
		            this.socket.write(yield this.options.proxy.custom_auth_request_handler());
		            this.setState(constants_1.SocksClientState.SentAuthentication);
		        });
		    }
		    handleSocks5CustomAuthHandshakeResponse(data) {
		        return __awaiter(this, void 0, void 0, function* () {
		            return yield this.options.proxy.custom_auth_response_handler(data);
		        });
		    }
		    handleSocks5AuthenticationNoAuthHandshakeResponse(data) {
		        return __awaiter(this, void 0, void 0, function* () {
		            return data[1] === 0x00;
		        });
		    }
		    handleSocks5AuthenticationUserPassHandshakeResponse(data) {
		        return __awaiter(this, void 0, void 0, function* () {
		            return data[1] === 0x00;
		        });
		    }
		    /**
		     * Handles Socks v5 auth handshake response.
		     * @param data
		     */
		    handleInitialSocks5AuthenticationHandshakeResponse() {
		        return __awaiter(this, void 0, void 0, function* () {
		            this.setState(constants_1.SocksClientState.ReceivedAuthenticationResponse);
		            let authResult = false;
		            if (this.socks5ChosenAuthType === constants_1.Socks5Auth.NoAuth) {
		                authResult = yield this.handleSocks5AuthenticationNoAuthHandshakeResponse(this.receiveBuffer.get(2));
		            }
		            else if (this.socks5ChosenAuthType === constants_1.Socks5Auth.UserPass) {
		                authResult =
		                    yield this.handleSocks5AuthenticationUserPassHandshakeResponse(this.receiveBuffer.get(2));
		            }
		            else if (this.socks5ChosenAuthType === this.options.proxy.custom_auth_method) {
		                authResult = yield this.handleSocks5CustomAuthHandshakeResponse(this.receiveBuffer.get(this.options.proxy.custom_auth_response_size));
		            }
		            if (!authResult) {
		                this.closeSocket(constants_1.ERRORS.Socks5AuthenticationFailed);
		            }
		            else {
		                this.sendSocks5CommandRequest();
		            }
		        });
		    }
		    /**
		     * Sends Socks v5 final handshake request.
		     */
		    sendSocks5CommandRequest() {
		        const buff = new smart_buffer_1.SmartBuffer();
		        buff.writeUInt8(0x05);
		        buff.writeUInt8(constants_1.SocksCommand[this.options.command]);
		        buff.writeUInt8(0x00);
		        // ipv4, ipv6, domain?
		        if (net.isIPv4(this.options.destination.host)) {
		            buff.writeUInt8(constants_1.Socks5HostType.IPv4);
		            buff.writeBuffer((0, helpers_1.ipToBuffer)(this.options.destination.host));
		        }
		        else if (net.isIPv6(this.options.destination.host)) {
		            buff.writeUInt8(constants_1.Socks5HostType.IPv6);
		            buff.writeBuffer((0, helpers_1.ipToBuffer)(this.options.destination.host));
		        }
		        else {
		            buff.writeUInt8(constants_1.Socks5HostType.Hostname);
		            buff.writeUInt8(this.options.destination.host.length);
		            buff.writeString(this.options.destination.host);
		        }
		        buff.writeUInt16BE(this.options.destination.port);
		        this.nextRequiredPacketBufferSize =
		            constants_1.SOCKS_INCOMING_PACKET_SIZES.Socks5ResponseHeader;
		        this.socket.write(buff.toBuffer());
		        this.setState(constants_1.SocksClientState.SentFinalHandshake);
		    }
		    /**
		     * Handles Socks v5 final handshake response.
		     * @param data
		     */
		    handleSocks5FinalHandshakeResponse() {
		        // Peek at available data (we need at least 5 bytes to get the hostname length)
		        const header = this.receiveBuffer.peek(5);
		        if (header[0] !== 0x05 || header[1] !== constants_1.Socks5Response.Granted) {
		            this.closeSocket(`${constants_1.ERRORS.InvalidSocks5FinalHandshakeRejected} - ${constants_1.Socks5Response[header[1]]}`);
		        }
		        else {
		            // Read address type
		            const addressType = header[3];
		            let remoteHost;
		            let buff;
		            // IPv4
		            if (addressType === constants_1.Socks5HostType.IPv4) {
		                // Check if data is available.
		                const dataNeeded = constants_1.SOCKS_INCOMING_PACKET_SIZES.Socks5ResponseIPv4;
		                if (this.receiveBuffer.length < dataNeeded) {
		                    this.nextRequiredPacketBufferSize = dataNeeded;
		                    return;
		                }
		                buff = smart_buffer_1.SmartBuffer.fromBuffer(this.receiveBuffer.get(dataNeeded).slice(4));
		                remoteHost = {
		                    host: (0, helpers_1.int32ToIpv4)(buff.readUInt32BE()),
		                    port: buff.readUInt16BE(),
		                };
		                // If given host is 0.0.0.0, assume remote proxy ip instead.
		                if (remoteHost.host === '0.0.0.0') {
		                    remoteHost.host = this.options.proxy.ipaddress;
		                }
		                // Hostname
		            }
		            else if (addressType === constants_1.Socks5HostType.Hostname) {
		                const hostLength = header[4];
		                const dataNeeded = constants_1.SOCKS_INCOMING_PACKET_SIZES.Socks5ResponseHostname(hostLength); // header + host length + host + port
		                // Check if data is available.
		                if (this.receiveBuffer.length < dataNeeded) {
		                    this.nextRequiredPacketBufferSize = dataNeeded;
		                    return;
		                }
		                buff = smart_buffer_1.SmartBuffer.fromBuffer(this.receiveBuffer.get(dataNeeded).slice(5));
		                remoteHost = {
		                    host: buff.readString(hostLength),
		                    port: buff.readUInt16BE(),
		                };
		                // IPv6
		            }
		            else if (addressType === constants_1.Socks5HostType.IPv6) {
		                // Check if data is available.
		                const dataNeeded = constants_1.SOCKS_INCOMING_PACKET_SIZES.Socks5ResponseIPv6;
		                if (this.receiveBuffer.length < dataNeeded) {
		                    this.nextRequiredPacketBufferSize = dataNeeded;
		                    return;
		                }
		                buff = smart_buffer_1.SmartBuffer.fromBuffer(this.receiveBuffer.get(dataNeeded).slice(4));
		                remoteHost = {
		                    host: ip_address_1.Address6.fromByteArray(Array.from(buff.readBuffer(16))).canonicalForm(),
		                    port: buff.readUInt16BE(),
		                };
		            }
		            // We have everything we need
		            this.setState(constants_1.SocksClientState.ReceivedFinalResponse);
		            // If using CONNECT, the client is now in the established state.
		            if (constants_1.SocksCommand[this.options.command] === constants_1.SocksCommand.connect) {
		                this.setState(constants_1.SocksClientState.Established);
		                this.removeInternalSocketHandlers();
		                this.emit('established', { remoteHost, socket: this.socket });
		            }
		            else if (constants_1.SocksCommand[this.options.command] === constants_1.SocksCommand.bind) {
		                /* If using BIND, the Socks client is now in BoundWaitingForConnection state.
		                   This means that the remote proxy server is waiting for a remote connection to the bound port. */
		                this.setState(constants_1.SocksClientState.BoundWaitingForConnection);
		                this.nextRequiredPacketBufferSize =
		                    constants_1.SOCKS_INCOMING_PACKET_SIZES.Socks5ResponseHeader;
		                this.emit('bound', { remoteHost, socket: this.socket });
		                /*
		                  If using Associate, the Socks client is now Established. And the proxy server is now accepting UDP packets at the
		                  given bound port. This initial Socks TCP connection must remain open for the UDP relay to continue to work.
		                */
		            }
		            else if (constants_1.SocksCommand[this.options.command] === constants_1.SocksCommand.associate) {
		                this.setState(constants_1.SocksClientState.Established);
		                this.removeInternalSocketHandlers();
		                this.emit('established', {
		                    remoteHost,
		                    socket: this.socket,
		                });
		            }
		        }
		    }
		    /**
		     * Handles Socks v5 incoming connection request (BIND).
		     */
		    handleSocks5IncomingConnectionResponse() {
		        // Peek at available data (we need at least 5 bytes to get the hostname length)
		        const header = this.receiveBuffer.peek(5);
		        if (header[0] !== 0x05 || header[1] !== constants_1.Socks5Response.Granted) {
		            this.closeSocket(`${constants_1.ERRORS.Socks5ProxyRejectedIncomingBoundConnection} - ${constants_1.Socks5Response[header[1]]}`);
		        }
		        else {
		            // Read address type
		            const addressType = header[3];
		            let remoteHost;
		            let buff;
		            // IPv4
		            if (addressType === constants_1.Socks5HostType.IPv4) {
		                // Check if data is available.
		                const dataNeeded = constants_1.SOCKS_INCOMING_PACKET_SIZES.Socks5ResponseIPv4;
		                if (this.receiveBuffer.length < dataNeeded) {
		                    this.nextRequiredPacketBufferSize = dataNeeded;
		                    return;
		                }
		                buff = smart_buffer_1.SmartBuffer.fromBuffer(this.receiveBuffer.get(dataNeeded).slice(4));
		                remoteHost = {
		                    host: (0, helpers_1.int32ToIpv4)(buff.readUInt32BE()),
		                    port: buff.readUInt16BE(),
		                };
		                // If given host is 0.0.0.0, assume remote proxy ip instead.
		                if (remoteHost.host === '0.0.0.0') {
		                    remoteHost.host = this.options.proxy.ipaddress;
		                }
		                // Hostname
		            }
		            else if (addressType === constants_1.Socks5HostType.Hostname) {
		                const hostLength = header[4];
		                const dataNeeded = constants_1.SOCKS_INCOMING_PACKET_SIZES.Socks5ResponseHostname(hostLength); // header + host length + port
		                // Check if data is available.
		                if (this.receiveBuffer.length < dataNeeded) {
		                    this.nextRequiredPacketBufferSize = dataNeeded;
		                    return;
		                }
		                buff = smart_buffer_1.SmartBuffer.fromBuffer(this.receiveBuffer.get(dataNeeded).slice(5));
		                remoteHost = {
		                    host: buff.readString(hostLength),
		                    port: buff.readUInt16BE(),
		                };
		                // IPv6
		            }
		            else if (addressType === constants_1.Socks5HostType.IPv6) {
		                // Check if data is available.
		                const dataNeeded = constants_1.SOCKS_INCOMING_PACKET_SIZES.Socks5ResponseIPv6;
		                if (this.receiveBuffer.length < dataNeeded) {
		                    this.nextRequiredPacketBufferSize = dataNeeded;
		                    return;
		                }
		                buff = smart_buffer_1.SmartBuffer.fromBuffer(this.receiveBuffer.get(dataNeeded).slice(4));
		                remoteHost = {
		                    host: ip_address_1.Address6.fromByteArray(Array.from(buff.readBuffer(16))).canonicalForm(),
		                    port: buff.readUInt16BE(),
		                };
		            }
		            this.setState(constants_1.SocksClientState.Established);
		            this.removeInternalSocketHandlers();
		            this.emit('established', { remoteHost, socket: this.socket });
		        }
		    }
		    get socksClientOptions() {
		        return Object.assign({}, this.options);
		    }
		}
		exports.SocksClient = SocksClient;
		
	} (socksclient));
	return socksclient;
}

var hasRequiredBuild;

function requireBuild () {
	if (hasRequiredBuild) return build;
	hasRequiredBuild = 1;
	(function (exports) {
		var __createBinding = (build && build.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __exportStar = (build && build.__exportStar) || function(m, exports) {
		    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		__exportStar(requireSocksclient(), exports);
		
	} (build));
	return build;
}

var buildExports = requireBuild();

const INTERNAL = Symbol('AgentBaseInternalState');
class Agent extends Agent$2 {
    constructor(opts) {
        super(opts);
        this[INTERNAL] = {};
    }
    /**
     * Determine whether this is an `http` or `https` request.
     */
    isSecureEndpoint(options) {
        if (options) {
            // First check the `secureEndpoint` property explicitly, since this
            // means that a parent `Agent` is "passing through" to this instance.
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
            if (typeof options.secureEndpoint === 'boolean') {
                return options.secureEndpoint;
            }
            // If no explicit `secure` endpoint, check if `protocol` property is
            // set. This will usually be the case since using a full string URL
            // or `URL` instance should be the most common usage.
            if (typeof options.protocol === 'string') {
                return options.protocol === 'https:';
            }
        }
        // Finally, if no `protocol` property was set, then fall back to
        // checking the stack trace of the current call stack, and try to
        // detect the "https" module.
        const { stack } = new Error();
        if (typeof stack !== 'string')
            return false;
        return stack
            .split('\n')
            .some((l) => l.indexOf('(https.js:') !== -1 ||
            l.indexOf('node:https:') !== -1);
    }
    // In order to support async signatures in `connect()` and Node's native
    // connection pooling in `http.Agent`, the array of sockets for each origin
    // has to be updated synchronously. This is so the length of the array is
    // accurate when `addRequest()` is next called. We achieve this by creating a
    // fake socket and adding it to `sockets[origin]` and incrementing
    // `totalSocketCount`.
    incrementSockets(name) {
        // If `maxSockets` and `maxTotalSockets` are both Infinity then there is no
        // need to create a fake socket because Node.js native connection pooling
        // will never be invoked.
        if (this.maxSockets === Infinity && this.maxTotalSockets === Infinity) {
            return null;
        }
        // All instances of `sockets` are expected TypeScript errors. The
        // alternative is to add it as a private property of this class but that
        // will break TypeScript subclassing.
        if (!this.sockets[name]) {
            // @ts-expect-error `sockets` is readonly in `@types/node`
            this.sockets[name] = [];
        }
        const fakeSocket = new require$$0.Socket({ writable: false });
        this.sockets[name].push(fakeSocket);
        // @ts-expect-error `totalSocketCount` isn't defined in `@types/node`
        this.totalSocketCount++;
        return fakeSocket;
    }
    decrementSockets(name, socket) {
        if (!this.sockets[name] || socket === null) {
            return;
        }
        const sockets = this.sockets[name];
        const index = sockets.indexOf(socket);
        if (index !== -1) {
            sockets.splice(index, 1);
            // @ts-expect-error  `totalSocketCount` isn't defined in `@types/node`
            this.totalSocketCount--;
            if (sockets.length === 0) {
                // @ts-expect-error `sockets` is readonly in `@types/node`
                delete this.sockets[name];
            }
        }
    }
    // In order to properly update the socket pool, we need to call `getName()` on
    // the core `https.Agent` if it is a secureEndpoint.
    getName(options) {
        const secureEndpoint = this.isSecureEndpoint(options);
        if (secureEndpoint) {
            return Agent$3.prototype.getName.call(this, options);
        }
        return super.getName(options);
    }
    createSocket(req, options, cb) {
        const connectOpts = {
            ...options,
            secureEndpoint: this.isSecureEndpoint(options),
        };
        const name = this.getName(connectOpts);
        const fakeSocket = this.incrementSockets(name);
        Promise.resolve()
            .then(() => this.connect(req, connectOpts))
            .then((socket) => {
            this.decrementSockets(name, fakeSocket);
            if (typeof socket
                .addRequest === 'function') {
                try {
                    return socket.addRequest(req, connectOpts);
                }
                catch (err) {
                    return cb(err);
                }
            }
            this[INTERNAL].currentSocket = socket;
            // @ts-expect-error `createSocket()` isn't defined in `@types/node`
            super.createSocket(req, options, cb);
        }, (err) => {
            this.decrementSockets(name, fakeSocket);
            cb(err);
        });
    }
    createConnection() {
        const socket = this[INTERNAL].currentSocket;
        this[INTERNAL].currentSocket = undefined;
        if (!socket) {
            throw new Error('No socket was returned in the `connect()` function');
        }
        return socket;
    }
    get defaultPort() {
        return (this[INTERNAL].defaultPort ??
            (this.protocol === 'https:' ? 443 : 80));
    }
    set defaultPort(v) {
        if (this[INTERNAL]) {
            this[INTERNAL].defaultPort = v;
        }
    }
    get protocol() {
        return (this[INTERNAL].protocol ??
            (this.isSecureEndpoint() ? 'https:' : 'http:'));
    }
    set protocol(v) {
        if (this[INTERNAL]) {
            this[INTERNAL].protocol = v;
        }
    }
}

var srcExports = requireSrc();
var createDebug = /*@__PURE__*/getDefaultExportFromCjs(srcExports);

const debug = createDebug('socks-proxy-agent');
const setServernameFromNonIpHost = (options) => {
    if (options.servername === undefined &&
        options.host &&
        !require$$0.isIP(options.host)) {
        return {
            ...options,
            servername: options.host,
        };
    }
    return options;
};
function parseSocksURL(url) {
    let lookup = false;
    let type = 5;
    const host = url.hostname;
    // From RFC 1928, Section 3: https://tools.ietf.org/html/rfc1928#section-3
    // "The SOCKS service is conventionally located on TCP port 1080"
    const port = parseInt(url.port, 10) || 1080;
    // figure out if we want socks v4 or v5, based on the "protocol" used.
    // Defaults to 5.
    switch (url.protocol.replace(':', '')) {
        case 'socks4':
            lookup = true;
            type = 4;
            break;
        // pass through
        case 'socks4a':
            type = 4;
            break;
        case 'socks5':
            lookup = true;
            type = 5;
            break;
        // pass through
        case 'socks': // no version specified, default to 5h
            type = 5;
            break;
        case 'socks5h':
            type = 5;
            break;
        default:
            throw new TypeError(`A "socks" protocol must be specified! Got: ${String(url.protocol)}`);
    }
    const proxy = {
        host,
        port,
        type,
    };
    if (url.username) {
        Object.defineProperty(proxy, 'userId', {
            value: decodeURIComponent(url.username),
            enumerable: false,
        });
    }
    if (url.password != null) {
        Object.defineProperty(proxy, 'password', {
            value: decodeURIComponent(url.password),
            enumerable: false,
        });
    }
    return { lookup, proxy };
}
class SocksProxyAgent extends Agent {
    constructor(uri, opts) {
        super(opts);
        const url = typeof uri === 'string' ? new URL$1(uri) : uri;
        const { proxy, lookup } = parseSocksURL(url);
        this.shouldLookup = lookup;
        this.proxy = proxy;
        this.proxyUrl = url.href;
        this.timeout = opts?.timeout ?? null;
        this.socketOptions = opts?.socketOptions ?? null;
    }
    /**
     * Initiates a SOCKS connection to the specified SOCKS proxy server,
     * which in turn connects to the specified remote host and port.
     */
    async connect(req, opts) {
        const { shouldLookup, proxy, timeout } = this;
        if (!opts.host) {
            throw new Error('No `host` defined!');
        }
        let { host } = opts;
        const { port, lookup: lookupFn = dns.lookup } = opts;
        if (shouldLookup) {
            // Client-side DNS resolution for "4" and "5" socks proxy versions.
            host = await new Promise((resolve, reject) => {
                // Use the request's custom lookup, if one was configured:
                lookupFn(host, {}, (err, address) => {
                    if (err) {
                        reject(err);
                    }
                    else {
                        resolve(typeof address === 'string'
                            ? address
                            : address[0].address);
                    }
                });
            });
        }
        const socksOpts = {
            proxy,
            destination: {
                host,
                port: typeof port === 'number' ? port : parseInt(port, 10),
            },
            command: 'connect',
            timeout: timeout ?? undefined,
            // @ts-expect-error the type supplied by socks for socket_options is wider
            // than necessary since socks will always override the host and port
            socket_options: this.socketOptions ?? undefined,
        };
        const cleanup = (tlsSocket) => {
            req.destroy();
            socket.destroy();
            if (tlsSocket)
                tlsSocket.destroy();
        };
        debug('Creating socks proxy connection: %o', socksOpts);
        const { socket } = await buildExports.SocksClient.createConnection(socksOpts);
        debug('Successfully created socks proxy connection');
        req.emit('proxy', { proxy: this.proxyUrl, socket });
        if (timeout !== null) {
            socket.setTimeout(timeout);
            socket.on('timeout', () => cleanup());
        }
        if (opts.secureEndpoint) {
            // The proxy is connecting to a TLS server, so upgrade
            // this socket connection to a TLS connection.
            debug('Upgrading socket connection to TLS');
            const tlsSocket = require$$1.connect({
                ...omit(setServernameFromNonIpHost(opts), 'host', 'path', 'port'),
                socket,
            });
            tlsSocket.once('error', (error) => {
                debug('Socket TLS error', error.message);
                cleanup(tlsSocket);
            });
            return tlsSocket;
        }
        return socket;
    }
}
SocksProxyAgent.protocols = [
    'socks',
    'socks4',
    'socks4a',
    'socks5',
    'socks5h',
];
function omit(obj, ...keys) {
    const ret = {};
    let key;
    for (key in obj) {
        if (!keys.includes(key)) {
            ret[key] = obj[key];
        }
    }
    return ret;
}

var hpagent;
var hasRequiredHpagent;

function requireHpagent () {
	if (hasRequiredHpagent) return hpagent;
	hasRequiredHpagent = 1;

	const https = https__default;
	const http = require$$1$1;
	const { URL } = require$$5;

	class HttpProxyAgent extends http.Agent {
	  constructor (options) {
	    const { proxy, proxyRequestOptions, ...opts } = options;
	    super(opts);
	    this.proxy = typeof proxy === 'string'
	      ? new URL(proxy)
	      : proxy;
	    this.proxyRequestOptions = proxyRequestOptions || {};
	  }

	  createConnection (options, callback) {
	    const requestOptions = {
	      ...this.proxyRequestOptions,
	      method: 'CONNECT',
	      host: this.proxy.hostname,
	      port: this.proxy.port,
	      path: `${options.host}:${options.port}`,
	      setHost: false,
	      headers: { ...this.proxyRequestOptions.headers, connection: this.keepAlive ? 'keep-alive' : 'close', host: `${options.host}:${options.port}` },
	      agent: false,
	      timeout: options.timeout || 0
	    };

	    if (this.proxy.username || this.proxy.password) {
	      const base64 = Buffer.from(`${decodeURIComponent(this.proxy.username || '')}:${decodeURIComponent(this.proxy.password || '')}`).toString('base64');
	      requestOptions.headers['proxy-authorization'] = `Basic ${base64}`;
	    }

	    if (this.proxy.protocol === 'https:') {
	      requestOptions.servername = this.proxy.hostname;
	    }

	    const request = (this.proxy.protocol === 'http:' ? http : https).request(requestOptions);
	    request.once('connect', (response, socket, head) => {
	      request.removeAllListeners();
	      socket.removeAllListeners();
	      if (response.statusCode === 200) {
	        callback(null, socket);
	      } else {
	        socket.destroy();
	        callback(new Error(`Bad response: ${response.statusCode}`), null);
	      }
	    });

	    request.once('timeout', () => {
	      request.destroy(new Error('Proxy timeout'));
	    });

	    request.once('error', err => {
	      request.removeAllListeners();
	      callback(err, null);
	    });

	    request.end();
	  }
	}

	class HttpsProxyAgent extends https.Agent {
	  constructor (options) {
	    const { proxy, proxyRequestOptions, ...opts } = options;
	    super(opts);
	    this.proxy = typeof proxy === 'string'
	      ? new URL(proxy)
	      : proxy;
	    this.proxyRequestOptions = proxyRequestOptions || {};
	  }

	  createConnection (options, callback) {
	    const requestOptions = {
	      ...this.proxyRequestOptions,
	      method: 'CONNECT',
	      host: this.proxy.hostname,
	      port: this.proxy.port,
	      path: `${options.host}:${options.port}`,
	      setHost: false,
	      headers: { ...this.proxyRequestOptions.headers, connection: this.keepAlive ? 'keep-alive' : 'close', host: `${options.host}:${options.port}` },
	      agent: false,
	      timeout: options.timeout || 0
	    };

	    if (this.proxy.username || this.proxy.password) {
	      const base64 = Buffer.from(`${decodeURIComponent(this.proxy.username || '')}:${decodeURIComponent(this.proxy.password || '')}`).toString('base64');
	      requestOptions.headers['proxy-authorization'] = `Basic ${base64}`;
	    }

	    // Necessary for the TLS check with the proxy to succeed.
	    if (this.proxy.protocol === 'https:') {
	      requestOptions.servername = this.proxy.hostname;
	    }

	    const request = (this.proxy.protocol === 'http:' ? http : https).request(requestOptions);
	    request.once('connect', (response, socket, head) => {
	      request.removeAllListeners();
	      socket.removeAllListeners();
	      if (response.statusCode === 200) {
	        const secureSocket = super.createConnection({ ...options, socket });
	        callback(null, secureSocket);
	      } else {
	        socket.destroy();
	        callback(new Error(`Bad response: ${response.statusCode}`), null);
	      }
	    });

	    request.once('timeout', () => {
	      request.destroy(new Error('Proxy timeout'));
	    });

	    request.once('error', err => {
	      request.removeAllListeners();
	      callback(err, null);
	    });

	    request.end();
	  }
	}

	hpagent = {
	  HttpProxyAgent,
	  HttpsProxyAgent
	};
	return hpagent;
}

var hpagentExports = requireHpagent();
var mod = /*@__PURE__*/getDefaultExportFromCjs(hpagentExports);

const HttpProxyAgent = mod.HttpProxyAgent;
const HttpsProxyAgent = mod.HttpsProxyAgent;

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
    const proxyHost = parsedProxy.hostname;
    const proxyPort = parseInt(parsedProxy.port, 10) || 1080;
    let socksType = 5;
    const proto = parsedProxy.protocol.replace(':', '');
    if (proto === 'socks4' || proto === 'socks4a') {
        socksType = 4;
    }
    return (options, callback) => {
        const { hostname, port, protocol, servername } = options;
        buildExports.SocksClient.createConnection({
            proxy: { host: proxyHost, port: proxyPort, type: socksType },
            command: 'connect',
            destination: { host: hostname, port: parseInt(port, 10) },
        }, (err, info) => {
            if (err) {
                callback(err, null);
                return;
            }
            const socket = info.socket;
            // See createDispatcher 'agent' case for why 30s.
            socket.setKeepAlive(true, 30000);
            if (protocol === 'https:') {
                callback(null, tls.connect({
                    ...tlsOptions,
                    socket,
                    servername: servername || hostname,
                }));
            }
            else {
                callback(null, socket);
            }
        });
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
        const obj = load(config);
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
        if (host && require$$0$3.isIPv6(host)) {
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
                return new Agent$1({ connect: createSocksConnector(opts.uri, opts.requestTls) });
            case 'agent':
                return new Agent$1({ connect: opts.connect });
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
            return [{ dir: dirname(resolve(file)), doc: distExports.parse(readFileSync(file, 'utf8')) }];
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
                doc = distExports.parse(text);
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

/**
 * One run's view of the cluster: the few API calls the checks need, built on the client's three ways of
 * reading (get, paginated list, watch). Gets and the small lists are made at most once per run (memoised),
 * so checks running concurrently share them; lists that grow with the cluster are folded page by page.
 * Checks call these; they never build paths.
 */
/**
 * Pages of a pod list read for its requests only hold this many times the client's page (500: 2,000).
 * Decoded field by field, a pod costs ~2 KB of protobuf and a few small objects, so such a page is ~4 MB;
 * four times fewer round trips cut the API server's work per page (measured at 50,000 pods: ~3 s against
 * ~4.5 s for one list of every pod in pages of 500).
 */
const PROJECTED_PAGE_FACTOR = 4;
const FIELD_MANAGER = 'vapora-preflight';
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
    async resourceFor(apiVersion, kind) {
        return (await this.resources(apiVersion)).find(r => r.kind === kind);
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
        return this.once(`ns:${name}`, () => this.client.getOptional(`/api/v1/namespaces/${encodeURIComponent(name)}`));
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
        return this.once(`cm:${namespace}/${name}`, () => this.client.getOptional(`/api/v1/namespaces/${encodeURIComponent(namespace)}/configmaps/${encodeURIComponent(name)}`));
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
    live(doc, namespace) {
        const key = `live:${doc.apiVersion}/${doc.kind}/${namespace}/${doc.metadata?.name}`;
        return this.once(key, async () => {
            const path = await this.pathFor(doc.apiVersion, doc.kind, namespace, doc.metadata.name);
            return path ? this.client.getOptional(path) : undefined;
        });
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

export { ClusterSession, FIELD_MANAGER, openCluster };

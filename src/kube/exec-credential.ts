/**
 * Kubeconfig `exec` credential plugins (client.authentication.k8s.io/v1 and v1beta1), run by us instead of
 * by client-node: asynchronously, with a timeout, never interactively. client-node 2.0.1 waits for a plugin
 * without any limit, so a plugin stuck on a login prompt or a dead network would hang the gate. The
 * credential a plugin prints replaces its `exec` stanza in the in-memory KubeConfig — client-node only ever
 * sees a token or a client certificate — and is obtained again, the same way, when it expires.
 */
import { readFileSync } from 'node:fs'
import { isAbsolute, resolve, sep } from 'node:path'
import type { KubeConfig, User } from '@kubernetes/client-node'
import { MAX_STDOUT_BYTES, runProcessGroup } from './exec-process.js'

/** How long a plugin may take to print its credential. client-go has no limit; a gate must not hang. */
export const DEFAULT_EXEC_TIMEOUT_MS = 30_000
/** A credential this close to its expirationTimestamp is obtained again before a request. */
const EXPIRY_MARGIN_MS = 5_000
const STDERR_SHOWN_CHARS = 400

const API_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1']
const EXEC_EXTENSION = 'client.authentication.k8s.io/exec'

/** Everything needed to run the current user's plugin; built by loadKubeConfig. */
export interface ExecPluginSource {
  /** The kubeconfig user the plugin authenticates (for messages). */
  user: string
  /** `users[].user.exec` as written in the kubeconfig. */
  exec: unknown
  /** Where a relative command with a slash is resolved: the directory of the kubeconfig that defines the user. */
  baseDir: string
  /** The current cluster as written (kubeconfig field names), for KUBERNETES_EXEC_INFO (provideClusterInfo). */
  cluster: Record<string, unknown>
  /** The cluster's certificate-authority file, already made absolute by client-node. */
  caFile?: string
}

/** What a plugin printed: a bearer token, or a client certificate and key (PEM). */
export interface ExecCredential {
  token?: string
  clientCertificateData?: string
  clientKeyData?: string
  /** Epoch ms; undefined = valid for the whole run. */
  expiresAt?: number
}

/** The plugin could not give a credential; the message says which plugin, for which user, and what to do. */
export class ExecCredentialError extends Error {
  override name = 'ExecCredentialError'
}

interface PluginConfig {
  /** As written, for messages. */
  command: string
  /** What is run: absolute when the kubeconfig gave a relative path with a slash. */
  path: string
  args: string[]
  env: Record<string, string>
  apiVersion: string
  provideClusterInfo: boolean
  installHint?: string
}

const oneLine = (text: string, max: number, separator = ' | '): string => {
  const flat = text
    // eslint-disable-next-line no-control-regex -- ESC starts the colour and cursor codes removed here
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(Boolean)
    .join(separator)
  return flat.length > max ? `…${flat.slice(flat.length - max + 1)}` : flat
}

const seconds = (ms: number): string => `${ms / 1000} s`

/** A kind or apiVersion, quoted only when it looks like one: what a plugin printed may be a credential. */
const shown = (value: unknown): string => {
  if (value === undefined) return '(none)'
  const looksRight =
    typeof value === 'string' &&
    (/^[A-Za-z]{1,40}$/.test(value) || /^([a-z0-9-]+\.)*[a-z0-9-]+\/v\d+((alpha|beta)\d+)?$/.test(value))
  return looksRight ? `"${value}"` : '(not shown)'
}

function pluginConfig(source: ExecPluginSource): PluginConfig {
  const exec = (typeof source.exec === 'object' && source.exec !== null ? source.exec : {}) as Record<
    string,
    unknown
  >
  const command = typeof exec.command === 'string' ? exec.command.trim() : ''
  const named = command
    ? `the kubeconfig's exec credential plugin \`${command}\` (user ${source.user})`
    : `the kubeconfig's exec credential plugin of user ${source.user}`
  const invalid = (what: string): ExecCredentialError => new ExecCredentialError(`${named} ${what}`)
  if (!command) throw invalid('has no command (users[].user.exec.command).')
  if (typeof exec.apiVersion !== 'string' || !exec.apiVersion) {
    throw invalid(`has no apiVersion: set users[].user.exec.apiVersion to ${API_VERSIONS.join(' or ')}.`)
  }
  if (!API_VERSIONS.includes(exec.apiVersion)) {
    throw invalid(
      `has apiVersion ${shown(exec.apiVersion)}, which is not supported: use ${API_VERSIONS.join(' or ')}.`
    )
  }
  const mode = exec.interactiveMode ?? 'IfAvailable'
  if (mode === 'Always') {
    throw invalid(
      'has interactiveMode: Always, but preflight never runs a plugin interactively (its standard input is not a terminal). Use a credential that works unattended, with interactiveMode: Never or IfAvailable.'
    )
  }
  if (mode !== 'Never' && mode !== 'IfAvailable') {
    throw invalid(`has interactiveMode ${shown(mode)}: use Never, IfAvailable or Always.`)
  }
  if (exec.args != null && !Array.isArray(exec.args)) throw invalid('has args that are not a list.')
  const args = ((exec.args as unknown[] | undefined) ?? []).map(String)
  const env: Record<string, string> = {}
  if (exec.env != null && !Array.isArray(exec.env))
    throw invalid('has env that is not a list of {name, value}.')
  for (const entry of (exec.env as unknown[] | undefined) ?? []) {
    const { name, value } = (entry ?? {}) as { name?: unknown; value?: unknown }
    if (typeof name !== 'string' || !name) throw invalid('has an env entry without a name.')
    env[name] = value == null ? '' : String(value)
  }
  // As client-go does: a path with a slash is relative to the kubeconfig's directory; a bare name is looked up on PATH.
  const hasSlash = command.includes('/') || command.includes(sep)
  return {
    command,
    path: hasSlash && !isAbsolute(command) ? resolve(source.baseDir, command) : command,
    args,
    env,
    apiVersion: exec.apiVersion,
    provideClusterInfo: exec.provideClusterInfo === true,
    installHint: typeof exec.installHint === 'string' ? oneLine(exec.installHint, 300, ' ') : undefined
  }
}

/** The ExecCredential client-go passes in KUBERNETES_EXEC_INFO: never interactive, the cluster when asked for. */
function execInfo(source: ExecPluginSource, config: PluginConfig): string {
  const spec: Record<string, unknown> = { interactive: false }
  if (config.provideClusterInfo) {
    const raw = source.cluster
    let caData = raw['certificate-authority-data']
    if (!caData && source.caFile) {
      try {
        caData = readFileSync(source.caFile).toString('base64')
      } catch (error) {
        throw new ExecCredentialError(
          `the kubeconfig's exec credential plugin \`${config.command}\` (user ${source.user}) asks for the cluster's details, but its certificate-authority ${source.caFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? error}).`
        )
      }
    }
    const extensions = Array.isArray(raw.extensions) ? (raw.extensions as Array<Record<string, unknown>>) : []
    const cluster: Record<string, unknown> = {
      server: raw.server,
      'tls-server-name': raw['tls-server-name'],
      'insecure-skip-tls-verify': raw['insecure-skip-tls-verify'] === true ? true : undefined,
      'certificate-authority-data': caData,
      'proxy-url': raw['proxy-url'],
      'disable-compression': raw['disable-compression'] === true ? true : undefined,
      config: extensions.find(e => e?.name === EXEC_EXTENSION)?.extension
    }
    spec.cluster = Object.fromEntries(Object.entries(cluster).filter(([, value]) => value !== undefined))
  }
  return JSON.stringify({ apiVersion: config.apiVersion, kind: 'ExecCredential', spec })
}

/** Strings that look like credentials, and the known secrets, replaced before a plugin's stderr is shown. */
function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('***')
  return out
    .replace(/\b(bearer\s+)[^\s"']+/gi, '$1***')
    .replace(/\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, '***')
    .replace(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, '***')
}

/** Turns what the plugin printed into a credential, or says exactly what is wrong without quoting it. */
function parseCredential(stdout: string, config: PluginConfig, named: string): ExecCredential {
  const invalid = (what: string): ExecCredentialError =>
    new ExecCredentialError(
      `${named} ${what}; it must print an ExecCredential (${config.apiVersion}) on stdout.`
    )
  if (!stdout.trim()) throw invalid('exited 0 but printed nothing')
  let doc: unknown
  try {
    doc = JSON.parse(stdout)
  } catch {
    // JSON.parse quotes the text it failed on, which may hold a credential: say only how much there was.
    throw invalid(
      `printed something that is not JSON (${Buffer.byteLength(stdout)} bytes, not shown: it may hold a credential)`
    )
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw invalid('printed JSON that is not an object')
  const { kind, apiVersion, status } = doc as { kind?: unknown; apiVersion?: unknown; status?: unknown }
  if (kind !== 'ExecCredential') throw invalid(`printed kind ${shown(kind)}, not ExecCredential`)
  if (apiVersion !== config.apiVersion) {
    throw invalid(`printed apiVersion ${shown(apiVersion)}, but the kubeconfig asks for ${config.apiVersion}`)
  }
  if (typeof status !== 'object' || status === null)
    throw invalid('printed an ExecCredential without a status')
  const { token, clientCertificateData, clientKeyData, expirationTimestamp } = status as Record<
    string,
    unknown
  >
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value ? value : undefined
  const credential: ExecCredential = {
    token: text(token),
    clientCertificateData: text(clientCertificateData),
    clientKeyData: text(clientKeyData)
  }
  if (!credential.clientCertificateData !== !credential.clientKeyData) {
    throw invalid('returned a client certificate without its key, or a key without its certificate')
  }
  if (!credential.token && !credential.clientCertificateData) {
    throw invalid('returned neither status.token nor status.clientCertificateData and status.clientKeyData')
  }
  if (expirationTimestamp != null) {
    const expiresAt = typeof expirationTimestamp === 'string' ? Date.parse(expirationTimestamp) : NaN
    if (Number.isNaN(expiresAt))
      throw invalid('returned a status.expirationTimestamp that is not an RFC 3339 time')
    credential.expiresAt = expiresAt
  }
  return credential
}

/** Every string of a credential to mask: the values, and each line of a PEM (log lines are masked one by one). */
export function credentialSecrets(credential: ExecCredential): string[] {
  const values = [credential.token, credential.clientKeyData, credential.clientCertificateData].filter(
    (value): value is string => !!value && value.length >= 6
  )
  const lines = values.flatMap(value =>
    value.includes('\n')
      ? value
          .split(/\r?\n/)
          .map(line => line.trim())
          .filter(line => line.length >= 16 && !line.startsWith('-----'))
      : []
  )
  return [...new Set([...values, ...lines])]
}

/**
 * Runs the plugin once and returns its credential. Throws an ExecCredentialError that names the plugin and
 * the user: a timeout, a plugin that cannot start or exits non-zero (with its stderr, bounded and with
 * credentials removed), output that is not an ExecCredential of the configured apiVersion, interactiveMode
 * Always. What the plugin prints on stdout is never quoted.
 */
export async function runExecPlugin(
  source: ExecPluginSource,
  options: { timeoutMs: number; knownSecrets?: readonly string[] }
): Promise<ExecCredential> {
  const config = pluginConfig(source)
  const named = `the kubeconfig's exec credential plugin \`${config.command}\``
  const who = `(user ${source.user})`
  const env = { ...process.env, ...config.env, KUBERNETES_EXEC_INFO: execInfo(source, config) }
  const outcome = await runProcessGroup(config.path, config.args, env, options.timeoutMs)
  const known = [...(options.knownSecrets ?? [])]
  const said = (stderr: string): string => oneLine(redact(stderr, known), STDERR_SHOWN_CHARS)
  switch (outcome.kind) {
    case 'not-started': {
      const { code, message } = outcome.error
      if (code === 'ENOENT') {
        const where = config.path === config.command ? 'on PATH' : `at ${config.path}`
        throw new ExecCredentialError(
          `${named} was not found ${where} ${who}.${config.installHint ? ` ${config.installHint}` : ''}`
        )
      }
      if (code === 'EACCES') {
        throw new ExecCredentialError(
          `${named} cannot be run ${who}: permission denied (is ${config.path} executable?).`
        )
      }
      throw new ExecCredentialError(`${named} could not be started ${who}: ${message}.`)
    }
    case 'timed-out': {
      const stderr = said(outcome.stderr)
      throw new ExecCredentialError(
        `${named} did not answer within ${seconds(options.timeoutMs)} ${who} and was stopped. It must print its credential unattended (no login prompt, no browser): check that it can reach what it needs from here, or give it longer (execTimeoutMs).${stderr ? ` Its stderr: ${stderr}` : ''}`
      )
    }
    case 'too-much-output':
      throw new ExecCredentialError(
        `${named} printed more than ${MAX_STDOUT_BYTES / 2 ** 20} MiB ${who} and was stopped.`
      )
    case 'exited': {
      if (outcome.code !== 0) {
        // A credential it printed before failing must not reach the message through its stderr either.
        try {
          known.push(...credentialSecrets(parseCredential(outcome.stdout, config, named)))
        } catch {
          // Not a credential: nothing more to hide.
        }
        const stderr = said(outcome.stderr)
        const how = outcome.signal
          ? `was killed by ${outcome.signal}`
          : `failed with exit code ${outcome.code}`
        throw new ExecCredentialError(
          `${named} ${how} ${who}${stderr ? `: ${stderr}` : ', with nothing on stderr.'}`
        )
      }
      return parseCredential(outcome.stdout, config, `${named} ${who}`)
    }
  }
}

/**
 * The current user's credential from its exec plugin, for one run. From construction on, the user in the
 * KubeConfig has no `exec` (client-node would run it without a time limit); each credential obtained is put in
 * its place. The first failure is final: a plugin that hung once costs the run one timeout, not one per request.
 */
export class ExecCredentials {
  private readonly userIndex: number
  private readonly original: User
  private credential?: ExecCredential
  private failure?: Error
  private pending?: Promise<ExecCredential>
  private prepared = false
  /** Every secret the plugin has returned in this run. */
  readonly secrets: string[] = []

  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly source: ExecPluginSource,
    private readonly options: {
      timeoutMs: number
      /** The kubeconfig's own secrets, removed from the plugin's stderr before it is shown. */
      knownSecrets?: readonly string[]
      /** Called with the secrets of each credential obtained after `prepare()` (refreshes), before it is used. */
      onSecrets?: (secrets: string[]) => void
    }
  ) {
    const users = kubeConfig.getUsers()
    this.userIndex = users.findIndex(user => user.name === source.user)
    this.original = users[this.userIndex]
    this.install(undefined)
  }

  /** Obtains the first credential (its secrets are then in `secrets`); never throws: a failure waits for `current()`. */
  async prepare(): Promise<void> {
    await this.current().catch(() => undefined)
    this.prepared = true
  }

  /** A credential valid for at least a few seconds more, obtained again when needed (one plugin run at a time). */
  async current(): Promise<ExecCredential> {
    if (this.failure) throw this.failure
    const credential = this.credential
    if (
      credential &&
      (credential.expiresAt === undefined || Date.now() < credential.expiresAt - EXPIRY_MARGIN_MS)
    ) {
      return credential
    }
    this.pending ??= this.obtain().finally(() => (this.pending = undefined))
    return this.pending
  }

  private async obtain(): Promise<ExecCredential> {
    try {
      const credential = await runExecPlugin(this.source, {
        timeoutMs: this.options.timeoutMs,
        knownSecrets: [...(this.options.knownSecrets ?? []), ...this.secrets]
      })
      const fresh = credentialSecrets(credential).filter(secret => !this.secrets.includes(secret))
      this.secrets.push(...fresh)
      // Masked before anything can use (and so print) it.
      if (this.prepared && fresh.length) this.options.onSecrets?.(fresh)
      this.credential = credential
      this.install(credential)
      return credential
    } catch (error) {
      this.failure = error instanceof Error ? error : new ExecCredentialError(String(error))
      this.install(undefined)
      throw this.failure
    }
  }

  /** Puts the user back into the KubeConfig without its plugin, with the credential when there is one. */
  private install(credential: ExecCredential | undefined): void {
    const { exec: _exec, authProvider: _authProvider, ...user } = this.original
    const certificate = credential?.clientCertificateData
      ? {
          certData: Buffer.from(credential.clientCertificateData).toString('base64'),
          certFile: undefined,
          keyData: Buffer.from(credential.clientKeyData!).toString('base64'),
          keyFile: undefined
        }
      : {}
    this.kubeConfig.getUsers()[this.userIndex] = {
      ...user,
      token: credential?.token ?? user.token,
      ...certificate
    }
  }
}

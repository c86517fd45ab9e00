/**
 * Loads the KubeConfig: from content given as an input (raw YAML or base64, written 0600 to a temp file
 * that is removed afterwards), from a path, or client-node's defaults (KUBECONFIG, ~/.kube/config,
 * in-cluster). Also collects every secret in it so adapters can mask them, and what it takes to run the
 * current user's exec credential plugin (see exec-credential.ts).
 */
import type { KubeconfigSource } from '../core/options.js'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { delimiter, dirname, join, resolve } from 'node:path'
import { KubeConfig } from '@kubernetes/client-node'
import { UsageError, describeError } from '../core/errors.js'
import { decodeKubeconfig, parseKubeconfig, secretsIn, type RawKubeconfig } from './kubeconfig-text.js'
import type { ExecPluginSource } from './exec-credential.js'

/** How the caller named the kubeconfig. */
export type { KubeconfigSource }

export { decodeKubeconfig, kubeconfigSecrets } from './kubeconfig-text.js'

/** The kubeconfig files as parsed documents, with the directory each one's relative paths are resolved against. */
interface KubeconfigDocument {
  dir: string
  doc: RawKubeconfig | null
}

function readDocuments(files: string[]): KubeconfigDocument[] {
  return files.flatMap(file => {
    try {
      return [
        {
          dir: dirname(resolve(file)),
          doc: parseKubeconfig(readFileSync(file, 'utf8')) as RawKubeconfig | null
        }
      ]
    } catch {
      return [] // client-node read it; a YAML dialect difference must not stop the run here
    }
  })
}

/** The files client-node's loadFromDefault reads, in its order (the first to name a user or cluster wins). */
function defaultFiles(): string[] {
  if (process.env.KUBECONFIG) return process.env.KUBECONFIG.split(delimiter).filter(Boolean)
  const file = join(homedir(), '.kube', 'config')
  return existsSync(file) ? [file] : []
}

/** The current user's exec plugin with what running it needs, or undefined when it has none. */
function execPluginOf(kubeConfig: KubeConfig, documents: KubeconfigDocument[]): ExecPluginSource | undefined {
  const user = kubeConfig.getCurrentUser()
  // client-node also takes an exec stanza from an auth-provider's config; client-go knows only users[].user.exec.
  const exec = user?.exec ?? user?.authProvider?.config?.exec
  if (!user || !exec) return undefined
  const cluster = kubeConfig.getCurrentCluster()
  const userDocument = documents.find(d => d.doc?.users?.some(u => u?.name === user.name))
  const rawCluster = documents
    .map(d => d.doc?.clusters?.find(c => c?.name === cluster?.name)?.cluster)
    .find(Boolean)
  return {
    user: user.name,
    exec,
    baseDir: userDocument?.dir ?? process.cwd(),
    cluster: { ...rawCluster, server: cluster?.server },
    caFile: cluster?.caFile
  }
}

export interface LoadedKubeConfig {
  kubeConfig: KubeConfig
  /** Secrets found in the kubeconfig (the content given, or the files read), to mask. */
  secrets: string[]
  /** Where it came from, for messages (never the content). */
  origin: string
  /** The current user's exec credential plugin, when it has one: run by ExecCredentials, never by client-node. */
  exec?: ExecPluginSource
}

/** Loads and validates a KubeConfig; `context` switches the current context. */
export function loadKubeConfig(source: KubeconfigSource, context?: string): LoadedKubeConfig {
  const kubeConfig = new KubeConfig()
  let origin: string
  let documents: KubeconfigDocument[] = []
  try {
    if (source.kind === 'content') {
      const text = decodeKubeconfig(source.content)
      let doc: RawKubeconfig | null = null
      try {
        doc = parseKubeconfig(text) as RawKubeconfig | null
      } catch {
        // client-node reports it below, without quoting the content.
      }
      // There is no kubeconfig file: a relative plugin command is taken from the working directory.
      documents = [{ dir: process.cwd(), doc }]
      // Written 0600 and removed at once: client-node resolves relative paths and exec plugins from a file.
      const dir = mkdtempSync(join(tmpdir(), 'vapora-kubeconfig-'))
      try {
        const file = join(dir, 'config')
        writeFileSync(file, text, { mode: 0o600 })
        kubeConfig.loadFromFile(file)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
      origin = 'the kubeconfig input'
    } else if (source.kind === 'path') {
      if (!existsSync(source.path)) throw new UsageError(`kubeconfig: file "${source.path}" does not exist.`)
      kubeConfig.loadFromFile(source.path)
      origin = source.path
      documents = readDocuments([source.path])
    } else {
      kubeConfig.loadFromDefault()
      documents = readDocuments(defaultFiles())
      origin = process.env.KUBECONFIG ? `KUBECONFIG (${process.env.KUBECONFIG})` : 'the default kubeconfig'
    }
  } catch (error) {
    if (error instanceof UsageError) throw error
    // Only the first line: YAML errors go on to quote the file around the error, which may hold a token.
    throw new UsageError(
      `kubeconfig: cannot load it from ${source.kind === 'content' ? 'the kubeconfig input' : 'its file'} (${describeError(error).split('\n')[0]}).`
    )
  }
  if (context) {
    const names = kubeConfig.getContexts().map(c => c.name)
    if (!names.includes(context)) {
      throw new UsageError(
        `context: "${context}" is not in ${origin}; available: ${names.join(', ') || '(none)'}.`
      )
    }
    kubeConfig.setCurrentContext(context)
  }
  const cluster = kubeConfig.getCurrentCluster()
  if (!cluster || !cluster.server) {
    throw new UsageError(
      `kubeconfig: ${origin} has no current context with a cluster server. Set current-context or the context input.`
    )
  }
  const secrets = [...new Set(documents.flatMap(d => secretsIn(d.doc)))]
  return { kubeConfig, secrets, origin, exec: execPluginOf(kubeConfig, documents) }
}

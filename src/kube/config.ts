/**
 * Loads the KubeConfig: from content given as an input (raw YAML or base64, written 0600 to a temp file
 * that is removed afterwards), from a path, or client-node's defaults (KUBECONFIG, ~/.kube/config,
 * in-cluster). Also collects every secret in it so adapters can mask them.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { KubeConfig } from '@kubernetes/client-node'
import { parse } from 'yaml'
import { UsageError, describeError } from '../errors.js'

/** How the caller named the kubeconfig. */
export type KubeconfigSource =
  { kind: 'content'; content: string } | { kind: 'path'; path: string } | { kind: 'default' }

/** Decodes kubeconfig content given as raw YAML or base64; throws a UsageError that says what to pass. */
export function decodeKubeconfig(content: string): string {
  const trimmed = content.trim()
  const looksLikeYaml = (text: string): boolean => /(^|\n)\s*(clusters|apiVersion|contexts)\s*:/.test(text)
  if (looksLikeYaml(trimmed)) return trimmed
  if (/^[A-Za-z0-9+/=\s_-]+$/.test(trimmed)) {
    const decoded = Buffer.from(trimmed, 'base64').toString('utf8')
    if (looksLikeYaml(decoded)) return decoded
  }
  if (!trimmed.includes('\n') && existsSync(trimmed)) {
    throw new UsageError(
      'kubeconfig: this looks like a file path. Pass the file content (or its base64), not its path.'
    )
  }
  throw new UsageError(
    'kubeconfig: not a kubeconfig in YAML or base64 (no "clusters:" found). Pass the file content, e.g. ${{ secrets.KUBECONFIG }}.'
  )
}

/** Every value in a kubeconfig that must never be printed (tokens, keys, passwords, cert data). */
export function kubeconfigSecrets(yamlText: string): string[] {
  const secrets = new Set<string>()
  let doc: unknown
  try {
    doc = parse(yamlText)
  } catch {
    return []
  }
  const users = (doc as { users?: Array<{ user?: Record<string, unknown> }> } | null)?.users ?? []
  for (const entry of users) {
    for (const [key, value] of Object.entries(entry?.user ?? {})) {
      if (
        typeof value === 'string' &&
        /token|key|password|certificate-data|secret/i.test(key) &&
        value.length >= 6
      ) {
        secrets.add(value)
      }
    }
  }
  return [...secrets]
}

export interface LoadedKubeConfig {
  kubeConfig: KubeConfig
  /** Secrets found in the content we were given (to mask). */
  secrets: string[]
  /** Where it came from, for messages (never the content). */
  origin: string
}

/** Loads and validates a KubeConfig; `context` switches the current context. */
export function loadKubeConfig(source: KubeconfigSource, context?: string): LoadedKubeConfig {
  const kubeConfig = new KubeConfig()
  let secrets: string[] = []
  let origin: string
  try {
    if (source.kind === 'content') {
      const text = decodeKubeconfig(source.content)
      secrets = kubeconfigSecrets(text)
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
    } else {
      kubeConfig.loadFromDefault()
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
  return { kubeConfig, secrets, origin }
}

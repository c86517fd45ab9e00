/**
 * Kubeconfig content as text: decoded from raw YAML or base64, and the values in it that must never be
 * printed. Apart from config.ts (which loads client-node) so that the action can mask a kubeconfig before
 * anything heavy is loaded.
 */
import { existsSync } from 'node:fs'
import { parse } from 'yaml'
import { UsageError } from '../core/errors.js'

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

/**
 * Parses kubeconfig text. Warnings are not logged: yaml prints them to stderr quoting the file around the
 * problem (a map used as a key, say), which may hold a token, and before the adapter can mask it.
 */
export const parseKubeconfig = (text: string): unknown => parse(text, { logLevel: 'error' })

export interface RawKubeconfig {
  clusters?: Array<{ name?: unknown; cluster?: Record<string, unknown> } | null>
  users?: Array<{ name?: unknown; user?: Record<string, unknown> } | null>
}

const SECRET_NAME = /token|key|password|certificate-data|secret/i

export function secretsIn(doc: RawKubeconfig | null | undefined): string[] {
  const secrets = new Set<string>()
  const add = (value: unknown): void => {
    if (typeof value === 'string' && value.length >= 6) secrets.add(value)
  }
  for (const entry of Array.isArray(doc?.users) ? doc.users : []) {
    const user = entry?.user ?? {}
    for (const [key, value] of Object.entries(user)) if (SECRET_NAME.test(key)) add(value)
    // An exec plugin's env often carries one (AWS_SECRET_ACCESS_KEY, a vault token).
    const env = (user.exec as { env?: unknown } | undefined)?.env
    for (const variable of Array.isArray(env) ? env : []) {
      const { name, value } = (variable ?? {}) as { name?: unknown; value?: unknown }
      if (typeof name === 'string' && SECRET_NAME.test(name)) add(value)
    }
  }
  return [...secrets]
}

/** Every value in a kubeconfig that must never be printed (tokens, keys, passwords, cert data, exec env secrets). */
export function kubeconfigSecrets(yamlText: string): string[] {
  try {
    return secretsIn(parseKubeconfig(yamlText) as RawKubeconfig)
  } catch {
    return []
  }
}

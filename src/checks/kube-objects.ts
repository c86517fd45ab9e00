/** Reads Kubernetes objects out of parsed manifest files, reporting documents that are not objects. */
import type { ParsedFile } from '../bundle/parse.js'
import type { Finding } from '../types.js'
import { isMap } from './is-map.js'

export interface KubeObject {
  apiVersion: string
  kind: string
  name: string
  namespace?: string
  /** True for kinds that live outside namespaces (their metadata.namespace is ignored by the server). */
  clusterScoped: boolean
  file: string
  /** Line where the object's document starts. */
  line: number
  raw: Record<string, unknown>
}

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
])

/**
 * Every object in the file's documents (a `kind: List` contributes its items). Documents missing
 * apiVersion, kind or metadata.name become error findings instead of objects.
 */
export function kubeObjectsIn(parsed: ParsedFile): { objects: KubeObject[]; problems: Finding[] } {
  const objects: KubeObject[] = []
  const problems: Finding[] = []
  const visit = (value: unknown, line: number, label: string): void => {
    const problem = (message: string): void => {
      problems.push({ severity: 'error', file: parsed.file, line, message: `${label}: ${message}` })
    }
    if (!isMap(value)) return problem('is not a Kubernetes object (expected a mapping)')
    const { apiVersion, kind, metadata } = value
    if (kind === 'List' && Array.isArray(value.items)) {
      value.items.forEach((item, i) => visit(item, line, `${label} item ${i + 1}`))
      return
    }
    const missing = [
      typeof apiVersion === 'string' && apiVersion ? undefined : 'apiVersion',
      typeof kind === 'string' && kind ? undefined : 'kind',
      isMap(metadata) && typeof metadata.name === 'string' && metadata.name ? undefined : 'metadata.name'
    ].filter(Boolean)
    if (missing.length > 0) return problem(`missing ${missing.join(', ')}`)
    const meta = metadata as Record<string, unknown>
    const namespace = meta.namespace
    if (namespace !== undefined && typeof namespace !== 'string')
      return problem('metadata.namespace is not a string')
    objects.push({
      apiVersion: apiVersion as string,
      kind: kind as string,
      name: meta.name as string,
      namespace: namespace === '' ? undefined : (namespace as string | undefined),
      clusterScoped: CLUSTER_SCOPED.has(kind as string),
      file: parsed.file,
      line,
      raw: value
    })
  }
  for (const doc of parsed.documents) visit(doc.value, doc.line, `document ${doc.index + 1}`)
  return { objects, problems }
}

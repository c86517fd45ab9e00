/** Reads Kubernetes objects out of parsed manifest files, reporting documents that are not objects. */
import { positionOf, type ParsedFile } from '../bundle/parse.js'
import type { Finding } from '../core/types.js'
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
  /** Index of its document in the file (see `ParsedDocument.index`). */
  index: number
  /** Key path of the object inside its document: `[]`, or `['items', 2]` for an item of a `kind: List`. */
  path: Array<string | number>
  raw: Record<string, unknown>
}

/** A document that could not be read as an object: left out of everything that talks to the server. */
export interface Unusable extends Finding {
  /** `document 2`, `document 1 item 3`. */
  label: string
  /** What is missing or wrong, e.g. `missing metadata.name`. */
  problem: string
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
export function kubeObjectsIn(parsed: ParsedFile): { objects: KubeObject[]; problems: Unusable[] } {
  const objects: KubeObject[] = []
  const problems: Unusable[] = []
  const visit = (
    value: unknown,
    doc: { index: number; line: number },
    path: Array<string | number>,
    label: string
  ): void => {
    const problem = (text: string, at: Array<string | number> = []): void => {
      problems.push({
        severity: 'error',
        ...positionOf(parsed, [...path, ...at], doc),
        message: `${label}: ${text}`,
        label,
        problem: text
      })
    }
    if (!isMap(value)) return problem('is not a Kubernetes object (expected a mapping)')
    const { apiVersion, kind, metadata } = value
    if (kind === 'List' && Array.isArray(value.items)) {
      value.items.forEach((item, i) => visit(item, doc, [...path, 'items', i], `${label} item ${i + 1}`))
      return
    }
    const missing = [
      typeof apiVersion === 'string' && apiVersion ? undefined : 'apiVersion',
      typeof kind === 'string' && kind ? undefined : 'kind',
      isMap(metadata) && typeof metadata.name === 'string' && metadata.name ? undefined : 'metadata.name'
    ].filter(Boolean)
    if (missing.length > 0) {
      // generateName cannot go through a server-side apply (it needs a name): say why, not just "missing".
      const generated = isMap(metadata) && typeof metadata.generateName === 'string' && !metadata.name
      return problem(
        generated
          ? 'uses metadata.generateName; a server-side apply needs metadata.name (kubectl apply refuses it too)'
          : `missing ${missing.join(', ')}`,
        generated ? ['metadata', 'generateName'] : []
      )
    }
    const meta = metadata as Record<string, unknown>
    const namespace = meta.namespace
    if (namespace !== undefined && typeof namespace !== 'string')
      return problem('metadata.namespace is not a string', ['metadata', 'namespace'])
    objects.push({
      apiVersion: apiVersion as string,
      kind: kind as string,
      name: meta.name as string,
      namespace: namespace === '' ? undefined : (namespace as string | undefined),
      clusterScoped: CLUSTER_SCOPED.has(kind as string),
      file: parsed.file,
      line: doc.line,
      index: doc.index,
      path,
      raw: value
    })
  }
  for (const doc of parsed.documents) visit(doc.value, doc, [], `document ${doc.index + 1}`)
  return { objects, problems }
}

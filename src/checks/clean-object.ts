/** Strips server-managed fields so an object can be kept as a backup and re-applied as it was. */
import type { KubeObjectJson } from '../core/kube-object.js'

const SERVER_METADATA = [
  'managedFields',
  'resourceVersion',
  'uid',
  'creationTimestamp',
  'generation',
  'selfLink'
]
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

export function cleanObject(object: KubeObjectJson): KubeObjectJson {
  const { status: _status, ...rest } = object
  const metadata = { ...(object.metadata ?? {}) }
  for (const field of SERVER_METADATA) delete metadata[field]
  if (metadata.annotations) {
    const { [LAST_APPLIED]: _lastApplied, ...annotations } = metadata.annotations
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations
    else delete metadata.annotations
  }
  return { ...rest, metadata }
}

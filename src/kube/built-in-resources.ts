/**
 * Kinds every conformant API server serves, at the versions it serves them (core v1 and apps/v1, GA since
 * Kubernetes 1.9 and the only versions left since 1.16): their resource names and scope are facts of the
 * API, so a bundle of these kinds needs no discovery request. Any other apiVersion/kind (another version,
 * another group, a CRD) is looked up in discovery as the server describes it.
 */
import type { ApiResource } from '../core/check.js'

/** The verbs every one of these serves (Namespace has no deletecollection, so it is not listed). */
const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']

const resource = (kind: string, name: string, namespaced = true): ApiResource => ({
  name,
  namespaced,
  kind,
  verbs: VERBS
})

export const BUILT_IN_RESOURCES: Readonly<Record<string, readonly ApiResource[]>> = {
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
}

/** The built-in resource of `kind` in `apiVersion`, or undefined when discovery must say. */
export const builtInResource = (apiVersion: string, kind: string): ApiResource | undefined =>
  BUILT_IN_RESOURCES[apiVersion]?.find(r => r.kind === kind)

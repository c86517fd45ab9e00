/**
 * One run's view of the cluster: the few API calls the checks need, built on the client's three ways of
 * reading (get, paginated list, watch). Gets and the small lists are made at most once per run (memoised),
 * so checks running concurrently share them; lists that grow with the cluster are folded page by page.
 * Checks call these; they never build paths.
 */
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { UsageError, describeError } from '../core/errors.js'
import {
  DEFAULT_CLIENT_OPTIONS,
  KubeApiError,
  KubeClient,
  type ClientOptions,
  type KubeResponse
} from './client.js'
import { loadKubeConfig, type KubeconfigSource } from './config.js'
import { decodePodRequestsPage } from './protobuf.js'
import { builtInResource } from './built-in-resources.js'
import { ExecCredentials } from './exec-credential.js'
import type { KubeObjectJson } from '../core/kube-object.js'
import {
  isClusterScoped,
  listLabel,
  type ApiResource,
  type ClusterConnection,
  type ClusterReader,
  type DryRunOutcome,
  type Folded,
  type ListKind,
  type ListQuery,
  type ServerVersion
} from '../core/check.js'

export const FIELD_MANAGER = 'vapora-preflight'

/**
 * Pages of a pod list read for its requests only hold this many times the client's page (500: 2,000).
 * Decoded field by field, a pod costs ~2 KB of protobuf and a few small objects, so such a page is ~4 MB;
 * four times fewer round trips cut the API server's work per page (measured at 50,000 pods: ~3 s against
 * ~4.5 s for one list of every pod in pages of 500).
 */
const PROJECTED_PAGE_FACTOR = 4

const basePath = (apiVersion: string): string =>
  apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`

export class ClusterSession implements ClusterReader {
  private readonly memo = new Map<string, Promise<unknown>>()

  constructor(
    readonly client: KubeClient,
    readonly origin: string
  ) {}

  get server(): string {
    return this.client.serverUrl
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let promise = this.memo.get(key) as Promise<T> | undefined
    if (!promise) {
      promise = load()
      this.memo.set(key, promise)
    }
    return promise
  }

  /** One GET per path and run, whoever asks (a ConfigMap is both backed up and compared, by two checks). */
  private getOnce(path: string): Promise<KubeObjectJson | undefined> {
    return this.once(`get:${path}`, () => this.client.getOptional<KubeObjectJson>(path))
  }

  version(): Promise<ServerVersion> {
    return this.once('version', () => this.client.get<ServerVersion>('/version'))
  }

  /** The resources of one group/version (discovery), e.g. to map kind Deployment → `deployments`. */
  resources(apiVersion: string): Promise<ApiResource[]> {
    return this.once(`discovery:${apiVersion}`, async () => {
      const list = await this.client.getOptional<{ resources: ApiResource[] }>(basePath(apiVersion))
      return (list?.resources ?? []).filter(r => !r.name.includes('/'))
    })
  }

  /** A built-in kind's resource without asking (see built-in-resources.ts); any other from discovery. */
  async resourceFor(apiVersion: string, kind: string): Promise<ApiResource | undefined> {
    return builtInResource(apiVersion, kind) ?? (await this.resources(apiVersion)).find(r => r.kind === kind)
  }

  /** The API path of an object (collection path when `name` is omitted). */
  async pathFor(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name?: string
  ): Promise<string | undefined> {
    const resource = await this.resourceFor(apiVersion, kind)
    if (!resource) return undefined
    const ns = resource.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? 'default')}` : ''
    return `${basePath(apiVersion)}${ns}/${resource.name}${name ? `/${encodeURIComponent(name)}` : ''}`
  }

  namespace(name: string): Promise<KubeObjectJson | undefined> {
    return this.getOnce(`/api/v1/namespaces/${encodeURIComponent(name)}`)
  }

  /** The collection path of a list (every namespace when `namespace` is undefined). */
  private listPath(kind: ListKind, namespace?: string): string {
    const api = kind === 'deployments' || kind === 'replicasets' ? '/apis/apps/v1' : '/api/v1'
    const ns = !isClusterScoped(kind) && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : ''
    return `${api}${ns}/${kind}`
  }

  async fold<T>(
    query: ListQuery,
    start: () => T,
    step: (value: T, object: KubeObjectJson) => T
  ): Promise<Folded<T>> {
    const list = listLabel(query)
    const { value, pages, items, restarts } = await this.client.fold<KubeObjectJson, T>(
      this.listPath(query.kind, query.namespace),
      { fieldSelector: query.fieldSelector },
      start,
      step,
      query.kind === 'pods' && query.only === 'requests'
        ? {
            label: list,
            protobuf: decodePodRequestsPage,
            pageSize: this.client.pageSize * PROJECTED_PAGE_FACTOR
          }
        : { label: list }
    )
    return { value, read: { list, pages, items, restarts } }
  }

  /**
   * A whole list of one namespace (or of metrics.k8s.io), paged like any other: what rollout history,
   * availability and verify mode cross-reference (ReplicaSets by owner, pods by ReplicaSet) must be held.
   */
  private async collect(path: string): Promise<KubeObjectJson[]> {
    const push = (all: KubeObjectJson[], object: KubeObjectJson) => (all.push(object), all)
    return (await this.client.fold<KubeObjectJson, KubeObjectJson[]>(path, {}, () => [], push)).value
  }

  deployments(namespace: string): Promise<KubeObjectJson[]> {
    return this.once(`deployments:${namespace}`, () => this.collect(this.listPath('deployments', namespace)))
  }

  replicaSets(namespace: string): Promise<KubeObjectJson[]> {
    return this.once(`replicasets:${namespace}`, () => this.collect(this.listPath('replicasets', namespace)))
  }

  configMap(namespace: string, name: string): Promise<KubeObjectJson | undefined> {
    return this.getOnce(
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/configmaps/${encodeURIComponent(name)}`
    )
  }

  /** Node metrics from metrics.k8s.io, or undefined when no metrics server serves them. */
  nodeMetrics(): Promise<KubeObjectJson[] | undefined> {
    return this.once('node-metrics', async () => {
      try {
        return await this.collect('/apis/metrics.k8s.io/v1beta1/nodes')
      } catch (error) {
        if (error instanceof KubeApiError && (error.status === 404 || error.status === 503)) return undefined
        throw error
      }
    })
  }

  /** The live object a manifest document would change, or undefined when it does not exist yet. */
  async live(doc: KubeObjectJson, namespace: string): Promise<KubeObjectJson | undefined> {
    const path = await this.pathFor(doc.apiVersion!, doc.kind!, namespace, doc.metadata!.name)
    return path ? this.getOnce(path) : undefined
  }

  /**
   * Server-side apply with dryRun=All and strict field validation: the server validates and defaults the
   * object exactly as a real apply would, and stores nothing. The raw document is sent, unknown fields and all.
   */
  dryRunApply(doc: KubeObjectJson, namespace: string): Promise<DryRunOutcome> {
    const key = `dry-run:${doc.apiVersion}/${doc.kind}/${namespace}/${doc.metadata?.name}`
    return this.once(key, async () => {
      const path = await this.pathFor(doc.apiVersion!, doc.kind!, namespace, doc.metadata!.name)
      if (!path) {
        return {
          ok: false,
          sent: false,
          message: `the server does not serve ${doc.kind} in ${doc.apiVersion} (is the API version or CRD right?)`,
          warnings: []
        }
      }
      const resource = (await this.resourceFor(doc.apiVersion!, doc.kind!))!
      const body = resource.namespaced ? { ...doc, metadata: { ...doc.metadata, namespace } } : doc
      const given = doc.metadata?.namespace || undefined
      const namespaceSet =
        resource.namespaced && given !== namespace ? { from: given, to: namespace } : undefined
      try {
        const response: KubeResponse<KubeObjectJson> = await this.client.request<KubeObjectJson>({
          method: 'PATCH',
          path,
          query: { dryRun: 'All', fieldManager: FIELD_MANAGER, fieldValidation: 'Strict', force: true },
          body,
          contentType: 'application/apply-patch+yaml'
        })
        return {
          ok: true,
          sent: true,
          namespaceSet,
          status: response.status,
          result: response.body,
          warnings: response.warnings
        }
      } catch (error) {
        if (error instanceof KubeApiError && !error.unreachable) {
          return {
            ok: false,
            sent: true,
            namespaceSet,
            status: error.status,
            message: error.message,
            reason: error.kubeStatus?.reason,
            warnings: []
          }
        }
        throw error
      }
    })
  }

  /** Asks the server whether the current user may do `verb` on a resource (SelfSubjectAccessReview). */
  canI(attributes: {
    verb: string
    group: string
    resource: string
    namespace?: string
  }): Promise<{ allowed: boolean; reason?: string }> {
    const key = `can-i:${attributes.verb}:${attributes.group}/${attributes.resource}:${attributes.namespace ?? ''}`
    return this.once(key, async () => {
      const response = await this.client.request<{ status?: { allowed?: boolean; reason?: string } }>({
        method: 'POST',
        path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: attributes }
        }
      })
      return { allowed: response.body.status?.allowed === true, reason: response.body.status?.reason }
    })
  }

  /** Reads of things that move during a rollout: never the memo. */
  fresh(kind: 'deployments' | 'replicasets' | 'pods', namespace: string): Promise<KubeObjectJson[]> {
    return this.collect(this.listPath(kind, namespace))
  }

  watchDeployments(
    namespace: string,
    isDone: (deployments: KubeObjectJson[]) => boolean,
    deadline: number
  ): Promise<{ done: boolean; objects: KubeObjectJson[] }> {
    return this.client.watchUntil<KubeObjectJson>(this.listPath('deployments', namespace), isDone, deadline)
  }

  close(): void {
    this.client.close()
  }
}

/** True when client-node's defaults would find nothing and fall back to a made-up localhost cluster. */
function noDefaultKubeconfig(): boolean {
  return (
    !process.env.KUBECONFIG &&
    !existsSync(join(homedir(), '.kube', 'config')) &&
    !process.env.KUBERNETES_SERVICE_HOST
  )
}

export type OpenedCluster = ClusterConnection

/**
 * Loads the kubeconfig and builds a session; never contacts the server (the checks do). When the current
 * user has an exec credential plugin, it runs here (within `clientOptions.execTimeoutMs`), so that its
 * credential is among `secrets` before anything is logged; if it fails, the session's first request (the
 * cluster-access check) reports why. Credentials it gives later in the run go to `clientOptions.onSecrets`.
 */
export async function openCluster(
  source: KubeconfigSource,
  context: string | undefined,
  clientOptions: Partial<ClientOptions> = {}
): Promise<OpenedCluster> {
  if (source.kind === 'default' && noDefaultKubeconfig()) {
    return {
      ok: false,
      reason: 'not-configured',
      message: 'no kubeconfig (KUBECONFIG is not set, ~/.kube/config does not exist, not in a pod)'
    }
  }
  try {
    const loaded = loadKubeConfig(source, context)
    const credentials = loaded.exec
      ? new ExecCredentials(loaded.kubeConfig, loaded.exec, {
          timeoutMs: clientOptions.execTimeoutMs ?? DEFAULT_CLIENT_OPTIONS.execTimeoutMs,
          knownSecrets: loaded.secrets,
          onSecrets: clientOptions.onSecrets
        })
      : undefined
    const client = await KubeClient.create(loaded.kubeConfig, clientOptions, credentials)
    const session = new ClusterSession(client, loaded.origin)
    return {
      ok: true,
      reader: session,
      secrets: [...loaded.secrets, ...(credentials?.secrets ?? [])],
      lost: () => client.lost,
      close: () => session.close()
    }
  } catch (error) {
    // A kubeconfig the user gave that cannot be used is an input error: say so, do not report a cluster state.
    if (error instanceof UsageError) throw error
    return { ok: false, reason: 'invalid', message: describeError(error) }
  }
}

/**
 * An in-memory ClusterReader: a test double of our own interface (src/core/check.ts), so that every
 * cluster check's logic runs in milliseconds without a cluster. It holds Kubernetes objects as the API
 * returns them (plain JSON), answers discovery for the built-in kinds, dry-runs as the server would for
 * the cases the checks care about, and fails on demand the way a ClusterError does. It is not a fake
 * Kubernetes: nothing reconciles. A test writes the state it wants (the builders below make realistic
 * objects) and changes it with `update` — also while a watch waits. The real-cluster integration tests
 * stay the ground truth for what the server does.
 *
 * Unlike the session, reads are not memoised: every read sees the current state. Folds page as the
 * session does (`withPageSize` makes pages small; `expireContinue` makes a fold start again, as on a
 * 410 Gone) and apply field selectors as the server does.
 */
import { createHash, randomUUID } from 'node:crypto'
import { acquireBundle } from '../src/bundle/acquire.js'
import { CHANGE_CAUSE_ANNOTATION, REVISION_ANNOTATION } from '../src/checks/rollout.js'
import {
  listLabel,
  type ApiResource,
  type Check,
  type CheckContext,
  type ClusterConnection,
  type ClusterError,
  type ClusterReader,
  type DryRunOutcome,
  type Folded,
  type ListKind,
  type ListQuery,
  type ListRead,
  type ServerVersion
} from '../src/core/check.js'
import { DEFAULT_CLIENT_OPTIONS } from '../src/kube/client.js'
import type { KubeObjectJson } from '../src/core/kube-object.js'
import { readData, type DataKey } from '../src/core/check-data.js'
import { resolveOptions, type PreflightInput } from '../src/core/options.js'
import type { CheckOutcome } from '../src/core/types.js'
import { bundleWith, EXAMPLE_BUNDLE } from './fixtures.js'

export const NAMESPACE = 'vapora'
export const SERVER = 'https://203.0.113.10:6443'
/** Who the canI answers are about, as a Forbidden message names them. */
export const DEPLOYER = 'system:serviceaccount:ci:deployer'

/** The reader's calls, by method name (what `calls` records and `failNext` fails). */
export type ReaderMethod = Exclude<keyof ClusterReader, 'server' | 'origin'>
/** What a fault can be planned for: a method, or the folds of one kind only (`fold:pods`). */
export type FaultTarget = ReaderMethod | `fold:${ListKind}`

/** The object kind each list holds. */
const LIST_KINDS: Record<ListKind, string> = {
  nodes: 'Node',
  namespaces: 'Namespace',
  pods: 'Pod',
  events: 'Event',
  deployments: 'Deployment',
  replicasets: 'ReplicaSet'
}

/**
 * Whether `object` matches a field selector as the API server reads one: terms joined by commas, each
 * `path=value`, `path==value` or `path!=value`, a field the object lacks being ''.
 */
export function matchesFieldSelector(object: KubeObjectJson, selector: string | undefined): boolean {
  if (!selector) return true
  return selector.split(',').every(term => {
    const match = /^([^!=]+)(!=|==|=)(.*)$/.exec(term)
    if (!match) throw new Error(`InMemoryCluster: cannot read the field selector term "${term}"`)
    const [, path, operator, wanted] = match
    let value: unknown = object
    for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key]
    const actual = value === undefined || value === null ? '' : String(value)
    return operator === '!=' ? actual !== wanted : actual === wanted
  })
}

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
/** Discovery as a v1.35 API server answers it, for the groups a deployment bundle uses: [name, kind, namespaced]. */
const DISCOVERY: Record<string, ApiResource[]> = Object.fromEntries(
  Object.entries({
    v1: [
      ['configmaps', 'ConfigMap', true],
      ['events', 'Event', true],
      ['namespaces', 'Namespace', false],
      ['nodes', 'Node', false],
      ['persistentvolumes', 'PersistentVolume', false],
      ['pods', 'Pod', true],
      ['secrets', 'Secret', true],
      ['services', 'Service', true]
    ],
    'apps/v1': [
      ['daemonsets', 'DaemonSet', true],
      ['deployments', 'Deployment', true],
      ['replicasets', 'ReplicaSet', true],
      ['statefulsets', 'StatefulSet', true]
    ],
    'rbac.authorization.k8s.io/v1': [
      ['clusterroles', 'ClusterRole', false],
      ['roles', 'Role', true]
    ]
  } satisfies Record<string, Array<[string, string, boolean]>>).map(([apiVersion, rows]) => [
    apiVersion,
    rows.map(([name, kind, namespaced]) => ({ name, kind, namespaced, verbs: VERBS }))
  ])
)

/** The engine's `openCluster` for a run over `cluster`: connected, nothing to mask, never lost. */
export const connectionTo = (cluster: ClusterReader) => async (): Promise<ClusterConnection> => ({
  ok: true,
  reader: cluster,
  secrets: [],
  lost: () => undefined,
  close: () => {}
})

/** What the server says when it refuses a dry-run (HTTP status, Status reason, message). */
export interface Rejection {
  status: number
  reason?: string
  message: string
}

interface Grant {
  verbs: string[]
  resource: string
  group: string
  /** Undefined: cluster-wide (a ClusterRoleBinding). */
  namespace?: string
}

const CLUSTER_SCOPED = new Set([
  'NodeMetrics',
  ...Object.values(DISCOVERY)
    .flat()
    .filter(r => !r.namespaced)
    .map(r => r.kind)
])

const keyOf = (kind: string, name: string, namespace?: string): string => `${kind}/${namespace ?? ''}/${name}`

export class InMemoryCluster implements ClusterReader {
  readonly server = SERVER
  readonly origin = 'memory'
  /** Every reader call, in order, with its arguments. */
  readonly calls: Array<{ method: ReaderMethod; args: unknown[] }> = []
  private serverVersion: ServerVersion = {
    major: '1',
    minor: '35',
    gitVersion: 'v1.35.2',
    platform: 'linux/amd64'
  }
  private readonly objects = new Map<string, KubeObjectJson>()
  private resourceVersion = 1000
  private metricsServer = true
  private readonly grants: Grant[] = []
  private readonly rejections = new Map<string, Rejection>()
  private readonly dryRunWarnings = new Map<string, string[]>()
  private readonly faults = new Map<FaultTarget, { next: Error[]; always?: Error }>()
  private pageSize = DEFAULT_CLIENT_OPTIONS.pageSize
  private expiring = false
  private readonly watches = new Set<() => void>()
  private watchStarted: Array<() => void> = []

  constructor(...objects: KubeObjectJson[]) {
    this.add(...objects)
  }

  // ——— the state a test writes ———

  /** Stores copies of `objects` (replacing one of the same kind, namespace and name), as a write would. */
  add(...objects: KubeObjectJson[]): this {
    for (const object of objects) {
      const copy = structuredClone(object)
      copy.metadata = {
        uid: randomUUID(),
        creationTimestamp: new Date().toISOString(),
        ...copy.metadata,
        resourceVersion: String(++this.resourceVersion)
      }
      this.objects.set(keyOf(copy.kind!, copy.metadata.name!, copy.metadata.namespace), copy)
    }
    this.changed()
    return this
  }

  /** Changes a stored object in place (a controller's or a person's write); a waiting watch sees it. */
  update(kind: string, name: string, change: (object: KubeObjectJson) => void, namespace = NAMESPACE): this {
    const key = keyOf(kind, name, CLUSTER_SCOPED.has(kind) ? undefined : namespace)
    const object = this.objects.get(key)
    if (!object) throw new Error(`InMemoryCluster.update: no ${key}`)
    change(object)
    object.metadata = { ...object.metadata, resourceVersion: String(++this.resourceVersion) }
    this.changed()
    return this
  }

  /** Deletes a stored object (a mistyped name throws, rather than leave the test testing nothing). */
  remove(kind: string, name: string, namespace = NAMESPACE): this {
    const key = keyOf(kind, name, CLUSTER_SCOPED.has(kind) ? undefined : namespace)
    if (!this.objects.delete(key)) throw new Error(`InMemoryCluster.remove: no ${key}`)
    this.changed()
    return this
  }

  /** The server's version, e.g. `v1.33.4` or `v1.35.0-eks-3025e55`. */
  setVersion(gitVersion: string): this {
    const [, major = '', minor = ''] = /^v?(\d+)\.(\d+)/.exec(gitVersion) ?? []
    this.serverVersion = { major, minor, gitVersion, platform: 'linux/amd64' }
    return this
  }

  /** metrics.k8s.io is not served (no metrics-server): `nodeMetrics()` answers undefined. */
  withoutMetricsServer(): this {
    this.metricsServer = false
    return this
  }

  /** Grants `verbs` ('*' for all) on `resource` ('*' for all) of `group`, in `namespace` or cluster-wide. */
  allow(
    verbs: string | string[],
    resource: string,
    where: { group?: string; namespace?: string } = {}
  ): this {
    this.grants.push({
      verbs: [verbs].flat(),
      resource,
      group: where.group ?? '',
      namespace: where.namespace
    })
    return this
  }

  /** The dry-run of `kind`/`name` is refused by the server (admission, validation, immutable field…). */
  rejectDryRun(kind: string, name: string, rejection: Rejection): this {
    this.rejections.set(`${kind}/${name}`, rejection)
    return this
  }

  /** The dry-run of `kind`/`name` is accepted with these `Warning:` headers (deprecations, unknown fields…). */
  warnOnDryRun(kind: string, name: string, ...warnings: string[]): this {
    this.dryRunWarnings.set(`${kind}/${name}`, warnings)
    return this
  }

  /** The next call of `method` throws `error` (once; queue several by calling again). */
  failNext(method: FaultTarget, error: Error): this {
    this.faultsOf(method).next.push(error)
    return this
  }

  /** Every call of `method` from now on throws `error` (a server gone away, a permission missing). */
  failAlways(method: FaultTarget, error: Error): this {
    this.faultsOf(method).always = error
    return this
  }

  /** Lists are sent in pages of `size` objects (the session's default page size otherwise). */
  withPageSize(size: number): this {
    this.pageSize = size
    return this
  }

  /**
   * The next fold that needs a second page finds its continue token expired after the first page, and
   * starts again from the start, as the session does once on a 410 Gone. (A fold that keeps expiring is
   * an error: plan it with `failNext('fold:…')`.)
   */
  expireContinue(): this {
    this.expiring = true
    return this
  }

  /** The queries of the folds made so far, of one kind or of all. */
  folds(kind?: ListKind): ListQuery[] {
    return this.callsOf('fold')
      .map(call => call.args[0] as ListQuery)
      .filter(query => kind === undefined || query.kind === kind)
  }

  /** Resolves once a `watchDeployments` call is waiting for a change (its first look was not done). */
  whenWatching(): Promise<void> {
    if (this.watches.size > 0) return Promise.resolve()
    return new Promise(resolve => this.watchStarted.push(resolve))
  }

  /** The calls of `method`, in order. */
  callsOf(method: ReaderMethod): Array<{ method: ReaderMethod; args: unknown[] }> {
    return this.calls.filter(call => call.method === method)
  }

  // ——— ClusterReader ———

  async version(): Promise<ServerVersion> {
    this.enter('version', [])
    return { ...this.serverVersion }
  }

  async resourceFor(apiVersion: string, kind: string): Promise<ApiResource | undefined> {
    this.enter('resourceFor', [apiVersion, kind])
    return this.discover(apiVersion, kind)
  }

  async namespace(name: string): Promise<KubeObjectJson | undefined> {
    this.enter('namespace', [name])
    return this.read('Namespace', name)
  }

  /**
   * Pages of `pageSize` objects, in the order they were added (the server's name order is not modelled:
   * no check may depend on an order).
   */
  async fold<T>(
    query: ListQuery,
    start: () => T,
    step: (value: T, object: KubeObjectJson) => T
  ): Promise<Folded<T>> {
    this.enter('fold', [query], `fold:${query.kind}`)
    const listed =
      query.kind === 'namespaces' ? this.namespaces() : this.list(LIST_KINDS[query.kind], query.namespace)
    const matching = listed.filter(o => matchesFieldSelector(o, query.fieldSelector))
    const pageCount = Math.max(1, Math.ceil(matching.length / this.pageSize))
    let pages = 0
    let items = 0
    let restarts = 0
    let value = start()
    for (let page = 0; page < pageCount; page++) {
      if (page === 1 && this.expiring) {
        this.expiring = false
        restarts++
        value = start()
        page = 0
      }
      const objects = matching.slice(page * this.pageSize, (page + 1) * this.pageSize)
      for (const object of objects) value = step(value, object)
      pages++
      items += objects.length
    }
    return { value, read: { list: listLabel(query), pages, items, restarts } }
  }

  async nodeMetrics(): Promise<KubeObjectJson[] | undefined> {
    this.enter('nodeMetrics', [])
    return this.metricsServer ? this.list('NodeMetrics') : undefined
  }

  async deployments(namespace: string): Promise<KubeObjectJson[]> {
    this.enter('deployments', [namespace])
    return this.list('Deployment', namespace)
  }

  async replicaSets(namespace: string): Promise<KubeObjectJson[]> {
    this.enter('replicaSets', [namespace])
    return this.list('ReplicaSet', namespace)
  }

  async configMap(namespace: string, name: string): Promise<KubeObjectJson | undefined> {
    this.enter('configMap', [namespace, name])
    return this.read('ConfigMap', name, namespace)
  }

  async live(doc: KubeObjectJson, namespace: string): Promise<KubeObjectJson | undefined> {
    this.enter('live', [doc, namespace])
    const served = this.discover(doc.apiVersion ?? '', doc.kind ?? '')
    if (!served) return undefined
    return this.read(doc.kind!, doc.metadata!.name!, served.namespaced ? namespace : undefined)
  }

  /**
   * As a server-side apply with dryRun=All answers: a kind not served is not sent; a namespaced object is
   * sent in `namespace` (and refused when that namespace does not exist); the result is the document as
   * sent. The server's defaulting and field merging are not modelled.
   */
  async dryRunApply(doc: KubeObjectJson, namespace: string): Promise<DryRunOutcome> {
    this.enter('dryRunApply', [doc, namespace])
    const served = this.discover(doc.apiVersion ?? '', doc.kind ?? '')
    if (!served) {
      return {
        ok: false,
        sent: false,
        message: `the server does not serve ${doc.kind} in ${doc.apiVersion} (is the API version or CRD right?)`,
        warnings: []
      }
    }
    const given = doc.metadata?.namespace || undefined
    const namespaceSet = served.namespaced && given !== namespace ? { from: given, to: namespace } : undefined
    const label = `${doc.kind}/${doc.metadata?.name}`
    const rejection = this.rejections.get(label)
    if (rejection) return { ok: false, sent: true, namespaceSet, ...rejection, warnings: [] }
    if (served.namespaced && !this.objects.has(keyOf('Namespace', namespace))) {
      const message = `namespaces "${namespace}" not found`
      return { ok: false, sent: true, namespaceSet, status: 404, reason: 'NotFound', message, warnings: [] }
    }
    const result = structuredClone(doc)
    if (served.namespaced) result.metadata = { ...result.metadata, namespace }
    const exists = this.objects.has(
      keyOf(doc.kind!, doc.metadata!.name!, served.namespaced ? namespace : undefined)
    )
    return {
      ok: true,
      sent: true,
      namespaceSet,
      status: exists ? 200 : 201,
      result,
      warnings: this.dryRunWarnings.get(label) ?? []
    }
  }

  async canI(attributes: {
    verb: string
    group: string
    resource: string
    namespace?: string
  }): Promise<{ allowed: boolean; reason?: string }> {
    this.enter('canI', [attributes])
    const grant = this.grants.find(
      g =>
        (g.verbs.includes('*') || g.verbs.includes(attributes.verb)) &&
        (g.resource === '*' || g.resource === attributes.resource) &&
        (g.group === '*' || g.group === attributes.group) &&
        (g.namespace === undefined || g.namespace === attributes.namespace)
    )
    return grant
      ? {
          allowed: true,
          reason: `RBAC: allowed by ${grant.namespace ? 'RoleBinding' : 'ClusterRoleBinding'}`
        }
      : { allowed: false }
  }

  async fresh(kind: 'deployments' | 'replicasets' | 'pods', namespace: string): Promise<KubeObjectJson[]> {
    this.enter('fresh', [kind, namespace])
    return this.list(LIST_KINDS[kind], namespace)
  }

  /** Looks at the Deployments now, then at every later change, until `isDone` holds or `deadline` passes. */
  async watchDeployments(
    namespace: string,
    isDone: (deployments: KubeObjectJson[]) => boolean,
    deadline: number
  ): Promise<{ done: boolean; objects: KubeObjectJson[] }> {
    this.enter('watchDeployments', [namespace, deadline])
    let objects = this.list('Deployment', namespace)
    if (isDone(objects)) return { done: true, objects }
    return new Promise(resolve => {
      const finish = (done: boolean): void => {
        clearTimeout(timer)
        this.watches.delete(look)
        resolve({ done, objects })
      }
      const look = (): void => {
        objects = this.list('Deployment', namespace)
        if (isDone(objects)) finish(true)
      }
      const timer = setTimeout(() => finish(false), Math.max(0, deadline - Date.now()))
      this.watches.add(look)
      for (const resolveWaiter of this.watchStarted.splice(0)) resolveWaiter()
    })
  }

  // ——— inside ———

  private faultsOf(target: FaultTarget): { next: Error[]; always?: Error } {
    let faults = this.faults.get(target)
    if (!faults) this.faults.set(target, (faults = { next: [] }))
    return faults
  }

  /** Records a call and throws the fault planned for it (for `narrower` first, then the method), if any. */
  private enter(method: ReaderMethod, args: unknown[], narrower?: FaultTarget): void {
    this.calls.push({ method, args })
    for (const target of narrower ? [narrower, method] : [method]) {
      const faults = this.faults.get(target)
      const fault = faults?.next.shift() ?? faults?.always
      if (fault) throw fault
    }
  }

  private discover(apiVersion: string, kind: string): ApiResource | undefined {
    return DISCOVERY[apiVersion]?.find(r => r.kind === kind)
  }

  private read(kind: string, name: string, namespace?: string): KubeObjectJson | undefined {
    const object = this.objects.get(keyOf(kind, name, namespace))
    return object && structuredClone(object)
  }

  /**
   * The Namespaces added, and those the objects added are in: on a server an object's namespace exists,
   * and a fixture need not add it to be listed.
   */
  private namespaces(): KubeObjectJson[] {
    const added = this.list('Namespace')
    const names = new Set(added.map(ns => ns.metadata?.name))
    const implied = [...this.objects.values()]
      .map(o => o.metadata?.namespace)
      .filter((name): name is string => !!name && !names.has(name) && (names.add(name), true))
    return [...added, ...implied.map(name => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }))]
  }

  private list(kind: string, namespace?: string): KubeObjectJson[] {
    return [...this.objects.values()]
      .filter(o => o.kind === kind && (namespace === undefined || o.metadata?.namespace === namespace))
      .map(o => structuredClone(o))
  }

  private changed(): void {
    for (const look of [...this.watches]) look()
  }
}

/** What a fold of `items` objects in `pages` pages reports (`ListRead`), as checks put it in their data. */
export const listRead = (list: string, items: number, pages = 1, restarts = 0): ListRead => ({
  list,
  pages,
  items,
  restarts
})

// ——— errors, as a cluster reader throws them ———

/** The server did not answer (refused, reset, timed out): what the session throws after its retries. */
export function unreachable(
  message = `cannot reach the API server at ${SERVER}: ECONNREFUSED connect ECONNREFUSED 203.0.113.10:6443`
): ClusterError {
  return Object.assign(new Error(message), { unreachable: true })
}

/** The server answered with an error Status. */
export function apiError(status: number, reason: string, message: string): ClusterError {
  return Object.assign(new Error(message), { status, kubeStatus: { reason }, unreachable: false })
}

/** A 403 with the message an RBAC denial carries. */
export function forbidden(what: {
  verb: string
  resource: string
  name?: string
  namespace?: string
  group?: string
}): ClusterError {
  const object = what.name ? `${what.resource} "${what.name}"` : what.resource
  const where = what.namespace ? ` in the namespace "${what.namespace}"` : ' at the cluster scope'
  return apiError(
    403,
    'Forbidden',
    `${object} is forbidden: User "${DEPLOYER}" cannot ${what.verb} resource "${what.resource}" in API group "${what.group ?? ''}"${where}`
  )
}

// ——— builders: objects as the API returns them ———

const ago = (ms: number): string => new Date(Date.now() - ms).toISOString()
export const minutesAgo = (minutes: number): string => ago(minutes * 60_000)
const shortHash = (value: unknown, length = 10): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, length)

export function namespace(name = NAMESPACE, phase: 'Active' | 'Terminating' = 'Active'): KubeObjectJson {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase }
  }
}

type Pressure = 'MemoryPressure' | 'DiskPressure' | 'PIDPressure' | 'NetworkUnavailable'

/** A node with allocatable CPU and memory; Ready unless `notReady` says why not. */
export function node(
  name: string,
  options: {
    cpu?: string
    memory?: string
    notReady?: { reason: string; message: string }
    pressure?: Array<{ type: Pressure; message: string }>
    cordoned?: boolean
  } = {}
): KubeObjectJson {
  const { cpu = '4', memory = '16Gi' } = options
  const pressure = new Map((options.pressure ?? []).map(p => [p.type, p.message]))
  const condition = (type: Pressure) => ({
    type,
    status: pressure.has(type) ? 'True' : 'False',
    reason: pressure.has(type) ? `KubeletHas${type}` : `KubeletHasNo${type}`,
    message: pressure.get(type) ?? `kubelet has no ${type}`
  })
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
    spec: options.cordoned ? { unschedulable: true } : {},
    status: {
      capacity: { cpu, memory, pods: '110' },
      allocatable: { cpu, memory, pods: '110' },
      conditions: [
        condition('MemoryPressure'),
        condition('DiskPressure'),
        condition('PIDPressure'),
        options.notReady
          ? { type: 'Ready', status: 'Unknown', ...options.notReady }
          : {
              type: 'Ready',
              status: 'True',
              reason: 'KubeletReady',
              message: 'kubelet is posting ready status'
            }
      ],
      nodeInfo: { kubeletVersion: 'v1.35.2', architecture: 'amd64', operatingSystem: 'linux' }
    }
  }
}

/** A metrics.k8s.io NodeMetrics: usage as metrics-server reports it (CPU in nanocores, memory in Ki). */
export function nodeMetrics(name: string, usage: { cpu: string; memory: string }): KubeObjectJson {
  return {
    apiVersion: 'metrics.k8s.io/v1beta1',
    kind: 'NodeMetrics',
    metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    timestamp: ago(10_000),
    window: '20.05s',
    usage
  }
}

/** A live ConfigMap with the fields the server manages (kept out of a backup). */
export function configMap(name: string, data: Record<string, string>, ns = NAMESPACE): KubeObjectJson {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name,
      namespace: ns,
      labels: { 'app.kubernetes.io/part-of': 'vapora' },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ data, metadata: { name } }),
        'vapora.io/owner': 'platform-team'
      },
      managedFields: [
        { manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'v1', time: minutesAgo(600) }
      ]
    },
    data
  }
}

/** The controller reference a controller writes on what it creates. */
function ownerReference(kind: 'Deployment' | 'ReplicaSet', owner: KubeObjectJson) {
  const { name = '', uid = '' } = owner.metadata ?? {}
  return { apiVersion: 'apps/v1', kind, name, uid, controller: true, blockOwnerDeletion: true }
}

/** Container name → image, as a pod template declares them. */
export type Images = Record<string, string>

const REQUESTS = { cpu: '250m', memory: '256Mi' }

function podTemplate(app: string, images: Images): KubeObjectJson {
  return {
    metadata: { labels: { app, 'pod-template-hash': shortHash(images) } },
    spec: {
      containers: Object.entries(images).map(([name, image]) => ({
        name,
        image,
        resources: { requests: REQUESTS }
      }))
    }
  }
}

/**
 * A Deployment and the ReplicaSets the deployment controller leaves for it: one per pod template, named
 * by the template's hash, owned by the Deployment (controller reference), with the revision annotation.
 * `rollouts` lists the templates in the order they were rolled out (the last runs now); a template rolled
 * out again — `kubectl rollout undo` — moves its ReplicaSet to the new revision, as the controller does.
 * The status is that of a complete rollout unless `status` says otherwise.
 */
export function deployment(
  name: string,
  options: {
    rollouts: Images[]
    replicas?: number
    namespace?: string
    changeCauses?: Array<string | undefined>
    status?: Record<string, unknown>
  }
): {
  deployment: KubeObjectJson
  replicaSets: KubeObjectJson[]
  current: KubeObjectJson
  objects: KubeObjectJson[]
} {
  const { replicas = 1, namespace: ns = NAMESPACE } = options
  const uid = randomUUID()
  const owner = ownerReference('Deployment', { metadata: { name, uid } })
  const byTemplate = new Map<string, KubeObjectJson>()
  options.rollouts.forEach((images, i) => {
    const template = podTemplate(name, images)
    const rsName = `${name}-${template.metadata!.labels!['pod-template-hash']}`
    const earlier = byTemplate.get(rsName)?.metadata?.annotations?.[REVISION_ANNOTATION]
    const cause = options.changeCauses?.[i]
    byTemplate.delete(rsName)
    byTemplate.set(rsName, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: ns,
        uid: randomUUID(),
        labels: template.metadata!.labels,
        creationTimestamp: minutesAgo(60 * (options.rollouts.length - i)),
        annotations: {
          [REVISION_ANNOTATION]: String(i + 1),
          'deployment.kubernetes.io/desired-replicas': String(replicas),
          ...(earlier ? { 'deployment.kubernetes.io/revision-history': earlier } : {}),
          ...(cause ? { [CHANGE_CAUSE_ANNOTATION]: cause } : {})
        },
        ownerReferences: [owner]
      },
      spec: { replicas: 0, selector: { matchLabels: template.metadata!.labels }, template },
      status: { replicas: 0, observedGeneration: 1 }
    })
  })
  const replicaSets = [...byTemplate.values()]
  const current = replicaSets.at(-1)!
  current.spec.replicas = replicas
  current.status = { replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 }
  const generation = options.rollouts.length
  const deploymentObject: KubeObjectJson = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: ns,
      uid,
      generation,
      labels: { app: name },
      annotations: { [REVISION_ANNOTATION]: current.metadata!.annotations![REVISION_ANNOTATION] }
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: current.spec.template.spec },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }
    },
    status: {
      observedGeneration: generation,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.'
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${current.metadata!.name}" has successfully progressed.`
        }
      ],
      ...options.status
    }
  }
  return { deployment: deploymentObject, replicaSets, current, objects: [deploymentObject, ...replicaSets] }
}

export interface PodOptions {
  node?: string
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed'
  ready?: boolean
  restarts?: number
  /** When the last restart's container ended (default: a day ago). */
  lastRestartAt?: string
  /** A container waiting (CrashLoopBackOff, ImagePullBackOff…); not ready then. */
  waiting?: string
  /** False: the containers have not started yet (no containerStatuses). */
  started?: boolean
  /** Resource requests of each container. */
  requests?: { cpu: string; memory: string }
}

/** A pod of `replicaSet` (controller reference), its containers reporting image, image ID and restarts. */
export function pod(replicaSet: KubeObjectJson, index = 0, options: PodOptions = {}): KubeObjectJson {
  const { phase = 'Running', restarts = 0, node: nodeName = 'node-1', started = true } = options
  const ready = options.ready ?? (phase === 'Running' && !options.waiting)
  const rs = replicaSet.metadata!
  const containers: Array<{ name: string; image: string }> = replicaSet.spec.template.spec.containers
  const condition = (type: string, status: boolean) => ({ type, status: status ? 'True' : 'False' })
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${rs.name}-${shortHash([rs.name, index], 5)}`,
      namespace: rs.namespace,
      labels: rs.labels,
      ownerReferences: [ownerReference('ReplicaSet', replicaSet)]
    },
    spec: {
      nodeName,
      containers: containers.map(c => ({ ...c, resources: { requests: options.requests ?? REQUESTS } }))
    },
    status: {
      phase,
      conditions: [
        condition('Initialized', true),
        condition('Ready', ready),
        condition('ContainersReady', ready),
        condition('PodScheduled', true)
      ],
      ...(started
        ? {
            containerStatuses: containers.map(c => ({
              name: c.name,
              image: c.image,
              imageID: `${c.image.replace(/:[^:/]+$/, '')}@sha256:${shortHash(c.image, 64)}`,
              ready,
              started: !options.waiting,
              restartCount: restarts,
              state: options.waiting
                ? {
                    waiting: {
                      reason: options.waiting,
                      message: `back-off restarting failed container ${c.name}`
                    }
                  }
                : { running: { startedAt: minutesAgo(30) } },
              lastState:
                restarts > 0
                  ? {
                      terminated: {
                        exitCode: 1,
                        reason: 'Error',
                        startedAt: minutesAgo(24 * 60 + 5),
                        finishedAt: options.lastRestartAt ?? minutesAgo(24 * 60)
                      }
                    }
                  : {}
            }))
          }
        : {})
    }
  }
}

/** `count` Running and Ready pods of the ReplicaSet the Deployment runs now (default: its replicas). */
export function podsOf(
  built: { deployment: KubeObjectJson; current: KubeObjectJson },
  options: PodOptions & { count?: number } = {}
): KubeObjectJson[] {
  const count = options.count ?? built.deployment.spec.replicas
  return Array.from({ length: count }, (_, i) =>
    pod(built.current, i, { node: `node-${(i % 2) + 1}`, ...options })
  )
}

/** An event about `object`; `series` makes it the events.k8s.io kind (eventTime and series, no lastTimestamp). */
export function event(
  object: KubeObjectJson,
  what: {
    reason: string
    message: string
    type?: 'Normal' | 'Warning'
    count?: number
    at?: string
    series?: boolean
  }
): KubeObjectJson {
  const { type = 'Warning', count = 1, at = minutesAgo(5) } = what
  const meta = object.metadata!
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${meta.name}.${shortHash([meta.name, what.reason, at], 16)}`,
      namespace: meta.namespace ?? 'default'
    },
    involvedObject: { kind: object.kind, name: meta.name, namespace: meta.namespace, uid: meta.uid },
    type,
    reason: what.reason,
    message: what.message,
    source: { component: 'kubelet' },
    ...(what.series
      ? {
          eventTime: at,
          lastTimestamp: null,
          series: { count, lastObservedTime: at },
          reportingComponent: 'kubelet'
        }
      : { count, firstTimestamp: at, lastTimestamp: at })
  }
}

// ——— running a check against it ———

/** A check context over `cluster`: options as resolveOptions makes them, and the bundle at `bundlePath`. */
export function contextWith(
  cluster: ClusterReader | undefined,
  input: Partial<PreflightInput> = {}
): CheckContext {
  const options = resolveOptions({ bundlePath: EXAMPLE_BUNDLE, kubectlVersion: 'v1.35.0', ...input })
  const bundle = acquireBundle(options.bundlePath, options.expectedFiles, options.limits)
  return { options, bundle, cluster }
}

/** Runs `check` over `cluster` with the example bundle (or `input.bundlePath`) and the options `input` sets. */
export const runCheck = (
  check: Check,
  cluster: ClusterReader | undefined,
  input: Partial<PreflightInput> = {}
): Promise<CheckOutcome> => check.run(contextWith(cluster, input))

/** The data `outcome` carries, read as the engine and reports read it: by the key the check declares. */
export const dataOf = <T>(check: Check, outcome: CheckOutcome, key: DataKey<T>): T | undefined =>
  readData([{ id: check.id, data: outcome.data }], key)

/** The example bundle with a Namespace document (the target namespace) in front of configmap.yaml. */
export const NAMESPACE_DOC = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${NAMESPACE}\n---\n`
export const bundleCreatingNamespace = (): string =>
  bundleWith({ 'configmap.yaml': text => NAMESPACE_DOC + text })

/** The example bundle's Deployments: container → image at a tag, and their replicas. */
export const VAPORA_APPS = {
  'vapora-backend': { container: 'backend', replicas: 2 },
  'vapora-agents': { container: 'agents', replicas: 2 },
  'vapora-llm-router': { container: 'llm-router', replicas: 1 }
} as const
export type VaporaApp = keyof typeof VAPORA_APPS

export const vaporaImages = (app: VaporaApp, tag: string): Images => ({
  [VAPORA_APPS[app].container]: `ghcr.io/vapora-platform/${app}:${tag}`
})

/**
 * The example bundle's app, healthy: two Ready nodes with metrics, the namespace, the ConfigMap, the three
 * Deployments rolled out through `tags` (the last runs now) with their pods, a Normal event, and the
 * deployer allowed to apply ConfigMaps and Deployments in the namespace.
 */
export function vaporaCluster(tags: string[] = ['1.4.0', '1.4.1']): {
  cluster: InMemoryCluster
  apps: Record<VaporaApp, ReturnType<typeof deployment>>
} {
  const apps = Object.fromEntries(
    Object.entries(VAPORA_APPS).map(([app, { replicas }]) => [
      app,
      deployment(app, { replicas, rollouts: tags.map(tag => vaporaImages(app as VaporaApp, tag)) })
    ])
  ) as Record<VaporaApp, ReturnType<typeof deployment>>
  const pods = Object.values(apps).flatMap(built => podsOf(built))
  const cluster = new InMemoryCluster(
    node('node-1'),
    node('node-2'),
    nodeMetrics('node-1', { cpu: '1200000000n', memory: '4194304Ki' }),
    nodeMetrics('node-2', { cpu: '800000000n', memory: '3145728Ki' }),
    namespace(),
    configMap('vapora-config', { VAPORA_MODE: 'enterprise', RUST_LOG: 'info' }),
    ...Object.values(apps).flatMap(built => built.objects),
    ...pods,
    event(pods[0], { type: 'Normal', reason: 'Started', message: 'Started container backend' })
  )
  const apply = ['get', 'create', 'patch', 'update']
  cluster.allow(apply, 'configmaps', { namespace: NAMESPACE })
  cluster.allow(apply, 'deployments', { group: 'apps', namespace: NAMESPACE })
  return { cluster, apps }
}

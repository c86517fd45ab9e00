/**
 * The integration tests' handle on the real test cluster (test/cluster/, started by scripts/cluster-up.sh):
 * start it when absent, run the harness's kubectl, register kwok-run nodes, wait for rollouts that the
 * real controllers, scheduler and kwok carry out, and stop and start components for fault tests.
 * Pod lifecycles other than "Running and Ready" are chosen with a label (STAGE_LABEL) that selects one of
 * our kwok Stages; nothing here writes pod or node status by hand.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from './fixtures.js'

export const CLUSTER_DIR = join(REPO_ROOT, '.cluster')
export const ADMIN_KUBECONFIG = join(CLUSTER_DIR, 'kubeconfig')
export const LIMITED_KUBECONFIG = join(CLUSTER_DIR, 'kubeconfig-limited')
const BINARY = join(CLUSTER_DIR, 'bin', 'testcluster')

/** Starts the cluster unless it is running (the script is idempotent and takes a lock). */
export function ensureCluster(): void {
  const result = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'cluster-up.sh')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30 * 60 * 1000
  })
  if (result.status !== 0) {
    throw new Error(`npm run cluster:up failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`)
  }
  if (!existsSync(ADMIN_KUBECONFIG)) throw new Error('cluster:up did not write .cluster/kubeconfig')
}

/** Runs the harness's kubectl as admin (or with `kubeconfig`); throws with stderr on failure. */
export function kubectl(args: string[], options: { input?: string; kubeconfig?: string } = {}): string {
  try {
    return execFileSync(
      BINARY,
      ['kubectl', '--kubeconfig', options.kubeconfig ?? ADMIN_KUBECONFIG, ...args],
      {
        input: options.input,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: 60_000
      }
    )
  } catch (error) {
    const e = error as { stderr?: string; message: string }
    throw new Error(`kubectl ${args.join(' ')} failed: ${e.stderr || e.message}`)
  }
}

export function kubectlJson<T = Record<string, unknown>>(args: string[]): T {
  return JSON.parse(kubectl([...args, '-o', 'json'])) as T
}

export const apply = (manifest: string): string => kubectl(['apply', '-f', '-'], { input: manifest })

/** The PID of the running apiserver (to stop and continue it). */
export function apiserverPid(): number {
  return Number(readFileSync(join(CLUSTER_DIR, 'pids', 'apiserver.pid'), 'utf8').trim())
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false,
  timeoutMs = 60_000
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(250)
  }
}

/** The label that selects one of our kwok Stages (test/cluster/kwok/stages.yaml) for a pod or node. */
export const STAGE_LABEL = 'preflight.test/stage'
/** Pod lifecycles our Stages play instead of kwok's default (Running and Ready at once). */
export type PodStage = 'never-ready' | 'crashloop' | 'restarting' | 'image-pull-backoff'

export interface NodeOptions {
  /** `not-ready`: kwok runs the node but reports it NotReady (reason KubeletNotReady unless `reason`). */
  stage?: 'not-ready'
  reason?: string
  message?: string
  /** A pressure condition reported True alongside (only with `stage: 'not-ready'`). */
  pressure?: 'MemoryPressure' | 'DiskPressure' | 'PIDPressure'
  cpu?: string
  memory?: string
  /** false: metrics-server cannot scrape it (its kubelet answers 404 for /metrics/resource). */
  scrapeable?: boolean
}

interface NodeJson {
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }
  spec: { taints?: Array<{ key: string; effect: string }> }
  status?: { conditions?: Array<{ type: string; status: string }> }
}

/**
 * Registers a Node as a kubelet would (labels, capacity, its address and kubelet port) and hands it to
 * kwok, which runs it from then on: conditions, heartbeats (a Lease), the pods the scheduler binds to
 * it. Resolves when kwok has reported the node, and — for a Ready node — when the node lifecycle
 * controller has lifted the `not-ready` taint, so the scheduler can use it.
 */
export async function kwokNode(name: string, options: NodeOptions = {}): Promise<void> {
  const cpu = options.cpu ?? '8'
  const memory = options.memory ?? '32Gi'
  const annotations: Record<string, string> = {
    'kwok.x-k8s.io/node': 'fake',
    // metrics-server asks kwok for this node's /metrics/resource at this path (one port serves all nodes).
    'metrics.k8s.io/resource-metrics-path':
      options.scrapeable === false
        ? `/metrics/nodes/${name}/not-served`
        : `/metrics/nodes/${name}/metrics/resource`,
    ...(options.reason ? { 'preflight.test/reason': options.reason } : {}),
    ...(options.message ? { 'preflight.test/message': options.message } : {}),
    ...(options.pressure ? { 'preflight.test/pressure': options.pressure } : {})
  }
  const labels: Record<string, string> = {
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    type: 'kwok',
    ...(options.stage ? { [STAGE_LABEL]: options.stage } : {})
  }
  // The cluster outlives test runs: a node of an earlier run is kept if it is the same kind of node.
  const existing = kubectl(['get', 'node', name, '--ignore-not-found', '-o', 'json']).trim()
  const was = existing === '' ? undefined : (JSON.parse(existing) as NodeJson).metadata
  const same =
    was !== undefined &&
    (was.labels?.[STAGE_LABEL] ?? '') === (labels[STAGE_LABEL] ?? '') &&
    JSON.stringify(
      Object.entries(was.annotations ?? {})
        .filter(([k]) => k in annotations || k.startsWith('preflight.test/'))
        .sort()
    ) === JSON.stringify(Object.entries(annotations).sort())
  if (was !== undefined && !same) kubectl(['delete', 'node', name, '--wait=true'])
  if (!same) {
    // Created with its status, as a kubelet registers itself (the API server keeps status on create).
    kubectl(['create', '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name, labels, annotations },
        status: {
          capacity: { cpu, memory, pods: '110' },
          allocatable: { cpu, memory, pods: '110' },
          addresses: [
            { type: 'InternalIP', address: '127.0.0.1' },
            { type: 'Hostname', address: name }
          ],
          daemonEndpoints: { kubeletEndpoint: { Port: Number(clusterEnv('CLUSTER_KWOK_PORT')) } },
          nodeInfo: {
            kubeletVersion: clusterEnv('CLUSTER_K8S_VERSION'),
            kubeProxyVersion: '',
            operatingSystem: 'linux',
            architecture: 'amd64',
            containerRuntimeVersion: `kwok://${clusterEnv('CLUSTER_KWOK_VERSION')}`,
            kernelVersion: '',
            osImage: 'kwok',
            machineID: '',
            systemUUID: '',
            bootID: ''
          }
        }
      })
    })
  }
  const wantReady = options.stage !== 'not-ready'
  await waitFor(`kwok to run node ${name}${wantReady ? ' and its not-ready taint to be lifted' : ''}`, () => {
    const node = kubectlJson<NodeJson>(['get', 'node', name])
    const ready = node.status?.conditions?.find(c => c.type === 'Ready')?.status
    if (!wantReady) return ready === 'False'
    const tainted = (node.spec.taints ?? []).some(t => t.key === 'node.kubernetes.io/not-ready')
    return ready === 'True' && !tainted
  })
}

interface PodJson {
  metadata: {
    name: string
    namespace: string
    labels?: Record<string, string>
    deletionTimestamp?: string
    ownerReferences?: Array<{ name: string }>
  }
  spec: { nodeName?: string; containers: Array<{ name: string; image: string }> }
  status?: {
    phase?: string
    conditions?: Array<{ type: string; status: string }>
    containerStatuses?: Array<{ name: string; restartCount: number; state?: Record<string, unknown> }>
  }
}

export function pods(namespace: string): PodJson[] {
  return kubectlJson<{ items: PodJson[] }>(['get', 'pods', '-n', namespace]).items
}

interface DeploymentJson {
  metadata: { name: string; generation: number }
  spec: { replicas: number }
  status: {
    observedGeneration?: number
    updatedReplicas?: number
    availableReplicas?: number
    replicas?: number
  }
}

/** What `kubectl rollout status` waits for: the new ReplicaSet complete and available, no old pods left. */
export function rolledOut(d: DeploymentJson): boolean {
  return (
    d.status.observedGeneration === d.metadata.generation &&
    d.status.updatedReplicas === d.spec.replicas &&
    d.status.availableReplicas === d.spec.replicas &&
    d.status.replicas === d.spec.replicas
  )
}

/**
 * Resolves when every Deployment in `namespace` is rolled out. Nothing is staged: the deployment and
 * replicaset controllers create the pods, the scheduler binds them, kwok runs them (and deletes the old
 * ones once the controllers scale them down).
 */
export async function waitForRollouts(namespace: string, timeoutMs = 90_000): Promise<void> {
  await waitFor(
    `the Deployments in ${namespace} to be rolled out`,
    () =>
      kubectlJson<{ items: DeploymentJson[] }>(['get', 'deployments', '-n', namespace]).items.every(
        rolledOut
      ),
    timeoutMs
  )
}

/** A value of .cluster/env (written by cluster-up.sh). */
export function clusterEnv(key: string): string {
  const env = readFileSync(join(CLUSTER_DIR, 'env'), 'utf8')
  const value = new RegExp(`^${key}=(.*)$`, 'm').exec(env)?.[1]
  if (value === undefined)
    throw new Error(`.cluster/env has no ${key}: run npm run cluster:down and cluster:up`)
  return value
}

/** Node usage as metrics-server serves it through the aggregator (undefined until it has two scrapes). */
export function nodeMetrics(name: string): { cpu: string; memory: string } | undefined {
  try {
    const m = JSON.parse(kubectl(['get', '--raw', `/apis/metrics.k8s.io/v1beta1/nodes/${name}`])) as {
      usage: { cpu: string; memory: string }
    }
    return m.usage
  } catch {
    return undefined
  }
}

const componentPid = (component: string): number =>
  Number(readFileSync(join(CLUSTER_DIR, 'pids', `${component}.pid`), 'utf8').trim())

/**
 * Stops metrics-server (SIGTERM), runs `during`, and starts it again as it was, whatever `during` did.
 * Resolves once the restarted one answers /livez (its node metrics return after two scrapes, ~20 s).
 */
export async function withoutMetricsServer<T>(during: () => Promise<T>): Promise<T> {
  const pid = componentPid('metrics-server')
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
  process.kill(pid, 'SIGTERM')
  await waitFor('metrics-server to exit', () => !isAlive(pid), 15_000)
  try {
    return await during()
  } finally {
    const log = openSync(join(CLUSTER_DIR, 'logs', 'metrics-server.log'), 'a')
    const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: ['ignore', log, log] })
    child.unref()
    closeSync(log)
    writeFileSync(join(CLUSTER_DIR, 'pids', 'metrics-server.pid'), `${child.pid}\n`)
    const port = readFileSync(join(CLUSTER_DIR, 'metrics-server.port'), 'utf8').trim()
    const ca = join(CLUSTER_DIR, 'pki', 'ca.crt')
    await waitFor(
      'the restarted metrics-server to answer /livez',
      () =>
        spawnSync('curl', ['-fsS', '--max-time', '2', '--cacert', ca, `https://127.0.0.1:${port}/livez`])
          .status === 0,
      30_000
    )
  }
}

/** Alive and not a zombie (a killed child of ours stays in /proc as Z until it is reaped). */
function isAlive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))
  } catch {
    return false
  }
}

/** Whether the API server answers /readyz now (a short probe with the cluster's CA). */
export function apiserverReady(): boolean {
  const env = readFileSync(join(CLUSTER_DIR, 'env'), 'utf8')
  const server = /^CLUSTER_SERVER=(.*)$/m.exec(env)?.[1]
  const ca = join(CLUSTER_DIR, 'pki', 'ca.crt')
  if (!server) return false
  return spawnSync('curl', ['-fsS', '--max-time', '2', '--cacert', ca, `${server}/readyz`]).status === 0
}

/** The running API server's command line (to start it again the same way after a kill). */
export function apiserverArgv(): string[] {
  return readFileSync(`/proc/${apiserverPid()}/cmdline`, 'utf8').split('\0').filter(Boolean)
}

/** SIGKILL (no goodbye, as a crash or an OOM kill); resolves when the process is gone. */
export async function killApiserver(): Promise<void> {
  const pid = apiserverPid()
  process.kill(pid, 'SIGKILL')
  await waitFor('the killed API server to exit', () => !isAlive(pid), 10_000)
}

/** Starts the API server with `argv` (same certificates, port and etcd data); resolves once it is ready. */
export async function startApiserver(argv: readonly string[]): Promise<void> {
  const log = openSync(join(CLUSTER_DIR, 'logs', 'apiserver.log'), 'a')
  const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: ['ignore', log, log] })
  child.unref()
  closeSync(log)
  writeFileSync(join(CLUSTER_DIR, 'pids', 'apiserver.pid'), `${child.pid}\n`)
  await waitFor('the restarted API server to be ready', () => apiserverReady(), 60_000)
}

/** Kills the API server and starts it again as it was; resolves with how long it was away. */
export async function killAndRestartApiserver(): Promise<{ downMs: number }> {
  const argv = apiserverArgv()
  const started = Date.now()
  await killApiserver()
  await startApiserver(argv)
  return { downMs: Date.now() - started }
}

/** The embedded etcd's client URL, as the running apiserver logged it when it started. */
function etcdClientUrl(): string {
  const log = readFileSync(join(CLUSTER_DIR, 'logs', 'apiserver.log'), 'utf8')
  const url = [...log.matchAll(/^embedded etcd ready: client (http:\/\/127\.0\.0\.1:\d+),/gm)].at(-1)?.[1]
  if (!url) throw new Error('.cluster/logs/apiserver.log does not say where the embedded etcd listens')
  return url
}

/**
 * Makes etcd forget the revisions before `revision` (a compaction, as the API server runs one every 5 min),
 * so that a continue token pinned to an older revision is answered 410 Gone, on a young cluster too.
 * Harmless for a small revision: nothing reads that far back. A store compacted further already is fine.
 */
export async function compactEtcdBefore(revision: number): Promise<void> {
  const response = await fetch(`${etcdClientUrl()}/v3/kv/compaction`, {
    method: 'POST',
    body: JSON.stringify({ revision: String(revision), physical: true })
  })
  const body = await response.text()
  if (!response.ok && !/required revision has been compacted/.test(body))
    throw new Error(`compacting etcd before revision ${revision}: HTTP ${response.status} ${body}`)
}

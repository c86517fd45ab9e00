/**
 * The integration tests' handle on the real test cluster (test/cluster/, started by scripts/cluster-up.sh):
 * start it when absent, run the harness's kubectl, and stage situations a kubelet and scheduler would
 * produce — Ready nodes, bound Running/Ready pods, restarts — through the API's status subresources.
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

interface Condition {
  type: string
  status: string
  reason?: string
  message?: string
}

/** A Node with capacity, Ready (or not), as a kubelet would report it. */
export function stageNode(name: string, ready = true, extraConditions: Condition[] = []): void {
  apply(
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name } }
    })
  )
  // No kubelet: nothing else would remove the not-ready taint the API server adds to new nodes.
  try {
    kubectl(['taint', 'nodes', name, 'node.kubernetes.io/not-ready:NoSchedule-'])
  } catch {
    // Not tainted (any more): nothing to remove.
  }
  const now = new Date().toISOString()
  const status = {
    capacity: { cpu: '8', memory: '32Gi', pods: '110' },
    allocatable: { cpu: '8', memory: '32Gi', pods: '110' },
    conditions: [
      {
        type: 'Ready',
        status: ready ? 'True' : 'False',
        reason: ready ? 'KubeletReady' : 'KubeletNotReady',
        message: ready ? 'kubelet is posting ready status' : 'container runtime network not ready',
        lastHeartbeatTime: now,
        lastTransitionTime: now
      },
      ...extraConditions.map(c => ({ ...c, lastHeartbeatTime: now, lastTransitionTime: now }))
    ]
  }
  kubectl(['patch', 'node', name, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status })])
}

interface PodJson {
  metadata: {
    name: string
    namespace: string
    deletionTimestamp?: string
    ownerReferences?: Array<{ name: string }>
  }
  spec: { nodeName?: string; containers: Array<{ name: string; image: string }> }
  status?: { phase?: string; conditions?: Condition[] }
}

/** Marks a pod Running and Ready as a kubelet would, with the given restart count. */
export function stagePodRunning(pod: PodJson, restartCount = 0, lastRestartAt?: string): void {
  const now = new Date().toISOString()
  const conditions = ['Initialized', 'PodScheduled', 'ContainersReady', 'Ready'].map(type => ({
    type,
    status: 'True',
    lastTransitionTime: now
  }))
  const containerStatuses = pod.spec.containers.map(c => ({
    name: c.name,
    image: c.image,
    imageID: `${c.image}@sha256:${'0'.repeat(64)}`,
    containerID: `containerd://${pod.metadata.name}-${c.name}`,
    ready: true,
    started: true,
    restartCount,
    state: { running: { startedAt: now } },
    ...(lastRestartAt
      ? {
          lastState: {
            terminated: { exitCode: 1, reason: 'Error', startedAt: lastRestartAt, finishedAt: lastRestartAt }
          }
        }
      : {})
  }))
  kubectl([
    'patch',
    'pod',
    pod.metadata.name,
    '-n',
    pod.metadata.namespace,
    '--subresource=status',
    '--type=merge',
    '-p',
    JSON.stringify({
      status: { phase: 'Running', conditions, containerStatuses, podIP: '10.244.0.10', startTime: now }
    })
  ])
}

/** Binds a Pending pod to a node (what the scheduler would do). */
export function bindPod(pod: PodJson, node: string): void {
  // Bindings are created through the pod's binding subresource (kubectl apply cannot post them).
  const { name, namespace } = pod.metadata
  kubectl(['create', '--raw', `/api/v1/namespaces/${namespace}/pods/${name}/binding`, '-f', '-'], {
    input: JSON.stringify({
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name, namespace },
      target: { apiVersion: 'v1', kind: 'Node', name: node }
    })
  })
}

export function pods(namespace: string): PodJson[] {
  return kubectlJson<{ items: PodJson[] }>(['get', 'pods', '-n', namespace]).items
}

/**
 * Plays scheduler and kubelet until every Deployment in `namespace` is fully rolled out: pods of the
 * current ReplicaSets are bound and made Running/Ready; pods of old ones, stuck Terminating without a
 * kubelet, are removed.
 */
export async function settleDeployments(namespace: string, node: string): Promise<void> {
  await waitFor(
    `deployments in ${namespace} to be available`,
    () => {
      const deployments = kubectlJson<{
        items: Array<{
          metadata: { name: string; generation: number }
          spec: { replicas: number }
          status: {
            observedGeneration?: number
            updatedReplicas?: number
            availableReplicas?: number
            replicas?: number
          }
        }>
      }>(['get', 'deployments', '-n', namespace]).items
      for (const pod of pods(namespace)) {
        if (pod.metadata.deletionTimestamp) {
          kubectl([
            'delete',
            'pod',
            pod.metadata.name,
            '-n',
            namespace,
            '--grace-period=0',
            '--force',
            '--ignore-not-found'
          ])
          continue
        }
        if (!pod.spec.nodeName) bindPod(pod, node)
        const ready = pod.status?.conditions?.some(c => c.type === 'Ready' && c.status === 'True')
        if (!ready || !pod.spec.nodeName) stagePodRunning({ ...pod, spec: { ...pod.spec, nodeName: node } })
      }
      return deployments.every(
        d =>
          d.status.observedGeneration === d.metadata.generation &&
          d.status.updatedReplicas === d.spec.replicas &&
          d.status.availableReplicas === d.spec.replicas &&
          d.status.replicas === d.spec.replicas
      )
    },
    90_000
  )
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

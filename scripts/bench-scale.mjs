// npm run bench:scale — the full preflight on a big cluster, beside the same reads done by kubectl.
//
// Starts a cluster of its own (scripts/cluster-up.sh with its own state directory and ports: the test
// cluster in .cluster/ is never touched), fills it through the API with 1,000 kwok nodes, 50,000 pods
// outside the namespace, 500 pods and 10,000 Warning events in it, removes metrics-server (so node-capacity
// counts the requests of every pod: the costly case), then runs the preflight of examples/bundle
// (node dist/cli.js, built with npm run build) several times and `kubectl get pods -A` and
// `kubectl get events -n vapora` (the cluster's own kubectl, v1.36 like the server), printing medians,
// peak RSS, the pages the preflight read, and the ratios. Tears the cluster down at the end.
//
// Environment: BENCH_RUNS (preflight runs, default 5), BENCH_KUBECTL_RUNS (default 3), BENCH_SCALE
// (a factor on every count, e.g. 0.1 for a quick try), BENCH_CLUSTER_DIR (default $TMPDIR/vapora-bench-
// scale), BENCH_CLUSTER_PORT (preferred apiserver port, default 16443), BENCH_COMPARE_CLI (another
// build's dist/cli.js, measured beside this one: e.g. the commit before a change), BENCH_KEEP_CLUSTER=1
// (leave it running, filled, for a rerun with BENCH_REUSE=1).
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import https from 'node:https'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { median, seconds, timed } from './bench-lib.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const KUBECTL_RUNS = Number(process.env.BENCH_KUBECTL_RUNS ?? 3)
const SCALE = Number(process.env.BENCH_SCALE ?? 1)
const NODES = Math.round(1000 * SCALE)
const PODS_OUTSIDE = Math.round(50_000 * SCALE)
const PODS_INSIDE = Math.round(500 * SCALE)
const EVENTS = Math.round(10_000 * SCALE)
const NS = 'vapora'
/** Namespaces of the pods outside `vapora`, 1,000 pods each at full scale. */
const OUTSIDE_NAMESPACES = Math.max(1, Math.round(50 * SCALE))
/** Requests in flight while filling: enough to keep the API server busy on 2 cores. */
const CONCURRENCY = 32
const STATE = resolve(process.env.BENCH_CLUSTER_DIR ?? join(tmpdir(), 'vapora-bench-scale'))
const PORT = process.env.BENCH_CLUSTER_PORT ?? '16443'
const COMPARE = process.env.BENCH_COMPARE_CLI
const REUSE = process.env.BENCH_REUSE === '1'
const KEEP = process.env.BENCH_KEEP_CLUSTER === '1'
const TARGET = { ms: 5000, mb: 250 }

const log = message => console.error(`[bench:scale] ${message}`)
const sleep = ms => new Promise(done => setTimeout(done, ms))

// The test cluster is shared with whoever runs the integration tests: never start or stop that one here.
const testCluster = join(root, '.cluster')
if (
  existsSync(testCluster) &&
  realpathSync(testCluster) === (existsSync(STATE) ? realpathSync(STATE) : STATE)
) {
  console.error(
    `bench:scale: BENCH_CLUSTER_DIR is the test cluster (${testCluster}); give it a directory of its own`
  )
  process.exit(2)
}
const cli = join(root, 'dist', 'cli.js')
if (!existsSync(cli)) {
  console.error('bench:scale: dist/cli.js is missing: run npm run build first')
  process.exit(2)
}

const clusterEnv = { ...process.env, CLUSTER_STATE_DIR: STATE, CLUSTER_PORT: PORT }
function clusterScript(name) {
  const run = spawnSync('bash', [join(root, 'scripts', name)], { env: clusterEnv, stdio: 'inherit' })
  if (run.status !== 0) throw new Error(`scripts/${name} failed (exit ${run.status})`)
}
let stopped = false
function teardown() {
  if (stopped || KEEP) return
  stopped = true
  log(`stopping the benchmark's cluster (${STATE})`)
  spawnSync('bash', [join(root, 'scripts', 'cluster-down.sh')], { env: clusterEnv, stdio: 'inherit' })
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    teardown()
    process.exit(130)
  })
}

// ---------------------------------------------------------------- the cluster ----
if (REUSE) {
  // Left filled by BENCH_KEEP_CLUSTER=1 (metrics-server removed, so cluster-up would start it afresh).
  if (!existsSync(join(STATE, 'ready'))) throw new Error(`BENCH_REUSE=1, but no cluster is up in ${STATE}`)
} else {
  // A fresh, empty cluster every run (cluster-down removes etcd's data); its build is reused: copied from
  // the test cluster's when this directory has none (the build keys still decide whether to rebuild).
  if (existsSync(join(STATE, 'pids'))) clusterScript('cluster-down.sh')
  if (!existsSync(join(STATE, 'bin', 'testcluster')) && existsSync(join(testCluster, 'bin', 'testcluster'))) {
    mkdirSync(join(STATE, 'bin'), { recursive: true })
    cpSync(join(testCluster, 'bin'), join(STATE, 'bin'), { recursive: true })
  }
  clusterScript('cluster-up.sh')
}

const env = Object.fromEntries(
  readFileSync(join(STATE, 'env'), 'utf8')
    .split('\n')
    .filter(line => line.includes('='))
    .map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
)
const kubeconfig = join(STATE, 'kubeconfig')
const token = /^\s*token: (\S+)$/m.exec(readFileSync(kubeconfig, 'utf8'))[1]
const server = new URL(env.CLUSTER_SERVER)
const agent = new https.Agent({
  keepAlive: true,
  maxSockets: CONCURRENCY,
  ca: readFileSync(env.CLUSTER_CA_FILE)
})
const kubectl = args => [env.CLUSTER_BIN, ['kubectl', '--kubeconfig', kubeconfig, ...args]]

/** One API call; resolves with the status and the parsed body (never rejects on an HTTP status). */
function api(method, path, body) {
  return new Promise((done, fail) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    const request = https.request(
      new URL(path, server),
      {
        method,
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {})
        }
      },
      response => {
        const chunks = []
        response.on('data', chunk => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed = text
          try {
            parsed = JSON.parse(text)
          } catch {
            // Not JSON: keep the text for the message.
          }
          done({ status: response.statusCode, body: parsed })
        })
        response.on('error', fail)
      }
    )
    request.on('error', fail)
    request.end(payload)
  })
}

/** Creates one object; an object that exists already (a retried create that had landed) is fine. */
async function create(path, object) {
  for (let attempt = 1; ; attempt++) {
    const answer = await api('POST', path, object).catch(error => ({ status: 0, body: error.message }))
    if ((answer.status >= 200 && answer.status < 300) || answer.status === 409) return
    const transient = answer.status === 0 || answer.status === 429 || answer.status >= 500
    if (!transient || attempt === 8) {
      const why = typeof answer.body === 'string' ? answer.body : answer.body?.message
      throw new Error(`creating ${path} ${object.metadata.name}: HTTP ${answer.status} ${why}`)
    }
    await sleep(250 * attempt)
  }
}

/** Creates `count` objects, `CONCURRENCY` at a time, saying how far it got every 10%. */
async function fill(what, count, make) {
  const started = Date.now()
  let next = 0
  let done = 0
  const step = Math.max(1, Math.round(count / 10))
  const worker = async () => {
    while (next < count) {
      const { path, object } = make(next++)
      await create(path, object)
      if (++done % step === 0 && done < count) log(`  ${what}: ${done} of ${count}`)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  log(`${count} ${what} in ${seconds(Date.now() - started)}`)
}

async function waitUntil(what, probe, timeoutMs) {
  const started = Date.now()
  for (;;) {
    if (await probe()) return log(`${what} after ${seconds(Date.now() - started)}`)
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${seconds(timeoutMs)} waiting for ${what}`)
    await sleep(2000)
  }
}

const nodeName = i => `bench-node-${i}`
const podRequests = { cpu: '100m', memory: '128Mi' }
const benchPod = (name, namespace, i, labels) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: {
    // Bound at creation, as a scheduler would: kwok runs it on that node (Running and Ready).
    nodeName: nodeName(i % NODES),
    automountServiceAccountToken: false,
    containers: [{ name: 'app', image: 'registry.example/load:1.0', resources: { requests: podRequests } }]
  }
})
const REASONS = [
  ['BackOff', 'Back-off restarting failed container app in pod'],
  ['Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503'],
  ['FailedMount', 'MountVolume.SetUp failed for volume "config": configmap "missing" not found'],
  ['FailedScheduling', '0/1000 nodes are available: 1000 Insufficient memory.']
]

let filledIn = 'reused'
if (!REUSE) {
  const started = Date.now()
  // A cluster without metrics-server: node-capacity then counts every pod's requests (the list that used
  // to cost most). Not by choice only: kwok cannot simulate the resource metrics of 50,000 pods on 2 cores
  // (measured: kwok at 1.6 cores and 2.3 GB, every scrape of metrics-server timing out), so a
  // metrics-server here would serve nothing and load the machine the runs are timed on.
  const pid = Number(readFileSync(join(STATE, 'pids', 'metrics-server.pid'), 'utf8'))
  const argv0 = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]
  if (argv0 !== join(STATE, 'bin', 'metrics-server')) throw new Error(`pid ${pid} is not our metrics-server`)
  process.kill(pid, 'SIGTERM')

  const namespaces = Array.from({ length: OUTSIDE_NAMESPACES }, (_, i) => `bench-${i}`)
  for (const name of namespaces)
    await create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
  // Pods need their namespace's default ServiceAccount, which the controller-manager creates.
  await waitUntil(
    'every namespace has its default ServiceAccount',
    async () => {
      for (const name of [NS, ...namespaces]) {
        if ((await api('GET', `/api/v1/namespaces/${name}/serviceaccounts/default`)).status !== 200)
          return false
      }
      return true
    },
    120_000
  )
  await fill('kwok nodes', NODES, i => ({
    path: '/api/v1/nodes',
    object: {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: nodeName(i),
        labels: { 'kubernetes.io/hostname': nodeName(i), 'kubernetes.io/os': 'linux', type: 'kwok' },
        // kwok runs the nodes annotated so (cluster-up starts it with this selector).
        annotations: { 'kwok.x-k8s.io/node': 'fake' }
      },
      status: {
        capacity: { cpu: '8', memory: '32Gi', pods: '110' },
        allocatable: { cpu: '8', memory: '32Gi', pods: '110' },
        addresses: [
          { type: 'InternalIP', address: '127.0.0.1' },
          { type: 'Hostname', address: nodeName(i) }
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: Number(env.CLUSTER_KWOK_PORT) } },
        nodeInfo: { kubeletVersion: env.CLUSTER_K8S_VERSION, operatingSystem: 'linux', architecture: 'amd64' }
      }
    }
  }))
  const run = (...args) => {
    const [command, argv] = kubectl(args)
    const done = spawnSync(command, argv, { encoding: 'utf8' })
    if (done.status !== 0) throw new Error(`kubectl ${args.join(' ')}: ${done.stderr}`)
  }
  // Not installed rather than down: metrics.k8s.io is not served at all (404), as on a cluster without it.
  run('delete', 'apiservice', 'v1beta1.metrics.k8s.io')
  for (const file of ['configmap.yaml', 'deployment.yaml'])
    run('apply', '-f', join(root, 'examples', 'bundle', file))
  // The example's Deployments bring 5 pods into the namespace; bench pods make up the rest.
  const workers = Math.max(1, PODS_INSIDE - 5)
  await fill(`pods in ${NS}`, workers, i => ({
    path: `/api/v1/namespaces/${NS}/pods`,
    object: benchPod(`worker-${i}`, NS, i, { app: 'bench-worker' })
  }))
  await fill('pods outside it', PODS_OUTSIDE, i => {
    const namespace = namespaces[i % namespaces.length]
    return {
      path: `/api/v1/namespaces/${namespace}/pods`,
      object: benchPod(`load-${i}`, namespace, i, { app: 'bench-load' })
    }
  })
  await fill(`Warning events in ${NS}`, EVENTS, i => {
    const [reason, message] = REASONS[i % REASONS.length]
    const now = new Date().toISOString()
    return {
      path: `/api/v1/namespaces/${NS}/events`,
      object: {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `bench-${i}`, namespace: NS },
        involvedObject: { kind: 'Pod', name: `worker-${i % workers}`, namespace: NS, apiVersion: 'v1' },
        type: 'Warning',
        reason,
        message,
        count: 1,
        firstTimestamp: now,
        lastTimestamp: now,
        source: { component: 'kubelet', host: nodeName(i % NODES) }
      }
    }
  })
  // kwok makes every node Ready and every pod Running: wait for it, so that the runs meet a quiet cluster.
  const none = async path => ((await api('GET', path)).body.items ?? []).length === 0
  await waitUntil(
    'kwok ran every pod (none Pending)',
    () => none('/api/v1/pods?limit=1&fieldSelector=status.phase%3DPending'),
    30 * 60_000
  )
  await waitUntil(
    'every node Ready',
    async () => {
      const [command, argv] = kubectl(['get', 'nodes', '--no-headers'])
      const lines = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 64 << 20 })
        .stdout.trim()
        .split('\n')
      return lines.length >= NODES && lines.every(line => /\sReady\s/.test(line))
    },
    10 * 60_000
  )
  filledIn = seconds(Date.now() - started)
}

// ---------------------------------------------------------------- the runs ----
const kit = mkdtempSync(join(tmpdir(), 'bench-scale-kit-'))
const report = join(kit, 'report.json')
const preflightArgs = build => [
  build,
  '--bundle',
  join(root, 'examples', 'bundle'),
  '--kubeconfig',
  kubeconfig,
  '--kubectl-version',
  env.CLUSTER_K8S_VERSION,
  '--quiet',
  '--format',
  'json',
  '--output',
  report,
  '--artifacts-dir',
  kit
]
const LISTING = ['nodes-ready', 'node-capacity', 'pods-running', 'recent-events']

/** Runs a build's preflight `RUNS` times (after one warm-up): time, memory, pages and the slow checks. */
async function preflights(build) {
  await timed(process.execPath, preflightArgs(build))
  const runs = []
  for (let i = 0; i < RUNS; i++) {
    const run = await timed(process.execPath, preflightArgs(build))
    if (run.code === 2) throw new Error(`the preflight could not run (exit 2): ${run.stderr.slice(0, 500)}`)
    const json = JSON.parse(readFileSync(report, 'utf8'))
    const results = Object.fromEntries(json.results.map(r => [r.id, r]))
    const pagesOf = id => results[id]?.data?.reads?.reduce((sum, read) => sum + read.pages, 0)
    runs.push({
      ...run,
      decision: json.decision,
      results,
      pages: Object.fromEntries(LISTING.map(id => [id, pagesOf(id)]))
    })
  }
  const mid = runs.map(r => r.ms).sort((a, b) => a - b)[Math.floor(RUNS / 2)]
  const typical = runs.find(r => r.ms === mid)
  return {
    ms: median(runs.map(r => r.ms)),
    min: Math.min(...runs.map(r => r.ms)),
    max: Math.max(...runs.map(r => r.ms)),
    peakMb: Math.max(...runs.map(r => r.peakMb)),
    decision: typical.decision,
    pages: typical.pages,
    checkMs: Object.fromEntries(
      LISTING.map(id => [id, median(runs.map(r => r.results[id]?.durationMs ?? 0))])
    )
  }
}

async function kubectlRuns(args) {
  const runs = []
  for (let i = 0; i < KUBECTL_RUNS; i++) {
    const [command, argv] = kubectl(args)
    const run = await timed(command, argv)
    if (run.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${run.stderr.slice(0, 300)}`)
    runs.push(run)
  }
  return { ms: median(runs.map(r => r.ms)), peakMb: Math.max(...runs.map(r => r.peakMb)) }
}

let results
try {
  log(`the preflight, ${RUNS} runs`)
  const current = await preflights(cli)
  const compared = COMPARE
    ? (log(`the preflight of ${COMPARE}, ${RUNS} runs`), await preflights(COMPARE))
    : undefined
  log(`kubectl get pods -A, ${KUBECTL_RUNS} runs`)
  const pods = await kubectlRuns(['get', 'pods', '-A'])
  log(`kubectl get events -n ${NS}, ${KUBECTL_RUNS} runs`)
  const events = await kubectlRuns(['get', 'events', '-n', NS])
  results = { current, compared, pods, events }
} finally {
  teardown()
  rmSync(kit, { recursive: true, force: true })
}

// ---------------------------------------------------------------- the figures ----
const { current, compared, pods, events } = results
const mb = value => `${value.toFixed(0)} MB`
const count = n => n.toLocaleString('en-US')
const met = (value, target) => (value <= target ? 'met' : 'NOT met')
const print = (label, run) => {
  const pages = Object.entries(run.pages).filter(([, n]) => n !== undefined)
  const total = pages.reduce((sum, [, n]) => sum + n, 0)
  console.log(
    `${label}: ${seconds(run.ms)} median [${seconds(run.min)}–${seconds(run.max)}], peak RSS ${mb(run.peakMb)} (the highest of the runs), decision ${run.decision}`
  )
  console.log(
    `    pages read: ${pages.length ? `${total} (${pages.map(([id, n]) => `${id} ${n}`).join(', ')})` : 'not reported (unpaged lists)'}`
  )
  console.log(`    checks: ${LISTING.map(id => `${id} ${seconds(run.checkMs[id])}`).join(', ')}`)
}
const ratio = kubectlRun =>
  `${(kubectlRun.ms / current.ms).toFixed(1)}x the full preflight's time, ${(kubectlRun.peakMb / current.peakMb).toFixed(1)}x its peak RSS`

console.log('')
console.log(
  `vapora-preflight at scale — Kubernetes ${env.CLUSTER_K8S_VERSION} with kwok: ${count(NODES)} nodes, ${count(PODS_OUTSIDE)} pods outside ${NS}, ${count(PODS_INSIDE)} pods and ${count(EVENTS)} Warning events in it; no metrics-server (node-capacity counts every pod's requests)`
)
console.log(
  `node ${process.version}, ${cpus().length} cores; filled in ${filledIn}; preflight ${RUNS} runs, kubectl ${KUBECTL_RUNS} runs each (medians)`
)
print('full preflight (this build)', current)
console.log(
  `    targets: <= ${seconds(TARGET.ms)} ${met(current.ms, TARGET.ms)}, <= ${TARGET.mb} MB ${met(current.peakMb, TARGET.mb)}`
)
if (compared) print(`full preflight (${COMPARE})`, compared)
console.log(
  `kubectl get pods -A:          ${seconds(pods.ms)}, peak RSS ${mb(pods.peakMb)} -> ${ratio(pods)}`
)
console.log(
  `kubectl get events -n ${NS}: ${seconds(events.ms)}, peak RSS ${mb(events.peakMb)} -> ${ratio(events)}`
)

// Benchmark on the real test cluster (npm run bench). Prints, in one run:
//  (a) the full preflight of the example bundle (node dist/cli.js, as a user runs it),
//  (b) the same checks done the way the seed checklist does them: its kubectl commands, one after another,
//      with the harness's kubectl,
//  (c) a generated bundle of 1,000 documents (plus 250 and 500, to show time grows linearly),
//  (d) start-up: an offline run of the example bundle (directory and zip) and --version,
//  (e) the size of what each entry loads (scripts/entry-sizes.mjs),
// with medians of several runs, the ratio (b)/(a) and the peak memory of (c).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { entrySizes } from './entry-sizes.mjs'
import { median, seconds as fmt, timed } from './bench-lib.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const kubeconfig = join(root, '.cluster', 'kubeconfig')
const binary = join(root, '.cluster', 'bin', 'testcluster')
const NS = 'vapora'

const up = spawnSync('bash', [join(root, 'scripts', 'cluster-up.sh')], { stdio: 'inherit' })
if (up.status !== 0) process.exit(up.status ?? 1)

const kubectl = (...args) =>
  spawnSync(binary, ['kubectl', '--kubeconfig', kubeconfig, ...args], { encoding: 'utf8', input: '' })
const serverVersion = JSON.parse(kubectl('version', '-o', 'json').stdout).serverVersion.gitVersion

/** One staging step; a failure says which step and what kubectl said (never a raw Buffer), then stops. */
function stage(what, args, input) {
  const run = spawnSync(binary, ['kubectl', '--kubeconfig', kubeconfig, ...args], { encoding: 'utf8', input })
  if (run.status !== 0) {
    console.error(
      `bench: staging failed while ${what}: ${(run.stderr || run.stdout || run.error?.message || '').trim()}`
    )
    process.exit(2)
  }
}

// The objects the checks look at must exist, or (b) would time only "not found" answers. What an earlier
// run (or a test) left in the namespace is reset first: a Deployment with another selector cannot be
// updated in place (spec.selector is immutable), and pods bound to a node never go away without a kubelet.
stage(
  'creating the namespace',
  ['apply', '-f', '-'],
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${NS}\n`
)
stage('removing the Deployments an earlier run left', [
  'delete',
  'deployments,replicasets',
  '--all',
  '-n',
  NS,
  '--wait=false'
])
stage('removing the pods an earlier run left', [
  'delete',
  'pods',
  '--all',
  '-n',
  NS,
  '--grace-period=0',
  '--force',
  '--wait=false'
])
for (const file of ['configmap.yaml', 'deployment.yaml']) {
  stage(`applying examples/bundle/${file}`, ['apply', '-f', join(root, 'examples', 'bundle', file)])
}

const node = process.execPath
const cli = join(root, 'dist', 'cli.js')
const preflightArgs = bundle => [
  cli,
  '--bundle',
  bundle,
  '--kubeconfig',
  kubeconfig,
  '--kubectl-version',
  serverVersion,
  '--quiet',
  '--format',
  'json',
  '--artifacts-dir',
  mkdtempSync(join(tmpdir(), 'bench-kit-'))
]

// (b) the seed's kubectl sequence, in its order.
const seed = [
  ['cluster-info'],
  ['get', 'nodes'],
  ['get', 'namespace', NS],
  ['get', 'deployments', '-n', NS],
  ['get', 'configmap', '-n', NS, '-o', 'yaml'],
  ['top', 'nodes'],
  ['get', 'pods', '-n', NS],
  ['get', 'events', '-n', NS, '--sort-by=.lastTimestamp'],
  ['apply', '-f', join(root, 'examples', 'bundle', 'configmap.yaml'), '--dry-run=server', '-n', NS],
  ['apply', '-f', join(root, 'examples', 'bundle', 'deployment.yaml'), '--dry-run=server', '-n', NS],
  ['rollout', 'history', 'deployment/vapora-backend', '-n', NS],
  ['rollout', 'history', 'deployment/vapora-agents', '-n', NS],
  ['rollout', 'history', 'deployment/vapora-llm-router', '-n', NS],
  ['get', 'configmap', '-n', NS, 'vapora-config', '-o', 'yaml'],
  ['version'],
  ['auth', 'can-i', 'create', 'deployments', '--namespace', NS]
]
async function seedSequence() {
  const started = process.hrtime.bigint()
  for (const args of seed)
    spawnSync(binary, ['kubectl', '--kubeconfig', kubeconfig, ...args], { stdio: 'ignore' })
  return Number(process.hrtime.bigint() - started) / 1e6
}

/** A bundle of `count` documents: the example plus generated ConfigMaps and Deployments, half each. */
function generatedBundle(count) {
  const dir = mkdtempSync(join(tmpdir(), `bench-bundle-${count}-`))
  cpSync(join(root, 'examples', 'bundle'), dir, { recursive: true })
  const configMaps = [readFileSync(join(dir, 'configmap.yaml'), 'utf8')]
  const deployments = [readFileSync(join(dir, 'deployment.yaml'), 'utf8')]
  for (let i = 0; configMaps.length + deployments.length + 2 < count; i++) {
    if (i % 2 === 0) {
      configMaps.push(
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bench-config-${i}\n  namespace: ${NS}\ndata:\n  KEY_A: "value-${i}"\n  KEY_B: "${'x'.repeat(200)}"\n`
      )
    } else {
      deployments.push(
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bench-worker-${i}\n  namespace: ${NS}\n  labels: {app: bench-worker-${i}}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: bench-worker-${i}}\n  template:\n    metadata:\n      labels: {app: bench-worker-${i}}\n    spec:\n      containers:\n        - name: worker\n          image: ghcr.io/vapora-platform/worker:1.4.2\n          env:\n            - {name: WORKER_ID, value: "${i}"}\n          resources:\n            requests: {cpu: 10m, memory: 16Mi}\n`
      )
    }
  }
  writeFileSync(join(dir, 'configmap.yaml'), configMaps.join('---\n'))
  writeFileSync(join(dir, 'deployment.yaml'), deployments.join('---\n'))
  return dir
}

const example = join(root, 'examples', 'deployment-artifacts.zip')
// One warm-up of each, so the first run's disk cache does not count.
await timed(node, preflightArgs(example))
await seedSequence()

const a = []
const b = []
for (let i = 0; i < RUNS; i++) {
  const run = await timed(node, preflightArgs(example))
  // Exit 1 (no-go) is expected: the bench applies the manifests but stages no pods, so nothing is Ready.
  if (run.code === 2) console.error(`warning: preflight failed (exit 2): ${run.stderr.slice(0, 300)}`)
  a.push(run.ms)
  b.push(await seedSequence())
}

// (d) start-up: what a person waits for before any cluster work.
const offlineArgs = bundle => [cli, '--bundle', bundle, '--offline', '--quiet', '--format', 'json']
const startup = { dir: [], zip: [], version: [] }
await timed(node, offlineArgs(join(root, 'examples', 'bundle')))
for (let i = 0; i < Math.max(RUNS, 7); i++) {
  startup.dir.push((await timed(node, offlineArgs(join(root, 'examples', 'bundle')))).ms)
  startup.zip.push((await timed(node, offlineArgs(example))).ms)
  startup.version.push((await timed(node, [cli, '--version'])).ms)
}
const bare = []
for (let i = 0; i < 7; i++) bare.push((await timed(node, ['-e', '0'])).ms)

const sizes = [250, 500, 1000]
const big = {}
for (const size of sizes) {
  const bundle = generatedBundle(size)
  const runs = []
  for (let i = 0; i < Math.max(3, Math.floor(RUNS / 2)); i++)
    runs.push(await timed(node, preflightArgs(bundle)))
  big[size] = { ms: median(runs.map(r => r.ms)), peakMb: Math.max(...runs.map(r => r.peakMb)) }
  rmSync(bundle, { recursive: true, force: true })
}

console.log('')
console.log(
  `vapora-preflight benchmark — ${RUNS} runs each, medians (Kubernetes ${serverVersion} on loopback, node ${process.version})`
)
console.log(
  `(a) full preflight, example bundle (node dist/cli.js):  ${fmt(median(a))}   [min ${fmt(Math.min(...a))}, max ${fmt(Math.max(...a))}]`
)
console.log(
  `(b) the seed's ${seed.length} kubectl commands in sequence:      ${fmt(median(b))}   [min ${fmt(Math.min(...b))}, max ${fmt(Math.max(...b))}]`
)
console.log(`    ratio (b)/(a): ${(median(b) / median(a)).toFixed(1)}x   (target >= 10x)`)
for (const size of sizes) {
  console.log(
    `(c) generated bundle, ${String(size).padStart(4)} documents: ${fmt(big[size].ms)}  (${(big[size].ms / size).toFixed(2)} ms/doc), peak RSS ${big[size].peakMb.toFixed(0)} MB`
  )
}
console.log(`    peak memory at 1,000 documents: ${big[1000].peakMb.toFixed(0)} MB (target < 300 MB)`)
console.log(
  `(d) offline run, example bundle: directory ${fmt(median(startup.dir))}, zip ${fmt(median(startup.zip))} (target <= 0.15 s); --version ${fmt(median(startup.version))}; node -e 0 ${fmt(median(bare))}`
)
console.log('(e) what each entry loads (dist/):')
for (const line of entrySizes()) console.log(`    ${line}`)
if (!existsSync(cli)) console.error('dist/cli.js is missing: run npm run build')

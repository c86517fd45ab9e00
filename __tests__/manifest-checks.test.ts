/**
 * The checks that send the bundle's manifests to the server — the dry-run, and what changes against the
 * live objects — against an in-memory cluster (see test/in-memory-cluster.ts).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { dryRunCheck } from '../src/checks/dry-run.js'
import { WHAT_CHANGES_DATA, whatChangesCheck } from '../src/checks/what-changes.js'
import type { KubeObjectJson } from '../src/core/kube-object.js'
import { isBlocking } from '../src/core/policy.js'
import { bundleWith, cleanupTempDirs, EXAMPLE_BUNDLE } from '../test/fixtures.js'
import {
  apiError,
  bundleCreatingNamespace,
  dataOf,
  DEPLOYER,
  forbidden,
  InMemoryCluster,
  namespace,
  NAMESPACE_DOC,
  runCheck,
  unreachable,
  vaporaCluster
} from '../test/in-memory-cluster.js'

afterAll(cleanupTempDirs)

/** The example bundle's manifests as the API would return them once applied (what-changes' live side). */
function appliedBundle(dir = EXAMPLE_BUNDLE): KubeObjectJson[] {
  return ['configmap.yaml', 'deployment.yaml'].flatMap(file =>
    parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map(doc => doc.toJS() as KubeObjectJson)
  )
}

describe('dry-run', () => {
  const ACCEPTED = [
    'configmap.yaml:1 ConfigMap/vapora-config: accepted',
    'deployment.yaml:1 Deployment/vapora-backend: accepted',
    'deployment.yaml:93 Deployment/vapora-agents: accepted',
    'deployment.yaml:185 Deployment/vapora-llm-router: accepted'
  ]
  const withoutNamespace = (text: string) => text.replace(/^ {2}namespace: vapora\n/gm, '')

  it('passes when the server accepts every document', async () => {
    const { cluster } = vaporaCluster()
    expect(await runCheck(dryRunCheck, cluster)).toEqual({
      status: 'pass',
      message: 'all 4 objects accepted by the server (dry-run, strict validation)',
      details: ACCEPTED
    })
    expect(cluster.callsOf('dryRunApply').map(c => c.args[1])).toEqual([
      'vapora',
      'vapora',
      'vapora',
      'vapora'
    ])
  })

  it('passes saying it set the namespace on documents that had none', async () => {
    const { cluster } = vaporaCluster()
    const bundlePath = bundleWith({ 'configmap.yaml': withoutNamespace, 'deployment.yaml': withoutNamespace })
    const outcome = await runCheck(dryRunCheck, cluster, { bundlePath })
    expect(outcome.status).toBe('pass')
    expect(outcome.message).toBe(
      'all 4 objects accepted by the server (dry-run, strict validation); metadata.namespace set to vapora on the 4 that had none'
    )
    // One line fewer per document: the documents start one line earlier each.
    expect(outcome.details).toEqual(
      [
        'configmap.yaml:1 ConfigMap/vapora-config',
        'deployment.yaml:1 Deployment/vapora-backend',
        'deployment.yaml:92 Deployment/vapora-agents',
        'deployment.yaml:183 Deployment/vapora-llm-router'
      ].map(doc => `${doc}: accepted (sent with metadata.namespace set to "vapora")`)
    )
  })

  it('warns when it rewrote a namespace the document named differently', async () => {
    const { cluster } = vaporaCluster()
    const bundlePath = bundleWith({
      'configmap.yaml': text => text.replace('namespace: vapora', 'namespace: staging')
    })
    const outcome = await runCheck(dryRunCheck, cluster, { bundlePath })
    expect(outcome.status).toBe('warn')
    expect(outcome.message).toBe(
      '4 of 4 documents sent, 4 accepted; 1 with metadata.namespace rewritten to vapora'
    )
    expect(outcome.details?.[0]).toBe(
      'configmap.yaml:1 ConfigMap/vapora-config: accepted (sent with metadata.namespace rewritten from "staging" to "vapora")'
    )
  })

  it('fails with the server’s own message when it rejects a document, located in the bundle', async () => {
    const { cluster } = vaporaCluster()
    const message =
      'Deployment.apps "vapora-agents" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"x"}}: field is immutable'
    cluster.rejectDryRun('Deployment', 'vapora-agents', { status: 422, reason: 'Invalid', message })
    const outcome = await runCheck(dryRunCheck, cluster)
    expect(outcome).toMatchObject({
      status: 'fail',
      message: `1 of 4 objects rejected or not sent: Deployment/vapora-agents: server rejected the dry-run: ${message}`,
      findings: [
        {
          severity: 'error',
          file: 'deployment.yaml',
          line: 93,
          message: `Deployment/vapora-agents: server rejected the dry-run: ${message}`
        }
      ],
      hint: expect.stringContaining('the API server’s own')
    })
    expect(outcome.details?.[2]).toBe(
      `deployment.yaml:93 Deployment/vapora-agents: REJECTED (HTTP 422 Invalid): ${message}`
    )
  })

  it('says how a rejected document was sent, and a rejection without a reason', async () => {
    const { cluster } = vaporaCluster()
    cluster.rejectDryRun('ConfigMap', 'vapora-config', {
      status: 400,
      message: 'the body of the request was in an unknown format'
    })
    const bundlePath = bundleWith({ 'configmap.yaml': withoutNamespace })
    const outcome = await runCheck(dryRunCheck, cluster, { bundlePath })
    expect(outcome.status).toBe('fail')
    expect(outcome.details?.[0]).toBe(
      'configmap.yaml:1 ConfigMap/vapora-config: REJECTED (HTTP 400) (sent with metadata.namespace set to "vapora"): the body of the request was in an unknown format'
    )
  })

  it('fails for a kind the server does not serve, which is not sent', async () => {
    const { cluster } = vaporaCluster()
    const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: vapora\n'
    const outcome = await runCheck(dryRunCheck, cluster, {
      bundlePath: bundleWith({ 'deployment.yaml': text => `${text}---\n${widget}` })
    })
    const notServed = 'the server does not serve Widget in example.com/v1 (is the API version or CRD right?)'
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toBe(`1 of 5 objects rejected or not sent: Widget/w: not sent: ${notServed}`)
    expect(outcome.findings).toEqual([
      {
        severity: 'error',
        file: 'deployment.yaml',
        line: 277,
        message: `Widget/w: not sent: ${notServed}`,
        hint: expect.stringContaining('kubectl api-resources')
      }
    ])
    expect(cluster.callsOf('dryRunApply')).toHaveLength(5)
  })

  it('warns with the server’s warnings, as findings on the document', async () => {
    const { cluster } = vaporaCluster()
    const warning =
      'spec.template.spec.containers[0].env[2]: hides previous definition of "VAPORA_API_PREFIX"'
    cluster.warnOnDryRun('Deployment', 'vapora-backend', warning)
    const outcome = await runCheck(dryRunCheck, cluster)
    expect(outcome.status).toBe('warn')
    expect(outcome.message).toBe('4 of 4 documents sent, 4 accepted; 1 with server warnings')
    expect(outcome.details?.[1]).toBe(
      `deployment.yaml:1 Deployment/vapora-backend: accepted; server warnings: ${warning}`
    )
    expect(outcome.findings).toEqual([
      {
        severity: 'warning',
        file: 'deployment.yaml',
        line: 1,
        message: `Deployment/vapora-backend: ${warning}`
      }
    ])
  })

  it('warns naming the documents left out, and why', async () => {
    const { cluster } = vaporaCluster()
    const unnamed = 'apiVersion: v1\nkind: Service\nmetadata:\n  namespace: vapora\n'
    const outcome = await runCheck(dryRunCheck, cluster, {
      bundlePath: bundleWith({ 'deployment.yaml': text => `${text}---\n${unnamed}` })
    })
    const leftOut = 'deployment.yaml:277 document 4: not sent: missing metadata.name (see manifests)'
    expect(outcome.status).toBe('warn')
    expect(outcome.message).toBe(`4 of 5 documents sent, 4 accepted; 1 not sent (${leftOut})`)
    expect(outcome.details).toEqual([...ACCEPTED, leftOut])
  })

  it('fails, blocked by the syntax error, when a whole file was not sent', async () => {
    const { cluster } = vaporaCluster()
    const outcome = await runCheck(dryRunCheck, cluster, {
      bundlePath: bundleWith({ 'deployment.yaml': 'apiVersion: apps/v1\nkind: [Deployment\n' })
    })
    expect(outcome).toMatchObject({
      status: 'fail',
      blockedBy: 'bundle-syntax',
      message: 'deployment.yaml not sent (does not parse); 1 of 1 documents sent, 1 accepted',
      details: [ACCEPTED[0], 'deployment.yaml: not sent: it does not parse (see bundle-syntax)']
    })
  })

  it('is not run, blocked by the syntax errors, when no file parses', async () => {
    const broken = 'kind: [\n'
    const outcome = await runCheck(dryRunCheck, vaporaCluster().cluster, {
      bundlePath: bundleWith({ 'configmap.yaml': broken, 'deployment.yaml': broken })
    })
    expect(outcome).toEqual({
      status: 'skip',
      skipReason: 'prerequisite-failed',
      blockedBy: 'bundle-syntax',
      message: 'not run: configmap.yaml, deployment.yaml did not parse',
      details: [
        'configmap.yaml: not sent: it does not parse (see bundle-syntax)',
        'deployment.yaml: not sent: it does not parse (see bundle-syntax)'
      ]
    })
  })

  it('fails when no document is a usable object', async () => {
    const outcome = await runCheck(dryRunCheck, vaporaCluster().cluster, {
      bundlePath: bundleWith({
        'deployment.yaml': null,
        'configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n'
      })
    })
    expect(outcome).toEqual({
      status: 'fail',
      message: 'no manifest to dry-run',
      details: ['configmap.yaml:1 document 1: not sent: missing metadata.name (see manifests)']
    })
  })

  it('sends only the Namespace when the bundle creates the namespace, and warns for the rest', async () => {
    const cluster = new InMemoryCluster()
    const outcome = await runCheck(dryRunCheck, cluster, { bundlePath: bundleCreatingNamespace() })
    expect(outcome.status).toBe('warn')
    expect(outcome.message).toBe(
      '1 of 5 documents sent, 1 accepted; 4 held back until namespace vapora exists (this bundle creates it)'
    )
    expect(outcome.details).toEqual([
      'configmap.yaml:1 Namespace/vapora: accepted (will be created)',
      'configmap.yaml:6 ConfigMap/vapora-config: not sent — namespace vapora does not exist yet (this bundle creates it)',
      'deployment.yaml:1 Deployment/vapora-backend: not sent — namespace vapora does not exist yet (this bundle creates it)',
      'deployment.yaml:93 Deployment/vapora-agents: not sent — namespace vapora does not exist yet (this bundle creates it)',
      'deployment.yaml:185 Deployment/vapora-llm-router: not sent — namespace vapora does not exist yet (this bundle creates it)'
    ])
    expect(cluster.callsOf('dryRunApply').map(c => (c.args[0] as KubeObjectJson).kind)).toEqual(['Namespace'])
  })

  it('counts a document held back for the namespace as not sent', async () => {
    const outcome = await runCheck(dryRunCheck, new InMemoryCluster(), {
      bundlePath: bundleCreatingNamespace()
    })
    expect(outcome.message).not.toMatch(/^5 of 5 documents sent/)
    expect(outcome.message).toMatch(
      /^1 of 5 documents sent, 1 accepted; 4 held back until namespace vapora exists/
    )
  })

  // Discovery says what lives in a namespace: a cluster-scoped object is not held back for one.
  it('sends a cluster-scoped object even while the namespace does not exist yet', async () => {
    const role =
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: vapora-reader\nrules: []\n---\n'
    const cluster = new InMemoryCluster()
    const bundlePath = bundleWith({ 'configmap.yaml': text => NAMESPACE_DOC + role + text })
    const outcome = await runCheck(dryRunCheck, cluster, { bundlePath })
    expect(outcome.details?.[1]).toBe('configmap.yaml:6 ClusterRole/vapora-reader: accepted')
    expect(outcome.message).toBe(
      '2 of 6 documents sent, 2 accepted; 4 held back until namespace vapora exists (this bundle creates it)'
    )
    expect(cluster.callsOf('dryRunApply').map(c => (c.args[0] as KubeObjectJson).kind)).toEqual([
      'Namespace',
      'ClusterRole'
    ])
  })

  it('fails for a kind the server does not serve even while the namespace does not exist yet', async () => {
    const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: vapora\n'
    const outcome = await runCheck(dryRunCheck, new InMemoryCluster(), {
      bundlePath: bundleWith({ 'configmap.yaml': text => NAMESPACE_DOC + text + `---\n${widget}` })
    })
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toBe(
      '1 of 2 objects rejected or not sent: Widget/w: not sent: the server does not serve Widget in example.com/v1 (is the API version or CRD right?); 4 held back until namespace vapora exists (this bundle creates it)'
    )
  })

  it('fails naming the server’s problem when discovery fails while the namespace does not exist yet', async () => {
    const cluster = new InMemoryCluster()
    cluster.failAlways('resourceFor', unreachable())
    const outcome = await runCheck(dryRunCheck, cluster, { bundlePath: bundleCreatingNamespace() })
    expect(isBlocking(outcome)).toBe(true)
    expect(outcome.message).toBe(
      `5 of 5 objects rejected or not sent: Namespace/vapora: dry-run failed: ${unreachable().message}`
    )
  })

  it('fails with the server’s NotFound when the namespace is absent and nothing creates it', async () => {
    const outcome = await runCheck(dryRunCheck, new InMemoryCluster())
    expect(outcome.status).toBe('fail')
    expect(outcome.message).toBe(
      '4 of 4 objects rejected or not sent: ConfigMap/vapora-config: server rejected the dry-run: namespaces "vapora" not found'
    )
    expect(outcome.details?.[0]).toBe(
      'configmap.yaml:1 ConfigMap/vapora-config: REJECTED (HTTP 404 NotFound): namespaces "vapora" not found'
    )
  })

  it('blocks, naming the server’s problem, when the server stops answering during the dry-run', async () => {
    const { cluster } = vaporaCluster()
    cluster.failAlways('dryRunApply', unreachable())
    const outcome = await runCheck(dryRunCheck, cluster)
    expect(isBlocking(outcome)).toBe(true)
    expect(outcome.message).toBe(
      `4 of 4 objects rejected or not sent: ConfigMap/vapora-config: dry-run failed: ${unreachable().message}`
    )
    expect(outcome.details?.[0]).toBe(
      `configmap.yaml:1 ConfigMap/vapora-config: not checked: ${unreachable().message}`
    )
  })
})

describe('what-changes', () => {
  /** The bundle applied as it is, then `change` made to the live objects (what runs before the deploy). */
  function liveBundle(change: (live: Record<string, KubeObjectJson>) => void = () => {}) {
    const live = Object.fromEntries(appliedBundle().map(o => [`${o.kind}/${o.metadata!.name}`, o]))
    change(live)
    return new InMemoryCluster(namespace(), ...Object.values(live))
  }
  const backend = (live: Record<string, KubeObjectJson>) =>
    live['Deployment/vapora-backend'].spec.template.spec.containers[0]

  it('passes with no change when the cluster runs the bundle already', async () => {
    const outcome = await runCheck(whatChangesCheck, liveBundle())
    const changes = {
      'ConfigMap/vapora-config': ['no change'],
      'Deployment/vapora-backend': ['no change'],
      'Deployment/vapora-agents': ['no change'],
      'Deployment/vapora-llm-router': ['no change']
    }
    expect(outcome).toEqual({
      status: 'pass',
      message: '0 of 4 objects change',
      details: Object.entries(changes).map(([label, list]) => `${label}: ${list.join('; ')}`),
      data: { changes }
    })
    expect(dataOf(whatChangesCheck, outcome, WHAT_CHANGES_DATA)).toEqual({ changes })
  })

  it('lists replicas, image and env changes of a Deployment, never the env values', async () => {
    const cluster = liveBundle(live => {
      live['Deployment/vapora-backend'].spec.replicas = 3
      const container = backend(live)
      container.image = 'ghcr.io/vapora-platform/vapora-backend:1.4.1'
      container.env = [
        { name: 'VAPORA_SERVICE', value: 'backend' },
        { name: 'VAPORA_API_PREFIX', value: '/v1-secret-path' },
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'LEGACY_TOKEN', value: 's3cr3t' }
      ]
    })
    const outcome = await runCheck(whatChangesCheck, cluster)
    expect(outcome.status).toBe('pass')
    expect(outcome.message).toBe('1 of 4 objects change')
    expect(
      dataOf(whatChangesCheck, outcome, WHAT_CHANGES_DATA)?.changes['Deployment/vapora-backend']
    ).toEqual([
      'replicas 3 → 2',
      'backend image ghcr.io/vapora-platform/vapora-backend:1.4.1 → ghcr.io/vapora-platform/vapora-backend:1.4.2',
      'backend env VAPORA_HTTP_PORT added',
      'backend env VAPORA_API_PREFIX changed',
      'backend env LEGACY_TOKEN removed'
    ])
    expect(JSON.stringify(outcome)).not.toMatch(/v1-secret-path|s3cr3t|"\/api"/)
  })

  it('names containers added and removed', async () => {
    const cluster = liveBundle(live => {
      backend(live).name = 'api'
    })
    const outcome = await runCheck(whatChangesCheck, cluster)
    expect(
      dataOf(whatChangesCheck, outcome, WHAT_CHANGES_DATA)?.changes['Deployment/vapora-backend']
    ).toEqual([
      'container backend added (ghcr.io/vapora-platform/vapora-backend:1.4.2)',
      'container api removed'
    ])
  })

  it('lists ConfigMap keys added, changed and removed, never their values', async () => {
    const cluster = liveBundle(live => {
      const data = live['ConfigMap/vapora-config'].data as Record<string, string>
      data.RUST_LOG = 'warn'
      delete data.NATS_ENABLED
      data.LEGACY_PASSWORD = 'hunter2'
    })
    const outcome = await runCheck(whatChangesCheck, cluster)
    expect(dataOf(whatChangesCheck, outcome, WHAT_CHANGES_DATA)?.changes['ConfigMap/vapora-config']).toEqual([
      'key RUST_LOG changed',
      'key NATS_ENABLED added',
      'key LEGACY_PASSWORD removed'
    ])
    expect(JSON.stringify(outcome)).not.toMatch(/hunter2|async_nats=warn/)
  })

  it('compares the spec of other kinds as a whole', async () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'vapora-backend', namespace: 'vapora' },
      spec: { selector: { 'app.kubernetes.io/name': 'vapora-backend' }, ports: [{ port: 8001 }] }
    }
    const bundlePath = bundleWith({ 'deployment.yaml': text => `${text}---\n${JSON.stringify(service)}\n` })
    const same = await runCheck(
      whatChangesCheck,
      liveBundle(live => void (live['Service/vapora-backend'] = service)),
      { bundlePath }
    )
    expect(dataOf(whatChangesCheck, same, WHAT_CHANGES_DATA)?.changes['Service/vapora-backend']).toEqual([
      'no change'
    ])
    const moved = { ...service, spec: { ...service.spec, ports: [{ port: 8080 }] } }
    const changed = await runCheck(
      whatChangesCheck,
      liveBundle(live => void (live['Service/vapora-backend'] = moved)),
      { bundlePath }
    )
    expect(dataOf(whatChangesCheck, changed, WHAT_CHANGES_DATA)?.changes['Service/vapora-backend']).toEqual([
      'spec changes'
    ])
  })

  it('says an object that does not exist yet will be created', async () => {
    const outcome = await runCheck(whatChangesCheck, new InMemoryCluster(namespace()))
    expect(outcome.message).toBe('4 of 4 objects change')
    expect(Object.values(dataOf(whatChangesCheck, outcome, WHAT_CHANGES_DATA)!.changes)).toEqual(
      Array(4).fill(['new object (will be created)'])
    )
  })

  it('warns for an object whose dry-run the server rejected: its change is not computed', async () => {
    const cluster = liveBundle()
    cluster.rejectDryRun('Deployment', 'vapora-agents', {
      status: 422,
      reason: 'Invalid',
      message: 'invalid'
    })
    const outcome = await runCheck(whatChangesCheck, cluster)
    expect(outcome.status).toBe('warn')
    expect(outcome.message).toBe('0 of 4 objects change; 1 not computed')
    expect(outcome.details?.at(-1)).toBe('not computed (dry-run failed): Deployment/vapora-agents')
    expect(dataOf(whatChangesCheck, outcome, WHAT_CHANGES_DATA)?.changes).not.toHaveProperty(
      'Deployment/vapora-agents'
    )
  })

  // A live object it could not read (403, 500, a server gone) is not one that does not exist yet.
  it('never calls an object it could not read a new object', async () => {
    const cluster = liveBundle()
    cluster.failAlways(
      'live',
      forbidden({ verb: 'get', resource: 'configmaps', name: 'vapora-config', namespace: 'vapora' })
    )
    const outcome = await runCheck(whatChangesCheck, cluster)
    expect(outcome.status).toBe('error')
    expect(JSON.stringify(outcome)).not.toContain('new object (will be created)')
    expect(outcome.message).toBe(
      `4 of 4 objects not compared with the cluster: ConfigMap/vapora-config: configmaps "vapora-config" is forbidden: User "${DEPLOYER}" cannot get resource "configmaps" in API group "" in the namespace "vapora" (HTTP 403 Forbidden)`
    )
    expect(outcome.hint).toContain('Grant the deploy identity get on these objects')
  })

  it('is an error naming the object it could not read, and still lists what it compared', async () => {
    const cluster = liveBundle()
    cluster.failNext('live', apiError(500, 'InternalError', 'etcdserver: request timed out'))
    const outcome = await runCheck(whatChangesCheck, cluster)
    expect(outcome.status).toBe('error')
    expect(outcome.message).toBe(
      '1 of 4 objects not compared with the cluster: ConfigMap/vapora-config: etcdserver: request timed out (HTTP 500 InternalError)'
    )
    expect(outcome.details).toEqual([
      'Deployment/vapora-backend: no change',
      'Deployment/vapora-agents: no change',
      'Deployment/vapora-llm-router: no change',
      'ConfigMap/vapora-config: not read: etcdserver: request timed out (HTTP 500 InternalError)'
    ])
    expect(dataOf(whatChangesCheck, outcome, WHAT_CHANGES_DATA)?.changes).not.toHaveProperty(
      'ConfigMap/vapora-config'
    )
  })
})

/**
 * Lists against the real API server (test/cluster/): paged with limit + continue, filtered by the field
 * selector, started again once when the server answers a continue token with 410 Gone, and stopped at the
 * page cap. The 410 is the server's own: a small proxy between the client and the server replaces the
 * continue token with one pinned to a revision etcd has compacted (the token the server would hand out
 * for a list begun before its last compaction), and the server refuses it as expired. Pods read for
 * their requests only come in the server's protobuf encoding, decoded field by field (src/kube/protobuf.ts):
 * the same requests as their JSON, and an error's Status read from protobuf.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { KubeConfig } from '@kubernetes/client-node'
import { KubeApiError, KubeClient, type ClientOptions } from '../src/kube/client.js'
import { PROTOBUF } from '../src/kube/protobuf.js'
import { ClusterSession } from '../src/kube/session.js'
import { BUILT_IN_RESOURCES } from '../src/kube/built-in-resources.js'
import {
  ADMIN_KUBECONFIG,
  apply,
  clusterEnv,
  compactEtcdBefore,
  ensureCluster,
  kubectl
} from '../test/cluster-harness.js'

const NS = 'vapora-paging'
const WARNINGS = 5

/** A continue token (base64 of {v, rv, start}) pinned to revision 1 instead of the list's own. */
function pinnedToRevisionOne(token: string): string {
  const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { rv: number }
  return Buffer.from(JSON.stringify({ ...decoded, rv: 1 })).toString('base64url')
}

/**
 * A plain-HTTP proxy to the API server that, for the requests `forge` picks, swaps the continue token for
 * an expired one. Counts what it forwarded and what the server answered.
 */
async function proxy(forge: (continueRequest: number) => boolean) {
  const upstream = new URL(clusterEnv('CLUSTER_SERVER'))
  const ca = readFileSync(clusterEnv('CLUSTER_CA_FILE'))
  const statuses: number[] = []
  const contentTypes: string[] = []
  let continues = 0
  let forged: (token: string) => string = pinnedToRevisionOne
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', upstream)
    const token = url.searchParams.get('continue')
    if (token && forge(++continues)) url.searchParams.set('continue', forged(token))
    const forwarded = https.request(
      url,
      { method: req.method, headers: { ...req.headers, host: upstream.host }, ca },
      answer => {
        statuses.push(answer.statusCode ?? 0)
        contentTypes.push(answer.headers['content-type'] ?? '')
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    forwarded.on('error', error => res.destroy(error))
    req.pipe(forwarded)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    statuses,
    contentTypes,
    /** Forge this token instead of one pinned to revision 1. */
    forgeWith: (token: string) => (forged = () => token),
    close: () => server.close()
  }
}

/** A session of the admin user, to `server` (the proxy) or the API server itself. */
async function session(options: Partial<ClientOptions>, server?: string): Promise<ClusterSession> {
  const admin = new KubeConfig()
  admin.loadFromFile(ADMIN_KUBECONFIG)
  const kc = new KubeConfig()
  kc.loadFromOptions({
    clusters: server
      ? [{ name: 'c', server, skipTLSVerify: true }]
      : [{ ...admin.getCurrentCluster()!, name: 'c' }],
    users: [{ ...admin.getCurrentUser()!, name: 'u' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x'
  })
  return new ClusterSession(await KubeClient.create(kc, options), 'test')
}

const warnings = { kind: 'events', namespace: NS, fieldSelector: 'type=Warning' } as const
const names = (all: string[], object: { metadata?: { name?: string } }) => [...all, object.metadata!.name!]

function event(name: string, type: 'Warning' | 'Normal'): string {
  const now = new Date().toISOString()
  return `apiVersion: v1
kind: Event
metadata: {name: ${name}, namespace: ${NS}}
involvedObject: {kind: Pod, name: web, namespace: ${NS}}
type: ${type}
reason: BackOff
message: Back-off restarting failed container
count: 1
firstTimestamp: "${now}"
lastTimestamp: "${now}"
source: {component: kubelet}
`
}

const closers: Array<() => void> = []

beforeAll(async () => {
  ensureCluster()
  apply(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${NS}\n`)
  kubectl(['delete', 'events', '--all', '-n', NS])
  const docs = Array.from({ length: WARNINGS }, (_, i) => event(`warning-${i}`, 'Warning'))
  apply([...docs, event('normal-0', 'Normal')].join('---\n'))
  await compactEtcdBefore(2)
}, 120_000)

afterAll(() => {
  closers.forEach(close => close())
  kubectl(['delete', 'namespace', NS, '--wait=false'])
})

describe('lists on the real API server', () => {
  it('come page by page, the server sending only what the field selector asks for', async () => {
    const reader = await session({ pageSize: 2 })
    closers.push(() => reader.close())
    const listed = await reader.fold(warnings, (): string[] => [], names)
    expect(listed.value.sort()).toEqual(Array.from({ length: WARNINGS }, (_, i) => `warning-${i}`))
    expect(listed.read).toEqual({
      list: 'events in vapora-paging (type=Warning)',
      pages: 3,
      items: WARNINGS,
      restarts: 0
    })
  })

  it('start again from the start once when the server says the continue token expired (410)', async () => {
    const via = await proxy(n => n === 1)
    closers.push(via.close)
    const reader = await session({ pageSize: 2 }, via.url)
    closers.push(() => reader.close())
    const listed = await reader.fold(warnings, (): string[] => [], names)
    // Nothing of the pass that expired is kept: every event once.
    expect(listed.value.sort()).toEqual(Array.from({ length: WARNINGS }, (_, i) => `warning-${i}`))
    expect(listed.read).toMatchObject({ restarts: 1, pages: 4, items: WARNINGS + 2 })
    expect(via.statuses).toEqual([200, 410, 200, 200, 200])
  })

  it('give up with the server’s 410 when the token expires again, saying so', async () => {
    const via = await proxy(() => true)
    closers.push(via.close)
    const reader = await session({ pageSize: 2 }, via.url)
    closers.push(() => reader.close())
    const error = (await reader
      .fold(
        warnings,
        () => 0,
        n => n + 1
      )
      .catch(e => e)) as KubeApiError
    expect(error).toBeInstanceOf(KubeApiError)
    expect(error.status).toBe(410)
    expect(error.kubeStatus?.reason).toBe('Expired')
    expect(error.message).toMatch(
      /^listing events in vapora-paging \(type=Warning\): the continue token expired 2 times \(410 Gone/
    )
    expect(via.statuses).toEqual([200, 410, 200, 410])
  })

  it('stop at the page cap with an error naming the list and the bound', async () => {
    const reader = await session({ pageSize: 1, pageCap: 2 })
    closers.push(() => reader.close())
    await expect(
      reader.fold(
        warnings,
        () => 0,
        n => n + 1
      )
    ).rejects.toThrow(
      'listing events in vapora-paging (type=Warning): more than 2 pages of 1 objects, the most the preflight reads of one list (2 objects)'
    )
  })
})

const PODS = 6
/**
 * A scheduler nobody runs: the pods stay Pending and unbound, so neither the scheduler, kwok nor the pod
 * garbage collector (which deletes pods bound to a node that does not exist) touches them, and no other
 * test's node sees their requests. Their node field is read in protobuf.test.ts.
 */
const NO_SCHEDULER = 'preflight-test-none'

function requestingPod(i: number): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: requests-${i}, namespace: ${NS}}
spec:
  schedulerName: ${NO_SCHEDULER}
  automountServiceAccountToken: false
  initContainers:
  - {name: init, image: registry.example/init:1, resources: {requests: {cpu: "2"}}}
  containers:
  - name: app
    image: registry.example/app:1
    resources: {requests: {cpu: ${100 + i}m, memory: 64Mi, ephemeral-storage: 1Gi}, limits: {memory: 128Mi}}
  - {name: sidecar, image: registry.example/sidecar:1}
`
}

describe('pods read for their requests only, in protobuf', () => {
  beforeAll(() => {
    apply(Array.from({ length: PODS }, (_, i) => requestingPod(i)).join('---\n'))
  }, 60_000)

  const pods = { kind: 'pods', namespace: NS, fieldSelector: `spec.schedulerName=${NO_SCHEDULER}` } as const
  type Seen = Array<{ node?: string; requests: unknown[] }>
  const seen = (
    all: Seen,
    pod: { spec?: { nodeName?: string; containers?: Array<{ resources?: { requests?: unknown } }> } }
  ) => [
    ...all,
    { node: pod.spec?.nodeName, requests: (pod.spec?.containers ?? []).map(c => c.resources?.requests ?? {}) }
  ]
  const sorted = (all: Seen) => all.map(x => JSON.stringify(x)).sort()

  it('decode to the same node and container requests as the JSON of the same pods, in pages 4 times larger', async () => {
    const via = await proxy(() => false)
    closers.push(via.close)
    const reader = await session({ pageSize: 1 }, via.url)
    closers.push(() => reader.close())
    const projected = await reader.fold({ ...pods, only: 'requests' }, (): Seen => [], seen)
    const whole = await reader.fold(pods, (): Seen => [], seen)
    expect(projected.value).toHaveLength(PODS)
    expect(sorted(projected.value)).toEqual(sorted(whole.value))
    expect(projected.value).toContainEqual({
      node: undefined,
      requests: [{ cpu: '105m', memory: '64Mi', 'ephemeral-storage': '1Gi' }, {}]
    })
    expect(projected.read).toMatchObject({ pages: 2, items: PODS })
    expect(whole.read).toMatchObject({ pages: PODS, items: PODS })
    expect(via.contentTypes.slice(0, 2)).toEqual([PROTOBUF, PROTOBUF])
    expect(via.contentTypes.slice(2).every(type => type.startsWith('application/json'))).toBe(true)
  })

  it('read an error the server sent in protobuf from its Status: a continue token it cannot read', async () => {
    // (The watch cache serves a pod list's continue tokens from its snapshots: one pinned to a compacted
    // revision is not refused as it is for events, so a 410 is shown on those, above.)
    const garbled = await proxy(() => true)
    closers.push(garbled.close)
    garbled.forgeWith('not-a-continue-token')
    const reader = await session({ pageSize: 1 }, garbled.url)
    closers.push(() => reader.close())
    const error = (await reader
      .fold({ ...pods, only: 'requests' }, (): Seen => [], seen)
      .catch(e => e)) as KubeApiError
    expect(error).toBeInstanceOf(KubeApiError)
    expect(error.status).toBe(400)
    expect(error.kubeStatus).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 })
    expect(error.message).toMatch(/^invalid continue token/)
    expect(garbled.statuses).toEqual([200, 400])
    expect(garbled.contentTypes).toEqual([PROTOBUF, PROTOBUF])
  })
})

describe('the built-in kinds the session knows without discovery (src/kube/built-in-resources.ts)', () => {
  it('are what the real server’s discovery says: resource name, scope and every verb', async () => {
    const s = await session({})
    try {
      for (const [apiVersion, known] of Object.entries(BUILT_IN_RESOURCES)) {
        const served = await s.resources(apiVersion)
        for (const resource of known) {
          const found = served.find(r => r.kind === resource.kind)
          expect({
            apiVersion,
            kind: resource.kind,
            name: found?.name,
            namespaced: found?.namespaced
          }).toEqual({
            apiVersion,
            kind: resource.kind,
            name: resource.name,
            namespaced: resource.namespaced
          })
          expect(found!.verbs).toEqual(expect.arrayContaining(resource.verbs))
        }
      }
    } finally {
      s.close()
    }
  })
})

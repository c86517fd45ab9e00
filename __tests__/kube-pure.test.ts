import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { stringify } from 'yaml'
import { rolloutHistory } from '../src/checks/rollout.js'
import { cleanObject } from '../src/checks/clean-object.js'
import { decodeKubeconfig, kubeconfigSecrets, loadKubeConfig } from '../src/kube/config.js'
import { parseQuantity } from '../src/checks/node-capacity.js'
import { parseDuration } from '../src/core/duration.js'
import type { KubeObjectJson } from '../src/core/kube-object.js'
import { cleanupTempDirs, tempDir } from '../test/fixtures.js'

afterAll(cleanupTempDirs)

const deployment: KubeObjectJson = {
  metadata: {
    name: 'vapora-backend',
    namespace: 'vapora',
    uid: 'd-1',
    annotations: { 'deployment.kubernetes.io/revision': '3' }
  }
}
const rs = (name: string, revision: string, image: string, ownerUid = 'd-1'): KubeObjectJson => ({
  metadata: {
    name,
    annotations: { 'deployment.kubernetes.io/revision': revision },
    ownerReferences: [{ kind: 'Deployment', name: 'vapora-backend', uid: ownerUid, controller: true }]
  },
  spec: { template: { spec: { containers: [{ name: 'backend', image }] } } }
})

describe('rollout history, computed as kubectl does', () => {
  it('orders the owned ReplicaSets by revision and gives the undo command to the highest', () => {
    const history = rolloutHistory(deployment, [
      rs('b-3', '3', 'img:3'),
      rs('b-1', '1', 'img:1'),
      rs('b-2', '2', 'img:2')
    ])
    expect(history.revisions.map(r => [r.revision, r.images[0]])).toEqual([
      [1, 'img:1'],
      [2, 'img:2'],
      [3, 'img:3']
    ])
    expect(history.highestRevision).toBe(3)
    expect(history.currentRevision).toBe(3)
    expect(history.undoCommand).toBe(
      'kubectl rollout undo deployment/vapora-backend -n vapora --to-revision=3'
    )
  })

  it('ignores ReplicaSets owned by another Deployment or without a revision', () => {
    const history = rolloutHistory(deployment, [
      rs('x-9', '9', 'other', 'd-2'),
      rs('b-1', '1', 'img:1'),
      rs('b-?', 'n/a', 'img')
    ])
    expect(history.revisions.map(r => r.replicaSet)).toEqual(['b-1'])
  })

  it('has no undo command when there is no history', () => {
    expect(rolloutHistory(deployment, []).undoCommand).toBeUndefined()
  })
})

describe('cleaning an object for a backup', () => {
  it('drops server-managed fields and keeps what a re-apply needs', () => {
    const cleaned = cleanObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'vapora-config',
        namespace: 'vapora',
        uid: 'u',
        resourceVersion: '42',
        creationTimestamp: 't',
        managedFields: [{}],
        labels: { app: 'vapora' },
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', keep: 'me' }
      },
      data: { A: '1' },
      status: {}
    })
    expect(cleaned).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'vapora-config',
        namespace: 'vapora',
        labels: { app: 'vapora' },
        annotations: { keep: 'me' }
      },
      data: { A: '1' }
    })
  })
})

describe('kubeconfig input', () => {
  const yaml =
    'apiVersion: v1\nclusters:\n- name: c\n  cluster: {server: "https://127.0.0.1:6443"}\nusers:\n- name: u\n  user:\n    token: s3cr3t-token-value\n'

  it('accepts raw YAML and base64, and says what to pass otherwise', () => {
    expect(decodeKubeconfig(yaml)).toBe(yaml.trim())
    expect(decodeKubeconfig(Buffer.from(yaml).toString('base64'))).toBe(yaml)
    expect(() => decodeKubeconfig('not a kubeconfig')).toThrow(/not a kubeconfig in YAML or base64/)
    expect(() => decodeKubeconfig('/etc/hostname')).toThrow(/looks like a file path/)
  })

  it('never quotes the kubeconfig when it cannot be loaded', () => {
    const broken =
      'apiVersion: v1\nclusters:\n- name: c\n  cluster: {server: x}\nusers:\n- name: u\n  user:\n    token: s3cr3t-token-value\n   bad: [indent\n'
    let message = ''
    try {
      loadKubeConfig({ kind: 'content', content: broken })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^kubeconfig: cannot load it from the kubeconfig input/)
    expect(message).not.toContain('s3cr3t')
  })

  it('finds every credential to mask', () => {
    expect(kubeconfigSecrets(yaml)).toEqual(['s3cr3t-token-value'])
  })

  it('masks the secret-looking env values of an exec plugin, not the others', () => {
    const withExec = `${yaml}- name: e\n  user:\n    exec:\n      command: aws\n      env:\n      - {name: AWS_SECRET_ACCESS_KEY, value: wJalrXUtnFEMI-example}\n      - {name: AWS_PROFILE, value: production-eu}\n`
    expect(kubeconfigSecrets(withExec)).toEqual(['s3cr3t-token-value', 'wJalrXUtnFEMI-example'])
  })
})

describe("the current user's exec credential plugin", () => {
  const config = (user: string, exec?: object): string =>
    stringify({
      apiVersion: 'v1',
      clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:6443', 'tls-server-name': 'kube' } }],
      users: [{ name: user, user: exec ? { exec } : { token: 'static-token-1' } }],
      contexts: [{ name: 'x', context: { cluster: 'c', user } }],
      'current-context': 'x'
    })
  const exec = { apiVersion: 'client.authentication.k8s.io/v1', command: './get-token' }

  it('is found with the directory of the kubeconfig file that defines the user', () => {
    const dir = tempDir('kubeconfig-')
    mkdirSync(join(dir, 'a'))
    writeFileSync(join(dir, 'a', 'config'), config('ci', exec))
    const loaded = loadKubeConfig({ kind: 'path', path: join(dir, 'a', 'config') })
    expect(loaded.exec).toEqual({
      user: 'ci',
      exec,
      baseDir: join(dir, 'a'),
      cluster: { server: 'https://127.0.0.1:6443', 'tls-server-name': 'kube' },
      caFile: undefined
    })
  })

  it('comes from the KUBECONFIG file that defines the user, when KUBECONFIG lists several', () => {
    const dir = tempDir('kubeconfig-')
    mkdirSync(join(dir, 'first'))
    mkdirSync(join(dir, 'second'))
    writeFileSync(
      join(dir, 'first', 'config'),
      JSON.stringify({
        apiVersion: 'v1',
        clusters: [],
        users: [{ name: 'other', user: { token: 'x-token-123' } }],
        contexts: []
      })
    )
    writeFileSync(join(dir, 'second', 'config'), config('ci', exec))
    const saved = process.env.KUBECONFIG
    process.env.KUBECONFIG = [join(dir, 'first', 'config'), join(dir, 'second', 'config')].join(delimiter)
    try {
      const loaded = loadKubeConfig({ kind: 'default' }, 'x')
      expect(loaded.exec?.baseDir).toBe(join(dir, 'second'))
      expect(loaded.secrets).toEqual(['x-token-123'])
    } finally {
      if (saved === undefined) delete process.env.KUBECONFIG
      else process.env.KUBECONFIG = saved
    }
  })

  it('is resolved from the working directory when the kubeconfig was given as content (there is no file)', () => {
    expect(loadKubeConfig({ kind: 'content', content: config('ci', exec) }).exec?.baseDir).toBe(process.cwd())
  })

  it('is absent for a user without one', () => {
    expect(loadKubeConfig({ kind: 'content', content: config('ci') }).exec).toBeUndefined()
  })
})

describe('units', () => {
  it.each([
    ['250m', 0.25],
    ['2', 2],
    ['512Mi', 512 * 2 ** 20],
    ['1G', 1e9],
    ['100n', 1e-7]
  ])('quantity %s = %d', (text, value) => expect(parseQuantity(text)).toBeCloseTo(value))

  it.each([
    ['1h', 3_600_000],
    ['30m', 1_800_000],
    ['2h30m', 9_000_000],
    ['90s', 90_000],
    ['soon', undefined],
    ['1h and more', undefined]
  ])('duration %s = %s ms', (text, ms) => expect(parseDuration(text)).toBe(ms))
})

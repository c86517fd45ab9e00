/**
 * The rollback plan's checks — rollout history as kubectl computes it, the ConfigMap backup — against an
 * in-memory cluster (see test/in-memory-cluster.ts).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { CONFIGMAP_BACKUP_DATA, configMapBackupCheck } from '../src/checks/configmap-backup.js'
import { ROLLOUT_HISTORY_DATA, rolloutHistoryCheck } from '../src/checks/rollout-history.js'
import { cleanupTempDirs, tempDir } from '../test/fixtures.js'
import {
  dataOf,
  deployment,
  forbidden,
  InMemoryCluster,
  namespace,
  runCheck,
  vaporaCluster,
  vaporaImages
} from '../test/in-memory-cluster.js'

afterAll(cleanupTempDirs)

describe('rollout-history', () => {
  it('passes with each Deployment’s highest revision, its images and the undo command', async () => {
    const { cluster } = vaporaCluster()
    const outcome = await runCheck(rolloutHistoryCheck, cluster)
    expect(outcome.status).toBe('pass')
    expect(outcome.message).toBe('vapora-backend rev 2, vapora-agents rev 2, vapora-llm-router rev 2')
    expect(outcome.details?.slice(0, 4)).toEqual([
      'vapora-backend: revision 2',
      '  1: ghcr.io/vapora-platform/vapora-backend:1.4.0',
      '  2: ghcr.io/vapora-platform/vapora-backend:1.4.1',
      '  rollback: kubectl rollout undo deployment/vapora-backend -n vapora --to-revision=2'
    ])
    const data = dataOf(rolloutHistoryCheck, outcome, ROLLOUT_HISTORY_DATA)!
    expect(data.revisions).toEqual({ 'vapora-backend': 2, 'vapora-agents': 2, 'vapora-llm-router': 2 })
    expect(data.undoCommands).toEqual([
      'kubectl rollout undo deployment/vapora-backend -n vapora --to-revision=2',
      'kubectl rollout undo deployment/vapora-agents -n vapora --to-revision=2',
      'kubectl rollout undo deployment/vapora-llm-router -n vapora --to-revision=2'
    ])
  })

  it('computes revisions as kubectl does: the ReplicaSets the Deployment controls, an undo moving one up', async () => {
    const { cluster } = vaporaCluster()
    const images = (tag: string) => vaporaImages('vapora-backend', tag)
    const backend = deployment('vapora-backend', {
      replicas: 2,
      rollouts: [images('1.3.0'), images('1.4.0'), images('1.3.0')],
      changeCauses: [undefined, 'deploy 1.4.0', 'rollback to 1.3.0']
    })
    // A ReplicaSet of the same name prefix that the Deployment does not control, and one of another Deployment.
    const adopted = structuredClone(backend.replicaSets[0])
    adopted.metadata!.name = 'vapora-backend-orphan'
    adopted.metadata!.ownerReferences = [{ ...adopted.metadata!.ownerReferences![0], controller: false }]
    cluster.remove('Deployment', 'vapora-backend').add(...backend.objects, adopted)
    const outcome = await runCheck(rolloutHistoryCheck, cluster)
    const history = dataOf(rolloutHistoryCheck, outcome, ROLLOUT_HISTORY_DATA)!.histories[0]
    expect(history.revisions.map(r => [r.revision, r.images, r.changeCause])).toEqual([
      [2, ['ghcr.io/vapora-platform/vapora-backend:1.4.0'], 'deploy 1.4.0'],
      [3, ['ghcr.io/vapora-platform/vapora-backend:1.3.0'], 'rollback to 1.3.0']
    ])
    expect(history).toMatchObject({ currentRevision: 3, highestRevision: 3 })
    expect(outcome.details).toContain('  3: ghcr.io/vapora-platform/vapora-backend:1.3.0 — rollback to 1.3.0')
  })

  it('warns on a first deploy: nothing to roll back to', async () => {
    const outcome = await runCheck(rolloutHistoryCheck, new InMemoryCluster(namespace()))
    expect(outcome.status).toBe('warn')
    expect(outcome.message).toBe('no deployment exists yet in vapora: first deploy, nothing to roll back to')
    expect(dataOf(rolloutHistoryCheck, outcome, ROLLOUT_HISTORY_DATA)).toEqual({
      revisions: {},
      histories: [],
      undoCommands: []
    })
  })

  it('warns naming a Deployment not deployed yet', async () => {
    const { cluster } = vaporaCluster()
    cluster.remove('Deployment', 'vapora-llm-router')
    const outcome = await runCheck(rolloutHistoryCheck, cluster)
    expect(outcome.status).toBe('warn')
    expect(outcome.message).toBe(
      'vapora-backend rev 2, vapora-agents rev 2; not deployed yet: vapora-llm-router'
    )
    expect(outcome.details?.at(-1)).toBe(
      'vapora-llm-router: not deployed yet (first deploy: nothing to roll back to)'
    )
  })

  it('warns naming a Deployment with no revision recorded (no ReplicaSet of its own)', async () => {
    const { cluster, apps } = vaporaCluster()
    for (const rs of apps['vapora-agents'].replicaSets) cluster.remove('ReplicaSet', rs.metadata!.name!)
    const outcome = await runCheck(rolloutHistoryCheck, cluster)
    expect(outcome.status).toBe('warn')
    expect(outcome.message).toBe(
      'vapora-backend rev 2, vapora-agents rev -, vapora-llm-router rev 2; no revisions recorded: vapora-agents'
    )
    expect(dataOf(rolloutHistoryCheck, outcome, ROLLOUT_HISTORY_DATA)?.revisions).not.toHaveProperty(
      'vapora-agents'
    )
  })

  it('is an error when the ReplicaSets cannot be listed', async () => {
    const { cluster } = vaporaCluster()
    cluster.failNext(
      'replicaSets',
      forbidden({ verb: 'list', resource: 'replicasets', group: 'apps', namespace: 'vapora' })
    )
    const outcome = await runCheck(rolloutHistoryCheck, cluster)
    expect(outcome.status).toBe('error')
    expect(outcome.message).toMatch(
      /^cannot read rollout history: replicasets is forbidden: .*\(HTTP 403 Forbidden\)$/
    )
  })
})

describe('configmap-backup', () => {
  it('backs the live ConfigMap up as clean YAML that kubectl apply restores', async () => {
    const { cluster } = vaporaCluster()
    const dir = tempDir()
    const outcome = await runCheck(configMapBackupCheck, cluster, { artifactsDir: dir })
    const path = join(dir, 'vapora-config-backup.yaml')
    expect(outcome).toEqual({
      status: 'pass',
      message: `ConfigMap vapora-config (2 keys) backed up to ${path}`,
      details: [`restore with: kubectl apply -f ${path}`],
      data: { path, keys: 2 }
    })
    expect(dataOf(configMapBackupCheck, outcome, CONFIGMAP_BACKUP_DATA)).toEqual({ path, keys: 2 })
    expect(parse(readFileSync(path, 'utf8'))).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'vapora-config',
        namespace: 'vapora',
        labels: { 'app.kubernetes.io/part-of': 'vapora' },
        annotations: { 'vapora.io/owner': 'platform-team' }
      },
      data: { VAPORA_MODE: 'enterprise', RUST_LOG: 'info' }
    })
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it('leaves no annotations at all when kubectl’s last-applied configuration was the only one', async () => {
    const { cluster } = vaporaCluster()
    cluster.update(
      'ConfigMap',
      'vapora-config',
      cm => void delete cm.metadata!.annotations!['vapora.io/owner']
    )
    const dir = tempDir()
    const outcome = await runCheck(configMapBackupCheck, cluster, { artifactsDir: dir })
    const backup = parse(
      readFileSync(dataOf(configMapBackupCheck, outcome, CONFIGMAP_BACKUP_DATA)!.path, 'utf8')
    )
    expect(backup.metadata).toEqual({
      name: 'vapora-config',
      namespace: 'vapora',
      labels: { 'app.kubernetes.io/part-of': 'vapora' }
    })
  })

  it('writes to a fresh temp dir when no artifacts dir is given', async () => {
    const { cluster } = vaporaCluster()
    const outcome = await runCheck(configMapBackupCheck, cluster)
    const { path } = dataOf(configMapBackupCheck, outcome, CONFIGMAP_BACKUP_DATA)!
    try {
      expect(dirname(path).startsWith(join(tmpdir(), 'vapora-preflight-'))).toBe(true)
      expect(existsSync(path)).toBe(true)
    } finally {
      rmSync(dirname(path), { recursive: true, force: true })
    }
  })

  it('warns on a first deploy, when there is no ConfigMap to back up', async () => {
    const dir = tempDir()
    expect(
      await runCheck(configMapBackupCheck, new InMemoryCluster(namespace()), { artifactsDir: dir })
    ).toEqual({
      status: 'warn',
      message: 'ConfigMap vapora-config does not exist in vapora yet (first deploy): nothing to back up'
    })
    expect(readdirSync(dir)).toEqual([])
  })

  it('is an error, writing nothing, when the ConfigMap may not be read', async () => {
    const { cluster } = vaporaCluster()
    const denied = forbidden({
      verb: 'get',
      resource: 'configmaps',
      name: 'vapora-config',
      namespace: 'vapora'
    })
    cluster.failNext('configMap', denied)
    const dir = tempDir()
    expect(await runCheck(configMapBackupCheck, cluster, { artifactsDir: dir })).toEqual({
      status: 'error',
      message: `cannot back up ConfigMap vapora-config: ${denied.message} (HTTP 403 Forbidden)`
    })
    expect(readdirSync(dir)).toEqual([])
  })
})

import { dataKey } from '../core/check-data.js'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import type { KubeObjectJson } from '../core/kube-object.js'
import { manifestDocs, objectLabel, usableCluster } from './cluster-common.js'

interface Container {
  name: string
  image?: string
  env?: Array<{ name: string; value?: string; valueFrom?: unknown }>
}

const containersOf = (obj: KubeObjectJson | undefined): Container[] =>
  obj?.spec?.template?.spec?.containers ?? []

function envValue(e: { value?: string; valueFrom?: unknown }): string {
  return e.valueFrom !== undefined ? `from ${JSON.stringify(e.valueFrom)}` : (e.value ?? '')
}

/**
 * What a reviewer needs from a Deployment change: replicas, images, env. Env values are not shown: they
 * end up in the job summary and the tracking issue, and a value such as DATABASE_URL may hold a password.
 */
function deploymentChanges(live: KubeObjectJson, next: KubeObjectJson): string[] {
  const changes: string[] = []
  if (live.spec?.replicas !== next.spec?.replicas)
    changes.push(`replicas ${live.spec?.replicas} → ${next.spec?.replicas}`)
  const before = new Map(containersOf(live).map(c => [c.name, c]))
  for (const container of containersOf(next)) {
    const old = before.get(container.name)
    if (!old) {
      changes.push(`container ${container.name} added (${container.image})`)
      continue
    }
    before.delete(container.name)
    if (old.image !== container.image)
      changes.push(`${container.name} image ${old.image} → ${container.image}`)
    const oldEnv = new Map((old.env ?? []).map(e => [e.name, envValue(e)]))
    for (const e of container.env ?? []) {
      const value = envValue(e)
      if (!oldEnv.has(e.name)) changes.push(`${container.name} env ${e.name} added`)
      else if (oldEnv.get(e.name) !== value) {
        changes.push(`${container.name} env ${e.name} changed`)
      }
      oldEnv.delete(e.name)
    }
    for (const name of oldEnv.keys()) changes.push(`${container.name} env ${name} removed`)
  }
  for (const name of before.keys()) changes.push(`container ${name} removed`)
  return changes
}

/** ConfigMap keys added, removed or changed (values are not shown: they may be sensitive). */
function configMapChanges(live: KubeObjectJson, next: KubeObjectJson): string[] {
  const a = (live.data ?? {}) as Record<string, string>
  const b = (next.data ?? {}) as Record<string, string>
  const changes: string[] = []
  for (const key of Object.keys(b)) {
    if (!(key in a)) changes.push(`key ${key} added`)
    else if (a[key] !== b[key]) changes.push(`key ${key} changed`)
  }
  for (const key of Object.keys(a)) if (!(key in b)) changes.push(`key ${key} removed`)
  return changes
}

/** What what-changes leaves: per object label, the changes a reviewer reads. */
export interface WhatChangesData {
  changes: Record<string, string[]>
}
export const WHAT_CHANGES_DATA = dataKey<WhatChangesData>('what-changes')

/** "Document: what's changing": per object, live vs the server's dry-run result, as a reviewer reads it. */
export const whatChangesCheck = defineCheck({
  id: 'what-changes',
  title: "Document: what's changing (configs, manifests, versions)",
  item: 'document-what-changes',
  needs: ['cluster', 'bundle'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const { session } = cluster
    const namespace = ctx.options.namespace
    const changes: Record<string, string[]> = {}
    const notComputed: string[] = []
    for (const { doc } of manifestDocs(ctx).docs) {
      const label = objectLabel(doc)
      const outcome = await session.dryRunApply(doc, namespace).catch(() => undefined)
      const live = await session.live(doc, namespace).catch(() => undefined)
      if (!outcome?.ok || !outcome.result) {
        notComputed.push(label)
        continue
      }
      if (!live) {
        changes[label] = ['new object (will be created)']
        continue
      }
      const list =
        doc.kind === 'Deployment'
          ? deploymentChanges(live, outcome.result)
          : doc.kind === 'ConfigMap'
            ? configMapChanges(live, outcome.result)
            : JSON.stringify(live.spec) !== JSON.stringify(outcome.result.spec)
              ? ['spec changes']
              : []
      changes[label] = list.length ? list : ['no change']
    }
    const details = Object.entries(changes).map(([label, list]) => `${label}: ${list.join('; ')}`)
    if (notComputed.length) details.push(`not computed (dry-run failed): ${notComputed.join(', ')}`)
    const changed = Object.values(changes).filter(list => list[0] !== 'no change').length
    return {
      status: notComputed.length ? 'warn' : 'pass',
      message: `${changed} of ${Object.keys(changes).length + notComputed.length} objects change${notComputed.length ? `; ${notComputed.length} not computed` : ''}`,
      details,
      data: { changes } satisfies WhatChangesData
    }
  }
})

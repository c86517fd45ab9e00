import { dataKey } from '../core/check-data.js'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck, isClusterError } from '../core/check.js'
import type { KubeObjectJson } from '../core/kube-object.js'
import { explainApiError, manifestDocs, objectLabel, usableCluster } from './cluster-common.js'

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

/** An object whose live state or dry-run result could not be read, and the reader's error. */
interface NotRead {
  label: string
  error: unknown
}

/**
 * The outcome when objects could not be read: an error (fail closed), never "new object" nor a warning,
 * since nothing is known of what the deploy changes in them. The first cause is named, and how to fix it.
 */
function notReadOutcome(
  notRead: NotRead[],
  afterServerGone: string[],
  total: number,
  computed: { details: string[]; changes: Record<string, string[]> }
): CheckOutcome {
  const isServerGone = (error: unknown) => isClusterError(error) && error.unreachable === true
  // A server gone is the root cause of every read after it; otherwise the first failure is named.
  const first = notRead.find(({ error }) => isServerGone(error)) ?? notRead[0]
  const serverGone = isServerGone(first.error)
  const denied = notRead.some(({ error }) => isClusterError(error) && error.status === 403)
  const details = [
    ...computed.details,
    ...notRead.map(({ label, error }) => `${label}: not read: ${explainApiError(error)}`)
  ]
  if (afterServerGone.length)
    details.push(`not read (the server stopped answering): ${afterServerGone.join(', ')}`)
  // A server gone is the cause whatever the object; a denial or a server error is about one object.
  const cause = `${serverGone ? '' : `${first.label}: `}${explainApiError(first.error)}`
  return {
    status: 'error',
    message: `${notRead.length + afterServerGone.length} of ${total} objects not compared with the cluster: ${cause}`,
    details,
    data: { changes: computed.changes } satisfies WhatChangesData,
    hint: serverGone
      ? 'Check that the API server is up and that this runner can reach it, then run the preflight again.'
      : denied
        ? 'Grant the deploy identity get on these objects (a Role/RoleBinding in the namespace), or use the right kubeconfig.'
        : 'The message above is the API server’s own: run the preflight again once the server answers these reads.'
  }
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
    const notRead: NotRead[] = []
    let afterServerGone: string[] = []
    const { docs } = manifestDocs(ctx)
    // Every object is asked at once (the dry-runs are the dry-run check's, shared through the session);
    // the answers are then read in the bundle's order, as before.
    const answers = await Promise.all(
      docs.map(async ({ doc }) => {
        // The live object is asked beside the dry-run, not after it (the two answers are independent),
        // and read only when there is a dry-run result to compare it with; a failed read is then ignored.
        const reading = session.live(doc, namespace)
        reading.catch(() => undefined)
        try {
          const outcome = await session.dryRunApply(doc, namespace)
          // A live object that cannot be read (403, 500, a server gone) throws: it is never taken for one
          // that does not exist yet.
          const live = outcome.ok && outcome.result ? await reading : undefined
          return { outcome, live }
        } catch (error) {
          return { error }
        }
      })
    )
    for (const [index, { doc }] of docs.entries()) {
      const label = objectLabel(doc)
      const answer = answers[index]
      if ('error' in answer) {
        const { error } = answer
        notRead.push({ label, error })
        if (isClusterError(error) && error.unreachable) {
          // A server that did not answer for this object did not for the next: one cause, named once.
          afterServerGone = docs.slice(index + 1).map(d => objectLabel(d.doc))
          break
        }
        continue
      }
      const { outcome, live } = answer
      if (!outcome.ok || !outcome.result) {
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
    if (notRead.length) return notReadOutcome(notRead, afterServerGone, docs.length, { details, changes })
    const changed = Object.values(changes).filter(list => list[0] !== 'no change').length
    return {
      status: notComputed.length ? 'warn' : 'pass',
      message: `${changed} of ${Object.keys(changes).length + notComputed.length} objects change${notComputed.length ? `; ${notComputed.length} not computed` : ''}`,
      details,
      data: { changes } satisfies WhatChangesData
    }
  }
})

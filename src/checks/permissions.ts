import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { splitApiVersion } from '../core/kube-object.js'
import { explainApiError, manifestDocs, usableCluster } from './cluster-common.js'

interface Need {
  verb: string
  group: string
  resource: string
  namespace?: string
  why: string
}

const APPLY_VERBS = ['get', 'create', 'patch', 'update']

/**
 * "kubectl auth can-i": a SelfSubjectAccessReview for every verb and resource the deploy needs, derived from
 * the bundle's kinds (apply = get/create/patch/update), plus `patch deployments` for `kubectl rollout undo`.
 */
export const permissionsCheck = defineCheck({
  id: 'permissions',
  title: 'Test write access to the cluster (kubectl auth can-i)',
  item: 'write-access',
  needs: ['cluster', 'bundle'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const { session } = cluster
    const namespace = ctx.options.namespace
    const needs = new Map<string, Need>()
    const add = (need: Need) =>
      needs.set(`${need.verb} ${need.group}/${need.resource} ${need.namespace ?? ''}`, need)
    const unknownKinds: string[] = []
    const { docs } = manifestDocs(ctx)
    let resources
    try {
      // Every API group the bundle uses is asked at once (discovery is read once per group and run).
      resources = await Promise.all(docs.map(({ doc }) => session.resourceFor(doc.apiVersion!, doc.kind!)))
    } catch (error) {
      // The server could not say what it serves: nothing is known about the permissions, none is denied.
      return { status: 'error', message: `cannot ask the server what it serves: ${explainApiError(error)}` }
    }
    for (const [index, { doc }] of docs.entries()) {
      const resource = resources[index]
      if (!resource) {
        unknownKinds.push(`${doc.kind} (${doc.apiVersion})`)
        continue
      }
      const { group } = splitApiVersion(doc.apiVersion!)
      for (const verb of APPLY_VERBS) {
        add({
          verb,
          group,
          resource: resource.name,
          namespace: resource.namespaced ? namespace : undefined,
          why: `apply ${doc.kind}`
        })
      }
    }
    add({ verb: 'patch', group: 'apps', resource: 'deployments', namespace, why: 'kubectl rollout undo' })
    const checked = await Promise.all(
      [...needs.values()].map(async need => {
        try {
          const answer = await session.canI(need)
          return { need, allowed: answer.allowed }
        } catch (error) {
          return { need, allowed: false, error: explainApiError(error) }
        }
      })
    )
    const label = (n: Need) =>
      `${n.verb} ${n.resource}${n.group ? `.${n.group}` : ''}${n.namespace ? ` in namespace ${n.namespace}` : ' (cluster-wide)'}`
    const unasked = checked.filter(c => c.error)
    const missing = checked.filter(c => !c.allowed && !c.error)
    const details = checked.map(
      c =>
        `${c.error ? '?  ' : c.allowed ? 'yes' : 'NO '}  ${label(c.need)} — for ${c.need.why}${c.error ? ` (not answered: ${c.error})` : ''}`
    )
    if (unknownKinds.length)
      details.push(`not checked (the server does not serve them): ${unknownKinds.join(', ')}`)
    if (unasked.length > 0) {
      // An unanswered question is not a "no": say the server did not answer, not that a verb is denied.
      return {
        status: 'error',
        message: `could not ask the server about ${unasked.length} of ${checked.length} permissions: ${unasked[0].error}${missing.length ? `; denied: ${missing.map(m => label(m.need)).join('; ')}` : ''}`,
        details
      }
    }
    if (missing.length > 0) {
      return {
        status: 'fail',
        message: `the deploy identity cannot: ${missing.map(m => label(m.need)).join('; ')}`,
        details,
        hint: 'Grant these verbs to the deploy identity (a Role/RoleBinding in the namespace), or use the right kubeconfig.',
        data: { missing: missing.map(m => label(m.need)) }
      }
    }
    return {
      status: 'pass',
      message: `all ${checked.length} permissions the deploy and a rollback need are granted`,
      details
    }
  }
})

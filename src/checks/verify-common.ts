/**
 * What the verify checks (mode: verify, after the deploy) share: the bundle's Deployments and their
 * images, fresh reads of the live objects (never the session's cache: things move during a rollout), and
 * the preflight record they compare with.
 */
import type { KubeObjectJson } from '../core/kube-object.js'
import { REVISION_ANNOTATION } from './rollout.js'
import type { CheckOutcome } from '../core/types.js'
import type { CheckContext, ClusterReader } from '../core/check.js'
import { manifestDocs } from './cluster-common.js'

/** The prerequisite (no check of its own) that the comparisons need: what the preflight recorded. */
export const PREFLIGHT_RECORD = 'preflight-record'

export interface BundleDeployment {
  name: string
  /** Container name → image, as the bundle declares them. */
  images: Record<string, string>
}

export function bundleDeployments(ctx: CheckContext): BundleDeployment[] {
  return manifestDocs(ctx)
    .docs.filter(d => d.doc.kind === 'Deployment' && d.doc.metadata?.name)
    .map(({ doc }) => ({
      name: doc.metadata!.name!,
      images: Object.fromEntries(
        ((doc.spec?.template?.spec?.containers ?? []) as Array<{ name?: string; image?: string }>).map(c => [
          c.name ?? '',
          c.image ?? ''
        ])
      )
    }))
}

export const liveDeployments = (cluster: ClusterReader, ctx: CheckContext) =>
  cluster.fresh('deployments', ctx.options.namespace)
export const liveReplicaSets = (cluster: ClusterReader, ctx: CheckContext) =>
  cluster.fresh('replicasets', ctx.options.namespace)
export const livePods = (cluster: ClusterReader, ctx: CheckContext) =>
  cluster.fresh('pods', ctx.options.namespace)

/** The ReplicaSet a Deployment runs now: owned by it, with the Deployment's own revision. */
export function currentReplicaSet(
  deployment: KubeObjectJson,
  replicaSets: readonly KubeObjectJson[]
): KubeObjectJson | undefined {
  const revision = deployment.metadata?.annotations?.[REVISION_ANNOTATION]
  return replicaSets.find(
    rs =>
      (rs.metadata?.ownerReferences ?? []).some(o => o.controller && o.uid === deployment.metadata?.uid) &&
      rs.metadata?.annotations?.[REVISION_ANNOTATION] === revision
  )
}

/** Pods owned by a ReplicaSet. */
export function podsOf(replicaSet: KubeObjectJson, pods: readonly KubeObjectJson[]): KubeObjectJson[] {
  return pods.filter(p =>
    (p.metadata?.ownerReferences ?? []).some(o => o.controller && o.uid === replicaSet.metadata?.uid)
  )
}

export const isReady = (pod: KubeObjectJson): boolean =>
  ((pod.status?.conditions ?? []) as Array<{ type: string; status: string }>).some(
    c => c.type === 'Ready' && c.status === 'True'
  )

/** The record a comparison needs, or the outcome saying it is missing (which blocks: not verified). */
export function needRecord(ctx: CheckContext): CheckOutcome | undefined {
  if (ctx.options.verify?.record) return undefined
  return {
    status: 'skip',
    skipReason: 'prerequisite-failed',
    blockedBy: PREFLIGHT_RECORD,
    message: `not run: ${ctx.options.verify?.recordProblem ?? 'no preflight record to compare with'}`,
    hint: 'Run the preflight (mode: preflight, tracking-issue: true) before the deploy: it records the baseline in the tracking issue.'
  }
}

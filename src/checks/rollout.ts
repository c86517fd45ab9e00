/**
 * Rollout history computed the way kubectl does it: the ReplicaSets whose controller owner is the
 * Deployment, each carrying its revision in the `deployment.kubernetes.io/revision` annotation.
 */
import type { KubeObjectJson } from '../core/kube-object.js'

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause'

export interface Revision {
  revision: number
  replicaSet: string
  images: string[]
  changeCause?: string
  createdAt?: string
}

export interface RolloutHistory {
  deployment: string
  namespace: string
  /** Revisions oldest first. */
  revisions: Revision[]
  /** The revision the Deployment runs now (its own revision annotation). */
  currentRevision?: number
  highestRevision?: number
  /** The command that brings the Deployment back to what runs now, after the deploy. */
  undoCommand?: string
}

function images(podTemplate: KubeObjectJson | undefined): string[] {
  const containers: Array<{ image?: string }> = podTemplate?.spec?.containers ?? []
  return containers.map(c => c.image ?? '(none)')
}

/** Builds the history of `deployment` from the namespace's ReplicaSets. */
export function rolloutHistory(
  deployment: KubeObjectJson,
  replicaSets: readonly KubeObjectJson[]
): RolloutHistory {
  const name = deployment.metadata!.name!
  const namespace = deployment.metadata!.namespace!
  const uid = deployment.metadata?.uid
  const owned = replicaSets.filter(rs =>
    (rs.metadata?.ownerReferences ?? []).some(ref => ref.controller === true && ref.uid === uid)
  )
  const revisions = owned
    .map(rs => ({
      revision: Number(rs.metadata?.annotations?.[REVISION_ANNOTATION]),
      replicaSet: rs.metadata!.name!,
      images: images(rs.spec?.template),
      changeCause: rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION],
      createdAt: rs.metadata?.creationTimestamp
    }))
    .filter(r => Number.isInteger(r.revision) && r.revision > 0)
    .sort((a, b) => a.revision - b.revision)
  const current = Number(deployment.metadata?.annotations?.[REVISION_ANNOTATION])
  const highestRevision = revisions.at(-1)?.revision
  return {
    deployment: name,
    namespace,
    revisions,
    currentRevision: Number.isInteger(current) && current > 0 ? current : undefined,
    highestRevision,
    undoCommand:
      highestRevision === undefined
        ? undefined
        : `kubectl rollout undo deployment/${name} -n ${namespace} --to-revision=${highestRevision}`
  }
}

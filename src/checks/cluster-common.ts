/** What the cluster checks share: getting a usable session, the bundle's manifests, error wording. */
import { CONFIGMAP_FILE, DEPLOYMENT_FILE } from '../core/defaults.js'
import { describeError } from '../core/errors.js'
import type { KubeObjectJson } from '../core/kube-object.js'
import type { CheckOutcome } from '../core/types.js'
import { isClusterError, type CheckContext, type ClusterReader, type ListRead } from '../core/check.js'
import { kubeObjectsIn } from './kube-objects.js'

/** Pods that are done with their node: their requests no longer hold its resources. */
const NOT_FINISHED = 'status.phase!=Succeeded,status.phase!=Failed'

/**
 * The server-side filters the checks list with (field selectors the API server supports), one place each:
 * the server then sends only what a check reads.
 */
export const SELECT = {
  /** Warning events: Normal ones are most of a namespace's events and no check reads them. */
  warningEvents: 'type=Warning',
  /** Pods but the completed ones (Jobs), which pods-running does not judge. */
  podsNotSucceeded: 'status.phase!=Succeeded',
  /** Pods that hold a node's resources: bound to one and not finished (as `kubectl describe node` counts). */
  podsOnNodes: `spec.nodeName!=,${NOT_FINISHED}`,
  /** The same on one node (a node name has no comma or equals sign to escape). */
  podsOnNode: (node: string) => `spec.nodeName=${node},${NOT_FINISHED}`
} as const

/** What a check that folds lists leaves in its data, beside its own: what each list cost (pages, objects). */
export interface ListReads {
  reads: ListRead[]
}

/** An API error as one line: the server's message, with who/what when the server said so. */
export function explainApiError(error: unknown): string {
  if (isClusterError(error)) {
    if (error.unreachable || error.status === undefined) return error.message
    return `${error.message} (HTTP ${error.status}${error.kubeStatus?.reason ? ` ${error.kubeStatus.reason}` : ''})`
  }
  return describeError(error)
}

/**
 * The session when the cluster is configured and answered `/version`; otherwise the outcome the check
 * should report (a blocking skip: the cluster was not verified). `cluster-access` reports the cause once.
 */
export async function usableCluster(
  ctx: CheckContext
): Promise<{ session: ClusterReader } | { outcome: CheckOutcome }> {
  if (!ctx.cluster) {
    // cluster-access reports the cause (and how to fix it) once; this check only says it did not run.
    return {
      outcome: {
        status: 'skip',
        skipReason: 'not-configured',
        blockedBy: 'cluster-access',
        message: `not run: ${ctx.clusterProblem ?? 'no cluster configured'}`
      }
    }
  }
  try {
    await ctx.cluster.version()
    return { session: ctx.cluster }
  } catch {
    return {
      outcome: {
        status: 'skip',
        skipReason: 'prerequisite-failed',
        blockedBy: 'cluster-access',
        message: 'not run: the cluster could not be used (see cluster-access)'
      }
    }
  }
}

export interface ManifestDoc {
  file: string
  line: number
  doc: KubeObjectJson
}

/** A document of the manifests that is not sent to the server, and why. */
export interface LeftOut {
  file: string
  line?: number
  label: string
  why: string
}

/**
 * Every Kubernetes object in configmap.yaml and deployment.yaml that parsed, in file order, with the
 * files that did not parse and the documents left out for not being usable objects.
 */
export function manifestDocs(ctx: CheckContext): {
  docs: ManifestDoc[]
  unreadable: string[]
  leftOut: LeftOut[]
} {
  const docs: ManifestDoc[] = []
  const unreadable: string[] = []
  const leftOut: LeftOut[] = []
  for (const file of [CONFIGMAP_FILE, DEPLOYMENT_FILE]) {
    if (!ctx.bundle?.has(file)) continue
    const parsed = ctx.bundle.parsed(file)
    if (parsed.errors.length > 0) {
      unreadable.push(file)
      continue
    }
    const { objects, problems } = kubeObjectsIn(parsed)
    for (const obj of objects) docs.push({ file, line: obj.line, doc: obj.raw as KubeObjectJson })
    for (const p of problems) leftOut.push({ file, line: p.line, label: p.label, why: p.problem })
  }
  return { docs, unreadable, leftOut }
}

export const objectLabel = (doc: KubeObjectJson): string => `${doc.kind}/${doc.metadata?.name}`

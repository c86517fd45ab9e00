/** What the cluster checks share: getting a usable session, the bundle's manifests, error wording. */
import { CONFIGMAP_FILE, DEPLOYMENT_FILE } from '../core/defaults.js'
import { describeError } from '../core/errors.js'
import type { KubeObjectJson } from '../core/kube-object.js'
import type { CheckOutcome } from '../core/types.js'
import { isClusterError, type ClusterReader } from '../core/check.js'
import type { CheckContext } from '../core/check.js'
import { kubeObjectsIn } from './kube-objects.js'

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

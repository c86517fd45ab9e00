import { dataKey } from '../core/check-data.js'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { explainApiError, usableCluster } from './cluster-common.js'

interface ContainerStatus {
  name: string
  ready?: boolean
  restartCount?: number
  state?: { waiting?: { reason?: string }; terminated?: { reason?: string } }
  lastState?: { terminated?: { finishedAt?: string; reason?: string; exitCode?: number } }
}

/**
 * "kubectl get pods -n vapora (all Running)": every pod Running and Ready. A container in CrashLoopBackOff,
 * or one that restarted within the events window, blocks; older restarts are only counted.
 */
/** What pods-running leaves: restart counts, in total and per pod (the baseline verify compares with). */
export interface PodsRunningData {
  restarts: number
  restartsByPod: Record<string, number>
}
export const PODS_RUNNING_DATA = dataKey<PodsRunningData>('pods-running')

export const podsRunningCheck = defineCheck({
  id: 'pods-running',
  title: 'Check pod status: all Running and Ready, no rising restarts',
  item: 'production-pods-running',
  needs: ['cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const namespace = ctx.options.namespace
    const since = Date.now() - ctx.options.eventsWindowMs
    try {
      const pods = await cluster.session.pods(namespace)
      const problems: string[] = []
      const details: string[] = []
      let restarts = 0
      const restartsByPod: Record<string, number> = {}
      // A completed pod (a Job's) has done its work: it is neither judged nor counted.
      const judged = pods.filter(pod => pod.status?.phase !== 'Succeeded')
      for (const pod of judged) {
        const name = pod.metadata?.name
        const statuses: ContainerStatus[] = pod.status?.containerStatuses ?? []
        const podRestarts = statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0)
        restarts += podRestarts
        if (name) restartsByPod[name] = podRestarts
        const ready =
          (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready')?.status === 'True'
        details.push(
          `${name}: ${pod.status?.phase ?? 'Unknown'}, ${ready ? 'Ready' : 'not Ready'}, ${podRestarts} restarts`
        )
        if (pod.status?.phase !== 'Running') problems.push(`${name} is ${pod.status?.phase ?? 'Unknown'}`)
        else if (!ready) problems.push(`${name} is not Ready`)
        for (const s of statuses) {
          const waiting = s.state?.waiting?.reason
          if (
            waiting === 'CrashLoopBackOff' ||
            waiting === 'ImagePullBackOff' ||
            waiting === 'ErrImagePull'
          ) {
            problems.push(`${name}/${s.name} is in ${waiting} (${s.restartCount ?? 0} restarts)`)
            continue
          }
          const finished = Date.parse(s.lastState?.terminated?.finishedAt ?? '')
          if ((s.restartCount ?? 0) > 0 && finished >= since) {
            problems.push(
              `${name}/${s.name} restarted ${s.restartCount} times, last at ${s.lastState!.terminated!.finishedAt} (${s.lastState?.terminated?.reason ?? 'exited'}): restarts are rising`
            )
          }
        }
      }
      if (pods.length === 0) return { status: 'pass', message: `no pods in ${namespace} yet` }
      if (judged.length === 0) {
        return {
          status: 'pass',
          message: `no pods to judge in ${namespace}: ${pods.length} completed, none running`,
          data: { restarts, restartsByPod } satisfies PodsRunningData
        }
      }
      if (problems.length) {
        return {
          status: 'fail',
          message: [...new Set(problems)].join('; '),
          details,
          data: { restarts, restartsByPod } satisfies PodsRunningData,
          hint: 'Check the pod logs and events (kubectl describe pod); a crashing workload should be fixed or rolled back before deploying over it.'
        }
      }
      return {
        status: 'pass',
        message: `${judged.length} pods Running and Ready (${restarts} restarts in total, none recent)`,
        details,
        data: { restarts, restartsByPod }
      }
    } catch (error) {
      return { status: 'error', message: `cannot list pods in ${namespace}: ${explainApiError(error)}` }
    }
  }
})

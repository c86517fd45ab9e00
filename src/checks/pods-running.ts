import { dataKey } from '../core/check-data.js'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import type { KubeObjectJson } from '../core/kube-object.js'
import { explainApiError, SELECT, usableCluster, type ListReads } from './cluster-common.js'

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
/**
 * What pods-running leaves: restart counts, in total and per pod (the baseline verify compares with);
 * absent when the namespace has no pods yet (nothing to compare with).
 */
export interface PodsRunningData extends ListReads {
  restarts?: number
  restartsByPod?: Record<string, number>
}
export const PODS_RUNNING_DATA = dataKey<PodsRunningData>('pods-running')

/** What is kept of the namespace's pods while they are read: counts and lines, never the pods. */
interface PodTally {
  pods: number
  restarts: number
  restartsByPod: Record<string, number>
  problems: string[]
  details: string[]
}

/** Adds one pod to the tally. */
function judge(tally: PodTally, pod: KubeObjectJson, since: number): PodTally {
  const name = pod.metadata?.name
  // The server leaves completed pods out (SELECT.podsNotSucceeded); a reader that did not is not trusted.
  if (pod.status?.phase === 'Succeeded') return tally
  tally.pods++
  const statuses: ContainerStatus[] = pod.status?.containerStatuses ?? []
  const podRestarts = statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0)
  tally.restarts += podRestarts
  if (name) tally.restartsByPod[name] = podRestarts
  const ready =
    (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready')?.status === 'True'
  tally.details.push(
    `${name}: ${pod.status?.phase ?? 'Unknown'}, ${ready ? 'Ready' : 'not Ready'}, ${podRestarts} restarts`
  )
  if (pod.status?.phase !== 'Running') tally.problems.push(`${name} is ${pod.status?.phase ?? 'Unknown'}`)
  else if (!ready) tally.problems.push(`${name} is not Ready`)
  for (const s of statuses) {
    const waiting = s.state?.waiting?.reason
    if (waiting === 'CrashLoopBackOff' || waiting === 'ImagePullBackOff' || waiting === 'ErrImagePull') {
      tally.problems.push(`${name}/${s.name} is in ${waiting} (${s.restartCount ?? 0} restarts)`)
      continue
    }
    const finished = Date.parse(s.lastState?.terminated?.finishedAt ?? '')
    if ((s.restartCount ?? 0) > 0 && finished >= since) {
      tally.problems.push(
        `${name}/${s.name} restarted ${s.restartCount} times, last at ${s.lastState!.terminated!.finishedAt} (${s.lastState?.terminated?.reason ?? 'exited'}): restarts are rising`
      )
    }
  }
  return tally
}

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
      const { value: tally, read } = await cluster.session.fold(
        { kind: 'pods', namespace, fieldSelector: SELECT.podsNotSucceeded },
        (): PodTally => ({ pods: 0, restarts: 0, restartsByPod: {}, problems: [], details: [] }),
        (tally, pod) => judge(tally, pod, since)
      )
      const { pods, restarts, restartsByPod, problems, details } = tally
      if (pods === 0) {
        const data: PodsRunningData = { reads: [read] }
        return {
          status: 'pass',
          message: `no running pods in ${namespace} yet (completed ones are not judged)`,
          data
        }
      }
      const data: PodsRunningData = { restarts, restartsByPod, reads: [read] }
      if (problems.length) {
        return {
          status: 'fail',
          message: [...new Set(problems)].join('; '),
          details,
          data,
          hint: 'Check the pod logs and events (kubectl describe pod); a crashing workload should be fixed or rolled back before deploying over it.'
        }
      }
      return {
        status: 'pass',
        message: `${pods} pods Running and Ready (${restarts} restarts in total, none recent)`,
        details,
        data
      }
    } catch (error) {
      return { status: 'error', message: `cannot list pods in ${namespace}: ${explainApiError(error)}` }
    }
  }
})

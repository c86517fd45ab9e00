/**
 * Verify mode, after the deploy: the seed's "Success Criteria Verification" as checks on the live
 * cluster and endpoints, compared with what the preflight recorded, plus the post-deployment record
 * (start, end, duration, rollback, metrics before/after). Same engine, other checks: the bundle is read
 * and verified the same way, and the report has the same shape with a `verification` section.
 */
import { clusterAccessCheck } from '../checks/cluster-access.js'
import { verifyEventsCheck } from '../checks/verify-events.js'
import { compareWithBaseline, verifyApiCheck, verifyHealthCheck } from '../checks/verify-endpoints.js'
import { verifyImagesCheck } from '../checks/verify-images.js'
import { verifyPodsReadyCheck } from '../checks/verify-pods-ready.js'
import { verifyRestartsCheck } from '../checks/verify-restarts.js'
import { verifyRollbackCheck } from '../checks/verify-rollback.js'
import { VERIFY_SECTION } from '../checks/verify-common.js'
import { amendReport, finish, runPreflight, type RunHooks } from './engine.js'
import { resolveOptions, type PreflightInput } from './options.js'
import { UsageError } from './errors.js'
import type { Check, VerifyReport } from './types.js'

export type { Verification, VerifyReport } from './types.js'

/**
 * In this order, one at a time: the rollout is waited for first, so the images, restarts and endpoints
 * are read once it is over.
 */
export const VERIFY_CHECKS: readonly Check[] = [
  // First, so that a cluster the run cannot use is reported once, as the cause of what it blocks.
  clusterAccessCheck,
  verifyPodsReadyCheck,
  verifyImagesCheck,
  verifyRollbackCheck,
  verifyRestartsCheck,
  verifyEventsCheck,
  verifyHealthCheck,
  verifyApiCheck
]

const METRICS_CHECK = {
  id: 'verify-metrics',
  title: 'Metrics show normal resource usage',
  section: VERIFY_SECTION
}

export async function runVerify(input: PreflightInput, hooks: RunHooks = {}): Promise<VerifyReport> {
  const options = resolveOptions({ ...input, verify: input.verify ?? {} })
  if (options.offline) {
    // Offline, every cluster check is out of scope and would not block: a deploy "verified" unseen.
    throw new UsageError(
      'offline: verify mode checks the live cluster; remove offline: true (and pass a kubeconfig).'
    )
  }
  const verify = options.verify!
  const report = await runPreflight(
    { ...input, verify: input.verify ?? {} },
    { ...hooks, checks: hooks.checks ?? VERIFY_CHECKS, concurrency: 1, baselineResult: false, mode: 'verify' }
  )
  const recordCheck = {
    id: 'verify-record',
    title: 'Record the deployment (start, end, duration, rollback, metrics)',
    section: 'Post-Deployment Documentation'
  }
  const metrics = finish(
    METRICS_CHECK,
    compareWithBaseline(verify.record?.baseline, report.baseline, verify.latencyFactor),
    0
  )
  hooks.onResult?.(metrics)
  const amended = amendReport(report, [metrics])
  const data = (id: string) => amended.results.find(r => r.id === id)?.data
  const readyAt = data('verify-pods-ready')?.readyAt as string | undefined
  const endedAt = readyAt ?? amended.finishedAt
  const startedAt = verify.deployStartedAt?.toISOString()
  const durationMs = startedAt ? Math.max(0, Date.parse(endedAt) - Date.parse(startedAt)) : undefined
  const rollbackDetected = data('verify-rollback')?.rollbackDetected === true
  // The post-deployment record's items are ticked when the numbers are known (they are in the issue).
  const record = finish(
    recordCheck,
    startedAt
      ? {
          status: 'pass',
          message: `start ${startedAt}, end ${endedAt}, ${Math.round(durationMs! / 1000)} s, rollback ${rollbackDetected ? 'yes' : 'no'}`
        }
      : {
          status: 'skip',
          skipReason: 'not-applicable',
          message: 'not applicable: the deploy start is unknown (no preflight record, no deploy-started-at)'
        },
    0
  )
  hooks.onResult?.(record)
  const recorded = amendReport(amended, [record])
  return {
    ...recorded,
    verification: {
      verified: recorded.decision === 'go',
      rollbackDetected,
      startedAt,
      endedAt,
      durationMs,
      before: verify.record?.baseline,
      after: report.baseline,
      podRestarts: data('verify-restarts')?.total as number | undefined,
      undoCommands: verify.record?.undoCommands ?? [],
      preflightRunUrl: verify.record?.runUrl
    }
  }
}

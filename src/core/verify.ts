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
import { VERIFY_PODS_READY_DATA, verifyPodsReadyCheck } from '../checks/verify-pods-ready.js'
import { VERIFY_RESTARTS_DATA, verifyRestartsCheck } from '../checks/verify-restarts.js'
import { VERIFY_ROLLBACK_DATA, verifyRollbackCheck } from '../checks/verify-rollback.js'
import { VERIFY_METRICS, VERIFY_RECORD } from './results.js'
import { amendReport, finish, runChecks, type RunHooks, type RunSources } from './engine.js'
import type { PreflightOptions } from './options.js'
import { readData } from './check-data.js'
import { UsageError } from './errors.js'
import type { VerifyReport } from './types.js'
import type { Check } from './check.js'

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

/**
 * Verify mode on resolved options (with `verify` set) and the run's sources: the success criteria, then
 * the post-deployment record. Throws `UsageError` for an offline run (it would verify a deploy unseen).
 */
export async function runVerifyChecks(
  options: PreflightOptions,
  sources: RunSources,
  hooks: RunHooks = {}
): Promise<VerifyReport> {
  if (options.offline) {
    // Offline, every cluster check is out of scope and would not block: a deploy "verified" unseen.
    throw new UsageError(
      'offline: verify mode checks the live cluster; remove offline: true (and pass a kubeconfig).'
    )
  }
  const verify = options.verify
  if (!verify) throw new UsageError('verify: the options are not those of verify mode (no verify settings).')
  const report = await runChecks(options, sources, {
    ...hooks,
    checks: hooks.checks ?? VERIFY_CHECKS,
    concurrency: 1,
    baselineResult: false,
    mode: 'verify'
  })
  const metrics = finish(
    VERIFY_METRICS,
    compareWithBaseline(verify.record?.baseline, report.baseline, verify.latencyFactor),
    0
  )
  hooks.onResult?.(metrics)
  const amended = amendReport(report, [metrics])
  const readyAt = readData(amended.results, VERIFY_PODS_READY_DATA)?.readyAt
  const endedAt = readyAt ?? amended.finishedAt
  const startedAt = verify.deployStartedAt?.toISOString()
  const durationMs = startedAt ? Math.max(0, Date.parse(endedAt) - Date.parse(startedAt)) : undefined
  const rollbackDetected = readData(amended.results, VERIFY_ROLLBACK_DATA)?.rollbackDetected === true
  // The post-deployment record's items are ticked when the numbers are known (they are in the issue).
  const record = finish(
    VERIFY_RECORD,
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
      podRestarts: readData(amended.results, VERIFY_RESTARTS_DATA)?.total,
      undoCommands: verify.record?.undoCommands ?? [],
      preflightRunUrl: verify.record?.runUrl
    }
  }
}

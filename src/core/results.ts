/**
 * The results a run reports that no check file declares: what the engine does itself (download, unpack,
 * baseline, losing the API server), what verify mode adds (metrics, the record), the steps after the checks
 * (tracking issue, kit upload, manual gate, Slack, sign-off) and the two ways a run cannot start. Their id,
 * title and section live here once, the section derived from the checklist model like a check's.
 */
import { itemsNaming, reportSectionOf } from '../checklist/model.js'

/** What a result is, before it has an outcome. */
export interface ResultSpec {
  id: string
  title: string
  section: string
}

/**
 * A result placed in the checklist: `home` is an item key (which must name the id when any item does) or a
 * section key; absent, the result belongs to no section (the run itself: inputs, a crash).
 */
export function defineResult(spec: { id: string; title: string; home?: string }): ResultSpec {
  if (spec.home === undefined) return { id: spec.id, title: spec.title, section: '' }
  const section = reportSectionOf(spec.home)
  const naming = itemsNaming(spec.id)
  if (naming.length > 0 && !naming.includes(spec.home)) {
    throw new Error(
      `result ${spec.id}: its home "${spec.home}" does not name it (the items that do: ${naming.join(', ')})`
    )
  }
  return { id: spec.id, title: spec.title, section }
}

export const ARTIFACT_DOWNLOAD = defineResult({
  id: 'artifact-download',
  title: 'Download the deployment-artifacts bundle and verify its digest',
  home: 'download-artifacts'
})

export const BUNDLE_UNPACK = defineResult({
  id: 'bundle-unpack',
  title: 'Download artifacts and unpack them safely',
  home: 'verify-artifact-contents'
})

/** The API server answered at the start and stopped during the run: one cause, not a dozen. */
export const API_SERVER = defineResult({
  id: 'api-server',
  title: 'The API server keeps answering during the run',
  home: 'kubeconfig-valid'
})

export const BASELINE = defineResult({
  id: 'baseline',
  title: 'Record current metrics before deployment',
  home: 'record-baseline-metrics'
})

/** The verdict itself verifies "No critical issues found during testing". */
export const DECISION = defineResult({
  id: 'decision',
  title: 'Go/no-go decision',
  home: 'go-no-critical-issues'
})

export const TRACKING_ISSUE = defineResult({
  id: 'tracking-issue',
  title: 'Create GitHub issue or ticket tracking the deployment',
  home: 'tracking-issue'
})

export const ROLLBACK_KIT_UPLOAD = defineResult({
  id: 'rollback-kit-upload',
  title: 'Keep the rollback kit (report and ConfigMap backup) as an artifact',
  home: 'configmap-backup'
})

export const MANUAL_ITEMS = defineResult({
  id: 'manual-items',
  title: 'Every required manual item of the tracking issue is ticked',
  home: 'go-all-items-completed'
})

export const SLACK_WEBHOOK = defineResult({
  id: 'slack-webhook',
  title: 'Verify Slack webhook is working (test send message)',
  home: 'slack-webhook'
})

export const VERIFY_METRICS = defineResult({
  id: 'verify-metrics',
  title: 'Metrics show normal resource usage',
  home: 'success-normal-usage'
})

export const VERIFY_RECORD = defineResult({
  id: 'verify-record',
  title: 'Record the deployment (start, end, duration, rollback, metrics)',
  home: 'post-start-time'
})

/** Verify mode's tracking-issue step: the record and the sign-off, not the preflight's issue. */
export const SIGN_OFF = defineResult({
  id: 'sign-off',
  title: 'Record the deployment and sign-off in the tracking issue',
  home: 'post'
})

/** A run whose inputs (or policy file) are invalid: nothing was checked. */
export const INPUTS = defineResult({ id: 'inputs', title: 'Read and validate the inputs' })

/** A run that crashed, or whose code failed to load. */
export const ACTION = defineResult({ id: 'action', title: 'Run the action' })

/** Every result of this file, for the registry's tests. */
export const RESULTS: readonly ResultSpec[] = [
  ARTIFACT_DOWNLOAD,
  BUNDLE_UNPACK,
  API_SERVER,
  BASELINE,
  DECISION,
  TRACKING_ISSUE,
  ROLLBACK_KIT_UPLOAD,
  MANUAL_ITEMS,
  SLACK_WEBHOOK,
  VERIFY_METRICS,
  VERIFY_RECORD,
  SIGN_OFF,
  INPUTS,
  ACTION
]

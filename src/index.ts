/**
 * vapora/preflight-action as a library. Importing this module runs nothing.
 *
 * ```ts
 * import { runPreflight, renderMarkdown } from '@vapora/preflight-action'
 * const report = await runPreflight({ bundlePath: 'deployment-artifacts.zip', offline: true })
 * if (report.decision !== 'go') console.log(renderMarkdown(report))
 * ```
 */
export { runPreflight, runVerify } from './preflight.js'
export { amendReport, type RunHooks } from './core/engine.js'
export { VERIFY_CHECKS, type VerifyReport, type Verification } from './core/verify.js'
export { resolveOptions, type PreflightInput, type PreflightOptions } from './core/options.js'
export { decide, isBlocking } from './core/policy.js'
export { renderMarkdown, renderResultsTable } from './report/markdown.js'
export { renderJson } from './report/json.js'
export { CHECKLIST, checklistItems, type ChecklistItem, type LocatedItem } from './checklist/model.js'
export {
  checklistStatus,
  mergeTicks,
  type ItemState,
  type ItemStatus,
  type MergedChecklist,
  type OverriddenTick
} from './checklist/state.js'
export { renderChecklist, ITEM_MARKER_PREFIX } from './report/checklist.js'
export { readTicks } from './report/ticks.js'
export { renderIssueBody, issueKeyMarker, ISSUE_BODY_LIMIT, type IssueBody } from './report/issue-body.js'
export { downloadArtifactBundle, type ArtifactSpec, type ArtifactOrigin } from './github/artifact.js'
export {
  updateTrackingIssue,
  type TrackingIssueOptions,
  type TrackingIssueOutcome
} from './github/tracking-issue.js'
export { ALL_CHECKS } from './checks/index.js'
export { DEFAULT_BUNDLE_LIMITS, type BundleLimits } from './bundle/limits.js'
export { BundleError, UsageError } from './core/errors.js'
export { TOOL_NAME, TOOL_VERSION } from './core/version.js'
export type * from './core/types.js'

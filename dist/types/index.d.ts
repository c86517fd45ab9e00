/**
 * vapora/preflight-action as a library: run the preflight (or verify mode after the deploy) and render its
 * report. Importing this module runs nothing. This is the whole public surface; everything else in src/ is
 * internal and may change in any release.
 *
 * ```ts
 * import { runPreflight, renderText } from '@vapora/preflight-action'
 * const report = await runPreflight({ bundlePath: 'deployment-artifacts.zip', offline: true })
 * if (report.decision !== 'go') console.error(renderText(report))
 * ```
 */
export { runPreflight, runVerify } from './preflight.js';
export type { RunHooks } from './core/engine.js';
export type { ArtifactSpec, ChangeSpec, PreflightInput } from './core/options.js';
export type { Baseline, CheckResult, Decision, Finding, PreflightRecord, Report, RollbackKit, RootCause, RunMode, Status, Verification, VerifyReport } from './core/types.js';
export { renderMarkdown } from './report/markdown.js';
export { renderText, type TextOptions } from './report/text.js';
export { renderJson, readJsonReport } from './report/json.js';
export { recordOf } from './report/preflight-record.js';
export { UsageError } from './core/errors.js';
export { TOOL_NAME, TOOL_VERSION } from './core/version.js';

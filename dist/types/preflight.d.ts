/**
 * The composition root of the library: options resolved once, then the engine run with the real sources —
 * the bundle downloaded from GitHub when it is an artifact, the cluster opened through kube/, the change
 * history read from GitHub. The adapters (action, CLI) and library callers all come through here; the
 * engine itself (src/core/) imports none of them. Heavy clients load only when a run needs them.
 */
import { type RunHooks, type RunSources } from './core/engine.js';
import { type PreflightInput, type PreflightOptions } from './core/options.js';
import type { Report, VerifyReport } from './core/types.js';
/** The real sources: GitHub and Kubernetes, each loaded on first use. */
export declare const PRODUCTION_SOURCES: RunSources;
/**
 * Runs a preflight and returns its report. Throws only `UsageError` (invalid options); everything that
 * goes wrong with the bundle or a check is a result in the report, and the decision is then `no-go`.
 */
export declare function runPreflight(input: PreflightInput, hooks?: RunHooks): Promise<Report>;
/** Verify mode (after the deploy): the success criteria and the post-deployment record. */
export declare function runVerify(input: PreflightInput, hooks?: RunHooks): Promise<VerifyReport>;
export type { PreflightOptions };

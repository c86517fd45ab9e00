/**
 * The composition root of the library: options resolved once, then the engine run with the real sources —
 * the bundle downloaded from GitHub when it is an artifact, the cluster opened through kube/, the change
 * history read from GitHub. The adapters (action, CLI) and library callers all come through here; the
 * engine itself (src/core/) imports none of them. Heavy clients load only when a run needs them.
 */
import { runChecks, type RunHooks, type RunSources } from './core/engine.js'
import { resolveOptions, type PreflightInput, type PreflightOptions } from './core/options.js'
import type { Report, VerifyReport } from './core/types.js'
import { runVerifyChecks } from './core/verify.js'

/** The real sources: GitHub and Kubernetes, each loaded on first use. */
export const PRODUCTION_SOURCES: RunSources = {
  async fetchBundle(options) {
    const { downloadArtifactBundle } = await import('./github/artifact.js')
    const download = await downloadArtifactBundle(options.artifact!, options.workDir)
    return download.ok
      ? { outcome: download.outcome, zipPath: download.zipPath, origin: download.origin }
      : { outcome: download.outcome }
  },
  async openCluster(options, onSecrets) {
    const { openCluster } = await import('./kube/session.js')
    return openCluster(options.kubeconfig, options.context, {
      timeoutMs: options.requestTimeoutMs,
      execTimeoutMs: options.execTimeoutMs,
      // A credential an exec plugin refreshes mid-run is masked like the first one.
      onSecrets
    })
  },
  async openChanges(spec, repository) {
    const { ChangeReader } = await import('./github/changes.js')
    return new ChangeReader({ token: spec.token, apiUrl: spec.apiUrl, repository })
  },
  async localKubectl() {
    const { kubectlClientVersion } = await import('./kube/kubectl.js')
    return kubectlClientVersion()
  }
}

/**
 * Runs a preflight and returns its report. Throws only `UsageError` (invalid options); everything that
 * goes wrong with the bundle or a check is a result in the report, and the decision is then `no-go`.
 */
export async function runPreflight(input: PreflightInput, hooks: RunHooks = {}): Promise<Report> {
  return runChecks(resolveOptions(input), PRODUCTION_SOURCES, hooks)
}

/** Verify mode (after the deploy): the success criteria and the post-deployment record. */
export async function runVerify(input: PreflightInput, hooks: RunHooks = {}): Promise<VerifyReport> {
  return runVerifyChecks(resolveOptions({ ...input, verify: input.verify ?? {} }), PRODUCTION_SOURCES, hooks)
}

export type { PreflightOptions }

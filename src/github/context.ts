/** The workflow run's context, read once from the runner's environment variables. */

export interface RunContext {
  /** REST base URL (GITHUB_API_URL; https://api.github.com outside Actions). */
  apiUrl: string
  /** Web URL (GITHUB_SERVER_URL), for links. */
  serverUrl: string
  /** owner/name of the repository running the workflow. */
  repository?: string
  runId?: number
  runAttempt?: number
  /** This run's page, e.g. https://github.com/o/r/actions/runs/7 (attempt-specific when known). */
  runUrl?: string
  /** The commit the workflow runs on (GITHUB_SHA). */
  sha?: string
  /** The workflow's ref (GITHUB_REF), e.g. refs/heads/main or refs/tags/v1.2.0. */
  ref?: string
  /** True when the Actions runtime (artifact service) is available to this step. */
  hasActionsRuntime: boolean
}

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : undefined
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const repository = env.GITHUB_REPOSITORY || undefined
  const runId = positiveInt(env.GITHUB_RUN_ID)
  const runAttempt = positiveInt(env.GITHUB_RUN_ATTEMPT)
  const runUrl =
    repository && runId
      ? `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt && runAttempt > 1 ? `/attempts/${runAttempt}` : ''}`
      : undefined
  return {
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl,
    repository,
    runId,
    runAttempt,
    runUrl,
    sha: env.GITHUB_SHA || undefined,
    ref: env.GITHUB_REF || undefined,
    hasActionsRuntime: Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL)
  }
}

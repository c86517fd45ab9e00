/** The workflow run's context, read once from the runner's environment variables. */
export interface RunContext {
    /** REST base URL (GITHUB_API_URL; https://api.github.com outside Actions). */
    apiUrl: string;
    /** Web URL (GITHUB_SERVER_URL), for links. */
    serverUrl: string;
    /** owner/name of the repository running the workflow. */
    repository?: string;
    runId?: number;
    runAttempt?: number;
    /** This run's page, e.g. https://github.com/o/r/actions/runs/7 (attempt-specific when known). */
    runUrl?: string;
    /** The commit the workflow runs on (GITHUB_SHA). */
    sha?: string;
    /** The workflow's ref (GITHUB_REF), e.g. refs/heads/main or refs/tags/v1.2.0. */
    ref?: string;
    /** True when the Actions runtime (artifact service) is available to this step. */
    hasActionsRuntime: boolean;
}
export declare function readRunContext(env?: NodeJS.ProcessEnv): RunContext;

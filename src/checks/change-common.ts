/**
 * What the two change checks share: which commit of which repository is deployed, and one lazily created
 * GitHub reader (the client is loaded only when a change check runs).
 */
import type { ArtifactOrigin } from '../github/artifact.js'
import type { ChangeReader } from '../github/changes.js'
import { describeError } from '../core/errors.js'
import type { ChangeSpec } from '../core/options.js'
import type { CheckOutcome } from '../core/types.js'

export interface ChangeTarget {
  repository: string
  commit: string
  /** Where the commit came from, for messages. */
  source: string
  spec: ChangeSpec
  reader(): Promise<ChangeReader>
}

/** The commit deployed: the user's, else the bundle's build run's, else this run's. */
export function changeTarget(
  spec: ChangeSpec | undefined,
  origin: ArtifactOrigin | undefined,
  requestTimeoutMs: number
): ChangeTarget | { problem: string } | undefined {
  if (!spec) return undefined
  if (!spec.token) {
    return {
      problem:
        'github-token is empty: the commits and pull requests cannot be read. Keep its default (${{ github.token }}) with `permissions: contents: read, pull-requests: read`, or set check-changes: false.'
    }
  }
  const built = origin?.headSha
    ? {
        repository: origin.repository,
        commit: origin.headSha,
        source: `the run that built the bundle (${origin.runUrl})`
      }
    : undefined
  const chosen = spec.commit
    ? { repository: spec.repository, commit: spec.commit, source: 'the commit input' }
    : (built ??
      (spec.runCommit
        ? { repository: spec.repository, commit: spec.runCommit, source: "this run's commit (GITHUB_SHA)" }
        : undefined))
  // Outside Actions (GITHUB_SHA unset) with no commit given: nothing names the deployed code.
  if (!chosen) return undefined
  let reader: Promise<ChangeReader> | undefined
  return {
    ...chosen,
    spec,
    reader: () =>
      (reader ??= import('../github/changes.js').then(
        ({ ChangeReader }) =>
          new ChangeReader({
            token: spec.token,
            apiUrl: spec.apiUrl,
            repository: chosen.repository,
            requestTimeoutMs
          })
      ))
  }
}

/** Why the change checks do not apply when there is no target. */
export const NO_TARGET =
  'no commit to check (check-changes is off, or no --commit and --repository outside GitHub Actions)'

export const short = (sha: string): string => sha.slice(0, 7)

/** A GitHub failure as an `error` outcome naming the permission to grant. */
export async function githubProblem(
  error: unknown,
  doing: string,
  needs: 'contents: read' | 'pull-requests: read'
): Promise<CheckOutcome> {
  const status = (error as { status?: number }).status
  // Loaded here, not at the top: the GitHub client is not part of a run that never calls GitHub.
  const { explainGitHubError } = await import('../github/octokit.js')
  return {
    status: 'error',
    message: status ? explainGitHubError(error, doing, needs) : `${doing}: ${describeError(error)}`,
    hint:
      status === 403 || status === 401
        ? 'Give the job `permissions: contents: read, pull-requests: read` (the token reads commits and pull requests), or set check-changes: false.'
        : undefined
  }
}

/**
 * What the two change checks share: which commit of which repository is deployed, and one lazily created
 * GitHub reader (the client is loaded only when a change check runs).
 */
import type { ChangePermission, ChangeReader, ChangeTarget } from '../core/check.js'
import type { ArtifactOrigin } from '../core/types.js'
import type { ChangeSpec } from '../core/options.js'
import type { CheckOutcome } from '../core/types.js'

export type { ChangeTarget }

/** The commit deployed: the user's, else the bundle's build run's, else this run's. */
export function changeTarget(
  spec: ChangeSpec | undefined,
  origin: ArtifactOrigin | undefined,
  openReader: (spec: ChangeSpec, repository: string) => Promise<ChangeReader>
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
    // Opened on first use: a run whose change checks do not get that far never loads the GitHub client.
    reader: () => (reader ??= openReader(spec, chosen.repository))
  }
}

/** Why the change checks do not apply when there is no target. */
export const NO_TARGET =
  'no commit to check (check-changes is off, or no --commit and --repository outside GitHub Actions)'

export const short = (sha: string): string => sha.slice(0, 7)

/** A failure of the change history's reader as an `error` outcome naming the permission to grant. */
export function changeProblem(
  reader: ChangeReader,
  error: unknown,
  doing: string,
  needs: ChangePermission
): CheckOutcome {
  return { status: 'error', ...reader.explain(error, doing, needs) }
}

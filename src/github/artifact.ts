/**
 * Downloads the deployment-artifacts bundle from GitHub: from this run through the Actions runtime, or
 * from another run (or repository) through the REST API (`findBy`). The zip is saved as-is into a fresh
 * directory and handed to the foundation's safe unzip: nothing is extracted by the download itself.
 */
import { mkdtempSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { ArtifactOrigin, CheckOutcome } from '../core/types.js'
import type { ArtifactSpec } from '../core/options.js'
import { describeError } from '../core/errors.js'
import { createGitHubClient, explainGitHubError, type GitHubClient } from './octokit.js'
import { release, watch, type Recording } from './artifact-attempts.js'
import {
  explainFailure,
  noRoomFor,
  retriesNote,
  withoutQueries,
  type DownloadContext
} from './artifact-failure.js'

/** Which artifact to fetch. */
export type { ArtifactSpec }

/** Where the bundle came from: shown in the summary, the tracking issue and the `bundle-source` output. */
export type { ArtifactOrigin }

export type ArtifactDownload =
  | { ok: true; zipPath: string; origin: ArtifactOrigin; outcome: CheckOutcome }
  | { ok: false; origin?: Partial<ArtifactOrigin>; outcome: CheckOutcome }

interface Found {
  id: number
  name: string
  sizeBytes?: number
  digest?: string
  headSha?: string
}

const fail = (
  message: string,
  hint?: string,
  origin?: Partial<ArtifactOrigin>,
  data?: Record<string, unknown>
): ArtifactDownload => ({
  ok: false,
  origin,
  // Belt and braces: no message may carry a URL's query (a signed URL's is a credential).
  outcome: { status: 'fail', message: withoutQueries(message), hint, ...(data ? { data } : {}) }
})

/** A 4xx from Octokit (a RequestError with a status): explainGitHubError says it best. */
const clientError = (error: unknown): number | undefined => {
  const status = (error as { status?: number }).status
  return status !== undefined && status >= 400 && status < 500 ? status : undefined
}

/** The failure as the recorded attempts show it, else `fallback` (the library failed before any request). */
async function explained(
  recording: Recording,
  error: unknown,
  ctx: DownloadContext,
  fallback: () => string,
  origin?: Partial<ArtifactOrigin>
): Promise<ArtifactDownload> {
  release(recording)
  const why = await explainFailure(recording, describeError(error), ctx)
  return why
    ? fail(why.message, why.hint, origin, { ...(origin ? { origin } : {}), failure: why.data })
    : fail(fallback(), undefined, origin)
}

function originOf(spec: ArtifactSpec, repository: string, runId: number, found: Found): ArtifactOrigin {
  const runUrl = `${spec.serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`
  return {
    name: found.name,
    artifactId: found.id,
    repository,
    runId,
    url: `${runUrl}/artifacts/${found.id}`,
    runUrl,
    sizeBytes: found.sizeBytes,
    digest: found.digest,
    headSha: found.headSha
  }
}

function splitRepository(repository: string): { owner: string; repo: string } {
  const [owner, repo] = repository.split('/')
  return { owner, repo }
}

/** Lists the run's artifacts over REST and picks ours, with a specific message for each way it can fail. */
async function findInOtherRun(
  github: GitHubClient,
  repository: string,
  runId: number,
  name: string
): Promise<{ found?: Found; problem?: ArtifactDownload }> {
  const { owner, repo } = splitRepository(repository)
  const where = `run ${runId} of ${repository}`
  let artifacts
  const recording: Recording = { attempts: [] }
  try {
    artifacts = await watch(recording, () =>
      github.paginate(github.rest.actions.listWorkflowRunArtifacts, {
        owner,
        repo,
        run_id: runId,
        per_page: 100
      })
    )
  } catch (error) {
    if ((error as { status?: number }).status === 404)
      return { problem: await explainNotFound(github, repository, runId) }
    const doing = `listing the artifacts of ${where}`
    if (clientError(error)) return { problem: fail(explainGitHubError(error, doing, 'actions: read')) }
    const ctx = { artifact: `artifact "${name}"`, thisRun: false, where }
    return {
      problem: await explained(recording, error, ctx, () => explainGitHubError(error, doing, 'actions: read'))
    }
  }
  const named = artifacts.filter(a => a.name === name).sort((a, b) => b.id - a.id)
  if (named.length === 0) {
    const names = [...new Set(artifacts.map(a => a.name))].sort()
    return {
      problem: fail(
        `artifact "${name}" not found in ${where}; ${names.length > 0 ? `it has: ${names.map(n => `"${n}"`).join(', ')}` : 'it has no artifacts'}.`,
        names.length > 0
          ? 'Set artifact-name to the name the build job gave actions/upload-artifact.'
          : 'Check run-id: is it the run of the build workflow, and did its upload step succeed?'
      )
    }
  }
  const artifact = named.find(a => !a.expired)
  if (!artifact) {
    const newest = named[0]
    return {
      problem: fail(
        `artifact "${name}" (id ${newest.id}) of ${where} expired${newest.expires_at ? ` on ${newest.expires_at}` : ''}; GitHub no longer has its files.`,
        'Re-run the build workflow to produce a fresh bundle, or raise retention-days on its upload step.'
      )
    }
  }
  return {
    found: {
      id: artifact.id,
      name: artifact.name,
      sizeBytes: artifact.size_in_bytes,
      digest: artifact.digest ?? undefined,
      headSha: artifact.workflow_run?.head_sha ?? undefined
    }
  }
}

/** A 404 on the run's artifacts: is the repository wrong, or only the run? */
async function explainNotFound(
  github: GitHubClient,
  repository: string,
  runId: number
): Promise<ArtifactDownload> {
  try {
    await github.rest.repos.get(splitRepository(repository))
  } catch (error) {
    if ((error as { status?: number }).status === 404) {
      return fail(
        `repository "${repository}" not found, or the token cannot see it.`,
        "Check the repository input (owner/name). A workflow's GITHUB_TOKEN sees only its own repository: for another one pass a PAT or GitHub App token with actions: read there."
      )
    }
    return fail(explainGitHubError(error, `reading repository ${repository}`, 'contents: read'))
  }
  return fail(
    `workflow run ${runId} not found in ${repository}.`,
    'Check run-id: it is the number in the run URL (…/actions/runs/<run-id>), e.g. ${{ github.event.workflow_run.id }}.'
  )
}

type ArtifactModule = typeof import('@actions/artifact')

/** Tries of the zip redirect of another run (the artifact client makes only one). */
const REDIRECT_ATTEMPTS = 3

/** This run: the Actions runtime (twirp) finds the artifact by name; list the names on a miss. */
async function findInThisRun(
  artifacts: ArtifactModule,
  name: string
): Promise<{ found?: Found; problem?: ArtifactDownload }> {
  const client = new artifacts.DefaultArtifactClient()
  const recording: Recording = { attempts: [] }
  try {
    const { artifact } = await watch(recording, () => client.getArtifact(name))
    return {
      found: { id: artifact.id, name: artifact.name, sizeBytes: artifact.size, digest: artifact.digest }
    }
  } catch (error) {
    if (!(error instanceof artifacts.ArtifactNotFoundError)) {
      const ctx = { artifact: `artifact "${name}"`, thisRun: true, where: 'this run' }
      return {
        problem: await explained(
          recording,
          error,
          ctx,
          () => `finding artifact "${name}" in this run: ${describeError(error).split('\n')[0]}`
        )
      }
    }
    const listed = await client.listArtifacts().catch(() => ({ artifacts: [] }))
    const names = listed.artifacts.map(a => `"${a.name}"`)
    return {
      problem: fail(
        `artifact "${name}" not found in this run; ${names.length > 0 ? `it has: ${names.join(', ')}` : 'it has no artifacts yet'}.`,
        'Upload it in an earlier job of this workflow (actions/upload-artifact) and list that job in needs:, or set run-id to the run that built it.'
      )
    }
  }
}

/**
 * Downloads the artifact's zip into a fresh directory under `workDir`. Never throws: every problem is
 * a failing outcome whose message says what to change.
 */
export async function downloadArtifactBundle(spec: ArtifactSpec, workDir: string): Promise<ArtifactDownload> {
  const thisRun = spec.runId === undefined
  const repository = spec.repository ?? spec.currentRepository
  if (thisRun && !process.env.ACTIONS_RUNTIME_TOKEN) {
    return fail(
      'downloading from this run needs the Actions runtime (ACTIONS_RUNTIME_TOKEN is not set).',
      'Outside GitHub Actions, pass run-id, repository and a token with actions: read, or bundle-path.'
    )
  }
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    return fail(
      `repository: "${repository ?? ''}" is not owner/name.`,
      'Set repository (e.g. vapora/app), or run inside GitHub Actions where GITHUB_REPOSITORY is set.'
    )
  }
  if (!thisRun && !spec.token) {
    return fail(
      `github-token: empty; downloading from run ${spec.runId} of ${repository} needs a token with actions: read.`,
      'Keep the default github-token (${{ github.token }}) and give the job `permissions: actions: read`, or pass a PAT for another repository.'
    )
  }
  const artifacts: ArtifactModule = await import('@actions/artifact')
  const runId = spec.runId ?? spec.currentRunId ?? 0
  const github = spec.token ? createGitHubClient(spec.token, { baseUrl: spec.apiUrl }) : undefined
  const lookup = thisRun
    ? await findInThisRun(artifacts, spec.name)
    : await findInOtherRun(github!, repository, runId, spec.name)
  if (!lookup.found) return lookup.problem!
  const origin = originOf(spec, repository, runId, lookup.found)
  let dir: string
  try {
    dir = mkdtempSync(join(workDir, 'artifact-'))
  } catch (error) {
    const full = (error as { code?: string }).code === 'ENOSPC'
    return fail(
      `creating a directory for the download in ${workDir} failed: ${full ? "the runner's disk is full (ENOSPC)" : describeError(error)}.`,
      full
        ? 'Free disk space on the runner before this step (remove unused tool caches, Docker images or build output), or use a runner with a bigger disk.'
        : 'Check that the runner can write to its temporary directory (RUNNER_TEMP).',
      origin
    )
  }
  const { owner, repo } = splitRepository(repository)
  const where = thisRun ? 'this run' : `run ${runId} of ${repository}`
  const ctx: DownloadContext = {
    artifact: `artifact "${spec.name}" (id ${origin.artifactId})`,
    thisRun,
    where,
    dir,
    sizeBytes: origin.sizeBytes
  }
  const full = await noRoomFor(ctx)
  if (full) return fail(full.message, full.hint, origin, { origin, failure: full.data })
  const recording: Recording = { attempts: [] }
  const client = new artifacts.DefaultArtifactClient()
  let response
  for (let attempt = 1; ; attempt++) {
    try {
      response = await watch(recording, () =>
        client.downloadArtifact(origin.artifactId, {
          path: dir,
          skipDecompress: true,
          expectedHash: origin.digest,
          ...(thisRun
            ? {}
            : {
                findBy: {
                  token: spec.token!,
                  workflowRunId: runId,
                  repositoryOwner: owner,
                  repositoryName: repo
                }
              })
        })
      )
      break
    } catch (error) {
      const status = (error as { status?: number }).status
      if (status === 410) {
        return fail(
          `artifact "${spec.name}" (id ${origin.artifactId}) of run ${runId} has expired; GitHub no longer has its files.`,
          'Re-run the build workflow to produce a fresh bundle, or raise retention-days on its upload step.',
          origin
        )
      }
      if (clientError(error) && status !== 429) {
        return fail(
          explainGitHubError(error, `downloading artifact ${origin.artifactId}`, 'actions: read'),
          undefined,
          origin
        )
      }
      // The artifact client sends the zip redirect request once, without retrying: a single 502 there
      // would end the download. Retry that step (only), as our own Octokit does: after 1 s, then 4 s.
      const last = recording.attempts[recording.attempts.length - 1]
      if (last?.step === 'redirect' && !(last.status && last.status < 400) && attempt < REDIRECT_ATTEMPTS) {
        await new Promise(resolve => setTimeout(resolve, attempt * attempt * 1000))
        continue
      }
      return explained(
        recording,
        error,
        ctx,
        () => `downloading artifact ${origin.artifactId}: ${describeError(error).split('\n')[0]}`,
        origin
      )
    }
  }
  if (response.digestMismatch) {
    return fail(
      `artifact "${spec.name}" (id ${origin.artifactId}) does not match its published digest ${origin.digest}: it was altered or corrupted after upload.`,
      'Do not deploy this bundle. Re-run the build workflow, and find out who or what changed the artifact.',
      origin
    )
  }
  const files = readdirSync(dir)
  if (files.length !== 1) {
    return fail(
      `downloading artifact ${origin.artifactId}: expected one zip, found ${files.length} files.`,
      undefined,
      origin
    )
  }
  const verified = origin.digest
    ? `digest ${origin.digest.slice(0, 19)}… verified`
    : 'no digest published, integrity not verified'
  return {
    ok: true,
    zipPath: join(dir, files[0]),
    origin,
    outcome: {
      status: origin.digest ? 'pass' : 'warn',
      message: `"${origin.name}" (artifact ${origin.artifactId}, ${origin.sizeBytes ?? '?'} bytes) from ${thisRun ? 'this run' : `run ${runId} of ${repository}`}; ${verified}`,
      hint: origin.digest
        ? undefined
        : 'Artifacts uploaded with actions/upload-artifact v4+ carry a digest; re-upload to have it checked.',
      details: retriesNote(recording),
      data: { origin }
    }
  }
}

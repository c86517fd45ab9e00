/**
 * The tracking issue: one open issue per key (by default, the environment), found by its labels and a
 * hidden marker through the issues list API — never by title, never through search (whose index lags).
 * Created when there is none, updated otherwise, with one short comment per run.
 *
 * Two runs at once must not create two issues. GitHub has no conditional create, so creation happens
 * under a lock: a label named after the key, which only one run can create (422 for the others). The
 * winner re-lists, creates if still needed and deletes the label; the others wait for the issue to appear.
 * A lock left by a run that died is taken over after 30 s.
 */
import { createHash } from 'node:crypto'
import type { Report } from '../types.js'
import { describeError } from '../errors.js'
import { issueKeyMarker, renderIssueBody, type IssueBody } from '../report/issue-body.js'
import { createGitHubClient, explainGitHubError, type GitHubClient } from './octokit.js'

export interface TrackingIssueOptions {
  token: string
  apiUrl: string
  /** owner/name */
  repository: string
  key: string
  environment: string
  labels: string[]
  /** Update this issue instead of looking one up. */
  issueNumber?: number
  runUrl?: string
  /** `runId/attempt`: one comment per run attempt, even if the step is retried. */
  runMarker?: string
  fullReportUrl?: string
  /** How long a run waits for another run's lock before taking it over. */
  lockTimeoutMs?: number
}

export interface TrackingIssueOutcome {
  ok: boolean
  message: string
  hint?: string
  number?: number
  url?: string
  created?: boolean
  rendered?: IssueBody
}

interface IssueLike {
  number: number
  html_url: string
  body?: string | null
  state?: string
  pull_request?: unknown
}

const NEEDS = 'issues: write' as const

function repoParams(repository: string): { owner: string; repo: string } {
  const [owner, repo] = repository.split('/')
  return { owner, repo }
}

/** The open, labelled issue whose body carries the key's marker (lowest number wins if several). */
async function findByMarker(
  github: GitHubClient,
  options: TrackingIssueOptions
): Promise<IssueLike | undefined> {
  const marker = issueKeyMarker(options.key)
  const issues = await github.paginate(github.rest.issues.listForRepo, {
    ...repoParams(options.repository),
    state: 'open',
    labels: options.labels.join(','),
    per_page: 100
  })
  return issues
    .filter(issue => !issue.pull_request && (issue.body ?? '').includes(marker))
    .sort((a, b) => a.number - b.number)[0]
}

/** The lock label's name: short (labels hold 50 characters) and the same for every run of one key. */
export function lockLabel(key: string): string {
  return `preflight-lock-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** How long a lock may be held before it counts as left behind by a run that died (creating takes ~1 s). */
const STALE_LOCK_MS = 30_000
const LOCK_PREFIX = 'vapora-preflight lock '

/** A lock that is older than STALE_LOCK_MS, or that does not say when it was taken, is stale. */
async function lockIsStale(
  github: GitHubClient,
  params: { owner: string; repo: string },
  name: string
): Promise<boolean> {
  try {
    const { data } = await github.rest.issues.getLabel({ ...params, name })
    const since = Date.parse((data.description ?? '').replace(LOCK_PREFIX, ''))
    return !Number.isFinite(since) || Date.now() - since > STALE_LOCK_MS
  } catch (error) {
    return (error as { status?: number }).status !== 404 // gone meanwhile: not stale, just free again
  }
}

/**
 * Runs `create` while holding the key's lock, or returns the issue another run created meanwhile.
 * The lock is a best effort on top of re-listing: where labels cannot be created or deleted (a token or
 * a GitHub-compatible server without them), after `lockTimeoutMs`, or when a stale lock cannot be
 * removed, it falls back to re-listing just before creating.
 */
async function createOnce(
  github: GitHubClient,
  options: TrackingIssueOptions,
  create: () => Promise<IssueLike>
): Promise<{ issue: IssueLike; created: boolean }> {
  const params = repoParams(options.repository)
  const name = lockLabel(options.key)
  const deadline = Date.now() + (options.lockTimeoutMs ?? 60_000)
  const createUnderLock = async (): Promise<{ issue: IssueLike; created: boolean }> => {
    // Re-list right before creating: a run that held the lock before us may have created the issue.
    const existing = await findByMarker(github, options)
    return existing ? { issue: existing, created: false } : { issue: await create(), created: true }
  }
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    try {
      await github.rest.issues.createLabel({
        ...params,
        name,
        color: 'ededed',
        description: `${LOCK_PREFIX}${new Date().toISOString()}`
      })
    } catch (error) {
      if ((error as { status?: number }).status !== 422) return createUnderLock() // no lock to be had
      // Another run holds the lock: its issue should appear shortly.
      await sleep(Math.min(250 * 2 ** attempt, 2_000) + Math.floor(Math.random() * 200))
      const existing = await findByMarker(github, options)
      if (existing) return { issue: existing, created: false }
      if (await lockIsStale(github, params, name)) {
        const removed = await github.rest.issues.deleteLabel({ ...params, name }).then(
          () => true,
          (e: { status?: number }) => e.status === 404
        )
        if (!removed) return createUnderLock()
      }
      continue
    }
    try {
      return await createUnderLock()
    } finally {
      await github.rest.issues.deleteLabel({ ...params, name }).catch(() => undefined)
    }
  }
  return createUnderLock()
}

async function targetIssue(
  github: GitHubClient,
  options: TrackingIssueOptions
): Promise<IssueLike | undefined> {
  if (options.issueNumber === undefined) return findByMarker(github, options)
  const { data } = await github.rest.issues.get({
    ...repoParams(options.repository),
    issue_number: options.issueNumber
  })
  if (data.pull_request)
    throw new TargetError(`issue-number: #${options.issueNumber} is a pull request, not an issue.`)
  if (data.state !== 'open') {
    throw new TargetError(
      `issue-number: #${options.issueNumber} is closed; reopen it, or leave issue-number empty to open a new tracking issue.`
    )
  }
  return data
}

class TargetError extends Error {}

function shortComment(report: Report, runUrl?: string): string {
  const decision = report.decision === 'go' ? '🟢 **go**' : '🔴 **no-go**'
  const failed =
    report.failedChecks.length > 0
      ? ` · failed: ${report.failedChecks.map(id => `\`${id}\``).join(', ')}`
      : ''
  const run = runUrl ? ` · [run](${runUrl})` : ''
  return `${report.finishedAt} · ${decision}${report.scope === 'bundle-only' ? ' (bundle only)' : ''}${failed}${run}`
}

/** Appends the run's comment unless this run attempt already commented (the step was retried). */
async function commentOnce(
  github: GitHubClient,
  options: TrackingIssueOptions,
  issueNumber: number,
  text: string
): Promise<void> {
  const params = { ...repoParams(options.repository), issue_number: issueNumber }
  const marker = options.runMarker ? `<!-- vapora-preflight:run=${options.runMarker} -->` : ''
  if (marker) {
    const comments = await github.paginate(github.rest.issues.listComments, { ...params, per_page: 100 })
    if (comments.some(c => (c.body ?? '').includes(marker))) return
  }
  await github.rest.issues.createComment({ ...params, body: `${text}${marker ? ` ${marker}` : ''}` })
}

/**
 * Creates or updates the tracking issue and comments on it. Never throws: a failure is an outcome with
 * a message that names the missing permission or the wrong input.
 */
export async function updateTrackingIssue(
  report: Report,
  options: TrackingIssueOptions
): Promise<TrackingIssueOutcome> {
  const github = createGitHubClient(options.token, { baseUrl: options.apiUrl })
  const params = repoParams(options.repository)
  const render = (previousBody?: string): IssueBody =>
    renderIssueBody({
      report,
      key: options.key,
      environment: options.environment,
      runUrl: options.runUrl,
      fullReportUrl: options.fullReportUrl,
      previousBody
    })
  let step = `finding the tracking issue in ${options.repository}`
  try {
    let issue = await targetIssue(github, options)
    let created = false
    let rendered: IssueBody
    if (!issue) {
      step = `creating the tracking issue in ${options.repository}`
      const made = await createOnce(github, options, async () => {
        rendered = render()
        const { data } = await github.rest.issues.create({
          ...params,
          title: `Deployment preflight: ${options.environment}`,
          body: rendered.body,
          labels: options.labels
        })
        return data
      })
      issue = made.issue
      created = made.created
    }
    if (!created) {
      step = `updating tracking issue #${issue.number}`
      // Read the body again right before writing: the smaller the gap, the less a tick made meanwhile can be lost.
      const { data: fresh } = await github.rest.issues.get({ ...params, issue_number: issue.number })
      rendered = render(fresh.body ?? '')
      const labels = (fresh.labels ?? [])
        .map(l => (typeof l === 'string' ? l : (l.name ?? '')))
        .filter(Boolean)
      const missing = options.labels.filter(l => !labels.includes(l))
      await github.rest.issues.update({
        ...params,
        issue_number: issue.number,
        body: rendered!.body,
        ...(missing.length > 0 ? { labels: [...labels, ...missing] } : {})
      })
    }
    step = `commenting on tracking issue #${issue.number}`
    await commentOnce(github, options, issue.number, shortComment(report, options.runUrl))
    const kept = rendered!.merged.keptByPeople
    const overridden = rendered!.merged.overridden.length
    return {
      ok: true,
      number: issue.number,
      url: issue.html_url,
      created,
      rendered: rendered!,
      message: `${created ? 'created' : 'updated'} #${issue.number}${kept > 0 ? `; kept ${kept} tick(s) made by people` : ''}${overridden > 0 ? `; removed ${overridden} hand tick(s) on failing checks` : ''}${rendered!.omitted.length > 0 ? `; trimmed (${rendered!.omitted.join(', ')})` : ''}`
    }
  } catch (error) {
    if (error instanceof TargetError) return { ok: false, message: error.message }
    const status = (error as { status?: number }).status
    return {
      ok: false,
      message: status ? explainGitHubError(error, step, NEEDS) : `${step}: ${describeError(error)}`,
      hint:
        status === 403 || status === 401
          ? 'Give the job `permissions: issues: write` (and keep github-token at its default), or set tracking-issue: false.'
          : undefined
    }
  }
}

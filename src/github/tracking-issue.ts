/**
 * The tracking issue: one open issue per key (by default, the environment), found by its labels and a
 * hidden marker through the issues list API — never by title, never through search (whose index lags).
 * Created when there is none, updated otherwise, with one short comment per run.
 * Two runs at once must not create two issues: see issue-lock.ts. Every write survives a blip without
 * being resent as it was: see attemptWrite in octokit.ts.
 */
import type { Report } from '../core/types.js'
import { checklistStatus, mergeTicks, type ItemStatus } from '../checklist/state.js'
import { readTicks } from '../report/ticks.js'
import { describeError } from '../core/errors.js'
import { issueKeyMarker, renderIssueBody, type IssueBody } from '../report/issue-body.js'
import {
  NO_RESEND,
  WriteGaveUp,
  attemptWrite,
  createGitHubClient,
  explainGitHubError,
  type GitHubClient
} from './octokit.js'
import { createOnce, type IssueLike } from './issue-lock.js'
import { readLastGo } from '../report/commit-list.js'
import type { LastGo } from '../core/options.js'

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
  /**
   * The report as the body should show it once people's ticks are merged (the manual-item gate decides
   * from them); default: the report as given.
   */
  reportWithTicks?: (statuses: ItemStatus[]) => Report
}

export interface TrackingIssueOutcome {
  ok: boolean
  message: string
  hint?: string
  number?: number
  url?: string
  created?: boolean
  rendered?: IssueBody
  /** Set when the issue was written but the run's comment could not be added. */
  commentProblem?: string
}

const NEEDS = 'issues: write' as const

function repoParams(repository: string): { owner: string; repo: string } {
  const [owner, repo] = repository.split('/')
  return { owner, repo }
}

/**
 * The open issues carrying the key's marker, lowest number first. Listed by the first label only, so
 * that a label removed from the issue or added to issue-labels does not orphan it (the missing labels
 * are added back on update).
 */
async function findCandidates(github: GitHubClient, options: TrackingIssueOptions): Promise<IssueLike[]> {
  const marker = issueKeyMarker(options.key)
  const issues = await github.paginate(github.rest.issues.listForRepo, {
    ...repoParams(options.repository),
    state: 'open',
    labels: options.labels[0],
    per_page: 100
  })
  return issues
    .filter(issue => !issue.pull_request && (issue.body ?? '').includes(marker))
    .sort((a, b) => a.number - b.number)
}

async function targetIssue(
  github: GitHubClient,
  options: TrackingIssueOptions
): Promise<IssueLike | undefined> {
  if (options.issueNumber === undefined) return (await findCandidates(github, options))[0]
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
  const otherKey = /<!-- vapora-preflight:key=(.+?) -->/.exec(data.body ?? '')?.[1]
  if (otherKey !== undefined && otherKey !== options.key) {
    throw new TargetError(
      `issue-number: #${options.issueNumber} tracks "${otherKey}", not "${options.key}"; its checklist is not this one's. Set issue-key: ${otherKey}, or pick another issue.`
    )
  }
  return data
}

class TargetError extends Error {}

/** The open tracking issue of the key (or `issueNumber`), read only; undefined when there is none. */
export async function findTrackingIssue(
  github: GitHubClient,
  options: Pick<TrackingIssueOptions, 'repository' | 'key' | 'labels' | 'issueNumber'>
): Promise<IssueLike | undefined> {
  return targetIssue(github, options as TrackingIssueOptions)
}

export { TargetError }

/**
 * The last go recorded in the tracking issue (read only, before the checks run: the change checks list
 * the commits since). No issue yet, or no go recorded in it, is `{}`; a failure to read is `problem`.
 */
export async function findLastGo(
  options: Pick<TrackingIssueOptions, 'token' | 'apiUrl' | 'repository' | 'key' | 'labels' | 'issueNumber'>
): Promise<{ lastGo?: LastGo; problem?: string; issueNumber?: number }> {
  const github = createGitHubClient(options.token, { baseUrl: options.apiUrl })
  try {
    const issue = await targetIssue(github, options as TrackingIssueOptions)
    if (!issue) return {}
    return { lastGo: readLastGo(issue.body ?? '', issueKeyMarker(options.key)), issueNumber: issue.number }
  } catch (error) {
    if (error instanceof TargetError) return { problem: error.message }
    return {
      problem: explainGitHubError(
        error,
        `reading the tracking issue of ${options.repository}`,
        'issues: write'
      )
    }
  }
}

function shortComment(report: Report, runUrl?: string): string {
  const decision = report.decision === 'go' ? '🟢 **go**' : '🔴 **no-go**'
  const failed =
    report.failedChecks.length > 0
      ? ` · failed: ${report.failedChecks.map(id => `\`${id}\``).join(', ')}`
      : ''
  const run = runUrl ? ` · [run](${runUrl})` : ''
  return `${report.finishedAt} · ${decision}${report.scope === 'bundle-only' ? ' (bundle only)' : ''}${failed}${run}`
}

/**
 * Appends the run's comment unless this run attempt already commented (the step was retried). A comment
 * that failed transiently may have been posted all the same: before posting again, it is looked for, by
 * the run's marker (or, without one, by its exact text).
 */
export async function commentOnce(
  github: GitHubClient,
  options: Pick<TrackingIssueOptions, 'repository' | 'runMarker'>,
  issueNumber: number,
  text: string
): Promise<void> {
  const params = { ...repoParams(options.repository), issue_number: issueNumber }
  const marker = options.runMarker ? `<!-- vapora-preflight:run=${options.runMarker} -->` : ''
  const body = `${text}${marker ? ` ${marker}` : ''}`
  const posted = async (): Promise<true | undefined> => {
    const comments = await github.paginate(github.rest.issues.listComments, { ...params, per_page: 100 })
    return comments.some(c => (marker ? (c.body ?? '').includes(marker) : c.body === body)) || undefined
  }
  if (marker && (await posted())) return
  await attemptWrite(github, {
    attempt: async () => {
      await github.rest.issues.createComment({ ...params, body, ...NO_RESEND })
      return true
    },
    look: posted,
    followedBy: 'each followed by a look that found no such comment'
  })
}

/**
 * Reads the issue, merges, writes; on a rate limit or a 5xx, waits and starts again from the read, so a
 * tick made during the wait is merged rather than overwritten by a resent body.
 */
export async function writeMerged(
  github: GitHubClient,
  options: Pick<TrackingIssueOptions, 'repository' | 'labels'>,
  issueNumber: number,
  render: (previousBody?: string) => IssueBody
): Promise<IssueBody> {
  const params = { ...repoParams(options.repository), issue_number: issueNumber }
  return attemptWrite(github, {
    attempt: async () => {
      const { data: fresh } = await github.rest.issues.get(params)
      const rendered = render(fresh.body ?? '')
      const labels = (fresh.labels ?? [])
        .map(l => (typeof l === 'string' ? l : (l.name ?? '')))
        .filter(Boolean)
      const missing = options.labels.filter(l => !labels.includes(l))
      await github.rest.issues.update({
        ...params,
        body: rendered.body,
        ...(missing.length > 0 ? { labels: [...labels, ...missing] } : {}),
        ...NO_RESEND
      })
      return rendered
    },
    followedBy: 'each after reading the issue again and merging its ticks'
  })
}

/** Closes the issue; a close that failed transiently is looked for (the issue closed) before another. */
export async function closeIssue(
  github: GitHubClient,
  repository: string,
  issueNumber: number,
  stateReason?: 'completed' | 'not_planned'
): Promise<void> {
  const params = { ...repoParams(repository), issue_number: issueNumber }
  await attemptWrite(github, {
    attempt: async () => {
      await github.rest.issues.update({
        ...params,
        state: 'closed',
        ...(stateReason ? { state_reason: stateReason } : {}),
        ...NO_RESEND
      })
      return true
    },
    look: async () => ((await github.rest.issues.get(params)).data.state === 'closed' ? true : undefined),
    followedBy: 'each followed by a look that found the issue still open'
  })
}

/** The one-line message of a failed GitHub step: the permission, the attempts, GitHub's own words. */
export function describeFailure(error: unknown, step: string): string {
  return error instanceof WriteGaveUp || (error as { status?: number }).status
    ? explainGitHubError(error, step, NEEDS)
    : `${step}: ${describeError(error)}`
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
  const render = (previousBody?: string): IssueBody => {
    // Results that depend on the ticks (the manual-item gate) are added before the decision is shown.
    const merged = mergeTicks(checklistStatus(report), previousBody ? readTicks(previousBody) : new Map())
    return renderIssueBody({
      report: options.reportWithTicks?.(merged.statuses) ?? report,
      key: options.key,
      environment: options.environment,
      runUrl: options.runUrl,
      fullReportUrl: options.fullReportUrl,
      previousBody
    })
  }
  let step = `finding the tracking issue in ${options.repository}`
  try {
    let issue = await targetIssue(github, options)
    let created = false
    let notes: string[] = []
    let rendered: IssueBody | undefined
    if (!issue) {
      step = `creating the tracking issue in ${options.repository}`
      const made = await createOnce(
        github,
        { ...params, key: options.key, lockTimeoutMs: options.lockTimeoutMs, holder: options.runMarker },
        () => findCandidates(github, options),
        async () => {
          rendered = render()
          const { data } = await github.rest.issues.create({
            ...params,
            title: `Deployment preflight: ${options.environment}`,
            body: rendered.body,
            labels: options.labels,
            ...NO_RESEND
          })
          return data
        },
        async (duplicate, winner) => {
          await commentOnce(
            github,
            { repository: options.repository },
            duplicate.number,
            `Duplicate of #${winner.number}: another preflight run opened it at the same moment.`
          )
          await closeIssue(github, options.repository, duplicate.number, 'not_planned')
        }
      )
      issue = made.issue
      created = made.created
      notes = made.notes
    }
    if (!created) {
      step = `updating tracking issue #${issue.number}`
      rendered = await writeMerged(github, options, issue.number, render)
    }
    step = `commenting on tracking issue #${issue.number}`
    // The body is what matters; a missing comment is reported but does not block.
    const commentProblem = await commentOnce(
      github,
      options,
      issue.number,
      shortComment(report, options.runUrl)
    ).then(
      () => undefined,
      (error: unknown) => describeFailure(error, step)
    )
    const kept = rendered!.merged.keptByPeople
    const overridden = rendered!.merged.overridden.length
    return {
      ok: true,
      number: issue.number,
      url: issue.html_url,
      created,
      rendered: rendered!,
      commentProblem,
      message: `${created ? 'created' : 'updated'} #${issue.number}${kept > 0 ? `; kept ${kept} tick(s) made by people` : ''}${overridden > 0 ? `; removed ${overridden} hand tick(s) on failing checks` : ''}${rendered!.omitted.length > 0 ? `; trimmed (${rendered!.omitted.join(', ')})` : ''}${notes.map(n => `; ${n}`).join('')}`
    }
  } catch (error) {
    if (error instanceof TargetError) return { ok: false, message: error.message }
    const status = (error as { status?: number }).status
    return {
      ok: false,
      message: describeFailure(error, step),
      hint:
        status === 403 || status === 401
          ? 'Give the job `permissions: issues: write` (and keep github-token at its default), or set tracking-issue: false.'
          : undefined
    }
  }
}

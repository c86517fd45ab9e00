/**
 * "Check git log for unexpected commits" and "All provisioning changes merged and code reviewed": every
 * commit since the last preflight that reached go for this environment (recorded in the tracking issue)
 * must have reached the default branch through a merged pull request with an approving review. The seed
 * says to reschedule on "unexpected changes in code/configs", so a flagged commit blocks by default; a
 * policy can make it a warning.
 */
import { dataKey } from '../core/check-data.js'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import type { Provenance } from '../core/check.js'
import { mapLimited } from '../core/concurrency.js'
import { NO_TARGET, changeProblem, short } from './change-common.js'

/** More commits than this since the last go are not verified one by one (and block: review them by hand). */
export const MAX_COMMITS = 250

/** What git-history leaves: the commits since the last go, each with its pull request and flag. */
export interface GitHistoryData {
  repository: string
  /** The last go's commit. */
  base: string
  head: string
  lastGoAt?: string
  commits: ChangeCommit[]
  /** All the commits since the last go (more than `commits` holds when over MAX_COMMITS). */
  total: number
  status?: string
  behindBy?: number
}
export const GIT_HISTORY_DATA = dataKey<GitHistoryData>('git-history')

/** One commit as the report and the tracking issue list it. */
export interface ChangeCommit {
  sha: string
  title: string
  author: string
  url: string
  pull?: { number: number; url: string }
  /** Undefined when the commit came through a merged, approved pull request. */
  flag?: string
}

function flagOf(provenance: Provenance): string | undefined {
  if (provenance.kind === 'reviewed') return undefined
  if (provenance.kind === 'direct') return 'not from a merged pull request (pushed directly?)'
  return `PR #${provenance.pull.number} ${provenance.pull.problem ?? 'not approved'}`
}

const line = (c: ChangeCommit): string =>
  `${short(c.sha)} ${c.title} — ${c.author}${c.pull ? ` · #${c.pull.number}` : ''}${c.flag ? ` ⚠️ ${c.flag}` : ''}`

export const gitHistoryCheck = defineCheck({
  id: 'git-history',
  title: 'Check git log for unexpected commits',
  item: 'changes-merged-reviewed',
  needs: ['github'],
  notApplicable: ctx => {
    if (!ctx.changes) return NO_TARGET
    if ('problem' in ctx.changes) return undefined
    const spec = ctx.changes.spec
    if (spec.lastGoProblem) return undefined
    if (!spec.lastGo) {
      return `${spec.noRecordReason ?? 'no earlier go is recorded in the tracking issue'}; commits are listed from the next run on, against this run's commit`
    }
    if (spec.lastGo.repository.toLowerCase() !== ctx.changes.repository.toLowerCase()) {
      return `the last go deployed ${spec.lastGo.repository}, this run deploys ${ctx.changes.repository}: no history in common`
    }
    return undefined
  },
  async run(ctx): Promise<CheckOutcome> {
    const target = ctx.changes!
    if ('problem' in target) return { status: 'error', message: target.problem }
    if (target.spec.lastGoProblem) {
      return {
        status: 'error',
        message: `could not read the last go from the tracking issue: ${target.spec.lastGoProblem}`,
        hint: 'Give the job `permissions: issues: read` (write for the tracking issue itself).'
      }
    }
    const lastGo = target.spec.lastGo!
    const base = { repository: target.repository, base: lastGo.sha, head: target.commit, lastGoAt: lastGo.at }
    const since = `the last go (${short(lastGo.sha)}${lastGo.at ? `, ${lastGo.at}` : ''})`
    if (lastGo.sha === target.commit) {
      return {
        status: 'pass',
        message: `no new commits since ${since}`,
        data: { ...base, commits: [], total: 0 } satisfies GitHistoryData
      }
    }
    const reader = await target.reader()
    let compared
    let branch
    try {
      branch = await reader.defaultBranch()
      compared = await reader.compare(lastGo.sha, target.commit, MAX_COMMITS)
    } catch (error) {
      if ((error as { status?: number }).status === 404) {
        return {
          status: 'fail',
          message: `${short(lastGo.sha)} (the last go) or ${short(target.commit)} is not in ${target.repository}: the history was rewritten, or the record is wrong`,
          hint: 'Compare the two commits by hand; if the history is as intended, close the tracking issue so the next run starts a fresh record.'
        }
      }
      return changeProblem(
        reader,
        error,
        `comparing ${short(lastGo.sha)}...${short(target.commit)} in ${target.repository}`,
        'contents: read'
      )
    }
    if (compared.status === 'identical') {
      return {
        status: 'pass',
        message: `no new commits since ${since}`,
        data: { ...base, commits: [], total: 0 }
      }
    }
    if (compared.status === 'behind') {
      return {
        status: 'warn',
        message: `${short(target.commit)} is ${compared.behindBy} commit(s) older than ${since}: this deploys older code (a rollback?)`,
        data: { ...base, commits: [], total: 0, behindBy: compared.behindBy }
      }
    }
    let commits: ChangeCommit[]
    try {
      commits = await mapLimited(compared.commits, 8, async c => {
        const provenance = await reader.provenance(c.sha, branch)
        return {
          ...c,
          pull:
            provenance.kind === 'direct'
              ? undefined
              : { number: provenance.pull.number, url: provenance.pull.url },
          flag: flagOf(provenance)
        }
      })
    } catch (error) {
      return changeProblem(
        reader,
        error,
        `reading the pull requests of the commits since ${since}`,
        'pull-requests: read'
      )
    }
    const flagged = commits.filter(c => c.flag)
    const data: GitHistoryData = { ...base, commits, total: compared.aheadBy, status: compared.status }
    const details = commits.map(line)
    const problems: string[] = []
    if (compared.status === 'diverged') {
      problems.push(
        `${short(lastGo.sha)} (the last go) is not an ancestor of ${short(target.commit)}: ${compared.behindBy} commit(s) deployed then are gone (history rewritten, or a branch other than ${branch})`
      )
    }
    if (flagged.length > 0) {
      problems.push(
        `${flagged.length} of ${commits.length} commit(s) since ${since} did not arrive through a merged, approved pull request: ${flagged
          .slice(0, 3)
          .map(c => `${short(c.sha)} "${c.title}" (${c.flag})`)
          .join(', ')}${flagged.length > 3 ? ', …' : ''}`
      )
    }
    if (!compared.complete) {
      problems.push(
        `${compared.aheadBy} commits since ${since}: only the first ${commits.length} were verified`
      )
    }
    if (problems.length > 0) {
      return {
        status: 'fail',
        message: problems.join('; '),
        details,
        hint: 'Look at each flagged commit: revert what was not intended, or have its change reviewed. When it is accepted, a policy can make git-history a warning for this run.',
        data
      }
    }
    const pulls = [...new Set(commits.map(c => c.pull!.number))].sort((a, b) => a - b)
    return {
      status: 'pass',
      message: `${commits.length} commit(s) since ${since}, all through merged, approved pull requests (${pulls.map(n => `#${n}`).join(', ')})`,
      details,
      data
    }
  }
})

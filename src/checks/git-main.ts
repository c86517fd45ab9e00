/**
 * "Confirm main branch has latest changes": the deployed commit is the head of the default branch, or a
 * tag on it (an older release, deliberately). A commit behind the head without a tag, or one that never
 * reached the default branch, blocks.
 */
import { dataKey } from '../core/check-data.js'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { NO_TARGET, changeProblem, short, type ChangeTarget } from './change-common.js'

/** What git-main leaves: the deployed commit, how it compares with the default branch, its tags. */
export interface GitMainData {
  repository: string
  commit: string
  defaultBranch: string
  status: string
  tags?: string[]
}
export const GIT_MAIN_DATA = dataKey<GitMainData>('git-main')

/** The tag named by the run's ref when the run is for that very commit; else undefined. */
function refTag(target: ChangeTarget): string | undefined {
  const tag = /^refs\/tags\/(.+)$/.exec(target.spec.ref ?? '')?.[1]
  return tag && target.commit === target.spec.runCommit ? tag : undefined
}

export const gitMainCheck = defineCheck({
  id: 'git-main',
  title: 'Confirm main branch has latest changes',
  item: 'main-has-latest',
  needs: ['github'],
  notApplicable: ctx => (ctx.changes ? undefined : NO_TARGET),
  async run(ctx): Promise<CheckOutcome> {
    const target = ctx.changes!
    if ('problem' in target) return { status: 'error', message: target.problem }
    const reader = await target.reader()
    const sha = short(target.commit)
    let branch = 'the default branch'
    try {
      branch = await reader.defaultBranch()
      const compared = await reader.compare(branch, target.commit, 0)
      const data: GitMainData = {
        repository: target.repository,
        commit: target.commit,
        defaultBranch: branch,
        status: compared.status
      }
      if (compared.status === 'identical') {
        return { status: 'pass', message: `${sha} is the head of ${branch} (${target.source})`, data }
      }
      if (compared.status === 'behind') {
        const tags = refTag(target) ? [refTag(target)!] : await reader.tagsAt(target.commit)
        if (tags.length > 0) {
          return {
            status: 'pass',
            message: `${sha} is tag ${tags.join(', ')} on ${branch} (${branch} has ${compared.behindBy} newer commit(s))`,
            data: { ...data, tags } satisfies GitMainData
          }
        }
        return {
          status: 'fail',
          message: `${sha} is ${compared.behindBy} commit(s) behind the head of ${branch}: ${branch} has changes this deploy lacks (${target.source})`,
          hint: `Deploy the head of ${branch} (re-run the bundle build on it), or tag ${sha} if deploying an older release is intended.`,
          data
        }
      }
      return {
        status: 'fail',
        message: `${sha} is not on ${branch}: ${compared.aheadBy} commit(s) of it were never merged into ${branch} (${target.source})`,
        hint: `Merge the change into ${branch} through a pull request, build the bundle from ${branch}, then deploy that.`,
        data
      }
    } catch (error) {
      if ((error as { status?: number }).status === 404) {
        return {
          status: 'fail',
          message: `commit ${sha} is not in ${target.repository} (or ${branch} is not found): nothing proves what is deployed was ever pushed`,
          hint: `Check the commit input and the repository; ${target.source} gave ${target.commit}.`
        }
      }
      return changeProblem(
        reader,
        error,
        `comparing ${sha} with ${branch} of ${target.repository}`,
        'contents: read'
      )
    }
  }
})

/**
 * Verify mode on GitHub: read the preflight's record from the tracking issue before the checks, then
 * write the outcome into it (success items, post-deployment record, sign-off), comment, and close it on
 * success when asked. Every write survives a blip (attemptWrite: wait, look, try again, bounded). Never
 * throws: failures are returned with a message naming the permission or counting the attempts.
 */
import { readRecord, type PreflightRecord } from '../report/preflight-record.js'
import { issueKeyMarker } from '../report/issue-body.js'
import { applyVerification, verifyComment } from '../report/verify-body.js'
import type { VerifyReport } from '../core/types.js'
import { createGitHubClient, explainGitHubError } from './octokit.js'
import {
  TargetError,
  closeIssue,
  commentOnce,
  describeFailure,
  findTrackingIssue,
  writeMerged,
  type TrackingIssueOptions
} from './tracking-issue.js'

type IssueTarget = Pick<
  TrackingIssueOptions,
  'token' | 'apiUrl' | 'repository' | 'key' | 'labels' | 'issueNumber' | 'runUrl' | 'runMarker'
>

export async function readPreflightRecord(
  options: IssueTarget
): Promise<{ record?: PreflightRecord; problem?: string; number?: number }> {
  const github = createGitHubClient(options.token, { baseUrl: options.apiUrl })
  try {
    const issue = await findTrackingIssue(github, options)
    if (!issue) {
      return {
        problem: `no open tracking issue for "${options.key}" in ${options.repository}: run the preflight (mode: preflight) before the deploy`
      }
    }
    const record = readRecord(issue.body ?? '', issueKeyMarker(options.key))
    return record
      ? { record, number: issue.number }
      : {
          number: issue.number,
          problem: `tracking issue #${issue.number} holds no preflight record (written by 0.4 and later): run the preflight again`
        }
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

export interface VerifyIssueOutcome {
  ok: boolean
  message: string
  number?: number
  url?: string
  closed?: boolean
}

export async function recordVerification(
  report: VerifyReport,
  options: IssueTarget & { closeOnSuccess: boolean; actor?: string }
): Promise<VerifyIssueOutcome> {
  const github = createGitHubClient(options.token, { baseUrl: options.apiUrl })
  let step = `finding the tracking issue in ${options.repository}`
  try {
    const issue = await findTrackingIssue(github, options)
    if (!issue)
      return {
        ok: false,
        message: `no open tracking issue for "${options.key}" to record the verification in`
      }
    step = `updating tracking issue #${issue.number}`
    await writeMerged(github, options, issue.number, previous => ({
      body: applyVerification(previous ?? '', report, { runUrl: options.runUrl, actor: options.actor }),
      merged: { statuses: [], overridden: [], keptByPeople: 0 },
      omitted: []
    }))
    step = `commenting on tracking issue #${issue.number}`
    await commentOnce(github, options, issue.number, verifyComment(report, options.runUrl))
    let closed = false
    if (report.verification.verified && options.closeOnSuccess) {
      step = `closing tracking issue #${issue.number}`
      await closeIssue(github, options.repository, issue.number, 'completed')
      closed = true
    }
    return {
      ok: true,
      number: issue.number,
      url: issue.html_url,
      closed,
      message: `recorded in #${issue.number}${closed ? ', closed' : ''}`
    }
  } catch (error) {
    return { ok: false, message: describeFailure(error, step) }
  }
}

/**
 * "Post in #deployments": the decision sent to a Slack incoming webhook. The webhook URL is a secret
 * (anyone holding it can post), so it never appears in a message: errors name only the host.
 */
import type { Report } from '../core/types.js'

export interface SlackPost {
  ok: boolean
  message: string
}

/** Slack's mrkdwn: escape &, < and > (everything else is plain text). */
const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function slackText(
  report: Report,
  environment: string,
  links: { runUrl?: string; issueUrl?: string }
): string {
  const verdict = report.decision === 'go' ? ':large_green_circle: *GO*' : ':red_circle: *NO-GO*'
  const failed =
    report.failedChecks.length > 0
      ? `\nBlocking: ${report.failedChecks.map(id => `\`${id}\``).join(', ')}`
      : ''
  const more = [
    links.issueUrl ? `<${links.issueUrl}|tracking issue>` : '',
    links.runUrl ? `<${links.runUrl}|run>` : ''
  ].filter(Boolean)
  return `${verdict} — Vapora preflight for *${escape(environment)}*${failed}${more.length ? `\n${more.join(' · ')}` : ''}`
}

/** Posts `text`; never throws, never follows a redirect, gives up after `timeoutMs`. */
export async function postToSlack(webhookUrl: string, text: string, timeoutMs = 10_000): Promise<SlackPost> {
  let host = 'the webhook'
  try {
    host = new URL(webhookUrl).host
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs)
    })
    const body = (await response.text()).slice(0, 200)
    return response.ok
      ? { ok: true, message: `decision posted to Slack (${host})` }
      : { ok: false, message: `Slack (${host}) answered ${response.status}${body ? `: ${body}` : ''}` }
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : 'could not connect'
    return { ok: false, message: `posting to Slack (${host}) failed: ${reason}` }
  }
}

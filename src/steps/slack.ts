/** Posts the final decision to Slack when a webhook is given; a failure warns (the gate stands). */
import { SLACK_WEBHOOK } from '../core/results.js'
import { timed, type Step, type StepOutcome } from './step.js'

export const slackStep: Step = {
  spec: SLACK_WEBHOOK,
  async run(report, context, facts): Promise<StepOutcome | undefined> {
    const { settings, run } = context
    if (!settings.slackWebhookUrl) return undefined
    const webhook = settings.slackWebhookUrl
    const result = await timed(SLACK_WEBHOOK, async () => {
      const { postToSlack, slackText } = await import('../github/slack.js')
      const posted = await postToSlack(
        webhook,
        slackText(report, settings.environment, { runUrl: run.runUrl, issueUrl: facts.issue.url })
      )
      return posted.ok
        ? { status: 'pass', message: posted.message }
        : {
            status: 'warn',
            message: posted.message,
            hint: 'Check the Slack webhook (an incoming webhook of the #deployments channel).'
          }
    })
    return { result }
  }
}

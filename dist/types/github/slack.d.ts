/**
 * "Post in #deployments": the decision sent to a Slack incoming webhook. The webhook URL is a secret
 * (anyone holding it can post), so it never appears in a message: errors name only the host.
 */
import type { Report } from '../core/types.js';
export interface SlackPost {
    ok: boolean;
    message: string;
}
export declare function slackText(report: Report, environment: string, links: {
    runUrl?: string;
    issueUrl?: string;
}): string;
/** Posts `text`; never throws, never follows a redirect, gives up after `timeoutMs`. */
export declare function postToSlack(webhookUrl: string, text: string, timeoutMs?: number): Promise<SlackPost>;

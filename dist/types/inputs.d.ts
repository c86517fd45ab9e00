import type { PreflightInput } from './options.js';
import type { RunContext } from './github/context.js';
/** Reads one input as the runner passes it (`core.getInput` semantics: '' when unset). */
export type InputReader = (name: string) => string;
/** What the action does on GitHub besides the preflight itself. */
export interface GitHubInputs {
    /** Empty only when nothing needs it (a bundle-path run with tracking-issue and upload off). */
    token?: string;
    trackingIssue: boolean;
    environment: string;
    issueLabels: string[];
    issueNumber?: number;
    /** Identifies the tracking issue (hidden marker); defaults to the environment. */
    issueKey: string;
    uploadRollbackKit: boolean;
    /** No-go until people ticked every required manual item of the tracking issue. */
    requireManual: boolean;
    /** A Slack incoming webhook (a secret) that receives the decision. */
    slackWebhookUrl?: string;
}
export interface ActionInputs {
    preflight: PreflightInput;
    github: GitHubInputs;
    /** `preflight` (before the deploy) or `verify` (after it). */
    mode: 'preflight' | 'verify';
    /** Verify mode only. */
    verify: {
        readyTimeout?: string;
        latencyFactor?: string;
        deployStartedAt?: string;
        closeOnSuccess: boolean;
    };
}
/**
 * Reads and validates every input. `context` supplies what the runner knows (this repository, this
 * run, the API URL); the bundle comes from `bundle-path` when set, else from the artifact.
 */
export declare function readActionInputs(read: InputReader, context?: RunContext): ActionInputs;

import { type PreflightInput, type StepSettings } from '../core/options.js';
import type { RunContext } from '../github/context.js';
/** Reads one input as the runner passes it (`core.getInput` semantics: '' when unset). */
export type InputReader = (name: string) => string;
export interface ActionInputs {
    preflight: PreflightInput;
    /** What the steps after the checks do: the tracking issue, the manual gate, the kit, Slack. */
    steps: StepSettings;
    /** `preflight` (before the deploy) or `verify` (after it). */
    mode: 'preflight' | 'verify';
    /** Verify mode only. */
    verify: {
        readyTimeout?: string;
        latencyFactor?: string;
        deployStartedAt?: string;
    };
}
/**
 * Reads and validates every input. `context` supplies what the runner knows (this repository, this
 * run, the API URL); the bundle comes from `bundle-path` when set, else from the artifact.
 */
export declare function readActionInputs(read: InputReader, context?: RunContext): ActionInputs;

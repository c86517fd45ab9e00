import type { ChangeSpec } from '../core/options.js';
import { type Step, type StepContext } from './step.js';
export declare const trackingIssueStep: Step;
/**
 * The change checks compare with the last go, which the tracking issue records: read it before the
 * checks run (only when the issue is kept and the change checks apply).
 */
export declare function withLastGo(changes: ChangeSpec | undefined, context: Pick<StepContext, 'settings' | 'run'>): Promise<ChangeSpec | undefined>;

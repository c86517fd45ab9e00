import type { PreflightInput } from './options.js';
/** Reads one input as the runner passes it (`core.getInput` semantics: '' when unset). */
export type InputReader = (name: string) => string;
export interface ActionInputs {
    preflight: PreflightInput;
}
export declare function readActionInputs(read: InputReader): ActionInputs;

import { type Step } from './step.js';
export declare const slackStep: Step;

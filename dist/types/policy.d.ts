/**
 * The go/no-go rule, from the seed's "Final Go/No-Go Decision": proceed only when nothing critical was
 * found. Fail closed: anything the run was asked to verify and did not verify blocks.
 */
import type { CheckResult, SkipReason, Status, Verdict } from './types.js';
/** Whether one result keeps the decision at no-go. */
export declare function isBlocking(result: {
    status: Status;
    skipReason?: SkipReason;
}): boolean;
/** Decides from results whose `blocking` flags were set with `isBlocking`. */
export declare function decide(results: readonly CheckResult[], options: {
    offline: boolean;
}): Verdict;

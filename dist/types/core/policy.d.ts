/**
 * The go/no-go rule, from the seed's "Final Go/No-Go Decision": proceed only when nothing critical was
 * found. Fail closed: anything the run was asked to verify and did not verify blocks.
 */
import type { CheckResult, RootCause, SkipReason, Status, StatusCounts, Verdict } from './types.js';
/** Whether one result keeps the decision at no-go. */
export declare function isBlocking(result: {
    status: Status;
    skipReason?: SkipReason;
}): boolean;
/** Groups the blocking results by root cause, in report order. */
export declare function rootCauses(results: readonly CheckResult[]): RootCause[];
/** "…; 12 more checks blocked by it" — a root cause counts what it kept from running. */
export declare function causeMessage(cause: RootCause): string;
export declare function countStatuses(results: readonly CheckResult[]): StatusCounts;
/** Decides from results whose `blocking` flags were set with `isBlocking`. */
export declare function decide(results: readonly CheckResult[], options: {
    offline: boolean;
}): Verdict;

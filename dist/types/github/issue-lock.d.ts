import { type GitHubClient } from './octokit.js';
export interface IssueLike {
    number: number;
    html_url: string;
    body?: string | null;
    state?: string;
    pull_request?: unknown;
}
export interface LockTarget {
    owner: string;
    repo: string;
    key: string;
    /** How long a run waits for another run's lock before going on without it. */
    lockTimeoutMs?: number;
    /** This run attempt, `runId/attempt`: a lock taken by an earlier attempt of the same run is abandoned. */
    holder?: string;
}
/**
 * How long a holder relies on its lock, from just before taking it: it lists and creates within this,
 * blips included (three attempts 1 s and 2 s apart). A holder still creating after it (a long
 * Retry-After) does so as a run without the lock would, and convergence settles any duplicate.
 */
export declare const LOCK_HOLD_MS = 30000;
/** Allowance between two runners' clocks, when a lock's age is read from its description. */
export declare const LOCK_CLOCK_SKEW_MS = 30000;
/** Transient failures of the lock's own requests (take, read, clear) before going on without it. */
export declare const LOCK_FAULTS = 3;
/** The lock label's name: short (labels hold 50 characters) and the same for every run of one key. */
export declare function lockLabel(key: string): string;
/** A lock's description as this version writes it (at most 100 characters, GitHub's limit). */
export declare function lockDescription(takenAt: Date, holder?: string): string;
/**
 * Why a lock seen since `firstSeenAt` (this run's clock) is provably abandoned, or undefined while its
 * holder may still rely on it:
 * - this run is a later attempt of the run that took it: GitHub re-runs only a finished run;
 * - it is older than its hold plus LOCK_CLOCK_SKEW_MS, by its own timestamp: the holder stopped relying
 *   on it, unless the two runners' clocks differ by more than that;
 * - this run has seen it, unchanged, for longer than its hold: measured on one clock only, and the hold
 *   began before the lock existed.
 * A description no version writes is abandoned only by the last rule, with the longest hold.
 */
export declare function abandonment(description: string, firstSeenAt: number, holder?: string, now?: number): string | undefined;
type Outcome = {
    issue: IssueLike;
    created: boolean;
    /** What went differently, for the run's message: no lock, a duplicate left open. */
    notes: string[];
};
/**
 * Returns the key's open tracking issue, creating it with `create` when there is none. `find` lists the
 * open candidates (lowest number first); `closeDuplicate` closes an issue this run created in vain.
 * A lock this run took, or may have taken, is released on every path.
 */
export declare function createOnce(github: GitHubClient, target: LockTarget, find: () => Promise<IssueLike[]>, create: () => Promise<IssueLike>, closeDuplicate: (duplicate: IssueLike, winner: IssueLike) => Promise<void>): Promise<Outcome>;
export {};

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
}
/** The lock label's name: short (labels hold 50 characters) and the same for every run of one key. */
export declare function lockLabel(key: string): string;
type Outcome = {
    issue: IssueLike;
    created: boolean;
};
/**
 * Returns the key's open tracking issue, creating it with `create` when there is none. `find` lists the
 * open candidates (lowest number first); `closeDuplicate` closes an issue this run created in vain.
 */
export declare function createOnce(github: GitHubClient, target: LockTarget, find: () => Promise<IssueLike[]>, create: () => Promise<IssueLike>, closeDuplicate: (duplicate: IssueLike, winner: IssueLike) => Promise<void>): Promise<Outcome>;
export {};

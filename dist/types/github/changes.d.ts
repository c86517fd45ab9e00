/**
 * What the change checks ask GitHub (REST only, paginated): the default branch, how two commits compare,
 * the tags on a commit, and whether a commit arrived through a merged, approved pull request. Each answer
 * is fetched once per run (both change checks share one reader).
 */
import type { ChangePermission, ChangeReader as ChangeHistory, CommitSummary, Comparison, Provenance, PullVerdict } from '../core/check.js';
export type { CommitSummary, Comparison, PullVerdict, Provenance };
export declare class ChangeReader implements ChangeHistory {
    private readonly github;
    private readonly owner;
    private readonly repo;
    private defaultBranchPromise?;
    private readonly pullVerdicts;
    constructor(options: {
        token: string;
        apiUrl: string;
        repository: string;
        requestTimeoutMs?: number;
    });
    /** One line naming the permission to grant (401/403), GitHub's answer, or the network error. */
    explain(error: unknown, doing: string, needs: ChangePermission): {
        message: string;
        hint?: string;
    };
    defaultBranch(): Promise<string>;
    /** `base...head` as GitHub compares them (merge base), with up to `limit` of head's new commits. */
    compare(base: string, head: string, limit: number): Promise<Comparison>;
    /** Tag names pointing at `sha`; the listing stops after 1,000 tags (a bound on the time spent). */
    tagsAt(sha: string): Promise<string[]>;
    /** How `sha` reached `branch`: a merged pull request into it (approved or not), or a direct push. */
    provenance(sha: string, branch: string): Promise<Provenance>;
    private pullVerdict;
}

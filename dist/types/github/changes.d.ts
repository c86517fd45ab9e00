export interface CommitSummary {
    sha: string;
    /** First line of the message. */
    title: string;
    /** GitHub login when the author is linked to an account, else the git author name. */
    author: string;
    url: string;
}
export interface Comparison {
    status: 'identical' | 'ahead' | 'behind' | 'diverged';
    aheadBy: number;
    behindBy: number;
    /** Commits in head and not in base, oldest first; at most `limit` of them. */
    commits: CommitSummary[];
    /** Whether `commits` holds all of them. */
    complete: boolean;
}
export interface PullVerdict {
    number: number;
    url: string;
    approved: boolean;
    /** Why not approved, e.g. "changes requested by alice". */
    problem?: string;
}
/** What a person would say about how a commit reached the default branch. */
export type Provenance = {
    kind: 'reviewed';
    pull: PullVerdict;
} | {
    kind: 'unapproved';
    pull: PullVerdict;
} | {
    kind: 'direct';
};
export declare class ChangeReader {
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
    defaultBranch(): Promise<string>;
    /** `base...head` as GitHub compares them (merge base), with up to `limit` of head's new commits. */
    compare(base: string, head: string, limit: number): Promise<Comparison>;
    /** Tag names pointing at `sha`; the listing stops after 1,000 tags (a bound on the time spent). */
    tagsAt(sha: string): Promise<string[]>;
    /** How `sha` reached `branch`: a merged pull request into it (approved or not), or a direct push. */
    provenance(sha: string, branch: string): Promise<Provenance>;
    private pullVerdict;
}

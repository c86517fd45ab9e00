/** More commits than this since the last go are not verified one by one (and block: review them by hand). */
export declare const MAX_COMMITS = 250;
/** What git-history leaves: the commits since the last go, each with its pull request and flag. */
export interface GitHistoryData {
    repository: string;
    /** The last go's commit. */
    base: string;
    head: string;
    lastGoAt?: string;
    commits: ChangeCommit[];
    /** All the commits since the last go (more than `commits` holds when over MAX_COMMITS). */
    total: number;
    status?: string;
    behindBy?: number;
}
export declare const GIT_HISTORY_DATA: import("../core/check-data.js").DataKey<GitHistoryData>;
/** One commit as the report and the tracking issue list it. */
export interface ChangeCommit {
    sha: string;
    title: string;
    author: string;
    url: string;
    pull?: {
        number: number;
        url: string;
    };
    /** Undefined when the commit came through a merged, approved pull request. */
    flag?: string;
}
export declare const gitHistoryCheck: import("../core/check.js").Check;

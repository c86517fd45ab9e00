/** What git-main leaves: the deployed commit, how it compares with the default branch, its tags. */
export interface GitMainData {
    repository: string;
    commit: string;
    defaultBranch: string;
    status: string;
    tags?: string[];
}
export declare const GIT_MAIN_DATA: import("../core/check-data.js").DataKey<GitMainData>;
export declare const gitMainCheck: import("../core/check.js").Check;

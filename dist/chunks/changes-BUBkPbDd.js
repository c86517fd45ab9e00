'use strict';

var version = require('./version-Sfzk9NQZ.js');
var octokit = require('./octokit-B_yEVRi9.js');
require('./index-Xidhm2fI.js');
require('fs');
require('os');
require('http');
require('https');
require('net');
require('tls');
require('events');
require('assert');
require('util');
require('node:assert');
require('node:net');
require('node:http');
require('node:stream');
require('node:buffer');
require('node:util');
require('node:querystring');
require('node:events');
require('node:diagnostics_channel');
require('./markdown-B3dz7ddV.js');
require('node:os');
require('node:path');
require('node:fs');
require('node:perf_hooks');
require('node:zlib');
require('path');
require('zlib');
require('crypto');
require('node:https');
require('node:tls');
require('process');
require('buffer');
require('node:util/types');
require('node:worker_threads');
require('node:url');
require('node:async_hooks');
require('node:console');
require('node:dns');
require('string_decoder');

const firstLine = (message) => message.split('\n')[0].trim();
/** Reviews decide as GitHub does: each reviewer's latest verdict counts; a pending change request blocks. */
function reviewVerdict(reviews) {
    const latest = new Map();
    for (const review of reviews) {
        if (!['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state))
            continue;
        latest.set(review.user?.login ?? '(deleted user)', review.state);
    }
    const requested = [...latest].filter(([, state]) => state === 'CHANGES_REQUESTED').map(([who]) => who);
    if (requested.length > 0)
        return { approved: false, problem: `changes requested by ${requested.join(', ')}` };
    if ([...latest.values()].includes('APPROVED'))
        return { approved: true };
    return { approved: false, problem: 'merged without an approving review' };
}
class ChangeReader {
    github;
    owner;
    repo;
    defaultBranchPromise;
    pullVerdicts = new Map();
    constructor(options) {
        this.github = octokit.createGitHubClient(options.token, {
            baseUrl: options.apiUrl,
            requestTimeoutMs: options.requestTimeoutMs
        });
        [this.owner, this.repo] = options.repository.split('/');
    }
    /** One line naming the permission to grant (401/403), GitHub's answer, or the network error. */
    explain(error, doing, needs) {
        const status = error.status;
        return {
            message: status ? octokit.explainGitHubError(error, doing, needs) : `${doing}: ${version.describeError(error)}`,
            hint: status === 403 || status === 401
                ? 'Give the job `permissions: contents: read, pull-requests: read` (the token reads commits and pull requests), or set check-changes: false.'
                : undefined
        };
    }
    defaultBranch() {
        this.defaultBranchPromise ??= this.github.rest.repos
            .get({ owner: this.owner, repo: this.repo })
            .then(({ data }) => data.default_branch);
        return this.defaultBranchPromise;
    }
    /** `base...head` as GitHub compares them (merge base), with up to `limit` of head's new commits. */
    async compare(base, head, limit) {
        const perPage = 100;
        const commits = [];
        let first;
        for (let page = 1;; page++) {
            const { data } = await this.github.rest.repos.compareCommitsWithBasehead({
                owner: this.owner,
                repo: this.repo,
                basehead: `${base}...${head}`,
                per_page: perPage,
                page
            });
            first ??= data;
            for (const c of data.commits) {
                if (commits.length >= limit)
                    break;
                commits.push({
                    sha: c.sha,
                    title: firstLine(c.commit.message),
                    author: c.author?.login ?? c.commit.author?.name ?? 'unknown',
                    url: c.html_url
                });
            }
            if (data.commits.length < perPage || commits.length >= limit)
                break;
        }
        return {
            status: first.status,
            aheadBy: first.ahead_by,
            behindBy: first.behind_by,
            commits,
            complete: commits.length >= first.total_commits
        };
    }
    /** Tag names pointing at `sha`; the listing stops after 1,000 tags (a bound on the time spent). */
    async tagsAt(sha) {
        const found = [];
        let seen = 0;
        for await (const { data } of this.github.paginate.iterator(this.github.rest.repos.listTags, {
            owner: this.owner,
            repo: this.repo,
            per_page: 100
        })) {
            for (const tag of data)
                if (tag.commit.sha === sha)
                    found.push(tag.name);
            seen += data.length;
            if (seen >= 1000)
                break;
        }
        return found;
    }
    /** How `sha` reached `branch`: a merged pull request into it (approved or not), or a direct push. */
    async provenance(sha, branch) {
        const pulls = await this.github.paginate(this.github.rest.repos.listPullRequestsAssociatedWithCommit, {
            owner: this.owner,
            repo: this.repo,
            commit_sha: sha,
            per_page: 100
        });
        const merged = pulls.filter(p => p.merged_at && p.base.ref === branch);
        if (merged.length === 0)
            return { kind: 'direct' };
        const verdicts = await Promise.all(merged.map(p => this.pullVerdict(p.number, p.html_url)));
        const approved = verdicts.find(v => v.approved);
        return approved ? { kind: 'reviewed', pull: approved } : { kind: 'unapproved', pull: verdicts[0] };
    }
    pullVerdict(number, url) {
        let verdict = this.pullVerdicts.get(number);
        if (!verdict) {
            verdict = this.github
                .paginate(this.github.rest.pulls.listReviews, {
                owner: this.owner,
                repo: this.repo,
                pull_number: number,
                per_page: 100
            })
                .then(reviews => ({ number, url, ...reviewVerdict(reviews) }));
            this.pullVerdicts.set(number, verdict);
        }
        return verdict;
    }
}

exports.ChangeReader = ChangeReader;

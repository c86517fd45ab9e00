/**
 * The JSON GitHub sends for the emulator's records: full objects with every field the official description
 * marks required, API URLs pointing back at the emulator and html_url at https://github.com.
 */
import {
  noreplyEmail,
  type Account,
  type ArtifactRecord,
  type CommentRecord,
  type CommitRecord,
  type IssueRecord,
  type LabelRecord,
  type PullRecord,
  type RepoRecord,
  type ReviewRecord,
  type RunRecord
} from './state.js'

const WEB = 'https://github.com'

/** GitHub's timestamps have whole seconds: 2024-05-01T12:00:00Z. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function nodeId(prefix: string, id: number | string): string {
  return `${prefix}_${Buffer.from(`0:${id}`).toString('base64url')}`
}

export function userJson(api: string, account: Account) {
  const url = `${api}/users/${encodeURIComponent(account.login)}`
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type === 'Bot' ? 'BOT' : account.type === 'User' ? 'U' : 'O', account.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${WEB}/${account.type === 'Bot' ? 'apps/' + account.login.replace('[bot]', '') : account.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    user_view_type: 'public',
    site_admin: false
  }
}

/** The fields shared by `minimal-repository`, `repository` and `full-repository`. */
function repoCore(api: string, repo: RepoRecord) {
  const url = `${api}/repos/${repo.fullName}`
  const templates = Object.fromEntries(
    [
      ['archive_url', '/{archive_format}{/ref}'],
      ['assignees_url', '/assignees{/user}'],
      ['blobs_url', '/git/blobs{/sha}'],
      ['branches_url', '/branches{/branch}'],
      ['collaborators_url', '/collaborators{/collaborator}'],
      ['comments_url', '/comments{/number}'],
      ['commits_url', '/commits{/sha}'],
      ['compare_url', '/compare/{base}...{head}'],
      ['contents_url', '/contents/{+path}'],
      ['contributors_url', '/contributors'],
      ['deployments_url', '/deployments'],
      ['downloads_url', '/downloads'],
      ['events_url', '/events'],
      ['forks_url', '/forks'],
      ['git_commits_url', '/git/commits{/sha}'],
      ['git_refs_url', '/git/refs{/sha}'],
      ['git_tags_url', '/git/tags{/sha}'],
      ['hooks_url', '/hooks'],
      ['issue_comment_url', '/issues/comments{/number}'],
      ['issue_events_url', '/issues/events{/number}'],
      ['issues_url', '/issues{/number}'],
      ['keys_url', '/keys{/key_id}'],
      ['labels_url', '/labels{/name}'],
      ['languages_url', '/languages'],
      ['merges_url', '/merges'],
      ['milestones_url', '/milestones{/number}'],
      ['notifications_url', '/notifications{?since,all,participating}'],
      ['pulls_url', '/pulls{/number}'],
      ['releases_url', '/releases{/id}'],
      ['stargazers_url', '/stargazers'],
      ['statuses_url', '/statuses/{sha}'],
      ['subscribers_url', '/subscribers'],
      ['subscription_url', '/subscription'],
      ['tags_url', '/tags'],
      ['teams_url', '/teams'],
      ['trees_url', '/git/trees{/sha}']
    ].map(([key, suffix]) => [key, url + suffix])
  )
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner: userJson(api, repo.owner),
    private: repo.private,
    html_url: `${WEB}/${repo.fullName}`,
    description: null,
    fork: false,
    url,
    ...templates
  }
}

export function minimalRepoJson(api: string, repo: RepoRecord) {
  return repoCore(api, repo)
}

/** `repository` (as in a pull request's base and head): `full-repository` minus its own extra fields. */
export function repositoryJson(api: string, repo: RepoRecord) {
  const { network_count: _network, subscribers_count: _subscribers, ...repository } = fullRepoJson(api, repo)
  return repository
}

export function fullRepoJson(api: string, repo: RepoRecord) {
  const created = timestamp(repo.createdAt)
  const openIssues = [...repo.issues.values()].filter(i => i.state === 'open').length
  return {
    ...repoCore(api, repo),
    created_at: created,
    updated_at: created,
    pushed_at: created,
    git_url: `git://github.com/${repo.fullName}.git`,
    ssh_url: `git@github.com:${repo.fullName}.git`,
    clone_url: `${WEB}/${repo.fullName}.git`,
    svn_url: `${WEB}/${repo.fullName}`,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: repo.defaultBranch,
    network_count: 0,
    subscribers_count: 0
  }
}

export function labelJson(api: string, repo: RepoRecord, label: LabelRecord) {
  return {
    id: label.id,
    node_id: nodeId('LA', label.id),
    url: `${api}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description
  }
}

function reactions(url: string) {
  return {
    url: `${url}/reactions`,
    total_count: 0,
    '+1': 0,
    '-1': 0,
    laugh: 0,
    hooray: 0,
    confused: 0,
    heart: 0,
    rocket: 0,
    eyes: 0
  }
}

export function issueJson(api: string, repo: RepoRecord, issue: IssueRecord) {
  const repoUrl = `${api}/repos/${repo.fullName}`
  const url = `${repoUrl}/issues/${issue.number}`
  const kind = issue.pullRequest ? 'pull' : 'issues'
  return {
    url,
    repository_url: repoUrl,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${WEB}/${repo.fullName}/${kind}/${issue.number}`,
    id: issue.id,
    node_id: nodeId(issue.pullRequest ? 'PR' : 'I', issue.id),
    number: issue.number,
    title: issue.title,
    user: userJson(api, issue.author),
    labels: issue.labels.map(name => labelJson(api, repo, repo.labels.get(name.toLowerCase())!)),
    state: issue.state,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: issue.comments.length,
    created_at: timestamp(issue.createdAt),
    updated_at: timestamp(issue.updatedAt),
    closed_at: issue.closedAt ? timestamp(issue.closedAt) : null,
    author_association: 'NONE',
    active_lock_reason: null,
    ...(issue.pullRequest
      ? {
          draft: false,
          pull_request: {
            url: `${repoUrl}/pulls/${issue.number}`,
            html_url: `${WEB}/${repo.fullName}/pull/${issue.number}`,
            diff_url: `${WEB}/${repo.fullName}/pull/${issue.number}.diff`,
            patch_url: `${WEB}/${repo.fullName}/pull/${issue.number}.patch`,
            merged_at: issue.pull?.mergedAt ? timestamp(issue.pull.mergedAt) : null
          }
        }
      : {}),
    body: issue.body,
    closed_by: null,
    reactions: reactions(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason
  }
}

export function commentJson(api: string, repo: RepoRecord, issue: IssueRecord, comment: CommentRecord) {
  const url = `${api}/repos/${repo.fullName}/issues/comments/${comment.id}`
  return {
    url,
    html_url: `${WEB}/${repo.fullName}/${issue.pullRequest ? 'pull' : 'issues'}/${issue.number}#issuecomment-${comment.id}`,
    issue_url: `${api}/repos/${repo.fullName}/issues/${issue.number}`,
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    user: userJson(api, comment.author),
    created_at: timestamp(comment.createdAt),
    updated_at: timestamp(comment.updatedAt),
    author_association: 'NONE',
    body: comment.body,
    reactions: reactions(url),
    performed_via_github_app: null
  }
}

export function workflowRunJson(api: string, run: RunRecord) {
  const repoUrl = `${api}/repos/${run.repo.fullName}`
  const url = `${repoUrl}/actions/runs/${run.id}`
  const created = timestamp(run.createdAt)
  return {
    id: run.id,
    name: 'Preflight',
    node_id: nodeId('WFR', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: '.github/workflows/preflight.yml',
    display_title: 'Preflight',
    run_number: 1,
    event: 'push',
    status: 'in_progress',
    conclusion: null,
    workflow_id: 4242,
    check_suite_id: run.id + 1,
    check_suite_node_id: nodeId('CS', run.id + 1),
    url,
    html_url: `${WEB}/${run.repo.fullName}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: created,
    updated_at: created,
    run_attempt: 1,
    run_started_at: created,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${repoUrl}/check-suites/${run.id + 1}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${repoUrl}/actions/workflows/4242`,
    head_commit: null,
    repository: minimalRepoJson(api, run.repo),
    head_repository: minimalRepoJson(api, run.repo)
  }
}

export function artifactJson(api: string, artifact: ArtifactRecord) {
  const url = `${api}/repos/${artifact.run.repo.fullName}/actions/artifacts/${artifact.id}`
  return {
    id: artifact.id,
    node_id: nodeId('MDg6QXJ0aWZhY3Q', artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.content?.length ?? 0,
    url,
    archive_download_url: `${url}/zip`,
    expired: artifact.expired,
    created_at: timestamp(artifact.createdAt),
    updated_at: timestamp(artifact.updatedAt),
    expires_at: timestamp(artifact.expiresAt),
    digest: artifact.digest,
    workflow_run: {
      id: artifact.run.id,
      repository_id: artifact.run.repo.id,
      head_repository_id: artifact.run.repo.id,
      head_branch: artifact.run.headBranch,
      head_sha: artifact.run.headSha
    }
  }
}

/** GitHub's full `commit` object (as in compare and the commits API), without `files` and `stats`. */
export function commitJson(api: string, repo: RepoRecord, commit: CommitRecord) {
  const repoUrl = `${api}/repos/${repo.fullName}`
  const gitUser = {
    name: commit.author.login,
    email: noreplyEmail(commit.author),
    date: timestamp(commit.date)
  }
  return {
    sha: commit.sha,
    node_id: nodeId('C', `${repo.id}:${commit.sha}`),
    commit: {
      author: gitUser,
      committer: gitUser,
      message: commit.message,
      tree: { sha: commit.treeSha, url: `${repoUrl}/git/trees/${commit.treeSha}` },
      url: `${repoUrl}/git/commits/${commit.sha}`,
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
    },
    url: `${repoUrl}/commits/${commit.sha}`,
    html_url: `${WEB}/${repo.fullName}/commit/${commit.sha}`,
    comments_url: `${repoUrl}/commits/${commit.sha}/comments`,
    author: userJson(api, commit.author),
    committer: userJson(api, commit.author),
    parents: commit.parents.map(sha => ({
      sha,
      url: `${repoUrl}/commits/${sha}`,
      html_url: `${WEB}/${repo.fullName}/commit/${sha}`
    }))
  }
}

/** `commit-comparison` for `base...head`; `commits` is the page of commits to show. */
export function comparisonJson(
  api: string,
  repo: RepoRecord,
  compare: {
    basehead: string
    base: CommitRecord
    head: CommitRecord
    mergeBase: CommitRecord
    status: 'identical' | 'ahead' | 'behind' | 'diverged'
    aheadBy: number
    behindBy: number
    commits: CommitRecord[]
  }
) {
  const html = `${WEB}/${repo.fullName}/compare/${compare.basehead}`
  const owner = repo.owner.login
  return {
    url: `${api}/repos/${repo.fullName}/compare/${compare.basehead}`,
    html_url: html,
    permalink_url: `${WEB}/${repo.fullName}/compare/${owner}:${compare.base.sha}...${owner}:${compare.head.sha}`,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    base_commit: commitJson(api, repo, compare.base),
    merge_base_commit: commitJson(api, repo, compare.mergeBase),
    status: compare.status,
    ahead_by: compare.aheadBy,
    behind_by: compare.behindBy,
    total_commits: compare.aheadBy,
    commits: compare.commits.map(c => commitJson(api, repo, c)),
    files: []
  }
}

export function tagJson(api: string, repo: RepoRecord, name: string, sha: string) {
  const repoUrl = `${api}/repos/${repo.fullName}`
  const ref = encodeURIComponent(name)
  return {
    name,
    zipball_url: `${repoUrl}/zipball/refs/tags/${ref}`,
    tarball_url: `${repoUrl}/tarball/refs/tags/${ref}`,
    commit: { sha, url: `${repoUrl}/commits/${sha}` },
    node_id: nodeId('REF', `${repo.id}:refs/tags/${name}`)
  }
}

/** `pull-request-simple` for a pull request added with addPull. */
export function pullJson(api: string, repo: RepoRecord, issue: IssueRecord, pull: PullRecord) {
  const repoUrl = `${api}/repos/${repo.fullName}`
  const url = `${repoUrl}/pulls/${issue.number}`
  const html = `${WEB}/${repo.fullName}/pull/${issue.number}`
  const issueUrl = `${repoUrl}/issues/${issue.number}`
  const owner = userJson(api, repo.owner)
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner.login}:${ref}`,
    ref,
    sha,
    user: owner,
    repo: repositoryJson(api, repo)
  })
  const links = {
    self: { href: url },
    html: { href: html },
    issue: { href: issueUrl },
    comments: { href: `${issueUrl}/comments` },
    review_comments: { href: `${url}/comments` },
    review_comment: { href: `${repoUrl}/pulls/comments{/number}` },
    commits: { href: `${url}/commits` },
    statuses: { href: `${repoUrl}/statuses/${pull.headSha}` }
  }
  return {
    url,
    id: issue.id,
    node_id: nodeId('PR', issue.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoUrl}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${repoUrl}/statuses/${pull.headSha}`,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: userJson(api, issue.author),
    body: issue.body,
    labels: issue.labels.map(name => labelJson(api, repo, repo.labels.get(name.toLowerCase())!)),
    milestone: null,
    active_lock_reason: null,
    created_at: timestamp(issue.createdAt),
    updated_at: timestamp(issue.updatedAt),
    closed_at: issue.closedAt ? timestamp(issue.closedAt) : null,
    merged_at: pull.mergedAt ? timestamp(pull.mergedAt) : null,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.headRef, pull.headSha),
    base: side(pull.baseRef, pull.baseSha),
    _links: links,
    author_association: 'NONE',
    auto_merge: null,
    draft: false
  }
}

export function reviewJson(api: string, repo: RepoRecord, issue: IssueRecord, review: ReviewRecord) {
  const html = `${WEB}/${repo.fullName}/pull/${issue.number}#pullrequestreview-${review.id}`
  const pullUrl = `${api}/repos/${repo.fullName}/pulls/${issue.number}`
  return {
    id: review.id,
    node_id: nodeId('PRR', review.id),
    user: userJson(api, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullUrl,
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    submitted_at: timestamp(review.submittedAt),
    commit_id: review.commitId,
    author_association: 'NONE'
  }
}

/**
 * The REST operations the action uses, with GitHub's semantics where the action depends on them: token
 * permissions (401/403/404 in GitHub's order and shapes), issue filters, real pagination with Link headers,
 * issue numbers shared with pull requests, labels created on first use, expired artifacts answering 410,
 * commit comparison through the merge base, pull requests found by commit, reviews and tags.
 */
import { openApiValidator, type MatchedOperation } from './openapi-validator.js'
import {
  artifactJson,
  commentJson,
  comparisonJson,
  fullRepoJson,
  issueJson,
  labelJson,
  pullJson,
  reviewJson,
  tagJson,
  workflowRunJson
} from './objects.js'
import { githubError, parseJsonBody, validationFailed, type EmulatorRequest, type Reply } from './reply.js'
import {
  ancestry,
  chronological,
  DEFAULT_LABEL_COLOR,
  mergeBase,
  resolveRef,
  type ArtifactRecord,
  type GitHubState,
  type IssueRecord,
  type RepoRecord
} from './state.js'

export interface RestContext {
  state: GitHubState
  /** The emulator's origin, used in every URL it hands out. */
  api: string
  createDelayMs: number
  sleep(ms: number): Promise<void>
  /** A signed, absolute download URL for the artifact's blob. */
  blobUrl(artifact: ArtifactRecord): string
  /** Records something the emulator cannot answer faithfully (reported by `violations()`). */
  note(problem: string): void
}

type Scope = 'metadata' | 'issues' | 'actions' | 'contents' | 'pull_requests'
type Need = [Scope, 'read' | 'write']
/**
 * The permissions each operation needs, all of them; GitHub names the set in the
 * `x-accepted-github-permissions` header, comma-separated (a `;` would separate alternative sets).
 */
const NEEDS: Record<string, Need[]> = {
  'repos/get': [['metadata', 'read']],
  'issues/list-for-repo': [['issues', 'read']],
  'issues/create': [['issues', 'write']],
  'issues/get': [['issues', 'read']],
  'issues/update': [['issues', 'write']],
  'issues/list-comments': [['issues', 'read']],
  'issues/create-comment': [['issues', 'write']],
  'issues/get-label': [['issues', 'read']],
  'issues/create-label': [['issues', 'write']],
  'issues/delete-label': [['issues', 'write']],
  'actions/get-workflow-run': [['actions', 'read']],
  'actions/list-workflow-run-artifacts': [['actions', 'read']],
  'actions/get-artifact': [['actions', 'read']],
  'actions/download-artifact': [['actions', 'read']],
  'repos/compare-commits-with-basehead': [['contents', 'read']],
  'repos/list-tags': [['contents', 'read']],
  'repos/list-pull-requests-associated-with-commit': [
    ['contents', 'read'],
    ['pull_requests', 'read']
  ],
  'pulls/list-reviews': [['pull_requests', 'read']]
}

const STATE_REASONS = ['completed', 'not_planned', 'duplicate'] as const

/** Filters of `GET /issues` the emulator does not implement: using one is reported, never silently ignored. */
const UNSUPPORTED_ISSUE_FILTERS = ['milestone', 'assignee', 'type', 'mentioned', 'issue_field_values']

export async function handleRest(req: EmulatorRequest, ctx: RestContext): Promise<Reply> {
  const matched = openApiValidator().match(req.method, req.url.pathname)
  if ('unknown' in matched) return githubError(404, 'Not Found')
  const needs = NEEDS[matched.operationId]
  const accepted = { 'x-accepted-github-permissions': needs.map(([s, l]) => `${s}=${l}`).join(',') }
  const withHeaders = (reply: Reply): Reply => ({ ...reply, headers: { ...accepted, ...reply.headers } })

  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  if (!match) return githubError(401, 'Requires authentication', matched.docsUrl)
  const token = ctx.state.tokens.get(match[1])
  if (!token) return githubError(401, 'Bad credentials', matched.docsUrl)

  const fullName = `${matched.pathParams.owner}/${matched.pathParams.repo}`
  const repo = ctx.state.repo(fullName)
  if (!repo || (token.repos && !token.repos.includes(repo.fullName.toLowerCase()))) {
    return withHeaders(githubError(404, 'Not Found', matched.docsUrl))
  }
  const refused = needs.some(([scope, level]) => {
    const granted = scope === 'metadata' ? 'read' : token[scope]
    return granted === 'none' || (level === 'write' && granted !== 'write')
  })
  if (refused) {
    return withHeaders(githubError(403, 'Resource not accessible by integration', matched.docsUrl))
  }
  const body = parseJsonBody(req.body)
  if (!body.ok) return withHeaders(githubError(400, 'Problems parsing JSON', matched.docsUrl))
  const route: Route = {
    req,
    ctx,
    repo,
    matched,
    body: (body.value ?? {}) as Record<string, unknown>,
    login: token.login
  }
  return withHeaders(await OPERATIONS[matched.operationId](route))
}

interface Route {
  req: EmulatorRequest
  ctx: RestContext
  repo: RepoRecord
  matched: MatchedOperation
  body: Record<string, unknown>
  login: string
}

const OPERATIONS: Record<string, (r: Route) => Reply | Promise<Reply>> = {
  'repos/get': ({ ctx, repo }) => ({ status: 200, json: fullRepoJson(ctx.api, repo) }),

  'issues/list-for-repo': ({ req, ctx, repo }) => {
    const q = req.url.searchParams
    for (const name of UNSUPPORTED_ISSUE_FILTERS) {
      if (q.has(name))
        ctx.note(`GET ${req.url.pathname}: the emulator does not implement the '${name}' filter`)
    }
    const state = q.get('state') ?? 'open'
    const labels = (q.get('labels') ?? '')
      .split(',')
      .map(l => l.trim().toLowerCase())
      .filter(Boolean)
    const since = q.get('since') ? new Date(q.get('since')!) : undefined
    const creator = q.get('creator')?.toLowerCase()
    const items = [...repo.issues.values()].filter(
      issue =>
        (state === 'all' || issue.state === state) &&
        labels.every(l => issue.labels.some(name => name.toLowerCase() === l)) &&
        (!since || issue.updatedAt >= since) &&
        (!creator || issue.author.login.toLowerCase() === creator)
    )
    sortIssues(items, q.get('sort') ?? 'created', q.get('direction') ?? 'desc')
    const { page, headers } = paginate(items, req.url, ctx.api)
    return { status: 200, headers, json: page.map(issue => issueJson(ctx.api, repo, issue)) }
  },

  'issues/create': async ({ ctx, repo, matched, body, login }) => {
    const title = body.title
    if (typeof title !== 'string' && typeof title !== 'number') {
      return validationFailed(matched.docsUrl, 'Issue', 'title', 'missing_field')
    }
    // Widens the window between a client's "list" and its "create", to test duplicate-avoidance logic.
    if (ctx.createDelayMs > 0) await ctx.sleep(ctx.createDelayMs)
    const issue = ctx.state.addIssue(
      repo,
      { title: String(title), body: optionalString(body.body), labels: labelNames(body.labels) },
      ctx.state.accountFor(login)
    )
    const json = issueJson(ctx.api, repo, issue)
    return { status: 201, headers: { location: json.url }, json }
  },

  'issues/get': ({ ctx, repo, matched }) => {
    const issue = findIssue(repo, matched)
    return issue
      ? { status: 200, json: issueJson(ctx.api, repo, issue) }
      : githubError(404, 'Not Found', matched.docsUrl)
  },

  'issues/update': ({ ctx, repo, matched, body }) => {
    const issue = findIssue(repo, matched)
    if (!issue) return githubError(404, 'Not Found', matched.docsUrl)
    const now = new Date()
    if (typeof body.title === 'string' || typeof body.title === 'number') issue.title = String(body.title)
    if ('body' in body) issue.body = optionalString(body.body)
    if (Array.isArray(body.labels))
      issue.labels = labelNames(body.labels).map(n => ctx.state.ensureLabel(repo, n).name)
    if (body.state === 'closed' && issue.state === 'open') {
      issue.state = 'closed'
      issue.closedAt = now
      issue.stateReason = STATE_REASONS.find(r => r === body.state_reason) ?? 'completed'
    } else if (body.state === 'open' && issue.state === 'closed') {
      issue.state = 'open'
      issue.closedAt = null
      issue.stateReason = 'reopened'
    }
    issue.updatedAt = now
    return { status: 200, json: issueJson(ctx.api, repo, issue) }
  },

  'issues/list-comments': ({ req, ctx, repo, matched }) => {
    const issue = findIssue(repo, matched)
    if (!issue) return githubError(404, 'Not Found', matched.docsUrl)
    const since = req.url.searchParams.get('since')
    const items = issue.comments.filter(c => !since || c.updatedAt >= new Date(since))
    const { page, headers } = paginate(items, req.url, ctx.api)
    return { status: 200, headers, json: page.map(c => commentJson(ctx.api, repo, issue, c)) }
  },

  'issues/create-comment': ({ ctx, repo, matched, body, login }) => {
    const issue = findIssue(repo, matched)
    if (!issue) return githubError(404, 'Not Found', matched.docsUrl)
    if (typeof body.body !== 'string')
      return validationFailed(matched.docsUrl, 'IssueComment', 'body', 'missing_field')
    const now = new Date()
    const comment = {
      id: ctx.state.nextId(),
      body: body.body,
      author: ctx.state.accountFor(login),
      createdAt: now,
      updatedAt: now
    }
    issue.comments.push(comment)
    issue.updatedAt = now
    const json = commentJson(ctx.api, repo, issue, comment)
    return { status: 201, headers: { location: json.url }, json }
  },

  'issues/get-label': ({ ctx, repo, matched }) => {
    const label = repo.labels.get(matched.pathParams.name.toLowerCase())
    return label
      ? { status: 200, json: labelJson(ctx.api, repo, label) }
      : githubError(404, 'Not Found', matched.docsUrl)
  },

  'issues/create-label': ({ ctx, repo, matched, body }) => {
    if (typeof body.name !== 'string' || body.name === '') {
      return validationFailed(matched.docsUrl, 'Label', 'name', 'missing_field')
    }
    if (repo.labels.has(body.name.toLowerCase())) {
      return validationFailed(matched.docsUrl, 'Label', 'name', 'already_exists')
    }
    const label = ctx.state.ensureLabel(repo, body.name)
    if (typeof body.color === 'string') label.color = body.color.replace(/^#/, '') || DEFAULT_LABEL_COLOR
    if (typeof body.description === 'string') label.description = body.description
    const json = labelJson(ctx.api, repo, label)
    return { status: 201, headers: { location: json.url }, json }
  },

  // Deleting a label takes it off every issue, as on GitHub.
  'issues/delete-label': ({ repo, matched }) => {
    const key = matched.pathParams.name.toLowerCase()
    const label = repo.labels.get(key)
    if (!label) return githubError(404, 'Not Found', matched.docsUrl)
    repo.labels.delete(key)
    for (const issue of repo.issues.values()) issue.labels = issue.labels.filter(n => n !== label.name)
    return { status: 204, raw: Buffer.alloc(0) }
  },

  'actions/get-workflow-run': ({ ctx, repo, matched }) => {
    const run = ctx.state.runs.get(Number(matched.pathParams.run_id))
    if (!run || run.repo !== repo) return githubError(404, 'Not Found', matched.docsUrl)
    return { status: 200, json: workflowRunJson(ctx.api, run) }
  },

  'actions/list-workflow-run-artifacts': ({ req, ctx, repo, matched }) => {
    const run = ctx.state.runs.get(Number(matched.pathParams.run_id))
    if (!run || run.repo !== repo) return githubError(404, 'Not Found', matched.docsUrl)
    const name = req.url.searchParams.get('name')
    const items = ctx.state.runArtifacts(run).filter(a => name === null || a.name === name)
    if ((req.url.searchParams.get('direction') ?? 'desc') === 'desc') items.reverse()
    const { page, headers } = paginate(items, req.url, ctx.api)
    return {
      status: 200,
      headers,
      json: { total_count: items.length, artifacts: page.map(a => artifactJson(ctx.api, a)) }
    }
  },

  'actions/get-artifact': ({ ctx, repo, matched }) => {
    const artifact = findArtifact(ctx, repo, matched)
    return artifact
      ? { status: 200, json: artifactJson(ctx.api, artifact) }
      : githubError(404, 'Not Found', matched.docsUrl)
  },

  'actions/download-artifact': ({ ctx, repo, matched }) => {
    const artifact = findArtifact(ctx, repo, matched)
    if (!artifact || matched.pathParams.archive_format !== 'zip')
      return githubError(404, 'Not Found', matched.docsUrl)
    // 410 is one of the two statuses the description documents for this operation (with basic-error).
    if (artifact.expired) return githubError(410, 'Artifact has expired', matched.docsUrl)
    return { status: 302, headers: { location: ctx.blobUrl(artifact) }, raw: Buffer.alloc(0) }
  },

  // `base...head` through the merge base, as `git log base..head` plus ahead/behind counts.
  'repos/compare-commits-with-basehead': ({ req, ctx, repo, matched }) => {
    const basehead = matched.pathParams.basehead
    const sides = basehead.split('...')
    if (sides.length !== 2) return githubError(404, 'Not Found', matched.docsUrl)
    if (sides.some(side => side.includes(':'))) {
      ctx.note(`GET ${req.url.pathname}: the emulator does not implement 'owner:ref' (cross-fork) compares`)
      return githubError(404, 'Not Found', matched.docsUrl)
    }
    const [base, head] = sides.map(side => resolveRef(repo, side))
    if (!base || !head) return githubError(404, 'Not Found', matched.docsUrl)
    const baseSha = mergeBase(repo, base.sha, head.sha)
    if (!baseSha) {
      return githubError(404, `No common ancestor between ${sides[0]} and ${sides[1]}.`, matched.docsUrl)
    }
    const ofBase = ancestry(repo, base.sha)
    const ofHead = ancestry(repo, head.sha)
    const ahead = new Set([...ofHead].filter(sha => !ofBase.has(sha)))
    const behindBy = [...ofBase].filter(sha => !ofHead.has(sha)).length
    const status =
      ahead.size === 0 && behindBy === 0
        ? 'identical'
        : behindBy === 0
          ? 'ahead'
          : ahead.size === 0
            ? 'behind'
            : 'diverged'
    const commits = chronological(repo, ahead)
    const q = req.url.searchParams
    let shown = commits
    let headers: Record<string, string> = {}
    if (q.has('per_page') || q.has('page')) {
      ;({ page: shown, headers } = paginate(commits, req.url, ctx.api))
    } else if (commits.length > COMPARE_UNPAGED_LIMIT) {
      // GitHub documents the limit, not which commits it keeps: ask for pages instead.
      ctx.note(
        `GET ${req.url.pathname}: ${commits.length} commits without page/per_page; GitHub shows ${COMPARE_UNPAGED_LIMIT} (the emulator the oldest)`
      )
      shown = commits.slice(0, COMPARE_UNPAGED_LIMIT)
    }
    const json = comparisonJson(ctx.api, repo, {
      basehead,
      base,
      head,
      mergeBase: repo.commits.get(baseSha)!,
      status,
      aheadBy: ahead.size,
      behindBy,
      commits: shown
    })
    return { status: 200, headers, json }
  },

  // A sha: the merged pull requests that brought it in (plus open ones while it is not on the default
  // branch). A branch name (documented): the open or merged pull requests from that branch.
  'repos/list-pull-requests-associated-with-commit': ({ req, ctx, repo, matched }) => {
    const ref = matched.pathParams.commit_sha
    const sha = ref.toLowerCase()
    const pulls = [...repo.issues.values()].filter(issue => issue.pull)
    const mergedOrOpen = (issue: IssueRecord) => issue.pull!.mergedAt !== null || issue.state === 'open'
    let found: IssueRecord[]
    if (/^[0-9a-f]{40}$/.test(sha) && repo.commits.has(sha)) {
      const defaultTip = repo.branches.get(repo.defaultBranch)
      const onDefault = defaultTip !== undefined && ancestry(repo, defaultTip).has(sha)
      found = pulls.filter(
        issue =>
          (issue.pull!.commits.includes(sha) || issue.pull!.mergeCommitSha === sha) &&
          (onDefault ? issue.pull!.mergedAt !== null : mergedOrOpen(issue))
      )
    } else if (repo.branches.has(ref)) {
      found = pulls.filter(issue => issue.pull!.headRef === ref && mergedOrOpen(issue))
    } else {
      // Abbreviated and unknown shas alike (422 is missing from the description: see openapi-validator.ts).
      return githubError(422, `No commit found for SHA: ${ref}`, matched.docsUrl)
    }
    const { page, headers } = paginate(found, req.url, ctx.api)
    return { status: 200, headers, json: page.map(issue => pullJson(ctx.api, repo, issue, issue.pull!)) }
  },

  'pulls/list-reviews': ({ req, ctx, repo, matched }) => {
    const issue = repo.issues.get(Number(matched.pathParams.pull_number))
    if (!issue?.pullRequest) return githubError(404, 'Not Found', matched.docsUrl)
    const { page, headers } = paginate(issue.pull?.reviews ?? [], req.url, ctx.api)
    return { status: 200, headers, json: page.map(review => reviewJson(ctx.api, repo, issue, review)) }
  },

  // GitHub lists tags by name, last first (digit runs compare as numbers here: v1.10 after v1.9).
  'repos/list-tags': ({ req, ctx, repo }) => {
    const tags = [...repo.tags].sort(([a], [b]) => TAG_ORDER.compare(b, a))
    const { page, headers } = paginate(tags, req.url, ctx.api)
    return { status: 200, headers, json: page.map(([name, sha]) => tagJson(ctx.api, repo, name, sha)) }
  }
}

/** Commits a compare shows when the request has no `page`/`per_page`. */
const COMPARE_UNPAGED_LIMIT = 250
const TAG_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })

function findIssue(repo: RepoRecord, matched: MatchedOperation): IssueRecord | undefined {
  return repo.issues.get(Number(matched.pathParams.issue_number))
}

function findArtifact(
  ctx: RestContext,
  repo: RepoRecord,
  matched: MatchedOperation
): ArtifactRecord | undefined {
  const artifact = ctx.state.artifacts.get(Number(matched.pathParams.artifact_id))
  return artifact && artifact.finalized && artifact.run.repo === repo ? artifact : undefined
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

/** Labels arrive as names or as objects with a `name`; duplicates (any case) collapse. */
function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  const names = (value as unknown[])
    .map(l => (typeof l === 'string' ? l : (l as { name?: unknown } | null)?.name))
    .filter((name): name is string => typeof name === 'string' && name !== '')
  return names.filter((n, i) => names.findIndex(m => m.toLowerCase() === n.toLowerCase()) === i)
}

function sortIssues(items: IssueRecord[], sort: string, direction: string): void {
  const key = (i: IssueRecord) =>
    sort === 'updated'
      ? i.updatedAt.getTime()
      : sort === 'comments'
        ? i.comments.length
        : i.createdAt.getTime()
  items.sort((a, b) => key(a) - key(b) || a.number - b.number)
  if (direction !== 'asc') items.reverse()
}

/**
 * GitHub's page-based pagination: `per_page` (default 30, at most 100) and `page` (from 1), with an RFC 5988
 * `Link` header naming first/prev/next/last. (GitHub's own links use `/repositories/{id}/...` paths; the
 * emulator links to the same path it was asked, which is the one the description documents.)
 */
function paginate<T>(items: T[], url: URL, api: string): { page: T[]; headers: Record<string, string> } {
  const asked = Number(url.searchParams.get('per_page'))
  const perPage = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, 100) : 30
  const pageNumber = Math.max(1, Math.trunc(Number(url.searchParams.get('page'))) || 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const link = (page: number, rel: string) => {
    const target = new URL(url.pathname + url.search, api)
    target.searchParams.set('page', String(page))
    return `<${target.href}>; rel="${rel}"`
  }
  const links = [
    ...(pageNumber > 1 ? [link(pageNumber - 1, 'prev')] : []),
    ...(pageNumber < last ? [link(pageNumber + 1, 'next'), link(last, 'last')] : []),
    ...(pageNumber > 1 ? [link(1, 'first')] : [])
  ]
  return {
    page: items.slice((pageNumber - 1) * perPage, pageNumber * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {}
  }
}

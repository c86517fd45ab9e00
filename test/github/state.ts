/**
 * The emulator's in-memory world: repositories with issues, labels and comments, a small git model (commits,
 * branches, tags) and pull requests with reviews; tokens with permissions; workflow runs with artifacts. Plain
 * records — the JSON GitHub sends is built from them in ./objects.ts.
 */
import { createHash, randomUUID } from 'node:crypto'

export type Level = 'none' | 'read' | 'write'

/** What a token may do, like a GITHUB_TOKEN's `permissions:` block plus the repositories it can see. */
export interface TokenPermissions {
  /** Default 'none'. */
  issues?: Level
  /** Default 'none'. */
  actions?: Level
  /** Default 'none' (as when a workflow's `permissions:` block leaves it out). */
  contents?: Level
  /** Default 'none'. */
  pull_requests?: Level
  /** Repositories ('owner/repo') the token can see; default: every repository. */
  repos?: string[]
  /** The account the token acts as; default `github-actions[bot]`. */
  login?: string
}

export interface Account {
  login: string
  id: number
  type: 'User' | 'Bot' | 'Organization'
}

export interface LabelRecord {
  id: number
  name: string
  color: string
  description: string | null
  default: boolean
}

export interface CommentRecord {
  id: number
  body: string
  author: Account
  createdAt: Date
  updatedAt: Date
}

export type StateReason = 'completed' | 'reopened' | 'not_planned' | 'duplicate' | null

export interface IssueRecord {
  id: number
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  stateReason: StateReason
  /** Label names, spelled as the repository's label. */
  labels: string[]
  author: Account
  /** Items with this flag are pull requests, which the issues API lists too (with a `pull_request` key). */
  pullRequest: boolean
  comments: CommentRecord[]
  createdAt: Date
  updatedAt: Date
  closedAt: Date | null
  /** The pull request's own data, for pull requests added with `addPull` (not for `seedIssue` ones). */
  pull?: PullRecord
}

export interface CommitRecord {
  /** 40 lower-case hex digits. */
  sha: string
  message: string
  /** Parent shas, first parent first. */
  parents: string[]
  /** The GitHub account the commit is linked to (author and committer). */
  author: Account
  date: Date
  treeSha: string
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED'

export interface ReviewRecord {
  id: number
  user: Account
  state: ReviewState
  body: string
  /** The pull request's head when the review was submitted. */
  commitId: string
  submittedAt: Date
}

export interface PullRecord {
  baseRef: string
  /** The base branch's tip when the pull request was added. */
  baseSha: string
  headRef: string
  headSha: string
  /** The pull request's commits, oldest first. */
  commits: string[]
  mergedAt: Date | null
  mergeCommitSha: string | null
  /** In submission order. */
  reviews: ReviewRecord[]
}

export interface RepoRecord {
  id: number
  owner: Account
  name: string
  fullName: string
  private: boolean
  defaultBranch: string
  createdAt: Date
  /** By number; issues and pull requests share the numbering, as on GitHub. */
  issues: Map<number, IssueRecord>
  /** By lower-cased name: GitHub matches label names case-insensitively. */
  labels: Map<string, LabelRecord>
  lastNumber: number
  /** Every commit, by sha, in the order they were added. */
  commits: Map<string, CommitRecord>
  /** Branch name → sha. The default branch is just one of them (it need not exist). */
  branches: Map<string, string>
  /** Tag name → sha (lightweight tags). */
  tags: Map<string, string>
}

export interface RunRecord {
  id: number
  repo: RepoRecord
  /** The ids the Actions Results service knows the run and its (default) job by. */
  runBackendId: string
  jobBackendId: string
  headSha: string
  headBranch: string
  createdAt: Date
}

export interface ArtifactRecord {
  id: number
  name: string
  run: RunRecord
  jobBackendId: string
  /** Seeded by a test (`addArtifact`) or uploaded through the Results service. */
  source: 'seeded' | 'uploaded'
  /** Key of the blob in the emulated storage. */
  blobId: string
  mimeType: string
  /** The stored bytes (the zip); undefined until the upload is committed. */
  content?: Buffer
  /** Uploaded but not yet committed Azure blocks, by block id. */
  blocks: Map<string, Buffer>
  finalized: boolean
  expired: boolean
  /** The digest GitHub advertises ("sha256:<hex>"), which a test may make wrong on purpose. */
  digest: string | null
  createdAt: Date
  expiresAt: Date
  updatedAt: Date
}

export const ACTIONS_BOT: Account = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

/** GitHub's label color when none is given. */
export const DEFAULT_LABEL_COLOR = 'ededed'

export class GitHubState {
  readonly repos = new Map<string, RepoRecord>()
  readonly tokens = new Map<string, Required<Omit<TokenPermissions, 'repos'>> & { repos?: string[] }>()
  readonly runs = new Map<number, RunRecord>()
  readonly artifacts = new Map<number, ArtifactRecord>()
  private lastId = 1000

  /** A fresh id; GitHub's ids are global across kinds only in spirit, but unique ids keep tests honest. */
  nextId(): number {
    return ++this.lastId
  }

  addRepo(fullName: string, options: { private?: boolean; defaultBranch?: string } = {}): RepoRecord {
    const [owner, name, extra] = fullName.split('/')
    if (!owner || !name || extra !== undefined)
      throw new Error(`repository must be 'owner/repo': ${fullName}`)
    const key = fullName.toLowerCase()
    const existing = this.repos.get(key)
    if (existing) return existing
    const repo: RepoRecord = {
      id: this.nextId(),
      owner: { login: owner, id: this.nextId(), type: 'Organization' },
      name,
      fullName,
      private: options.private ?? true,
      defaultBranch: options.defaultBranch ?? 'main',
      createdAt: new Date(),
      issues: new Map(),
      labels: new Map(),
      lastNumber: 0,
      commits: new Map(),
      branches: new Map(),
      tags: new Map()
    }
    this.repos.set(key, repo)
    return repo
  }

  repo(fullName: string): RepoRecord | undefined {
    return this.repos.get(fullName.toLowerCase())
  }

  requireRepo(fullName: string): RepoRecord {
    const repo = this.repo(fullName)
    if (!repo) throw new Error(`unknown repository ${fullName}: call addRepo first`)
    return repo
  }

  addToken(token: string, permissions: TokenPermissions): void {
    this.tokens.set(token, {
      issues: permissions.issues ?? 'none',
      actions: permissions.actions ?? 'none',
      contents: permissions.contents ?? 'none',
      pull_requests: permissions.pull_requests ?? 'none',
      login: permissions.login ?? ACTIONS_BOT.login,
      repos: permissions.repos?.map(r => r.toLowerCase())
    })
  }

  accountFor(login: string): Account {
    if (login === ACTIONS_BOT.login) return ACTIONS_BOT
    const id = 2_000_000 + (createHash('sha1').update(login).digest().readUInt32BE(0) % 1_000_000)
    return { login, id, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
  }

  addRun(
    repoName: string,
    runId: number,
    options: { backendIds?: { runBackendId?: string; jobBackendId?: string }; headSha?: string } = {}
  ): RunRecord {
    const repo = this.requireRepo(repoName)
    const existing = this.runs.get(runId)
    if (existing && existing.repo !== repo)
      throw new Error(`run ${runId} already belongs to ${existing.repo.fullName}`)
    if (existing) return existing
    const run: RunRecord = {
      id: runId,
      repo,
      runBackendId: options.backendIds?.runBackendId ?? randomUUID(),
      jobBackendId: options.backendIds?.jobBackendId ?? randomUUID(),
      headSha: options.headSha ?? createHash('sha1').update(`${repo.fullName}#${runId}`).digest('hex'),
      headBranch: repo.defaultBranch,
      createdAt: new Date()
    }
    this.runs.set(runId, run)
    return run
  }

  requireRun(runId: number): RunRecord {
    const run = this.runs.get(runId)
    if (!run) throw new Error(`unknown run ${runId}: call addRun first`)
    return run
  }

  runByBackendId(runBackendId: string): RunRecord | undefined {
    return [...this.runs.values()].find(run => run.runBackendId === runBackendId)
  }

  /** A new, not yet finalized artifact (content arrives later through the blob storage). */
  createArtifact(
    run: RunRecord,
    name: string,
    options: { jobBackendId: string; mimeType: string; source: ArtifactRecord['source']; expiresAt?: Date }
  ): ArtifactRecord {
    const now = new Date()
    const { jobBackendId, mimeType, source, expiresAt } = options
    const artifact: ArtifactRecord = {
      id: this.nextId(),
      name,
      source,
      run,
      jobBackendId,
      blobId: randomUUID(),
      mimeType,
      blocks: new Map(),
      finalized: false,
      expired: false,
      digest: null,
      createdAt: now,
      updatedAt: now,
      expiresAt: expiresAt ?? new Date(now.getTime() + 90 * 86_400_000)
    }
    this.artifacts.set(artifact.id, artifact)
    return artifact
  }

  /** Finalized artifacts of a run, oldest first. */
  runArtifacts(run: RunRecord): ArtifactRecord[] {
    return [...this.artifacts.values()].filter(a => a.run === run && a.finalized).sort((a, b) => a.id - b.id)
  }

  artifactByBlobId(blobId: string): ArtifactRecord | undefined {
    return [...this.artifacts.values()].find(a => a.blobId === blobId)
  }

  /** The label of that name (any case), created with GitHub's defaults when missing. */
  ensureLabel(repo: RepoRecord, name: string): LabelRecord {
    const key = name.toLowerCase()
    let label = repo.labels.get(key)
    if (!label) {
      label = { id: this.nextId(), name, color: DEFAULT_LABEL_COLOR, description: null, default: false }
      repo.labels.set(key, label)
    }
    return label
  }

  /** Adds an issue or pull request with the next number of the repository. */
  addIssue(
    repo: RepoRecord,
    fields: {
      title: string
      body?: string | null
      labels?: string[]
      state?: 'open' | 'closed'
      pullRequest?: boolean
    },
    author: Account
  ): IssueRecord {
    const now = new Date()
    const closed = fields.state === 'closed'
    const issue: IssueRecord = {
      id: this.nextId(),
      number: ++repo.lastNumber,
      title: fields.title,
      body: fields.body ?? null,
      state: closed ? 'closed' : 'open',
      stateReason: closed ? 'completed' : null,
      labels: [...new Set((fields.labels ?? []).map(name => this.ensureLabel(repo, name).name))],
      author,
      pullRequest: fields.pullRequest ?? false,
      comments: [],
      createdAt: now,
      updatedAt: now,
      closedAt: closed ? now : null
    }
    repo.issues.set(issue.number, issue)
    return issue
  }
}

/** Where default commit dates start (dates are deterministic so that computed shas are too). */
const FIRST_COMMIT_DATE = Date.UTC(2024, 0, 1)
const SHA = /^[0-9a-f]{40}$/

/** The e-mail GitHub gives a linked account's commits. */
export function noreplyEmail(account: Account): string {
  return `${account.id}+${account.login}@users.noreply.github.com`
}

/**
 * Adds a commit. Without `sha`, its sha is git's own hash of a commit object (a tree unique to this commit,
 * the parents, author, committer, date and message), so the same calls give the same shas on every run.
 * Without `date`, it is a minute after the previous commit of the repository and after its parents.
 */
export function addCommit(
  state: GitHubState,
  repo: RepoRecord,
  fields: { message: string; parents?: string[]; author?: string; date?: Date; sha?: string }
): CommitRecord {
  const parents = (fields.parents ?? []).map(p => p.toLowerCase())
  for (const parent of parents) {
    if (!repo.commits.has(parent)) throw new Error(`${repo.fullName} has no commit ${parent} (parent)`)
  }
  const seq = repo.commits.size
  const author = state.accountFor(fields.author ?? 'octocat')
  const latest = Math.max(
    FIRST_COMMIT_DATE + seq * 60_000,
    ...parents.map(p => repo.commits.get(p)!.date.getTime() + 60_000)
  )
  const date = fields.date ?? new Date(latest)
  const treeSha = createHash('sha1').update(`tree:${repo.fullName}:${seq}`).digest('hex')
  let sha = fields.sha?.toLowerCase()
  if (sha === undefined) {
    const who = `${author.login} <${noreplyEmail(author)}> ${Math.floor(date.getTime() / 1000)} +0000`
    const text = [
      `tree ${treeSha}`,
      ...parents.map(p => `parent ${p}`),
      `author ${who}`,
      `committer ${who}`,
      '',
      fields.message
    ].join('\n')
    sha = createHash('sha1')
      .update(`commit ${Buffer.byteLength(text)}\0${text}`)
      .digest('hex')
  } else if (!SHA.test(sha)) {
    throw new Error(`a commit sha is 40 hex digits: ${fields.sha}`)
  }
  if (repo.commits.has(sha)) throw new Error(`${repo.fullName} already has commit ${sha}`)
  const commit: CommitRecord = { sha, message: fields.message, parents, author, date, treeSha }
  repo.commits.set(sha, commit)
  return commit
}

export function requireCommit(repo: RepoRecord, sha: string): CommitRecord {
  const commit = repo.commits.get(sha.toLowerCase())
  if (!commit) throw new Error(`${repo.fullName} has no commit ${sha}: call addCommit first`)
  return commit
}

/** The commit a name means, as GitHub resolves a ref: full sha, tag, branch, then abbreviated sha (>= 7). */
export function resolveRef(repo: RepoRecord, name: string): CommitRecord | undefined {
  const lower = name.toLowerCase()
  if (SHA.test(lower) && repo.commits.has(lower)) return repo.commits.get(lower)
  const named = repo.tags.get(name) ?? repo.branches.get(name)
  if (named) return repo.commits.get(named)
  if (/^[0-9a-f]{7,39}$/.test(lower)) {
    const found = [...repo.commits.keys()].filter(sha => sha.startsWith(lower))
    if (found.length === 1) return repo.commits.get(found[0])
  }
  return undefined
}

/** The commit and every commit reachable from it through parents. */
export function ancestry(repo: RepoRecord, sha: string): Set<string> {
  const seen = new Set<string>()
  const stack = [sha]
  while (stack.length > 0) {
    const next = stack.pop()!
    if (seen.has(next)) continue
    seen.add(next)
    stack.push(...repo.commits.get(next)!.parents)
  }
  return seen
}

/** The best common ancestor (one that is no ancestor of another common ancestor), or undefined. */
export function mergeBase(repo: RepoRecord, a: string, b: string): string | undefined {
  const ofB = ancestry(repo, b)
  const common = [...ancestry(repo, a)].filter(sha => ofB.has(sha))
  // Everything below a common ancestor is common too: one walk from all their parents finds it.
  const below = new Set<string>()
  const stack = common.flatMap(sha => repo.commits.get(sha)!.parents)
  while (stack.length > 0) {
    const next = stack.pop()!
    if (below.has(next)) continue
    below.add(next)
    stack.push(...repo.commits.get(next)!.parents)
  }
  const best = common.filter(sha => !below.has(sha))
  // Several best candidates (criss-cross merges): git picks one too; take the newest.
  return best.sort((x, y) => repo.commits.get(y)!.date.getTime() - repo.commits.get(x)!.date.getTime())[0]
}

/** Commits ordered oldest first with every parent before its children (date, then order of addition). */
export function chronological(repo: RepoRecord, shas: Set<string>): CommitRecord[] {
  const order = new Map([...repo.commits.keys()].map((sha, i) => [sha, i]))
  const waiting = new Map<string, number>()
  const children = new Map<string, string[]>()
  for (const sha of shas) {
    const inside = repo.commits.get(sha)!.parents.filter(p => shas.has(p))
    waiting.set(sha, inside.length)
    for (const parent of inside) children.set(parent, [...(children.get(parent) ?? []), sha])
  }
  const key = (sha: string) => [repo.commits.get(sha)!.date.getTime(), order.get(sha)!] as const
  const ready = [...shas].filter(sha => waiting.get(sha) === 0)
  const out: CommitRecord[] = []
  while (ready.length > 0) {
    ready.sort((x, y) => key(x)[0] - key(y)[0] || key(x)[1] - key(y)[1])
    const next = ready.shift()!
    out.push(repo.commits.get(next)!)
    for (const child of children.get(next) ?? []) {
      const left = waiting.get(child)! - 1
      waiting.set(child, left)
      if (left === 0) ready.push(child)
    }
  }
  return out
}

/**
 * Adds a pull request: an issue-numbered item (`pullRequest: true`) carrying its branch, commits and, when
 * merged (the default), when and through which commit. A merged pull request without `mergeCommitSha` is
 * taken as fast-forwarded (rebase-merged): its merge commit is its last commit.
 */
export function addPull(
  state: GitHubState,
  repo: RepoRecord,
  fields: {
    title: string
    commits: string[]
    base?: string
    headRef?: string
    merged?: boolean
    mergeCommitSha?: string
    author?: string
  }
): IssueRecord {
  if (fields.commits.length === 0) throw new Error('a pull request has at least one commit')
  const commits = fields.commits.map(sha => requireCommit(repo, sha).sha)
  const baseRef = fields.base ?? repo.defaultBranch
  const baseSha = repo.branches.get(baseRef)
  if (!baseSha) throw new Error(`${repo.fullName} has no branch ${baseRef}: call setBranch first`)
  const merged = fields.merged ?? true
  if (!merged && fields.mergeCommitSha !== undefined)
    throw new Error('an unmerged pull request has no mergeCommitSha')
  const mergeCommitSha = merged
    ? fields.mergeCommitSha === undefined
      ? commits[commits.length - 1]
      : requireCommit(repo, fields.mergeCommitSha).sha
    : null
  const issue = state.addIssue(
    repo,
    { title: fields.title, pullRequest: true, state: merged ? 'closed' : 'open' },
    state.accountFor(fields.author ?? 'octocat')
  )
  issue.stateReason = null // GitHub gives pull requests no state_reason
  issue.pull = {
    baseRef,
    baseSha,
    headRef: fields.headRef ?? `pr-${issue.number}`,
    headSha: commits[commits.length - 1],
    commits,
    mergedAt: merged ? issue.closedAt : null,
    mergeCommitSha,
    reviews: []
  }
  return issue
}

export function addReview(
  state: GitHubState,
  repo: RepoRecord,
  pullNumber: number,
  fields: { user: string; state: ReviewState; submittedAt?: Date; body?: string }
): ReviewRecord {
  const pull = repo.issues.get(pullNumber)?.pull
  if (!pull) throw new Error(`${repo.fullName} has no pull request #${pullNumber} added with addPull`)
  if (!['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED'].includes(fields.state))
    throw new Error(`unknown review state ${fields.state}`)
  const review: ReviewRecord = {
    id: state.nextId(),
    user: state.accountFor(fields.user),
    state: fields.state,
    body: fields.body ?? '',
    commitId: pull.headSha,
    submittedAt: fields.submittedAt ?? new Date()
  }
  pull.reviews.push(review)
  // Submission order: by submittedAt, reviews given the same time in the order they were added.
  pull.reviews.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
  return review
}

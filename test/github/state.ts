/**
 * The emulator's in-memory world: repositories with issues, labels and comments; tokens with permissions;
 * workflow runs with artifacts. Plain records — the JSON GitHub sends is built from them in ./objects.ts.
 */
import { createHash, randomUUID } from 'node:crypto'

export type Level = 'none' | 'read' | 'write'

/** What a token may do, like a GITHUB_TOKEN's `permissions:` block plus the repositories it can see. */
export interface TokenPermissions {
  /** Default 'none'. */
  issues?: Level
  /** Default 'none'. */
  actions?: Level
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
      lastNumber: 0
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

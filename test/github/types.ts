/** The emulator's public types: what tests see of it (the implementation is in ./emulator.ts). */
import type { IncomingHttpHeaders } from 'node:http'
import type { DelayKnob, FailureKnob } from './knobs.js'
import type { TokenPermissions } from './state.js'

/** One request and its answer, as they crossed the wire. */
export interface Exchange {
  kind: 'rest' | 'twirp' | 'blob'
  /** When the request arrived (ms since the epoch): the time a client waited between two attempts. */
  at: number
  method: string
  /** Path and query. */
  url: string
  requestHeaders: IncomingHttpHeaders
  requestBody: Buffer
  status: number
  responseHeaders: Record<string, string>
  responseBody: Buffer
  /** True when a `failNext` knob answered instead of the emulated service. */
  injected: boolean
  /** What the emulator could not answer faithfully (an unimplemented filter, a crash); part of violations(). */
  notes: string[]
}

export interface IssueView {
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  stateReason: string | null
  labels: string[]
  pullRequest: boolean
  author: string
  comments: number
  createdAt: Date
  updatedAt: Date
}

export interface CommentView {
  id: number
  body: string
  author: string
  createdAt: Date
}

export interface UploadedArtifact {
  id: number
  name: string
  size: number
  digest: string | null
  content: Buffer
  /** The zip's file entries (or the single raw file when uploaded with skipArchive). */
  files: Array<{ name: string; data: Buffer }>
}

export interface GitHubEmulator {
  /** The origin, e.g. http://127.0.0.1:41234 — both GITHUB_API_URL and ACTIONS_RESULTS_URL. */
  readonly url: string
  readonly exchanges: Exchange[]
  /** Delay (ms) before an issue is created, after its request arrived, to widen list/create races. */
  createDelayMs: number
  addRepo(fullName: string, options?: { private?: boolean; defaultBranch?: string }): void
  addToken(token: string, permissions: TokenPermissions): void
  addRun(
    repo: string,
    runId: number,
    options?: {
      backendIds?: { runBackendId?: string; jobBackendId?: string }
      /** The run's head_sha (default: a hash of the repository and run id). */
      headSha?: string
    }
  ): { runBackendId: string; jobBackendId: string }
  /** An ACTIONS_RUNTIME_TOKEN for a job of the run (default: the run's default job). */
  runtimeToken(runId: number, jobId?: string): string
  /** The environment a spawned action needs to talk to this emulator as a job of that run. */
  actionEnv(repo: string, runId: number, jobId?: string): Record<string, string>
  addArtifact(
    repo: string,
    runId: number,
    name: string,
    zip: Buffer,
    options?: { expired?: boolean; digestOverride?: string }
  ): { id: number; digest: string }
  seedIssue(
    repo: string,
    fields: {
      title: string
      body?: string
      labels?: string[]
      state?: 'open' | 'closed'
      pullRequest?: boolean
      author?: string
    }
  ): IssueView
  /**
   * Adds a commit and returns its sha (40 lower-case hex digits). Without `sha` it is git's hash of the
   * commit (deterministic: same calls, same shas); `author` is a login (default 'octocat'), also the
   * committer; `date` defaults to a minute after the repository's previous commit and after the parents
   * (from 2024-01-01T00:00:00Z). Throws on an unknown parent or a sha already taken.
   */
  addCommit(
    repo: string,
    fields: { message: string; parents?: string[]; author?: string; date?: Date; sha?: string }
  ): string
  /** Creates or moves a branch. The repository's default branch (addRepo's option, 'main') is just a name. */
  setBranch(repo: string, name: string, sha: string): void
  /** A lightweight tag; throws when the name is taken by another commit. */
  addTag(repo: string, name: string, sha: string): void
  /**
   * Adds a pull request into `base` (default: the default branch, which must exist) and returns its number,
   * shared with issues. `merged` (default true) closes it with merged_at now and merge_commit_sha
   * `mergeCommitSha`, or the last of `commits` (a fast-forward/rebase merge) when none is given; an unmerged
   * one stays open. `headRef` defaults to `pr-<number>`; `author` is a login (default 'octocat').
   */
  addPull(
    repo: string,
    fields: {
      title: string
      /** Its commits, oldest first (at least one); the last is the head. */
      commits: string[]
      base?: string
      headRef?: string
      merged?: boolean
      mergeCommitSha?: string
      author?: string
    }
  ): number
  /** Submits a review on a pull request added with addPull (default now); returns the review's id. */
  addReview(
    repo: string,
    pullNumber: number,
    fields: {
      user: string
      state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED'
      submittedAt?: Date
      body?: string
    }
  ): number
  /** Branch name → sha. */
  branches(repo: string): Record<string, string>
  /** Every issue and pull request of the repository, by number. */
  issues(repo: string): IssueView[]
  comments(repo: string, issueNumber: number): CommentView[]
  /** A person ticks a checklist item of an issue through the REST API (CRLF line ends, as the web UI). */
  tickByHand(repo: string, number: number, itemId: string, token: string): Promise<void>
  labels(repo: string): string[]
  uploadedArtifacts(runId: number): UploadedArtifact[]
  failNext(knob: FailureKnob): void
  /** Drops the failure and delay knobs not used up yet. */
  clearKnobs(): void
  delay(knob: DelayKnob): void
  /**
   * Everything wrong with the traffic so far — schema violations, unknown routes, unimplemented filters —
   * or only with the exchanges from index `since` on (e.g. `exchanges.length` taken when a test started).
   */
  violations(since?: number): string[]
  close(): Promise<void>
}

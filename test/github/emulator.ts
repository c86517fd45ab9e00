/**
 * A local GitHub for tests: a real HTTP server on 127.0.0.1 serving the REST operations the action uses
 * (./rest-routes.ts), the Actions Results service and its blob storage (./results-service.ts), with state
 * helpers, failure and delay knobs, and a record of every exchange that `violations()` checks against GitHub's
 * official OpenAPI description — and every issue body and comment the tool writes against GitHub's
 * Markdown engine (./markdown-check.ts). See ./README.md.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHash, randomUUID } from 'node:crypto'
import AdmZip from 'adm-zip'
import { injectedReply, take, type DelayKnob, type FailureKnob } from './knobs.js'
import { validateExchange } from './openapi-validator.js'
import { githubError, type EmulatorRequest, type Reply } from './reply.js'
import { handleRest } from './rest-routes.js'
import {
  BLOB_PREFIX,
  ResultsService,
  runtimeTokenFor,
  sha256,
  TWIRP_PREFIX,
  twirpError
} from './results-service.js'
import {
  addCommit,
  addPull,
  addReview,
  GitHubState,
  requireCommit,
  type IssueRecord,
  type TokenPermissions
} from './state.js'
import { validateTwirpExchange } from './twirp-schemas.js'
import { markdownViolations } from './markdown-check.js'
import type { CommentView, Exchange, GitHubEmulator, IssueView, UploadedArtifact } from './types.js'

export type { DelayKnob, FailureKnob, RequestMatcher } from './knobs.js'
export type { TokenPermissions } from './state.js'
export type * from './types.js'

/** Starts an emulator on 127.0.0.1 with a free port. */
export async function startGitHubEmulator(options: { createDelayMs?: number } = {}): Promise<GitHubEmulator> {
  const emulator = new Emulator(options.createDelayMs ?? 0)
  await emulator.listen()
  return emulator
}

class Emulator implements GitHubEmulator {
  readonly exchanges: Exchange[] = []
  url = ''
  private readonly state = new GitHubState()
  private readonly results = new ResultsService(this.state, () => this.url)
  private readonly server: Server = createServer((req, res) => {
    this.handle(req, res).catch(() => res.destroy())
  })
  private readonly failures: Array<FailureKnob & { left: number }> = []
  private readonly delays: Array<DelayKnob & { left: number }> = []
  private readonly checked = new WeakMap<Exchange, string[]>()
  private readonly sleepers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>()

  constructor(public createDelayMs: number) {}

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(0, '127.0.0.1', resolve)
    })
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  addRepo(fullName: string, options?: { private?: boolean; defaultBranch?: string }): void {
    this.state.addRepo(fullName, options)
  }

  addToken(token: string, permissions: TokenPermissions): void {
    this.state.addToken(token, permissions)
  }

  addRun(repo: string, runId: number, options: Parameters<GitHubState['addRun']>[2] = {}) {
    const run = this.state.addRun(repo, runId, options)
    return { runBackendId: run.runBackendId, jobBackendId: run.jobBackendId }
  }

  runtimeToken(runId: number, jobId?: string): string {
    const run = this.state.requireRun(runId)
    return runtimeTokenFor(run, jobId === undefined ? undefined : uuidFrom(`${run.runBackendId}/${jobId}`))
  }

  actionEnv(repo: string, runId: number, jobId?: string): Record<string, string> {
    return {
      GITHUB_API_URL: this.url,
      // @actions/artifact refuses every other host (GHESNotSupportedError); html_urls use github.com too.
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_RESULTS_URL: `${this.url}/`,
      ACTIONS_RUNTIME_TOKEN: this.runtimeToken(runId, jobId),
      GITHUB_REPOSITORY: this.state.requireRepo(repo).fullName,
      GITHUB_REPOSITORY_OWNER: repo.split('/')[0],
      GITHUB_RUN_ID: String(runId),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_ACTIONS: 'true'
    }
  }

  addArtifact(
    repo: string,
    runId: number,
    name: string,
    zip: Buffer,
    options: { expired?: boolean; digestOverride?: string } = {}
  ) {
    this.state.requireRepo(repo)
    const run = this.state.addRun(repo, runId)
    const artifact = this.state.createArtifact(run, name, {
      jobBackendId: run.jobBackendId,
      mimeType: 'application/zip',
      source: 'seeded'
    })
    Object.assign(artifact, {
      content: zip,
      finalized: true,
      expired: options.expired ?? false,
      digest: options.digestOverride ?? sha256(zip)
    })
    if (artifact.expired) artifact.expiresAt = new Date(Date.now() - 86_400_000)
    return { id: artifact.id, digest: artifact.digest! }
  }

  seedIssue(repo: string, fields: Parameters<GitHubEmulator['seedIssue']>[1]): IssueView {
    const record = this.state.requireRepo(repo)
    const author = this.state.accountFor(fields.author ?? 'octocat')
    return issueView(this.state.addIssue(record, fields, author))
  }

  addCommit(repo: string, fields: Parameters<GitHubEmulator['addCommit']>[1]): string {
    return addCommit(this.state, this.state.requireRepo(repo), fields).sha
  }

  setBranch(repo: string, name: string, sha: string): void {
    const record = this.state.requireRepo(repo)
    record.branches.set(name, requireCommit(record, sha).sha)
  }

  addTag(repo: string, name: string, sha: string): void {
    const record = this.state.requireRepo(repo)
    const commit = requireCommit(record, sha)
    const existing = record.tags.get(name)
    if (existing !== undefined && existing !== commit.sha)
      throw new Error(`${record.fullName} already has tag ${name} (on ${existing})`)
    record.tags.set(name, commit.sha)
  }

  addPull(repo: string, fields: Parameters<GitHubEmulator['addPull']>[1]): number {
    return addPull(this.state, this.state.requireRepo(repo), fields).number
  }

  addReview(repo: string, pullNumber: number, fields: Parameters<GitHubEmulator['addReview']>[2]): number {
    return addReview(this.state, this.state.requireRepo(repo), pullNumber, fields).id
  }

  branches(repo: string): Record<string, string> {
    return Object.fromEntries(this.state.requireRepo(repo).branches)
  }

  issues(repo: string): IssueView[] {
    return [...this.state.requireRepo(repo).issues.values()].map(issueView)
  }

  comments(repo: string, issueNumber: number): CommentView[] {
    const issue = this.state.requireRepo(repo).issues.get(issueNumber)
    if (!issue) throw new Error(`${repo} has no issue #${issueNumber}`)
    return issue.comments.map(c => ({
      id: c.id,
      body: c.body,
      author: c.author.login,
      createdAt: c.createdAt
    }))
  }

  /**
   * A person ticks checklist item `itemId` in issue `number` through the REST API, as the web UI does
   * (CRLF line ends): the request is validated like any other. Throws when GitHub refuses it.
   */
  async tickByHand(repo: string, number: number, itemId: string, token: string): Promise<void> {
    const issue = this.issues(repo).find(i => i.number === number)
    if (!issue) throw new Error(`${repo} has no issue #${number}`)
    const body = (issue.body ?? '')
      .split('\n')
      .map(line => (line.includes(`item=${itemId} `) ? line.replace('- [ ]', '- [x]') : line))
      .join('\r\n')
    const response = await fetch(`${this.url}/repos/${repo}/issues/${number}`, {
      method: 'PATCH',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body })
    })
    if (response.status !== 200) throw new Error(`ticking ${itemId} in #${number}: HTTP ${response.status}`)
  }

  labels(repo: string): string[] {
    return [...this.state.requireRepo(repo).labels.values()].map(l => l.name)
  }

  uploadedArtifacts(runId: number): UploadedArtifact[] {
    return this.state
      .runArtifacts(this.state.requireRun(runId))
      .filter(a => a.source === 'uploaded')
      .map(a => {
        const content = a.content ?? Buffer.alloc(0)
        const files =
          a.mimeType === 'application/zip'
            ? new AdmZip(content)
                .getEntries()
                .filter(e => !e.isDirectory)
                .map(e => ({ name: e.entryName, data: e.getData() }))
            : [{ name: a.name, data: content }]
        return { id: a.id, name: a.name, size: content.length, digest: a.digest, content, files }
      })
  }

  failNext(knob: FailureKnob): void {
    this.failures.push({ ...knob, left: knob.times ?? 1 })
  }

  /** Drops the failure and delay knobs not used up yet (a test's leftovers must not reach the next). */
  clearKnobs(): void {
    this.failures.length = 0
    this.delays.length = 0
  }

  delay(knob: DelayKnob): void {
    this.delays.push({ ...knob, left: knob.times ?? Infinity })
  }

  violations(since = 0): string[] {
    return this.exchanges.slice(since).flatMap(exchange => {
      let problems = this.checked.get(exchange)
      if (!problems) {
        problems =
          exchange.kind === 'rest'
            ? [...validateExchange(exchange), ...markdownViolations(exchange)]
            : exchange.kind === 'twirp'
              ? validateTwirpExchange(exchange)
              : []
        this.checked.set(exchange, problems)
      }
      return [...problems, ...exchange.notes]
    })
  }

  async close(): Promise<void> {
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer)
      sleeper.wake()
    }
    const closed = new Promise<void>(resolve => this.server.close(() => resolve()))
    this.server.closeAllConnections()
    await closed
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const sleeper = {
        wake: resolve,
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper)
          resolve()
        }, ms)
      }
      this.sleepers.add(sleeper)
    })
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now()
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const request: EmulatorRequest = {
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', this.url),
      headers: req.headers,
      body: Buffer.concat(chunks)
    }
    const path = request.url.pathname
    const kind = path.startsWith(TWIRP_PREFIX) ? 'twirp' : path.startsWith(BLOB_PREFIX) ? 'blob' : 'rest'
    let reply: Reply
    let injected = false
    const notes: string[] = []
    try {
      const slow = take(this.delays, request)
      const failure = take(this.failures, request)
      injected = failure !== undefined
      if (failure?.afterApplying) await this.dispatch(kind, request, notes)
      reply = failure ? injectedReply(failure, kind, request) : await this.dispatch(kind, request, notes)
      // The answer reflects the state when the request arrived; it only reaches the client later.
      if (slow) await this.sleep(slow.ms)
    } catch (error) {
      notes.push(`${request.method} ${path}: the emulator crashed: ${(error as Error).stack}`)
      reply = githubError(500, 'Server Error')
    }
    const responseBody = reply.raw ?? Buffer.from(JSON.stringify(reply.json))
    const responseHeaders: Record<string, string> = {
      ...(reply.raw ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      ...(kind === 'rest'
        ? { 'x-github-request-id': randomUUID(), 'x-github-api-version-selected': '2022-11-28' }
        : {}),
      ...reply.headers,
      'content-length': String(responseBody.length)
    }
    this.exchanges.push({
      kind,
      at,
      method: request.method,
      url: path + request.url.search,
      requestHeaders: req.headers,
      requestBody: request.body,
      status: reply.status,
      responseHeaders,
      responseBody,
      injected,
      notes
    })
    res.writeHead(reply.status, responseHeaders).end(responseBody)
  }

  private dispatch(
    kind: Exchange['kind'],
    request: EmulatorRequest,
    notes: string[]
  ): Reply | Promise<Reply> {
    if (kind === 'twirp') {
      return request.method === 'POST'
        ? this.results.twirp(request)
        : twirpError('bad_route', 'twirp needs POST')
    }
    if (kind === 'blob') return this.results.blob(request)
    return handleRest(request, {
      state: this.state,
      api: this.url,
      createDelayMs: this.createDelayMs,
      sleep: ms => this.sleep(ms),
      blobUrl: artifact => this.results.signedUrl(artifact, 'r'),
      note: problem => notes.push(problem)
    })
  }
}

function issueView(issue: IssueRecord): IssueView {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    stateReason: issue.stateReason,
    labels: [...issue.labels],
    pullRequest: issue.pullRequest,
    author: issue.author.login,
    comments: issue.comments.length,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt
  }
}

/** A stable UUID-shaped id for a name (job backend ids for named jobs). */
function uuidFrom(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

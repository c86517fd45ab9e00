/**
 * Creating the tracking issue exactly once when several runs want it at the same moment. GitHub has no
 * conditional create, so two layers:
 *
 * 1. A lock: a label named after the key, which only one run can create (422 "already_exists" for the
 *    others). Its description says when it was taken, for how long its holder relies on it (`hold=`)
 *    and by which run attempt. The holder lists, creates if still needed and deletes the label; the
 *    others wait for the issue to appear. A lock is deleted only by its holder, or once it is provably
 *    abandoned (see `abandonment`). A label route that cannot work (403, 404, 422 of another kind, 405,
 *    501) is given up at once, a failing one (5xx, 429, timeouts) after LOCK_FAULTS failures: the lock
 *    only spares duplicates, so it never costs more than a few seconds.
 * 2. Convergence, which holds even where the lock cannot (labels unavailable, a lock abandoned by a
 *    holder that was merely slow): after creating, re-list; if several open issues carry the key,
 *    the lowest number wins and the others are closed as duplicates by the runs that created them.
 */
import { createHash, randomUUID } from 'node:crypto'
import {
  attemptLabel,
  attemptWrite,
  explainGitHubError,
  isTransient,
  retryDelayMs,
  type GitHubClient
} from './octokit.js'

export interface IssueLike {
  number: number
  html_url: string
  body?: string | null
  state?: string
  pull_request?: unknown
}

export interface LockTarget {
  owner: string
  repo: string
  key: string
  /** How long a run waits for another run's lock before going on without it. */
  lockTimeoutMs?: number
  /** This run attempt, `runId/attempt`: a lock taken by an earlier attempt of the same run is abandoned. */
  holder?: string
}

/**
 * How long a holder relies on its lock, from just before taking it: it lists and creates within this,
 * blips included (three attempts 1 s and 2 s apart). A holder still creating after it (a long
 * Retry-After) does so as a run without the lock would, and convergence settles any duplicate.
 */
export const LOCK_HOLD_MS = 30_000
/** Allowance between two runners' clocks, when a lock's age is read from its description. */
export const LOCK_CLOCK_SKEW_MS = 30_000
/** Locks written without `hold=` (0.4 and earlier) were held at most this long. */
const LEGACY_HOLD_MS = 120_000
/** Transient failures of the lock's own requests (take, read, clear) before going on without it. */
export const LOCK_FAULTS = 3
/** Each lock request's timeout: the lock is a courtesy, never worth a long wait. */
const LOCK_REQUEST_TIMEOUT_MS = 10_000
/** The holder deletes its lock without reading it first while it is this far inside its hold. */
const BLIND_RELEASE_MARGIN_MS = LOCK_REQUEST_TIMEOUT_MS
const LOCK_REQUEST = {
  request: { retries: 0, honourRetryAfter: false, timeoutMs: LOCK_REQUEST_TIMEOUT_MS }
} as const
const LOCK_PREFIX = 'vapora-preflight lock '

/** The lock label's name: short (labels hold 50 characters) and the same for every run of one key. */
export function lockLabel(key: string): string {
  return `preflight-lock-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))
const statusOf = (error: unknown): number | undefined => (error as { status?: number }).status

/** A lock's description as this version writes it (at most 100 characters, GitHub's limit). */
export function lockDescription(takenAt: Date, holder?: string): string {
  const base = `${LOCK_PREFIX}${takenAt.toISOString()} ${randomUUID().slice(0, 8)} hold=${LOCK_HOLD_MS / 1000}`
  const withRun = holder ? `${base} run=${holder}` : base
  return withRun.length <= 100 ? withRun : base
}

interface Claim {
  takenAt: number
  holdMs: number
  run?: { id: string; attempt: number }
}

/** Reads a lock's description; undefined when it is not one any version of this tool writes. */
function readClaim(description: string): Claim | undefined {
  if (!description.startsWith(LOCK_PREFIX)) return undefined
  const [taken, ...rest] = description.slice(LOCK_PREFIX.length).split(' ')
  const takenAt = Date.parse(taken)
  if (!Number.isFinite(takenAt)) return undefined
  const hold = rest.find(t => t.startsWith('hold='))
  const run = /^run=([^/\s]+)\/(\d+)/.exec(rest.find(t => t.startsWith('run=')) ?? '')
  return {
    takenAt,
    holdMs: hold ? Number(hold.slice(5)) * 1000 || LEGACY_HOLD_MS : LEGACY_HOLD_MS,
    run: run ? { id: run[1], attempt: Number(run[2]) } : undefined
  }
}

/**
 * Why a lock seen since `firstSeenAt` (this run's clock) is provably abandoned, or undefined while its
 * holder may still rely on it:
 * - this run is a later attempt of the run that took it: GitHub re-runs only a finished run;
 * - it is older than its hold plus LOCK_CLOCK_SKEW_MS, by its own timestamp: the holder stopped relying
 *   on it, unless the two runners' clocks differ by more than that;
 * - this run has seen it, unchanged, for longer than its hold: measured on one clock only, and the hold
 *   began before the lock existed.
 * A description no version writes is abandoned only by the last rule, with the longest hold.
 */
export function abandonment(
  description: string,
  firstSeenAt: number,
  holder?: string,
  now = Date.now()
): string | undefined {
  const claim = readClaim(description)
  const holdMs = claim?.holdMs ?? LEGACY_HOLD_MS
  const mine = /^([^/\s]+)\/(\d+)/.exec(holder ?? '')
  if (claim?.run && mine && claim.run.id === mine[1] && claim.run.attempt < Number(mine[2])) {
    return `taken by attempt ${claim.run.attempt} of this run`
  }
  if (claim && now - claim.takenAt > holdMs + LOCK_CLOCK_SKEW_MS) {
    return `taken ${Math.round((now - claim.takenAt) / 1000)} s ago, held for ${holdMs / 1000} s`
  }
  if (now - firstSeenAt > holdMs) return `unchanged for ${Math.round((now - firstSeenAt) / 1000)} s`
  return undefined
}

type Outcome = {
  issue: IssueLike
  created: boolean
  /** What went differently, for the run's message: no lock, a duplicate left open. */
  notes: string[]
}

type Taken = { found: IssueLike } | { held: true } | { without: string }

/** One run's dealings with the lock: taking it, waiting for another's, and always releasing its own. */
class Lock {
  private readonly name: string
  /** The description of the lock this run holds, and when it sent the request that took it. */
  private mine?: { description: string; sentAt: number }
  /** Descriptions this run sent in a create that failed transiently: the label may exist, and be ours. */
  private readonly maybeMine = new Set<string>()
  /** The failures of the lock's own requests in the current phase (taking, then releasing). */
  private failures: unknown[] = []
  /** Why an abandoned lock was cleared, for the run's message. */
  cleared?: string

  constructor(
    private readonly github: GitHubClient,
    private readonly target: LockTarget
  ) {
    this.name = lockLabel(target.key)
  }

  private get params() {
    return { owner: this.target.owner, repo: this.target.repo, name: this.name }
  }

  /** The lock's description now, or undefined when there is no lock. */
  private async read(): Promise<string | undefined> {
    try {
      const { data } = await this.github.rest.issues.getLabel({ ...this.params, ...LOCK_REQUEST })
      return data.description ?? ''
    } catch (error) {
      if (statusOf(error) === 404) return undefined
      throw error
    }
  }

  /** Counts a failure of the lock's own requests; true when it is time to go on without the lock. */
  private failed(error: unknown): boolean {
    if (statusOf(error) === 401) throw error
    this.failures.push(error)
    return !isTransient(error) || this.failures.length >= LOCK_FAULTS
  }

  /** Why this run goes on without the lock, from the failures counted. */
  private get without(): { without: string } {
    const [first] = this.failures
    return {
      without:
        this.failures.length === 1 && !isTransient(first)
          ? `its label answered ${attemptLabel(first)}, so labels cannot serve as a lock here`
          : `its label requests failed ${this.failures.length} times: ${this.failures.map(attemptLabel).join(', ')}`
    }
  }

  private pause(error: unknown): Promise<void> {
    const backoff = 250 * 2 ** Math.max(this.failures.length - 1, 0)
    return sleep(Math.min(retryDelayMs(error, backoff), 2_000))
  }

  /** Takes the lock, or learns that the issue exists, or gives a reason to go on without the lock. */
  async take(find: () => Promise<IssueLike[]>): Promise<Taken> {
    const timeoutMs = this.target.lockTimeoutMs ?? 60_000
    const deadline = Date.now() + timeoutMs
    const firstSeen = new Map<string, number>()
    for (let round = 0; ; round++) {
      if (Date.now() >= deadline)
        return { without: `another run's lock was still held after ${Math.round(timeoutMs / 1000)} s` }
      const description = lockDescription(new Date(), this.target.holder)
      const sentAt = Date.now()
      let seen: string | undefined
      try {
        await this.github.rest.issues.createLabel({
          ...this.params,
          color: 'ededed',
          description,
          ...LOCK_REQUEST
        })
        this.mine = { description, sentAt }
        return { held: true }
      } catch (error) {
        if (!isAlreadyExists(error)) {
          // 5xx, 429, timeouts: the label may have been created all the same. Anything else: no lock here.
          if (isTransient(error)) this.maybeMine.add(description)
          if (this.failed(error)) return this.without
          await this.pause(error)
          try {
            seen = await this.read()
          } catch (readError) {
            if (this.failed(readError)) return this.without
            continue
          }
          if (seen === undefined) {
            this.maybeMine.delete(description)
            continue
          }
        }
      }
      // Held. Ours after all (a create that failed in answer only), or another run's: wait for its issue.
      if (seen === undefined) {
        try {
          seen = await this.read()
        } catch (readError) {
          if (this.failed(readError)) return this.without
          continue
        }
        if (seen === undefined) continue
      }
      if (this.maybeMine.has(seen)) {
        this.maybeMine.delete(seen)
        this.mine = { description: seen, sentAt: readClaim(seen)?.takenAt ?? sentAt }
        return { held: true }
      }
      const existing = await find()
      if (existing.length > 0) return { found: existing[0] }
      if (!firstSeen.has(seen)) firstSeen.set(seen, Date.now())
      const abandoned = abandonment(seen, firstSeen.get(seen)!, this.target.holder)
      if (abandoned) {
        const held = seen
        if (!(await this.deleteIf(d => d === held))) return this.without
        this.cleared = abandoned
        continue
      }
      await sleep(Math.min(250 * 2 ** round, 2_000) + Math.floor(Math.random() * 250))
    }
  }

  /**
   * Deletes the lock while its description (read just before) passes `test`: never one another run holds
   * now. False when the lock's requests failed too often to know.
   */
  private async deleteIf(test: (description: string) => boolean): Promise<boolean> {
    for (;;) {
      try {
        const description = await this.read()
        if (description !== undefined && test(description)) {
          await this.github.rest.issues.deleteLabel({ ...this.params, ...LOCK_REQUEST })
        }
        return true
      } catch (error) {
        if (statusOf(error) === 404) return true
        if (this.failed(error)) return false
        await this.pause(error)
      }
    }
  }

  /**
   * Releases the lock this run holds or may hold, within LOCK_FAULTS failed requests. Never throws.
   * Inside its hold no other run may delete or replace the holder's lock, so the holder deletes it
   * without reading it first (a read that fails cannot leave it behind); after the hold, only while it
   * still says what the holder wrote. Whatever a lasting fault leaves is cleared by the next run that
   * needs the lock, as soon as it is provably abandoned.
   */
  async release(): Promise<void> {
    this.failures = []
    try {
      const mine = this.mine
      if (mine && Date.now() < mine.sentAt + LOCK_HOLD_MS - BLIND_RELEASE_MARGIN_MS) {
        for (;;) {
          try {
            await this.github.rest.issues.deleteLabel({ ...this.params, ...LOCK_REQUEST })
            return
          } catch (error) {
            if (statusOf(error) === 404 || this.failed(error)) return
            await this.pause(error)
          }
        }
      }
      const ours = new Set([...this.maybeMine, ...(mine ? [mine.description] : [])])
      if (ours.size > 0) await this.deleteIf(d => ours.has(d))
    } catch {
      // A 401 while releasing: nothing more this run can do about the lock.
    } finally {
      this.mine = undefined
      this.maybeMine.clear()
    }
  }
}

function isAlreadyExists(error: unknown): boolean {
  if (statusOf(error) !== 422) return false
  const data = (error as { response?: { data?: { errors?: Array<{ code?: string }> } } }).response?.data
  return (data?.errors ?? []).some(e => e?.code === 'already_exists')
}

/**
 * Creates the issue unless `find` lists one: a failed create is attempted again (attemptWrite's bounds)
 * only after a look found no issue. Then converges: the lowest open number wins.
 */
async function createAndConverge(
  github: GitHubClient,
  find: () => Promise<IssueLike[]>,
  create: () => Promise<IssueLike>,
  closeDuplicate: (duplicate: IssueLike, winner: IssueLike) => Promise<void>
): Promise<Outcome> {
  const before = await find()
  if (before.length > 0) return { issue: before[0], created: false, notes: [] }
  const made = await attemptWrite(github, {
    attempt: async () => ({ issue: await create(), created: true }),
    look: async () => {
      const found = await find()
      return found.length > 0 ? { issue: found[0], created: false } : undefined
    },
    followedBy: 'each followed by a look that found no issue'
  })
  if (!made.created) return { ...made, notes: [] }
  const after = await find()
  const winner = after.find(i => i.number < made.issue.number)
  if (!winner) return { ...made, notes: [] }
  // The winner is there whatever happens to the duplicate: a failure to close it must not block.
  const problem = await closeDuplicate(made.issue, winner).then(
    () => undefined,
    (error: unknown) => explainGitHubError(error, `closing duplicate #${made.issue.number}`, 'issues: write')
  )
  return { issue: winner, created: false, notes: problem ? [problem] : [] }
}

/**
 * Returns the key's open tracking issue, creating it with `create` when there is none. `find` lists the
 * open candidates (lowest number first); `closeDuplicate` closes an issue this run created in vain.
 * A lock this run took, or may have taken, is released on every path.
 */
export async function createOnce(
  github: GitHubClient,
  target: LockTarget,
  find: () => Promise<IssueLike[]>,
  create: () => Promise<IssueLike>,
  closeDuplicate: (duplicate: IssueLike, winner: IssueLike) => Promise<void>
): Promise<Outcome> {
  const lock = new Lock(github, target)
  try {
    const taken = await lock.take(find)
    const notes = lock.cleared ? [`cleared an abandoned lock (${lock.cleared})`] : []
    if ('without' in taken) notes.push(`without the lock (${taken.without})`)
    if ('found' in taken) return { issue: taken.found, created: false, notes }
    const outcome = await createAndConverge(github, find, create, closeDuplicate)
    return { ...outcome, notes: [...notes, ...outcome.notes] }
  } finally {
    await lock.release()
  }
}

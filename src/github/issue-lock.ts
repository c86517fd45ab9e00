/**
 * Creating the tracking issue exactly once when several runs want it at the same moment. GitHub has no
 * conditional create, so two layers:
 *
 * 1. A lock: a label named after the key, which only one run can create (422 for the others). Its
 *    description holds when it was taken and by whom; the holder re-lists, creates if still needed and
 *    deletes the label only if it is still its own. The others wait for the issue to appear. A lock older
 *    than STALE_LOCK_MS was left by a run that died and is taken over.
 * 2. Convergence, which holds even where the lock cannot (labels unavailable, a stale lock taken over
 *    while its holder was merely slow): after creating, re-list; if several open issues carry the key,
 *    the lowest number wins and the others are closed as duplicates by the runs that created them.
 */
import { createHash, randomUUID } from 'node:crypto'
import { NO_RESEND, isTransient, type GitHubClient } from './octokit.js'

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
}

/** Longer than a holder can take (each request is bounded, creates are not resent), however slow. */
const STALE_LOCK_MS = 120_000
const LOCK_PREFIX = 'vapora-preflight lock '

/** The lock label's name: short (labels hold 50 characters) and the same for every run of one key. */
export function lockLabel(key: string): string {
  return `preflight-lock-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))
const statusOf = (error: unknown): number | undefined => (error as { status?: number }).status

/** The lock's description now, or undefined when there is no lock. Errors other than 404 propagate. */
async function lockDescription(
  github: GitHubClient,
  target: LockTarget,
  name: string
): Promise<string | undefined> {
  try {
    const { data } = await github.rest.issues.getLabel({ owner: target.owner, repo: target.repo, name })
    return data.description ?? ''
  } catch (error) {
    if (statusOf(error) === 404) return undefined
    throw error
  }
}

function isStale(description: string): boolean {
  const since = Date.parse(description.replace(LOCK_PREFIX, '').split(' ')[0])
  return !Number.isFinite(since) || Date.now() - since > STALE_LOCK_MS
}

/** Deletes the lock only while it still says `description`: never a lock another run holds now. */
async function releaseIf(
  github: GitHubClient,
  target: LockTarget,
  name: string,
  description: string
): Promise<void> {
  try {
    if ((await lockDescription(github, target, name)) !== description) return
    await github.rest.issues.deleteLabel({ owner: target.owner, repo: target.repo, name })
  } catch {
    // Left in place, it goes stale and the next run that needs it takes it over.
  }
}

type Outcome = { issue: IssueLike; created: boolean }

/**
 * Returns the key's open tracking issue, creating it with `create` when there is none. `find` lists the
 * open candidates (lowest number first); `closeDuplicate` closes an issue this run created in vain.
 */
export async function createOnce(
  github: GitHubClient,
  target: LockTarget,
  find: () => Promise<IssueLike[]>,
  create: () => Promise<IssueLike>,
  closeDuplicate: (duplicate: IssueLike, winner: IssueLike) => Promise<void>
): Promise<Outcome> {
  const name = lockLabel(target.key)
  const deadline = Date.now() + (target.lockTimeoutMs ?? 60_000)

  const createAndConverge = async (): Promise<Outcome> => {
    const before = await find()
    if (before.length > 0) return { issue: before[0], created: false }
    let mine: IssueLike
    try {
      mine = await create()
    } catch (error) {
      // A 5xx or a timeout may come after GitHub created it: look before reporting a failure.
      if (!isTransient(error)) throw error
      const after = await find()
      if (after.length === 0) throw error
      return { issue: after[0], created: false }
    }
    const after = await find()
    const winner = after.find(i => i.number < mine.number)
    if (!winner) return { issue: mine, created: true }
    await closeDuplicate(mine, winner)
    return { issue: winner, created: false }
  }

  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const description = `${LOCK_PREFIX}${new Date().toISOString()} ${randomUUID().slice(0, 8)}`
    try {
      await github.rest.issues.createLabel({
        owner: target.owner,
        repo: target.repo,
        name,
        color: 'ededed',
        description,
        ...NO_RESEND
      })
    } catch (error) {
      const status = statusOf(error)
      if (status === 401) throw error
      // No labels to be had here (permission, a GitHub-compatible server without them): converge only.
      if (status === 403 && !isTransient(error)) return createAndConverge()
      if (status === 404 || status === 405 || status === 501) return createAndConverge()
      // 422: another run holds the lock. 5xx, 429, timeouts: the lock may or may not be ours; wait and see.
      await sleep(Math.min(250 * 2 ** attempt, 2_000) + Math.floor(Math.random() * 250))
      const existing = await find()
      if (existing.length > 0) return { issue: existing[0], created: false }
      const held = await lockDescription(github, target, name).catch(() => undefined)
      if (held !== undefined && isStale(held)) await releaseIf(github, target, name, held)
      continue
    }
    try {
      return await createAndConverge()
    } finally {
      await releaseIf(github, target, name, description)
    }
  }
  return createAndConverge()
}

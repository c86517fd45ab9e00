/**
 * The artifact download's failures in one line each: which step failed (listing the run's artifacts,
 * asking for the signed URL, the zip redirect of another run, reading from storage, writing the file),
 * what the service answered, on how many attempts and for how long, and what to do — from the attempts
 * `artifact-attempts.ts` recorded, not from the library's text (which drops the status).
 */
import { askStorageWhy, freeBytes, type Attempt, type Recording, type Step } from './artifact-attempts.js'

/** What is being downloaded, for messages. */
export interface DownloadContext {
  /** `artifact "deployment-artifacts" (id 12)`. */
  artifact: string
  thisRun: boolean
  /** `run 4001 of vapora/app`. */
  where: string
  /** Where the zip was being written. */
  dir?: string
  sizeBytes?: number
}

export interface Explained {
  message: string
  hint?: string
  /** For the report: the failed step and each attempt's outcome. */
  data: { failedStep: Step | 'write'; attempts: string[]; durationMs: number }
}

const GITHUB_SIDE =
  "This is on GitHub's side, not in the bundle or the workflow: re-run the job; see https://www.githubstatus.com."
const RUNNER_HOSTS =
  'https://docs.github.com/en/actions/concepts/runners/communicating-with-self-hosted-runners'

const answered = (a: Attempt): boolean => a.status !== undefined && a.status < 400

function outcome(a: Attempt): string {
  if (a.status === undefined) return `no answer (${a.error ?? 'connection failed'})`
  const text = `${a.status}${a.statusText ? ` ${a.statusText}` : ''}`
  return a.storageCode && a.storageCode !== a.statusText ? `${text} (${a.storageCode})` : text
}

function seconds(ms: number): string {
  return ms < 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`
}

/**
 * How the tries went: `outcome` is the last answer ("503 Service Unavailable"), `when` says how often
 * and for how long ("on every one of 5 attempts over 25 s"), or what came before a different last one.
 */
function attemptsText(tries: Attempt[], durationMs: number): { outcome: string; when: string } {
  const outcomes = tries.map(outcome)
  const last = outcomes[outcomes.length - 1]
  if (tries.length === 1) return { outcome: last, when: 'on its only attempt' }
  const over = `over ${seconds(durationMs)}`
  if (outcomes.every(o => o === last))
    return { outcome: last, when: `on every one of ${tries.length} attempts ${over}` }
  const before = new Map<string, number>()
  for (const o of outcomes.slice(0, -1)) before.set(o, (before.get(o) ?? 0) + 1)
  const earlier = [...before].map(([o, n]) => `${o} ×${n}`).join(', ')
  return { outcome: last, when: `on the last of ${tries.length} attempts ${over} (before: ${earlier})` }
}

/**
 * "answered 503 … on every one of 5 attempts over 25 s" / "gave no answer (ECONNREFUSED) on …"; `said`
 * is the service's own words for the last answer, when they add something.
 */
function answeredText(tries: Attempt[], durationMs: number, said?: string): string {
  const { outcome: last, when } = attemptsText(tries, durationMs)
  const words = said && !last.toLowerCase().includes(said.toLowerCase()) ? ` ("${said}")` : ''
  return `${tries[tries.length - 1].status === undefined ? 'gave' : 'answered'} ${last}${words} ${when}`
}

function hintFor(last: Attempt, service: string): string {
  if (last.status === undefined) {
    return `The runner could not reach ${service} at ${last.origin}: check its network, proxy and firewall (a self-hosted runner must reach the hosts in ${RUNNER_HOSTS}), then re-run the job.`
  }
  if (last.status === 429) return 'GitHub is rate limiting: re-run the job in a few minutes.'
  return GITHUB_SIDE
}

/**
 * One line saying which step failed, what the service answered, how often and for how long, and what
 * to do. Undefined when nothing was recorded (the library failed before any request): the caller then
 * keeps the library's own text.
 */
export async function explainFailure(
  recording: Recording,
  libraryError: string,
  ctx: DownloadContext,
  failedAt = Date.now()
): Promise<Explained | undefined> {
  const steps = recording.attempts.filter(a => a.step !== 'other')
  const last = steps[steps.length - 1]
  if (!last) return undefined
  const same = steps.filter(a => a.step === last.step)
  // The attempts that failed: those after the step last worked (a list may have read pages before); a
  // storage read that got 200 and still failed counts every read, each was a whole attempt.
  const lastOk = answered(last) ? -1 : same.map(answered).lastIndexOf(true)
  const tries = same.slice(lastOk + 1)
  const durationMs = Math.max(0, failedAt - tries[0].startedAt)
  const data = (failedStep: Step | 'write') => ({ failedStep, attempts: tries.map(outcome), durationMs })
  const said = twirpMessage(libraryError)

  switch (last.step) {
    case 'list':
    case 'sign': {
      const twirp = /\/twirp\//.test(last.path)
      const service = twirp ? "GitHub's Actions results service" : "GitHub's API"
      const doing =
        last.step === 'sign'
          ? `asking ${service} for the download URL of ${ctx.artifact}`
          : ctx.thisRun
            ? `listing this run's artifacts with ${service}`
            : `listing the artifacts of ${ctx.where}`
      const hint =
        twirp && (last.status === 401 || last.status === 403)
          ? "The job's Actions runtime token does not reach this run's artifacts: download from this run only in a job of the same workflow run; for another run set run-id and a token with actions: read."
          : hintFor(last, service)
      return {
        message: `${doing} failed: ${twirp ? 'it' : service} ${answeredText(tries, durationMs, said)}.`,
        hint,
        data: data(last.step)
      }
    }
    case 'redirect':
      return {
        message: `asking GitHub's API for the download of ${ctx.artifact} of ${ctx.where} (GET ${last.path}) failed: it ${answeredText(tries, durationMs)}.`,
        hint: hintFor(last, "GitHub's API"),
        data: data('redirect')
      }
    case 'blob':
      return explainStorage(tries, last, durationMs, ctx, data)
    default:
      return undefined
  }
}

async function explainStorage(
  tries: Attempt[],
  last: Attempt,
  durationMs: number,
  ctx: DownloadContext,
  data: (step: Step | 'write') => Explained['data']
): Promise<Explained> {
  const reading = `downloading ${ctx.artifact} from GitHub's artifact storage failed`
  const summary = answeredText(tries, durationMs)
  const { when } = attemptsText(tries, durationMs)
  if (last.status === 200 || last.status === 206) {
    // Storage answered; the body did not make it into the file. Either the connection broke off, or the
    // library stopped reading because writing failed (it then leaves the answer open, unread).
    const free = ctx.dir ? await freeBytes(ctx.dir) : undefined
    const needed = ctx.sizeBytes ?? 1
    if (last.body !== 'cut' && free !== undefined && free < needed) {
      return {
        message: `writing ${ctx.artifact} to ${ctx.dir} failed: the runner's disk is full (${bytes(free)} free there; the artifact is ${ctx.sizeBytes === undefined ? 'larger' : bytes(ctx.sizeBytes)}). Storage ${summary}; the file could not be written each time.`,
        hint: DISK_FULL_HINT,
        data: data('write')
      }
    }
    if (last.body === 'cut') {
      return {
        message: `${reading}: the transfer broke off before the whole file arrived (${last.error ?? 'connection closed'}); storage ${summary}.`,
        hint: `Usually a network problem between the runner and storage, or GitHub's side: re-run the job; see https://www.githubstatus.com. A self-hosted runner behind a proxy: check it lets large downloads through (${RUNNER_HOSTS}).`,
        data: data('blob')
      }
    }
    return {
      message: `writing ${ctx.artifact} to ${ctx.dir ?? 'the download directory'} failed (storage ${summary}; ${free === undefined ? 'free space unknown' : `${bytes(free)} free there`}).`,
      hint: 'Check that the runner can write to its temporary directory (RUNNER_TEMP): permissions, quota, free space.',
      data: data('write')
    }
  }
  if (last.status === 403) {
    const why = await askStorageWhy(last)
    const expired =
      why?.expired === true || (last.signedExpiry !== undefined && last.signedExpiry <= Date.now())
    const code = last.storageCode ?? why?.code
    const refused = `${code ? `403 ${code}` : '403'}`
    return expired
      ? {
          message: `${reading}: storage refused the signed download URL as expired (${refused}) ${when}.`,
          hint: 'GitHub signs a fresh, short-lived URL for each download: re-run the job. If it happens again, something is holding the download up (a slow proxy, a paused runner).',
          data: data('blob')
        }
      : {
          message: `${reading}: storage refused the signed download URL (${refused}) ${when}.`,
          hint: 'Re-run the job to get a freshly signed URL. If it persists, a proxy between the runner and storage may be altering the URL; see https://www.githubstatus.com.',
          data: data('blob')
        }
  }
  if (last.status === 404) {
    return {
      message: `${reading}: storage has no file for it (${outcome(last)}) although GitHub lists the artifact, ${when}.`,
      hint: 'Re-run the build workflow to upload the bundle again.',
      data: data('blob')
    }
  }
  return {
    message: `${reading}: storage ${summary}.`,
    hint: hintFor(last, "GitHub's artifact storage"),
    data: data('blob')
  }
}

const SERVICES: Record<Step, string> = {
  list: 'listing the artifacts',
  sign: 'asking for the download URL',
  redirect: 'asking GitHub for the download',
  blob: "reading from GitHub's artifact storage",
  other: 'talking to GitHub'
}

/**
 * For a download that worked after retries: which step needed them and what it got first, e.g.
 * "reading from GitHub's artifact storage took 2 attempts (before: 503 Service Unavailable ×1)".
 */
export function retriesNote(recording: Recording): string[] | undefined {
  const notes: string[] = []
  for (const step of ['list', 'sign', 'redirect', 'blob'] as const) {
    const same = recording.attempts.filter(a => a.step === step)
    const failedFirst = same.filter(a => !answered(a) || (step === 'blob' && a.body !== 'complete'))
    if (failedFirst.length === 0 || failedFirst.length === same.length) continue
    const before = new Map<string, number>()
    for (const a of failedFirst) before.set(outcome(a), (before.get(outcome(a)) ?? 0) + 1)
    const earlier = [...before].map(([o, n]) => `${o} ×${n}`).join(', ')
    notes.push(`${SERVICES[step]} took ${same.length} attempts (before: ${earlier})`)
  }
  return notes.length > 0 ? notes : undefined
}

const DISK_FULL_HINT =
  'Free disk space on the runner before this step (remove unused tool caches, Docker images or build output), or use a runner with a bigger disk.'

/**
 * Before downloading: is there room for the zip? @actions/artifact 6.2.1 does not survive a write that
 * fails mid-download: its digest stream is written after it ended, an unhandled 'error' event that ends
 * the whole process (ERR_STREAM_WRITE_AFTER_END) before any report is written. So a disk that is already
 * too full is found here; one that fills up during the download is found afterwards, if the process lives.
 */
export async function noRoomFor(ctx: DownloadContext): Promise<Explained | undefined> {
  if (!ctx.dir || ctx.sizeBytes === undefined) return undefined
  const free = await freeBytes(ctx.dir)
  if (free === undefined || free >= ctx.sizeBytes) return undefined
  return {
    message: `writing ${ctx.artifact} to ${ctx.dir} is not possible: the runner's disk is full (${bytes(free)} free there; the artifact is ${bytes(ctx.sizeBytes)}), so it was not downloaded.`,
    hint: DISK_FULL_HINT,
    data: { failedStep: 'write', attempts: [], durationMs: 0 }
  }
}

/** The results service's own words from the library's error ("Failed request: (500) Internal Server Error: msg"). */
function twirpMessage(libraryError: string): string | undefined {
  return /Failed request: \(\d+\) [^:]*: ([^\n]+)/.exec(libraryError)?.[1]?.trim()
}

function bytes(n: number): string {
  const [value, unit] = n < 1024 ? [n, 'B'] : n < 1024 * 1024 ? [n / 1024, 'KiB'] : [n / 1024 / 1024, 'MiB']
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`
}

/** Removes what a message must never carry: a URL's query (a signed URL's is a credential). */
export function withoutQueries(text: string): string {
  return text
    .replace(/(https?:\/\/[^\s?"'<>]+)\?[^\s"'<>]*/g, '$1')
    .replace(/\b(sig|se|sp|sv|st)=[^&\s"'<>]+/g, '$1=…')
}

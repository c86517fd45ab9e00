/** What the emulator's handlers receive and answer; the server in ./emulator.ts does the HTTP. */
import type { IncomingHttpHeaders } from 'node:http'

export interface EmulatorRequest {
  method: string
  url: URL
  headers: IncomingHttpHeaders
  body: Buffer
}

export interface Reply {
  status: number
  headers?: Record<string, string>
  /** Serialised as JSON (with GitHub's content type) unless `raw` is given. */
  json?: unknown
  raw?: Buffer
}

/** GitHub's error body: `{"message": ..., "documentation_url": ..., "status": "404"}`. */
export function githubError(
  status: number,
  message: string,
  docsUrl = 'https://docs.github.com/rest',
  extra: Record<string, unknown> = {}
): Reply {
  return { status, json: { message, documentation_url: docsUrl, status: String(status), ...extra } }
}

/** A 422 like GitHub's: "Validation Failed" plus one entry in `errors`. */
export function validationFailed(docsUrl: string, resource: string, field: string, code: string): Reply {
  return githubError(422, 'Validation Failed', docsUrl, { errors: [{ resource, code, field }] })
}

/** GitHub's usual message for each status a failure knob may inject. */
export const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Problems parsing JSON',
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  410: 'Gone',
  422: 'Validation Failed',
  429: 'API rate limit exceeded for installation.',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable'
}

export function parseJsonBody(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (body.length === 0) return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) }
  } catch {
    return { ok: false }
  }
}

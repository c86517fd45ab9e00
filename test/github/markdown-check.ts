/**
 * Every issue body and comment the tool writes goes through GitHub's Markdown engine here (cmark-gfm, see
 * ../gfm.ts), as every request goes through the OpenAPI description: what would render wrong on
 * github.com is a violation. Writes by "people" in the tests (plain fetch, not Octokit) are theirs.
 */
import { gfmProblems } from '../gfm.js'
import type { Exchange } from './types.js'

const WRITES = [
  { method: 'POST', path: /^\/repos\/[^/]+\/[^/]+\/issues$/, what: 'issue body' },
  { method: 'PATCH', path: /^\/repos\/[^/]+\/[^/]+\/issues\/\d+$/, what: 'issue body' },
  { method: 'POST', path: /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/, what: 'comment' }
]

export function markdownViolations(exchange: Exchange): string[] {
  if (exchange.kind !== 'rest' || exchange.status >= 300) return []
  const agent = String(exchange.requestHeaders['user-agent'] ?? '')
  if (!/octokit/i.test(agent)) return []
  const path = exchange.url.split('?')[0]
  const write = WRITES.find(w => w.method === exchange.method && w.path.test(path))
  if (!write) return []
  let body: unknown
  try {
    body = (JSON.parse(exchange.requestBody.toString('utf8')) as { body?: unknown }).body
  } catch {
    return []
  }
  if (typeof body !== 'string') return []
  return gfmProblems(body).map(
    p => `${exchange.method} ${path}: the ${write.what} renders wrong on GitHub: ${p}`
  )
}

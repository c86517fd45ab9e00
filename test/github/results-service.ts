/**
 * The Actions Results service as @actions/artifact 6.2.1 uses it: twirp JSON calls under
 * /twirp/github.actions.results.api.v1.ArtifactService/ (authorised by the job's ACTIONS_RUNTIME_TOKEN) and an
 * Azure-like blob storage under /blob/ reached through signed URLs (Put Block, Put Block List, Put Blob, Get).
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto'
import { timestamp } from './objects.js'
import { parseJsonBody, type EmulatorRequest, type Reply } from './reply.js'
import type { ArtifactRecord, GitHubState, RunRecord } from './state.js'

export const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/'
/** Path-style blob URLs (`/<account>/<container>/<blob>`), the shape Azure's SDK expects for an IP host. */
export const BLOB_PREFIX = '/blob/actions-results/'

const TWIRP_STATUS: Record<string, number> = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
  resource_exhausted: 429,
  internal: 500,
  unavailable: 503
}

export function twirpError(code: string, msg: string): Reply {
  return { status: TWIRP_STATUS[code] ?? 500, json: { code, msg } }
}

/** An unsigned JWT carrying the scope @actions/artifact reads the backend ids from. */
export function runtimeTokenFor(run: RunRecord, jobBackendId = run.jobBackendId): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  const scp = `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${run.runBackendId}:${jobBackendId}`
  return `${part({ typ: 'JWT', alg: 'none' })}.${part({ scp, iat: now, exp: now + 6 * 3600 })}.`
}

/** The run and job a runtime token is scoped to, or undefined when it is not a usable token. */
function scopeOf(
  authorization: string | undefined
): { runBackendId: string; jobBackendId: string } | undefined {
  const jwt = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1]
  try {
    const claims = JSON.parse(Buffer.from(jwt!.split('.')[1], 'base64url').toString('utf8'))
    for (const scope of String(claims.scp).split(' ')) {
      const [name, runBackendId, jobBackendId] = scope.split(':')
      if (name === 'Actions.Results' && runBackendId && jobBackendId) return { runBackendId, jobBackendId }
    }
  } catch {
    // fall through: not a JWT
  }
  return undefined
}

export class ResultsService {
  private readonly secret = randomBytes(16)

  constructor(
    private readonly state: GitHubState,
    private readonly origin: () => string
  ) {}

  /** `sp`: r (read) for downloads, cw (create/write) for uploads, as in an Azure SAS. */
  signedUrl(artifact: ArtifactRecord, permissions: 'r' | 'cw'): string {
    const expiry = timestamp(new Date(Date.now() + 3600_000))
    const url = new URL(BLOB_PREFIX + artifact.blobId, this.origin())
    url.searchParams.set('sp', permissions)
    url.searchParams.set('se', expiry)
    url.searchParams.set('sig', this.sign(artifact.blobId, permissions, expiry))
    return url.href
  }

  private sign(blobId: string, permissions: string, expiry: string): string {
    return createHmac('sha256', this.secret).update(`${blobId}\n${permissions}\n${expiry}`).digest('base64')
  }

  twirp(req: EmulatorRequest): Reply {
    const method = req.url.pathname.slice(TWIRP_PREFIX.length)
    const scope = scopeOf(req.headers.authorization)
    if (!scope) return twirpError('unauthenticated', 'invalid or missing runtime token')
    const parsed = parseJsonBody(req.body)
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
      return twirpError('malformed', 'the request body is not a JSON object')
    }
    const body = parsed.value as Record<string, unknown>
    if (body.workflow_run_backend_id !== scope.runBackendId) {
      return twirpError('permission_denied', 'the runtime token is not scoped to this workflow run')
    }
    const run = this.state.runByBackendId(scope.runBackendId)
    if (!run) return twirpError('not_found', 'workflow run not found')
    const name = typeof body.name === 'string' ? body.name : ''
    // Expired artifacts are left out, as the client's "ensure that your artifact is not expired" hint implies.
    const live = this.state.runArtifacts(run).filter(a => !a.expired)

    switch (method) {
      case 'ListArtifacts': {
        const artifacts = live
          .filter(a => body.name_filter === undefined || a.name === body.name_filter)
          .filter(a => body.id_filter === undefined || String(a.id) === String(body.id_filter))
          .map(a => ({
            workflow_run_backend_id: run.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.content?.length ?? 0),
            created_at: timestamp(a.createdAt),
            ...(a.digest ? { digest: a.digest } : {})
          }))
        return { status: 200, json: { artifacts } }
      }
      case 'GetSignedArtifactURL': {
        const artifact = live.find(a => a.name === name)
        if (!artifact) return twirpError('not_found', `artifact ${name} not found`)
        return { status: 200, json: { signed_url: this.signedUrl(artifact, 'r') } }
      }
      case 'CreateArtifact': {
        if (body.version !== 7)
          return twirpError('invalid_argument', `unsupported artifact version ${body.version}`)
        if (!name) return twirpError('invalid_argument', 'name is required')
        if (live.some(a => a.name === name)) {
          return twirpError('already_exists', `an artifact with this name already exists on the workflow run`)
        }
        // A retried upload replaces the pending one of the same name.
        for (const stale of this.state.artifacts.values()) {
          if (stale.run === run && stale.name === name && !stale.finalized)
            this.state.artifacts.delete(stale.id)
        }
        const mimeType = typeof body.mime_type === 'string' ? body.mime_type : 'application/zip'
        const expiresAt = typeof body.expires_at === 'string' ? new Date(body.expires_at) : undefined
        const artifact = this.state.createArtifact(run, name, {
          jobBackendId: scope.jobBackendId,
          mimeType,
          source: 'uploaded',
          expiresAt
        })
        return { status: 200, json: { ok: true, signed_upload_url: this.signedUrl(artifact, 'cw') } }
      }
      case 'FinalizeArtifact': {
        const pending = [...this.state.artifacts.values()].find(
          a => a.run === run && a.name === name && !a.finalized
        )
        if (!pending) return twirpError('not_found', `no pending upload for artifact ${name}`)
        if (!pending.content)
          return twirpError('failed_precondition', 'the artifact blob has not been committed')
        if (String(body.size) !== String(pending.content.length)) {
          return twirpError(
            'invalid_argument',
            `size ${body.size} does not match the ${pending.content.length} bytes stored`
          )
        }
        pending.finalized = true
        pending.digest = typeof body.hash === 'string' ? body.hash : sha256(pending.content)
        pending.updatedAt = new Date()
        return { status: 200, json: { ok: true, artifact_id: String(pending.id) } }
      }
      default:
        return twirpError('bad_route', `no handler for ${method}`)
    }
  }

  blob(req: EmulatorRequest): Reply {
    const blobId = req.url.pathname.slice(BLOB_PREFIX.length)
    const artifact = this.state.artifactByBlobId(blobId)
    const q = req.url.searchParams
    const permissions = q.get('sp') ?? ''
    const expiry = q.get('se') ?? ''
    const signed = q.get('sig') === this.sign(blobId, permissions, expiry) && new Date(expiry) > new Date()
    const needed = req.method === 'GET' ? 'r' : 'w'
    if (!artifact || !signed || !permissions.includes(needed)) {
      return azureError(403, 'AuthenticationFailed', 'Server failed to authenticate the request.')
    }
    if (req.method === 'GET') {
      if (!artifact.content) return azureError(404, 'BlobNotFound', 'The specified blob does not exist.')
      return {
        status: 200,
        headers: { 'content-type': artifact.mimeType, 'x-ms-blob-type': 'BlockBlob' },
        raw: artifact.content
      }
    }
    if (req.method !== 'PUT') return azureError(405, 'UnsupportedHttpVerb', `${req.method} is not supported.`)
    const comp = q.get('comp')
    if (comp === 'block') {
      const blockId = q.get('blockid')
      if (!blockId) return azureError(400, 'InvalidQueryParameterValue', 'blockid is required.')
      artifact.blocks.set(blockId, req.body)
      return azureCreated()
    }
    if (comp === 'blocklist') {
      // <BlockList><Latest>id</Latest>...</BlockList>: join the named blocks in list order.
      const ids = [...req.body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)].map(
        m => m[1]
      )
      if (ids.some(id => !artifact.blocks.has(id)))
        return azureError(400, 'InvalidBlockList', 'The specified block list is invalid.')
      artifact.content = Buffer.concat(ids.map(id => artifact.blocks.get(id)!))
      artifact.blocks.clear()
      const contentType = req.headers['x-ms-blob-content-type']
      if (typeof contentType === 'string') artifact.mimeType = contentType
      return azureCreated()
    }
    if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      artifact.content = req.body
      return azureCreated()
    }
    return azureError(400, 'InvalidQueryParameterValue', `unsupported comp=${comp}`)
  }
}

export function sha256(content: Buffer): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`
}

function azureCreated(): Reply {
  return {
    status: 201,
    headers: {
      etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': randomUUID(),
      'x-ms-version': '2024-11-04',
      'x-ms-request-server-encrypted': 'true'
    },
    raw: Buffer.alloc(0)
  }
}

export function azureError(status: number, code: string, message: string): Reply {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`
  return {
    status,
    headers: { 'content-type': 'application/xml', 'x-ms-error-code': code },
    raw: Buffer.from(xml)
  }
}

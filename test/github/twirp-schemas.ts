/**
 * JSON schemas for the Actions Results twirp service (`github.actions.results.api.v1.ArtifactService`).
 * It is NOT part of GitHub's REST description; these are derived by hand from the protobuf-ts types generated
 * into @actions/artifact 6.2.1 (lib/generated/results/api/v1/artifact.js), in their JSON mapping:
 * proto field names (the client sends `useProtoFieldName: true`), int64 as decimal strings, wrapper types
 * (StringValue, Int64Value) as bare values, Timestamp as RFC 3339. Proto3 has no required fields; the ones
 * marked required here are those the service cannot work without.
 */
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

const int64 = { anyOf: [{ type: 'string', pattern: '^-?[0-9]+$' }, { type: 'integer' }] }
const backendIds = {
  workflow_run_backend_id: { type: 'string', minLength: 1 },
  workflow_job_run_backend_id: { type: 'string', minLength: 1 }
}
const ids = ['workflow_run_backend_id', 'workflow_job_run_backend_id']

function message(properties: Record<string, object>, required: string[] = []) {
  return { type: 'object', properties, required, additionalProperties: false }
}

const METHODS: Record<string, { request: object; response: object }> = {
  CreateArtifact: {
    request: message(
      {
        ...backendIds,
        name: { type: 'string', minLength: 1 },
        expires_at: { type: 'string', format: 'date-time' },
        version: { type: 'integer' },
        mime_type: { type: 'string' }
      },
      [...ids, 'name', 'version']
    ),
    response: message({ ok: { type: 'boolean' }, signed_upload_url: { type: 'string', format: 'uri' } })
  },
  FinalizeArtifact: {
    request: message(
      { ...backendIds, name: { type: 'string', minLength: 1 }, size: int64, hash: { type: 'string' } },
      [...ids, 'name', 'size']
    ),
    response: message({ ok: { type: 'boolean' }, artifact_id: int64 })
  },
  ListArtifacts: {
    request: message({ ...backendIds, name_filter: { type: 'string' }, id_filter: int64 }, ids),
    response: message({
      artifacts: {
        type: 'array',
        items: message(
          {
            ...backendIds,
            database_id: int64,
            name: { type: 'string' },
            size: int64,
            created_at: { type: 'string', format: 'date-time' },
            digest: { type: 'string' }
          },
          [...ids, 'database_id', 'name']
        )
      }
    })
  },
  GetSignedArtifactURL: {
    request: message({ ...backendIds, name: { type: 'string', minLength: 1 } }, [...ids, 'name']),
    response: message({ signed_url: { type: 'string', format: 'uri' } }, ['signed_url'])
  }
}

/** Twirp's error body (https://twitchtv.github.io/twirp/docs/spec_v7.html#error-codes). */
const TWIRP_ERROR = {
  type: 'object',
  required: ['code', 'msg'],
  properties: {
    code: {
      enum: [
        'canceled',
        'unknown',
        'invalid_argument',
        'malformed',
        'deadline_exceeded',
        'not_found',
        'bad_route',
        'already_exists',
        'permission_denied',
        'unauthenticated',
        'resource_exhausted',
        'failed_precondition',
        'aborted',
        'out_of_range',
        'unimplemented',
        'internal',
        'unavailable',
        'dataloss'
      ]
    },
    msg: { type: 'string' },
    meta: { type: 'object', additionalProperties: { type: 'string' } }
  }
}

let compiled: {
  methods: Record<string, { request: ValidateFunction; response: ValidateFunction }>
  error: ValidateFunction
}

function validators() {
  if (!compiled) {
    const ajv = new Ajv({ strict: true, allErrors: true })
    addFormats.default(ajv)
    compiled = {
      methods: Object.fromEntries(
        Object.entries(METHODS).map(([name, s]) => [
          name,
          { request: ajv.compile(s.request), response: ajv.compile(s.response) }
        ])
      ),
      error: ajv.compile(TWIRP_ERROR)
    }
  }
  return compiled
}

/** Violations of one twirp call, e.g. `POST ListArtifacts → 200: response /artifacts/0 must have ...`. */
export function validateTwirpExchange(exchange: {
  url: string
  status: number
  requestBody?: Buffer
  responseBody?: Buffer
}): string[] {
  const method = /\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/.exec(
    new URL(exchange.url, 'http://emulator').pathname
  )?.[1]
  const prefix = `POST ${method ?? exchange.url} → ${exchange.status}:`
  const schemas = method ? validators().methods[method] : undefined
  if (!schemas) return [`${prefix} unknown twirp method`]
  const problems: string[] = []
  const check = (validate: ValidateFunction, raw: Buffer | undefined, where: string) => {
    let value: unknown
    try {
      value = JSON.parse(raw?.toString('utf8') ?? '')
    } catch {
      problems.push(`${prefix} ${where} is not JSON`)
      return
    }
    if (!validate(value)) {
      problems.push(...(validate.errors ?? []).map(e => `${prefix} ${where}${e.instancePath} ${e.message}`))
    }
  }
  check(schemas.request, exchange.requestBody, 'request /body')
  const ok = exchange.status >= 200 && exchange.status < 300
  check(ok ? schemas.response : validators().error, exchange.responseBody, ok ? '/body' : 'error /body')
  return problems
}

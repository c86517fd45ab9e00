/**
 * Checks HTTP exchanges against GitHub's official REST description (the trimmed copy in ./openapi, see
 * scripts/trim-openapi.mjs): the route must be a documented operation, parameters and JSON bodies must match
 * their schemas, and the status must be documented for that operation.
 *
 * The description documents few error statuses per operation (the Actions artifact routes document only 200,
 * `POST /labels` no 403), while GitHub answers 401/403/404/429/5xx on every route — its docs describe those in
 * prose ("Troubleshooting the REST API"), not per operation. Those statuses are accepted on any route, with
 * their body checked against `basic-error`; every other undocumented status is a violation.
 */
import { readFileSync } from 'node:fs'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

/** Statuses GitHub may answer on any route, documented or not (see the module comment). */
export const STATUSES_ANY_ROUTE: readonly number[] = [401, 403, 404, 429, 500, 502, 503]

/**
 * Statuses GitHub answers on one operation though its description leaves them out, accepted there with a
 * `basic-error` body: "List pull requests associated with a commit" documents 200 and 409 only, yet a sha
 * GitHub cannot find is a 422 "No commit found for SHA: …", as on the other commit routes.
 */
export const UNDOCUMENTED_STATUSES: Readonly<Record<string, readonly number[]>> = {
  'repos/list-pull-requests-associated-with-commit': [422]
}

/** One request/response pair as seen on the wire; bodies are raw. */
export interface ExchangeToValidate {
  method: string
  /** Path and query, relative to the API root, e.g. `/repos/o/r/issues?state=all`. */
  url: string
  requestBody?: Buffer | string
  status: number
  responseHeaders?: Record<string, string | string[] | number | undefined>
  responseBody?: Buffer | string
}

export interface MatchedOperation {
  method: string
  template: string
  operationId: string
  /** The operation's page on docs.github.com (GitHub puts it in error bodies as `documentation_url`). */
  docsUrl: string
  pathParams: Record<string, string>
}

interface Ref {
  $ref: string
}
interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
  schema: object
  /** GitHub's extension: the path parameter may span several segments (`compare/{basehead}`). */
  'x-multi-segment'?: boolean
}
interface MediaTypes {
  content?: Record<string, { schema?: object }>
}
interface ResponseObject extends MediaTypes {
  headers?: Record<string, Ref | { schema: object }>
}
interface Operation {
  operationId: string
  externalDocs?: { url: string }
  parameters?: Array<Parameter | Ref>
  requestBody?: (MediaTypes & { required?: boolean }) | Ref
  responses: Record<string, ResponseObject | Ref>
}
interface Description {
  paths: Record<string, Record<string, Operation>>
  components: Record<string, Record<string, unknown>>
  info: Record<string, unknown>
}

/** A node of the description plus its JSON pointer (Ajv compiles schemas by pointer, so refs resolve). */
interface Located<T> {
  node: T
  pointer: string
}

const SPEC_URL = new URL('./openapi/api.github.com.trimmed.json', import.meta.url)

export class OpenApiValidator {
  readonly description: Description
  private readonly ajv: Ajv
  private readonly compiled = new Map<string, ValidateFunction>()
  private readonly routes: Array<{ template: string; regex: RegExp; names: string[] }>

  constructor(description: Description = JSON.parse(readFileSync(SPEC_URL, 'utf8'))) {
    this.description = description
    // strict mode stays on: the trim script rewrote everything strict Ajv rejects. Only the container
    // keywords of the document itself need declaring, so `#/components/...` refs resolve inside it.
    this.ajv = new Ajv({ strict: true, allErrors: true })
    addFormats.default(this.ajv)
    this.ajv.addKeyword('components').addKeyword('paths')
    this.ajv.addSchema({ components: description.components, paths: description.paths }, 'api')
    this.routes = Object.keys(description.paths)
      .map(template => {
        const names = [...template.matchAll(/\{(\w+)\}/g)].map(m => m[1])
        const multi = this.multiSegmentParameters(template)
        const source = template
          .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
          .replace(/\{(\w+)\}/g, (_, name: string) => (multi.has(name) ? '(.+)' : '([^/]+)'))
        return { template, regex: new RegExp(`^${source}$`), names }
      })
      // Literal segments win over parameters (`/issues/{n}/comments` before `/{a}/{b}`-like templates).
      .sort((a, b) => literalLength(b.template) - literalLength(a.template))
  }

  /** The documented operation for a method and path, or a reason why there is none. */
  match(method: string, pathname: string): MatchedOperation | { unknown: string } {
    const route = this.routes.find(r => r.regex.test(pathname))
    if (!route) return { unknown: `no documented route matches ${pathname}` }
    const operation = this.description.paths[route.template][method.toLowerCase()]
    if (!operation) return { unknown: `${route.template} has no ${method.toUpperCase()} operation` }
    const values = route.regex.exec(pathname)!.slice(1)
    return {
      method: method.toUpperCase(),
      template: route.template,
      operationId: operation.operationId,
      docsUrl: operation.externalDocs?.url ?? 'https://docs.github.com/rest',
      pathParams: Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(values[i])]))
    }
  }

  /** Human-readable violations, each prefixed `METHOD /path → status:`; empty when the exchange conforms. */
  validateExchange(exchange: ExchangeToValidate): string[] {
    const url = new URL(exchange.url, 'http://emulator')
    const prefix = `${exchange.method.toUpperCase()} ${url.pathname} → ${exchange.status}:`
    const matched = this.match(exchange.method, url.pathname)
    if ('unknown' in matched) return [`${prefix} unknown route (${matched.unknown})`]
    const base = `/paths/${escapePointer(matched.template)}/${exchange.method.toLowerCase()}`
    const operation = this.resolve<Operation>({
      node: this.description.paths[matched.template][exchange.method.toLowerCase()],
      pointer: base
    })
    const problems = [
      ...this.checkParameters(operation, matched.pathParams, url.searchParams),
      ...this.checkRequestBody(operation, exchange.requestBody),
      ...this.checkResponse(operation, exchange)
    ]
    return problems.map(p => `${prefix} ${p}`)
  }

  private checkParameters(
    op: Located<Operation>,
    pathParams: Record<string, string>,
    query: URLSearchParams
  ) {
    const problems: string[] = []
    const documented = new Set<string>()
    ;(op.node.parameters ?? []).forEach((raw, i) => {
      const param = this.resolve<Parameter>({
        node: raw as Parameter,
        pointer: `${op.pointer}/parameters/${i}`
      })
      const { name, in: where, required } = param.node
      if (where === 'header') return
      if (where === 'query') documented.add(name)
      const value = where === 'path' ? pathParams[name] : (query.get(name) ?? undefined)
      if (value === undefined) {
        if (required) problems.push(`missing required ${where} parameter ${name}`)
        return
      }
      const validate = this.validator(`${param.pointer}/schema`)
      if (!validate(coerce(value, param.node.schema))) {
        problems.push(...messages(validate.errors, `${where} parameter ${name}`))
      }
    })
    // GitHub ignores unknown query parameters, so a misspelt filter silently returns everything: flag it.
    for (const name of new Set(query.keys())) {
      if (!documented.has(name)) problems.push(`undocumented query parameter ${name}`)
    }
    return problems
  }

  private checkRequestBody(op: Located<Operation>, raw: Buffer | string | undefined) {
    const present = raw !== undefined && raw.length > 0
    if (!op.node.requestBody) return present ? ['request has a body but the operation documents none'] : []
    const body = this.resolve<MediaTypes & { required?: boolean }>({
      node: op.node.requestBody as MediaTypes,
      pointer: `${op.pointer}/requestBody`
    })
    if (!present) return body.node.required ? ['missing required request body'] : []
    if (!body.node.content?.['application/json']?.schema) return []
    const parsed = parseJson(raw)
    if (parsed === NOT_JSON) return ['request body is not JSON']
    const validate = this.validator(`${body.pointer}/content/application~1json/schema`)
    return validate(parsed) ? [] : messages(validate.errors, 'request /body')
  }

  private checkResponse(op: Located<Operation>, exchange: ExchangeToValidate) {
    const key = [String(exchange.status), `${String(exchange.status)[0]}XX`, 'default'].find(
      k => k in op.node.responses
    )
    let response: Located<ResponseObject>
    if (key) {
      response = this.resolve<ResponseObject>({
        node: op.node.responses[key] as ResponseObject,
        pointer: `${op.pointer}/responses/${key}`
      })
    } else if (
      STATUSES_ANY_ROUTE.includes(exchange.status) ||
      UNDOCUMENTED_STATUSES[op.node.operationId]?.includes(exchange.status)
    ) {
      response = { node: this.generalError(), pointer: '' }
    } else {
      return [
        `status ${exchange.status} is not documented (documented: ${Object.keys(op.node.responses).join(', ')})`
      ]
    }
    const problems: string[] = []
    const headers = exchange.responseHeaders ?? {}
    for (const name of Object.keys(response.node.headers ?? {})) {
      // The description marks no header required; a redirect without its Location is still useless.
      if (name.toLowerCase() === 'location' && headers.location === undefined)
        problems.push('missing Location header')
    }
    const schema = response.node.content?.['application/json']?.schema
    if (!schema) return problems
    const parsed = parseJson(exchange.responseBody)
    if (parsed === NOT_JSON) return [...problems, 'response body is not JSON']
    const validate = response.pointer
      ? this.validator(`${response.pointer}/content/application~1json/schema`)
      : this.validator('/components/schemas/basic-error')
    return validate(parsed) ? problems : [...problems, ...messages(validate.errors, '/body')]
  }

  /** Path parameters of any operation of the template marked `x-multi-segment`. */
  private multiSegmentParameters(template: string): Set<string> {
    const names = new Set<string>()
    for (const [method, operation] of Object.entries(this.description.paths[template])) {
      ;(operation.parameters ?? []).forEach((raw, i) => {
        const { node } = this.resolve<Parameter>({
          node: raw as Parameter,
          pointer: `/paths/${escapePointer(template)}/${method}/parameters/${i}`
        })
        if (node.in === 'path' && node['x-multi-segment']) names.add(node.name)
      })
    }
    return names
  }

  private generalError(): ResponseObject {
    return { content: { 'application/json': { schema: { $ref: '#/components/schemas/basic-error' } } } }
  }

  /** Follows a `$ref` (to components) once, keeping track of where the node lives. */
  private resolve<T>(located: Located<T | Ref>): Located<T> {
    const ref = (located.node as Ref).$ref
    if (typeof ref !== 'string') return located as Located<T>
    const pointer = ref.slice(1)
    const node = pointer
      .slice(1)
      .split('/')
      .reduce<unknown>((n, part) => (n as Record<string, unknown>)[unescapePointer(part)], this.description)
    return { node: node as T, pointer }
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.compiled.get(pointer)
    if (!validate) {
      validate = this.ajv.compile({ $ref: `api#${encodeURI(pointer)}` })
      this.compiled.set(pointer, validate)
    }
    return validate
  }
}

let shared: OpenApiValidator | undefined
/** Validates one exchange with a validator shared by the whole test process (compiling takes ~100 ms). */
export function validateExchange(exchange: ExchangeToValidate): string[] {
  shared ??= new OpenApiValidator()
  return shared.validateExchange(exchange)
}

/** The shared validator, e.g. to match routes. */
export function openApiValidator(): OpenApiValidator {
  shared ??= new OpenApiValidator()
  return shared
}

const NOT_JSON = Symbol('not JSON')

function parseJson(raw: Buffer | string | undefined): unknown {
  try {
    return JSON.parse(raw === undefined ? '' : raw.toString())
  } catch {
    return NOT_JSON
  }
}

/** Query and path values arrive as strings; turn them into what the schema's type expects, when they fit. */
function coerce(value: string, schema: { type?: unknown }): unknown {
  if (schema.type === 'integer' && /^-?\d+$/.test(value)) return Number(value)
  if (schema.type === 'number' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value)
  if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

function messages(errors: ErrorObject[] | null | undefined, where: string): string[] {
  const out = (errors ?? []).map(e => {
    const detail = e.keyword === 'enum' ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''
    const extra = e.keyword === 'additionalProperties' ? ` '${e.params.additionalProperty}'` : ''
    return `${where}${e.instancePath} ${e.message}${extra}${detail}`
  })
  return [...new Set(out)]
}

function literalLength(template: string): number {
  return template.replace(/\{\w+\}/g, '').length
}

function escapePointer(part: string): string {
  return part.replaceAll('~', '~0').replaceAll('/', '~1')
}

function unescapePointer(part: string): string {
  return part.replaceAll('~1', '/').replaceAll('~0', '~')
}

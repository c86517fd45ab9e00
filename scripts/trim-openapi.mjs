#!/usr/bin/env node
/**
 * Regenerates test/github/openapi/api.github.com.trimmed.json: the few GitHub REST operations the action uses,
 * cut from GitHub's official description (as packaged by @octokit/openapi) and rewritten so Ajv can compile it.
 *
 *   node scripts/trim-openapi.mjs                 # npm pack the pinned version into a temp dir, trim, write
 *   node scripts/trim-openapi.mjs --from <file>   # use an already downloaded .tgz or api.github.com.json
 *
 * @octokit/openapi is 385 MB installed, so it is NOT a dependency: `npm pack` fetches its tarball (~29 MB) and
 * only `generated/api.github.com.json` (the variant with $refs, 13 MB) is extracted with the system `tar`.
 * We pick the $ref variant over `.deref.json` because the refs keep the trimmed copy small and readable.
 *
 * Rewrites (OpenAPI 3.0 schema dialect → what Ajv's draft-07 validator accepts in strict mode):
 * - `nullable: true` → `"null"` added to `type` (and to `enum`), or `anyOf: [{type: 'null'}, rest]` when the
 *   schema has no `type` (Ajv's own `nullable` support refuses schemas without `type`).
 * - `example`, `x-*` extensions inside schemas and `examples` on media types are dropped (they are not
 *   validation keywords and strict mode rejects unknown ones); `components/examples` is not copied.
 * Object keys are sorted, so a regeneration from a newer version diffs cleanly.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE = '@octokit/openapi'
const VERSION = '23.0.2'
const ENTRY = 'package/generated/api.github.com.json'
const OUT = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'test/github/openapi/api.github.com.trimmed.json'
)

/** The operations the action (and the emulator) use: [method, path template]. */
const OPERATIONS = [
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/issues'],
  ['post', '/repos/{owner}/{repo}/issues'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['patch', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['get', '/repos/{owner}/{repo}/labels/{name}'],
  ['delete', '/repos/{owner}/{repo}/labels/{name}'],
  ['post', '/repos/{owner}/{repo}/labels'],
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}'],
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts'],
  ['get', '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}'],
  ['get', '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}'],
  ['get', '/repos/{owner}/{repo}/compare/{basehead}'],
  ['get', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  ['get', '/repos/{owner}/{repo}/tags']
]

function loadSource(from) {
  const work = mkdtempSync(join(tmpdir(), 'trim-openapi-'))
  try {
    let tarball = from
    if (!from) {
      execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', work, '--silent'], {
        stdio: ['ignore', 'ignore', 'inherit']
      })
      tarball = join(
        work,
        readdirSync(work).find(f => f.endsWith('.tgz'))
      )
    }
    if (tarball.endsWith('.json')) return JSON.parse(readFileSync(tarball, 'utf8'))
    execFileSync('tar', ['-xzf', tarball, '-C', work, ENTRY])
    return JSON.parse(readFileSync(join(work, ENTRY), 'utf8'))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** Every `#/components/<kind>/<name>` reachable from `root`, following refs transitively. */
function collectRefs(doc, root) {
  const seen = new Set()
  const visit = node => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node)) {
      if (key === 'examples') continue // dropped below, so their refs must not pull components in
      if (key === '$ref' && typeof value === 'string') {
        if (seen.has(value)) continue
        seen.add(value)
        visit(resolve(doc, value))
      } else visit(value)
    }
  }
  visit(root)
  return seen
}

function resolve(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`)
  return ref
    .slice(2)
    .split('/')
    .map(part => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node, part) => {
      if (!node || !(part in node)) throw new Error(`dangling $ref ${ref}`)
      return node[part]
    }, doc)
}

/** Rewrites one schema (recursively) into Ajv-compatible form. */
function ajvSchema(schema) {
  if (Array.isArray(schema)) return schema.map(ajvSchema)
  if (!schema || typeof schema !== 'object') return schema
  const out = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'example' || key === 'nullable' || key.startsWith('x-')) continue
    // `properties` maps names to schemas: its keys are property names, not keywords.
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ajvSchema(v)]))
        : ajvSchema(value)
  }
  if (schema.nullable !== true) return out
  if (out.type === undefined) return { anyOf: [{ type: 'null' }, out] }
  const types = Array.isArray(out.type) ? out.type : [out.type]
  if (!types.includes('null')) out.type = [...types, 'null']
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
  return out
}

/** Applies ajvSchema to every `schema` inside parameters / media types / headers of a non-schema object. */
function rewriteSchemas(node) {
  if (Array.isArray(node)) return node.map(rewriteSchemas)
  if (!node || typeof node !== 'object') return node
  const out = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'examples' || key === 'example') continue
    out[key] = key === 'schema' ? ajvSchema(value) : rewriteSchemas(value)
  }
  return out
}

function sortKeys(node) {
  if (Array.isArray(node)) return node.map(sortKeys)
  if (!node || typeof node !== 'object') return node
  return Object.fromEntries(
    Object.keys(node)
      .sort()
      .map(key => [key, sortKeys(node[key])])
  )
}

function publishedDate() {
  try {
    const times = JSON.parse(execFileSync('npm', ['view', PACKAGE, 'time', '--json'], { encoding: 'utf8' }))
    return times[VERSION]?.slice(0, 10) ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

function trim(doc) {
  const paths = {}
  for (const [method, path] of OPERATIONS) {
    const operation = doc.paths[path]?.[method]
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in ${PACKAGE}@${VERSION}`)
    paths[path] ??= {}
    paths[path][method] = operation
  }
  const components = {}
  for (const ref of collectRefs(doc, paths)) {
    const [, , kind, name] = ref.split('/')
    components[kind] ??= {}
    components[kind][name] = resolve(doc, ref)
  }
  for (const kind of Object.keys(components)) {
    for (const name of Object.keys(components[kind])) {
      const value = components[kind][name]
      components[kind][name] = kind === 'schemas' ? ajvSchema(value) : rewriteSchemas(value)
    }
  }
  return sortKeys({
    openapi: doc.openapi,
    info: {
      ...doc.info,
      'x-trimmed-from': {
        package: `${PACKAGE}@${VERSION}`,
        file: ENTRY.replace('package/', ''),
        published: publishedDate(),
        script: 'scripts/trim-openapi.mjs',
        rewrites: 'nullable → type/enum with null or anyOf; example, examples and x-* inside schemas dropped'
      }
    },
    servers: doc.servers,
    paths: rewriteSchemas(paths),
    components
  })
}

const fromIndex = process.argv.indexOf('--from')
const trimmed = trim(loadSource(fromIndex > 0 ? process.argv[fromIndex + 1] : undefined))
writeFileSync(OUT, JSON.stringify(trimmed, null, 2) + '\n')
console.log(`wrote ${OUT} (${Object.keys(trimmed.components.schemas).length} schemas)`)

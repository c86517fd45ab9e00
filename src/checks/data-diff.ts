/**
 * Compares the same configuration written in several formats. Values are first brought to a common
 * model: TOML has no null, so null/absent are the same; TOML dates become their ISO text; numbers compare
 * by value (TOML 8001 and JSON 8001.0 are the same number).
 */

export type Normalised = null | boolean | number | string | Normalised[] | { [key: string]: Normalised }

export function normalise(value: unknown): Normalised {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString()
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(normalise)
  if (typeof value === 'object') {
    const out: { [key: string]: Normalised } = {}
    for (const key of Object.keys(value).sort()) {
      const item = normalise((value as Record<string, unknown>)[key])
      if (item !== null) out[key] = item
    }
    return out
  }
  return String(value)
}

/** Renders a key path the way people write it: `llm_router.providers[1].model`, `labels["a.b"]`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  return path
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`
      if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(part)) return i === 0 ? part : `.${part}`
      return `[${JSON.stringify(part)}]`
    })
    .join('')
}

const kindOf = (value: Normalised | undefined): string =>
  value === undefined ? 'absent' : Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value

/**
 * Key paths at which `a` and `b` differ (a missing key counts). Arrays compare element by element,
 * because order matters to the application (e.g. a fallback chain).
 */
export function diffPaths(
  a: Normalised | undefined,
  b: Normalised | undefined,
  path: Array<string | number> = [],
  out: Array<Array<string | number>> = []
): Array<Array<string | number>> {
  const ka = kindOf(a)
  const kb = kindOf(b)
  if (ka !== kb) {
    out.push(path)
  } else if (ka === 'array') {
    const xa = a as Normalised[]
    const xb = b as Normalised[]
    for (let i = 0; i < Math.max(xa.length, xb.length); i++) diffPaths(xa[i], xb[i], [...path, i], out)
  } else if (ka === 'object') {
    const oa = a as { [key: string]: Normalised }
    const ob = b as { [key: string]: Normalised }
    for (const key of [...new Set([...Object.keys(oa), ...Object.keys(ob)])].sort()) {
      diffPaths(oa[key], ob[key], [...path, key], out)
    }
  } else if (!Object.is(a, b)) {
    out.push(path)
  }
  return out
}

/** The value at a path, or undefined. */
export function valueAt(
  value: Normalised | undefined,
  path: ReadonlyArray<string | number>
): Normalised | undefined {
  let current: Normalised | undefined = value
  for (const part of path) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined
    current = (current as Record<string | number, Normalised>)[part]
  }
  return current
}

/** Key names whose values must never be printed (they may hold credentials). */
const SECRET_KEY = /(pass(word|wd)?|secret|token|api[-_]?key|private[-_]?key|credential|auth[-_]?key)/i

/** A short, safe rendering of a value for a diff line: secrets redacted, long values cut. */
export function showValue(path: ReadonlyArray<string | number>, value: Normalised | undefined): string {
  if (value === undefined) return '(absent)'
  if (path.some(part => typeof part === 'string' && SECRET_KEY.test(part))) return '(redacted)'
  // A URL may carry credentials (postgres://user:password@host) under an innocent key such as `url`.
  const text = JSON.stringify(value).replace(/(\w+:\/\/)[^/@\s"]+@/g, '$1***@')
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/**
 * The policy file (`policy` input): a team's own go/no-go rules on top of the default one. It can make a
 * check blocking, a warning or off, limit a check to some environments, and set thresholds:
 *
 * ```yaml
 * checks:
 *   recent-events: blocking          # a Warning event now blocks
 *   node-capacity: warning           # reported, never blocks
 *   tls-expiry: { severity: blocking, environments: [production] }   # off elsewhere
 * thresholds:
 *   cert-min-days: 30
 *   capacity-threshold: 90%
 *   latency-threshold-ms: 800
 *   probe-timeout: 5s                # per probe: status and whole body
 *   endpoint-budget: 20s             # per endpoint: all its probes
 * ```
 *
 * An invalid file is an input error naming the file, line and column: the run is then no-go, never
 * quietly run with the default policy.
 */
import { readFileSync } from 'node:fs'
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml'
import { UsageError, describeError } from './errors.js'
import { parseDuration } from './duration.js'

export type Severity = 'blocking' | 'warning' | 'off'

export interface CheckRule {
  severity: Severity
  /** Only in these environments; elsewhere the check is off. Undefined: every environment. */
  environments?: string[]
  /** Where the rule is written, for messages: `policy.yml:4`. */
  where: string
}

export interface Policy {
  path: string
  checks: Map<string, CheckRule>
  /** Checklist items (by key) that the manual-item gate does not wait for. */
  optionalItems: Set<string>
  thresholds: {
    certMinDays?: number
    capacityThreshold?: string
    latencyThresholdMs?: number
    probeCount?: number
    eventsWindow?: string
    probeTimeout?: string
    endpointBudget?: string
  }
}

const SEVERITIES: readonly Severity[] = ['blocking', 'warning', 'off']
const THRESHOLDS = {
  'cert-min-days': 'certMinDays',
  'capacity-threshold': 'capacityThreshold',
  'latency-threshold-ms': 'latencyThresholdMs',
  'probe-count': 'probeCount',
  'events-window': 'eventsWindow',
  'probe-timeout': 'probeTimeout',
  'endpoint-budget': 'endpointBudget'
} as const
/** Thresholds written as durations (`90s`, `1h`); their ranges are checked with the inputs'. */
type DurationField = 'eventsWindow' | 'probeTimeout' | 'endpointBudget'
const DURATIONS: ReadonlySet<string> = new Set<DurationField>([
  'eventsWindow',
  'probeTimeout',
  'endpointBudget'
])
const isDuration = (field: string): field is DurationField => DURATIONS.has(field)

/** Reads and validates the policy at `path`. `knownChecks` are the ids a rule may name. */
export function loadPolicy(
  path: string,
  knownChecks: readonly string[],
  knownItems: readonly string[] = []
): Policy {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(
      `policy: cannot read "${path}" (${describeError(error)}); the path is relative to the workspace.`
    )
  }
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false })
  const at = (node: Node | null | undefined): string => {
    const offset = node?.range?.[0] ?? 0
    const { line, col } = lines.linePos(offset)
    return `${path}:${line}:${col}`
  }
  const fail = (node: Node | null | undefined, message: string): never => {
    throw new UsageError(`policy ${at(node)}: ${message}`)
  }
  if (doc.errors.length > 0) {
    const error = doc.errors[0]
    const { line, col } = lines.linePos(error.pos[0])
    throw new UsageError(`policy ${path}:${line}:${col}: not valid YAML (${error.message.split('\n')[0]}).`)
  }
  const policy: Policy = { path, checks: new Map(), optionalItems: new Set(), thresholds: {} }
  const root = doc.contents
  if (root === null) return policy
  if (!isMap(root)) return fail(root, 'expected a map with `checks:` and/or `thresholds:`.')
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const value = pair.value as Node | null
    if (key === 'version') continue
    if (key === 'checks') {
      if (!isMap(value)) fail(value, '`checks:` must map check ids to blocking, warning or off.')
      for (const rule of (value as import('yaml').YAMLMap).items) {
        const id = isScalar(rule.key) ? String(rule.key.value) : ''
        if (!knownChecks.includes(id)) {
          fail(rule.key as Node, `unknown check "${id}"; known: ${knownChecks.join(', ')}.`)
        }
        policy.checks.set(id, parseRule(rule.value as Node | null, at, fail))
      }
    } else if (key === 'optional-items') {
      if (!isSeq(value))
        fail(
          value,
          '`optional-items:` must be a list of checklist item keys, e.g. [t-1h.status-page-maintenance].'
        )
      for (const item of (value as import('yaml').YAMLSeq).items as Node[]) {
        const id = isScalar(item) ? String(item.value) : ''
        if (!knownItems.includes(id))
          fail(
            item,
            `unknown checklist item "${id}"; item keys look like t-1h.status-page-maintenance (see the issue's HTML comments).`
          )
        policy.optionalItems.add(id)
      }
    } else if (key === 'thresholds') {
      if (!isMap(value)) fail(value, '`thresholds:` must be a map, e.g. cert-min-days: 30.')
      for (const item of (value as import('yaml').YAMLMap).items) {
        const name = isScalar(item.key) ? String(item.key.value) : ''
        const field = THRESHOLDS[name as keyof typeof THRESHOLDS]
        if (!field)
          fail(item.key as Node, `unknown threshold "${name}"; known: ${Object.keys(THRESHOLDS).join(', ')}.`)
        const raw = isScalar(item.value) ? item.value.value : undefined
        if (typeof raw !== 'number' && typeof raw !== 'string')
          fail(item.value as Node, `${name} must be a number.`)
        if (field === 'capacityThreshold') policy.thresholds[field] = String(raw)
        else if (isDuration(field)) {
          const ms = parseDuration(String(raw))
          if (ms === undefined || ms <= 0)
            fail(
              item.value as Node,
              `${name} must be a positive duration, e.g. 30s or 5m (got ${String(raw)}).`
            )
          policy.thresholds[field] = String(raw)
        } else {
          const n = Number(raw)
          if (!Number.isFinite(n) || n <= 0)
            fail(item.value as Node, `${name} must be a positive number (got ${String(raw)}).`)
          policy.thresholds[field] = n
        }
      }
    } else {
      fail(pair.key as Node, `unknown key "${key}"; a policy has checks:, thresholds: and optional-items:.`)
    }
  }
  return policy
}

function parseRule(
  node: Node | null,
  at: (node: Node | null | undefined) => string,
  fail: (node: Node | null | undefined, message: string) => never
): CheckRule {
  const severityOf = (value: Node | null | undefined): Severity => {
    const raw = isScalar(value) ? String(value.value) : ''
    if (!SEVERITIES.includes(raw as Severity))
      fail(value, `"${raw}" is not a severity; use blocking, warning or off.`)
    return raw as Severity
  }
  if (isScalar(node)) return { severity: severityOf(node), where: at(node) }
  if (!isMap(node)) return fail(node, 'a rule is blocking, warning, off, or { severity, environments }.')
  let severity: Severity = 'blocking'
  let environments: string[] | undefined
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (key === 'severity') severity = severityOf(pair.value as Node)
    else if (key === 'environments') {
      if (!isSeq(pair.value)) fail(pair.value as Node, 'environments must be a list, e.g. [production].')
      environments = (pair.value as import('yaml').YAMLSeq).items.map(item =>
        String(isScalar(item) ? item.value : '')
      )
    } else fail(pair.key as Node, `unknown rule key "${key}"; use severity and environments.`)
  }
  return { severity, environments, where: at(node) }
}

/** The rule in force for `checkId` in `environment`: a rule limited to other environments means off. */
export function ruleFor(
  policy: Policy | undefined,
  checkId: string,
  environment: string
): CheckRule | undefined {
  const rule = policy?.checks.get(checkId)
  if (!rule) return undefined
  if (rule.environments && !rule.environments.includes(environment)) {
    return { severity: 'off', where: `${rule.where} (only in ${rule.environments.join(', ')})` }
  }
  return rule
}

/**
 * The machine report: the `Report` as JSON, with a published schema (schema/report.schema.json) and a
 * version. Keys are stable and always present: absent means `null`. `readJsonReport` reads one back (the
 * CLI's `--preflight-report`), accepting version 1 too for the fields verify needs.
 */
import type { Baseline, BundleSource, CheckResult, Finding, Report, Verification } from '../core/types.js'

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value)

function finding(f: Finding) {
  return {
    severity: f.severity,
    message: f.message,
    file: orNull(f.file),
    line: orNull(f.line),
    column: orNull(f.column),
    hint: orNull(f.hint)
  }
}

function result(r: CheckResult) {
  return {
    id: r.id,
    title: r.title,
    section: r.section,
    status: r.status,
    blocking: r.blocking,
    blockedBy: orNull(r.blockedBy),
    skipReason: orNull(r.skipReason),
    message: r.message,
    details: orNull(r.details),
    findings: r.findings ? r.findings.map(finding) : null,
    hint: orNull(r.hint),
    file: orNull(r.file),
    line: orNull(r.line),
    column: orNull(r.column),
    durationMs: r.durationMs,
    data: orNull(r.data)
  }
}

function bundle(b: BundleSource) {
  const o = b.origin
  return {
    kind: b.kind,
    path: b.path,
    origin: o
      ? {
          name: o.name,
          artifactId: o.artifactId,
          repository: o.repository,
          runId: o.runId,
          url: o.url,
          runUrl: o.runUrl,
          sizeBytes: orNull(o.sizeBytes),
          digest: orNull(o.digest),
          headSha: orNull(o.headSha)
        }
      : null,
    root: orNull(b.root),
    files: orNull(b.files)
  }
}

function baseline(b: Baseline) {
  return {
    endpoints: b.endpoints.map(e => ({ ...e, p99Ms: orNull(e.p99Ms) })),
    podRestarts: orNull(b.podRestarts),
    nodes: orNull(b.nodes),
    nodeUsageSource: orNull(b.nodeUsageSource),
    latencyThresholdMs: orNull(b.latencyThresholdMs)
  }
}

/** Verify mode's record, every key present. */
function verification(v: Verification) {
  return {
    verified: v.verified,
    rollbackDetected: v.rollbackDetected,
    startedAt: orNull(v.startedAt),
    endedAt: v.endedAt,
    durationMs: orNull(v.durationMs),
    before: v.before ? baseline(v.before) : null,
    after: v.after ? baseline(v.after) : null,
    podRestarts: orNull(v.podRestarts),
    undoCommands: v.undoCommands,
    preflightRunUrl: orNull(v.preflightRunUrl)
  }
}

/** The JSON object of a report, keys in a fixed order (see the schema). */
export function reportJson(report: Report & { verification?: Verification }) {
  return {
    version: report.version,
    tool: report.tool,
    mode: report.mode,
    decision: report.decision,
    scope: report.scope,
    reasons: report.reasons,
    rootCauses: report.rootCauses.map(c => ({ ...c, hint: orNull(c.hint) })),
    failedChecks: report.failedChecks,
    warnings: report.warnings,
    counts: report.counts,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    durationMs: report.durationMs,
    namespace: report.namespace,
    bundle: report.bundle ? bundle(report.bundle) : null,
    cluster: report.cluster
      ? { server: report.cluster.server, version: orNull(report.cluster.version) }
      : null,
    rollback: report.rollback
      ? {
          revisions: report.rollback.revisions,
          undoCommands: report.rollback.undoCommands,
          configMapBackupPath: orNull(report.rollback.configMapBackupPath)
        }
      : null,
    baseline: report.baseline ? baseline(report.baseline) : null,
    policy: orNull(report.policy),
    results: report.results.map(result),
    checklist: {
      items: report.checklist.items.map(i => ({ ...i, tickedBy: orNull(i.tickedBy) })),
      counts: report.checklist.counts
    },
    timings: report.timings,
    verification: report.verification ? verification(report.verification) : null
  }
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(reportJson(report), null, 2)}\n`
}

/** Nulls back to absent, as the `Report` type has them. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)])
    )
  }
  return value
}

/** Reads a JSON report written by `renderJson` (version 2, or 1 from earlier releases). Throws on anything else. */
export function readJsonReport(text: string): Report {
  const parsed = JSON.parse(text) as { version?: unknown; results?: unknown }
  if ((parsed?.version !== 1 && parsed?.version !== 2) || !Array.isArray(parsed.results)) {
    throw new Error('not a preflight JSON report (version 1 or 2)')
  }
  return withoutNulls(parsed) as Report
}

/** The baseline as the reports show it (gathered by checks/baseline.ts): latency, errors, restarts, usage. */
import type { Baseline } from '../core/types.js'
import { code, codeCell, inline } from './markdown-escape.js'

/**
 * A p99 by nearest rank is the slowest probe until there are 100: below that it would only repeat the
 * maximum under another name, so it is shown as "—".
 */
export const MIN_PROBES_FOR_P99 = 100

/** A latency as a person should read it: ms, or "—" when no probe was answered (NaN) or none was made. */
export function msText(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) ? '—' : `${ms} ms`
}

/** The p99 as a person should read it: a number of ms, or "—" when the probes are too few for one. */
export function p99Text(endpoint: { p99Ms?: number; probes: number }): string {
  return endpoint.probes >= MIN_PROBES_FOR_P99 ? msText(endpoint.p99Ms) : '—'
}

export function renderBaseline(baseline: Baseline): string {
  const lines = ['### Baseline before deploy', '']
  if (baseline.endpoints.length > 0) {
    const threshold = baseline.latencyThresholdMs
    const over = (e: Baseline['endpoints'][number]) => threshold !== undefined && e.p95Ms > threshold
    lines.push(
      threshold !== undefined
        ? `Latency threshold: p95 ≤ ${threshold} ms (\`latency-threshold-ms\`); rows over it are marked ⚠️.`
        : 'No latency threshold set (`latency-threshold-ms`): latency is measured, not judged.',
      '',
      '| Endpoint | p50 | p95 | p99 | Errors |',
      '|---|---|---|---|---|',
      ...baseline.endpoints.map(
        e =>
          `| ${over(e) ? '⚠️ ' : ''}${codeCell(e.url)} | ${msText(e.p50Ms)} | ${over(e) ? `**${e.p95Ms} ms**` : msText(e.p95Ms)} | ${p99Text(e)} | ${e.errors}/${e.probes} |`
      ),
      ''
    )
    if (baseline.endpoints.some(e => e.probes < MIN_PROBES_FOR_P99)) {
      lines.push(
        `p99 needs at least ${MIN_PROBES_FOR_P99} probes (\`probe-count\`); with fewer it is "—".`,
        ''
      )
    }
  }
  if (baseline.podRestarts) {
    const total = Object.values(baseline.podRestarts).reduce((a, b) => a + b, 0)
    lines.push(`Pod restarts: ${total} in total across ${Object.keys(baseline.podRestarts).length} pods.`, '')
  }
  if (baseline.nodes) {
    lines.push(
      `Node usage (${inline(baseline.nodeUsageSource ?? '')}): ${baseline.nodes
        .map(n => `${code(n.name)} CPU ${n.cpuPct}%, memory ${n.memoryPct}%`)
        .join('; ')}`,
      ''
    )
  }
  return lines.join('\n')
}

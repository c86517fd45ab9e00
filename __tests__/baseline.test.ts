import { describe, expect, it } from '@jest/globals'
import { MIN_PROBES_FOR_P99, p99Text, renderBaseline } from '../src/report/baseline.js'
import { expectRendersOnGitHub } from '../test/gfm.js'

const endpoint = (url: string, p95Ms: number, probes: number) => ({
  url,
  p50Ms: 3,
  p95Ms,
  p99Ms: p95Ms + 1,
  errors: 0,
  probes
})

describe('the baseline as the report shows it', () => {
  it('shows the latency threshold in force and marks the endpoints over it', () => {
    const text = renderBaseline({
      endpoints: [endpoint('http://a.test/health', 120, 5), endpoint('http://a.test/api/projects', 40, 5)],
      latencyThresholdMs: 100
    })
    expect(text).toMatch(
      /Latency threshold: p95 ≤ 100 ms \(`latency-threshold-ms`\); rows over it are marked ⚠️\./
    )
    expect(text).toMatch(/^\| ⚠️ `http:\/\/a\.test\/health` \| 3 ms \| \*\*120 ms\*\* \|/m)
    expect(text).toMatch(/^\| `http:\/\/a\.test\/api\/projects` \| 3 ms \| 40 ms \|/m)
    expectRendersOnGitHub(text, 'baseline')
  })

  it('says latency is not judged without a threshold', () => {
    expect(renderBaseline({ endpoints: [endpoint('http://a.test/', 9, 5)] })).toMatch(
      /No latency threshold set \(`latency-threshold-ms`\): latency is measured, not judged\./
    )
  })

  it(`shows a p99 only from ${MIN_PROBES_FOR_P99} probes on (below, it would only be the slowest probe)`, () => {
    expect(p99Text({ p99Ms: 12, probes: 5 })).toBe('—')
    expect(p99Text({ p99Ms: 12, probes: 99 })).toBe('—')
    expect(p99Text({ p99Ms: 12, probes: 100 })).toBe('12 ms')
    const text = renderBaseline({
      endpoints: [endpoint('http://a.test/', 9, 5), endpoint('http://b.test/', 9, 100)]
    })
    expect(text).toMatch(/^\| `http:\/\/a\.test\/` \| 3 ms \| 9 ms \| — \| 0\/5 \|$/m)
    expect(text).toMatch(/^\| `http:\/\/b\.test\/` \| 3 ms \| 9 ms \| 10 ms \| 0\/100 \|$/m)
    expect(text).toMatch(/p99 needs at least 100 probes/)
  })
})

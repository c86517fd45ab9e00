import { describe, expect, it } from '@jest/globals'
import { LATENCY_SLACK_MS, compareWithBaseline } from '../src/checks/verify-endpoints.js'
import { applyVerification, verifyComment } from '../src/report/verify-body.js'
import { RECORD_LIMIT, readRecord, recordOf, renderRecord } from '../src/report/preflight-record.js'
import { type VerifyReport } from '../src/core/verify.js'
import { runVerify } from '../src/preflight.js'
import { EXAMPLE_BUNDLE } from '../test/fixtures.js'
import type { Baseline } from '../src/core/types.js'
import { reportWith } from '../test/reports.js'

const endpoint = (p99Ms: number, errors = 0) => ({
  url: 'http://api/health',
  p50Ms: 1,
  p95Ms: p99Ms,
  p99Ms,
  errors,
  probes: 5
})
const baseline = (...endpoints: Baseline['endpoints']): Baseline => ({ endpoints })

describe('verify mode refuses what cannot verify', () => {
  it('offline is a usage error, never a deploy verified unseen', async () => {
    await expect(runVerify({ bundlePath: EXAMPLE_BUNDLE, offline: true })).rejects.toThrow(
      /offline: verify mode checks the live cluster/
    )
  })
})

describe('latency and errors against the baseline', () => {
  it('passes within factor × before plus the jitter allowance, fails above it', () => {
    expect(
      compareWithBaseline(baseline(endpoint(100)), baseline(endpoint(200 + LATENCY_SLACK_MS)), 2).status
    ).toBe('pass')
    const slow = compareWithBaseline(baseline(endpoint(100)), baseline(endpoint(260)), 2)
    expect(slow.status).toBe('fail')
    expect(slow.message).toContain('p99 260 ms is over 2× the baseline 100 ms')
  })

  it('more errors than before fail; an endpoint not probed after the deploy fails', () => {
    expect(compareWithBaseline(baseline(endpoint(10)), baseline(endpoint(10, 1)), 2).message).toContain(
      'errors rose: 0/5 → 1/5'
    )
    expect(compareWithBaseline(baseline(endpoint(10)), undefined, 2).message).toContain(
      'was not probed after the deploy'
    )
  })

  it('nothing measured before: not applicable, never a silent pass', () => {
    expect(compareWithBaseline(undefined, baseline(endpoint(10)), 2)).toMatchObject({
      status: 'skip',
      skipReason: 'not-applicable'
    })
  })
})

function verifyReport(verified: boolean): VerifyReport {
  const report = reportWith(
    { 'verify-images': verified ? 'pass' : 'fail', 'verify-pods-ready': 'pass' },
    verified ? 'go' : 'no-go'
  )
  return {
    ...report,
    verification: {
      verified,
      rollbackDetected: false,
      startedAt: '2026-11-28T10:00:00.000Z',
      endedAt: '2026-11-28T10:03:05.000Z',
      durationMs: 185_000,
      undoCommands: ['kubectl rollout undo deployment/vapora-backend -n vapora --to-revision=3']
    }
  }
}

describe('the tracking issue after the deploy', () => {
  const body = [
    '<!-- vapora-preflight:key=production -->',
    '- [x] Validate manifest syntax <!-- vapora-preflight:item=t-2h.validate-manifest-syntax ticked-by=preflight -->',
    '- [x] Schedule deployment with team <!-- vapora-preflight:item=t-24h.schedule-deployment -->',
    '- [ ] All three deployments have updated image IDs — _not checked by this run_ <!-- vapora-preflight:item=success.success-images-updated -->',
    '<!-- vapora-preflight:end -->',
    'Notes by people.'
  ].join('\r\n')

  it('ticks only the success items, keeps every other line, and replaces its section on a re-run', () => {
    const once = applyVerification(body, verifyReport(true), { actor: 'lead' })
    expect(once).toMatch(
      /- \[x\] 🤖 All three deployments have updated image IDs — ✅ .*item=success.success-images-updated ticked-by=preflight/
    )
    expect(once).toContain(
      '- [x] Schedule deployment with team <!-- vapora-preflight:item=t-24h.schedule-deployment -->'
    )
    expect(once).toContain('| Total duration | 3 min 5 s |')
    expect(once.indexOf('DEPLOYMENT COMPLETED')).toBeLessThan(once.indexOf('<!-- vapora-preflight:end -->'))
    expect(once.endsWith('Notes by people.')).toBe(true)
    const twice = applyVerification(once, verifyReport(false), {})
    expect(twice.match(/vapora-preflight:verify -->/g)).toHaveLength(1)
    expect(twice).toContain('DEPLOYMENT NOT VERIFIED')
    expect(twice).toMatch(/- \[ \] 🤖 All three deployments have updated image IDs — ❌/)
  })

  it('a failure shows the rollback commands in the section and the comment', () => {
    const failed = verifyReport(false)
    expect(applyVerification(body, failed, {})).toContain(
      '```sh\nkubectl rollout undo deployment/vapora-backend -n vapora --to-revision=3\n```'
    )
    expect(verifyComment(failed)).toMatch(
      /❌ \*\*Deployment not verified\*\*[\s\S]*`verify-images`[\s\S]*rollout undo/
    )
  })

  it('a record of a big namespace stays small enough for the issue body, keeping pods that restarted', () => {
    const podRestarts = Object.fromEntries(
      Array.from({ length: 3000 }, (_, i) => [`vapora-backend-abcde-${i}`, i === 7 ? 2 : 0])
    )
    const record = { ...recordOf(reportWith({}, 'go')), baseline: { endpoints: [], podRestarts } }
    const text = renderRecord(record)
    expect(text.length).toBeLessThan(RECORD_LIMIT + 100)
    expect(readRecord(text)?.baseline?.podRestarts).toEqual({ 'vapora-backend-abcde-7': 2 })
  })

  it('the preflight record round-trips and a broken one is ignored', () => {
    const record = recordOf(reportWith({}, 'go'))
    expect(readRecord(`x ${renderRecord(record)} y`)).toEqual(record)
    expect(readRecord('<!-- vapora-preflight:record=bm90IGpzb24= -->')).toBeUndefined()
  })
})

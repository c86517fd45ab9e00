import { describe, expect, it } from '@jest/globals'
import { decide, isBlocking } from '../src/core/policy.js'
import type { CheckResult, SkipReason, Status } from '../src/core/types.js'

function result(id: string, status: Status, skipReason?: SkipReason): CheckResult {
  const partial = { status, skipReason }
  return {
    id,
    title: id,
    section: '',
    message: `${id} ${status}`,
    durationMs: 0,
    ...partial,
    blocking: isBlocking(partial)
  }
}

describe('the go/no-go policy', () => {
  it.each<[string, Status, SkipReason | undefined, boolean]>([
    ['a pass', 'pass', undefined, false],
    ['a warning', 'warn', undefined, false],
    ['a failure', 'fail', undefined, true],
    ['an error', 'error', undefined, true],
    ['a skip because the run is offline', 'skip', 'offline', false],
    ['a skip because nothing applies', 'skip', 'not-applicable', false],
    ['a skip because a prerequisite failed', 'skip', 'prerequisite-failed', true],
    ['a skip because it was not configured', 'skip', 'not-configured', true],
    ['a skip with no reason', 'skip', undefined, true]
  ])('%s blocks: %s', (_what, status, reason, blocks) => {
    expect(isBlocking({ status, skipReason: reason })).toBe(blocks)
  })

  it('says go when nothing blocks, even with warnings', () => {
    const verdict = decide([result('a', 'pass'), result('b', 'warn')], { offline: false })
    expect(verdict).toMatchObject({
      decision: 'go',
      failedChecks: [],
      warnings: [{ check: 'b', message: 'b warn' }],
      scope: 'full'
    })
  })

  it('says no-go and names every blocking check', () => {
    const verdict = decide([result('a', 'fail'), result('b', 'pass'), result('c', 'error')], {
      offline: false
    })
    expect(verdict.decision).toBe('no-go')
    expect(verdict.failedChecks).toEqual(['a', 'c'])
    expect(verdict.reasons).toEqual([
      { check: 'a', message: 'a fail' },
      { check: 'c', message: 'c error' }
    ])
  })

  it('fails closed when a check that was asked for did not run', () => {
    const verdict = decide([result('a', 'pass'), result('cluster', 'skip', 'not-configured')], {
      offline: false
    })
    expect(verdict.decision).toBe('no-go')
    expect(verdict.failedChecks).toEqual(['cluster'])
  })

  it('offline: out-of-scope checks do not block and the verdict covers the bundle only', () => {
    const verdict = decide([result('a', 'pass'), result('cluster', 'skip', 'offline')], { offline: true })
    expect(verdict).toMatchObject({ decision: 'go', scope: 'bundle-only', reasons: [], rootCauses: [] })
  })

  it('says no-go when no check ran at all', () => {
    expect(decide([], { offline: false }).decision).toBe('no-go')
    expect(decide([result('x', 'skip', 'offline')], { offline: true }).decision).toBe('no-go')
  })
})

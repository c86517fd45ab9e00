/**
 * One registry: the checklist model says which check verifies which item and where each result reports;
 * the checks and the run's other results (src/core/results.ts) must agree with it, both ways.
 */
import { ALL_CHECKS } from '../src/checks/index.js'
import { VERIFY_CHECKS } from '../src/core/verify.js'
import { RESULTS, defineResult } from '../src/core/results.js'
import { POLICY_IDS } from '../src/core/options.js'
import { defineCheck } from '../src/core/check.js'
import { CHECKLIST, itemsNaming, namedIds, reportSectionOf } from '../src/checklist/model.js'

const CHECKS = [...new Map([...ALL_CHECKS, ...VERIFY_CHECKS].map(c => [c.id, c])).values()]
const REGISTERED = new Set([...CHECKS.map(c => c.id), ...RESULTS.map(r => r.id)])

describe('the registry of checks and results', () => {
  it('has every id the checklist model names', () => {
    const unknown = namedIds().filter(id => !REGISTERED.has(id))
    expect(unknown).toEqual([])
  })

  it('gives every check an item that names it, and that item’s section', () => {
    for (const check of CHECKS) {
      expect({ id: check.id, named: itemsNaming(check.id).includes(check.item) }).toEqual({
        id: check.id,
        named: true
      })
      expect(check.section).toBe(reportSectionOf(check.item))
    }
  })

  it('spells each id once: no check shares an id with another result', () => {
    const ids = [...CHECKS.map(c => c.id), ...RESULTS.map(r => r.id)]
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })

  it('places every result in a section the checklist has (or none: the run itself)', () => {
    const titles = new Set(
      CHECKLIST.flatMap(s => [s.title, ...s.groups.map(g => `${s.title} › ${g.area ?? g.title}`)])
    )
    for (const result of RESULTS) {
      if (result.section !== '') expect(titles).toContain(result.section)
    }
    expect(RESULTS.filter(r => r.section === '').map(r => r.id)).toEqual(['inputs', 'action'])
  })

  it('lets a policy name exactly the preflight’s checks and the baseline', () => {
    expect(POLICY_IDS).toEqual([...ALL_CHECKS.map(c => c.id), 'baseline'].sort())
  })

  it('refuses a check or result placed where the model does not say', () => {
    const run = async () => ({ status: 'pass' as const, message: '' })
    expect(() => defineCheck({ id: 'dry-run', title: 'x', item: 'write-access', needs: [], run })).toThrow(
      /does not name it.*server-dry-run/
    )
    expect(() => defineCheck({ id: 'new-check', title: 'x', item: 'write-access', needs: [], run })).toThrow(
      /no item does: add it to one/
    )
    expect(() => defineResult({ id: 'baseline', title: 'x', home: 'write-access' })).toThrow(
      /record-baseline-metrics/
    )
    expect(() => defineResult({ id: 'x', title: 'x', home: 'no-such-key' })).toThrow(
      /no item or section with the key "no-such-key"/
    )
  })

  it('reports the cluster checks under the seed’s heading Environment Verification', () => {
    const sections = new Set(
      ['nodes-ready', 'pods-running', 'node-capacity'].map(id => CHECKS.find(c => c.id === id)!.section)
    )
    expect([...sections]).toEqual(['4 Hours Before Deployment › Environment Verification'])
  })
})

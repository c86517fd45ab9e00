import { describe, expect, it } from '@jest/globals'
import { diffPaths, formatPath, normalise, showValue } from '../src/checks/data-diff.js'

const paths = (a: unknown, b: unknown) => diffPaths(normalise(a), normalise(b)).map(formatPath)

describe('comparing one config written in several formats', () => {
  it.each([
    ['identical objects', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, []],
    ['a changed scalar', { db: { pool: 20 } }, { db: { pool: 25 } }, ['db.pool']],
    ['a missing key', { a: 1, b: 2 }, { a: 1 }, ['b']],
    ['a type change', { port: 8001 }, { port: '8001' }, ['port']],
    ['array order', { chain: ['a', 'b'] }, { chain: ['b', 'a'] }, ['chain[0]', 'chain[1]']],
    ['an extra array element', { xs: [1] }, { xs: [1, 2] }, ['xs[1]']],
    ['a nested array of tables', { p: [{ m: 'x' }] }, { p: [{ m: 'y' }] }, ['p[0].m']],
    ['null and absent (TOML has no null)', { a: 1, b: null }, { a: 1 }, []],
    ['keys needing quotes', { 'a.b': 1 }, { 'a.b': 2 }, ['["a.b"]']]
  ])('%s', (_what, a, b, expected) => {
    expect(paths(a, b)).toEqual(expected)
  })

  it('treats a TOML date and its ISO text as equal', () => {
    expect(paths({ d: new Date('2026-01-12T00:00:00Z') }, { d: '2026-01-12T00:00:00.000Z' })).toEqual([])
  })

  it('handles objects without a prototype (as smol-toml returns them)', () => {
    const bare = Object.assign(Object.create(null), { a: 1 })
    expect(paths(bare, { a: 1 })).toEqual([])
  })

  it('never shows values under secret-looking keys', () => {
    expect(showValue(['auth', 'jwt_secret'], 'hunter2')).toBe('(redacted)')
    expect(showValue(['db', 'password'], 'hunter2')).toBe('(redacted)')
    expect(showValue(['db', 'pool'], 20)).toBe('20')
    expect(showValue(['x'], 'y'.repeat(100))).toHaveLength(58)
    expect(showValue(['database', 'url'], 'postgres://vapora:hunter2@db:5432/vapora')).toBe(
      '"postgres://***@db:5432/vapora"'
    )
  })
})

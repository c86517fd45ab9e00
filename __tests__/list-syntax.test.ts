import { describe, expect, it } from '@jest/globals'
import { expandBraces, parsePatternList, splitList } from '../src/core/list-syntax.js'

describe('list inputs', () => {
  it('splits on commas and newlines, trimming and dropping blanks and comments', () => {
    expect(splitList(' a, b\n\nc # the third\n,')).toEqual(['a', 'b', 'c'])
  })

  it('does not split inside braces', () => {
    expect(splitList('x.yaml, vapora-{solo,enterprise}.{toml,json}')).toEqual([
      'x.yaml',
      'vapora-{solo,enterprise}.{toml,json}'
    ])
  })

  it('expands braces like a shell', () => {
    expect(expandBraces('vapora-{solo,multiuser}.{toml,json}')).toEqual([
      'vapora-solo.toml',
      'vapora-solo.json',
      'vapora-multiuser.toml',
      'vapora-multiuser.json'
    ])
    expect(expandBraces('a{b,c{d,e}}')).toEqual(['ab', 'acd', 'ace'])
    expect(expandBraces('plain.yaml')).toEqual(['plain.yaml'])
  })

  it('expands the default contract to the 12 files of the seed checklist', () => {
    const files = parsePatternList(
      'configmap.yaml, deployment.yaml, docker-compose.yml, vapora-{solo,multiuser,enterprise}.{toml,yaml,json}'
    )
    expect(files).toHaveLength(12)
    expect(files).toContain('vapora-enterprise.json')
  })
})

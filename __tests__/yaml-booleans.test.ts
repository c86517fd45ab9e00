/**
 * yaml11Booleans parses a file a second time, as YAML 1.1, only when its text has a word 1.1 could read
 * as a boolean where a plain scalar stands. These cases hold the shortcut to what the second parse finds:
 * every place such a word can stand is still found, and text without one finds nothing either way.
 */
import { describe, expect, it } from '@jest/globals'
import { parseText } from '../src/bundle/parse.js'
import { yaml11Booleans } from '../src/checks/yaml-booleans.js'

const readings = (text: string) =>
  yaml11Booleans(text, parseText('m.yaml', text, 'yaml').documents).map(r => ({
    path: r.path.join('.'),
    kubectlValue: r.kubectlValue
  }))

describe('yaml11Booleans', () => {
  it.each<[string, string, Array<{ path: string; kubectlValue: boolean }>]>([
    ['a value', 'env:\n  ENABLED: yes\n', [{ path: 'env.ENABLED', kubectlValue: true }]],
    ['a value with a comment', 'a: off # for now\n', [{ path: 'a', kubectlValue: false }]],
    ['a value with CRLF line ends', 'a: On\r\nb: 1\r\n', [{ path: 'a', kubectlValue: true }]],
    ['a sequence item', 'args:\n  - n\n  - x\n', [{ path: 'args.0', kubectlValue: false }]],
    [
      'flow items',
      'a: [yes, NO]\nb: {c: on}\n',
      [
        { path: 'a.0', kubectlValue: true },
        { path: 'a.1', kubectlValue: false },
        { path: 'b.c', kubectlValue: true }
      ]
    ],
    ['an anchored value', 'a: &x Y\n', [{ path: 'a', kubectlValue: true }]],
    ['a second document', 'a: 1\n---\nb: no\n', [{ path: 'b', kubectlValue: false }]]
  ])('finds %s', (_, text, expected) => {
    expect(readings(text)).toEqual(expected)
  })

  it.each([
    ['quoted words', 'a: "yes"\nb: \'off\'\n'],
    ['words inside longer scalars', 'a: no auth here\nb: turned on later\nc: yes-man\n'],
    ['words in comments only', '# solo mode (single user, one host, no auth)\na: 1\n'],
    ['a tagged string', 'a: !!str yes\n'],
    ['true and false (booleans in both)', 'a: true\nb: false\n']
  ])('finds nothing in %s', (_, text) => {
    expect(readings(text)).toEqual([])
  })
})

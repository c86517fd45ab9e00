/** Action input and output names: the one place they are spelled (action.yml must agree; a test checks). */
export const INPUT = {
  bundlePath: 'bundle-path',
  expectedFiles: 'expected-files',
  namespace: 'namespace',
  deployments: 'deployments',
  configMap: 'configmap',
  offline: 'offline'
} as const

export const OUTPUT = {
  decision: 'decision',
  failedChecks: 'failed-checks',
  reportPath: 'report-path'
} as const

/** Action input and output names: the one place they are spelled (action.yml must agree; a test checks). */
export const INPUT = {
  bundlePath: 'bundle-path',
  expectedFiles: 'expected-files',
  namespace: 'namespace',
  deployments: 'deployments',
  configMap: 'configmap',
  offline: 'offline',
  kubeconfig: 'kubeconfig',
  context: 'context',
  kubectlVersion: 'kubectl-version',
  eventsWindow: 'events-window',
  capacityThreshold: 'capacity-threshold',
  artifactName: 'artifact-name',
  runId: 'run-id',
  repository: 'repository',
  githubToken: 'github-token',
  trackingIssue: 'tracking-issue',
  environment: 'environment',
  issueLabels: 'issue-labels',
  issueNumber: 'issue-number',
  issueKey: 'issue-key',
  uploadRollbackKit: 'upload-rollback-kit',
  healthUrl: 'health-url',
  healthToken: 'health-token',
  apiUrls: 'api-urls',
  tlsEndpoint: 'tls-endpoint',
  tlsCa: 'tls-ca',
  certMinDays: 'cert-min-days',
  probeCount: 'probe-count',
  latencyThresholdMs: 'latency-threshold-ms'
} as const

export const OUTPUT = {
  decision: 'decision',
  failedChecks: 'failed-checks',
  reportPath: 'report-path',
  revisions: 'revisions',
  configMapBackupPath: 'configmap-backup-path',
  issueNumber: 'issue-number',
  issueUrl: 'issue-url',
  bundleSource: 'bundle-source'
} as const

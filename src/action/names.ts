/**
 * The action's input names (from the option table) and its output names, the one place each is spelled:
 * action.yml must agree (a test checks).
 */
export { INPUT } from '../core/option-table.js'

export const OUTPUT = {
  decision: 'decision',
  failedChecks: 'failed-checks',
  reportPath: 'report-path',
  revisions: 'revisions',
  configMapBackupPath: 'configmap-backup-path',
  issueNumber: 'issue-number',
  issueUrl: 'issue-url',
  bundleSource: 'bundle-source',
  warnings: 'warnings',
  reason: 'reason',
  verified: 'verified',
  rollbackDetected: 'rollback-detected',
  duration: 'duration'
} as const

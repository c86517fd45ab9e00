/**
 * The seed's pre-deployment checklist (docs/operations/pre-deployment-checklist.md) as data.
 *
 * Every item has a stable `key`: reports, the tracking issue and later runs refer to items by key, so a
 * key never changes once released even if the wording does. An item is *automated* when it lists the
 * ids of the checks that verify it; otherwise it is *manual* and only a person can tick it.
 * `optional` marks items the seed qualifies with "if applicable", "if safe", "if available"…
 */
import type { RunMode } from '../core/types.js'

export interface ChecklistItem {
  key: string
  /** The seed's wording, as Markdown: commands in backticks (see `plainItemText` for plain text). */
  text: string
  /** Check ids that verify this item. Absent → manual. */
  checks?: string[]
  optional?: boolean
}

export interface ChecklistGroup {
  title: string
  /**
   * The seed's heading above the group, when it has one ("Environment Verification" holds Staging and
   * Production): what results of the group's checks report under, the same cluster being both.
   */
  area?: string
  optional?: boolean
  items: ChecklistItem[]
}

export interface ChecklistSection {
  key: string
  title: string
  /** The run that checks its items: the preflight (before the deploy, the default) or verify mode (after). */
  phase?: RunMode
  groups: ChecklistGroup[]
}

export const CHECKLIST: readonly ChecklistSection[] = [
  {
    key: 't-24h',
    title: '24 Hours Before Deployment',
    groups: [
      {
        title: 'Communication & Scheduling',
        items: [
          { key: 'schedule-deployment', text: 'Schedule deployment with team (record in calendar/ticket)' },
          {
            key: 'announce-schedule',
            text: 'Post in #deployments channel: "Deployment scheduled for [DATE TIME UTC]"'
          },
          { key: 'identify-on-call', text: 'Identify on-call engineer for deployment period' },
          { key: 'brief-on-call', text: 'Brief on-call on deployment plan and rollback procedure' },
          {
            key: 'notify-affected-teams',
            text: 'Ensure affected teams (support, product, etc.) are notified'
          },
          {
            key: 'no-conflicting-changes',
            text: 'Verify no other critical infrastructure changes scheduled same time window'
          }
        ]
      },
      {
        title: 'Change Documentation',
        items: [
          {
            key: 'tracking-issue',
            text: 'Create GitHub issue or ticket tracking the deployment',
            checks: ['tracking-issue']
          },
          {
            key: 'document-what-changes',
            text: "Document: what's changing (configs, manifests, versions)",
            checks: ['what-changes']
          },
          { key: 'document-why', text: 'Document: why (bug fix, feature, performance, security)' },
          {
            key: 'document-rollback-plan',
            text: 'Document: rollback plan (revision number or previous config)',
            checks: ['rollout-history', 'configmap-backup']
          },
          {
            key: 'document-success-criteria',
            text: 'Document: success criteria (what indicates successful deployment)'
          },
          { key: 'document-duration', text: 'Document: estimated duration (usually 5-15 minutes)' }
        ]
      },
      {
        title: 'Code Review & Validation',
        items: [
          {
            key: 'changes-merged-reviewed',
            text: 'All provisioning changes merged and code reviewed',
            checks: ['git-history']
          },
          { key: 'main-has-latest', text: 'Confirm main branch has latest changes', checks: ['git-main'] },
          {
            key: 'validate-config-locally',
            text: 'Run validation locally: `nu scripts/validate-config.nu --mode enterprise`',
            checks: ['bundle-syntax', 'config-modes']
          },
          {
            key: 'all-modes-validate',
            text: 'Verify all 3 modes validate without errors or critical warnings',
            checks: ['config-modes']
          },
          {
            key: 'git-log-unexpected',
            text: 'Check git log for unexpected commits',
            checks: ['git-history']
          },
          {
            key: 'review-artifact-generation',
            text: 'Review artifact generation: ensure configs are correct',
            checks: ['manifests', 'compose', 'config-modes']
          }
        ]
      }
    ]
  },
  {
    key: 't-4h',
    title: '4 Hours Before Deployment',
    groups: [
      {
        title: 'Staging Environment',
        area: 'Environment Verification',
        items: [
          {
            key: 'staging-cluster-access',
            text: 'Access staging Kubernetes cluster: `kubectl cluster-info`',
            checks: ['cluster-access']
          },
          {
            key: 'staging-nodes-ready',
            text: 'Verify cluster is healthy: `kubectl get nodes` (all Ready)',
            checks: ['nodes-ready']
          },
          {
            key: 'staging-namespace-exists',
            text: 'Check namespace exists: `kubectl get namespace vapora`',
            checks: ['namespace-exists']
          },
          {
            key: 'staging-deployments',
            text: 'Verify current deployments: `kubectl get deployments -n vapora`',
            checks: ['deployments-available']
          },
          {
            key: 'staging-configmap-current',
            text: 'Check ConfigMap is up to date: `kubectl get configmap -n vapora -o yaml | head -20`',
            checks: ['configmap-backup']
          }
        ]
      },
      {
        title: 'Production Environment (if applicable)',
        area: 'Environment Verification',
        optional: true,
        items: [
          {
            key: 'production-cluster-access',
            text: 'Access production Kubernetes cluster: `kubectl cluster-info`',
            checks: ['cluster-access']
          },
          {
            key: 'production-nodes-ready',
            text: 'Verify all nodes healthy: `kubectl get nodes` (all Ready)',
            checks: ['nodes-ready']
          },
          {
            key: 'production-capacity',
            text: 'Check current resource usage: `kubectl top nodes` (not near capacity)',
            checks: ['node-capacity']
          },
          {
            key: 'production-deployments',
            text: 'Verify current deployments: `kubectl get deployments -n vapora`',
            checks: ['deployments-available']
          },
          {
            key: 'production-pods-running',
            text: 'Check pod status: `kubectl get pods -n vapora` (all Running)',
            checks: ['pods-running']
          },
          {
            key: 'production-recent-events',
            text: "Verify recent events: `kubectl get events -n vapora --sort-by='.lastTimestamp' | tail -10`",
            checks: ['recent-events']
          }
        ]
      },
      {
        title: 'Health Baseline',
        items: [
          {
            key: 'record-baseline-metrics',
            text: 'Record current metrics before deployment (CPU, memory, latency p50/p95/p99, error rate, queue depth)',
            checks: ['baseline']
          },
          {
            key: 'services-responsive',
            text: 'Verify services are responsive: `/health` (with the token) and `/api/projects`',
            checks: ['health-endpoint', 'api-endpoints']
          },
          {
            key: 'logs-recent-errors',
            text: 'Check logs for recent errors: `kubectl logs deployment/vapora-backend -n vapora --tail=50` (and `vapora-agents`)'
          }
        ]
      },
      {
        title: 'Infrastructure Check',
        items: [
          { key: 'storage-capacity', text: 'Verify storage is not near capacity: `df -h /var/lib/vapora`' },
          {
            key: 'database-health',
            text: 'Check database health: `kubectl exec -n vapora <pod> -- surreal info`'
          },
          { key: 'backups-recent', text: 'Verify backups are recent (within 24 hours)' },
          {
            key: 'tls-certificate-expiry',
            text: 'Check SSL certificate expiration: `openssl s_client -connect api.vapora.com:443 -showcerts`',
            checks: ['tls-expiry']
          }
        ]
      }
    ]
  },
  {
    key: 't-2h',
    title: '2 Hours Before Deployment',
    groups: [
      {
        title: 'Artifact Preparation',
        items: [
          {
            key: 'trigger-ci-validation',
            text: 'Trigger validation in CI/CD pipeline',
            checks: ['artifact-download']
          },
          {
            key: 'artifact-generation-complete',
            text: 'Wait for artifact generation to complete',
            checks: ['artifact-download']
          },
          {
            key: 'download-artifacts',
            text: 'Download artifacts from pipeline: `deployment-artifacts.zip`',
            checks: ['artifact-download', 'bundle-unpack']
          },
          {
            key: 'verify-artifact-contents',
            text: 'Verify artifact contents: `configmap.yaml`, `deployment.yaml`, `docker-compose.yml`, `vapora-{solo,multiuser,enterprise}.{toml,yaml,json}`',
            checks: ['bundle-unpack', 'bundle-files']
          },
          {
            key: 'validate-manifest-syntax',
            text: 'Validate manifest syntax (`configmap.yaml`, `deployment.yaml`)',
            checks: ['bundle-syntax', 'manifests']
          }
        ]
      },
      {
        title: 'Test in Staging',
        items: [
          {
            key: 'server-dry-run',
            text: 'Perform dry-run deployment to staging cluster: `kubectl apply --dry-run=server -n vapora`',
            checks: ['dry-run']
          },
          {
            key: 'review-dry-run-output',
            text: 'Review dry-run output for any warnings or errors',
            checks: ['dry-run']
          },
          {
            key: 'staging-deployment-verified',
            text: 'If test deployment available, do actual staging deployment and verify',
            optional: true
          },
          {
            key: 'staging-health-endpoints',
            text: 'Test health endpoints on staging',
            checks: ['health-endpoint']
          },
          {
            key: 'staging-smoke-tests',
            text: 'Run smoke tests against staging (if available)',
            optional: true
          }
        ]
      },
      {
        title: 'Rollback Plan Verification',
        items: [
          {
            key: 'record-revisions',
            text: 'Document current deployment revisions: `kubectl rollout history` (record the highest revision)',
            checks: ['rollout-history']
          },
          {
            key: 'configmap-backup',
            text: 'Create backup of current ConfigMap: `kubectl get configmap -n vapora vapora-config -o yaml`',
            checks: ['configmap-backup']
          },
          {
            key: 'test-rollback-staging',
            text: 'Test rollback procedure on staging (if safe)',
            optional: true
          },
          {
            key: 'rollback-command-documented',
            text: 'Confirm rollback command is documented in ticket/issue',
            checks: ['rollout-history', 'tracking-issue']
          }
        ]
      }
    ]
  },
  {
    key: 't-1h',
    title: '1 Hour Before Deployment',
    groups: [
      {
        title: 'Final Checks',
        items: [
          {
            key: 'prerequisites-met',
            text: 'Confirm all prerequisites met: code merged to main, artifacts generated and validated, staging deployment tested, rollback plan documented, team notified'
          }
        ]
      },
      {
        title: 'Communication Setup',
        items: [
          {
            key: 'status-page-maintenance',
            text: 'Set status page to "Maintenance Mode" (if public)',
            optional: true
          },
          { key: 'join-deployments-channel', text: 'Join #deployments Slack channel' },
          {
            key: 'prepare-start-message',
            text: 'Prepare message: "🚀 Deployment starting now. Will update every 2 minutes."'
          },
          { key: 'on-call-monitoring', text: 'Have on-call engineer monitoring' },
          { key: 'dashboards-accessible', text: 'Verify monitoring/alerting dashboards are accessible' }
        ]
      },
      {
        title: 'Access Verification',
        items: [
          {
            key: 'kubeconfig-valid',
            text: 'Verify kubeconfig is valid and up to date: `kubectl cluster-info`, `kubectl get nodes`',
            checks: ['cluster-access']
          },
          {
            key: 'kubectl-version-skew',
            text: 'Verify kubectl version compatibility: `kubectl version` (within 1 minor version of the server)',
            checks: ['kubectl-version']
          },
          {
            key: 'write-access',
            text: 'Test write access to cluster: `kubectl auth can-i create deployments --namespace=vapora`',
            checks: ['permissions']
          },
          {
            key: 'docker-access',
            text: 'Verify docker/docker-compose access (if Docker deployment)',
            optional: true
          },
          {
            key: 'slack-webhook',
            text: 'Verify Slack webhook is working (test send message)',
            checks: ['slack-webhook']
          }
        ]
      }
    ]
  },
  {
    key: 't-15m',
    title: '15 Minutes Before Deployment',
    groups: [
      {
        title: 'Final Go/No-Go Decision — proceed if',
        items: [
          { key: 'go-all-items-completed', text: 'All checklist items above completed' },
          {
            key: 'go-no-critical-issues',
            text: 'No critical issues found during testing',
            checks: ['decision']
          },
          { key: 'go-staging-successful', text: 'Staging deployment successful' },
          { key: 'go-team-ready', text: 'Team ready and monitoring' },
          { key: 'go-rollback-clear', text: 'Rollback plan clear and tested' },
          { key: 'go-maintenance-window', text: 'Within designated maintenance window' }
        ]
      },
      {
        title: 'Final Notifications',
        items: [
          { key: 'announce-start', text: 'Post to #deployments: "🚀 Deployment starting in 5 minutes"' },
          {
            key: 'alert-on-call',
            text: 'Alert on-call engineer: "Ready to start - confirm you\'re monitoring"'
          },
          { key: 'rollback-plan-visible', text: 'Have rollback plan visible and accessible' },
          { key: 'monitoring-dashboard-open', text: 'Open monitoring dashboard showing current metrics' }
        ]
      },
      {
        title: 'Terminal Setup',
        items: [
          {
            key: 'terminal-kubeconfig',
            text: 'Open terminal with kubeconfig configured (verify connected to the right cluster)'
          },
          {
            key: 'terminal-logs',
            text: 'Open second terminal for tailing logs: `kubectl logs -f deployment/vapora-backend -n vapora`'
          },
          {
            key: 'rollback-commands-ready',
            text: 'Have rollback commands ready: `kubectl rollout undo` for `vapora-backend`, `vapora-agents`, `vapora-llm-router`',
            checks: ['rollout-history']
          },
          {
            key: 'metrics-watch-ready',
            text: 'Prepare metrics check script: `watch kubectl top pods -n vapora`, `watch kubectl get pods -n vapora`'
          }
        ]
      }
    ]
  },
  {
    key: 'success',
    phase: 'verify',
    title: 'Success Criteria Verification',
    groups: [
      {
        title: 'What "success" looks like for this deployment',
        items: [
          {
            key: 'success-images-updated',
            text: 'All three deployments have updated image IDs',
            checks: ['verify-images']
          },
          {
            key: 'success-pods-ready',
            text: 'All pods reach "Ready" state within 5 minutes',
            checks: ['verify-pods-ready']
          },
          {
            key: 'success-no-restarts',
            text: 'No pod restarts: `kubectl get pods -n vapora --watch` (restart counts not increasing)',
            checks: ['verify-restarts', 'verify-events']
          },
          { key: 'success-no-error-logs', text: 'No error logs in first 2 minutes' },
          { key: 'success-health-200', text: 'Health endpoints respond (200 OK)', checks: ['verify-health'] },
          {
            key: 'success-api-respond',
            text: 'API endpoints respond to test requests',
            checks: ['verify-api']
          },
          {
            key: 'success-normal-usage',
            text: 'Metrics show normal resource usage',
            checks: ['verify-metrics']
          },
          { key: 'success-no-alerts', text: 'No alerts triggered' },
          { key: 'success-no-user-impact', text: 'Support team reports no user impact' }
        ]
      }
    ]
  },
  {
    key: 'post',
    phase: 'verify',
    title: 'Post-Deployment Documentation',
    groups: [
      {
        title: 'After deployment completes, record',
        items: [
          { key: 'post-start-time', text: 'Deployment start time (UTC)', checks: ['verify-record'] },
          { key: 'post-end-time', text: 'Deployment end time (UTC)', checks: ['verify-record'] },
          { key: 'post-duration', text: 'Total duration', checks: ['verify-record'] },
          { key: 'post-issues', text: 'Any issues encountered and resolution' },
          {
            key: 'post-rollback',
            text: 'Rollback performed (Y/N)',
            checks: ['verify-record', 'verify-rollback']
          },
          {
            key: 'post-metrics',
            text: 'Metrics before/after (CPU, memory, latency, errors)',
            checks: ['verify-record']
          },
          { key: 'post-team', text: 'Team members involved' },
          { key: 'post-lessons', text: 'Blockers or lessons learned' }
        ]
      }
    ]
  }
]

/** An item with its place in the checklist, for lookups by key. */
export interface LocatedItem extends ChecklistItem {
  /** `section.key` + item key: unique and stable, e.g. `t-2h.verify-artifact-contents`. */
  id: string
  section: string
  group: string
  automated: boolean
  optional: boolean
  phase: RunMode
}

/** An item's text without Markdown: for messages, logs and the terminal. */
export function plainItemText(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1')
}

/** All items in document order, with their full ids. */
export function checklistItems(): LocatedItem[] {
  return CHECKLIST.flatMap(section =>
    section.groups.flatMap(group =>
      group.items.map(item => ({
        ...item,
        id: `${section.key}.${item.key}`,
        section: section.title,
        group: group.title,
        automated: (item.checks?.length ?? 0) > 0,
        optional: item.optional ?? group.optional ?? false,
        phase: section.phase ?? 'preflight'
      }))
    )
  )
}

/**
 * Where a result reports in a run's summary: under a checklist item (by key) or a whole section (by key),
 * as "Section › Group", the group's `area` standing for it when it has one, and the section's title alone
 * when it has one group. Throws for a key the checklist does not have: a misspelled home fails at load.
 */
export function reportSectionOf(home: string): string {
  for (const section of CHECKLIST) {
    if (section.key === home) return section.title
    for (const group of section.groups) {
      if (group.items.some(item => item.key === home)) {
        return section.groups.length > 1 ? `${section.title} › ${group.area ?? group.title}` : section.title
      }
    }
  }
  throw new Error(`the checklist has no item or section with the key "${home}"`)
}

/** The keys of the items that name a check (or result) id, in document order. */
export function itemsNaming(id: string): string[] {
  return CHECKLIST.flatMap(s => s.groups.flatMap(g => g.items.filter(i => i.checks?.includes(id)))).map(
    i => i.key
  )
}

/** Every check or result id some item names, once each, in document order. */
export function namedIds(): string[] {
  return [...new Set(CHECKLIST.flatMap(s => s.groups.flatMap(g => g.items.flatMap(i => i.checks ?? []))))]
}

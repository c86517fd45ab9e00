import type { Check } from '../core/check.js'
import { bundleFilesCheck } from './bundle-files.js'
import { bundleSyntaxCheck } from './bundle-syntax.js'
import { clusterAccessCheck } from './cluster-access.js'
import { configMapBackupCheck } from './configmap-backup.js'
import { deploymentsAvailableCheck } from './deployments-available.js'
import { dryRunCheck } from './dry-run.js'
import { kubectlVersionCheck } from './kubectl-version.js'
import { namespaceExistsCheck } from './namespace-exists.js'
import { nodeCapacityCheck } from './node-capacity.js'
import { nodesReadyCheck } from './nodes-ready.js'
import { permissionsCheck } from './permissions.js'
import { podsRunningCheck } from './pods-running.js'
import { recentEventsCheck } from './recent-events.js'
import { rolloutHistoryCheck } from './rollout-history.js'
import { whatChangesCheck } from './what-changes.js'
import { composeCheck } from './compose.js'
import { configModesCheck } from './config-modes.js'
import { manifestsCheck } from './manifests.js'
import { healthEndpointCheck } from './health-endpoint.js'
import { apiEndpointsCheck } from './api-endpoints.js'
import { tlsExpiryCheck } from './tls-expiry.js'
import { gitMainCheck } from './git-main.js'
import { gitHistoryCheck } from './git-history.js'

/** Every check, in report order. `bundle-unpack` is reported by the engine itself, before these. */
export const ALL_CHECKS: readonly Check[] = [
  bundleFilesCheck,
  bundleSyntaxCheck,
  manifestsCheck,
  configModesCheck,
  composeCheck,
  clusterAccessCheck,
  kubectlVersionCheck,
  permissionsCheck,
  nodesReadyCheck,
  namespaceExistsCheck,
  deploymentsAvailableCheck,
  podsRunningCheck,
  recentEventsCheck,
  nodeCapacityCheck,
  dryRunCheck,
  whatChangesCheck,
  rolloutHistoryCheck,
  configMapBackupCheck,
  healthEndpointCheck,
  apiEndpointsCheck,
  tlsExpiryCheck,
  gitMainCheck,
  gitHistoryCheck
]

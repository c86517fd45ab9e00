import type { Check, CheckOutcome } from '../types.js'
import { SECTION } from './sections.js'

/**
 * Stands for the cluster half of the gate (dry-run, rollout history, ConfigMap backup, health, access),
 * which this version does not implement yet. It never passes: a run that was not declared offline is
 * not verified against a cluster, so the policy keeps it at no-go (fail closed) until it is.
 */
export const clusterCheck: Check = {
  id: 'cluster',
  title: 'Cluster checks (dry-run, rollout history, ConfigMap backup, health, access)',
  section: SECTION.cluster,
  needs: ['cluster'],
  async run(): Promise<CheckOutcome> {
    return {
      status: 'skip',
      skipReason: 'not-configured',
      message: 'cluster checks are not available in this version, so the cluster was not verified',
      hint: 'Set offline: true (CLI: --offline) to gate on the bundle alone; the decision then says it covers the bundle only.'
    }
  }
}

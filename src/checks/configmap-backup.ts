import { dataKey } from '../core/check-data.js'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { cleanObject } from './clean-object.js'
import { explainApiError, usableCluster } from './cluster-common.js'

/**
 * "Create backup of current ConfigMap": the live ConfigMap as clean YAML (no server-managed fields), so
 * `kubectl apply -f` of the file restores it. Absent on a first deploy: a warning, not a failure.
 */
/** What configmap-backup leaves: where the clean YAML backup was written, and how many keys it holds. */
export interface ConfigMapBackupData {
  path: string
  keys: number
}
export const CONFIGMAP_BACKUP_DATA = dataKey<ConfigMapBackupData>('configmap-backup')

export const configMapBackupCheck = defineCheck({
  id: 'configmap-backup',
  title: 'Create backup of current ConfigMap',
  item: 'configmap-backup',
  needs: ['cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const { namespace, configMap } = ctx.options
    try {
      const live = await cluster.session.configMap(namespace, configMap)
      if (!live) {
        return {
          status: 'warn',
          message: `ConfigMap ${configMap} does not exist in ${namespace} yet (first deploy): nothing to back up`
        }
      }
      const dir = ctx.options.artifactsDir ?? mkdtempSync(join(tmpdir(), 'vapora-preflight-'))
      mkdirSync(dir, { recursive: true })
      const path = join(dir, `${configMap}-backup.yaml`)
      writeFileSync(path, stringify(cleanObject(live)), { mode: 0o600 })
      const keys = Object.keys((live.data ?? {}) as object).length
      return {
        status: 'pass',
        message: `ConfigMap ${configMap} (${keys} keys) backed up to ${path}`,
        details: [`restore with: kubectl apply -f ${path}`],
        data: { path, keys } satisfies ConfigMapBackupData
      }
    } catch (error) {
      return { status: 'error', message: `cannot back up ConfigMap ${configMap}: ${explainApiError(error)}` }
    }
  }
})

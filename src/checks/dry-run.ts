import type { Check, CheckOutcome, Finding } from '../types.js'
import {
  CLUSTER_SECTION,
  explainApiError,
  manifestDocs,
  objectLabel,
  usableCluster
} from './cluster-common.js'

/**
 * "kubectl apply --dry-run=server": every document of configmap.yaml and deployment.yaml goes through a
 * server-side apply with dryRun=All and strict field validation. Unknown fields, wrong types, immutable
 * field changes and admission rejections come back with the server's own message; warnings are kept.
 */
export const dryRunCheck: Check = {
  id: 'dry-run',
  title: 'Perform dry-run deployment (server-side, strict field validation)',
  section: CLUSTER_SECTION.staging,
  needs: ['cluster', 'bundle'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const { session } = cluster
    const { docs, unreadable } = manifestDocs(ctx)
    if (docs.length === 0) {
      return {
        status: 'fail',
        message: `no manifest to dry-run${unreadable.length ? ` (${unreadable.join(', ')} did not parse)` : ''}`
      }
    }
    const namespace = ctx.options.namespace
    const namespaceExists = (await session.namespace(namespace)) !== undefined
    const createdByBundle = docs.some(d => d.doc.kind === 'Namespace' && d.doc.metadata?.name === namespace)

    const findings: Finding[] = []
    const details: string[] = []
    let failed = 0
    let warned = 0
    await Promise.all(
      docs.map(async ({ file, line, doc }, i) => {
        const label = objectLabel(doc)
        const inTargetNamespace = doc.kind !== 'Namespace'
        if (!namespaceExists && createdByBundle && inTargetNamespace) {
          warned++
          details[i] =
            `${file}:${line} ${label}: not dry-run — namespace ${namespace} does not exist yet (this bundle creates it)`
          return
        }
        try {
          const outcome = await session.dryRunApply(doc, namespace)
          if (outcome.ok) {
            const willCreate = doc.kind === 'Namespace' && !namespaceExists ? ' (will be created)' : ''
            details[i] =
              `${file}:${line} ${label}: accepted${willCreate}${outcome.warnings.length ? `; server warnings: ${outcome.warnings.join(' | ')}` : ''}`
            if (outcome.warnings.length) {
              warned++
              for (const warning of outcome.warnings)
                findings.push({ severity: 'warning', file, line, message: `${label}: ${warning}` })
            }
            return
          }
          failed++
          details[i] =
            `${file}:${line} ${label}: REJECTED (HTTP ${outcome.status}${outcome.reason ? ` ${outcome.reason}` : ''}): ${outcome.message}`
          findings.push({
            severity: 'error',
            file,
            line,
            message: `${label}: server rejected the dry-run: ${outcome.message}`
          })
        } catch (error) {
          failed++
          details[i] = `${file}:${line} ${label}: not checked: ${explainApiError(error)}`
          findings.push({
            severity: 'error',
            file,
            line,
            message: `${label}: dry-run failed: ${explainApiError(error)}`
          })
        }
      })
    )
    if (unreadable.length) {
      failed++
      details.push(`not dry-run: ${unreadable.join(', ')} did not parse (see bundle-syntax)`)
    }
    const errors = findings.filter(f => f.severity === 'error')
    if (failed > 0) {
      return {
        status: 'fail',
        message: `${failed} of ${docs.length} objects rejected by the server: ${errors[0]?.message ?? details.at(-1)}`,
        details,
        findings,
        hint: 'The messages above are the API server’s own. Fix the manifest (unknown fields and immutable fields such as spec.selector are common causes).'
      }
    }
    if (warned > 0) {
      return {
        status: 'warn',
        message: `${docs.length} objects accepted; ${warned} with warnings or not dry-run`,
        details,
        findings
      }
    }
    return {
      status: 'pass',
      message: `all ${docs.length} objects accepted by the server (dry-run, strict validation)`,
      details
    }
  }
}

import type { CheckOutcome, Finding } from '../core/types.js'
import { defineCheck, type ClusterReader } from '../core/check.js'
import type { KubeObjectJson } from '../core/kube-object.js'
import { explainApiError, manifestDocs, objectLabel, usableCluster } from './cluster-common.js'

/**
 * "kubectl apply --dry-run=server": every document of configmap.yaml and deployment.yaml goes through a
 * server-side apply with dryRun=All and strict field validation. Unknown fields, wrong types, immutable
 * field changes and admission rejections come back with the server's own message; warnings are kept.
 * The result says what was sent: a namespace set to the target, and every document left out, with why.
 */
export const dryRunCheck = defineCheck({
  id: 'dry-run',
  title: 'Perform dry-run deployment (server-side, strict field validation)',
  item: 'server-dry-run',
  needs: ['cluster', 'bundle'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const { session } = cluster
    const { docs, unreadable, leftOut } = manifestDocs(ctx)
    const notSent = [
      ...unreadable.map(file => `${file}: not sent: it does not parse (see bundle-syntax)`),
      ...leftOut.map(d => `${d.file}:${d.line} ${d.label}: not sent: ${d.why} (see manifests)`)
    ]
    if (docs.length === 0) {
      return unreadable.length > 0 && leftOut.length === 0
        ? {
            status: 'skip',
            skipReason: 'prerequisite-failed',
            blockedBy: 'bundle-syntax',
            message: `not run: ${unreadable.join(', ')} did not parse`,
            details: notSent
          }
        : { status: 'fail', message: 'no manifest to dry-run', details: notSent }
    }
    const namespace = ctx.options.namespace
    const createdByBundle = docs.some(d => d.doc.kind === 'Namespace' && d.doc.metadata?.name === namespace)
    const namespaceRead = session.namespace(namespace)
    // Unless the bundle creates the namespace, every document is sent whatever the namespace read says:
    // the dry-runs go out beside that read, not after it (the answers are shared through the session).
    const early = createdByBundle
      ? undefined
      : docs.map(({ doc }) => {
          const outcome = session.dryRunApply(doc, namespace)
          outcome.catch(() => undefined) // read below, after the namespace
          return outcome
        })
    let namespaceExists: boolean
    try {
      namespaceExists = (await namespaceRead) !== undefined
    } catch (error) {
      return { status: 'error', message: `cannot read namespace ${namespace}: ${explainApiError(error)}` }
    }

    const findings: Finding[] = []
    const details: string[] = []
    let failed = 0
    let warned = 0
    let accepted = 0
    let rewritten = 0
    let namespaceAdded = 0
    let heldBack = 0
    await Promise.all(
      docs.map(async ({ file, line, doc }, i) => {
        const label = objectLabel(doc)
        try {
          if (!namespaceExists && createdByBundle && (await livesInNamespace(session, doc))) {
            // The server would refuse it for want of the namespace the same apply creates: nothing to learn.
            heldBack++
            details[i] =
              `${file}:${line} ${label}: not sent — namespace ${namespace} does not exist yet (this bundle creates it)`
            return
          }
          const outcome = await (early?.[i] ?? session.dryRunApply(doc, namespace))
          const set = outcome.namespaceSet
          const sentAs = set
            ? set.from
              ? ` (sent with metadata.namespace rewritten from "${set.from}" to "${set.to}")`
              : ` (sent with metadata.namespace set to "${set.to}")`
            : ''
          if (set?.from) rewritten++
          else if (set) namespaceAdded++
          if (outcome.ok) {
            accepted++
            const willCreate = doc.kind === 'Namespace' && !namespaceExists ? ' (will be created)' : ''
            details[i] =
              `${file}:${line} ${label}: accepted${willCreate}${sentAs}${outcome.warnings.length ? `; server warnings: ${outcome.warnings.join(' | ')}` : ''}`
            if (outcome.warnings.length) {
              warned++
              for (const warning of outcome.warnings)
                findings.push({ severity: 'warning', file, line, message: `${label}: ${warning}` })
            }
            return
          }
          failed++
          if (!outcome.sent) {
            details[i] = `${file}:${line} ${label}: not sent: ${outcome.message}`
            findings.push({
              severity: 'error',
              file,
              line,
              message: `${label}: not sent: ${outcome.message}`,
              hint: 'Use an apiVersion the server serves (kubectl api-resources lists them), or install the CRD first.'
            })
            return
          }
          details[i] =
            `${file}:${line} ${label}: REJECTED (HTTP ${outcome.status}${outcome.reason ? ` ${outcome.reason}` : ''})${sentAs}: ${outcome.message}`
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
    details.push(...notSent)
    const total = docs.length + leftOut.length
    // What went to the server (or was tried: a kind it does not serve, a request it did not answer).
    const sent = docs.length - heldBack
    const sentLine = `${sent} of ${total} documents sent`
    const heldBackNote =
      heldBack > 0
        ? `; ${heldBack} held back until namespace ${namespace} exists (this bundle creates it)`
        : ''
    const leftOutNote = notSent.length > 0 ? `; ${notSent.length} not sent (${notSent[0]})` : ''
    const rewriteNote =
      rewritten > 0 ? `; ${rewritten} with metadata.namespace rewritten to ${namespace}` : ''
    if (failed > 0) {
      const errors = findings.filter(f => f.severity === 'error')
      return {
        status: 'fail',
        message: `${failed} of ${sent} objects rejected or not sent: ${errors[0]?.message ?? details.at(-1)}${heldBackNote}`,
        details,
        findings,
        hint: 'The messages above are the API server’s own. Fix the manifest (unknown fields and immutable fields such as spec.selector are common causes).'
      }
    }
    if (unreadable.length > 0) {
      // What was sent passed, but a whole file was not sent: not verified, so it blocks (fail closed),
      // and its cause is the syntax error.
      return {
        status: 'fail',
        blockedBy: 'bundle-syntax',
        message: `${unreadable.join(', ')} not sent (does not parse); ${sentLine}, ${accepted} accepted${heldBackNote}`,
        details,
        findings
      }
    }
    if (warned > 0 || heldBack > 0 || notSent.length > 0 || rewritten > 0) {
      return {
        status: 'warn',
        message: `${sentLine}, ${accepted} accepted${warned ? `; ${warned} with server warnings` : ''}${heldBackNote}${rewriteNote}${leftOutNote}`,
        details,
        findings
      }
    }
    return {
      status: 'pass',
      message: `all ${docs.length} objects accepted by the server (dry-run, strict validation)${namespaceAdded ? `; metadata.namespace set to ${namespace} on the ${namespaceAdded} that had none` : ''}`,
      details
    }
  }
})

/**
 * Whether the document's kind is namespaced, as discovery says: a cluster-scoped object (a Namespace, a
 * ClusterRole) does not wait for the namespace. A kind the server does not serve is sent, and reported so.
 */
async function livesInNamespace(session: ClusterReader, doc: KubeObjectJson): Promise<boolean> {
  const resource = await session.resourceFor(doc.apiVersion ?? '', doc.kind ?? '')
  return resource?.namespaced === true
}

import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { usableCluster } from './cluster-common.js'

function minorOf(version: string): { major: number; minor: number } | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(version)
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined
}

/** "Verify kubectl version compatibility": the client within one minor version of the server. */
export const kubectlVersionCheck = defineCheck({
  id: 'kubectl-version',
  title: 'Verify kubectl version compatibility (within 1 minor version)',
  item: 'kubectl-version-skew',
  needs: ['cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const client = ctx.options.kubectlVersion ?? (await ctx.localKubectl?.())
    if (!client) {
      return {
        status: 'skip',
        skipReason: 'not-applicable',
        message: 'no kubectl on PATH and no kubectl-version given: skew not checked',
        hint: 'Set kubectl-version to the kubectl your deploy job uses.'
      }
    }
    const server = (await cluster.session.version()).gitVersion
    const c = minorOf(client)
    const s = minorOf(server)
    if (!c || !s) return { status: 'error', message: `cannot compare versions "${client}" and "${server}"` }
    const skew = c.minor - s.minor
    const source = ctx.options.kubectlVersion ? 'kubectl-version' : 'kubectl on PATH'
    if (c.major !== s.major || Math.abs(skew) > 1) {
      return {
        status: 'fail',
        message: `kubectl ${client} (${source}) is ${Math.abs(skew)} minor versions ${skew > 0 ? 'newer' : 'older'} than the server ${server}; supported skew is ±1`,
        hint: `Use kubectl v${s.major}.${s.minor}.x (±1 minor) in the deploy job.`,
        data: { client, server }
      }
    }
    return {
      status: 'pass',
      message: `kubectl ${client} (${source}) vs server ${server}: within ±1 minor`,
      data: { client, server }
    }
  }
})

/**
 * "All three deployments have updated image IDs": each Deployment of the bundle runs the bundle's images
 * — in its template, and in every pod of its current ReplicaSet, whose containers report the image and
 * the image ID the node pulled.
 */
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'
import { explainApiError, usableCluster } from './cluster-common.js'
import {
  bundleDeployments,
  currentReplicaSet,
  liveDeployments,
  livePods,
  liveReplicaSets,
  podsOf
} from './verify-common.js'

interface ContainerStatus {
  name: string
  image?: string
  imageID?: string
}

/** Registries report `docker.io/library/x:1` for `x:1`: compare without the implied prefixes. */
const normalise = (image: string): string => image.replace(/^docker\.io\/(library\/)?/, '')

export const verifyImagesCheck = defineCheck({
  id: 'verify-images',
  title: 'All deployments have updated image IDs',
  item: 'success-images-updated',
  needs: ['bundle', 'cluster'],
  async run(ctx): Promise<CheckOutcome> {
    const cluster = await usableCluster(ctx)
    if ('outcome' in cluster) return cluster.outcome
    const client = cluster.session
    try {
      const [deployments, replicaSets, pods] = await Promise.all([
        liveDeployments(client, ctx),
        liveReplicaSets(client, ctx),
        livePods(client, ctx)
      ])
      const problems: string[] = []
      const details: string[] = []
      const imageIds: Record<string, string[]> = {}
      for (const wanted of bundleDeployments(ctx)) {
        const live = deployments.find(d => d.metadata?.name === wanted.name)
        if (!live) {
          problems.push(`${wanted.name} does not exist in ${ctx.options.namespace}`)
          continue
        }
        const template: Array<{ name: string; image: string }> = live.spec?.template?.spec?.containers ?? []
        for (const [container, image] of Object.entries(wanted.images)) {
          const running = template.find(c => c.name === container)?.image
          if (running !== image)
            problems.push(
              `${wanted.name}/${container} runs ${running ?? '(no such container)'}, the bundle has ${image}`
            )
        }
        const rs = currentReplicaSet(live, replicaSets)
        const rsPods = rs ? podsOf(rs, pods) : []
        if (rsPods.length === 0 && (live.spec?.replicas ?? 1) > 0)
          problems.push(`${wanted.name} has no pods of its current template`)
        for (const pod of rsPods) {
          const statuses = (pod.status?.containerStatuses ?? []) as ContainerStatus[]
          if (statuses.length === 0)
            problems.push(`${pod.metadata?.name} has not started (no container status)`)
          for (const status of statuses) {
            const image = wanted.images[status.name]
            if (!image) continue
            if (!status.imageID)
              problems.push(`${pod.metadata?.name}/${status.name} has no image ID yet (not started)`)
            else if (normalise(status.image ?? '') !== normalise(image))
              problems.push(
                `${pod.metadata?.name}/${status.name} reports image ${status.image}, not ${image}`
              )
            else (imageIds[wanted.name] ??= []).push(status.imageID)
          }
        }
        details.push(
          `${wanted.name}: ${Object.values(wanted.images).join(', ')} in ${rsPods.length} pod(s) of ${rs?.metadata?.name ?? '(no current ReplicaSet)'}`
        )
      }
      if (problems.length > 0) {
        return {
          status: 'fail',
          message: `not running the bundle's images: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`,
          details: [...details, ...problems],
          hint: 'Apply deployment.yaml from this bundle (an image left at the old tag means the deploy missed that Deployment), then verify again.'
        }
      }
      return {
        status: 'pass',
        message: `every Deployment runs the bundle's images (${Object.keys(imageIds).length} with image IDs reported)`,
        details,
        data: { imageIds }
      }
    } catch (error) {
      return { status: 'error', message: `cannot read the Deployments: ${explainApiError(error)}` }
    }
  }
})

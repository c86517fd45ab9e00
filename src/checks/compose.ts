import type { CheckOutcome, Finding } from '../core/types.js'
import { defineCheck, type CheckContext } from '../core/check.js'
import { positionOf } from '../bundle/parse.js'
import { COMPOSE_FILE } from '../core/defaults.js'
import { isMap } from './is-map.js'
import { where } from '../core/finding.js'

const NO_IMAGE_HINT = 'Give every service an `image:` (or a `build:` context).'

/** docker-compose.yml: a non-empty `services` map whose every service names an image, a build or a base. */
export const composeCheck = defineCheck({
  id: 'compose',
  title: 'docker-compose.yml defines runnable services',
  item: 'review-artifact-generation',
  needs: ['bundle'],
  notApplicable({ options, bundle }: CheckContext) {
    return options.expectedFiles.includes(COMPOSE_FILE) || bundle?.has(COMPOSE_FILE)
      ? undefined
      : `the bundle has no ${COMPOSE_FILE}`
  },
  async run({ bundle }): Promise<CheckOutcome> {
    if (!bundle!.has(COMPOSE_FILE)) {
      return {
        status: 'skip',
        skipReason: 'prerequisite-failed',
        blockedBy: 'bundle-files',
        message: `not run: ${COMPOSE_FILE} is missing`
      }
    }
    const parsed = bundle!.parsed(COMPOSE_FILE)
    if (parsed.errors.length > 0) {
      return {
        status: 'skip',
        skipReason: 'prerequisite-failed',
        blockedBy: 'bundle-syntax',
        message: `not run: ${COMPOSE_FILE} does not parse`
      }
    }
    const doc = parsed.documents[0]
    const services = isMap(doc?.value) ? doc.value.services : undefined
    if (!isMap(services) || Object.keys(services).length === 0) {
      const at = positionOf(parsed, services === undefined ? [] : ['services'], doc)
      return {
        status: 'fail',
        message: `${COMPOSE_FILE} has no "services" map`,
        findings: [{ severity: 'error', ...at, message: 'no top-level "services" map' }],
        hint: 'A compose file needs `services:` with at least one service.'
      }
    }
    const findings: Finding[] = []
    for (const [name, service] of Object.entries(services)) {
      // Positions parse the file a second time: only a finding asks for one.
      const at = () => positionOf(parsed, ['services', name], doc)
      if (!isMap(service)) {
        findings.push({ severity: 'error', ...at(), message: `service "${name}" is not a mapping` })
        continue
      }
      const image = service.image
      const hasImage = typeof image === 'string' && image.trim() !== ''
      const hasBuild = typeof service.build === 'string' || isMap(service.build)
      if (!hasImage && !hasBuild && service.extends === undefined) {
        findings.push({
          severity: 'error',
          ...at(),
          message: `service "${name}" has neither "image" nor "build"`,
          hint: NO_IMAGE_HINT
        })
      } else if (hasImage && /:latest$/.test(image as string)) {
        findings.push({
          severity: 'warning',
          ...positionOf(parsed, ['services', name, 'image'], doc),
          message: `service "${name}" uses ${image as string}: pin a version`,
          hint: 'Pin the image to a version tag or digest, so that the deploy is reproducible.'
        })
      }
    }
    const errors = findings.filter(f => f.severity === 'error')
    const details = findings.map(f => `${where(f)} ${f.severity}: ${f.message}`)
    const count = Object.keys(services).length
    if (errors.length > 0) {
      return {
        status: 'fail',
        message: errors.map(f => f.message).join('; '),
        details,
        findings,
        hint: NO_IMAGE_HINT
      }
    }
    if (findings.length > 0)
      return { status: 'warn', message: `${count} services; ${findings[0].message}`, details, findings }
    return {
      status: 'pass',
      message: `${count} services, each with an image or build (${Object.keys(services).join(', ')})`
    }
  }
})

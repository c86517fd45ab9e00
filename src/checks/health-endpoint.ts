import type { Check } from '../core/check.js'
import { ENDPOINT_SECTION, checkEndpoints } from './endpoint-common.js'

/** "Verify health endpoints respond (200 OK)", probed `probe-count` times with p50/p95 latency. */
export const healthEndpointCheck: Check = {
  id: 'health-endpoint',
  title: 'Verify health endpoints respond (200 OK)',
  section: ENDPOINT_SECTION,
  needs: ['network'],
  notApplicable: ctx => (ctx.options.healthUrl ? undefined : 'no health-url given'),
  run: ctx => checkEndpoints([ctx.options.healthUrl!], ctx.options, 'health endpoint')
}

import { defineCheck } from '../core/check.js'
import { checkEndpoints } from './endpoint-common.js'

/** "Verify health endpoints respond (200 OK)", probed `probe-count` times with p50/p95 latency. */
export const healthEndpointCheck = defineCheck({
  id: 'health-endpoint',
  title: 'Verify health endpoints respond (200 OK)',
  item: 'services-responsive',
  needs: ['network'],
  notApplicable: ctx => (ctx.options.healthUrl ? undefined : 'no health-url given'),
  run: ctx => checkEndpoints([ctx.options.healthUrl!], ctx.options, 'health endpoint')
})

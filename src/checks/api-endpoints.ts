import { defineCheck } from '../core/check.js'
import { checkEndpoints } from './endpoint-common.js'

/** "API endpoints respond to test requests": each of `api-urls`, expected 200. */
export const apiEndpointsCheck = defineCheck({
  id: 'api-endpoints',
  title: 'Verify API endpoints respond to test requests',
  item: 'services-responsive',
  needs: ['network'],
  notApplicable: ctx => (ctx.options.apiUrls.length > 0 ? undefined : 'no api-urls given'),
  run: ctx =>
    checkEndpoints(ctx.options.apiUrls, ctx.options, `${ctx.options.apiUrls.length} API endpoint(s)`)
})

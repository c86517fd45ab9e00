import type { Check } from '../types.js';
/**
 * "kubectl apply --dry-run=server": every document of configmap.yaml and deployment.yaml goes through a
 * server-side apply with dryRun=All and strict field validation. Unknown fields, wrong types, immutable
 * field changes and admission rejections come back with the server's own message; warnings are kept.
 */
export declare const dryRunCheck: Check;

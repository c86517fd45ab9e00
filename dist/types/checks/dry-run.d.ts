/**
 * "kubectl apply --dry-run=server": every document of configmap.yaml and deployment.yaml goes through a
 * server-side apply with dryRun=All and strict field validation. Unknown fields, wrong types, immutable
 * field changes and admission rejections come back with the server's own message; warnings are kept.
 * The result says what was sent: a namespace set to the target, and every document left out, with why.
 */
export declare const dryRunCheck: import("../core/check.js").Check;

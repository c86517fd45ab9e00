/**
 * Manifest sanity, offline: every document is a Kubernetes object with apiVersion, kind and
 * metadata.name; the expected Deployments and ConfigMap are there; namespaces agree with the target;
 * and the mistakes the server would reject (selector not matching the template, non-string ConfigMap
 * values) are caught before any cluster is involved.
 */
export declare const manifestsCheck: import("../core/check.js").Check;

import { type BundleLimits } from './bundle/limits.js';
/** A validated, complete set of options. */
export interface PreflightOptions {
    /** A deployment-artifacts .zip or a directory holding its files. */
    bundlePath: string;
    /** File names the bundle must contain (relative to its root). */
    expectedFiles: string[];
    /** The namespace the bundle deploys to; namespaced manifests must agree with it. */
    namespace: string;
    /** Deployments that `deployment.yaml` must hold (and, later, that the cluster checks inspect). */
    deployments: string[];
    /** The ConfigMap that `configmap.yaml` must hold (and, later, that is backed up). */
    configMap: string;
    /**
     * Declares cluster and network checks out of scope: they are reported as skipped, do not block, and the
     * report says the decision covers the bundle only.
     */
    offline: boolean;
    limits: BundleLimits;
    /** Where zips are extracted (a fresh sub-directory per run). */
    workDir: string;
}
/** What a caller may pass: only `bundlePath` is required; lists may be arrays or list strings. */
export interface PreflightInput {
    bundlePath: string;
    expectedFiles?: string[] | string;
    namespace?: string;
    deployments?: string[] | string;
    configMap?: string;
    offline?: boolean;
    limits?: Partial<BundleLimits>;
    workDir?: string;
}
/** Validates and completes `input`. Throws `UsageError` with a message that says how to fix it. */
export declare function resolveOptions(input: PreflightInput): PreflightOptions;

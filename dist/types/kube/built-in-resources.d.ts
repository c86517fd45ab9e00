/**
 * Kinds every conformant API server serves, at the versions it serves them (core v1 and apps/v1, GA since
 * Kubernetes 1.9 and the only versions left since 1.16): their resource names and scope are facts of the
 * API, so a bundle of these kinds needs no discovery request. Any other apiVersion/kind (another version,
 * another group, a CRD) is looked up in discovery as the server describes it.
 */
import type { ApiResource } from '../core/check.js';
export declare const BUILT_IN_RESOURCES: Readonly<Record<string, readonly ApiResource[]>>;
/** The built-in resource of `kind` in `apiVersion`, or undefined when discovery must say. */
export declare const builtInResource: (apiVersion: string, kind: string) => ApiResource | undefined;

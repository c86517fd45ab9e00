/**
 * Loads the KubeConfig: from content given as an input (raw YAML or base64, written 0600 to a temp file
 * that is removed afterwards), from a path, or client-node's defaults (KUBECONFIG, ~/.kube/config,
 * in-cluster). Also collects every secret in it so adapters can mask them, and what it takes to run the
 * current user's exec credential plugin (see exec-credential.ts).
 */
import type { KubeconfigSource } from '../core/options.js';
import { KubeConfig } from '@kubernetes/client-node';
import type { ExecPluginSource } from './exec-credential.js';
/** How the caller named the kubeconfig. */
export type { KubeconfigSource };
export { decodeKubeconfig, kubeconfigSecrets } from './kubeconfig-text.js';
export interface LoadedKubeConfig {
    kubeConfig: KubeConfig;
    /** Secrets found in the kubeconfig (the content given, or the files read), to mask. */
    secrets: string[];
    /** Where it came from, for messages (never the content). */
    origin: string;
    /** The current user's exec credential plugin, when it has one: run by ExecCredentials, never by client-node. */
    exec?: ExecPluginSource;
}
/** Loads and validates a KubeConfig; `context` switches the current context. */
export declare function loadKubeConfig(source: KubeconfigSource, context?: string): LoadedKubeConfig;

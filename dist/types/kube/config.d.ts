import { KubeConfig } from '@kubernetes/client-node';
import type { ExecPluginSource } from './exec-credential.js';
/** How the caller named the kubeconfig. */
export type KubeconfigSource = {
    kind: 'content';
    content: string;
} | {
    kind: 'path';
    path: string;
} | {
    kind: 'default';
};
/** Decodes kubeconfig content given as raw YAML or base64; throws a UsageError that says what to pass. */
export declare function decodeKubeconfig(content: string): string;
/** Every value in a kubeconfig that must never be printed (tokens, keys, passwords, cert data, exec env secrets). */
export declare function kubeconfigSecrets(yamlText: string): string[];
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

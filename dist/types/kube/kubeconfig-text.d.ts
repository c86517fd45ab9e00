/** Decodes kubeconfig content given as raw YAML or base64; throws a UsageError that says what to pass. */
export declare function decodeKubeconfig(content: string): string;
export interface RawKubeconfig {
    clusters?: Array<{
        name?: unknown;
        cluster?: Record<string, unknown>;
    } | null>;
    users?: Array<{
        name?: unknown;
        user?: Record<string, unknown>;
    } | null>;
}
export declare function secretsIn(doc: RawKubeconfig | null | undefined): string[];
/** Every value in a kubeconfig that must never be printed (tokens, keys, passwords, cert data, exec env secrets). */
export declare function kubeconfigSecrets(yamlText: string): string[];

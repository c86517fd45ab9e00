/** Decodes kubeconfig content given as raw YAML or base64; throws a UsageError that says what to pass. */
export declare function decodeKubeconfig(content: string): string;
/**
 * Parses kubeconfig text. Warnings are not logged: yaml prints them to stderr quoting the file around the
 * problem (a map used as a key, say), which may hold a token, and before the adapter can mask it.
 */
export declare const parseKubeconfig: (text: string) => unknown;
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

import type { KubeConfig } from '@kubernetes/client-node';
/** How long a plugin may take to print its credential. client-go has no limit; a gate must not hang. */
export declare const DEFAULT_EXEC_TIMEOUT_MS = 30000;
/** Everything needed to run the current user's plugin; built by loadKubeConfig. */
export interface ExecPluginSource {
    /** The kubeconfig user the plugin authenticates (for messages). */
    user: string;
    /** `users[].user.exec` as written in the kubeconfig. */
    exec: unknown;
    /** Where a relative command with a slash is resolved: the directory of the kubeconfig that defines the user. */
    baseDir: string;
    /** The current cluster as written (kubeconfig field names), for KUBERNETES_EXEC_INFO (provideClusterInfo). */
    cluster: Record<string, unknown>;
    /** The cluster's certificate-authority file, already made absolute by client-node. */
    caFile?: string;
}
/** What a plugin printed: a bearer token, or a client certificate and key (PEM). */
export interface ExecCredential {
    token?: string;
    clientCertificateData?: string;
    clientKeyData?: string;
    /** Epoch ms; undefined = valid for the whole run. */
    expiresAt?: number;
}
/** The plugin could not give a credential; the message says which plugin, for which user, and what to do. */
export declare class ExecCredentialError extends Error {
    name: string;
}
/** Every string of a credential to mask: the values, and each line of a PEM (log lines are masked one by one). */
export declare function credentialSecrets(credential: ExecCredential): string[];
/**
 * Runs the plugin once and returns its credential. Throws an ExecCredentialError that names the plugin and
 * the user: a timeout, a plugin that cannot start or exits non-zero (with its stderr, bounded and with
 * credentials removed), output that is not an ExecCredential of the configured apiVersion, interactiveMode
 * Always. What the plugin prints on stdout is never quoted.
 */
export declare function runExecPlugin(source: ExecPluginSource, options: {
    timeoutMs: number;
    knownSecrets?: readonly string[];
}): Promise<ExecCredential>;
/**
 * The current user's credential from its exec plugin, for one run. From construction on, the user in the
 * KubeConfig has no `exec` (client-node would run it without a time limit); each credential obtained is put in
 * its place. The first failure is final: a plugin that hung once costs the run one timeout, not one per request.
 */
export declare class ExecCredentials {
    private readonly kubeConfig;
    private readonly source;
    private readonly options;
    private readonly userIndex;
    private readonly original;
    private credential?;
    private failure?;
    private pending?;
    private prepared;
    /** Every secret the plugin has returned in this run. */
    readonly secrets: string[];
    constructor(kubeConfig: KubeConfig, source: ExecPluginSource, options: {
        timeoutMs: number;
        /** The kubeconfig's own secrets, removed from the plugin's stderr before it is shown. */
        knownSecrets?: readonly string[];
        /** Called with the secrets of each credential obtained after `prepare()` (refreshes), before it is used. */
        onSecrets?: (secrets: string[]) => void;
    });
    /** Obtains the first credential (its secrets are then in `secrets`); never throws: a failure waits for `current()`. */
    prepare(): Promise<void>;
    /** A credential valid for at least a few seconds more, obtained again when needed (one plugin run at a time). */
    current(): Promise<ExecCredential>;
    private obtain;
    /** Puts the user back into the KubeConfig without its plugin, with the credential when there is one. */
    private install;
}

export declare function kubectlClientVersion(): Promise<string | undefined>;

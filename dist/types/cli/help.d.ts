/** The whole `--help` text. */
export declare function helpText(): string;

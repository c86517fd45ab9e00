export declare const EXIT: {
    readonly go: 0;
    readonly noGo: 1;
    readonly error: 2;
};
export declare const HELP: string;
export interface CliIO {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
}
/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws. */
export declare function main(argv: string[], io?: CliIO): Promise<number>;

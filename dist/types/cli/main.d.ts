import { EXIT, type CliIO } from './io.js';
export { EXIT, type CliIO };
/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws. */
export declare function main(argv: string[], io?: CliIO): Promise<number>;

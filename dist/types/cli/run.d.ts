import { type Flags } from './flags.js';
import { type CliIO } from './io.js';
/** Runs the preflight (or verify) the flags ask for; returns the exit code, throws `UsageError` on bad flags. */
export declare function runCli(flags: Flags, io: CliIO, onStop: (stop: () => void) => void): Promise<number>;

export declare const MAX_STDOUT_BYTES: number;
export type RunOutcome = {
    kind: 'exited';
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
} | {
    kind: 'timed-out' | 'too-much-output';
    stderr: string;
} | {
    kind: 'not-started';
    error: NodeJS.ErrnoException;
};
/**
 * Runs a command in its own process group with no standard input. When it overruns `timeoutMs` (or floods
 * stdout) the whole group gets SIGTERM, then SIGKILL after a grace period, so nothing it started survives it.
 * Settles once the process is gone (after a stop, as soon as the leader has exited); never rejects.
 */
export declare function runProcessGroup(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunOutcome>;

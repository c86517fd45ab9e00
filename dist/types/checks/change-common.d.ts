/**
 * What the two change checks share: which commit of which repository is deployed, and one lazily created
 * GitHub reader (the client is loaded only when a change check runs).
 */
import type { ArtifactOrigin } from '../github/artifact.js';
import type { ChangeReader } from '../github/changes.js';
import type { ChangeSpec } from '../options.js';
import type { CheckOutcome } from '../types.js';
export interface ChangeTarget {
    repository: string;
    commit: string;
    /** Where the commit came from, for messages. */
    source: string;
    spec: ChangeSpec;
    reader(): Promise<ChangeReader>;
}
/** The commit deployed: the user's, else the bundle's build run's, else this run's. */
export declare function changeTarget(spec: ChangeSpec | undefined, origin: ArtifactOrigin | undefined, requestTimeoutMs: number): ChangeTarget | {
    problem: string;
} | undefined;
/** Why the change checks do not apply when there is no target. */
export declare const NO_TARGET = "no commit to check (check-changes is off, or no --commit and --repository outside GitHub Actions)";
export declare const short: (sha: string) => string;
/** A GitHub failure as an `error` outcome naming the permission to grant. */
export declare function githubProblem(error: unknown, doing: string, needs: 'contents: read' | 'pull-requests: read'): Promise<CheckOutcome>;

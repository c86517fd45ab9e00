/**
 * What the two change checks share: which commit of which repository is deployed, and one lazily created
 * GitHub reader (the client is loaded only when a change check runs).
 */
import type { ChangePermission, ChangeReader, ChangeTarget } from '../core/check.js';
import type { ArtifactOrigin } from '../core/types.js';
import type { ChangeSpec } from '../core/options.js';
import type { CheckOutcome } from '../core/types.js';
export type { ChangeTarget };
/** The commit deployed: the user's, else the bundle's build run's, else this run's. */
export declare function changeTarget(spec: ChangeSpec | undefined, origin: ArtifactOrigin | undefined, openReader: (spec: ChangeSpec, repository: string) => Promise<ChangeReader>): ChangeTarget | {
    problem: string;
} | undefined;
/** Why the change checks do not apply when there is no target. */
export declare const NO_TARGET = "no commit to check (check-changes is off, or no --commit and --repository outside GitHub Actions)";
export declare const short: (sha: string) => string;
/** A failure of the change history's reader as an `error` outcome naming the permission to grant. */
export declare function changeProblem(reader: ChangeReader, error: unknown, doing: string, needs: ChangePermission): CheckOutcome;

import type { ArtifactOrigin, CheckOutcome } from '../core/types.js';
import type { ArtifactSpec } from '../core/options.js';
/** Which artifact to fetch. */
export type { ArtifactSpec };
/** Where the bundle came from: shown in the summary, the tracking issue and the `bundle-source` output. */
export type { ArtifactOrigin };
export type ArtifactDownload = {
    ok: true;
    zipPath: string;
    origin: ArtifactOrigin;
    outcome: CheckOutcome;
} | {
    ok: false;
    origin?: Partial<ArtifactOrigin>;
    outcome: CheckOutcome;
};
/**
 * Downloads the artifact's zip into a fresh directory under `workDir`. Never throws: every problem is
 * a failing outcome whose message says what to change.
 */
export declare function downloadArtifactBundle(spec: ArtifactSpec, workDir: string): Promise<ArtifactDownload>;

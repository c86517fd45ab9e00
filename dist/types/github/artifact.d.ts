import type { CheckOutcome } from '../types.js';
/** Which artifact to fetch. */
export interface ArtifactSpec {
    name: string;
    /** The workflow run that uploaded it; undefined = this run (through the Actions runtime). */
    runId?: number;
    /** owner/name; undefined = this repository. */
    repository?: string;
    /** Needs `actions: read` on `repository` for another run. */
    token?: string;
    /** The run's context: REST base URL, web URL, this repository and run. */
    apiUrl: string;
    serverUrl: string;
    currentRepository?: string;
    currentRunId?: number;
}
/** Where the bundle came from: shown in the summary, the tracking issue and the `bundle-source` output. */
export interface ArtifactOrigin {
    name: string;
    artifactId: number;
    repository: string;
    runId: number;
    /** The artifact's page, e.g. https://github.com/o/r/actions/runs/7/artifacts/42: run and id in one link. */
    url: string;
    runUrl: string;
    sizeBytes?: number;
    /** `sha256:<hex>` as GitHub published it, when it did. */
    digest?: string;
    /** The commit the uploading run built (what is deployed), when GitHub said. */
    headSha?: string;
}
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

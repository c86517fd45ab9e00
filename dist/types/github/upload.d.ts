export interface KitUpload {
    ok: boolean;
    message: string;
    artifactId?: number;
    name: string;
}
/** Artifact names allow neither these characters nor a trailing dot or space. */
export declare function kitArtifactName(key: string): string;
/**
 * Uploads `files` (all in one directory) as artifact `name`, kept `retentionDays`. Never throws: a
 * failure is returned with GitHub's reason.
 */
export declare function uploadRollbackKit(name: string, files: string[], retentionDays?: number): Promise<KitUpload>;

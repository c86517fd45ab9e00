import { dirname, basename } from 'node:path';
import { d as describeError } from './errors-aSDtUpQk.js';

/**
 * Uploads the rollback kit (the JSON report and the ConfigMap backup) as an artifact of this run, so a
 * deploy job or a person rolling back can fetch it after this job's RUNNER_TEMP is gone.
 */
/** Artifact names allow neither these characters nor a trailing dot or space. */
function kitArtifactName(key) {
    return `vapora-preflight-${key}`.replace(/[\\/":<>|*?\r\n\s]+/g, '-').replace(/[-.]+$/, '');
}
/**
 * Uploads `files` (all in one directory) as artifact `name`, kept `retentionDays`. Never throws.
 */
async function uploadRollbackKit(name, files, retentionDays = 30) {
    try {
        const { DefaultArtifactClient } = await import('./artifact-CaSZoX8D.js');
        const root = dirname(files[0]);
        const result = await new DefaultArtifactClient().uploadArtifact(name, files, root, { retentionDays });
        return {
            ok: true,
            name,
            artifactId: result.id,
            message: `uploaded ${files.map(f => basename(f)).join(', ')} as artifact "${name}"${result.id ? ` (id ${result.id})` : ''}`
        };
    }
    catch (error) {
        return {
            ok: false,
            name,
            message: `uploading artifact "${name}": ${describeError(error).split('\n')[0]}`
        };
    }
}

export { kitArtifactName, uploadRollbackKit };

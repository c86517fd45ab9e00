'use strict';

var path = require('node:path');
var version = require('./version-Sfzk9NQZ.js');

/**
 * Uploads the rollback kit (the JSON report and the ConfigMap backup) as an artifact of this run, so a
 * deploy job or a person rolling back can fetch it after this job's RUNNER_TEMP is gone.
 */
/** Artifact names allow neither these characters nor a trailing dot or space. */
function kitArtifactName(key) {
    return `vapora-preflight-${key}`.replace(/[\\/":<>|*?\r\n\s]+/g, '-').replace(/[-.]+$/, '');
}
/**
 * Uploads `files` (all in one directory) as artifact `name`, kept `retentionDays`. Never throws: a
 * failure is returned with GitHub's reason.
 */
async function uploadRollbackKit(name, files, retentionDays = 30) {
    const { DefaultArtifactClient } = await Promise.resolve().then(function () { return require('./artifact-CvJeinGu.js'); });
    const root = path.dirname(files[0]);
    const upload = async (as) => {
        const result = await new DefaultArtifactClient().uploadArtifact(as, files, root, { retentionDays });
        return {
            ok: true,
            name: as,
            artifactId: result.id,
            message: `uploaded ${files.map(f => path.basename(f)).join(', ')} as artifact "${as}"${result.id ? ` (id ${result.id})` : ''}`
        };
    };
    let failure;
    try {
        return await upload(name);
    }
    catch (error) {
        failure = error;
    }
    // The name is taken when the action runs twice in one workflow run (two steps, a re-run): keep both.
    if (/already exists/i.test(version.describeError(failure))) {
        try {
            return await upload(`${name}-${Date.now()}`);
        }
        catch (error) {
            failure = error;
        }
    }
    return {
        ok: false,
        name,
        message: `uploading artifact "${name}": ${version.describeError(failure).split('\n')[0]}`
    };
}

exports.kitArtifactName = kitArtifactName;
exports.uploadRollbackKit = uploadRollbackKit;

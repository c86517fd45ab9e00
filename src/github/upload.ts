/**
 * Uploads the rollback kit (the JSON report and the ConfigMap backup) as an artifact of this run, so a
 * deploy job or a person rolling back can fetch it after this job's RUNNER_TEMP is gone.
 */
import { basename, dirname } from 'node:path'
import { describeError } from '../core/errors.js'

export interface KitUpload {
  ok: boolean
  message: string
  artifactId?: number
  name: string
}

/** Artifact names allow neither these characters nor a trailing dot or space. */
export function kitArtifactName(key: string): string {
  return `vapora-preflight-${key}`.replace(/[\\/":<>|*?\r\n\s]+/g, '-').replace(/[-.]+$/, '')
}

/**
 * Uploads `files` (all in one directory) as artifact `name`, kept `retentionDays`. Never throws: a
 * failure is returned with GitHub's reason.
 */
export async function uploadRollbackKit(
  name: string,
  files: string[],
  retentionDays = 30
): Promise<KitUpload> {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const root = dirname(files[0])
  const upload = async (as: string): Promise<KitUpload> => {
    const result = await new DefaultArtifactClient().uploadArtifact(as, files, root, { retentionDays })
    return {
      ok: true,
      name: as,
      artifactId: result.id,
      message: `uploaded ${files.map(f => basename(f)).join(', ')} as artifact "${as}"${result.id ? ` (id ${result.id})` : ''}`
    }
  }
  let failure: unknown
  try {
    return await upload(name)
  } catch (error) {
    failure = error
  }
  // The name is taken when the action runs twice in one workflow run (two steps, a re-run): keep both.
  if (/already exists/i.test(describeError(failure))) {
    try {
      return await upload(`${name}-${Date.now()}`)
    } catch (error) {
      failure = error
    }
  }
  return {
    ok: false,
    name,
    message: `uploading artifact "${name}": ${describeError(failure).split('\n')[0]}`
  }
}

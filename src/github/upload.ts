/**
 * Uploads the rollback kit (the JSON report and the ConfigMap backup) as an artifact of this run, so a
 * deploy job or a person rolling back can fetch it after this job's RUNNER_TEMP is gone.
 */
import { basename, dirname } from 'node:path'
import { describeError } from '../errors.js'

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
 * Uploads `files` (all in one directory) as artifact `name`, kept `retentionDays`. Never throws.
 */
export async function uploadRollbackKit(
  name: string,
  files: string[],
  retentionDays = 30
): Promise<KitUpload> {
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const root = dirname(files[0])
    const result = await new DefaultArtifactClient().uploadArtifact(name, files, root, { retentionDays })
    return {
      ok: true,
      name,
      artifactId: result.id,
      message: `uploaded ${files.map(f => basename(f)).join(', ')} as artifact "${name}"${result.id ? ` (id ${result.id})` : ''}`
    }
  } catch (error) {
    return {
      ok: false,
      name,
      message: `uploading artifact "${name}": ${describeError(error).split('\n')[0]}`
    }
  }
}

/** Keeps the rollback kit (the report and the ConfigMap backup) as an artifact of the Actions run. */
import { existsSync } from 'node:fs'
import { dataKey, readData } from '../core/check-data.js'
import { ROLLBACK_KIT_UPLOAD } from '../core/results.js'
import { timed, type Step, type StepOutcome } from './step.js'

/** What the kit upload leaves: the artifact it made. */
export interface KitUploadData {
  artifactId?: number
  name?: string
}
export const KIT_UPLOAD_DATA = dataKey<KitUploadData>(ROLLBACK_KIT_UPLOAD.id)

export const rollbackKitStep: Step = {
  spec: ROLLBACK_KIT_UPLOAD,
  async run(report, context): Promise<StepOutcome | undefined> {
    const { settings, run } = context
    if (!settings.uploadRollbackKit) return undefined
    const result = await timed(ROLLBACK_KIT_UPLOAD, async () => {
      if (!run.hasActionsRuntime) {
        return {
          status: 'skip',
          skipReason: 'not-applicable',
          message: 'not applicable: no Actions runtime (ACTIONS_RUNTIME_TOKEN) to upload to'
        }
      }
      // The kit holds the report as it stands now: every result but this upload's own.
      const reportPath = context.writeReport(report)
      const backup = report.rollback?.configMapBackupPath
      const files = [reportPath, ...(backup && existsSync(backup) ? [backup] : [])]
      const { kitArtifactName, uploadRollbackKit } = await import('../github/upload.js')
      const upload = await uploadRollbackKit(kitArtifactName(settings.issueKey), files)
      return upload.ok
        ? {
            status: 'pass',
            message: upload.message,
            data: { artifactId: upload.artifactId, name: upload.name } satisfies KitUploadData
          }
        : {
            // Not blocking: the deploy is no less safe, and the revisions and undo commands are in the
            // summary and the issue. But the backup file now lives only in this job, as the warning says.
            status: 'warn',
            message: `rollback kit not kept: ${upload.message}`,
            hint: 'The ConfigMap backup exists only in this job (output configmap-backup-path): copy it before the job ends, or re-run.'
          }
    })
    const id = readData([result], KIT_UPLOAD_DATA)?.artifactId
    const kitUrl =
      id && run.runUrl ? `${run.runUrl.replace(/\/attempts\/\d+$/, '')}/artifacts/${id}` : undefined
    return { result, facts: { kitUrl } }
  }
}

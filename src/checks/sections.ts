/** Checklist section names that checks report under (the seed's headings). */
export const SECTION = {
  artifacts: '2 Hours Before Deployment › Artifact Preparation',
  codeReview: '24 Hours Before Deployment › Code Review & Validation',
  cluster: '4 Hours Before Deployment › Environment Verification',
  changeDocs: '24 Hours Before Deployment › Change Documentation',
  communication: '1 Hour Before Deployment › Communication Setup',
  finalChecks: '15 Minutes Before Deployment › Final Go/No-Go Decision',
  rollbackPlan: '2 Hours Before Deployment › Rollback Plan Verification'
} as const

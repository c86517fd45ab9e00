/** Checklist section names that checks report under (the seed's headings). */
export declare const SECTION: {
    readonly artifacts: "2 Hours Before Deployment › Artifact Preparation";
    readonly codeReview: "24 Hours Before Deployment › Code Review & Validation";
    readonly cluster: "4 Hours Before Deployment › Environment Verification";
    readonly changeDocs: "24 Hours Before Deployment › Change Documentation";
    readonly communication: "1 Hour Before Deployment › Communication Setup";
    readonly finalChecks: "15 Minutes Before Deployment › Final Go/No-Go Decision";
    readonly rollbackPlan: "2 Hours Before Deployment › Rollback Plan Verification";
};

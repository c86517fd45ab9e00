/** Action input and output names: the one place they are spelled (action.yml must agree; a test checks). */
export declare const INPUT: {
    readonly bundlePath: "bundle-path";
    readonly expectedFiles: "expected-files";
    readonly namespace: "namespace";
    readonly deployments: "deployments";
    readonly configMap: "configmap";
    readonly offline: "offline";
    readonly kubeconfig: "kubeconfig";
    readonly context: "context";
    readonly kubectlVersion: "kubectl-version";
    readonly eventsWindow: "events-window";
    readonly capacityThreshold: "capacity-threshold";
    readonly artifactName: "artifact-name";
    readonly runId: "run-id";
    readonly repository: "repository";
    readonly githubToken: "github-token";
    readonly trackingIssue: "tracking-issue";
    readonly environment: "environment";
    readonly issueLabels: "issue-labels";
    readonly issueNumber: "issue-number";
    readonly issueKey: "issue-key";
    readonly uploadRollbackKit: "upload-rollback-kit";
};
export declare const OUTPUT: {
    readonly decision: "decision";
    readonly failedChecks: "failed-checks";
    readonly reportPath: "report-path";
    readonly revisions: "revisions";
    readonly configMapBackupPath: "configmap-backup-path";
    readonly issueNumber: "issue-number";
    readonly issueUrl: "issue-url";
    readonly bundleSource: "bundle-source";
};

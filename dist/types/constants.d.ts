/** Action input and output names: the one place they are spelled (action.yml must agree; a test checks). */
export declare const INPUT: {
    readonly bundlePath: "bundle-path";
    readonly expectedFiles: "expected-files";
    readonly namespace: "namespace";
    readonly deployments: "deployments";
    readonly configMap: "configmap";
    readonly offline: "offline";
};
export declare const OUTPUT: {
    readonly decision: "decision";
    readonly failedChecks: "failed-checks";
    readonly reportPath: "report-path";
};

/**
 * The machine report: the `Report` as JSON, with a published schema (schema/report.schema.json) and a
 * version. Keys are stable and always present: absent means `null`. `readJsonReport` reads one back (the
 * CLI's `--preflight-report`), accepting version 1 too for the fields verify needs.
 */
import type { Report, Verification } from '../core/types.js';
/** The JSON object of a report, keys in a fixed order (see the schema). */
export declare function reportJson(report: Report & {
    verification?: Verification;
}): {
    version: 2;
    tool: {
        name: string;
        version: string;
    };
    mode: import("../core/types.js").RunMode;
    decision: import("../core/types.js").Decision;
    scope: "full" | "bundle-only";
    reasons: import("../core/types.js").Reason[];
    rootCauses: {
        hint: string | null;
        check: string;
        prerequisite: boolean;
        message: string;
        blocks: string[];
    }[];
    failedChecks: string[];
    warnings: import("../core/types.js").Reason[];
    counts: import("../core/types.js").StatusCounts;
    startedAt: string;
    finishedAt: string;
    durationMs: number;
    namespace: string;
    bundle: {
        kind: "zip" | "directory";
        path: string;
        origin: {
            name: string;
            artifactId: number;
            repository: string;
            runId: number;
            url: string;
            runUrl: string;
            sizeBytes: number | null;
            digest: string | null;
            headSha: string | null;
        } | null;
        root: string | null;
        files: string[] | null;
    } | null;
    cluster: {
        server: string;
        version: string | null;
    } | null;
    rollback: {
        revisions: Record<string, number>;
        undoCommands: string[];
        configMapBackupPath: string | null;
    } | null;
    baseline: {
        endpoints: {
            p99Ms: number | null;
            url: string;
            p50Ms: number;
            p95Ms: number;
            errors: number;
            probes: number;
        }[];
        podRestarts: Record<string, number> | null;
        nodes: {
            name: string;
            cpuPct: number;
            memoryPct: number;
        }[] | null;
        nodeUsageSource: string | null;
        latencyThresholdMs: number | null;
    } | null;
    policy: {
        path: string;
        optionalItems: string[];
    } | null;
    results: {
        id: string;
        title: string;
        section: string;
        status: import("../core/types.js").Status;
        blocking: boolean;
        blockedBy: string | null;
        skipReason: "offline" | "not-applicable" | "prerequisite-failed" | "not-configured" | null;
        message: string;
        details: string[] | null;
        findings: {
            severity: "error" | "warning" | "notice";
            message: string;
            file: string | null;
            line: number | null;
            column: number | null;
            hint: string | null;
        }[] | null;
        hint: string | null;
        file: string | null;
        line: number | null;
        column: number | null;
        durationMs: number;
        data: object | null;
    }[];
    checklist: {
        items: {
            tickedBy: "tool" | "person" | null;
            id: string;
            text: string;
            section: string;
            group: string;
            phase: import("../core/types.js").RunMode;
            automated: boolean;
            optional: boolean;
            state: "passed" | "warning" | "failed" | "skipped" | "not-run" | "manual";
            ticked: boolean;
        }[];
        counts: {
            items: number;
            ticked: number;
            tickedByTool: number;
            tickedByPeople: number;
            notTickedByTool: number;
            leftForPeople: number;
        };
    };
    timings: {
        totalMs: number;
        bundleMs: number;
        checksMs: number;
    };
    verification: {
        verified: boolean;
        rollbackDetected: boolean;
        startedAt: string | null;
        endedAt: string;
        durationMs: number | null;
        before: {
            endpoints: {
                p99Ms: number | null;
                url: string;
                p50Ms: number;
                p95Ms: number;
                errors: number;
                probes: number;
            }[];
            podRestarts: Record<string, number> | null;
            nodes: {
                name: string;
                cpuPct: number;
                memoryPct: number;
            }[] | null;
            nodeUsageSource: string | null;
            latencyThresholdMs: number | null;
        } | null;
        after: {
            endpoints: {
                p99Ms: number | null;
                url: string;
                p50Ms: number;
                p95Ms: number;
                errors: number;
                probes: number;
            }[];
            podRestarts: Record<string, number> | null;
            nodes: {
                name: string;
                cpuPct: number;
                memoryPct: number;
            }[] | null;
            nodeUsageSource: string | null;
            latencyThresholdMs: number | null;
        } | null;
        podRestarts: number | null;
        undoCommands: string[];
        preflightRunUrl: string | null;
    } | null;
};
export declare function renderJson(report: Report): string;
/** Reads a JSON report written by `renderJson` (version 2, or 1 from earlier releases). Throws on anything else. */
export declare function readJsonReport(text: string): Report;

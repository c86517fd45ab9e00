export type Severity = 'blocking' | 'warning' | 'off';
export interface CheckRule {
    severity: Severity;
    /** Only in these environments; elsewhere the check is off. Undefined: every environment. */
    environments?: string[];
    /** Where the rule is written, for messages: `policy.yml:4`. */
    where: string;
}
export interface Policy {
    path: string;
    checks: Map<string, CheckRule>;
    /** Checklist items (by key) that the manual-item gate does not wait for. */
    optionalItems: Set<string>;
    thresholds: {
        certMinDays?: number;
        capacityThreshold?: string;
        latencyThresholdMs?: number;
        probeCount?: number;
        eventsWindow?: string;
        probeTimeout?: string;
        endpointBudget?: string;
    };
}
/** Reads and validates the policy at `path`. `knownChecks` are the ids a rule may name. */
export declare function loadPolicy(path: string, knownChecks: readonly string[], knownItems?: readonly string[]): Policy;
/** The rule in force for `checkId` in `environment`: a rule limited to other environments means off. */
export declare function ruleFor(policy: Policy | undefined, checkId: string, environment: string): CheckRule | undefined;

export interface EventJson {
    type?: string;
    reason?: string;
    message?: string;
    count?: number;
    lastTimestamp?: string;
    eventTime?: string;
    series?: {
        count?: number;
        lastObservedTime?: string;
    };
    involvedObject?: {
        kind?: string;
        name?: string;
    };
    metadata?: {
        creationTimestamp?: string;
    };
}
export declare function lastSeen(event: EventJson): number;
/** "Verify recent events": Warning events in the window, grouped by reason and object. Reported, not blocking. */
export declare const recentEventsCheck: import("../core/check.js").Check;

/** Parses durations like 90s, 30m, 1h, 2h30m, 1d. */
export declare function parseDuration(text: string): number | undefined;

import { type OptionKey } from '../core/option-table.js';
/** The flags as given: every flag of the option table, by its name. */
export type Flags = Readonly<Record<string, string | boolean | undefined>>;
export declare function parseFlags(argv: string[]): Flags;
/** A string flag's value (undefined when not given). */
export declare function text(flags: Flags, key: OptionKey): string | undefined;
/** A switch's value (false when not given). */
export declare function on(flags: Flags, key: OptionKey): boolean;
/** The first set environment variable an option names (its secrets: tokens, the webhook). */
export declare function fromEnv(key: OptionKey): string | undefined;

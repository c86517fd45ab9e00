/**
 * The CLI's flags, parsed once by the option table (core/option-table.ts): every flag of the table, by its
 * name. Light on purpose: `--version` and `--help` load nothing else.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { OPTIONS, cliFlags, type OptionKey } from '../core/option-table.js'
import { UsageError, describeError } from '../core/errors.js'

/** The flags as `parseArgs` takes them: switches are booleans, everything else a string. */
function parseArgsOptions(): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    cliFlags().map(({ flag, spec }) => [
      flag,
      spec.type === 'boolean'
        ? { type: 'boolean' as const, ...(flag === 'help' ? { short: 'h' } : {}) }
        : { type: 'string' as const }
    ])
  )
}

/** The flags as given: every flag of the option table, by its name. */
export type Flags = Readonly<Record<string, string | boolean | undefined>>

export function parseFlags(argv: string[]): Flags {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: parseArgsOptions()
    })
    return values as Flags
  } catch (error) {
    throw new UsageError(describeError(error))
  }
}

/** A string flag's value (undefined when not given). */
export function text(flags: Flags, key: OptionKey): string | undefined {
  const value = flags[flagName(key)]
  return typeof value === 'string' ? value : undefined
}

/** A switch's value (false when not given). */
export function on(flags: Flags, key: OptionKey): boolean {
  return flags[flagName(key)] === true
}

function flagName(key: OptionKey): string {
  const found = cliFlags().find(f => f.key === key)
  if (!found) throw new Error(`${key} is not a CLI flag`)
  return found.flag
}

/** The first set environment variable an option names (its secrets: tokens, the webhook). */
export function fromEnv(key: OptionKey): string | undefined {
  const spec = OPTIONS[key]
  if (!('env' in spec)) return undefined
  return spec.env.map(name => process.env[name]).find(value => value !== undefined && value !== '')
}

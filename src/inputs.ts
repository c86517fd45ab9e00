/**
 * The one place that reads action inputs. It turns raw strings into a `PreflightInput`; validation
 * proper happens in `resolveOptions`, shared with the CLI and library.
 */
import { UsageError } from './errors.js'
import { INPUT } from './constants.js'
import type { PreflightInput } from './options.js'

/** Reads one input as the runner passes it (`core.getInput` semantics: '' when unset). */
export type InputReader = (name: string) => string

const TRUE = new Set(['true', 'True', 'TRUE'])
const FALSE = new Set(['false', 'False', 'FALSE', ''])

function booleanInput(read: InputReader, name: string): boolean {
  const raw = read(name).trim()
  if (TRUE.has(raw)) return true
  if (FALSE.has(raw)) return false
  throw new UsageError(`${name}: "${raw}" is not a boolean. Use true or false.`)
}

function optional(read: InputReader, name: string): string | undefined {
  const raw = read(name).trim()
  return raw === '' ? undefined : raw
}

export interface ActionInputs {
  preflight: PreflightInput
}

export function readActionInputs(read: InputReader): ActionInputs {
  const bundlePath = optional(read, INPUT.bundlePath)
  if (!bundlePath) {
    throw new UsageError(
      `${INPUT.bundlePath}: empty. Set it to the deployment-artifacts .zip or the directory it was downloaded to (for example by actions/download-artifact).`
    )
  }
  return {
    preflight: {
      bundlePath,
      expectedFiles: optional(read, INPUT.expectedFiles),
      namespace: optional(read, INPUT.namespace),
      deployments: optional(read, INPUT.deployments),
      configMap: optional(read, INPUT.configMap),
      offline: booleanInput(read, INPUT.offline),
      kubeconfig: optional(read, INPUT.kubeconfig),
      context: optional(read, INPUT.context),
      kubectlVersion: optional(read, INPUT.kubectlVersion),
      eventsWindow: optional(read, INPUT.eventsWindow),
      capacityThreshold: optional(read, INPUT.capacityThreshold)
    }
  }
}

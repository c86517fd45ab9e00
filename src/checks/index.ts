import type { Check } from '../types.js'
import { bundleFilesCheck } from './bundle-files.js'
import { bundleSyntaxCheck } from './bundle-syntax.js'
import { clusterCheck } from './cluster.js'
import { composeCheck } from './compose.js'
import { configModesCheck } from './config-modes.js'
import { manifestsCheck } from './manifests.js'

/** Every check, in report order. `bundle-unpack` is reported by the engine itself, before these. */
export const ALL_CHECKS: readonly Check[] = [
  bundleFilesCheck,
  bundleSyntaxCheck,
  manifestsCheck,
  configModesCheck,
  composeCheck,
  clusterCheck
]

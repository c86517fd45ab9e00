// The library, as another tool would use it: node examples/library.mjs [bundle] (after npm run build).
// Runs the preflight of a bundle offline, prints the same text report as the CLI, and exits 1 on no-go.
import { runPreflight, renderText } from '@vapora/preflight-action'

const bundlePath = process.argv[2] ?? new URL('./bundle', import.meta.url).pathname
const report = await runPreflight(
  { bundlePath, offline: true },
  { onResult: result => process.stderr.write(`${result.status} ${result.id}\n`) }
)
process.stdout.write(renderText(report, { width: 100 }))
console.log(`decision: ${report.decision}, blocking: ${report.failedChecks.join(', ') || 'none'}`)
process.exitCode = report.decision === 'go' ? 0 : 1

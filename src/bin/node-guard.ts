/**
 * The Node.js version check the entries run before loading anything else. It must stay tiny and import
 * nothing but built-ins that every Node has: on an old Node, the real code fails while it is being
 * *loaded* (e.g. `No such built-in module: node:sqlite`), before any check in it could run, so the
 * entries load it lazily (a dynamic `import()` in the source, a `require` in the CommonJS bundle) only
 * after this says yes.
 */
import { appendFileSync } from 'node:fs'

/** client-node 2.x and its undici need these (see FACTS: it crashes on Node 20). */
export const MIN_NODE = { major: 22, minor: 19 } as const

/** A one-line message when `version` (e.g. `20.20.2`) is too old, else undefined. */
export function nodeTooOld(version: string = process.versions.node): string | undefined {
  const [major, minor] = version.split('.').map(Number)
  if (major > MIN_NODE.major || (major === MIN_NODE.major && minor >= MIN_NODE.minor)) return undefined
  return `needs Node.js >= ${MIN_NODE.major}.${MIN_NODE.minor} (found ${version}); install Node 24 (e.g. npm i node@24, or actions/setup-node).`
}

/** An error's first line: require's "Cannot find module" goes on with its require stack. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]
}

/**
 * The action could not even start (a Node too old, its code failed to load): the gate must still read as
 * no-go, with a reason, not as an empty output. Writes the outputs the way @actions/core does
 * (GITHUB_OUTPUT), the error as a workflow command, and exits 1.
 */
export function failActionBeforeStart(problem: string): never {
  const outputs = process.env.GITHUB_OUTPUT
  const reason = `no-go: vapora-preflight ${problem}`
  if (outputs) {
    for (const [name, value] of [
      ['decision', 'no-go'],
      ['reason', reason]
    ]) {
      const delimiter = `ghadelimiter_${Date.now()}_${Math.random().toString(36).slice(2)}`
      appendFileSync(outputs, `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
    }
  }
  process.stdout.write(`::error title=vapora-preflight::${reason}\n`)
  process.exit(1)
}

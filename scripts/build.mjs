// Builds dist/ from scratch: the action + CLI bundles, the library and its type declarations, run in
// parallel (they are independent), so a build stays well under a minute on 2 cores.
import { spawn } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'

// Chunk names carry content hashes: without a clean start, old chunks would pile up in dist/.
rmSync('dist', { recursive: true, force: true })

const run = (command, args, env = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', reject)
    child.on('close', code =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')}: exit ${code}`))
    )
  })

const bin = 'node_modules/.bin'
try {
  await Promise.all([
    run(`${bin}/rollup`, ['--config', 'rollup.config.js'], { BUILD: 'bin' }),
    run(`${bin}/rollup`, ['--config', 'rollup.config.js'], { BUILD: 'lib' }),
    run(`${bin}/tsc`, ['-p', 'tsconfig.types.json'])
  ])
  // dist/package.json marks the runner bundles CommonJS; the declarations describe dist/lib.mjs, an ES
  // module, and TypeScript takes a .d.ts file's module kind from the nearest package.json.
  writeFileSync('dist/types/package.json', `${JSON.stringify({ type: 'module' }, null, 2)}\n`)
} catch (error) {
  console.error(error.message)
  process.exit(1)
}

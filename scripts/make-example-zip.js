// Rebuilds examples/deployment-artifacts.zip from examples/bundle, files at the zip root as GitHub's
// artifact download serves them. Fixed timestamps and order keep the zip byte-for-byte reproducible.
import AdmZip from 'adm-zip'
import { readdirSync, readFileSync } from 'node:fs'

const source = new URL('../examples/bundle/', import.meta.url)
const zip = new AdmZip()
for (const name of readdirSync(source).sort()) {
  zip.addFile(name, readFileSync(new URL(name, source)))
  const entry = zip.getEntry(name)
  entry.header.time = new Date('2026-01-12T00:00:00Z')
  entry.header.attr = (0o100644 << 16) >>> 0
}
zip.writeZip(new URL('../examples/deployment-artifacts.zip', import.meta.url).pathname)
console.log('wrote examples/deployment-artifacts.zip')

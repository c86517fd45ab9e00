/**
 * Writes zip archives byte by byte, so tests can build the hostile archives that well-behaved zip
 * libraries refuse to produce: `../` names, absolute paths, symlink entries, headers that lie.
 */
import { crc32, deflateRawSync } from 'node:zlib'

export interface RawEntry {
  name: string
  data?: Buffer | string
  /** Deflate (default) or store. */
  method?: 'deflate' | 'store'
  /** Unix mode for the external attributes, e.g. 0o120777 for a symlink. Default 0o100644. */
  unixMode?: number
  /** Override the uncompressed size written in the headers (to make them lie). */
  declaredSize?: number
  /** Set the "encrypted" flag. */
  encrypted?: boolean
}

/** Builds a zip from entries, in order. */
export function buildZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data ?? '', 'utf8')
    const isDir = entry.name.endsWith('/')
    const stored = entry.method === 'store' || isDir
    const body = stored ? data : deflateRawSync(data)
    const method = stored ? 0 : 8
    const crc = crc32(data) >>> 0
    const size = entry.declaredSize ?? data.length
    const flags = 0x0800 | (entry.encrypted ? 1 : 0) // UTF-8 names
    const mode = entry.unixMode ?? (isDir ? 0o040755 : 0o100644)

    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(0, 10)
    local.writeUInt16LE(0x5c21, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    locals.push(local, name, body)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4) // made by Unix
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt16LE(0, 12)
    central.writeUInt16LE(0x5c21, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt16LE(0, 30)
    central.writeUInt16LE(0, 32)
    central.writeUInt16LE(0, 34)
    central.writeUInt16LE(0, 36)
    central.writeUInt32LE((mode << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const centralDir = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(0, 4)
  end.writeUInt16LE(0, 6)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(centralDir.length, 12)
  end.writeUInt32LE(offset, 16)
  end.writeUInt16LE(0, 20)
  return Buffer.concat([...locals, centralDir, end])
}

/**
 * Test certificates made with the openssl CLI: a CA, and leaf certificates for localhost that are valid,
 * expire in 3 days, expired in 2020, or name another host. `openssl ca` is used because it can set any
 * validity window (`-startdate/-enddate`), which `openssl x509 -days` cannot.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface KeyPair {
  key: string
  cert: string
}

export interface TestCertificates {
  ca: string
  valid: KeyPair
  expiresSoon: KeyPair
  expired: KeyPair
  wrongHost: KeyPair
}

const CA_CONFIG = `[ca]
default_ca = test
[test]
dir = .
database = db/index.txt
serial = db/serial
new_certs_dir = db
default_md = sha256
policy = any
copy_extensions = none
unique_subject = no
[any]
commonName = supplied
[localhost]
subjectAltName = DNS:localhost,IP:127.0.0.1
[other]
subjectAltName = DNS:other.example
`

/** openssl's date format for -startdate/-enddate: YYYYMMDDHHMMSSZ. */
const stamp = (date: Date): string => `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`

export function makeTestCertificates(dir: string): TestCertificates {
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  }
  mkdirSync(join(dir, 'db'), { recursive: true })
  writeFileSync(join(dir, 'db', 'index.txt'), '')
  writeFileSync(join(dir, 'db', 'serial'), '01\n')
  writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG)
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '30',
    '-subj',
    '/CN=Preflight Test CA'
  )
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'leaf.key',
    '-out',
    'leaf.csr',
    '-subj',
    '/CN=localhost'
  )
  const now = Date.now()
  const day = 86_400_000
  const sign = (file: string, from: number, to: number, extensions: string): KeyPair => {
    openssl(
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      'ca.crt',
      '-keyfile',
      'ca.key',
      '-in',
      'leaf.csr',
      '-out',
      file,
      '-startdate',
      stamp(new Date(from)),
      '-enddate',
      stamp(new Date(to)),
      '-extensions',
      extensions
    )
    return { key: readFileSync(join(dir, 'leaf.key'), 'utf8'), cert: readFileSync(join(dir, file), 'utf8') }
  }
  return {
    ca: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    valid: sign('valid.crt', now - day, now + 365 * day, 'localhost'),
    expiresSoon: sign('soon.crt', now - day, now + 3 * day + 3_600_000, 'localhost'),
    expired: sign('expired.crt', Date.UTC(2020, 0, 1), Date.UTC(2020, 1, 1), 'localhost'),
    wrongHost: sign('other.crt', now - day, now + 365 * day, 'other')
  }
}

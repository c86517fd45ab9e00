/**
 * "Check certificate expiry": a live TLS handshake with SNI, then the leaf certificate's subject, issuer,
 * host match (SAN) and days left. Expired, wrong host or fewer days than `cert-min-days` block; a chain
 * the runner does not trust is reported as a warning (a private CA is common for internal endpoints).
 */
import tls from 'node:tls'
import type { CheckOutcome } from '../core/types.js'
import { defineCheck } from '../core/check.js'

const DAY_MS = 86_400_000

interface Handshake {
  cert: tls.PeerCertificate
  chainError?: string
}

function handshake(host: string, port: number, timeoutMs: number, extraCa?: string): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    // rejectUnauthorized: false so that an untrusted chain still shows us the certificate; trust is
    // judged below from socket.authorized.
    const socket = tls.connect({
      host,
      port,
      servername: host,
      rejectUnauthorized: false,
      timeout: timeoutMs,
      ...(extraCa ? { ca: [...tls.rootCertificates, extraCa] } : {})
    })
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(false)
      const chainError = socket.authorized
        ? undefined
        : String(socket.authorizationError ?? 'untrusted chain')
      socket.end()
      if (!cert || Object.keys(cert).length === 0) reject(new Error('the server sent no certificate'))
      else resolve({ cert, chainError })
    })
    socket.once('timeout', () => socket.destroy(new Error(`no TLS handshake within ${timeoutMs} ms`)))
    socket.once('error', reject)
  })
}

const name = (entity: tls.Certificate | undefined): string => {
  const value = entity ? (entity.CN ?? entity.O) : undefined
  return value === undefined ? '?' : [value].flat().join(', ')
}

export const tlsExpiryCheck = defineCheck({
  id: 'tls-expiry',
  title: 'Check certificate expiry',
  item: 'tls-certificate-expiry',
  needs: ['network'],
  notApplicable: ctx => (ctx.options.tlsEndpoint ? undefined : 'no tls-endpoint given'),
  async run(ctx): Promise<CheckOutcome> {
    const { host, port } = ctx.options.tlsEndpoint!
    const where = `${host}:${port}`
    let result: Handshake
    try {
      result = await handshake(host, port, ctx.options.requestTimeoutMs, ctx.options.tlsCa)
    } catch (error) {
      return {
        status: 'fail',
        message: `${where}: no TLS handshake (${(error as Error).message})`,
        hint: 'Check tls-endpoint (host:port) and that the port speaks TLS.'
      }
    }
    const { cert, chainError } = result
    const expires = Date.parse(cert.valid_to)
    const days = Math.floor((expires - Date.now()) / DAY_MS)
    const identity = tls.checkServerIdentity(host, cert)
    const details = [
      `subject: ${name(cert.subject)}`,
      `issuer: ${name(cert.issuer)}`,
      `names: ${cert.subjectaltname ?? '(no subjectAltName)'}`,
      `valid ${cert.valid_from} → ${cert.valid_to} (${days} days left)`,
      ...(chainError ? [`chain: ${chainError}`] : [])
    ]
    const data = {
      host,
      port,
      daysLeft: days,
      validTo: new Date(expires).toISOString(),
      issuer: name(cert.issuer)
    }
    const problems: string[] = []
    if (expires <= Date.now()) problems.push(`the certificate expired on ${new Date(expires).toISOString()}`)
    else if (days < ctx.options.certMinDays)
      problems.push(`the certificate expires in ${days} days (< cert-min-days ${ctx.options.certMinDays})`)
    if (identity) problems.push(`it is not valid for ${host} (${identity.message})`)
    if (problems.length > 0) {
      return {
        status: 'fail',
        message: `${where}: ${problems.join('; ')}`,
        details,
        data,
        hint: 'Renew or fix the certificate before deploying (cert-manager: kubectl get certificate -A).'
      }
    }
    if (chainError) {
      return {
        status: 'warn',
        message: `${where}: valid for ${host}, ${days} days left, but the chain is not trusted here (${chainError})`,
        details,
        data,
        hint: 'For a private CA, pass its certificate as tls-ca; otherwise the server is missing intermediates.'
      }
    }
    return {
      status: 'pass',
      message: `${where}: valid for ${host}, ${days} days left (issuer ${name(cert.issuer)})`,
      details,
      data
    }
  }
})

/**
 * The protobuf reader of pod lists, on answers encoded here field by field as the API server encodes them
 * (k8s.io/api generated.proto numbers): what it keeps, what it skips, and what it refuses. That real
 * answers decode the same as their JSON is shown on the real API server (paging.integration.test.ts).
 */
import { describe, expect, it } from '@jest/globals'
import { BinaryWriter, WireType } from '@protobuf-ts/runtime'
import { decodePodRequestsPage } from '../src/kube/protobuf.js'

type Field = [number, string | Uint8Array | { varint: number } | { fixed64: bigint } | { fixed32: number }]

/** A message of the fields given, in order (a field given twice is repeated). */
function message(...fields: Field[]): Uint8Array {
  const writer = new BinaryWriter()
  for (const [no, value] of fields) {
    if (typeof value === 'string') writer.tag(no, WireType.LengthDelimited).string(value)
    else if (value instanceof Uint8Array) writer.tag(no, WireType.LengthDelimited).bytes(value)
    else if ('varint' in value) writer.tag(no, WireType.Varint).int64(value.varint)
    else if ('fixed64' in value) writer.tag(no, WireType.Bit64).fixed64(value.fixed64)
    else writer.tag(no, WireType.Bit32).fixed32(value.fixed32)
  }
  return writer.finish()
}

/** The answer's envelope: "k8s\0", then runtime.Unknown{typeMeta{apiVersion, kind}, raw}. */
function envelope(kind: string, raw: Uint8Array): Uint8Array {
  const unknown = message(
    [1, message([1, 'v1'], [2, kind])],
    [2, raw],
    [4, 'application/vnd.kubernetes.protobuf']
  )
  return new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...unknown])
}

const requests = (entries: Record<string, string>) =>
  message(...Object.entries(entries).map(([name, q]): Field => [2, message([1, name], [2, message([1, q])])]))

const container = (name: string, requested?: Record<string, string>) =>
  message(
    [1, name],
    [2, `registry.example/${name}:1`],
    ...(requested ? [[8, requests(requested)] as Field] : [])
  )

function pod(name: string, node: string, ...containers: Uint8Array[]): Uint8Array {
  const metadata = message([1, name], [3, 'vapora'], [4, 'uid-1'], [8, { varint: 1_700_000_000_000 }])
  const spec = message(
    [1, message([1, 'config'])], // volumes
    ...containers.map((c): Field => [2, c]),
    [4, { varint: 30 }], // terminationGracePeriodSeconds
    [10, node],
    [20, container('init', { cpu: '4' })] // initContainers: not containers
  )
  const status = message([1, 'Running'], [5, '10.0.0.1'], [99, { fixed64: 7n }], [98, { fixed32: 3 }])
  return message([1, metadata], [2, spec], [3, status])
}

describe('decodePodRequestsPage', () => {
  it('keeps the continue token, the resourceVersion and each pod’s node and container requests, nothing else', () => {
    const list = message(
      [1, message([2, '4711'], [3, 'next-page-token'], [4, { varint: 12 }])],
      [2, pod('web-1', 'node-1', container('app', { cpu: '250m', memory: '512Mi' }), container('sidecar'))],
      [2, pod('web-2', 'node-2', container('app', { cpu: '1' }))]
    )
    expect(decodePodRequestsPage(envelope('PodList', list))).toEqual({
      kind: 'PodList',
      metadata: { resourceVersion: '4711', continue: 'next-page-token' },
      items: [
        {
          spec: {
            nodeName: 'node-1',
            containers: [
              { resources: { requests: { cpu: '250m', memory: '512Mi' } } },
              { resources: { requests: {} } }
            ]
          }
        },
        { spec: { nodeName: 'node-2', containers: [{ resources: { requests: { cpu: '1' } } }] } }
      ]
    })
  })

  it('reads a pod not bound to a node (an empty nodeName) and a last page (no continue token)', () => {
    // The server writes an unbound pod's nodeName as '' (the JSON form leaves it out, and so does the reader).
    const unbound = message([2, message([2, container('app', { cpu: '100m' })], [10, ''])])
    const list = message([1, message([2, '9'])], [2, unbound])
    expect(decodePodRequestsPage(envelope('PodList', list))).toEqual({
      kind: 'PodList',
      metadata: { resourceVersion: '9' },
      items: [{ spec: { containers: [{ resources: { requests: { cpu: '100m' } } }] } }]
    })
  })

  it('reads an error answer’s Status as the JSON form has it', () => {
    const status = message(
      [1, message()],
      [2, 'Failure'],
      [3, 'The provided continue parameter is too old'],
      [4, 'Expired'],
      [6, { varint: 410 }]
    )
    expect(decodePodRequestsPage(envelope('Status', status))).toEqual({
      kind: 'Status',
      status: 'Failure',
      message: 'The provided continue parameter is too old',
      reason: 'Expired',
      code: 410
    })
  })

  it('refuses an answer without the envelope, of another kind, or cut short', () => {
    const list = message([2, pod('web-1', 'node-1', container('app', { cpu: '1' }))])
    expect(() => decodePodRequestsPage(list)).toThrow('without the "k8s" envelope')
    expect(() => decodePodRequestsPage(envelope('NodeList', list))).toThrow(
      'answered a NodeList, not a PodList'
    )
    const whole = envelope('PodList', list)
    expect(() => decodePodRequestsPage(whole.subarray(0, whole.length - 7))).toThrow()
  })
})

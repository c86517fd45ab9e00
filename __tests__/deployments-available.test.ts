import { describe, expect, it } from '@jest/globals'
import { rolloutInProgress } from '../src/checks/deployments-available.js'

const deployment = (status: Record<string, unknown>, generation = 2, replicas = 2) => ({
  metadata: { name: 'web', generation },
  spec: { replicas },
  status: { observedGeneration: 2, ...status }
})

describe('rolloutInProgress says what kubectl rollout status would still wait for', () => {
  it.each([
    ['a complete rollout', { updatedReplicas: 2, replicas: 2, availableReplicas: 2 }, undefined],
    [
      'a spec the controller has not seen',
      { observedGeneration: 1, updatedReplicas: 2, replicas: 2, availableReplicas: 2 },
      'the controller has not seen the latest spec yet'
    ],
    [
      'new replicas still being created',
      { updatedReplicas: 1, replicas: 3, availableReplicas: 2 },
      '1 of 2 new replicas updated'
    ],
    [
      'old replicas still terminating',
      { updatedReplicas: 2, replicas: 3, availableReplicas: 2 },
      '1 old replicas pending termination'
    ],
    [
      'updated replicas not yet available',
      { updatedReplicas: 2, replicas: 2, availableReplicas: 1 },
      '1 of 2 updated replicas available'
    ],
    [
      'a rollout past its progress deadline',
      {
        updatedReplicas: 1,
        replicas: 3,
        availableReplicas: 2,
        conditions: [
          {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: 'ReplicaSet "web-1" has timed out progressing.'
          }
        ]
      },
      'stalled (ReplicaSet "web-1" has timed out progressing.)'
    ]
  ])('%s', (_, status, expected) => {
    expect(rolloutInProgress(deployment(status))).toBe(expected)
  })
})

import { describe, expect, it } from 'vitest'
import { StorageWriteError } from './storage-error.ts'
import { StorageHealth } from './storage-health.ts'

const full = (operation: string) => new StorageWriteError(operation, 'disk-full', 'the disk is full')

describe('StorageHealth', () => {
  it('keeps an append failure until an append succeeds: a small snapshot fitting proves nothing about appends', () => {
    const health = new StorageHealth()
    health.recordFailure(full('append'), 1)
    health.recordFailure(full('snapshot'), 2)
    health.recordSuccess('snapshot')
    expect(health.failure()).toMatchObject({ operation: 'append', cause: 'disk-full', since: 1 })
    health.recordFailure(full('append'), 3)
    health.recordFailure(full('snapshot'), 4)
    // The append's failure is the one reported: it is what refuses edits.
    expect(health.failure()).toMatchObject({ since: 1, at: 3, reason: 'append not stored: the disk is full' })
    health.recordSuccess('append')
    expect(health.failure()).toBeNull()
  })

  it('clears every kind of failure once an append succeeds', () => {
    const health = new StorageHealth()
    health.recordFailure(full('checkpoint'), 1)
    health.recordFailure(full('snapshot'), 2)
    expect(health.failure()?.operation).toBe('snapshot')
    health.recordSuccess('append')
    expect(health.failure()).toBeNull()
  })
})

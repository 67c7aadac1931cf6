import { describe, expect, it } from 'vitest'
import { storageRetryDelay } from './storage-retry.ts'

describe('storageRetryDelay', () => {
  const delays = { firstMs: 1000, maxMs: 30_000 }

  it('doubles from the first wait up to the ceiling, never above it', () => {
    const longest = (attempt: number) => storageRetryDelay(attempt, delays, () => 1)
    expect([0, 1, 2, 3, 4, 5, 6, 50].map(longest)).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ])
  })

  it('waits between half and all of its step, so tabs refused together do not return together', () => {
    expect(storageRetryDelay(2, delays, () => 0)).toBe(2000)
    expect(storageRetryDelay(2, delays, () => 0.5)).toBe(3000)
  })
})

import { describe, expect, it } from 'vitest'
import { activityOf, IDLE_AFTER_MS } from './activity.ts'

describe('online or idle', () => {
  it('a person who moved within the last minute is online, after that idle', () => {
    expect(activityOf(1_000, 1_000 + IDLE_AFTER_MS)).toBe('online')
    expect(activityOf(1_000, 1_001 + IDLE_AFTER_MS)).toBe('idle')
  })
})

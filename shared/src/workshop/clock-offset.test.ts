import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bestClockOffset, type ClockSample, offsetOfSample } from './clock-offset.ts'

describe('the server clock offset', () => {
  it('takes the midpoint of the round trip', () => {
    expect(offsetOfSample({ sentAt: 1000, receivedAt: 1100, serverTime: 601_050 })).toEqual({
      offsetMs: 600_000,
      roundTripMs: 100,
    })
  })

  it('refuses a sample whose answer came before its request', () => {
    expect(offsetOfSample({ sentAt: 1000, receivedAt: 999, serverTime: 5 })).toBeNull()
    expect(bestClockOffset([])).toBeNull()
  })

  it('is within half the best round trip of the true offset, however the delays split, and picks the shortest trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3_600_000, max: 3_600_000 }),
        fc.array(
          fc.record({
            start: fc.integer({ min: 0, max: 1_000_000 }),
            up: fc.integer({ min: 0, max: 2000 }),
            down: fc.integer({ min: 0, max: 2000 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (trueOffset, trips) => {
          const page0 = 1_800_000_000_000
          const samples: ClockSample[] = trips.map(({ start, up, down }) => ({
            sentAt: page0 + start,
            serverTime: page0 + start + up + trueOffset,
            receivedAt: page0 + start + up + down,
          }))
          const best = bestClockOffset(samples)
          const shortest = Math.min(...trips.map(({ up, down }) => up + down))
          expect(best?.roundTripMs).toBe(shortest)
          expect(Math.abs((best?.offsetMs ?? Number.NaN) - trueOffset)).toBeLessThanOrEqual(shortest / 2)
        },
      ),
    )
  })
})

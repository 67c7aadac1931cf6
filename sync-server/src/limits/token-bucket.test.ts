import { describe, expect, it } from 'vitest'
import { TokenBucket } from './token-bucket.ts'

describe('TokenBucket', () => {
  it('gives its burst at once, then refills at its rate up to its capacity', () => {
    const bucket = new TokenBucket({ capacity: 10, perSecond: 5, now: 0 })
    bucket.take(10, 0)
    expect(bucket.tokensAt(0)).toBe(0)
    expect(bucket.tokensAt(1000)).toBe(5)
    expect(bucket.tokensAt(60_000)).toBe(10)
  })

  it('goes into debt for a cost larger than it holds and says when the debt is paid', () => {
    const bucket = new TokenBucket({ capacity: 10, perSecond: 5, now: 0 })
    bucket.take(20, 0)
    expect(bucket.tokensAt(0)).toBe(-10)
    expect(bucket.msUntil(0, 0)).toBe(2000)
    expect(bucket.msUntil(0, 2000)).toBe(0)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  parseSharedReaction,
  REACTION_LIMIT,
  ReactionTracker,
  ReactionWindow,
  type SharedReaction,
} from './reactions.ts'

const ada = (reaction: SharedReaction | null, clientId = 1) => ({
  clientId,
  reaction,
  name: 'Ada',
  color: '#1971c2',
})

describe('reactions', () => {
  it('never lets more than the limit through in any window of time, however fast they come', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(3_000), { maxLength: 200 }), (gaps) => {
        const window = new ReactionWindow()
        const admitted: number[] = []
        let now = 0
        for (const gap of gaps) {
          now += gap
          if (window.admit(now)) admitted.push(now)
        }
        for (const start of admitted) {
          const within = admitted.filter((t) => t >= start && t < start + REACTION_LIMIT.windowMs)
          expect(within.length).toBeLessThanOrEqual(REACTION_LIMIT.max)
        }
      }),
    )
  })

  it('lets the next one through once the window has passed', () => {
    const window = new ReactionWindow({ max: 2, windowMs: 1000 })
    expect([window.admit(0), window.admit(10), window.admit(20)]).toEqual([true, true, false])
    expect(window.admit(1000)).toBe(true)
  })

  it("floats a peer's new reaction once, but not the one a peer already had when first seen", () => {
    const tracker = new ReactionTracker()
    expect(tracker.next([ada({ seq: 4, emoji: '🎉' })], 0)).toEqual([])
    expect(tracker.next([ada({ seq: 4, emoji: '🎉' })], 10)).toEqual([])
    expect(tracker.next([ada({ seq: 5, emoji: '👍' })], 20)).toEqual([
      { key: '1:5', emoji: '👍', name: 'Ada', color: '#1971c2' },
    ])
    expect(tracker.next([ada({ seq: 5, emoji: '👍' })], 30)).toEqual([])
  })

  it("drops a peer's reactions beyond the limit, as a modified client would send them", () => {
    const tracker = new ReactionTracker()
    tracker.next([ada(null)], 0)
    let floated = 0
    for (let seq = 1; seq <= 20; seq++) floated += tracker.next([ada({ seq, emoji: '😂' })], seq).length
    expect(floated).toBe(REACTION_LIMIT.max)
  })

  it('a peer who leaves and comes back is seen afresh', () => {
    const tracker = new ReactionTracker()
    tracker.next([ada(null)], 0)
    expect(tracker.next([ada({ seq: 1, emoji: '❤️' })], 1)).toHaveLength(1)
    tracker.next([], 2)
    expect(tracker.next([ada({ seq: 2, emoji: '❤️' })], 3)).toEqual([])
  })

  it.each([
    [{ seq: 1, emoji: '💩' }, /emoji must be one of/],
    [{ seq: -1, emoji: '👍' }, /seq must be a whole number/],
    ['👍', /must be \{seq, emoji\}/],
  ])('a malformed reaction %j is refused', (value, reason) => {
    expect(parseSharedReaction(value)).toMatch(reason)
  })
})

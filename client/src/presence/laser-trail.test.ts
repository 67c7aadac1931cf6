import fc from 'fast-check'
import type { TLScribble } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { awarenessState } from './awareness-state.test-support.ts'
import { parseAwarenessState } from './awareness-state.ts'
import { laserTrailToShare, MAX_LASER_POINTS, MAX_LASER_SCRIBBLES, parseLaserTrail } from './laser-trail.ts'

/** The server's default largest awareness state (sync-server config: maxAwarenessStateBytes). */
const SERVER_STATE_LIMIT = 64 * 1024

const coordinate = fc.double({ min: -1e7, max: 1e7, noNaN: true })
const scribble = fc.record({
  id: fc.string({ minLength: 1, maxLength: 30 }),
  points: fc.array(
    fc.record({ x: coordinate, y: coordinate, z: fc.double({ min: 0, max: 1, noNaN: true }) }),
    {
      maxLength: 400,
    },
  ),
  size: fc.double({ min: 0.5, max: 40, noNaN: true }),
  color: fc.constantFrom('laser', 'muted-1', 'accent', 'black') as fc.Arbitrary<TLScribble['color']>,
  opacity: fc.double({ min: 0, max: 1, noNaN: true }),
  state: fc.constantFrom('starting', 'paused', 'active', 'complete', 'stopping') as fc.Arbitrary<
    TLScribble['state']
  >,
  delay: fc.nat(2000),
  shrink: fc.double({ min: 0, max: 1, noNaN: true }),
  taper: fc.boolean(),
})

describe('laser trail', () => {
  it("what a page shares of its scribbles is its lasers' newest points, read back as they were sent, within the server's state limit", () => {
    fc.assert(
      fc.property(fc.array(scribble, { maxLength: 12 }), (scribbles) => {
        const shared = laserTrailToShare(scribbles)
        expect(shared.length).toBeLessThanOrEqual(MAX_LASER_SCRIBBLES)
        expect(shared.every((s) => s.color === 'laser' && s.points.length <= MAX_LASER_POINTS)).toBe(true)
        expect(shared.length).toBe(
          Math.min(scribbles.filter((s) => s.color === 'laser').length, MAX_LASER_SCRIBBLES),
        )
        const sent = JSON.parse(JSON.stringify(shared))
        expect(parseLaserTrail(sent)).toEqual(shared)
        // The whole trail leaves most of the awareness state for the rest of the presence.
        expect(JSON.stringify(shared).length).toBeLessThan(SERVER_STATE_LIMIT / 2)
      }),
      { numRuns: 200 },
    )
  })

  it('the longest trail keeps its newest end', () => {
    const points = Array.from({ length: 500 }, (_, i) => ({ x: i, y: -i, z: 0.5 }))
    const [shared] = laserTrailToShare([
      {
        id: 'l',
        points,
        size: 8,
        color: 'laser',
        opacity: 1,
        state: 'active',
        delay: 0,
        shrink: 0,
        taper: true,
      },
    ])
    expect(shared?.points[0]).toEqual({ x: 380, y: -380, z: 0.5 })
    expect(shared?.points.at(-1)).toEqual({ x: 499, y: -499, z: 0.5 })
  })

  it.each([
    ['not a list', { id: 'a' }, /list of at most 4/],
    ['too many scribbles', Array.from({ length: 5 }, () => ({})), /list of at most 4/],
    ['an eraser trail', [{ id: 'a', color: 'muted-1' }], /must be a laser/],
    [
      'a point at infinity',
      [
        {
          id: 'a',
          color: 'laser',
          points: [{ x: 1, y: '2' }],
          size: 4,
          opacity: 1,
          state: 'active',
          delay: 0,
          shrink: 0,
          taper: false,
        },
      ],
      /finite numbers/,
    ],
    [
      'a zero size',
      [
        {
          id: 'a',
          color: 'laser',
          points: [],
          size: 0,
          opacity: 1,
          state: 'active',
          delay: 0,
          shrink: 0,
          taper: false,
        },
      ],
      /positive size/,
    ],
    [
      'an unknown state',
      [
        {
          id: 'a',
          color: 'laser',
          points: [],
          size: 4,
          opacity: 1,
          state: 'glowing',
          delay: 0,
          shrink: 0,
          taper: false,
        },
      ],
      /state is unknown/,
    ],
  ])("a peer's trail that is %s is refused, and with it that state", (_what, scribbles, reason) => {
    expect(parseLaserTrail(scribbles)).toMatch(reason)
    const state = awarenessState({ id: 'p123456', name: 'Ada', color: '#1971c2' })
    const parsed = parseAwarenessState({ ...state, presence: { ...state.presence, scribbles } })
    expect(parsed).toMatchObject({ ok: false, problem: expect.stringMatching(reason) })
  })

  it('a state from a client that shares no laser has an empty trail', () => {
    const parsed = parseAwarenessState(awarenessState({ id: 'p123456', name: 'Ada', color: '#1971c2' }))
    expect(parsed).toMatchObject({ ok: true, state: { presence: { scribbles: [] } } })
  })
})

import { describe, expect, it } from 'vitest'
import { awarenessState } from './awareness-state.test-support.ts'
import { parseAwarenessState } from './awareness-state.ts'

const valid = awarenessState(
  { id: 'p123456', name: '  Ada   Lovelace ', color: '#1971c2' },
  { cursor: { x: 10, y: 20 }, selectedShapeIds: ['shape:a'] },
)

describe('awareness state', () => {
  it('a well-formed state is read back with its name tidied', () => {
    const parsed = parseAwarenessState(valid)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.state.person.name).toBe('Ada Lovelace')
    expect(parsed.state.presence?.selectedShapeIds).toEqual(['shape:a'])
  })

  it('a person who is here but not yet on the canvas has presence null', () => {
    const parsed = parseAwarenessState({ ...valid, presence: null })
    expect(parsed).toMatchObject({ ok: true, state: { presence: null } })
  })

  it.each([
    ['not an object', 'hello', /not an object/],
    ['another version', { ...valid, v: 2 }, /version must be 1/],
    ['no person', { ...valid, person: undefined }, /no person/],
    ['an empty name', { ...valid, person: { ...valid.person, name: '   ' } }, /person.name/],
    ['a colour that is no colour', { ...valid, person: { ...valid.person, color: 'red' } }, /person.color/],
    ['an unknown role', { ...valid, role: 'owner' }, /role must be/],
    [
      'a cursor at NaN',
      {
        ...valid,
        presence: { ...valid.presence, cursor: { x: Number.NaN, y: 0, type: 'default', rotation: 0 } },
      },
      /cursor/,
    ],
    [
      'a selection of non-shapes',
      { ...valid, presence: { ...valid.presence, selectedShapeIds: ['page:page'] } },
      /selectedShapeIds/,
    ],
    [
      'a negative viewport',
      { ...valid, presence: { ...valid.presence, screenBounds: { x: 0, y: 0, w: -1, h: 5 } } },
      /screenBounds/,
    ],
    [
      'a followed id that is no user',
      { ...valid, presence: { ...valid.presence, followingUserId: 'bob' } },
      /followingUserId/,
    ],
    [
      'a page id that is no page',
      { ...valid, presence: { ...valid.presence, currentPageId: 'x' } },
      /currentPageId/,
    ],
  ])('%s is refused with the reason', (_name, state, reason) => {
    const parsed = parseAwarenessState(state)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problem).toMatch(reason)
  })
})

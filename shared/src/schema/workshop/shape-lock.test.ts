import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { participantToolsetField } from './participant-toolset.ts'
import { coveringShapeLock, type LockableRecord, metaWithShapeLock, shapeLockOf } from './shape-lock.ts'

const fay = { by: 'fay', name: 'Fay', at: 1 }

describe('shape locks', () => {
  it('reads a lock from meta, and a malformed one as locked by nobody named', () => {
    expect(shapeLockOf({ meta: { facilitatorLock: fay } })).toEqual(fay)
    expect(shapeLockOf({ meta: { facilitatorLock: { by: 'fay' } } })).toBe('malformed')
    expect(shapeLockOf({ meta: {} })).toBeNull()
    expect(shapeLockOf({ meta: null })).toBeNull()
    expect(shapeLockOf(null)).toBeNull()
  })

  it('sets and lifts a lock, keeping the other meta keys', () => {
    const locked = metaWithShapeLock({ flow: 'sequence' }, fay)
    expect(locked).toEqual({ flow: 'sequence', facilitatorLock: fay })
    expect(metaWithShapeLock(locked, null)).toEqual({ flow: 'sequence' })
  })

  it('finds the lock of the nearest locked ancestor, and none outside it', () => {
    const records: Record<string, LockableRecord> = {
      'shape:stage': { parentId: 'page:p', meta: { facilitatorLock: fay } },
      'shape:lane': { parentId: 'shape:stage', meta: {} },
      'shape:step': { parentId: 'shape:lane', meta: {} },
      'shape:free': { parentId: 'page:p', meta: {} },
    }
    const read = (id: string) => records[id]
    expect(coveringShapeLock('shape:step', read)).toEqual({ lockedId: 'shape:stage', holder: fay })
    expect(coveringShapeLock('shape:stage', read)).toEqual({ lockedId: 'shape:stage', holder: fay })
    expect(coveringShapeLock('shape:free', read)).toBeNull()
    expect(coveringShapeLock('shape:gone', read)).toBeNull()
  })

  it('ends on a parent cycle, and a lock anywhere on a chain covers every shape below it (property)', () => {
    expect(
      coveringShapeLock('shape:a', (id) =>
        id === 'shape:a' ? { parentId: 'shape:b', meta: {} } : { parentId: 'shape:a', meta: {} },
      ),
    ).toBeNull()
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.nat(), (depth, pick) => {
        const lockedAt = pick % depth
        const read = (id: string): LockableRecord | undefined => {
          const level = Number(id.slice('shape:'.length))
          if (!(level >= 0 && level < depth)) return undefined
          return {
            parentId: level === 0 ? 'page:p' : `shape:${level - 1}`,
            meta: level === lockedAt ? { facilitatorLock: fay } : {},
          }
        }
        for (let level = 0; level < depth; level++) {
          const covering = coveringShapeLock(`shape:${level}`, read)
          if (level >= lockedAt) expect(covering?.lockedId).toBe(`shape:${lockedAt}`)
          else expect(covering).toBeNull()
        }
      }),
    )
  })
})

describe('the participant toolset field', () => {
  it('parses its two values and nothing else', () => {
    expect(participantToolsetField.parse('everything')).toEqual({ ok: true, value: 'everything' })
    expect(participantToolsetField.parse('notes-connectors-votes').ok).toBe(true)
    expect(participantToolsetField.parse('notes')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"notes"'),
    })
    expect(participantToolsetField.parse(undefined).ok).toBe(false)
  })
})

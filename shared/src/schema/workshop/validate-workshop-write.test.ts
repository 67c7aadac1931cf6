import { describe, expect, it } from 'vitest'
import { MAX_WORKSHOP_FIELD_JSON_CHARS } from '../limits.ts'
import { boardLockField } from './board-lock.ts'
import { validateWorkshopWrite } from './validate-workshop-write.ts'
import { WORKSHOP_FIELDS } from './workshop-fields.ts'

const lock = { by: 'ana', name: 'Ana', at: 1_700_000_000_000 }

describe('validateWorkshopWrite', () => {
  it('accepts a known field its parser accepts, and a removed field', () => {
    expect(validateWorkshopWrite({ boardLock: lock }, ['boardLock'])).toEqual({ ok: true })
    expect(validateWorkshopWrite({}, ['boardLock'])).toEqual({ ok: true })
  })

  it('refuses a key no workshop field has, naming the known ones', () => {
    const checked = validateWorkshopWrite({ notes: 'x' }, ['notes'])
    expect(checked).toEqual({
      ok: false,
      field: 'notes',
      message: `the workshop has no field "notes": only ${WORKSHOP_FIELDS.map((f) => f.key).join(', ')}`,
    })
  })

  it("refuses a value its field's parser refuses, with the parser's reason", () => {
    expect(validateWorkshopWrite({ boardLock: { ...lock, by: '' } }, ['boardLock'])).toMatchObject({
      ok: false,
      message: 'workshop.boardLock .by must be a user id of 1–200 characters',
    })
    expect(validateWorkshopWrite({ boardLock: true }, ['boardLock'])).toMatchObject({
      ok: false,
      message: 'workshop.boardLock must be {by, name, at}',
    })
    expect(validateWorkshopWrite({ boardLock: { ...lock, extra: 1 } }, ['boardLock'])).toMatchObject({
      ok: false,
      message: 'workshop.boardLock has no field "extra"',
    })
  })

  it('refuses what is not plain JSON and what is over the size limit, before its parser sees it', () => {
    expect(validateWorkshopWrite({ boardLock: { ...lock, at: Number.NaN } }, ['boardLock'])).toMatchObject({
      ok: false,
      field: 'boardLock',
    })
    const big = { ...lock, name: 'x'.repeat(MAX_WORKSHOP_FIELD_JSON_CHARS) }
    expect(validateWorkshopWrite({ boardLock: big }, ['boardLock'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^workshop\.boardLock is [\d,]+ characters; at most 64,000$/),
    })
  })

  it('checks only the keys written', () => {
    expect(validateWorkshopWrite({ boardLock: lock, stale: 'kept from before' }, ['boardLock'])).toEqual({
      ok: true,
    })
  })
})

describe('the board lock field', () => {
  it('parses its own shape and nothing else', () => {
    expect(boardLockField.parse(lock)).toEqual({ ok: true, value: lock })
    expect(boardLockField.parse({ ...lock, at: -1 }).ok).toBe(false)
    expect(boardLockField.parse({ ...lock, name: 7 }).ok).toBe(false)
    expect(boardLockField.parse(null).ok).toBe(false)
    expect(boardLockField.parse([lock]).ok).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { parseDraft } from './panel-fields.tsx'

describe('parseDraft (number fields)', () => {
  it('reads an empty field as "no value"', () => {
    expect(parseDraft('', 0)).toBeNull()
    expect(parseDraft('   ', 0)).toBeNull()
  })
  it('accepts numbers at or above the minimum', () => {
    expect(parseDraft('2.5', 0)).toBe(2.5)
    expect(parseDraft('0', 0)).toBe(0)
  })
  it('refuses text that is not a number, or is below the minimum', () => {
    expect(parseDraft('abc', 0)).toBeUndefined()
    expect(parseDraft('-1', 0)).toBeUndefined()
    expect(parseDraft('Infinity', 0)).toBeUndefined()
  })
  it('refuses numbers above the maximum, when there is one', () => {
    expect(parseDraft('100', 0, 100)).toBe(100)
    expect(parseDraft('101', 0, 100)).toBeUndefined()
  })
})

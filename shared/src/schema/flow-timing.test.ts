import { expect, test } from 'vitest'
import {
  completeAccurateValidator,
  estimateHoursValidator,
  raciRolesValidator,
  threePoint,
  timeRangeValidator,
} from './flow-timing.ts'
import { MAX_ESTIMATE_HOURS, MAX_RACI_ROLES } from './limits.ts'

test('a time range has its min at or below its max, both hours >= 0', () => {
  expect(timeRangeValidator.validate({ min: 1, max: 4 })).toEqual({ min: 1, max: 4 })
  expect(timeRangeValidator.validate({ min: 2, max: 2 })).toEqual({ min: 2, max: 2 })
  expect(() => timeRangeValidator.validate({ min: 5, max: 4 })).toThrow(/min 5 is above max 4/)
  expect(() => timeRangeValidator.validate({ min: -1, max: 4 })).toThrow()
  expect(() => timeRangeValidator.validate({ min: 1 })).toThrow()
})

test('percent complete and accurate is 0 to 100', () => {
  expect(completeAccurateValidator.validate(0)).toBe(0)
  expect(completeAccurateValidator.validate(100)).toBe(100)
  expect(() => completeAccurateValidator.validate(101)).toThrow(/0 to 100, got 101/)
  expect(() => completeAccurateValidator.validate(Number.NaN)).toThrow()
})

test('a RACI column lists distinct, non-empty role ids, a bounded number of them', () => {
  expect(raciRolesValidator.validate(['role:a', 'role:b'])).toEqual(['role:a', 'role:b'])
  expect(() => raciRolesValidator.validate(['role:a', 'role:a'])).toThrow(/role:a twice/)
  expect(() => raciRolesValidator.validate([''])).toThrow(/empty role id/)
  expect(() => raciRolesValidator.validate(['x'.repeat(129)])).toThrow(/over 128 characters/)
  const many = Array.from({ length: MAX_RACI_ROLES + 1 }, (_, i) => `role:${i}`)
  expect(() => raciRolesValidator.validate(many)).toThrow(/at most 50/)
})

test('a three-point estimate: one value is a point, a range clamps its likely value, a range alone centres it', () => {
  expect(threePoint(null, null)).toBeNull()
  expect(threePoint(3, null)).toEqual({ min: 3, likely: 3, max: 3 })
  expect(threePoint(3, { min: 1, max: 8 })).toEqual({ min: 1, likely: 3, max: 8 })
  expect(threePoint(10, { min: 1, max: 8 })).toEqual({ min: 1, likely: 8, max: 8 })
  expect(threePoint(null, { min: 2, max: 6 })).toEqual({ min: 2, likely: 4, max: 6 })
})

test('an estimate is at most a million hours: more is refused on write, and an older, larger one reads at the limit', () => {
  expect(estimateHoursValidator.validate(MAX_ESTIMATE_HOURS)).toBe(MAX_ESTIMATE_HOURS)
  expect(() => estimateHoursValidator.validate(2e6)).toThrow(/at most 1,000,000 hours, got 2000000/)
  expect(() => timeRangeValidator.validate({ min: 0, max: 1e308 })).toThrow(/at most 1,000,000 hours/)
  expect(threePoint(1e308, null)).toEqual({
    min: MAX_ESTIMATE_HOURS,
    likely: MAX_ESTIMATE_HOURS,
    max: MAX_ESTIMATE_HOURS,
  })
})

import { T } from '@tldraw/validate'
import { MAX_ESTIMATE_HOURS, MAX_ID_CHARS, MAX_RACI_ROLES } from './limits.ts'

/** Hours of a time estimate: from 0 to MAX_ESTIMATE_HOURS. */
export const estimateHoursValidator = T.positiveNumber.check('hours', (hours) => {
  if (hours > MAX_ESTIMATE_HOURS) {
    throw new Error(`must be at most ${MAX_ESTIMATE_HOURS.toLocaleString('en-US')} hours, got ${hours}`)
  }
})

/**
 * The optimistic and pessimistic bounds of a three-point estimate, in hours. The most likely value is
 * the prop the range belongs to (a step's `estimate`, its `wait`); a single-point estimate has no range.
 */
export const timeRangeValidator = T.object({
  min: estimateHoursValidator,
  max: estimateHoursValidator,
}).check('min-not-above-max', (range) => {
  if (range.min > range.max) throw new Error(`min ${range.min} is above max ${range.max}`)
})

export type TimeRange = T.TypeOf<typeof timeRangeValidator>

/** Percent complete and accurate: the share of work the next step can use as it comes, 0 to 100. */
export const completeAccurateValidator = T.number.check('percent', (value) => {
  if (!(value >= 0 && value <= 100)) throw new Error(`must be a percent from 0 to 100, got ${value}`)
})

/**
 * Role ids of one RACI column (accountable, consulted, informed): distinct, each a role id, at most
 * MAX_RACI_ROLES. The responsible role is the step's owner and is not listed again.
 */
export const raciRolesValidator = T.arrayOf(T.string).check('raci-roles', (ids) => {
  if (ids.length > MAX_RACI_ROLES) throw new Error(`lists ${ids.length} roles; at most ${MAX_RACI_ROLES}`)
  const seen = new Set<string>()
  for (const id of ids) {
    if (id === '') throw new Error('lists an empty role id')
    if (id.length > MAX_ID_CHARS) throw new Error(`lists a role id over ${MAX_ID_CHARS} characters`)
    if (seen.has(id)) throw new Error(`lists ${id} twice`)
    seen.add(id)
  }
})

/**
 * A three-point estimate as the analyses read it: the most likely value clamped into its range, so a
 * range written by another tool that does not hold its likely value still gives a triangle.
 */
export type ThreePoint = { min: number; likely: number; max: number }

export function threePoint(likelyHours: number | null, range: TimeRange | null): ThreePoint | null {
  // A process time stored before MAX_ESTIMATE_HOURS existed may be larger: it is read at the limit.
  const likely = likelyHours === null ? null : Math.min(likelyHours, MAX_ESTIMATE_HOURS)
  if (likely === null) {
    return range === null ? null : { min: range.min, likely: (range.min + range.max) / 2, max: range.max }
  }
  if (range === null) return { min: likely, likely, max: likely }
  return { min: range.min, likely: Math.min(range.max, Math.max(range.min, likely)), max: range.max }
}

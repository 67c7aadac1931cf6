import { defineWorkshopField, workshopFieldOk, workshopFieldProblem } from './workshop-field.ts'

/**
 * The workshop's shared countdown. Times are the SERVER's clock (ms since 1970): each page converts with
 * its own estimate of the server's offset (workshop/clock-offset.ts), so a page whose clock is wrong
 * still shows the same remaining time as the others. No timer is the field removed (reset).
 */
export type WorkshopTimer =
  | {
      state: 'running'
      /** when it reaches zero, on the server's clock */
      endsAt: number
      /** the whole countdown, the minutes added included (for the progress ring) */
      durationMs: number
    }
  | {
      state: 'paused'
      /** what was left when it was paused */
      remainingMs: number
      durationMs: number
    }

/** A countdown of a whole workshop day at most: anything longer is a typo, not a timebox. */
export const MAX_TIMER_DURATION_MS = 24 * 60 * 60 * 1000

export const timerField = defineWorkshopField({
  key: 'timer',
  title: 'the timer',
  parse(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return workshopFieldProblem(
        'must be {state: "running", endsAt, durationMs} or {state: "paused", remainingMs, durationMs}',
      )
    }
    const { state, durationMs, ...rest } = value as Record<string, unknown>
    if (!isWholeMs(durationMs, 1) || durationMs > MAX_TIMER_DURATION_MS) {
      return workshopFieldProblem(
        `.durationMs must be a whole number of ms from 1 to ${MAX_TIMER_DURATION_MS}`,
      )
    }
    if (state === 'running') {
      const { endsAt, ...extra } = rest
      if (!isWholeMs(endsAt, 0)) return workshopFieldProblem('.endsAt must be a time in ms since 1970')
      const unknown = Object.keys(extra)[0]
      if (unknown !== undefined) return workshopFieldProblem(`has no field "${unknown.slice(0, 40)}"`)
      return workshopFieldOk<WorkshopTimer>({ state, endsAt, durationMs })
    }
    if (state === 'paused') {
      const { remainingMs, ...extra } = rest
      if (!isWholeMs(remainingMs, 0) || remainingMs > durationMs) {
        return workshopFieldProblem('.remainingMs must be a whole number of ms from 0 to .durationMs')
      }
      const unknown = Object.keys(extra)[0]
      if (unknown !== undefined) return workshopFieldProblem(`has no field "${unknown.slice(0, 40)}"`)
      return workshopFieldOk<WorkshopTimer>({ state, remainingMs, durationMs })
    }
    return workshopFieldProblem(
      `.state must be "running" or "paused", got ${JSON.stringify(state)?.slice(0, 40)}`,
    )
  },
})

function isWholeMs(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min
}

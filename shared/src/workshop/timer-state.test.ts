import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_TIMER_DURATION_MS, timerField, type WorkshopTimer } from '../schema/workshop/timer.ts'
import {
  addTimerTime,
  formatRemaining,
  pauseTimer,
  resumeTimer,
  startTimer,
  timerHasEnded,
  timerRemainingMs,
} from './timer-state.ts'

const T0 = 1_800_000_000_000
const MIN = 60_000

type Control =
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'add'; ms: number }
  | { kind: 'wait'; ms: number }

const control: fc.Arbitrary<Control> = fc.oneof(
  fc.constant({ kind: 'pause' as const }),
  fc.constant({ kind: 'resume' as const }),
  fc.constantFrom(MIN, 5 * MIN).map((ms) => ({ kind: 'add' as const, ms })),
  fc.integer({ min: 0, max: 20 * MIN }).map((ms) => ({ kind: 'wait' as const, ms })),
)

describe('the timer controls', () => {
  it('start counts down from the chosen duration on the server clock', () => {
    const timer = startTimer(5 * MIN, T0)
    expect(timer).toEqual({ state: 'running', endsAt: T0 + 5 * MIN, durationMs: 5 * MIN })
    expect(timerRemainingMs(timer, T0 + MIN)).toBe(4 * MIN)
    expect(timerRemainingMs(timer, T0 + 6 * MIN)).toBe(0)
    expect(timerHasEnded(timer, T0 + 5 * MIN)).toBe(true)
  })

  it('pause keeps what was left however long it stays paused, and resume goes on from it', () => {
    const paused = pauseTimer(startTimer(10 * MIN, T0), T0 + 3 * MIN)
    expect(paused).toEqual({ state: 'paused', remainingMs: 7 * MIN, durationMs: 10 * MIN })
    expect(timerRemainingMs(paused, T0 + 60 * MIN)).toBe(7 * MIN)
    const resumed = resumeTimer(paused, T0 + 60 * MIN)
    expect(timerRemainingMs(resumed, T0 + 61 * MIN)).toBe(6 * MIN)
  })

  it('+1 min adds to what is left, and a timer at zero starts again from the added time', () => {
    const running = startTimer(3 * MIN, T0)
    expect(timerRemainingMs(addTimerTime(running, MIN, T0 + MIN), T0 + MIN)).toBe(3 * MIN)
    const ended = addTimerTime(running, 5 * MIN, T0 + 10 * MIN)
    expect(ended).toEqual({ state: 'running', endsAt: T0 + 15 * MIN, durationMs: 5 * MIN })
  })

  it('a pause a hair past the total (two facilitators, two offsets) still writes a valid field', () => {
    const running: WorkshopTimer = { state: 'running', endsAt: T0 + MIN + 40, durationMs: MIN }
    const paused = pauseTimer(running, T0)
    expect(timerField.parse(paused).ok).toBe(true)
    expect(timerField.parse(addTimerTime(running, MIN, T0)).ok).toBe(true)
  })

  it('any sequence of controls writes a value the field accepts, and pause/resume never changes what is left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 60 * MIN }),
        fc.array(control, { maxLength: 30 }),
        (duration, controls) => {
          let now = T0
          let timer = startTimer(duration, now)
          for (const each of controls) {
            const before = timerRemainingMs(timer, now)
            if (each.kind === 'wait') {
              now += each.ms
              continue
            }
            if (each.kind === 'pause') timer = pauseTimer(timer, now)
            if (each.kind === 'resume') timer = resumeTimer(timer, now)
            if (each.kind === 'add') {
              timer = addTimerTime(timer, each.ms, now)
              expect(timerRemainingMs(timer, now)).toBe(Math.min(before + each.ms, MAX_TIMER_DURATION_MS))
            } else {
              expect(timerRemainingMs(timer, now)).toBe(before)
            }
            expect(timerField.parse(timer)).toEqual({ ok: true, value: timer })
          }
        },
      ),
    )
  })

  it('shows minutes and seconds, rounded up so it reads 0:00 only at zero', () => {
    expect(formatRemaining(5 * MIN)).toBe('5:00')
    expect(formatRemaining(4 * MIN + 5_001)).toBe('4:06')
    expect(formatRemaining(1)).toBe('0:01')
    expect(formatRemaining(0)).toBe('0:00')
    expect(formatRemaining(62 * MIN + 3000)).toBe('1:02:03')
  })
})

describe('the timer field', () => {
  it('accepts a running or a paused timer and refuses anything else with a reason', () => {
    expect(timerField.parse({ state: 'running', endsAt: T0, durationMs: MIN }).ok).toBe(true)
    expect(timerField.parse({ state: 'paused', remainingMs: 0, durationMs: MIN }).ok).toBe(true)
    expect(timerField.parse({ state: 'paused', remainingMs: 2 * MIN, durationMs: MIN })).toEqual({
      ok: false,
      reason: '.remainingMs must be a whole number of ms from 0 to .durationMs',
    })
    expect(timerField.parse({ state: 'stopped', durationMs: MIN })).toMatchObject({ ok: false })
    expect(timerField.parse({ state: 'running', endsAt: T0, durationMs: 0 })).toMatchObject({ ok: false })
    expect(timerField.parse({ state: 'running', endsAt: 1.5, durationMs: MIN })).toMatchObject({ ok: false })
    expect(timerField.parse({ state: 'running', endsAt: T0, durationMs: MIN, by: 'x' })).toEqual({
      ok: false,
      reason: 'has no field "by"',
    })
    expect(timerField.parse({ state: 'running', endsAt: T0, durationMs: MAX_TIMER_DURATION_MS + 1 }).ok).toBe(
      false,
    )
  })
})

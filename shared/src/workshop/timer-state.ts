/**
 * What the facilitator's timer controls do to the timer, as pure functions of the timer and the server's
 * time now (`serverNow`, from the page's clock offset). The doc holds the result (schema/workshop/timer.ts);
 * every page derives what it shows from it with `timerRemainingMs`.
 */
import { MAX_TIMER_DURATION_MS, type WorkshopTimer } from '../schema/workshop/timer.ts'

/** The durations the start menu offers, in minutes; any other whole number of minutes is "custom". */
export const TIMER_PRESET_MINUTES = [1, 3, 5, 10, 15] as const

export function startTimer(durationMs: number, serverNow: number): WorkshopTimer {
  const duration = clampDuration(durationMs)
  return { state: 'running', endsAt: Math.round(serverNow) + duration, durationMs: duration }
}

/** The ms left at `serverNow`, never below zero. */
export function timerRemainingMs(timer: WorkshopTimer, serverNow: number): number {
  if (timer.state === 'paused') return timer.remainingMs
  return Math.max(0, timer.endsAt - Math.round(serverNow))
}

/** A running timer that has reached zero: it stays in the doc (everyone sees "Time's up") until reset. */
export function timerHasEnded(timer: WorkshopTimer, serverNow: number): boolean {
  return timerRemainingMs(timer, serverNow) === 0
}

export function pauseTimer(timer: WorkshopTimer, serverNow: number): WorkshopTimer {
  if (timer.state === 'paused') return timer
  // Two facilitators' offsets differ by a few ms, so what is left may read a hair over the total.
  const remainingMs = Math.min(timerRemainingMs(timer, serverNow), timer.durationMs)
  return { state: 'paused', remainingMs, durationMs: timer.durationMs }
}

export function resumeTimer(timer: WorkshopTimer, serverNow: number): WorkshopTimer {
  if (timer.state === 'running') return timer
  return { state: 'running', endsAt: Math.round(serverNow) + timer.remainingMs, durationMs: timer.durationMs }
}

/**
 * Adds time to what is left (+1 min, +5 min): a timer that already reached zero starts again from the
 * added time; the total grows with it, within the longest countdown the field allows.
 */
export function addTimerTime(timer: WorkshopTimer, addMs: number, serverNow: number): WorkshopTimer {
  const remaining = timerRemainingMs(timer, serverNow)
  const added = Math.max(0, Math.min(Math.round(addMs), MAX_TIMER_DURATION_MS - remaining))
  const left = remaining + added
  if (left === 0) return timer
  // Never less than what is left: the field keeps remainingMs within durationMs.
  const durationMs = Math.max(
    left,
    Math.min(MAX_TIMER_DURATION_MS, remaining === 0 ? added : timer.durationMs + added),
  )
  if (timer.state === 'paused') return { state: 'paused', remainingMs: left, durationMs }
  return { state: 'running', endsAt: Math.round(serverNow) + left, durationMs }
}

/** "4:05", "12:00", "1:02:03": what the chip shows, rounded up so it reads 0:00 only at zero. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

function clampDuration(durationMs: number): number {
  return Math.max(1000, Math.min(MAX_TIMER_DURATION_MS, Math.round(durationMs)))
}

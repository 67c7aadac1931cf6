/**
 * The workshop timer over the board (issue 13): everyone sees the countdown, the facilitator starts,
 * pauses, extends and resets it. What it shows is the doc's timer (in server time) read through this
 * page's estimate of the server clock, so every page shows the same time left whatever its own clock
 * says, after a reload too. At zero each page that watched it run flashes and, unless its person muted
 * it, chimes.
 */
import {
  addTimerTime,
  formatRemaining,
  pauseTimer,
  resumeTimer,
  startTimer,
  TIMER_PRESET_MINUTES,
  timerField,
  timerRemainingMs,
  type WorkshopTimer,
  writeWorkshopField,
} from '@flowmap/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { usePopover } from '../app/use-popover.ts'
import { playChime, primeChimeOnFirstPress } from './timer-chime.ts'
import { useTimerMuted } from './timer-mute.ts'
import { exposeTimer } from './timer-test-hook.ts'
import { useServerClock } from './use-server-clock.ts'
import { useWorkshopField } from './use-workshop-field.ts'
import './timer.css'

const MINUTE_MS = 60_000
/** Often enough that the seconds never skip visibly. */
const TICK_MS = 250
/** How long the board flashes at zero. */
const FLASH_MS = 6_000

type TimerChipProps = {
  doc: Y.Doc | null
  provider: HocuspocusProvider | null
  canFacilitate: boolean
}

export function TimerChip({ doc, provider, canFacilitate }: TimerChipProps) {
  const clock = useServerClock(provider)
  const timer = useWorkshopField(doc, timerField)
  const [muted, setMuted] = useTimerMuted()
  const menu = usePopover()
  const [, setTick] = useState(0)
  const [flashing, setFlashing] = useState(false)
  const chimes = useRef(0)
  const flashes = useRef(0)
  const watched = useRef<{ endsAt: number; remainingMs: number } | null>(null)

  const serverNow = clock?.serverNow() ?? null
  const remainingMs =
    timer === null
      ? null
      : timer.state === 'paused'
        ? timer.remainingMs
        : serverNow === null
          ? null
          : timerRemainingMs(timer, serverNow)

  useEffect(() => primeChimeOnFirstPress(), [])

  useEffect(() => {
    if (timer?.state !== 'running') return
    const interval = setInterval(() => setTick((tick) => tick + 1), TICK_MS)
    return () => clearInterval(interval)
  }, [timer])

  // Zero, seen happen: the same running timer was above zero on this page a moment ago.
  useEffect(() => {
    if (timer?.state !== 'running' || remainingMs === null) {
      watched.current = null
      return
    }
    const before = watched.current
    watched.current = { endsAt: timer.endsAt, remainingMs }
    if (remainingMs > 0 || before === null || before.endsAt !== timer.endsAt || before.remainingMs === 0)
      return
    setFlashing(true)
    flashes.current += 1
    if (!muted && playChime()) chimes.current += 1
  })

  useEffect(() => {
    if (!flashing) return
    const stop = setTimeout(() => setFlashing(false), FLASH_MS)
    return () => clearTimeout(stop)
  }, [flashing])

  useEffect(
    () =>
      exposeTimer({
        remainingMs: () => {
          const now = clock?.serverNow() ?? null
          if (timer === null) return null
          if (timer.state === 'paused') return timer.remainingMs
          return now === null ? null : timerRemainingMs(timer, now)
        },
        offsetMs: () => clock?.offset()?.offsetMs ?? null,
        chimes: () => chimes.current,
        flashes: () => flashes.current,
      }),
    [clock, timer],
  )

  const write = (next: (now: number) => WorkshopTimer | null) => {
    const now = clock?.serverNow() ?? null
    if (doc === null || now === null) return
    writeWorkshopField(doc, timerField, next(now))
  }
  const clockKnown = serverNow !== null
  const state = timer === null ? 'none' : remainingMs === 0 ? 'ended' : timer.state

  if (timer === null && !canFacilitate) return null

  return (
    <>
      <div
        className="flowmap-timer"
        ref={menu.root}
        data-testid="timer"
        data-state={state}
        data-flash={flashing}
      >
        {timer === null ? (
          <button
            type="button"
            className="flowmap-timer__chip"
            data-testid="timer-open"
            aria-expanded={menu.open}
            onClick={() => menu.setOpen((open) => !open)}
          >
            <TimerIcon /> Timer
          </button>
        ) : (
          <button
            type="button"
            className="flowmap-timer__chip"
            data-testid="timer-chip"
            aria-expanded={canFacilitate ? menu.open : undefined}
            aria-label={`Timer: ${remainingLabel(state, remainingMs)}`}
            disabled={!canFacilitate}
            title={canFacilitate ? 'Timer controls' : 'The facilitator runs the timer'}
            onClick={() => menu.setOpen((open) => !open)}
          >
            <TimerIcon />
            <span className="flowmap-timer__time" data-testid="timer-remaining">
              {remainingMs === null ? '–:––' : formatRemaining(remainingMs)}
            </span>
            {state === 'paused' && <span className="flowmap-timer__note">paused</span>}
            {state === 'ended' && <span className="flowmap-timer__note">time's up</span>}
          </button>
        )}
        {timer !== null && (
          <button
            type="button"
            className="flowmap-timer__mute"
            data-testid="timer-mute"
            aria-label="Mute the timer's chime on this device"
            aria-pressed={muted}
            title={
              muted
                ? 'The chime at zero is off on this device: turn it on'
                : 'Mute the chime at zero on this device'
            }
            onClick={() => setMuted(!muted)}
          >
            <BellIcon muted={muted} />
          </button>
        )}
        {menu.open && canFacilitate && (
          <TimerMenu
            timer={timer}
            clockKnown={clockKnown}
            onStart={(ms) => write((now) => startTimer(ms, now))}
            onPause={() => write((now) => (timer ? pauseTimer(timer, now) : null))}
            onResume={() => write((now) => (timer ? resumeTimer(timer, now) : null))}
            onAdd={(ms) => write((now) => (timer ? addTimerTime(timer, ms, now) : null))}
            onReset={() => {
              write(() => null)
              menu.setOpen(false)
            }}
          />
        )}
      </div>
      {flashing && <div className="flowmap-timer-flash" data-testid="timer-flash" aria-hidden="true" />}
    </>
  )
}

type TimerMenuProps = {
  timer: WorkshopTimer | null
  clockKnown: boolean
  onStart(durationMs: number): void
  onPause(): void
  onResume(): void
  onAdd(ms: number): void
  onReset(): void
}

function TimerMenu({ timer, clockKnown, onStart, onPause, onResume, onAdd, onReset }: TimerMenuProps) {
  const [custom, setCustom] = useState('')
  const customMinutes = Number(custom)
  const customValid = Number.isInteger(customMinutes) && customMinutes >= 1 && customMinutes <= 24 * 60
  return (
    <fieldset className="flowmap-timer__menu" data-testid="timer-menu">
      <legend className="flowmap-timer__legend">Timer</legend>
      {!clockKnown && <p className="flowmap-timer__waiting">Waiting for the server's clock…</p>}
      <div className="flowmap-timer__row">
        {TIMER_PRESET_MINUTES.map((minutes) => (
          <button
            key={minutes}
            type="button"
            className="flowmap-button"
            data-testid={`timer-start-${minutes}`}
            disabled={!clockKnown}
            onClick={() => onStart(minutes * MINUTE_MS)}
          >
            {minutes} min
          </button>
        ))}
      </div>
      <form
        className="flowmap-timer__row"
        onSubmit={(event) => {
          event.preventDefault()
          if (customValid) onStart(customMinutes * MINUTE_MS)
        }}
      >
        <input
          className="flowmap-timer__custom"
          type="number"
          min={1}
          max={24 * 60}
          step={1}
          inputMode="numeric"
          placeholder="minutes"
          aria-label="Custom minutes"
          data-testid="timer-custom"
          value={custom}
          onChange={(event) => setCustom(event.currentTarget.value)}
        />
        <button type="submit" className="flowmap-button" disabled={!clockKnown || !customValid}>
          Start
        </button>
      </form>
      {timer !== null && (
        <div className="flowmap-timer__row">
          {timer.state === 'running' ? (
            <ControlButton testId="timer-pause" disabled={!clockKnown} onClick={onPause} label="Pause" />
          ) : (
            <ControlButton testId="timer-resume" disabled={!clockKnown} onClick={onResume} label="Resume" />
          )}
          <ControlButton
            testId="timer-add-1"
            disabled={!clockKnown}
            onClick={() => onAdd(MINUTE_MS)}
            label="+1 min"
          />
          <ControlButton
            testId="timer-add-5"
            disabled={!clockKnown}
            onClick={() => onAdd(5 * MINUTE_MS)}
            label="+5 min"
          />
          <ControlButton testId="timer-reset" disabled={false} onClick={onReset} label="Reset" />
        </div>
      )}
    </fieldset>
  )
}

function ControlButton(props: { testId: string; disabled: boolean; onClick(): void; label: string }) {
  return (
    <button
      type="button"
      className="flowmap-button"
      data-testid={props.testId}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.label}
    </button>
  )
}

function remainingLabel(state: string, remainingMs: number | null): string {
  if (state === 'ended') return "time's up"
  const time = remainingMs === null ? 'waiting for the server clock' : `${formatRemaining(remainingMs)} left`
  return state === 'paused' ? `${time}, paused` : time
}

function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M4 11.5V7.5a4 4 0 0 1 8 0v4l1.2 1.2H2.8zM6.6 14a1.5 1.5 0 0 0 2.8 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
      {muted && <path d="M2 2l12 12" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />}
    </svg>
  )
}

function TimerIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="8" cy="9" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path
        d="M8 6v3.2l2 1.3M6.5 1.8h3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </svg>
  )
}

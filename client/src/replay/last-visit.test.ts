// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { type PageLifecycle, readLastSeen, trackSeenWhileOpen, writeLastSeen } from './last-visit.ts'

beforeEach(() => window.localStorage.clear())

test('the last seen seq is kept per user per board and never moves backwards', () => {
  expect(readLastSeen('ana', 'b1')).toBeNull()
  writeLastSeen('ana', 'b1', 40)
  writeLastSeen('ana', 'b1', 12)
  writeLastSeen('ben', 'b1', 7)
  writeLastSeen('ana', 'b2', 3)
  expect(readLastSeen('ana', 'b1')).toBe(40)
  expect(readLastSeen('ben', 'b1')).toBe(7)
  expect(readLastSeen('ana', 'b2')).toBe(3)
})

test('a corrupted value reads as never seen', () => {
  window.localStorage.setItem('flowmap:last-seen:ana:b1', 'yesterday')
  expect(readLastSeen('ana', 'b1')).toBeNull()
})

afterEach(() => vi.useRealTimers())

/** A page whose visibility the test sets, with real events and (fake) timers. */
function fakePage() {
  const doc = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState }
  doc.visibilityState = 'visible'
  const win = new EventTarget() as EventTarget & Pick<Window, 'setInterval' | 'clearInterval'>
  win.setInterval = ((fn: () => void, ms: number) => setInterval(fn, ms)) as unknown as Window['setInterval']
  win.clearInterval = (id) => clearInterval(id)
  const page = { document: doc, window: win } as unknown as PageLifecycle
  const hide = () => {
    doc.visibilityState = 'hidden'
    doc.dispatchEvent(new Event('visibilitychange'))
  }
  return { page, doc, win, hide }
}

test('the mark moves while the page is open and in view, when it is hidden and when it goes; not while hidden', () => {
  vi.useFakeTimers()
  const { page, doc, win, hide } = fakePage()
  const marks: number[] = []
  const stop = trackSeenWhileOpen(() => marks.push(Date.now()), page, 1000)
  expect(marks).toHaveLength(1) // opening is seeing

  vi.advanceTimersByTime(3000)
  expect(marks).toHaveLength(4) // in view: every second

  hide()
  expect(marks).toHaveLength(5) // hidden: the moment they looked away
  vi.advanceTimersByTime(5000)
  expect(marks).toHaveLength(5) // nothing is seen while hidden

  doc.visibilityState = 'visible'
  vi.advanceTimersByTime(1000)
  expect(marks).toHaveLength(6)
  win.dispatchEvent(new Event('pagehide'))
  expect(marks).toHaveLength(7) // the page goes (reload, close, navigation)

  stop()
  expect(marks).toHaveLength(8) // leaving the board in the app
  vi.advanceTimersByTime(5000)
  hide()
  expect(marks).toHaveLength(8) // and nothing after
})

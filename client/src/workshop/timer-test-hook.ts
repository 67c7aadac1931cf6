/**
 * The timer's key of `window.__flowmap` (the page's test and debugging hook): what the chip would show
 * now, computed on demand, so a test compares pages by the millisecond instead of by rendered seconds.
 */
export interface TimerTestHook {
  remainingMs(): number | null
  offsetMs(): number | null
  /** chimes this page played */
  chimes(): number
  /** times this page flashed at zero */
  flashes(): number
}

export function exposeTimer(hook: TimerTestHook): () => void {
  const host = window as unknown as { __flowmap?: Record<string, unknown> }
  host.__flowmap ??= {}
  const target = host.__flowmap
  target.timer = hook
  return () => {
    if (target.timer === hook) delete target.timer
  }
}

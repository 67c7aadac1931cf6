/** After this long without a pointer, selection or view change, a person shows as idle. */
export const IDLE_AFTER_MS = 60_000

export type Activity = 'online' | 'idle'

export function activityOf(activeAt: number, now: number): Activity {
  return now - activeAt > IDLE_AFTER_MS ? 'idle' : 'online'
}

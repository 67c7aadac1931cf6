import { useState } from 'react'

/** The person's own choice, kept on this device: the timer's chime is theirs to silence, not the room's. */
const MUTE_KEY = 'flowmap:timer-chime-muted'

export function readTimerMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === 'true'
  } catch {
    return false
  }
}

export function useTimerMuted(): [boolean, (muted: boolean) => void] {
  const [muted, setMuted] = useState(readTimerMuted)
  const set = (next: boolean) => {
    setMuted(next)
    try {
      if (next) localStorage.setItem(MUTE_KEY, 'true')
      else localStorage.removeItem(MUTE_KEY)
    } catch {
      // Storage refused (private window, quota): the choice holds for this page only.
    }
  }
  return [muted, set]
}

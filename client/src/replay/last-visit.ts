/**
 * The last history seq a person has seen of a board, per user per board, in localStorage: a number
 * per key is all it needs, and it must survive the board's own storage being cleared or compacted.
 *
 * "Seen" means delivered to the board while it was open, in view and connected: `trackSeenWhileOpen`
 * moves the mark while that lasts, so the banner on the next visit lists what happened while the person
 * was away, not what they watched happen (their own edits included).
 */
const PREFIX = 'flowmap:last-seen'

function key(userId: string, boardId: string): string {
  return `${PREFIX}:${userId}:${boardId}`
}

/** The last seq the person saw of the board, or null for never. */
export function readLastSeen(userId: string, boardId: string): number | null {
  try {
    const raw = window.localStorage.getItem(key(userId, boardId))
    const value = raw === null ? Number.NaN : Number(raw)
    return Number.isInteger(value) && value >= 0 ? value : null
  } catch {
    return null // storage blocked (private mode): the banner simply never shows
  }
}

export function writeLastSeen(userId: string, boardId: string, seq: number): void {
  try {
    const current = readLastSeen(userId, boardId)
    // Never move backwards: another tab may have seen more.
    if (current === null || seq > current) window.localStorage.setItem(key(userId, boardId), String(seq))
  } catch {
    // see readLastSeen
  }
}

/** What the tracker needs of the page: its visibility, and its events. */
export type PageLifecycle = {
  document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>
  window: Pick<Window, 'addEventListener' | 'removeEventListener' | 'setInterval' | 'clearInterval'>
}

/**
 * Calls `mark` now, every `intervalMs` while the page is in view, when it is hidden (another tab, the
 * window minimised, a navigation away) and when it goes; the returned stop marks once more. `mark`
 * itself decides whether the moment counts (not while offline: nothing of others reaches the page),
 * and the board calls it too whenever changes from others arrive.
 */
export function trackSeenWhileOpen(
  mark: () => void,
  page: PageLifecycle = { document, window },
  intervalMs = 30_000,
): () => void {
  const onVisibility = () => {
    if (page.document.visibilityState === 'hidden') mark()
  }
  const timer = page.window.setInterval(() => {
    if (page.document.visibilityState === 'visible') mark()
  }, intervalMs)
  page.document.addEventListener('visibilitychange', onVisibility)
  page.window.addEventListener('pagehide', mark)
  mark()
  return () => {
    page.window.clearInterval(timer)
    page.document.removeEventListener('visibilitychange', onVisibility)
    page.window.removeEventListener('pagehide', mark)
    mark()
  }
}

/**
 * The last history seq a person has seen of a board, per user per board, in localStorage: a number
 * per key is all it needs, and it must survive the board's own storage being cleared or compacted.
 */
const PREFIX = 'flowmap:last-seen'

function key(userId: string, boardId: string): string {
  return `${PREFIX}:${userId}:${boardId}`
}

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

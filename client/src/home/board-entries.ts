/** One line of the home page: a board on this device, on the server, or both. */
import type { ServerBoard } from './server-boards.ts'

export type DeviceBoard = {
  readonly id: string
  readonly title: string
  readonly lastOpened: number
  readonly lastSynced: number
}

export type BoardEntry = {
  readonly id: string
  readonly title: string
  /** When this device last opened it; null if never. */
  readonly lastOpened: number | null
  /** The server's last change when known, else this device's last sync; null if neither is known. */
  readonly lastChanged: number | null
  readonly onDevice: boolean
  readonly onServer: boolean
}

export const UNTITLED = 'Untitled board'

/** Device and server lists as one, most recently opened (then changed) first. */
export function mergeBoardEntries(
  device: readonly DeviceBoard[],
  server: readonly ServerBoard[],
): BoardEntry[] {
  const byId = new Map<string, BoardEntry>()
  for (const board of device) {
    byId.set(board.id, {
      id: board.id,
      title: board.title,
      lastOpened: board.lastOpened,
      lastChanged: board.lastSynced > 0 ? board.lastSynced : null,
      onDevice: true,
      onServer: false,
    })
  }
  for (const board of server) {
    const local = byId.get(board.id)
    byId.set(board.id, {
      id: board.id,
      // The device's title may be newer (renamed offline); the server's fills in a blank one.
      title: local?.title || board.title,
      lastOpened: local?.lastOpened ?? null,
      lastChanged: board.updatedAt || local?.lastChanged || null,
      onDevice: local !== undefined,
      onServer: true,
    })
  }
  return [...byId.values()].sort(
    (a, b) => (b.lastOpened ?? 0) - (a.lastOpened ?? 0) || (b.lastChanged ?? 0) - (a.lastChanged ?? 0),
  )
}

/** Boards whose title contains every word of the query, in any case. */
export function searchByTitle(entries: readonly BoardEntry[], query: string): BoardEntry[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...entries]
  return entries.filter((entry) => {
    const title = (entry.title || UNTITLED).toLocaleLowerCase()
    return words.every((word) => title.includes(word))
  })
}

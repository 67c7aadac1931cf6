/** One line of the home page: a board on this device, on the server, or both. */
import type { ServerBoard } from './server-boards.ts'

export type DeviceBoard = {
  readonly id: string
  readonly title: string
  readonly lastOpened: number
  readonly lastSynced: number
  /** When this device last renamed it (ms since epoch); newer than lastSynced = not on the server yet. */
  readonly renamedAt?: number
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
  const deviceById = new Map(device.map((board) => [board.id, board]))
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
      title: listedTitle(local, deviceById.get(board.id), board.title),
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

/**
 * The title is the board's, kept in its doc: the server's copy is the one everyone sees, so it wins
 * over this device's list entry, which only follows the doc when this device opens the board. Except
 * a rename made here that has not reached the server yet (offline): that is the newer title.
 */
function listedTitle(
  entry: BoardEntry | undefined,
  device: DeviceBoard | undefined,
  serverTitle: string,
): string {
  const renamedHere = device !== undefined && (device.renamedAt ?? 0) > device.lastSynced
  if (renamedHere) return device.title
  return serverTitle || entry?.title || ''
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

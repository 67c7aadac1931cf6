/**
 * Renaming a board from the home page. The title is the board's, kept in its doc, so a rename is a
 * change to the doc like any edit: on a board on this device it is written into the device's copy
 * (y-dexie keeps it, offline too) and then sent over a short-lived connection when the server can be
 * reached; otherwise it syncs the next time the board is opened. A board only on the server is
 * renamed over that connection alone. A viewer's rename is refused by the server (viewers are
 * read-only), and the result says so.
 */
import { DexieYProvider } from 'y-dexie'
import * as Y from 'yjs'
import type { BoardDatabase } from '../storage/board-database.ts'
import { createBoardModel } from '../sync/board-model.ts'
import { renameDeviceBoard } from './device-boards.ts'
import { type BoardDocSend, type SendResult, sendBoardDoc } from './send-board-doc.ts'

export interface RenameBoardOptions {
  db: BoardDatabase | null
  boardId: string
  title: string
  onDevice: boolean
  token: string | null
  collabUrl: string
  /** The page keeps the send so it can close it when the person leaves (the board page connects then). */
  track(send: BoardDocSend): void
  now?: () => number
}

/** `shared`: the server has the new title (everyone sees it); else why not, and whether the device keeps it. */
export type RenameResult = { shared: true } | { shared: false; keptOnDevice: boolean; reason: string }

export async function renameBoard(options: RenameBoardOptions): Promise<RenameResult> {
  const now = options.now ?? Date.now
  const connect = (doc: Y.Doc): Promise<SendResult> => {
    const send = sendBoardDoc({
      url: options.collabUrl,
      boardId: options.boardId,
      token: options.token,
      doc,
      // Once the server's state is merged: a device copy that never synced wrote its title
      // concurrently with the server's, and a Y.Map keeps one of two concurrent values by client id,
      // not by time. Writing it again now, after the server's, makes the rename win.
      afterHandshake: (synced) => {
        const board = createBoardModel(synced)
        if (board.meta.get().title !== options.title) board.setTitle(options.title)
      },
    })
    options.track(send)
    return send.done
  }

  if (options.onDevice && options.db) {
    const db = options.db
    const before = await db.boards.get(options.boardId)
    await renameDeviceBoard(db, options.boardId, options.title, now())
    const row = await db.boards.get(options.boardId)
    if (!row) return { shared: false, keptOnDevice: false, reason: 'the board was removed from this device' }
    const persistence = DexieYProvider.load(row.doc)
    try {
      await persistence.whenLoaded
      const sent = await connect(row.doc)
      if (!sent.sent && sent.refused) {
        // The server will never take it (a viewer's link): the list goes back to the title it had. The
        // doc keeps the refused change until the board page opens it, meets the refusal and resets.
        await db.boards.update(options.boardId, { title: before?.title ?? '', renamedAt: before?.renamedAt })
        return { shared: false, keptOnDevice: false, reason: sent.reason }
      }
      if (!sent.sent) return { shared: false, keptOnDevice: true, reason: sent.reason }
      await db.boards.update(options.boardId, { lastSynced: now() })
      return { shared: true }
    } finally {
      DexieYProvider.release(row.doc)
    }
  }

  const doc = new Y.Doc()
  try {
    const sent = await connect(doc)
    return sent.sent ? { shared: true } : { shared: false, keptOnDevice: false, reason: sent.reason }
  } finally {
    doc.destroy()
  }
}

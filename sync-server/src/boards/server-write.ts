/**
 * A change the server makes to a board itself (an anonymous reveal), durable before anyone sees it:
 * the change is built on a scratch doc as one update, appended to history (attributed to nobody), and
 * only then applied to the live doc, whose update Hocuspocus broadcasts. Applying first and appending in
 * onChange would broadcast a change a failed append then leaves out of the log.
 *
 * The scratch doc holds only the new records (never a copy of the board), so this suits writes of new
 * records under fresh keys; the update it yields integrates anywhere because it builds on nothing.
 */
import { type DocOrigin, declareBoardRoots } from '@flowmap/shared'
import type { Document } from '@hocuspocus/server'
import * as Y from 'yjs'
import type { History } from '../extensions/history.ts'
import type { BoardShadows } from './board-shadows.ts'

export const SERVER_WRITE_ORIGIN: DocOrigin = Object.freeze({ source: 'server-write' })

export type ServerWriteResult = { ok: true } | { ok: false; reason: string }

export function writeOnServer(
  parts: { history: History; shadows: BoardShadows; document: Document; documentName: string },
  write: (scratch: Y.Doc) => void,
): ServerWriteResult {
  const scratch = declareBoardRoots(new Y.Doc())
  write(scratch)
  const update = Y.encodeStateAsUpdate(scratch)
  scratch.destroy()
  try {
    parts.history.appendServerMade(parts.document, parts.documentName, update)
  } catch {
    // The shadow followed an update the live doc will not get: take it back to the live state.
    parts.shadows.get(parts.document)?.rebuild(parts.document)
    return { ok: false, reason: 'the server could not store the notes; nothing was written, try again' }
  }
  Y.applyUpdate(parts.document, update, SERVER_WRITE_ORIGIN)
  return { ok: true }
}

/**
 * A change the server makes to a board itself (an anonymous reveal, a vote's tally), durable before
 * anyone sees it: the change is built as one update on a scratch copy of the live doc, appended to
 * history (attributed to nobody), and only then applied to the live doc, whose update Hocuspocus
 * broadcasts. Applying first and appending in onChange would broadcast a change a failed append then
 * leaves out of the log.
 *
 * The scratch doc starts from the live state, so a write may overwrite or remove what the board holds
 * (the tally replaces the open vote); the update is only what the write itself did. Copying the board
 * costs O(board), which these rare, person-triggered writes can afford.
 */
import { type DocOrigin, declareBoardRoots } from '@flowmap/shared'
import type { Document } from '@hocuspocus/server'
import * as Y from 'yjs'
import type { History } from '../extensions/history.ts'
import type { BoardShadows } from './board-shadows.ts'

export const SERVER_WRITE_ORIGIN: DocOrigin = Object.freeze({ source: 'server-write' })

export type ServerWriteResult = { ok: true } | { ok: false; reason: string }

export interface ServerWriteParts {
  history: History
  shadows: BoardShadows
  document: Document
  documentName: string
}

/** `what` names the change for a person: 'the notes', 'the vote result'. */
export function writeOnServer(
  parts: ServerWriteParts,
  what: string,
  write: (scratch: Y.Doc) => void,
): ServerWriteResult {
  const scratch = declareBoardRoots(new Y.Doc())
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(parts.document))
  const written: Uint8Array[] = []
  scratch.on('update', (update: Uint8Array) => written.push(update))
  write(scratch)
  scratch.destroy()
  if (written.length === 0) return { ok: true }
  const update = written.length === 1 ? written[0]! : Y.mergeUpdates(written)
  try {
    parts.history.appendServerMade(parts.document, parts.documentName, update)
  } catch {
    // The shadow followed an update the live doc will not get: take it back to the live state.
    parts.shadows.get(parts.document)?.rebuild(parts.document)
    return { ok: false, reason: `the server could not store ${what}; nothing was written, try again` }
  }
  Y.applyUpdate(parts.document, update, SERVER_WRITE_ORIGIN)
  return { ok: true }
}

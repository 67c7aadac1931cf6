/**
 * A change the server makes to a board itself (an anonymous reveal, a vote's tally), durable before
 * anyone sees it: the change is built as one update on a scratch copy of the live doc, appended to
 * history (attributed to nobody), and only then applied to the live doc, whose update Hocuspocus
 * broadcasts. Applying first and appending in onChange would broadcast a change a failed append then
 * leaves out of the log.
 *
 * The scratch doc starts from the live state, so a write may overwrite or remove what the board holds
 * (the tally replaces the open vote); the update is only what the write itself did. Copying the board
 * costs O(board), which these rare, person-triggered writes can afford. The whole write runs in the
 * board's turn (board-turns.ts): no update of a connection is validated or applied between the copy and
 * the apply, and the append's commit is waited for before anyone sees the change.
 *
 * A write made on someone's behalf (an imported file) names its `author`, whose history entry it
 * becomes, and a `check` that judges it as that person's edit would be judged (validate-touched.ts):
 * the write must then be one transaction, which the check sees on the scratch doc before anything is
 * stored; a refusal leaves the board as it was.
 */
import {
  type DocOrigin,
  declareBoardRoots,
  type RecordsBefore,
  type Refusal,
  readRawBoardField,
  recordsBefore,
} from '@flowmap/shared'
import type { Document } from '@hocuspocus/server'
import * as Y from 'yjs'
import type { History, HistoryAuthor } from '../extensions/history.ts'
import type { BoardShadows } from './board-shadows.ts'
import type { BoardTurns } from './board-turns.ts'
import type { BoardBefore } from './validate-touched.ts'

export const SERVER_WRITE_ORIGIN: DocOrigin = Object.freeze({ source: 'server-write' })

export type ServerWriteResult = { ok: true } | { ok: false; reason: string; refusal?: Refusal }

export type ServerWriteOptions = {
  /** Whose history entry the write is; nobody's when absent. */
  author?: HistoryAuthor
  /** Judges the write's one transaction on the scratch doc; a refusal writes nothing. */
  check?: (scratch: Y.Doc, transaction: Y.Transaction, before: BoardBefore) => Refusal | null
}

export interface ServerWriteParts {
  history: History
  shadows: BoardShadows
  turns: BoardTurns
  document: Document
  documentName: string
}

/** `what` names the change for a person: 'the notes', 'the vote result'. */
export function writeOnServer(
  parts: ServerWriteParts,
  what: string,
  write: (scratch: Y.Doc) => void,
  options: ServerWriteOptions = {},
): Promise<ServerWriteResult> {
  return parts.turns.run(parts.documentName, () => writeInTurn(parts, what, write, options))
}

async function writeInTurn(
  parts: ServerWriteParts,
  what: string,
  write: (scratch: Y.Doc) => void,
  options: ServerWriteOptions,
): Promise<ServerWriteResult> {
  const scratch = declareBoardRoots(new Y.Doc())
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(parts.document))
  const written: Uint8Array[] = []
  scratch.on('update', (update: Uint8Array) => written.push(update))
  const transactions: { transaction: Y.Transaction; records: RecordsBefore }[] = []
  if (options.check !== undefined) {
    // Only here are the values a transaction replaced still readable (Yjs collects them next).
    scratch.on('afterTransaction', (transaction: Y.Transaction) => {
      transactions.push({ transaction, records: recordsBefore(transaction) })
    })
  }
  const schemaBefore = readRawBoardField(scratch, 'schema')
  write(scratch)
  const refusal =
    options.check === undefined ? null : checkWrite(scratch, transactions, schemaBefore, options.check)
  scratch.destroy()
  if (refusal !== null) return { ok: false, reason: refusal.reason, refusal }
  if (written.length === 0) return { ok: true }
  const update = written.length === 1 ? written[0]! : Y.mergeUpdates(written)
  try {
    await parts.history.appendServerMade(parts.document, parts.documentName, update, options.author)
  } catch {
    // The shadow followed an update the live doc will not get: take it back to the live state.
    parts.shadows.get(parts.document)?.rebuild(parts.document)
    return { ok: false, reason: `the server could not store ${what}; nothing was written, try again` }
  }
  Y.applyUpdate(parts.document, update, SERVER_WRITE_ORIGIN)
  return { ok: true }
}

function checkWrite(
  scratch: Y.Doc,
  transactions: readonly { transaction: Y.Transaction; records: RecordsBefore }[],
  schema: unknown,
  check: NonNullable<ServerWriteOptions['check']>,
): Refusal | null {
  if (transactions.length === 0) return null
  // The check reads what one transaction touched; a write in several would be judged by its last alone.
  if (transactions.length > 1)
    throw new Error(`a checked server write made ${transactions.length} transactions`)
  const [{ transaction, records }] = transactions as [(typeof transactions)[number]]
  return check(scratch, transaction, { schema, records })
}

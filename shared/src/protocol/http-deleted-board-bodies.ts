/**
 * The bodies of deleting and restoring a board: DELETE /api/boards/:id and GET /api/deleted-boards
 * answer deleted boards (with the last day they can be restored), POST /api/boards/:id/restore answers
 * the board back in the list. Times are ISO 8601 strings.
 */
import { T } from '@tldraw/validate'
import { type BodyRead, readBody } from './http-body-read.ts'

/**
 * A deleted board, not yet purged: `deletedAt` (ISO 8601) is when a facilitator deleted it,
 * `restorableUntil` (ISO 8601) the last moment it can be restored before it is purged with its history.
 */
const deletedBoardJson = T.object({
  id: T.string,
  title: T.string,
  deletedAt: T.string,
  restorableUntil: T.string,
}).allowUnknownProperties()
export type DeletedBoardJson = T.TypeOf<typeof deletedBoardJson>

/** GET /api/deleted-boards: the deleted boards the token may restore (it facilitates them). */
const deletedBoardListBody = T.object({ boards: T.arrayOf(deletedBoardJson) }).allowUnknownProperties()
export type DeletedBoardListBody = T.TypeOf<typeof deletedBoardListBody>

export function readDeletedBoardBody(json: unknown): BodyRead<DeletedBoardJson> {
  return readBody(deletedBoardJson, json, 'the deleted board (DELETE /api/boards/:id)')
}

export function readDeletedBoardListBody(json: unknown): BodyRead<DeletedBoardListBody> {
  return readBody(deletedBoardListBody, json, 'the deleted boards (GET /api/deleted-boards)')
}

/**
 * The board bodies of the HTTP API: GET /api/boards (the list), POST /api/boards (the created board) and
 * GET /api/boards/:id (one board with its last history seq). Times are ISO 8601 strings.
 */
import { T } from '@tldraw/validate'
import { boardIdProblem, isBoardId } from './board-id.ts'
import { type BodyRead, readBody } from './http-body-read.ts'

const boardJson = T.object({
  id: T.string,
  title: T.string,
  /** ISO 8601 */
  createdAt: T.string,
  /** ISO 8601; moves when a snapshot of a changed board is written */
  updatedAt: T.string,
}).allowUnknownProperties()

/** A board as the API lists it. */
export type BoardJson = T.TypeOf<typeof boardJson>

const boardListBody = T.object({ boards: T.arrayOf(boardJson) }).allowUnknownProperties()

/** GET /api/boards: the boards the token opens. */
export type BoardListBody = T.TypeOf<typeof boardListBody>

const createdBoardBody = boardJson.extend({ url: T.string }).allowUnknownProperties()

/** POST /api/boards (201): the new board and the URL that opens it. */
export type CreatedBoardBody = T.TypeOf<typeof createdBoardBody>

/** `lastSeq` is 0 before the board's first history entry. */
const boardBody = boardJson.extend({ lastSeq: T.positiveInteger }).allowUnknownProperties()

/** GET /api/boards/:id: the board and its last history seq. */
export type BoardBody = T.TypeOf<typeof boardBody>

export function readBoardListBody(json: unknown): BodyRead<BoardListBody> {
  return readBody(boardListBody, json, 'the board list (GET /api/boards)')
}

/** The client opens the new board by its id, so an id that is not a board id is refused here too. */
export function readCreatedBoardBody(json: unknown): BodyRead<CreatedBoardBody> {
  const read = readBody(createdBoardBody, json, 'the new board (POST /api/boards)')
  if (!read.ok || isBoardId(read.body.id)) return read
  return {
    ok: false,
    reason: `the new board (POST /api/boards) is malformed: ${boardIdProblem(read.body.id)}`,
  }
}

export function readBoardBody(json: unknown): BodyRead<BoardBody> {
  return readBody(boardBody, json, 'the board (GET /api/boards/:id)')
}

/**
 * GET /api/boards: the boards the token opens. POST /api/boards `{title?}`: a new board, for a
 * facilitator token for every board; its first history entry writes the title and schema version.
 */
import {
  type BoardListBody,
  type CreatedBoardBody,
  DEFAULT_BOARD_TITLE,
  flowmapSchema,
  writeBoard,
} from '@flowmap/shared'
import * as Y from 'yjs'
import { opensBoard } from '../auth/roles.ts'
import { newBoardId } from '../boards/board-id.ts'
import { boardJson } from './board-json.ts'
import { problem, readJsonBody } from './json-response.ts'
import { publicBaseUrl } from './public-url.ts'
import type { Route, RouteResult, UserRequest } from './route.ts'

const MAX_TITLE_LENGTH = 200

function listBoards({ context, user }: UserRequest): RouteResult<BoardListBody> {
  const boards = context.storage.listBoards().filter((board) => opensBoard(user, board.id))
  return { status: 200, body: { boards: boards.map(boardJson) } }
}

export const listBoardsRoute: Route = {
  method: 'GET',
  path: '/api/boards',
  access: 'authenticated',
  answer: listBoards,
}

async function createBoard({ context, request, user }: UserRequest): Promise<RouteResult<CreatedBoardBody>> {
  const read = await readJsonBody(request, context.config.maxJsonBodyBytes)
  if (!read.ok) return read
  const body = read.body as { title?: unknown }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return problem(400, 'invalid-body', 'expected a JSON object like {"title": "Order to cash"}')
  }
  const title = body.title === undefined ? DEFAULT_BOARD_TITLE : body.title
  if (typeof title !== 'string' || title.trim() === '' || title.length > MAX_TITLE_LENGTH) {
    return problem(
      400,
      'invalid-title',
      `title must be a non-empty string of at most ${MAX_TITLE_LENGTH} characters`,
    )
  }
  const id = newBoardId()
  const now = Date.now()
  const created = context.storage.createBoard({ id, title, now })
  if (!created.ok) return problem(409, 'board-exists', `board ${id} already exists`)
  // The title and schema version live in the doc (clients read them there); the first history entry
  // writes them, so replay starts from the board as created.
  const doc = new Y.Doc()
  writeBoard(doc, { title, schema: flowmapSchema.serialize() })
  context.storage.appendUpdate({
    boardId: id,
    time: now,
    userId: user.id,
    userName: user.name,
    clientId: doc.clientID,
    update: Y.encodeStateAsUpdate(doc),
  })
  return {
    status: 201,
    body: { ...boardJson(created.board), url: `${publicBaseUrl(context.config, request)}/b/${id}` },
  }
}

export const createBoardRoute: Route = {
  method: 'POST',
  path: '/api/boards',
  access: 'facilitate-all-boards',
  refusal: 'creating boards needs a facilitator token for all boards (board "*")',
  answer: createBoard,
}

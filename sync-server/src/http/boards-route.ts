/**
 * GET /api/boards: the boards the token opens. POST /api/boards `{title?}`: a new board, for a
 * facilitator token for every board; its first history entry writes the title and schema version.
 * POST /api/boards with a file (a body that is not JSON, or `?format=`/`?name=`): a new board made
 * from the file (create-board-from-file.ts).
 */
import { type BoardListBody, type CreatedBoardBody, DEFAULT_BOARD_TITLE } from '@flowmap/shared'
import { opensBoard } from '../auth/roles.ts'
import { createTitledBoard, MAX_TITLE_LENGTH } from '../boards/create-titled-board.ts'
import { boardJson } from './board-json.ts'
import { createBoardFromFile, isFileRequest } from './create-board-from-file.ts'
import { problem, readJsonBody } from './json-response.ts'
import { publicBaseUrl } from './public-url.ts'
import type { Route, RouteResult, UserRequest } from './route.ts'

async function listBoards({ context, user }: UserRequest): Promise<RouteResult<BoardListBody>> {
  const boards = (await context.storage.listBoards()).filter((board) => opensBoard(user, board.id))
  return { status: 200, body: { boards: boards.map(boardJson) } }
}

export const listBoardsRoute: Route = {
  method: 'GET',
  path: '/api/boards',
  access: 'authenticated',
  answer: listBoards,
}

async function createBoard(answer: UserRequest): Promise<RouteResult<CreatedBoardBody>> {
  if (isFileRequest(answer.request, answer.query)) return createBoardFromFile(answer)
  const { context, request, user } = answer
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
  const created = await createTitledBoard(context.storage, user, title)
  if (!created.ok) return problem(409, 'board-exists', `board ${created.id} already exists`)
  return {
    status: 201,
    body: {
      ...boardJson(created.board),
      url: `${publicBaseUrl(context.config, request)}/b/${created.board.id}`,
    },
  }
}

export const createBoardRoute: Route = {
  method: 'POST',
  path: '/api/boards',
  access: 'facilitate-all-boards',
  refusal: 'creating boards needs a facilitator token for all boards (board "*")',
  answer: createBoard,
}

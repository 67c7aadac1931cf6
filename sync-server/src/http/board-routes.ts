/**
 * /api/boards: list, create, metadata, history pages, JSON export and invites. Same access rules as
 * the socket (http/request-auth.ts). Handlers return what to send; the dispatcher sends it.
 */
import type { IncomingMessage } from 'node:http'
import {
  type BoardPreview,
  boardRoleProblem,
  canFacilitateBoard,
  DEFAULT_BOARD_TITLE,
  flowmapSchema,
  isBoardRole,
  previewOf,
  readBoard,
  readRecords,
  readRoles,
  toWorkflowGraph,
  writeBoard,
} from '@flowmap/shared'
import * as Y from 'yjs'
import { opensBoard } from '../auth/roles.ts'
import { createShareLink, inviteDaysProblem } from '../auth/share-link.ts'
import { newBoardId } from '../boards/board-id.ts'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { ServerConfig } from '../config.ts'
import type { BoardRecord, BoardStorage, HistoryEntry } from '../storage/board-storage.ts'
import { type ApiError, problem, readJsonBody } from './json-response.ts'
import { authorizeRequest, findReadableBoard } from './request-auth.ts'

export interface BoardRoutesContext {
  config: ServerConfig
  storage: BoardStorage
}

export type RouteResult = { status: number; body: unknown } | { problem: ApiError }

const MAX_TITLE_LENGTH = 200
const DEFAULT_HISTORY_LIMIT = 100
const MAX_HISTORY_LIMIT = 1000

export async function listBoards(
  context: BoardRoutesContext,
  request: IncomingMessage,
): Promise<RouteResult> {
  const access = await authorizeRequest(context.config.authSecret, request, null)
  if (!access.ok) return access
  const boards = context.storage.listBoards().filter((board) => opensBoard(access.user, board.id))
  return { status: 200, body: { boards: boards.map(boardJson) } }
}

export async function createBoard(
  context: BoardRoutesContext,
  request: IncomingMessage,
): Promise<RouteResult> {
  const access = await authorizeRequest(context.config.authSecret, request, null)
  if (!access.ok) return access
  if (!canFacilitateBoard(access.user.role) || access.user.board !== '*') {
    return forbidden('creating boards needs a facilitator token for all boards (board "*")')
  }
  const read = await readJsonBody(request, context.config.maxJsonBodyBytes)
  if (!read.ok) return read
  const body = read.body as { title?: unknown }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return badRequest('invalid-body', 'expected a JSON object like {"title": "Order to cash"}')
  }
  const title = body.title === undefined ? DEFAULT_BOARD_TITLE : body.title
  if (typeof title !== 'string' || title.trim() === '' || title.length > MAX_TITLE_LENGTH) {
    return badRequest(
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
    userId: access.user.id,
    userName: access.user.name,
    clientId: doc.clientID,
    update: Y.encodeStateAsUpdate(doc),
  })
  return {
    status: 201,
    body: { ...boardJson(created.board), url: `${baseUrl(context.config, request)}/b/${id}` },
  }
}

export async function getBoard(
  context: BoardRoutesContext,
  request: IncomingMessage,
  boardId: string,
): Promise<RouteResult> {
  const found = await findReadableBoard(readContext(context), request, boardId)
  if ('problem' in found) return found
  return { status: 200, body: { ...boardJson(found.board), lastSeq: context.storage.lastSeq(boardId) } }
}

export async function getHistory(
  context: BoardRoutesContext,
  request: IncomingMessage,
  boardId: string,
  query: URLSearchParams,
): Promise<RouteResult> {
  const found = await findReadableBoard(readContext(context), request, boardId)
  if ('problem' in found) return found
  const after = integerParam(query, 'after', 0, 0, Number.MAX_SAFE_INTEGER)
  if (typeof after === 'string') return badRequest('invalid-after', after)
  const limit = integerParam(query, 'limit', DEFAULT_HISTORY_LIMIT, 1, MAX_HISTORY_LIMIT)
  if (typeof limit === 'string') return badRequest('invalid-limit', limit)
  // One extra row says whether another page exists without a COUNT query.
  const rows = context.storage.readHistory(boardId, { afterSeq: after, limit: limit + 1 })
  const entries = rows.slice(0, limit)
  const last = entries[entries.length - 1]
  return {
    status: 200,
    body: {
      boardId,
      entries: entries.map(historyEntryJson),
      hasMore: rows.length > limit,
      nextAfter: last === undefined ? null : last.seq,
      checkpoints: context.storage.listCheckpoints(boardId).map((checkpoint) => ({
        seq: checkpoint.seq,
        time: new Date(checkpoint.time).toISOString(),
      })),
    },
  }
}

export async function exportBoard(
  context: BoardRoutesContext,
  request: IncomingMessage,
  boardId: string,
): Promise<RouteResult> {
  const found = await findReadableBoard(readContext(context), request, boardId)
  if ('problem' in found) return found
  // Storage holds every acknowledged update, so it is as current as the live document.
  const { doc, seq } = loadBoardDoc(context.storage, boardId)
  try {
    const records = readRecords(doc)
    const roles = readRoles(doc)
    const board = readBoard(doc)
    return {
      status: 200,
      body: {
        format: 'flowmap-board',
        version: 1,
        exportedAt: new Date().toISOString(),
        seq,
        board: { id: boardId, title: board.title, schema: board.schema },
        roles,
        records,
        graph: toWorkflowGraph(records, roles),
      },
    }
  } finally {
    doc.destroy()
  }
}

/** Previews by storage and board, with the seq they show: a board unchanged since is not loaded again. */
const previews = new WeakMap<BoardStorage, Map<string, { seq: number; preview: BoardPreview }>>()

/**
 * GET /api/boards/:id/preview: the board's thumbnail (the same `previewOf` the home page draws from a
 * board on the device), for boards this device has not opened yet.
 */
export async function getBoardPreview(
  context: BoardRoutesContext,
  request: IncomingMessage,
  boardId: string,
): Promise<RouteResult> {
  const found = await findReadableBoard(readContext(context), request, boardId)
  if ('problem' in found) return found
  let cache = previews.get(context.storage)
  if (cache === undefined) {
    cache = new Map()
    previews.set(context.storage, cache)
  }
  const cached = cache.get(boardId)
  if (cached !== undefined && cached.seq === context.storage.lastSeq(boardId)) {
    return { status: 200, body: { boardId, ...cached } }
  }
  const { doc, seq } = loadBoardDoc(context.storage, boardId)
  try {
    const preview = previewOf(readRecords(doc))
    cache.set(boardId, { seq, preview })
    return { status: 200, body: { boardId, seq, preview } }
  } finally {
    doc.destroy()
  }
}

export async function createInvite(
  context: BoardRoutesContext,
  request: IncomingMessage,
  boardId: string,
): Promise<RouteResult> {
  const found = await findReadableBoard(readContext(context), request, boardId)
  if ('problem' in found) return found
  if (!canFacilitateBoard(found.user.role))
    return forbidden('only a facilitator of this board can invite people')
  const secret = context.config.authSecret
  if (secret === null) {
    return problem(
      409,
      'auth-disabled',
      'invites need FLOWMAP_AUTH_SECRET; in local mode anyone who can open the URL is a facilitator',
    )
  }
  const read = await readJsonBody(request, context.config.maxJsonBodyBytes)
  if (!read.ok) return read
  const body = read.body as { role?: unknown; days?: unknown; name?: unknown }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return badRequest(
      'invalid-body',
      'expected a JSON object like {"role": "editor", "days": 7, "name": "Ada"}',
    )
  }
  if (!isBoardRole(body.role)) {
    return badRequest('invalid-role', `role ${boardRoleProblem(body.role)}`)
  }
  const days = body.days ?? 7
  const daysProblem = inviteDaysProblem(days)
  if (daysProblem !== null) return badRequest('invalid-days', daysProblem)
  const name = body.name ?? `Guest ${body.role}`
  if (typeof name !== 'string' || name.trim() === '' || name.length > 100) {
    return badRequest('invalid-name', 'name must be a non-empty string of at most 100 characters')
  }
  const link = await createShareLink({
    secret,
    baseUrl: baseUrl(context.config, request),
    boardId,
    role: body.role,
    name,
    days: days as number,
    now: new Date(),
  })
  return { status: 201, body: link }
}

function readContext(context: BoardRoutesContext) {
  return { authSecret: context.config.authSecret, storage: context.storage }
}

function baseUrl(config: ServerConfig, request: IncomingMessage): string {
  if (config.publicUrl !== null) return config.publicUrl
  return `http://${request.headers.host ?? `${config.host}:${config.port}`}`
}

function integerParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number | string {
  const raw = query.get(name)
  if (raw === null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    return `${name} must be an integer from ${min} to ${max}, got "${raw}"`
  }
  return value
}

function boardJson(board: BoardRecord) {
  return {
    id: board.id,
    title: board.title,
    createdAt: new Date(board.createdAt).toISOString(),
    updatedAt: new Date(board.updatedAt).toISOString(),
  }
}

function historyEntryJson(entry: HistoryEntry) {
  return {
    seq: entry.seq,
    time: new Date(entry.time).toISOString(),
    userId: entry.userId,
    userName: entry.userName,
    clientId: entry.clientId,
    update: Buffer.from(entry.update).toString('base64'),
  }
}

function badRequest(error: string, message: string): { problem: ApiError } {
  return problem(400, error, message)
}

function forbidden(message: string): { problem: ApiError } {
  return problem(403, 'forbidden', message)
}

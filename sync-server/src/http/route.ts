/**
 * What one HTTP route declares: its method, its path, the access it needs and its handler (`answer`). The
 * dispatcher (route-dispatch.ts) answers everything the declaration says before the handler runs: a
 * method the path does not take (405 with Allow), the board id in the path (400), the token (401/403),
 * the board's existence (404) and the role (403). A handler gets the board and the user it found, and
 * the server's context, and returns what to send.
 */
import type { IncomingMessage } from 'node:http'
import type { AssetFiles } from '../assets/asset-files.ts'
import type { BoardUser } from '../auth/roles.ts'
import type { LiveMembers } from '../boards/apply-member-change.ts'
import type { WriteBoardAs } from '../boards/write-live-board.ts'
import type { ServerConfig } from '../config.ts'
import type { ImportConverter } from '../convert/import-converter.ts'
import type { ServerMetrics } from '../server-metrics.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import type { BoardRecord } from '../storage/board-storage.ts'
import type { ApiError } from './json-response.ts'

/** What the routes read: the settings, the storage and the metrics registry. */
export interface RouteContext {
  config: ServerConfig
  storage: AsyncBoardStorage
  metrics: ServerMetrics
  /** Disconnects everyone on a board, telling them why (a deleted board); absent where nothing connects. */
  closeBoardSockets?(boardId: string, reason: string): void
  /** A facilitator's change to a person, applied to their live connections; absent where nothing connects. */
  liveMembers?: LiveMembers
  /**
   * Writes into a board's live doc as `user`'s edit (judged as theirs, one history entry in their name,
   * seen by everyone connected); absent where nothing connects.
   */
  writeBoardAs?: WriteBoardAs
  /** Converts import files off the event loop, one at a time and one per person. */
  importConverter: ImportConverter
  /** The asset store's bytes (its records are in `storage`). */
  assetFiles: AssetFiles
  /** Which database `storage` is, and whether the Redis relay is up (null: no Redis), for /healthz. */
  dependencies?: { storage: 'sqlite' | 'postgres'; redisReady: (() => boolean) | null }
}

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'DELETE'

/**
 * - `none`: anyone (the operational routes).
 * - `authenticated`: any valid token (or local mode); the handler decides what the token may see.
 * - `facilitate-all-boards`: a facilitator token for every board (`*`), e.g. to create a board.
 * - `read`, `edit`, `facilitate`: a token that opens the path's board with at least that role, and a
 *   board that exists.
 */
export type RouteAccess = 'none' | 'authenticated' | 'facilitate-all-boards' | BoardAccess
export type BoardAccess = 'read' | 'edit' | 'facilitate'

/** A board route's path names its board with `:boardId`. */
export type BoardPath = `${string}/:boardId${string}`

export interface OpenRequest {
  request: IncomingMessage
  query: URLSearchParams
  /** The path's named segments other than literal ones (`:boardId`, `:hash` …), decoded. */
  params: Readonly<Record<string, string>>
  context: RouteContext
}
export interface UserRequest extends OpenRequest {
  user: BoardUser
}
export interface BoardRequest extends UserRequest {
  board: BoardRecord
}

/** What the handler sends: JSON with a status, a refusal (`{ error, message }`), or plain text. */
export type RouteResult<Body = unknown> = { status: number; body: Body } | { problem: ApiError }
/** Plain text; with `filename`, sent as a download of that name (a Content-Disposition attachment). */
export type TextAnswer = { status: number; text: string; contentType: string; filename?: string }
/** Bytes as they are (a stored asset), with the headers that describe them. */
export type BytesAnswer = { status: number; bytes: Uint8Array; headers: Readonly<Record<string, string>> }
export type RouteAnswer = RouteResult | TextAnswer | BytesAnswer

type RequestFor<Access extends RouteAccess> = Access extends 'none'
  ? OpenRequest
  : Access extends BoardAccess
    ? BoardRequest
    : UserRequest

export type Route<Access extends RouteAccess = RouteAccess> = {
  [A in Access]: {
    method: HttpMethod
    /** Literal segments and `:boardId`; paths under /api also answer with one trailing `/`. */
    path: A extends BoardAccess ? BoardPath : string
    access: A
    /**
     * The 403's sentence when the token's role is short of `access`: it names what was refused
     * ("only a facilitator can name a version").
     */
    refusal?: string
    /**
     * A deleted board is answered 410 before the handler runs, unless the route works on deleted
     * boards (restoring one).
     */
    deletedBoards?: 'refuse' | 'accept'
    answer(request: RequestFor<A>): RouteAnswer | Promise<RouteAnswer>
  }
}[Access]

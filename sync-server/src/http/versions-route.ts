/**
 * GET/POST /api/boards/:id/versions: the board's named versions. Anyone who can open the board lists
 * them; only a facilitator names one. A new name points at the board's latest history seq (the moment
 * the facilitator sees), or at an explicit `seq` of the history (naming a moment found in replay).
 */
import type { IncomingMessage } from 'node:http'
import { canFacilitateBoard } from '@flowmap/shared'
import type { ServerConfig } from '../config.ts'
import type { BoardStorage, NamedVersion } from '../storage/board-storage.ts'
import type { RouteResult } from './board-routes.ts'
import { problem, readJsonBody } from './json-response.ts'
import { decodePathSegment } from './path-decoding.ts'
import { findReadableBoard } from './request-auth.ts'

export interface VersionsRoutes {
  /** The board id when `path` is /api/boards/:id/versions, else null. */
  match(path: string): string | null
  handle(request: IncomingMessage, boardId: string): Promise<RouteResult>
}

const VERSIONS_PATH = /^\/api\/boards\/([^/]+)\/versions\/?$/
const MAX_NAME_LENGTH = 100

export function createVersionsRoutes(context: {
  config: ServerConfig
  storage: BoardStorage
}): VersionsRoutes {
  const access = { authSecret: context.config.authSecret, storage: context.storage }

  async function handle(request: IncomingMessage, boardId: string): Promise<RouteResult> {
    const method = request.method ?? 'GET'
    if (method !== 'GET' && method !== 'POST') {
      return problem(405, 'method-not-allowed', `${method} is not allowed here; use GET or POST`)
    }
    const found = await findReadableBoard(access, request, boardId)
    if ('problem' in found) return found
    if (method === 'GET') {
      const versions = context.storage.listNamedVersions(boardId)
      return { status: 200, body: { boardId, versions: versions.map(versionJson) } }
    }

    if (!canFacilitateBoard(found.user.role))
      return problem(403, 'forbidden', 'only a facilitator can name a version')
    const read = await readJsonBody(request, context.config.maxJsonBodyBytes)
    if (!read.ok) return read
    const body = read.body as { name?: unknown; seq?: unknown }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return problem(400, 'invalid-body', 'expected a JSON object like {"name": "after round 1"}')
    }
    const name = typeof body.name === 'string' ? body.name.trim() : ''
    if (name === '' || name.length > MAX_NAME_LENGTH) {
      return problem(
        400,
        'invalid-name',
        `name must be a non-empty string of at most ${MAX_NAME_LENGTH} characters`,
      )
    }
    const lastSeq = context.storage.lastSeq(boardId)
    const seq = body.seq === undefined ? lastSeq : body.seq
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0 || seq > lastSeq) {
      return problem(
        400,
        'invalid-seq',
        `seq must be an integer from 0 to ${lastSeq} (the board's last), got ${JSON.stringify(seq)}`,
      )
    }
    const version: NamedVersion = {
      boardId,
      seq,
      name,
      time: Date.now(),
      userId: found.user.id,
      userName: found.user.name,
    }
    context.storage.addNamedVersion(version)
    return { status: 201, body: versionJson(version) }
  }

  return {
    match: (path) => {
      const found = VERSIONS_PATH.exec(path)
      return found === null ? null : decodePathSegment(found[1]!)
    },
    handle,
  }
}

function versionJson(version: NamedVersion) {
  return {
    seq: version.seq,
    name: version.name,
    time: new Date(version.time).toISOString(),
    userId: version.userId,
    userName: version.userName,
  }
}

/**
 * GET/POST /api/boards/:id/versions: the board's named versions. Anyone who can open the board lists
 * them; only a facilitator names one. A new name points at the board's latest history seq (the moment
 * the facilitator sees), or at an explicit `seq` of the history (naming a moment found in replay).
 */
import type { NamedVersionJson, VersionListBody } from '@flowmap/shared'
import type { NamedVersion } from '../storage/board-storage.ts'
import { problem, readJsonBody } from './json-response.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'

const MAX_NAME_LENGTH = 100

async function listVersions({
  context,
  board: { id: boardId },
}: BoardRequest): Promise<RouteResult<VersionListBody>> {
  const versions = await context.storage.listNamedVersions(boardId)
  return { status: 200, body: { boardId, versions: versions.map(versionJson) } }
}

export const listVersionsRoute: Route = {
  method: 'GET',
  path: '/api/boards/:boardId/versions',
  access: 'read',
  answer: listVersions,
}

async function nameVersion({
  context,
  request,
  board: { id: boardId },
  user,
}: BoardRequest): Promise<RouteResult<NamedVersionJson>> {
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
  const lastSeq = await context.storage.lastSeq(boardId)
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
    userId: user.id,
    userName: user.name,
  }
  await context.storage.addNamedVersion(version)
  return { status: 201, body: versionJson(version) }
}

export const nameVersionRoute: Route = {
  method: 'POST',
  path: '/api/boards/:boardId/versions',
  access: 'facilitate',
  refusal: 'only a facilitator can name a version',
  answer: nameVersion,
}

function versionJson(version: NamedVersion): NamedVersionJson {
  return {
    seq: version.seq,
    name: version.name,
    time: new Date(version.time).toISOString(),
    userId: version.userId,
    userName: version.userName,
  }
}

/**
 * POST /api/boards/:id/templates `{ name, description? }`: a facilitator saves the board, as the server
 * holds it now, as a template for new boards on this server (201 with the template). The records and
 * roles come from storage, not from the request: board content never travels in an HTTP body, and the
 * template is exactly what everyone on the board sees. A bad body is refused (400/413/415) before
 * anything is read or written.
 */
import { randomBytes } from 'node:crypto'
import {
  readBoard,
  readRecords,
  readRoles,
  readSaveTemplateRequest,
  type SavedTemplateJson,
  templateOfBoard,
} from '@flowmap/shared'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { StoredTemplate } from '../storage/board-storage.ts'
import { problem, readJsonBody } from './json-response.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'
import { savedTemplateJson } from './template-json.ts'

async function saveTemplate({
  context,
  request,
  board: { id: boardId },
  user,
}: BoardRequest): Promise<RouteResult<SavedTemplateJson>> {
  const read = await readJsonBody(request, context.config.maxJsonBodyBytes)
  if (!read.ok) return read
  const body = readSaveTemplateRequest(read.body)
  if (!body.ok) {
    return problem(400, 'invalid-body', `${body.reason}; expected {"name": "Onboarding kick-off"}`)
  }
  const { doc } = await loadBoardDoc(context.storage, boardId)
  let snapshot: ReturnType<typeof templateOfBoard>
  try {
    snapshot = templateOfBoard(readRecords(doc), readRoles(doc), readBoard(doc).schema)
  } finally {
    doc.destroy()
  }
  if (!snapshot.ok) return problem(413, 'template-too-large', snapshot.reason)
  const template: StoredTemplate = {
    id: `saved-${randomBytes(9).toString('base64url')}`,
    name: body.body.name.trim(),
    description: body.body.description?.trim() ?? '',
    boardId,
    createdAt: Date.now(),
    createdBy: user.name,
    roles: [...snapshot.content.roles],
    records: [...snapshot.content.records],
  }
  await context.storage.addTemplate(template)
  return { status: 201, body: savedTemplateJson(template) }
}

export const saveTemplateRoute: Route = {
  method: 'POST',
  path: '/api/boards/:boardId/templates',
  access: 'facilitate',
  refusal: 'only a facilitator can save a board as a template',
  answer: saveTemplate,
}

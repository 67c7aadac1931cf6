/**
 * GET /api/boards/:id/export.bpmn: the board as BPMN 2.0 XML (docs/bpmn-dialect.md), for process
 * modelers and engines, as a download named after the board.
 */
import { boardToBpmn, readBoard, readRecords, readRoles } from '@flowmap/shared'
import { loadBoardDoc } from '../boards/load-board.ts'
import { downloadName } from './attachment.ts'
import type { BoardRequest, Route, TextAnswer } from './route.ts'

/** The media type BPMN tools register for `.bpmn` files. */
const BPMN_CONTENT_TYPE = 'application/bpmn+xml; charset=utf-8'

async function exportBpmn({ context, board: { id: boardId } }: BoardRequest): Promise<TextAnswer> {
  // Storage holds every acknowledged update, so it is as current as the live document.
  const { doc } = await loadBoardDoc(context.storage, boardId)
  let content: Parameters<typeof boardToBpmn>[0]
  try {
    content = { title: readBoard(doc).title, roles: readRoles(doc), records: readRecords(doc) }
  } finally {
    doc.destroy()
  }
  return {
    status: 200,
    text: await boardToBpmn(content),
    contentType: BPMN_CONTENT_TYPE,
    filename: downloadName(content.title ?? '', 'board', '.bpmn'),
  }
}

export const exportBpmnRoute: Route = {
  method: 'GET',
  path: '/api/boards/:boardId/export.bpmn',
  access: 'read',
  answer: exportBpmn,
}

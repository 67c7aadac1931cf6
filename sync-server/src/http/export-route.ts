/**
 * GET /api/boards/:id/export.json: the whole board in the typed model (board fields, roles, records)
 * and as the workflow graph, for tools and backups.
 */
import { readBoard, readRecords, readRoles, toWorkflowGraph } from '@flowmap/shared'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'

function exportBoard({ context, board: { id: boardId } }: BoardRequest): RouteResult {
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

export const exportRoute: Route = {
  method: 'GET',
  path: '/api/boards/:boardId/export.json',
  access: 'read',
  answer: exportBoard,
}

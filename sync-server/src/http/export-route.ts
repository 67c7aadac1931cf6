/**
 * GET /api/boards/:id/export.json: the whole board in the typed model (board fields, roles, records)
 * and as the workflow graph, with every metric of the Insights panel, for tools and backups. The
 * body and its reader: `BoardExportBody` in @flowmap/shared (protocol/http-export-body.ts).
 */
import {
  BOARD_EXPORT_FORMAT,
  BOARD_EXPORT_VERSION,
  type BoardExportBody,
  readBoard,
  readRecords,
  readRoles,
  toWorkflowGraph,
  workflowGraphJson,
} from '@flowmap/shared'
import { loadBoardDoc } from '../boards/load-board.ts'
import { analysisOfLoaded } from './analyse-stored-board.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'

async function exportBoard({ context, board: boardRecord }: BoardRequest): Promise<RouteResult> {
  const boardId = boardRecord.id
  // Storage holds every acknowledged update, so it is as current as the live document.
  const { doc, seq } = await loadBoardDoc(context.storage, boardId)
  try {
    const records = readRecords(doc)
    const roles = readRoles(doc)
    const board = readBoard(doc)
    const graph = toWorkflowGraph(records, roles)
    const contributors = await context.storage.contributorCount(boardId)
    const analysis = analysisOfLoaded(context.storage, boardRecord, { seq, contributors }, graph)
    const body: BoardExportBody = {
      format: BOARD_EXPORT_FORMAT,
      version: BOARD_EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      seq,
      board: { id: boardId, title: board.title, schema: board.schema },
      roles,
      records,
      graph: workflowGraphJson(graph),
      insights: analysis.insights,
      simulation: analysis.simulation,
    }
    return { status: 200, body }
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

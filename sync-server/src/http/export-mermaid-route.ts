/**
 * GET /api/boards/:id/export.mmd: the board as a Mermaid flowchart (`boardToMermaid` in @flowmap/shared;
 * the mapping in docs/mermaid-dialect.md), as a download named for the board's title.
 */
import { boardToMermaid, readBoard, readRecords, readRoles } from '@flowmap/shared'
import { loadBoardDoc } from '../boards/load-board.ts'
import { downloadName } from './attachment.ts'
import type { BoardRequest, Route, TextAnswer } from './route.ts'

/** Mermaid text: a type in the vendor tree, as `text/vnd.graphviz` is for Graphviz files. */
export const MERMAID_CONTENT_TYPE = 'text/vnd.mermaid; charset=utf-8'

async function exportMermaid({ context, board: { id: boardId } }: BoardRequest): Promise<TextAnswer> {
  // Storage holds every acknowledged update, so it is as current as the live document.
  const { doc } = await loadBoardDoc(context.storage, boardId)
  try {
    const { title } = readBoard(doc)
    const text = boardToMermaid({ title, roles: readRoles(doc), records: readRecords(doc) })
    return {
      status: 200,
      text,
      contentType: MERMAID_CONTENT_TYPE,
      filename: downloadName(title, boardId, '.mmd'),
    }
  } finally {
    doc.destroy()
  }
}

export const exportMermaidRoute: Route = {
  method: 'GET',
  path: '/api/boards/:boardId/export.mmd',
  access: 'read',
  answer: exportMermaid,
}

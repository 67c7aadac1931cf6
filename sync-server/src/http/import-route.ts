/**
 * POST /api/boards/:id/import: a BPMN, Mermaid or JSON file (import-file-request.ts) written into the
 * board as one edit of the requesting person: converted by `importBoardFile`, placed to the right of
 * what the board holds (`pointBeside`, then `placeContent`: fresh ids, roles matched by name), then
 * written into the live board (`writeBoardAs`): judged as that person's edit, one history entry in
 * their name, seen at once by everyone connected. A file refused at any step changes nothing.
 * Answers `BoardImportBody`.
 */
import {
  type BoardImportBody,
  type ImportReport,
  type MapContent,
  placeContent,
  pointBeside,
  readRecords,
  readRoles,
  reportSentences,
  writeTemplate,
} from '@flowmap/shared'
import { SERVER_WRITE_ORIGIN } from '../boards/server-write.ts'
import { importRequestFile } from './import-file-request.ts'
import { problem } from './json-response.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'
import { unwrittenAnswer } from './server-write-answer.ts'

async function importIntoBoard({
  context,
  request,
  query,
  user,
  board,
}: BoardRequest): Promise<RouteResult<BoardImportBody>> {
  const read = await importRequestFile(request, query, context.importConverter, user.id)
  if (!read.ok) return read
  const { imported } = read
  if (context.writeBoardAs === undefined) {
    return problem(503, 'no-live-boards', 'this server has no live boards to import into')
  }
  const placement: { content: MapContent | null } = { content: null }
  const written = await context.writeBoardAs(board.id, user, 'the imported file', (doc) => {
    const at = pointBeside(readRecords(doc), imported.content.records)
    const placed = placeContent(imported.content, { at, existingRoles: readRoles(doc) })
    writeTemplate(doc, placed, { origin: SERVER_WRITE_ORIGIN })
    placement.content = placed
  })
  if (!written.ok) return unwrittenAnswer(written, 'import-refused', 'the file was not imported')
  const report = withLeftBehind(imported.report, imported.content, placement.content)
  return { status: 200, body: { report, sentences: reportSentences(report) } }
}

/** A board keeps its own page and document records, and assets stay with the board they came from. */
function withLeftBehind(report: ImportReport, content: MapContent, placed: MapContent | null): ImportReport {
  const left = content.records.length - (placed?.records.length ?? 0)
  if (left === 0) return report
  const notice = `${left} ${left === 1 ? 'record' : 'records'} (pages, the document, assets) stayed behind: the board has its own`
  return { ...report, notices: [...report.notices, notice] }
}

export const importRoute: Route = {
  method: 'POST',
  path: '/api/boards/:boardId/import',
  access: 'edit',
  refusal: 'importing a file into a board needs an editor or facilitator link',
  answer: importIntoBoard,
}

/**
 * The answers of the import routes: POST /api/boards/:id/import (200: the file's content was written
 * into the board) and POST /api/boards with a file (201: a new board made from it). Both carry the
 * import report (convert/import-report.ts) and its sentences, so a tool can show what the import did
 * without rendering the report itself. A refused file is a `{ error, message }` body (http-error-body.ts).
 */
import { T } from '@tldraw/validate'
import { IMPORT_FORMATS, type ImportReport } from '../convert/import-report.ts'
import { boardIdProblem, isBoardId } from './board-id.ts'
import type { CreatedBoardBody } from './http-board-bodies.ts'
import { type BodyRead, readBody } from './http-body-read.ts'

const reportLine = T.object({ count: T.positiveInteger, what: T.string, became: T.string })

const importReport: T.Validatable<ImportReport> = T.object({
  format: T.literalEnum(...IMPORT_FORMATS),
  writtenBy: T.string.nullable(),
  elementCount: T.positiveInteger,
  mapped: T.arrayOf(reportLine),
  keptAsNotes: T.arrayOf(reportLine),
  notices: T.arrayOf(T.string),
}).allowUnknownProperties()

const boardImportBody = T.object({
  report: importReport,
  /** `reportSentences(report)`: "12 tasks became steps", in the order a person reads them. */
  sentences: T.arrayOf(T.string),
}).allowUnknownProperties()

/** POST /api/boards/:id/import (200): what the import wrote into the board. */
export type BoardImportBody = T.TypeOf<typeof boardImportBody>

/** POST /api/boards with a file (201): the new board, as without a file, and what the import wrote. */
export type CreatedBoardFromFileBody = CreatedBoardBody & BoardImportBody

const createdBoardFromFileBody = boardImportBody
  .extend({ id: T.string, title: T.string, createdAt: T.string, updatedAt: T.string, url: T.string })
  .allowUnknownProperties()

export function readBoardImportBody(json: unknown): BodyRead<BoardImportBody> {
  return readBody(boardImportBody, json, 'the import (POST /api/boards/:id/import)')
}

export function readCreatedBoardFromFileBody(json: unknown): BodyRead<CreatedBoardFromFileBody> {
  const what = 'the board made from a file (POST /api/boards)'
  const read = readBody(createdBoardFromFileBody, json, what)
  if (!read.ok || isBoardId(read.body.id)) return read
  return { ok: false, reason: `${what} is malformed: ${boardIdProblem(read.body.id)}` }
}

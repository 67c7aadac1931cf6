/**
 * POST /api/boards with a file: a new board made from a BPMN, Mermaid or JSON file, titled by the file
 * (its title, else its name without the suffix). Its first history entry is the board as created (as
 * without a file), its second the file's content, both in the creator's name. The file is converted
 * and checked whole (`importBoardFile`) before the board exists, so a refused file makes no board.
 */
import type { IncomingMessage } from 'node:http'
import {
  type CreatedBoardFromFileBody,
  DEFAULT_BOARD_TITLE,
  IMPORT_FILE_SUFFIXES,
  localOrigin,
  reportSentences,
  writeTemplate,
} from '@flowmap/shared'
import * as Y from 'yjs'
import { createTitledBoard, MAX_TITLE_LENGTH } from '../boards/create-titled-board.ts'
import { boardJson } from './board-json.ts'
import { importRequestFile, namesImportFile } from './import-file-request.ts'
import { problem } from './json-response.ts'
import { publicBaseUrl } from './public-url.ts'
import type { RouteResult, UserRequest } from './route.ts'

/** A body that is not JSON, or a query naming a file: the request carries a file, not `{title}`. */
export function isFileRequest(request: IncomingMessage, query: URLSearchParams): boolean {
  if (namesImportFile(query)) return true
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase()
  return type !== undefined && type !== '' && type !== 'application/json'
}

export async function createBoardFromFile(
  answer: UserRequest,
): Promise<RouteResult<CreatedBoardFromFileBody>> {
  const { context, request, user } = answer
  const read = await importRequestFile(request, answer.query, context.importConverter, user.id)
  if (!read.ok) return read
  const { imported } = read
  const title = boardTitle(imported.content.title, read.file.name)
  // The board, its first entry and the file's entry commit together: a refused write leaves no board.
  const created = await context.storage.transaction(async (tx) => {
    const made = await createTitledBoard(tx, user, title)
    if (!made.ok) return made
    const before = Y.encodeStateVector(made.doc)
    writeTemplate(made.doc, imported.content, { origin: localOrigin })
    await tx.appendUpdate({
      boardId: made.board.id,
      time: Date.now(),
      userId: user.id,
      userName: user.name,
      clientId: made.doc.clientID,
      update: Y.encodeStateAsUpdate(made.doc, before),
    })
    return made
  })
  if (!created.ok) return problem(409, 'board-exists', `board ${created.id} already exists`)
  const { report } = imported
  return {
    status: 201,
    body: {
      ...boardJson(created.board),
      url: `${publicBaseUrl(context.config, request)}/b/${created.board.id}`,
      report,
      sentences: reportSentences(report),
    },
  }
}

/** The file's own title, else its name without the import suffix, else the default; at most the title limit. */
function boardTitle(fileTitle: string | null, name: string): string {
  const suffix = IMPORT_FILE_SUFFIXES.find((candidate) => name.toLowerCase().endsWith(candidate))
  const bare = (suffix === undefined ? name : name.slice(0, -suffix.length)).trim()
  const title = fileTitle?.trim() || bare || DEFAULT_BOARD_TITLE
  return title.slice(0, MAX_TITLE_LENGTH)
}

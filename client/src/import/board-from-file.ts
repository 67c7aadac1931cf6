/**
 * A new board from a BPMN, Mermaid or JSON file (dropped on the home page): read through the one
 * import entry, then made the way every new board is (home/template-board.ts: on the server when it
 * answers, else on this device), titled by the file, its content written into the board's doc in one
 * transaction as a template's is.
 */
import { type ImportReport, MAX_BOARD_TITLE_CHARS, MAX_IMPORT_BYTES } from '@flowmap/shared'
import { createBoardFromTemplate } from '../home/template-board.ts'
import type { BoardDatabase } from '../storage/board-database.ts'
import { titleFromFileName } from './import-formats.ts'
import { readImportFile } from './read-import-file.ts'

export type BoardFromFile =
  | { readonly ok: true; readonly boardId: string; readonly report: ImportReport }
  | { readonly ok: false; readonly reason: string }

/** The title a board made from a file gets: the one the file names, else the file's own name. */
export function importedBoardTitle(named: string | null, fileName: string): string {
  const title = named?.trim() || titleFromFileName(fileName) || 'Imported board'
  return title.slice(0, MAX_BOARD_TITLE_CHARS)
}

export async function createBoardFromFile(options: {
  db: BoardDatabase | null
  token: string | null
  file: File
  create?: Parameters<typeof createBoardFromTemplate>[0]['create']
}): Promise<BoardFromFile> {
  const { file } = options
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      reason: `the file is larger than the import limit of ${MAX_IMPORT_BYTES / (1024 * 1024)} MB`,
    }
  }
  const read = await readImportFile({ name: file.name, text: await file.text() })
  if (!read.ok) return read
  const created = await createBoardFromTemplate({
    db: options.db,
    token: options.token,
    title: importedBoardTitle(read.content.title, file.name),
    template: { records: read.content.records, roles: read.content.roles },
    ...(options.create ? { create: options.create } : {}),
  })
  // The board exists but the content could not be kept on this device: say so rather than open it empty.
  if (created.problem !== null)
    return { ok: false, reason: `the board was made but is empty: ${created.problem}` }
  return { ok: true, boardId: created.boardId, report: read.report }
}

/**
 * BPMN 2.0 and Mermaid exports, made in the browser from the board's records and roles (so they work
 * offline), and downloaded under the board's title.
 */
import { type MapContent, readBoard, readRoles } from '@flowmap/shared'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { loadFileConverters } from '../app/lazy-parts.ts'
import { isWrittenToBoard } from '../sync/store-records.ts'
import { type ExportOutcome, exportFileName } from './export-board.ts'

export type FileExportFormat = 'bpmn' | 'mermaid'

const FILE_KINDS: Record<FileExportFormat, { suffix: string; mime: string; label: string }> = {
  bpmn: { suffix: '.bpmn', mime: 'application/xml', label: 'BPMN 2.0' },
  mermaid: { suffix: '.mmd', mime: 'text/plain', label: 'Mermaid' },
}

/** What the board is now: the store's records the board keeps (a private draft is not one), its roles. */
export function boardContent(editor: Editor, doc: Y.Doc): MapContent {
  const store = editor.store
  return {
    title: readBoard(doc).title,
    roles: readRoles(doc),
    records: store.allRecords().filter((record) => isWrittenToBoard(store, record)),
  }
}

function download(name: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // The download has its own copy once started; the URL can go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

export async function exportBoardFile(
  editor: Editor,
  doc: Y.Doc,
  format: FileExportFormat,
): Promise<ExportOutcome> {
  const content = boardContent(editor, doc)
  const shapeCount = editor.getCurrentPageShapeIds().size
  if (shapeCount === 0) return { ok: false, message: 'The board is empty: there is nothing to export yet.' }
  const kind = FILE_KINDS[format]
  let text: string
  try {
    // Its own chunk: the converters (bpmn-moddle among them) are not part of opening a board.
    const { boardToBpmn, boardToMermaid } = await loadFileConverters()
    text = format === 'bpmn' ? await boardToBpmn(content) : boardToMermaid(content)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, message: `The ${kind.label} export failed: ${reason}` }
  }
  download(exportFileName(content.title ?? '') + kind.suffix, text, kind.mime)
  return { ok: true, shapeCount }
}

/**
 * One board page's imports, wherever the file comes from (the Import menu, a file dropped on the
 * canvas, Mermaid text pasted): read in a worker, placed where it was dropped (or at the centre of
 * the view), roles matched to the board's, written as one undo step; the status drives the progress
 * line and the report dialog. One import at a time.
 */
import {
  type ImportFile,
  type ImportFormat,
  type ImportReport,
  MAX_IMPORT_BYTES,
  placeContent,
  readRoles,
} from '@flowmap/shared'
import { atom, type Editor, type VecLike } from 'tldraw'
import type * as Y from 'yjs'
import { readImportFile } from './read-import-file.ts'
import { writeImportIntoBoard } from './write-import.ts'

export type ImportStatus =
  | { readonly phase: 'idle' }
  | { readonly phase: 'reading'; readonly name: string }
  | { readonly phase: 'placing'; readonly name: string; readonly done: number; readonly total: number }
  | { readonly phase: 'done'; readonly name: string; readonly report: ImportReport }
  | { readonly phase: 'refused'; readonly name: string; readonly reason: string }

const IDLE: ImportStatus = { phase: 'idle' }

/** What a person calls the source in a sentence: the file's name, or what they pasted. */
export function sourceName(file: ImportFile): string {
  return file.name === '' ? 'the pasted text' : file.name
}

export class BoardImport {
  readonly status = atom<ImportStatus>('import status', IDLE)

  private readonly editor: Editor
  private readonly doc: Y.Doc

  constructor(editor: Editor, doc: Y.Doc) {
    this.editor = editor
    this.doc = doc
  }

  matches(doc: Y.Doc): boolean {
    return this.doc === doc
  }

  /** Whether an import is reading or writing now (a second one waits for the person to try again). */
  get busy(): boolean {
    const { phase } = this.status.get()
    return phase === 'reading' || phase === 'placing'
  }

  /** A file the person picked or dropped: refused unread when it is over the import limit. */
  async importPickedFile(file: File, at: VecLike | null, format?: ImportFormat): Promise<void> {
    if (file.size > MAX_IMPORT_BYTES) {
      this.status.set({
        phase: 'refused',
        name: file.name,
        reason: `the file is larger than the import limit of ${MAX_IMPORT_BYTES / (1024 * 1024)} MB`,
      })
      return
    }
    await this.importFile({ name: file.name, text: await file.text() }, at, format)
  }

  /** `at`: where the content's centre goes, in page coordinates; null is the centre of the view. */
  async importFile(file: ImportFile, at: VecLike | null, format?: ImportFormat): Promise<void> {
    const name = sourceName(file)
    if (this.busy) return
    this.status.set({ phase: 'reading', name })
    const read = await readImportFile(file, format)
    if (!read.ok) {
      this.status.set({ phase: 'refused', name, reason: read.reason })
      return
    }
    const centre = at ?? this.editor.getViewportPageBounds().center
    let placed: ReturnType<typeof placeContent>
    try {
      placed = placeContent(read.content, {
        at: { x: centre.x, y: centre.y },
        existingRoles: readRoles(this.doc),
      })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      this.status.set({ phase: 'refused', name, reason: `the content could not be placed (${reason})` })
      return
    }
    const written = await writeImportIntoBoard(this.editor, this.doc, placed, (done, total) =>
      this.status.set({ phase: 'placing', name, done, total }),
    )
    this.status.set(
      written.ok
        ? { phase: 'done', name, report: read.report }
        : { phase: 'refused', name, reason: written.reason },
    )
  }

  /** A report handed over from the home page, for the board made there from a file. */
  showReport(name: string, report: ImportReport): void {
    this.status.set({ phase: 'done', name, report })
  }

  dismiss(): void {
    if (!this.busy) this.status.set(IDLE)
  }
}

// Per editor, as the board roles are (shapes/board-roles.ts): the canvas's drop and paste handlers run
// inside tldraw's tree, where the board page's props do not reach.
const importsByEditor = new WeakMap<Editor, BoardImport>()

export function boardImportFor(editor: Editor, doc: Y.Doc): BoardImport {
  const existing = importsByEditor.get(editor)
  if (existing?.matches(doc)) return existing
  const created = new BoardImport(editor, doc)
  importsByEditor.set(editor, created)
  return created
}

export function boardImportOf(editor: Editor): BoardImport | null {
  return importsByEditor.get(editor) ?? null
}

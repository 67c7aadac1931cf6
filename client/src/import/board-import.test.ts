// @vitest-environment happy-dom
import { MAX_IMPORT_BYTES } from '@flowmap/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type BoundEditor, boundWorkflowEditor } from '../sync/bound-editor.test-support.ts'
import { BoardImport } from './board-import.ts'
import { importProgressText } from './ImportStatus.tsx'

const boards: BoundEditor[] = []
afterEach(() => {
  for (const board of boards.splice(0)) board.dispose()
})

function imports(): { board: BoundEditor; imports: BoardImport; updates: Uint8Array[] } {
  const board = boundWorkflowEditor()
  boards.push(board)
  const updates: Uint8Array[] = []
  board.doc.on('update', (update: Uint8Array) => updates.push(update))
  return { board, imports: new BoardImport(board.editor, board.doc), updates }
}

describe("a board page's imports", () => {
  it('show a refused file’s sentence and write nothing', async () => {
    const { imports: board, updates } = imports()
    await board.importFile({ name: 'notes.txt', text: 'plain words' }, null)
    expect(board.status.get()).toEqual({
      phase: 'refused',
      name: 'notes.txt',
      reason: 'the file is not BPMN 2.0 XML, a Mermaid flowchart or a Flowmap JSON export',
    })
    expect(updates).toHaveLength(0)
  })

  it('refuse a picked file over the import limit without reading it', async () => {
    const { imports: board } = imports()
    const file = new File(['x'], 'big.bpmn')
    Object.defineProperty(file, 'size', { value: MAX_IMPORT_BYTES + 1 })
    const text = vi.spyOn(file, 'text')
    await board.importPickedFile(file, null)
    expect(board.status.get()).toMatchObject({ phase: 'refused', reason: expect.stringContaining('16 MB') })
    expect(text).not.toHaveBeenCalled()
  })

  it('call pasted text "the pasted text" in what they say', async () => {
    const { imports: board } = imports()
    await board.importFile({ name: '', text: 'hello' }, null)
    expect(board.status.get()).toMatchObject({ phase: 'refused', name: 'the pasted text' })
  })

  it('say what they are doing while they run, counts grouped as a person reads them', () => {
    expect(importProgressText({ phase: 'reading', name: 'diagram.bpmn' })).toBe('Importing diagram.bpmn…')
    expect(importProgressText({ phase: 'placing', name: 'd.bpmn', done: 1200, total: 4000 })).toBe(
      'Placing 1,200 of 4,000',
    )
    expect(importProgressText({ phase: 'idle' })).toBeNull()
  })
})

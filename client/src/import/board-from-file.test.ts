// @vitest-environment happy-dom
import { MAX_BOARD_TITLE_CHARS, MAX_IMPORT_BYTES } from '@flowmap/shared'
import { describe, expect, it, vi } from 'vitest'
import type { createBoard } from '../app/create-board.ts'
import { createBoardFromFile, importedBoardTitle } from './board-from-file.ts'

const neverCreate = vi.fn<typeof createBoard>(async () => {
  throw new Error('no board should be made')
})

describe('a board from a dropped file', () => {
  it('makes no board when the file is not one the import reads, and says what it expected', async () => {
    const file = new File(['just some words'], 'notes.txt')
    const made = await createBoardFromFile({ db: null, token: null, file, create: neverCreate })
    expect(made).toEqual({
      ok: false,
      reason: 'the file is not BPMN 2.0 XML, a Mermaid flowchart or a Flowmap JSON export',
    })
    expect(neverCreate).not.toHaveBeenCalled()
  })

  it('refuses a file over the import limit before reading it, naming the limit', async () => {
    const file = new File(['x'], 'huge.bpmn')
    Object.defineProperty(file, 'size', { value: MAX_IMPORT_BYTES + 1 })
    const text = vi.spyOn(file, 'text')
    const made = await createBoardFromFile({ db: null, token: null, file, create: neverCreate })
    expect(made).toEqual({ ok: false, reason: 'the file is larger than the import limit of 16 MB' })
    expect(text).not.toHaveBeenCalled()
  })

  it('is titled by the file when the file names no title, within the title limit', () => {
    expect(importedBoardTitle(null, 'Claims handling.bpmn')).toBe('Claims handling')
    expect(importedBoardTitle('  Order to cash ', 'x.bpmn')).toBe('Order to cash')
    expect(importedBoardTitle('', '.mmd')).toBe('Imported board')
    expect(importedBoardTitle('t'.repeat(500), 'x.json')).toHaveLength(MAX_BOARD_TITLE_CHARS)
  })
})

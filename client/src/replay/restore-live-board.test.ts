// @vitest-environment happy-dom
import { readBoard, readBoardContent, readRecord, readRoles, writeBoard } from '@flowmap/shared'
import type { TLShape, TLShapeId } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import { type BoundEditor, boundWorkflowEditor } from '../sync/bound-editor.test-support.ts'
import { restoreLiveBoard } from './restore-live-board.ts'

const boards: BoundEditor[] = []
afterEach(() => {
  for (const board of boards.splice(0)) board.dispose()
})

const id = (name: string) => `shape:${name}` as TLShapeId

function labels(board: BoundEditor): Record<string, string> {
  return Object.fromEntries(
    board.editor
      .getCurrentPageShapes()
      .map((shape) => [shape.id, (shape as TLShape<'step'>).props.label])
      .sort(),
  )
}

describe('restoring a past moment on the live board', () => {
  it('is one doc update and one undo step: Ctrl+Z takes the board back to before the restore, redo again', () => {
    const board = boundWorkflowEditor()
    boards.push(board)
    const { editor, doc, binding } = board
    editor.markHistoryStoppingPoint('create')
    editor.createShapes([
      { id: id('intake'), type: 'step', x: 0, y: 0, props: { label: 'Intake' } },
      { id: id('review'), type: 'step', x: 300, y: 0, props: { label: 'Review' } },
    ])
    writeBoard(doc, { title: 'Order to cash' })
    binding.flushLocalChanges()
    const moment = readBoardContent(doc)
    const atMoment = labels(board)

    editor.markHistoryStoppingPoint('rename')
    editor.updateShape({ id: id('review'), type: 'step', props: { label: 'Review order' } })
    editor.markHistoryStoppingPoint('add')
    editor.createShape({ id: id('ship'), type: 'step', x: 600, y: 0, props: { label: 'Ship' } })
    editor.markHistoryStoppingPoint('delete')
    editor.deleteShapes([id('intake')])
    writeBoard(doc, { title: 'Order to cash v2' })
    binding.flushLocalChanges()
    const beforeRestore = labels(board)

    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const restored = restoreLiveBoard(editor, doc, moment)
    expect(restored.ok).toBe(true)
    binding.flushLocalChanges()
    expect(updates).toHaveLength(1)
    expect(labels(board)).toEqual(atMoment)
    expect(readRecord(doc, id('ship'))).toBeUndefined()
    expect(readRecord(doc, id('review'))).toMatchObject({ props: { label: 'Review' } })
    expect(readBoard(doc).title).toBe('Order to cash')
    expect(readRoles(doc)).toEqual([])

    editor.undo()
    binding.flushLocalChanges()
    expect(labels(board)).toEqual(beforeRestore)
    expect(readRecord(doc, id('ship'))).toMatchObject({ props: { label: 'Ship' } })
    expect(readRecord(doc, id('intake'))).toBeUndefined()
    expect(updates).toHaveLength(2)

    editor.redo()
    binding.flushLocalChanges()
    expect(labels(board)).toEqual(atMoment)
  })
})

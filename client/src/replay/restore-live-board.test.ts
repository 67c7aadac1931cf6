// @vitest-environment happy-dom
import {
  type Role,
  readBoard,
  readBoardContent,
  readRecord,
  readRoles,
  writeBoard,
  writeRole,
} from '@flowmap/shared'
import type { TLShape, TLShapeId } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
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

/** A bound board with one step titled "Order to cash", and that moment to restore. */
function orderToCash() {
  const board = boundWorkflowEditor()
  boards.push(board)
  const { editor, doc, binding } = board
  editor.markHistoryStoppingPoint('create')
  editor.createShape({ id: id('intake'), type: 'step', x: 0, y: 0, props: { label: 'Intake' } })
  writeBoard(doc, { title: 'Order to cash' })
  binding.flushLocalChanges()
  return { editor, doc, binding, moment: readBoardContent(doc) }
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
    expect(readBoard(doc).title).toBe('Order to cash v2')
    // The records come back through the binding, the title through the restore's own undo: two updates.
    expect(updates).toHaveLength(3)

    editor.redo()
    binding.flushLocalChanges()
    expect(labels(board)).toEqual(atMoment)
  })

  it('one Ctrl+Z takes back the roles and the title the restore changed with its records; redo puts them back', () => {
    const board = boundWorkflowEditor()
    boards.push(board)
    const { editor, doc, binding } = board
    const legal: Role = { id: 'role:legal', name: 'Legal', color: '#e8590c', kind: 'team' }
    const ops: Role = { id: 'role:ops', name: 'Ops', color: '#4263eb', kind: 'team' }
    editor.markHistoryStoppingPoint('create')
    editor.createShape({ id: id('intake'), type: 'step', x: 0, y: 0, props: { label: 'Intake' } })
    writeBoard(doc, { title: 'Order to cash' })
    writeRole(doc, legal)
    binding.flushLocalChanges()
    const moment = readBoardContent(doc)

    editor.markHistoryStoppingPoint('rename')
    editor.updateShape({ id: id('intake'), type: 'step', props: { label: 'Intake v2' } })
    writeBoard(doc, { title: 'Order to cash v2' })
    writeRole(doc, { ...legal, name: 'Legal team' })
    writeRole(doc, ops)
    binding.flushLocalChanges()
    const rolesBefore = readRoles(doc)

    expect(restoreLiveBoard(editor, doc, moment).ok).toBe(true)
    binding.flushLocalChanges()
    expect(readBoard(doc).title).toBe('Order to cash')
    expect(readRoles(doc)).toEqual([legal])
    // Someone else edits the board after the restore: a title is theirs, undo leaves it.
    editor.markHistoryStoppingPoint('after')
    editor.updateShape({ id: id('intake'), type: 'step', props: { label: 'Intake v3' } })
    binding.flushLocalChanges()

    editor.undo() // the label edit after the restore
    binding.flushLocalChanges()
    expect(readBoard(doc).title).toBe('Order to cash')
    expect(readRoles(doc)).toEqual([legal])

    editor.undo() // the restore: records, roles and title together
    binding.flushLocalChanges()
    expect((editor.getShape(id('intake')) as TLShape<'step'>).props.label).toBe('Intake v2')
    expect(readBoard(doc).title).toBe('Order to cash v2')
    expect(readRoles(doc)).toEqual(rolesBefore)

    editor.redo()
    binding.flushLocalChanges()
    expect((editor.getShape(id('intake')) as TLShape<'step'>).props.label).toBe('Intake')
    expect(readBoard(doc).title).toBe('Order to cash')
    expect(readRoles(doc)).toEqual([legal])
  })

  it("undoing a restore reverts only the restore's own role and title changes, never another person's", () => {
    const { editor, doc, binding, moment } = orderToCash()
    const legal: Role = { id: 'role:legal', name: 'Legal', color: '#e8590c', kind: 'team' }
    writeBoard(doc, { title: 'Renamed' })
    expect(restoreLiveBoard(editor, doc, moment).ok).toBe(true)
    binding.flushLocalChanges()

    // Another person adds a role, from their own doc, after the restore.
    const theirs = new Y.Doc()
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(doc))
    writeRole(theirs, legal)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(doc)))

    editor.undo()
    binding.flushLocalChanges()
    expect(readBoard(doc).title).toBe('Renamed')
    expect(readRoles(doc)).toEqual([legal])
  })

  it('after an undone restore, a new edit drops its redo: a later redo brings back no role or title', () => {
    const { editor, doc, binding, moment } = orderToCash()
    editor.markHistoryStoppingPoint('rename')
    editor.updateShape({ id: id('intake'), type: 'step', props: { label: 'Intake v2' } })
    writeBoard(doc, { title: 'Renamed' })
    binding.flushLocalChanges()
    expect(restoreLiveBoard(editor, doc, moment).ok).toBe(true)
    binding.flushLocalChanges()
    editor.undo()
    binding.flushLocalChanges()
    expect(readBoard(doc).title).toBe('Renamed')

    editor.markHistoryStoppingPoint('new edit')
    editor.createShape({ id: id('ship'), type: 'step', x: 300, y: 0, props: { label: 'Ship' } })
    binding.flushLocalChanges()
    editor.redo()
    binding.flushLocalChanges()
    expect(readBoard(doc).title).toBe('Renamed')
  })

  it('a title-only restore takes its turn among later edits: undo them, then it; redo it, then them', () => {
    const { editor, doc, binding, moment } = orderToCash()
    writeBoard(doc, { title: 'Renamed' })
    expect(restoreLiveBoard(editor, doc, moment).ok).toBe(true)
    editor.markHistoryStoppingPoint('later edit')
    editor.createShape({ id: id('ship'), type: 'step', x: 300, y: 0, props: { label: 'Ship' } })
    binding.flushLocalChanges()

    editor.undo()
    expect(editor.getShape(id('ship'))).toBeUndefined()
    expect(readBoard(doc).title).toBe('Order to cash')
    editor.undo()
    expect(readBoard(doc).title).toBe('Renamed')
    expect(editor.getShape(id('intake'))).toBeDefined()
    editor.redo()
    expect(readBoard(doc).title).toBe('Order to cash')
    expect(editor.getShape(id('ship'))).toBeUndefined()
    editor.redo()
    expect(editor.getShape(id('ship'))).toBeDefined()
  })
})

// @vitest-environment happy-dom
import { FLOWMAP_CUSTOM_RECORDS, readRecord, remoteOrigin, writeRecords } from '@flowmap/shared'
import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  Editor,
  type TLGeoShape,
  type TLRecord,
} from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadDocIntoStore } from './load-doc-into-store.ts'
import { bindStoreToDoc, type StoreBinding } from './store-binding.ts'
import { createUndoGuard } from './undo-guard.ts'

const cleanup: Array<() => void> = []
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn()
})

function editorOnBoundDoc(): { editor: Editor; doc: Y.Doc; binding: StoreBinding } {
  const doc = new Y.Doc()
  const store = createTLStore({
    shapeUtils: defaultShapeUtils,
    bindingUtils: defaultBindingUtils,
    records: FLOWMAP_CUSTOM_RECORDS,
  })
  expect(loadDocIntoStore(store, doc).ok).toBe(true)
  const undoGuard = createUndoGuard(store)
  const binding = bindStoreToDoc({ store, doc, undoGuard })
  const container = document.createElement('div')
  document.body.appendChild(container)
  const editor = new Editor({
    store,
    shapeUtils: defaultShapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: [],
    getContainer: () => container,
  })
  const detach = undoGuard.attachEditor(editor)
  cleanup.push(() => {
    detach()
    editor.dispose()
    binding.dispose()
    undoGuard.dispose()
    container.remove()
  })
  return { editor, doc, binding }
}

describe('undo with a bound doc', () => {
  it('undoes only local edits: a remote change is not an undo step', () => {
    const { editor, doc, binding } = editorOnBoundDoc()
    const mine = createShapeId('mine')
    const theirs = createShapeId('theirs')
    editor.createShapes<TLGeoShape>([
      { id: mine, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } },
      { id: theirs, type: 'geo', x: 300, y: 0, props: { w: 100, h: 100 } },
    ])
    binding.flushLocalChanges()
    editor.markHistoryStoppingPoint('resize')
    editor.updateShape<TLGeoShape>({ id: mine, type: 'geo', props: { w: 250 } })
    binding.flushLocalChanges()

    // Someone else moves the other box.
    const remote = editor.getShape(theirs) as TLGeoShape
    writeRecords(doc, [{ ...remote, y: 500 } as TLRecord], remoteOrigin)
    expect(editor.getShape(theirs)?.y).toBe(500)

    editor.undo()
    binding.flushLocalChanges()
    expect(editor.getShape<TLGeoShape>(mine)?.props.w).toBe(100)
    expect(editor.getShape(theirs)?.y).toBe(500)
    // The undo reached the doc, as a local change.
    expect((readRecord(doc, mine) as TLGeoShape | undefined)?.props.w).toBe(100)

    // Undoing further undoes the creation (local), and still never the remote move.
    editor.undo()
    binding.flushLocalChanges()
    expect(editor.getShape(mine)).toBeUndefined()
    expect(editor.getCanUndo()).toBe(false)
  })

  it('undoes and redoes a local edit of a shape without reverting what someone else changed on it', () => {
    const { editor, doc, binding } = editorOnBoundDoc()
    const id = createShapeId('box')
    editor.createShape<TLGeoShape>({ id, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } })
    binding.flushLocalChanges()
    editor.markHistoryStoppingPoint('resize')
    editor.updateShape<TLGeoShape>({ id, type: 'geo', props: { w: 250 } })
    binding.flushLocalChanges()

    // Someone else moves the same box.
    const remote = editor.getShape(id) as TLGeoShape
    writeRecords(doc, [{ ...remote, y: 500 } as TLRecord], remoteOrigin)

    editor.undo()
    binding.flushLocalChanges()
    expect(editor.getShape<TLGeoShape>(id)).toMatchObject({ y: 500, props: { w: 100 } })
    expect(readRecord(doc, id)).toMatchObject({ y: 500, props: { w: 100 } })

    editor.redo()
    binding.flushLocalChanges()
    expect(editor.getShape<TLGeoShape>(id)).toMatchObject({ y: 500, props: { w: 250 } })
    expect(readRecord(doc, id)).toMatchObject({ y: 500, props: { w: 250 } })

    // A new local edit of y makes y the user's own again: undo takes it back.
    editor.markHistoryStoppingPoint('move')
    editor.updateShape<TLGeoShape>({ id, type: 'geo', y: 40 })
    editor.undo()
    expect(editor.getShape(id)?.y).toBe(500)
  })

  it('a click that only selects or deselects is not an undo step: the next Ctrl+Z undoes an edit', () => {
    const { editor, binding } = editorOnBoundDoc()
    const id = createShapeId('box')
    editor.markHistoryStoppingPoint('create')
    editor.createShape<TLGeoShape>({ id, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } })
    editor.markHistoryStoppingPoint('move')
    editor.updateShape<TLGeoShape>({ id, type: 'geo', x: 80 })
    // What tldraw's select tool does on a click on the shape, then on the empty canvas.
    editor.markHistoryStoppingPoint('selecting shape')
    editor.select(id)
    editor.markHistoryStoppingPoint('selecting none')
    editor.selectNone()
    binding.flushLocalChanges()

    editor.undo()
    expect(editor.getShape(id)?.x).toBe(0)
    editor.redo()
    expect(editor.getShape(id)?.x).toBe(80)
    editor.undo()
    editor.undo()
    expect(editor.getShape(id)).toBeUndefined()
  })

  it('a redo of your create keeps what someone else changed on the shape before your undo', () => {
    const { editor, doc, binding } = editorOnBoundDoc()
    const id = createShapeId('box')
    editor.markHistoryStoppingPoint('create')
    editor.createShape<TLGeoShape>({ id, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } })
    binding.flushLocalChanges()
    // Someone else moves the new box down.
    writeRecords(doc, [{ ...(editor.getShape(id) as TLGeoShape), y: 500 } as TLRecord], remoteOrigin)

    editor.undo()
    binding.flushLocalChanges()
    expect(editor.getShape(id)).toBeUndefined()
    editor.redo()
    binding.flushLocalChanges()
    expect(editor.getShape(id)?.y).toBe(500)
    expect(readRecord(doc, id)).toMatchObject({ y: 500 })
  })
})

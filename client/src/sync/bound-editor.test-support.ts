import { FLOWMAP_CUSTOM_RECORDS } from '@flowmap/shared'
import {
  createTLStore,
  defaultBindingUtils,
  defaultShapeTools,
  defaultShapeUtils,
  defaultTools,
  Editor,
} from 'tldraw'
import * as Y from 'yjs'
import { WORKFLOW_SHAPE_UTILS, WORKFLOW_TOOLS } from '../shapes/workflow-shapes.tsx'
import { loadDocIntoStore } from './load-doc-into-store.ts'
import { bindStoreToDoc, type StoreBinding } from './store-binding.ts'
import { createUndoGuard } from './undo-guard.ts'

export interface BoundEditor {
  readonly editor: Editor
  readonly doc: Y.Doc
  readonly binding: StoreBinding
  dispose(): void
}

/**
 * A headless tldraw Editor (needs a DOM such as happy-dom) with the workflow shapes, on a store bound to
 * `doc` with the undo guard attached: the board page's undo path, without React.
 */
export function boundWorkflowEditor(doc: Y.Doc = new Y.Doc()): BoundEditor {
  const shapeUtils = [...defaultShapeUtils, ...WORKFLOW_SHAPE_UTILS]
  const store = createTLStore({
    shapeUtils,
    bindingUtils: defaultBindingUtils,
    records: FLOWMAP_CUSTOM_RECORDS,
  })
  const load = loadDocIntoStore(store, doc)
  if (!load.ok) throw new Error(`the doc could not be loaded: ${JSON.stringify(load)}`)
  const undoGuard = createUndoGuard(store)
  const binding = bindStoreToDoc({
    store,
    doc,
    undoGuard,
    onRejectedRecord: (message) => {
      throw new Error(`the store refused a record from the doc: ${message}`)
    },
  })
  const container = document.createElement('div')
  document.body.appendChild(container)
  const editor = new Editor({
    store,
    shapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: [...defaultTools, ...defaultShapeTools, ...WORKFLOW_TOOLS],
    getContainer: () => container,
    initialState: 'select',
  })
  const detach = undoGuard.attachEditor(editor)
  return {
    editor,
    doc,
    binding,
    dispose: () => {
      detach()
      editor.dispose()
      binding.dispose()
      undoGuard.dispose()
      container.remove()
    },
  }
}

/** Keeps two docs in step at once, as a server would: what one writes reaches the other as `remoteOrigin`. */
export function syncDocs(a: Y.Doc, b: Y.Doc, origin: unknown): () => void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), origin)
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), origin)
  const toB = (update: Uint8Array, from: unknown) => {
    if (from !== origin) Y.applyUpdate(b, update, origin)
  }
  const toA = (update: Uint8Array, from: unknown) => {
    if (from !== origin) Y.applyUpdate(a, update, origin)
  }
  a.on('update', toB)
  b.on('update', toA)
  return () => {
    a.off('update', toB)
    b.off('update', toA)
  }
}

/**
 * Every Ctrl+Z changes the board. tldraw's history also records the selection: a click on a shape or on
 * the empty canvas makes an undo step of its own that only selects or deselects, so the next Ctrl+Z
 * seemed to do nothing. Undo and redo here go on through such steps until one changes a document-scoped
 * record (a shape, binding, page, the document) or the stack ends; the selection steps passed over are
 * still undone, so the selection comes back with the edit as in tldraw.
 *
 * tldraw has no hook on its undo, so the editor's `undo` and `redo` are replaced on the instance
 * (keyboard, menu and every caller go through them) and put back on detach.
 */
import type { Editor, RecordsDiff, TLRecord } from 'tldraw'

/**
 * `replayChangedBoard` answers (and forgets) whether the undo or redo since it was last asked tried to
 * change a document record, including a change the undo guard then kept as someone else left it: such
 * a step is one of yours, and undo stops after it even though the board looks the same.
 */
export function undoByBoardSteps(editor: Editor, replayChangedBoard: () => boolean): () => void {
  const store = editor.store
  const documentTypes = store.scopedTypes.document
  const touchesBoard = (diff: RecordsDiff<TLRecord>) => {
    for (const part of [diff.added, diff.updated, diff.removed]) {
      for (const id in part) {
        const record = (part as Record<string, TLRecord | [TLRecord, TLRecord]>)[id]!
        const typeName = Array.isArray(record) ? record[1].typeName : record.typeName
        if (documentTypes.has(typeName)) return true
      }
    }
    return false
  }
  const undo = editor.undo
  const redo = editor.redo
  const stepping = (step: () => Editor, canStep: () => boolean) =>
    function stepToBoardChange(this: Editor): Editor {
      replayChangedBoard()
      for (;;) {
        const diff = store.extractingChanges(() => step.call(editor))
        if (touchesBoard(diff) || replayChangedBoard() || !canStep()) return editor
      }
    }
  const instance = editor as { undo: Editor['undo']; redo: Editor['redo'] }
  instance.undo = stepping(undo, () => editor.getCanUndo())
  instance.redo = stepping(redo, () => editor.getCanRedo())
  return () => {
    instance.undo = undo
    instance.redo = redo
  }
}

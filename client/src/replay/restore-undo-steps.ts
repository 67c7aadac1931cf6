/**
 * One Ctrl+Z takes back a whole restore: the records, and the roles and board fields (title,
 * switched-off checks) it changed. tldraw's undo covers only its store; roles and board fields live
 * only in the doc. So each restore's writes to them get a Y.UndoManager of their own (tracking that one
 * restore's origin and nothing else, so it never reverts anyone else's change), and it is undone and
 * redone exactly when tldraw's undo and redo cross that restore's stopping point.
 *
 * Where tldraw's history stands is read from its undo count (`history.getNumUndos()`, which the
 * editor keeps protected; present in tldraw 5.4, and `restoreUndoSteps` throws if it goes away): while
 * the count is at least the one right after the restore's stopping point, the restore is applied.
 * The editor's `undo` and `redo` are wrapped on the instance, once per editor, around whatever they
 * are then (undo-steps.ts's stepping): every caller, the keyboard included, goes through them.
 */
import { type DocOrigin, restoredRolesAndBoardRoots } from '@flowmap/shared'
import type { Editor } from 'tldraw'
import * as Y from 'yjs'

type HistoryCounts = { getNumUndos(): number; getNumRedos(): number }

type RestoreEntry = {
  /** tldraw's undo count right after the restore's stopping point: applied while the count is at least this. */
  readonly depth: number
  readonly rolesAndBoard: Y.UndoManager
  undone: boolean
}

export type RestoreUndoSteps = {
  /**
   * Runs a restore: `write` marks the history stopping point, calls `atStoppingPoint` right after it,
   * and writes the roles and board fields with `origin` (a fresh one, this restore's alone).
   */
  record(doc: Y.Doc, write: (origin: DocOrigin, atStoppingPoint: () => void) => void): void
}

// Per editor, as the editor's own undo is: the steps must outlive the replay that made the restore.
const stepsByEditor = new WeakMap<Editor, RestoreUndoSteps>()

export function restoreUndoSteps(editor: Editor): RestoreUndoSteps {
  const existing = stepsByEditor.get(editor)
  if (existing) return existing
  const history = (editor as unknown as { history?: Partial<HistoryCounts> }).history
  if (typeof history?.getNumUndos !== 'function' || typeof history.getNumRedos !== 'function')
    throw new Error(
      'tldraw no longer has history.getNumUndos/getNumRedos: restore-undo-steps.ts needs another way',
    )
  const counts = history as HistoryCounts
  const entries: RestoreEntry[] = []
  let restores = 0

  const drop = (entry: RestoreEntry) => {
    entries.splice(entries.indexOf(entry), 1)
    entry.rolesAndBoard.destroy()
  }
  /** Entries tldraw's history no longer reaches: cleared, or a new edit after an undo dropped the redo. */
  const dropStale = () => {
    for (const entry of [...entries]) {
      const applied = counts.getNumUndos() >= entry.depth
      if (entry.undone ? applied || counts.getNumRedos() === 0 : !applied) drop(entry)
    }
  }
  const undo = editor.undo
  const redo = editor.redo
  const instance = editor as { undo: Editor['undo']; redo: Editor['redo'] }
  instance.undo = function undoWithRestores(this: Editor): Editor {
    dropStale()
    undo.call(editor)
    // Newest first: one Ctrl+Z may step back over more than one restore.
    for (const entry of [...entries].reverse()) {
      if (entry.undone || counts.getNumUndos() >= entry.depth) continue
      entry.rolesAndBoard.undo()
      entry.undone = true
    }
    return editor
  }
  instance.redo = function redoWithRestores(this: Editor): Editor {
    dropStale()
    redo.call(editor)
    for (const entry of entries) {
      if (!entry.undone || counts.getNumUndos() < entry.depth) continue
      entry.rolesAndBoard.redo()
      entry.undone = false
    }
    return editor
  }

  const steps: RestoreUndoSteps = {
    record(doc, write) {
      dropStale()
      restores += 1
      const origin: DocOrigin = Object.freeze({ source: 'restore', clientTag: `restore:${restores}` })
      const rolesAndBoard = new Y.UndoManager(restoredRolesAndBoardRoots(doc), {
        trackedOrigins: new Set([origin]),
        captureTimeout: 0,
      })
      let depth: number | null = null
      write(origin, () => {
        depth = counts.getNumUndos()
      })
      if (depth === null || rolesAndBoard.undoStack.length === 0) {
        // Nothing outside the records changed (or no stopping point was made): tldraw's undo is enough.
        rolesAndBoard.destroy()
        return
      }
      entries.push({ depth, rolesAndBoard, undone: false })
    },
  }
  stepsByEditor.set(editor, steps)
  return steps
}

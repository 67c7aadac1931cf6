/**
 * One Ctrl+Z takes back a whole restore: the records, and the roles and board fields (title,
 * switched-off checks) it changed. tldraw's undo covers only its store; roles and board fields live
 * only in the doc. So each restore's writes to them get a Y.UndoManager of their own (tracking that one
 * restore's origin and nothing else, so it never reverts anyone else's change), undone and redone
 * exactly when tldraw's history crosses that restore's stopping point.
 *
 * Where tldraw's history stands is read from its undo count (`history.getNumUndos()`, which the
 * editor keeps protected; present in tldraw 5.4, and attaching throws if it goes away): while the count
 * is at least the one right after the restore's stopping point, the restore is applied. The editor's
 * own `undo` and `redo` (one history step each) are wrapped on the instance, under undo-steps.ts's
 * stepping: a restore that changed no record is still a step that changed the board, so Ctrl+Z stops
 * after it instead of going on to the edit before.
 */
import { type DocOrigin, restoredRolesAndBoardRoots } from '@flowmap/shared'
import type { Editor } from 'tldraw'
import * as Y from 'yjs'

type HistoryCounts = { getNumUndos(): number; getNumRedos(): number }

type RestoreEntry = {
  /**
   * A restore that changed records has a stopping point in tldraw's history: this is the undo count
   * right after it, and the restore is applied while the count is at least this. One that changed only
   * roles or board fields has no step there (tldraw folds a step without a change into the one
   * before): it sits right after the count `depth`, and is itself the step undone or redone there.
   */
  readonly depth: number
  readonly inHistory: boolean
  readonly rolesAndBoard: Y.UndoManager
  undone: boolean
  /** For a restore outside tldraw's history, undone: tldraw's redo count then, to tell a new edit since. */
  redosWhenUndone: number
}

export type RestoreUndoSteps = {
  /**
   * Runs a restore: `write` writes the roles and board fields with `origin` (a fresh one, this
   * restore's alone) and, when it changes records, marks a history stopping point for them and calls
   * `atStoppingPoint` right after it. An import (`kind: 'import'`) is undone the same way; its origin is
   * a local one, as any edit of the person's own is.
   */
  record(
    doc: Y.Doc,
    write: (origin: DocOrigin, atStoppingPoint: () => void) => void,
    kind?: 'restore' | 'import',
  ): void
  /** Whether an undo or redo since last asked took back or put back a restore's roles or board fields. */
  takeStepped(): boolean
  detach(): void
}

// Per editor, as the editor's own undo is: the undo guard attaches them, a restore finds them.
const stepsByEditor = new WeakMap<Editor, RestoreUndoSteps>()

/** The editor's restore steps, attached now if the undo guard did not (an editor of its own, in tests). */
export function restoreUndoStepsOf(editor: Editor): RestoreUndoSteps {
  return stepsByEditor.get(editor) ?? attachRestoreUndoSteps(editor)
}

export function attachRestoreUndoSteps(editor: Editor): RestoreUndoSteps {
  const history = (editor as unknown as { history?: Partial<HistoryCounts> }).history
  if (typeof history?.getNumUndos !== 'function' || typeof history.getNumRedos !== 'function')
    throw new Error(
      'tldraw no longer has history.getNumUndos/getNumRedos: restore-undo-steps.ts needs another way',
    )
  const counts = history as HistoryCounts
  const entries: RestoreEntry[] = []
  let restores = 0
  let stepped = false

  const drop = (entry: RestoreEntry) => {
    entries.splice(entries.indexOf(entry), 1)
    entry.rolesAndBoard.destroy()
  }
  /** Entries tldraw's history no longer reaches: cleared, or a new edit after an undo dropped the redo. */
  const dropStale = () => {
    const undos = counts.getNumUndos()
    const redos = counts.getNumRedos()
    for (const entry of [...entries]) {
      const stale = entry.inHistory
        ? entry.undone
          ? undos >= entry.depth || redos === 0
          : undos < entry.depth
        : entry.undone
          ? undos > entry.depth || (undos === entry.depth && redos !== entry.redosWhenUndone)
          : undos < entry.depth
      if (stale) drop(entry)
    }
  }
  /** The restore outside tldraw's history that the next step undoes (or redoes), if it is one. */
  const nextOutside = (undone: boolean) => {
    const undos = counts.getNumUndos()
    const candidates = entries.filter(
      (entry) => !entry.inHistory && entry.undone === undone && entry.depth === undos,
    )
    return undone ? candidates[0] : candidates.at(-1)
  }
  /** Takes a restore's roles and board fields back (or puts them back). */
  const flip = (entry: RestoreEntry, undoing: boolean) => {
    if (undoing) entry.rolesAndBoard.undo()
    else entry.rolesAndBoard.redo()
    entry.undone = undoing
    entry.redosWhenUndone = counts.getNumRedos()
    stepped = true
  }
  const undo = editor.undo
  const redo = editor.redo
  /** One history step back or forward, with the restores it crosses (newest first going back). */
  const stepWithRestores = (undoing: boolean) =>
    function stepWithRestores(this: Editor): Editor {
      dropStale()
      const outside = nextOutside(!undoing)
      if (outside) {
        flip(outside, undoing)
        return editor
      }
      ;(undoing ? undo : redo).call(editor)
      for (const entry of undoing ? [...entries].reverse() : [...entries]) {
        if (!entry.inHistory || entry.undone === undoing) continue
        const applied = counts.getNumUndos() >= entry.depth
        if (applied === undoing) continue
        flip(entry, undoing)
      }
      return editor
    }
  const instance = editor as { undo: Editor['undo']; redo: Editor['redo'] }
  instance.undo = stepWithRestores(true)
  instance.redo = stepWithRestores(false)

  const steps: RestoreUndoSteps = {
    record(doc, write, kind = 'restore') {
      dropStale()
      restores += 1
      const origin: DocOrigin = Object.freeze({
        source: kind === 'import' ? 'local' : 'restore',
        clientTag: `${kind}:${restores}`,
      })
      const rolesAndBoard = new Y.UndoManager(restoredRolesAndBoardRoots(doc), {
        trackedOrigins: new Set([origin]),
        captureTimeout: 0,
      })
      const before = counts.getNumUndos()
      let atStop: number | null = null
      write(origin, () => {
        atStop = counts.getNumUndos()
      })
      if (rolesAndBoard.undoStack.length === 0) {
        // Nothing outside the records changed: tldraw's undo is enough.
        rolesAndBoard.destroy()
        return
      }
      const inHistory = atStop !== null
      entries.push({ depth: atStop ?? before, inHistory, rolesAndBoard, undone: false, redosWhenUndone: 0 })
    },
    takeStepped() {
      const was = stepped
      stepped = false
      return was
    },
    detach() {
      instance.undo = undo
      instance.redo = redo
      for (const entry of [...entries]) drop(entry)
      if (stepsByEditor.get(editor) === steps) stepsByEditor.delete(editor)
    },
  }
  stepsByEditor.set(editor, steps)
  return steps
}

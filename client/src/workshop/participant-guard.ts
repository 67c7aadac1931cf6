/**
 * What keeps a participant's page from making an edit the server would refuse (the server's rules are
 * in sync-server/src/boards/permissions/): a shape a facilitator locked, and everything inside it,
 * cannot be selected, edited, moved or deleted; while the toolset is limited only sticky notes and
 * connectors are; while the board is locked nothing is (the page is also read-only then).
 *
 * Each guard answers before the change reaches the store (tldraw's before-change and before-delete
 * handlers), so a refused gesture leaves nothing behind: no doc write, no undo entry. A shape that
 * cannot be stopped before it exists (tldraw has no "refuse create") is removed in the same store
 * transaction, which the binding then sees as no change at all.
 */
import {
  coveringShapeLock,
  isParticipantToolsetRecord,
  type LockableRecord,
  metaWithShapeLock,
  rawShapeLock,
} from '@flowmap/shared'
import type { Editor, TLBinding, TLShape, TLShapeId } from 'tldraw'

export interface GuardState {
  /** false for facilitators and viewers (tldraw's read-only mode holds viewers) */
  held: boolean
  boardLocked: boolean
  toolsRestricted: boolean
}

export function isShapeHeldByLock(editor: Editor, id: string): boolean {
  return (
    coveringShapeLock(id, (each) => editor.getShape(each as TLShapeId) as LockableRecord | undefined) !== null
  )
}

export function registerParticipantGuard(editor: Editor, read: () => GuardState): () => void {
  const heldShape = (shape: TLShape): boolean => {
    const state = read()
    if (!state.held) return false
    if (state.boardLocked) return true
    if (state.toolsRestricted && !isParticipantToolsetRecord(shape)) return true
    return isShapeHeldByLock(editor, shape.id)
  }
  const heldBinding = (binding: TLBinding): boolean => {
    const state = read()
    if (!state.held) return false
    if (state.boardLocked) return true
    if (state.toolsRestricted && !isParticipantToolsetRecord(binding)) return true
    return isShapeHeldByLock(editor, binding.fromId)
  }
  const { sideEffects } = editor
  let removingRefused = false
  const stops = [
    sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
      if (source !== 'user') return next
      // Moving a free shape into a locked lane is refused too: judge where it goes as well.
      const into = next.parentId !== prev.parentId && isShapeHeldByLock(editor, next.parentId)
      return heldShape(prev) || (read().held && into) ? prev : next
    }),
    sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
      source === 'user' && !removingRefused && heldShape(shape) ? false : undefined,
    ),
    sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
      // A pasted copy of a locked shape is a new, unlocked shape: only facilitators set locks.
      if (source !== 'user' || !read().held || rawShapeLock(shape) === undefined) return shape
      return { ...shape, meta: metaWithShapeLock(shape.meta, null) as TLShape['meta'] }
    }),
    sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
      if (source !== 'user') return
      const state = read()
      if (!state.held) return
      const refused =
        state.boardLocked ||
        (state.toolsRestricted && !isParticipantToolsetRecord(shape)) ||
        isShapeHeldByLock(editor, shape.parentId)
      if (!refused) return
      // Past this guard's own before-delete check, which would keep a shape inside a locked lane.
      removingRefused = true
      try {
        editor.store.remove([shape.id])
      } finally {
        removingRefused = false
      }
    }),
    sideEffects.registerBeforeChangeHandler('binding', (prev, next, source) =>
      source === 'user' && (heldBinding(prev) || heldBinding(next)) ? prev : next,
    ),
    sideEffects.registerBeforeDeleteHandler('binding', (binding, source) =>
      source === 'user' && heldBinding(binding) ? false : undefined,
    ),
    // Locked shapes cannot be selected or edited by a participant, as in Miro: the selection and the
    // editing shape drop them (the page state is this page's own, never synced).
    sideEffects.registerBeforeChangeHandler('instance_page_state', (_prev, next) => {
      if (!read().held) return next
      const held = (id: TLShapeId) => {
        const shape = editor.getShape(id)
        return shape !== undefined && heldShape(shape)
      }
      const selected = next.selectedShapeIds.filter((id) => !held(id))
      const editing = next.editingShapeId !== null && held(next.editingShapeId) ? null : next.editingShapeId
      if (selected.length === next.selectedShapeIds.length && editing === next.editingShapeId) return next
      return { ...next, selectedShapeIds: selected, editingShapeId: editing }
    }),
  ]
  return () => {
    for (const stop of stops) stop()
  }
}

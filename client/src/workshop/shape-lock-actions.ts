import { type LockHolder, metaWithShapeLock, rawShapeLock } from '@flowmap/shared'
import type { Editor, TLShape, TLShapeId } from 'tldraw'

const MAX_NAME_CHARS = 100

/** This person as a lock names them: the id and name presence gave the editor. */
export function lockHolderFor(editor: Editor): LockHolder {
  return { by: editor.user.getId(), name: editor.user.getName().slice(0, MAX_NAME_CHARS), at: Date.now() }
}

export function carriesLock(shape: TLShape | undefined): boolean {
  return rawShapeLock(shape) !== undefined
}

/** Locks (or, with null, unlocks) the shapes for participants: one undoable step. */
export function setShapeLocks(editor: Editor, ids: readonly TLShapeId[], holder: LockHolder | null): void {
  const next = ids.flatMap((id) => {
    const shape = editor.getShape(id)
    if (shape === undefined || carriesLock(shape) === (holder !== null)) return []
    return [{ ...shape, meta: metaWithShapeLock(shape.meta, holder) as TLShape['meta'] }]
  })
  if (next.length === 0) return
  editor.markHistoryStoppingPoint('facilitator lock')
  // Put whole, not through updateShapes: that merges meta (a key cannot be removed) and skips shapes
  // under tldraw's own isLocked, which is a separate thing from a facilitator lock.
  editor.run(() => editor.store.put(next))
}

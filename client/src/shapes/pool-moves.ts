import type { PoolBox } from '@flowmap/shared'
import { dropMember, joinPool, leavePool, normalizePools, snapNewMember } from '@flowmap/shared'
import type { Editor, TLParentId, TLShape } from 'tldraw'
import {
  type ContainerShape,
  type ContainerType,
  isContainer,
  poolAxisOf,
  poolBoxOf,
  poolBoxUpdates,
  poolContentOf,
  poolIdOf,
  siblingPoolBoxes,
} from './pool-shapes.ts'

/**
 * A container just drawn joins the pool it was drawn under (a stage: beside), taking the pool's width
 * and the place after its last member. Returns the container as it is now.
 */
export function snapNewContainer(editor: Editor, shape: TLShape): TLShape | null {
  if (!isContainer(shape)) return shape
  const boxes = siblingPoolBoxes(editor, shape.type, shape.parentId)
  editor.updateShapes(poolBoxUpdates(editor, boxes, snapNewMember(boxes, shape.id, poolAxisOf(shape.type))))
  return editor.getShape(shape.id) ?? null
}

/**
 * A container let go after a drag. A member of a pool dragged into another slot reorders the pool,
 * elsewhere it leaves it (see dropMember); a container outside a pool let go next to one joins it at
 * the drop slot, with the pool's width, its own height and its children with it (see joinPool), and
 * the pool grows if they need more width. Several containers dragged together just move.
 */
export function dropContainer(editor: Editor, initial: ContainerShape, current: ContainerShape): void {
  const pool = poolIdOf(initial)
  const dragged = editor.getSelectedShapes().filter(isContainer)
  const together = pool === null ? dragged : dragged.filter((shape) => poolIdOf(shape) === pool)
  if (together.length > 1) return
  const axis = poolAxisOf(initial.type)
  if (current.parentId !== initial.parentId) {
    // Dropped into another parent (a lane into a stage): the old pool closes up without it, and it
    // may join a pool of its new parent.
    const before = [...siblingPoolBoxes(editor, initial.type, initial.parentId), poolBoxOf(initial)]
    const after = leavePool(before, initial.id, axis).filter((box) => box.id !== initial.id)
    editor.updateShapes([
      ...poolBoxUpdates(editor, before, after),
      { id: current.id, type: current.type, meta: { pool: null } },
    ])
    const siblings = siblingPoolBoxes(editor, current.type, current.parentId)
    layOut(editor, current.type, siblings, joinPool(siblings, current.id, axis))
    return
  }
  const now = siblingPoolBoxes(editor, initial.type, initial.parentId)
  const before = now.map((box) => (box.id === initial.id ? poolBoxOf(initial) : box))
  layOut(editor, initial.type, now, dropMember(before, poolBoxOf(current), axis))
}

/** Writes a drop's layout, each pool grown over the children its members bring along. */
function layOut(editor: Editor, type: ContainerType, now: readonly PoolBox[], after: readonly PoolBox[]) {
  const held = normalizePools(after, poolAxisOf(type), poolContentOf(editor, type, after))
  editor.updateShapes(poolBoxUpdates(editor, now, held))
}

/**
 * Keeps every pool laid out as the rule says after changes this client did not make itself in a resize
 * or a drag: remote changes (two people resizing lanes of one pool at once, see pool-layout's header
 * for why this converges), undo and redo. The writes stay out of the undo history: they are the
 * layout's consequence of someone else's change, not an edit of this person's to undo.
 *
 * Only after a remote change does the pool also grow back over its children: that is where a merge
 * of two people's widths can leave steps outside. A step placed hanging over a lane's edge is this
 * person's own doing, and their undo and redo put back exactly what was there.
 */
export function registerPoolLayout(editor: Editor): () => void {
  let scheduled = false
  const dirty = new Map<string, { type: ContainerType; parentId: TLParentId; remote: boolean }>()

  function normalizeDirty() {
    scheduled = false
    if (editor.getIsReadonly()) return dirty.clear()
    // A resize or a drag lays out its pool itself, with the person's edit, and finishes in its own step.
    if (editor.isInAny('select.resizing', 'select.translating')) return
    const groups = [...dirty.values()]
    dirty.clear()
    const updates = groups.flatMap(({ type, parentId, remote }) => {
      const boxes = siblingPoolBoxes(editor, type, parentId)
      const holding = remote ? poolContentOf(editor, type, boxes) : undefined
      return poolBoxUpdates(editor, boxes, normalizePools(boxes, poolAxisOf(type), holding))
    })
    if (updates.length > 0)
      editor.run(() => editor.updateShapes(updates), { history: 'ignore', ignoreShapeLock: true })
  }

  function markDirty(shape: TLShape, remote: boolean) {
    if (!isContainer(shape) || poolIdOf(shape) === null) return
    const key = `${shape.type}|${shape.parentId}`
    const already = dirty.get(key)?.remote ?? false
    dirty.set(key, { type: shape.type, parentId: shape.parentId, remote: remote || already })
  }

  const stop = editor.store.listen(
    ({ changes, source }) => {
      const remote = source === 'remote'
      for (const record of Object.values(changes.added))
        if (record.typeName === 'shape') markDirty(record, remote)
      for (const [prev, next] of Object.values(changes.updated)) {
        if (next.typeName !== 'shape' || prev.typeName !== 'shape') continue
        markDirty(prev, remote)
        markDirty(next, remote)
      }
      for (const record of Object.values(changes.removed))
        if (record.typeName === 'shape') markDirty(record, remote)
      if (dirty.size > 0 && !scheduled) {
        scheduled = true
        queueMicrotask(normalizeDirty)
      }
    },
    { scope: 'document' },
  )
  // Changes that arrived during a resize or a drag are laid out once it ends.
  const onStateChange = () => {
    if (dirty.size > 0 && !scheduled && !editor.isInAny('select.resizing', 'select.translating')) {
      scheduled = true
      queueMicrotask(normalizeDirty)
    }
  }
  editor.on('tick', onStateChange)
  return () => {
    stop()
    editor.off('tick', onStateChange)
  }
}

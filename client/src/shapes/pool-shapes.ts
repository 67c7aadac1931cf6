import {
  type ContainerContent,
  contentOf,
  type PoolAxis,
  type PoolBox,
  type PoolContent,
} from '@flowmap/shared'
import type { Editor, TLParentId, TLShape, TLShapeId, TLShapePartial } from 'tldraw'
import { containerPadding } from './container-layout.ts'

/** The workflow's containers: a stage (a column) and a lane (a row bound to a role). */
export type ContainerType = 'stage' | 'lane'
export type ContainerShape = TLShape<ContainerType>

export function isContainer(shape: TLShape | undefined): shape is ContainerShape {
  return shape?.type === 'lane' || shape?.type === 'stage'
}

/** Lanes stack top to bottom, stages left to right. */
export function poolAxisOf(type: ContainerType): PoolAxis {
  return type === 'lane' ? 'vertical' : 'horizontal'
}

/** The pool a container belongs to, kept in `meta.pool` (a pool is a rule over its members, see pool-layout). */
export function poolIdOf(shape: TLShape): string | null {
  const pool = shape.meta.pool
  return typeof pool === 'string' && pool !== '' ? pool : null
}

export function poolBoxOf(shape: ContainerShape): PoolBox {
  return { id: shape.id, pool: poolIdOf(shape), x: shape.x, y: shape.y, w: shape.props.w, h: shape.props.h }
}

/** The containers of one type under one parent: the ones that can share a pool. */
export function siblingPoolBoxes(editor: Editor, type: ContainerType, parentId: TLParentId): PoolBox[] {
  return editor
    .getSortedChildIdsForParent(parentId)
    .map((id) => editor.getShape(id))
    .filter((shape): shape is ContainerShape => shape?.type === type)
    .map(poolBoxOf)
}

/** The shape updates that turn `before` into `after` (boxes are matched by id; unchanged ones are left out). */
export function poolBoxUpdates(
  editor: Editor,
  before: readonly PoolBox[],
  after: readonly PoolBox[],
): TLShapePartial[] {
  const previous = new Map(before.map((box) => [box.id, box]))
  const updates: TLShapePartial[] = []
  for (const box of after) {
    const old = previous.get(box.id)
    const shape = editor.getShape(box.id as TLShapeId)
    if (old === undefined || !isContainer(shape)) continue
    const moved = old.x !== box.x || old.y !== box.y
    const sized = old.w !== box.w || old.h !== box.h
    const repooled = old.pool !== box.pool
    if (!moved && !sized && !repooled) continue
    updates.push({
      id: shape.id,
      type: shape.type,
      ...(moved ? { x: box.x, y: box.y } : {}),
      ...(sized ? { props: { w: box.w, h: box.h } } : {}),
      ...(repooled ? { meta: { pool: box.pool } } : {}),
    })
  }
  return updates
}

/** A container's children's page bounds in the container's own space (containers are not rotated). */
function childContentOf(editor: Editor, id: TLShapeId): ContainerContent {
  return contentOf(
    editor.getSortedChildIdsForParent(id).flatMap((childId) => {
      const bounds = editor.getShapePageBounds(childId)
      if (!bounds) return []
      const topLeft = editor.getPointInShapeSpace(id, { x: bounds.minX, y: bounds.minY })
      return [{ x: topLeft.x, y: topLeft.y, w: bounds.w, h: bounds.h }]
    }),
  )
}

/** What the containers' children occupy, for the pool rule to grow a pool back over (see PoolContent). */
export function poolContentOf(editor: Editor, type: ContainerType, boxes: readonly PoolBox[]): PoolContent {
  const content = new Map(boxes.map((box) => [box.id, childContentOf(editor, box.id as TLShapeId)]))
  return { content, padding: containerPadding(type) }
}

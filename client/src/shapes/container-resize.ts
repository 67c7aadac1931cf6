import {
  adoptChain,
  type ContainerContent,
  clampToContent,
  contentOf,
  type LayoutBox,
  type PoolAxis,
  type PoolBox,
  poolMembers,
  resizeMember,
  touchingChain,
} from '@flowmap/shared'
import type { Editor, TLParentId, TLResizeHandle, TLShape, TLShapeId, TLShapePartial } from 'tldraw'
import { containerPadding } from './container-layout.ts'
import { type ContainerShape, poolAxisOf, poolBoxUpdates, siblingPoolBoxes } from './pool-shapes.ts'

type ChildStart = { id: TLShapeId; type: TLShape['type']; x: number; y: number }

/**
 * What a container's resize starts from. Children are positioned relative to their parent, so
 * keeping them still on the page while the container's top or left edge moves means moving them the
 * other way; that is computed from where they were when the resize began, so a resize is exact
 * however many pointer moves it takes.
 */
export type ContainerResize = {
  readonly type: ContainerShape['type']
  readonly parentId: TLParentId
  readonly axis: PoolAxis
  /** The container's siblings of its type (the ones it can share a pool with), as the resize began. */
  readonly siblings: readonly PoolBox[]
  readonly self: PoolBox
  /** Each affected container's children and their positions, as the resize began. */
  readonly children: ReadonlyMap<string, readonly ChildStart[]>
  /** What the container must keep holding: its own children, and across the pool all members' children. */
  readonly content: ContainerContent
}

function childrenOf(editor: Editor, id: string): ChildStart[] {
  return editor
    .getSortedChildIdsForParent(id as TLShapeId)
    .map((childId) => editor.getShape(childId))
    .filter((child): child is TLShape => child !== undefined)
    .map((child) => ({ id: child.id, type: child.type, x: child.x, y: child.y }))
}

/** The page bounds of a container's children, in the container's parent space (containers are not rotated). */
function childBoxesInParentSpace(editor: Editor, container: ContainerShape): LayoutBox[] {
  return editor.getSortedChildIdsForParent(container.id).flatMap((id) => {
    const bounds = editor.getShapePageBounds(id)
    if (!bounds) return []
    const topLeft = editor.getPointInParentSpace(container.id, { x: bounds.minX, y: bounds.minY })
    return [{ x: topLeft.x, y: topLeft.y, w: bounds.w, h: bounds.h }]
  })
}

/**
 * Begins a resize. Lanes drawn edge to edge before pools existed become a pool now (in the resize's
 * undo step), so growing one of them pushes the others as it does in any pool.
 */
export function startContainerResize(editor: Editor, shape: ContainerShape): ContainerResize {
  const axis = poolAxisOf(shape.type)
  let siblings = siblingPoolBoxes(editor, shape.type, shape.parentId)
  const chain = touchingChain(siblings, shape.id, axis)
  if (chain.length > 1) {
    const adopted = adoptChain(siblings, chain)
    editor.updateShapes(poolBoxUpdates(editor, siblings, adopted))
    siblings = adopted
  }
  const self = siblings.find((box) => box.id === shape.id) ?? {
    id: shape.id,
    pool: null,
    x: shape.x,
    y: shape.y,
    w: shape.props.w,
    h: shape.props.h,
  }
  const members = self.pool === null ? [self] : poolMembers(siblings, self.pool, axis)
  const memberShapes = members
    .map((box) => editor.getShape(box.id as TLShapeId))
    .filter((member): member is ContainerShape => member?.type === shape.type)
  const own = contentOf(childBoxesInParentSpace(editor, shape))
  const pool = contentOf(memberShapes.flatMap((member) => childBoxesInParentSpace(editor, member)))
  // Along the pool only the container's own children count; across it, every member's (they share it).
  const content: ContainerContent = axis === 'vertical' ? { x: pool.x, y: own.y } : { x: own.x, y: pool.y }
  return {
    type: shape.type,
    parentId: shape.parentId,
    axis,
    siblings,
    self,
    children: new Map(memberShapes.map((member) => [member.id, childrenOf(editor, member.id)])),
    content,
  }
}

/**
 * The container resized towards `proposed` (its parent space): clamped to its content, the rest of its
 * pool restacked around it, and every child kept where it is on the page. Writes the other members and
 * the children; returns the container's own new box for the resize to apply.
 */
export function resizeContainer(
  editor: Editor,
  resize: ContainerResize,
  proposed: LayoutBox,
  handle: TLResizeHandle,
): LayoutBox {
  const unflipped = withoutFlip(resize.self, proposed, handle)
  const box = clampToContent(resize.self, unflipped, resize.content, containerPadding(resize.type))
  const resized: PoolBox = { ...resize.self, ...box }
  const laidOut = resizeMember(resize.siblings, resized, resize.axis)
  const current = siblingPoolBoxes(editor, resize.type, resize.parentId)
  const others = laidOut.filter((other) => other.id !== resized.id)
  const updates: TLShapePartial[] = poolBoxUpdates(editor, current, others)
  const starts = new Map(resize.siblings.map((start) => [start.id, start]))
  for (const after of laidOut) {
    const start = starts.get(after.id)
    const children = resize.children.get(after.id)
    if (start === undefined || children === undefined) continue
    // The resized container keeps its children still on both axes; a member pushed along the pool
    // carries its children with it, but a shared edge moved across the pool is a resize for it too.
    const dx = after.id === resized.id || resize.axis === 'vertical' ? after.x - start.x : 0
    const dy = after.id === resized.id || resize.axis === 'horizontal' ? after.y - start.y : 0
    for (const child of children) {
      const x = child.x - dx
      const y = child.y - dy
      const now = editor.getShape(child.id)
      if (now && (now.x !== x || now.y !== y)) updates.push({ id: child.id, type: child.type, x, y })
    }
  }
  if (updates.length > 0) editor.updateShapes(updates)
  return box
}

/** The smallest a container gets when it holds nothing: room for its header. */
const MIN_CONTAINER_SIZE = 40

/**
 * tldraw flips a shape dragged past its opposite edge; a container never flips: the opposite edge stays
 * put and the container stops at its smallest (or at its children, see clampToContent).
 */
function withoutFlip(start: LayoutBox, proposed: LayoutBox, handle: TLResizeHandle): LayoutBox {
  const [x, w] = unflippedAxis(start.x, start.w, proposed.x, proposed.w, edgeOf(handle, 'left', 'right'))
  const [y, h] = unflippedAxis(start.y, start.h, proposed.y, proposed.h, edgeOf(handle, 'top', 'bottom'))
  return { x, y, w, h }
}

function edgeOf(handle: TLResizeHandle, low: string, high: string): 'low' | 'high' | null {
  if (handle.includes(low)) return 'low'
  if (handle.includes(high)) return 'high'
  return null
}

function unflippedAxis(
  at: number,
  size: number,
  pAt: number,
  pSize: number,
  edge: 'low' | 'high' | null,
): [number, number] {
  const end = at + size
  if (edge === 'high')
    return [at, pAt >= at - 0.5 ? Math.max(MIN_CONTAINER_SIZE, pAt + pSize - at) : MIN_CONTAINER_SIZE]
  if (edge === 'low') {
    const top = pAt + pSize <= end + 0.5 ? Math.min(pAt, end - MIN_CONTAINER_SIZE) : end - MIN_CONTAINER_SIZE
    return [top, end - top]
  }
  return [pAt, pSize]
}

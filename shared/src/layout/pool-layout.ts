/**
 * Pools: lanes stacked together (rows, top to bottom) or stages side by side (columns, left to right).
 *
 * A pool is the containers of one parent that share a `meta.pool` id. Its layout is a rule of the
 * model, not something stored: the members sit in the order of their position along the pool's axis,
 * each starts where the one before ends (no gaps, no overlaps), and all share the cross extent (a pool
 * of lanes has one left edge and one width). Positions are therefore derived from the order and the
 * sizes, which is what makes concurrent edits converge:
 *
 * Yjs keeps the last writer per key (`x`, `y`, `props.w`, `props.h` are separate keys). Two people
 * resizing two lanes of one pool at once each write their own lane's height and the positions of the
 * lanes below; merged, the heights are both kept but the positions are one writer's, so the stack can
 * overlap. Every client then runs `normalizePools` on what it sees after a remote change. The result
 * depends only on the merged state (order by position then id, sizes kept, positions recomputed from
 * the first member), and a shift applied to a whole run of lanes never changes their order, so every
 * client computes the same layout, writes the same values, and once the writes are exchanged the
 * state is normalized and nobody writes again.
 *
 * Widths mix the same way, and worse: a pool's cross extent is two keys (`x` and `w`) and a child's
 * place is relative to its container's top left. One person drags the pool's left edge out (writes
 * `x`, `w` and every child's `x`), another drags its right edge in (writes `w` only): merged, `x` and
 * the children are the first's, `w` the second's, and the right edge lands left of steps both had
 * kept inside. A container's far edge (right, bottom) is the only one such a mix can pass over,
 * because the near side of each child is the same writer's as the child's position, so the rule
 * also grows each member's far edge, and the pool's shared width, back over its children
 * (`normalizePools` with the members' content). That too depends only on the merged state, and grows
 * nothing that already holds its children, so it converges the same way.
 */

import type { ContainerContent, ContentPadding } from './clamp-to-content.ts'

/** Lanes stack top to bottom (`vertical`), stages left to right (`horizontal`). */
export type PoolAxis = 'vertical' | 'horizontal'

/** A lane or stage as the pool rules see it: its box in its parent's space and its pool, if any. */
export type PoolBox = {
  readonly id: string
  readonly pool: string | null
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** A box along a pool's axis (`start`, `size`) and across it (`crossStart`, `crossSize`). */
type Span = { start: number; size: number; crossStart: number; crossSize: number }

/** Two edges this close (in page units) touch: floating-point drift never splits a pool. */
const TOUCHING = 0.5

/** A new container drawn this close to the end of a pool (or of a lone container) joins it. */
export const POOL_SNAP_DISTANCE = 160

/**
 * A container let go after a drag this close to a pool's edge (or over it) joins it. Smaller than the
 * snap of a new one: moving a lane is deliberate, and one pulled a little way out of its pool should
 * be able to stay out.
 */
export const POOL_JOIN_DISTANCE = 40

/**
 * What each container's children occupy, in the container's own coordinates (its top left is 0, 0),
 * and the room a container keeps around them: what `normalizePools` grows a pool back over.
 */
export type PoolContent = {
  readonly content: ReadonlyMap<string, ContainerContent>
  readonly padding: ContentPadding
}

function spanOf(box: PoolBox, axis: PoolAxis): Span {
  return axis === 'vertical'
    ? { start: box.y, size: box.h, crossStart: box.x, crossSize: box.w }
    : { start: box.x, size: box.w, crossStart: box.y, crossSize: box.h }
}

function withSpan(box: PoolBox, span: Span, axis: PoolAxis): PoolBox {
  return axis === 'vertical'
    ? { ...box, y: span.start, h: span.size, x: span.crossStart, w: span.crossSize }
    : { ...box, x: span.start, w: span.size, y: span.crossStart, h: span.crossSize }
}

function byPosition(axis: PoolAxis) {
  return (a: PoolBox, b: PoolBox) => spanOf(a, axis).start - spanOf(b, axis).start || (a.id < b.id ? -1 : 1)
}

/** The members of a pool, in pool order (position along the axis, then id so ties resolve alike everywhere). */
export function poolMembers(boxes: readonly PoolBox[], pool: string, axis: PoolAxis): PoolBox[] {
  return boxes.filter((box) => box.pool === pool).sort(byPosition(axis))
}

/**
 * Restacks ordered members around one that stays where it is (the one a person resized): those
 * before it end where the next begins, those after it start where the previous ends, and all take its
 * cross extent. Sizes along the axis are kept.
 */
export function stackAround(ordered: readonly PoolBox[], anchorIndex: number, axis: PoolAxis): PoolBox[] {
  const anchor = ordered[anchorIndex]
  if (anchor === undefined) return [...ordered]
  const { crossStart, crossSize } = spanOf(anchor, axis)
  const result = [...ordered]
  let end = spanOf(anchor, axis).start
  for (let i = anchorIndex - 1; i >= 0; i--) {
    const span = spanOf(ordered[i] as PoolBox, axis)
    end -= span.size
    result[i] = withSpan(ordered[i] as PoolBox, { start: end, size: span.size, crossStart, crossSize }, axis)
  }
  let start = spanOf(anchor, axis).start + spanOf(anchor, axis).size
  for (let i = anchorIndex + 1; i < ordered.length; i++) {
    const span = spanOf(ordered[i] as PoolBox, axis)
    result[i] = withSpan(ordered[i] as PoolBox, { start, size: span.size, crossStart, crossSize }, axis)
    start += span.size
  }
  return result
}

function replaceBoxes(boxes: readonly PoolBox[], changed: readonly PoolBox[]): PoolBox[] {
  const byId = new Map(changed.map((box) => [box.id, box]))
  return boxes.map((box) => byId.get(box.id) ?? box)
}

/**
 * Every pool laid out from its first member, each member's far edge and the pool's width grown back
 * over its children when `holding` says where they are: the state every client converges to (see
 * the header).
 */
export function normalizePools(boxes: readonly PoolBox[], axis: PoolAxis, holding?: PoolContent): PoolBox[] {
  const pools = new Set(boxes.flatMap((box) => (box.pool === null ? [] : [box.pool])))
  let result = [...boxes]
  for (const pool of pools) {
    const members = poolMembers(result, pool, axis)
    // A pool of one is a lone container: nothing to stack.
    if (members.length < 2) continue
    const stacked = stackAround(members, 0, axis)
    result = replaceBoxes(result, holding ? holdContent(stacked, axis, holding) : stacked)
  }
  return result
}

/** How far a container's children reach along an axis of its own (0 when it has none on that axis). */
function contentReach(content: ContainerContent | undefined, along: 'x' | 'y'): number {
  return content?.[along]?.max ?? 0
}

/**
 * Stacked members (in order) whose far edges are moved out, never in, so that each holds its
 * children with the padding on that side: along the pool each its own, across it the widest need
 * of them all, since they share it. Restacked from the first member, so no gap opens.
 */
export function holdContent(stacked: readonly PoolBox[], axis: PoolAxis, holding: PoolContent): PoolBox[] {
  const first = stacked[0]
  if (first === undefined) return []
  const [along, across] = axis === 'vertical' ? (['y', 'x'] as const) : (['x', 'y'] as const)
  const [padAlong, padAcross] =
    axis === 'vertical'
      ? [holding.padding.bottom, holding.padding.right]
      : [holding.padding.right, holding.padding.bottom]
  const cross = spanOf(first, axis)
  const crossReach = Math.max(...stacked.map((box) => contentReach(holding.content.get(box.id), across)))
  const crossSize = crossReach > cross.crossSize ? crossReach + padAcross : cross.crossSize
  const grown = stacked.map((box) => {
    const span = spanOf(box, axis)
    const reach = contentReach(holding.content.get(box.id), along)
    const size = reach > span.size ? reach + padAlong : span.size
    return withSpan(box, { ...span, size, crossSize }, axis)
  })
  return restackFrom(grown, cross.start, { ...cross, crossSize }, axis)
}

/**
 * One member resized to `resized` (its other members as they were when the resize began): the pool
 * restacks around it, so growing a lane pushes the lanes below it down (and a lane grown upwards
 * pushes those above it up), and a width change applies to the whole pool.
 */
export function resizeMember(boxes: readonly PoolBox[], resized: PoolBox, axis: PoolAxis): PoolBox[] {
  const updated = replaceBoxes(boxes, [resized])
  if (resized.pool === null) return updated
  // The order is the one before the resize: a lane grown over its neighbour does not swap with it.
  const ordered = poolMembers(boxes, resized.pool, axis).map((box) => (box.id === resized.id ? resized : box))
  const anchor = ordered.findIndex((box) => box.id === resized.id)
  return replaceBoxes(updated, stackAround(ordered, anchor, axis))
}

function crossOverlaps(a: Span, b: Span): boolean {
  return a.crossStart < b.crossStart + b.crossSize && b.crossStart < a.crossStart + a.crossSize
}

/**
 * The lone containers (no pool yet) that touch `id` end to end with the same cross extent, in order:
 * lanes drawn edge to edge before pools existed. A chain of two or more is a pool waiting for an id.
 */
export function touchingChain(boxes: readonly PoolBox[], id: string, axis: PoolAxis): PoolBox[] {
  const start = boxes.find((box) => box.id === id)
  if (start === undefined || start.pool !== null) return []
  const s = spanOf(start, axis)
  const candidates = boxes
    .filter((box) => {
      if (box.pool !== null) return false
      const c = spanOf(box, axis)
      return (
        Math.abs(c.crossStart - s.crossStart) <= TOUCHING && Math.abs(c.crossSize - s.crossSize) <= TOUCHING
      )
    })
    .sort(byPosition(axis))
  const index = candidates.findIndex((box) => box.id === id)
  let first = index
  while (first > 0 && touches(candidates[first - 1] as PoolBox, candidates[first] as PoolBox, axis)) first--
  let last = index
  while (
    last < candidates.length - 1 &&
    touches(candidates[last] as PoolBox, candidates[last + 1] as PoolBox, axis)
  )
    last++
  return candidates.slice(first, last + 1)
}

function touches(before: PoolBox, after: PoolBox, axis: PoolAxis): boolean {
  const a = spanOf(before, axis)
  const b = spanOf(after, axis)
  return Math.abs(a.start + a.size - b.start) <= TOUCHING
}

/**
 * The id a new pool takes: the first of `candidates` (container ids) no pool among `boxes` uses yet,
 * the same on every client. A container that left its pool can share its id with the pool it left,
 * which keeps that id; a new pool named after it would merge with the old one.
 */
function newPoolId(boxes: readonly PoolBox[], candidates: readonly string[]): string {
  const used = new Set(boxes.flatMap((box) => (box.pool === null ? [] : [box.pool])))
  const free = candidates.find((id) => !used.has(id))
  if (free !== undefined) return free
  let n = 2
  while (used.has(`${candidates[0]}:${n}`)) n++
  return `${candidates[0]}:${n}`
}

/** The pool id a chain of lone containers takes: its first member's, the same on every client. */
export function adoptChain(boxes: readonly PoolBox[], chain: readonly PoolBox[]): PoolBox[] {
  const first = chain[0]
  if (first === undefined || chain.length < 2) return [...boxes]
  const pool = newPoolId(
    boxes,
    chain.map((box) => box.id),
  )
  return replaceBoxes(
    boxes,
    chain.map((box) => ({ ...box, pool })),
  )
}

/**
 * A container just drawn near the end of a pool, or of a lone container, joins it: it takes the
 * pool's cross extent and starts where the last member ends (a lone container it joins becomes a pool
 * with it). Drawn far from every pool, it stays where it was drawn. `boxes` holds the new box too.
 */
export function snapNewMember(boxes: readonly PoolBox[], id: string, axis: PoolAxis): PoolBox[] {
  const created = boxes.find((box) => box.id === id)
  if (created === undefined) return [...boxes]
  const span = spanOf(created, axis)
  const others = boxes.filter((box) => box.id !== id)
  // The last member of each pool, and each lone container, is a place to snap to.
  const lasts = new Map<string, PoolBox>()
  for (const box of [...others].sort(byPosition(axis))) lasts.set(box.pool ?? `lone:${box.id}`, box)
  const firsts = new Map<string, PoolBox>()
  for (const box of [...others].sort(byPosition(axis)).reverse())
    firsts.set(box.pool ?? `lone:${box.id}`, box)
  let best: { last: PoolBox; distance: number } | null = null
  for (const [key, last] of lasts) {
    const l = spanOf(last, axis)
    if (!crossOverlaps(span, l)) continue
    const poolStart = spanOf(firsts.get(key) ?? last, axis).start
    // Drawn over the pool (a click lands a default-size lane on it) counts as drawn at its end: a
    // lane never sits on top of other lanes.
    const over = span.start < l.start + l.size && poolStart < span.start + span.size
    const distance = over ? 0 : Math.abs(span.start - (l.start + l.size))
    if (distance > POOL_SNAP_DISTANCE) continue
    if (best === null || distance < best.distance) best = { last, distance }
  }
  if (best === null) return [...boxes]
  const l = spanOf(best.last, axis)
  const pool = best.last.pool ?? newPoolId(boxes, [best.last.id, id])
  const snapped = withSpan(
    { ...created, pool },
    { start: l.start + l.size, size: span.size, crossStart: l.crossStart, crossSize: l.crossSize },
    axis,
  )
  return replaceBoxes(boxes, [snapped, { ...best.last, pool }])
}

/**
 * A lone container `id` let go next to a pool (its edge within POOL_JOIN_DISTANCE of the pool's first
 * or last edge, or over the pool) joins it where it was dropped: it takes the slot its centre falls
 * in, the pool's cross extent, and the members after it move along by its size. Next to another lone
 * container the two become a pool. Near nothing, it stays where it is. Its size along the axis is kept.
 */
export function joinPool(boxes: readonly PoolBox[], id: string, axis: PoolAxis): PoolBox[] {
  const joining = boxes.find((box) => box.id === id)
  if (joining === undefined || joining.pool !== null) return [...boxes]
  const j = spanOf(joining, axis)
  const groups = new Map<string, PoolBox[]>()
  for (const box of [...boxes].sort(byPosition(axis))) {
    if (box.id === id) continue
    const key = box.pool ?? `lone:${box.id}`
    groups.set(key, [...(groups.get(key) ?? []), box])
  }
  let best: { key: string; members: PoolBox[]; gap: number } | null = null
  for (const [key, members] of groups) {
    const first = spanOf(members[0] as PoolBox, axis)
    const last = spanOf(members.at(-1) as PoolBox, axis)
    if (!crossOverlaps(j, first)) continue
    const gap = Math.max(first.start - (j.start + j.size), j.start - (last.start + last.size), 0)
    if (gap > POOL_JOIN_DISTANCE) continue
    if (best === null || gap < best.gap || (gap === best.gap && key < best.key)) best = { key, members, gap }
  }
  if (best === null) return [...boxes]
  const { members } = best
  const target = members[0] as PoolBox
  const pool = target.pool ?? newPoolId(boxes, [target.id, id])
  const first = spanOf(members[0] as PoolBox, axis)
  const centre = j.start + j.size / 2
  const slot = members.filter((box) => {
    const s = spanOf(box, axis)
    return s.start + s.size / 2 < centre
  }).length
  const ordered = [...members.slice(0, slot), joining, ...members.slice(slot)].map((box) => ({
    ...box,
    pool,
  }))
  return replaceBoxes(boxes, restackFrom(ordered, first.start, first, axis))
}

/**
 * A container dragged to `dropped` (`boxes` as they were before the drag): dropped over its pool, it
 * takes the slot its centre falls in and the pool restacks from where it began, without gaps; dropped
 * outside, it leaves the pool where it was let go and the others close up. Let go next to a pool (its
 * own or another, see joinPool), a container outside a pool joins that one.
 */
export function dropMember(boxes: readonly PoolBox[], dropped: PoolBox, axis: PoolAxis): PoolBox[] {
  const before = boxes.find((box) => box.id === dropped.id)
  if (before?.pool == null)
    return joinPool(replaceBoxes(boxes, [{ ...dropped, pool: null }]), dropped.id, axis)
  const members = poolMembers(boxes, before.pool, axis)
  const first = spanOf(members[0] as PoolBox, axis)
  const last = spanOf(members.at(-1) as PoolBox, axis)
  const d = spanOf(dropped, axis)
  const centre = d.start + d.size / 2
  const crossCentre = d.crossStart + d.crossSize / 2
  const over =
    centre >= first.start &&
    centre <= last.start + last.size &&
    crossCentre >= first.crossStart &&
    crossCentre <= first.crossStart + first.crossSize
  if (!over) {
    const left = replaceBoxes(leavePool(boxes, dropped.id, axis), [{ ...dropped, pool: null }])
    return joinPool(left, dropped.id, axis)
  }
  const rest = members.filter((box) => box.id !== dropped.id)
  const slot = rest.filter((box) => {
    const s = spanOf(box, axis)
    return s.start + s.size / 2 < centre
  }).length
  const ordered = [...rest.slice(0, slot), { ...dropped, pool: before.pool }, ...rest.slice(slot)]
  return replaceBoxes(boxes, restackFrom(ordered, first.start, first, axis))
}

/**
 * A member leaves its pool (dragged out of it, or into another parent): the others close up from
 * where the pool began, and a pool left with one member is a lone container again.
 */
export function leavePool(boxes: readonly PoolBox[], id: string, axis: PoolAxis): PoolBox[] {
  const leaving = boxes.find((box) => box.id === id)
  if (leaving?.pool == null) return [...boxes]
  const members = poolMembers(boxes, leaving.pool, axis)
  const first = spanOf(members[0] as PoolBox, axis)
  const rest = members.filter((box) => box.id !== id)
  const stayers = rest.length > 1 ? rest : rest.map((box) => ({ ...box, pool: null }))
  return replaceBoxes(boxes, [{ ...leaving, pool: null }, ...restackFrom(stayers, first.start, first, axis)])
}

/** Ordered members laid end to end from `start`, across `cross`'s extent. */
function restackFrom(ordered: readonly PoolBox[], start: number, cross: Span, axis: PoolAxis): PoolBox[] {
  let at = start
  return ordered.map((box) => {
    const { size } = spanOf(box, axis)
    const placed = withSpan(
      box,
      { start: at, size, crossStart: cross.crossStart, crossSize: cross.crossSize },
      axis,
    )
    at += size
    return placed
  })
}

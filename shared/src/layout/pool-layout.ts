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
 */

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

/** Every pool laid out from its first member: the state every client converges to (see the header). */
export function normalizePools(boxes: readonly PoolBox[], axis: PoolAxis): PoolBox[] {
  const pools = new Set(boxes.flatMap((box) => (box.pool === null ? [] : [box.pool])))
  let result = [...boxes]
  for (const pool of pools) {
    const members = poolMembers(result, pool, axis)
    // A pool of one is a lone container: nothing to stack.
    if (members.length > 1) result = replaceBoxes(result, stackAround(members, 0, axis))
  }
  return result
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

/** The pool id a chain of lone containers takes: its first member's, the same on every client. */
export function adoptChain(boxes: readonly PoolBox[], chain: readonly PoolBox[]): PoolBox[] {
  const first = chain[0]
  if (first === undefined || chain.length < 2) return [...boxes]
  return replaceBoxes(
    boxes,
    chain.map((box) => ({ ...box, pool: first.id })),
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
  let best: { last: PoolBox; distance: number } | null = null
  for (const last of lasts.values()) {
    const l = spanOf(last, axis)
    if (!crossOverlaps(span, l)) continue
    const distance = Math.abs(span.start - (l.start + l.size))
    if (distance > POOL_SNAP_DISTANCE) continue
    if (best === null || distance < best.distance) best = { last, distance }
  }
  if (best === null) return [...boxes]
  const l = spanOf(best.last, axis)
  const pool = best.last.pool ?? best.last.id
  const snapped = withSpan(
    { ...created, pool },
    { start: l.start + l.size, size: span.size, crossStart: l.crossStart, crossSize: l.crossSize },
    axis,
  )
  return replaceBoxes(boxes, [snapped, { ...best.last, pool }])
}

/**
 * A member dragged to `dropped` (`boxes` as they were before the drag): dropped over its pool, it
 * takes the slot its centre falls in and the pool restacks from where it began, without gaps; dropped
 * outside, it leaves the pool where it was let go and the others close up.
 */
export function dropMember(boxes: readonly PoolBox[], dropped: PoolBox, axis: PoolAxis): PoolBox[] {
  const before = boxes.find((box) => box.id === dropped.id)
  if (before?.pool == null) return replaceBoxes(boxes, [dropped])
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
  if (!over) return replaceBoxes(leavePool(boxes, dropped.id, axis), [{ ...dropped, pool: null }])
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

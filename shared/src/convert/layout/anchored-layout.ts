/**
 * The layout of a draft with some geometry (a BPMN file whose DI draws part of the process): what has
 * bounds stays exactly where the source put it, and each card without bounds is placed next to a
 * neighbour that is already placed.
 *
 * Why a layout of all cards anchored to their placed neighbours, and not ELK's interactive or fixed
 * modes: ELK's interactive layered strategies read the given positions only to order layers and
 * cards, then place everything anew, so drawn cards would move (and BPMN round trips rely on DI being
 * kept to the unit); ELK's `fixed` algorithm keeps positions but places nothing. So ELK lays out the
 * whole graph once, which says where each card sits relative to its neighbours along the flow, and
 * each missing card is put at that same offset from a neighbour already placed:
 *
 * 1. Cards with bounds are placed; containers with bounds keep them.
 * 2. Breadth first from the placed cards along the edges (either direction), each card reached is put
 *    at its ELK offset from its neighbours already placed, averaged (so a missing card between two
 *    drawn ones lands between them). A part of the graph with no placed card starts below it all.
 * 3. A card whose container has bounds is moved into it (right of a lane's header, below a stage's).
 * 4. A card that would overlap a placed one moves past it along the axis its container can grow on
 *    without moving anything else: right in a lane (a lane's width is free, its height would push
 *    the lanes below), down in a stage, right outside containers.
 * 5. Containers with bounds grow on their far edge to hold their cards (a pool's lanes to one width,
 *    its stages to one height); a container without bounds is fitted around its cards.
 */
import type { DraftContainer, FlowDraft } from '../flow-draft.ts'
import type { DraftGeometry } from './band-layout.ts'
import { layeredPositions } from './elk-layered.ts'
import { groupBy } from './group-by.ts'
import { type Box, type LayoutGraph, type LayoutNode, poolsOf } from './layout-graph.ts'
import {
  CONTAINER_PADDING,
  LANE_CONTENT_LEFT,
  LANE_HEIGHT,
  PLACEMENT_MARGIN,
  POOL_GAP,
  STAGE_CONTENT_TOP,
  STAGE_WIDTH,
} from './layout-spacing.ts'

function overlaps(a: Box, b: Box, margin: number): boolean {
  return (
    a.x < b.x + b.w + margin &&
    b.x < a.x + a.w + margin &&
    a.y < b.y + b.h + margin &&
    b.y < a.y + a.h + margin
  )
}

/** Step 3: the card moved into its container's content area (never left of a lane's header, above a stage's). */
function intoContainer(box: Box, container: DraftContainer | undefined, bounds: Box | undefined): Box {
  if (container === undefined || bounds === undefined) return box
  const fit = (at: number, size: number, from: number, to: number) =>
    to - from < size ? from + (to - from - size) / 2 : Math.min(Math.max(at, from), to - size)
  if (container.kind === 'lane') {
    return {
      ...box,
      x: Math.max(box.x, bounds.x + LANE_CONTENT_LEFT),
      y: fit(box.y, box.h, bounds.y + CONTAINER_PADDING, bounds.y + bounds.h - CONTAINER_PADDING),
    }
  }
  return {
    ...box,
    x: fit(box.x, box.w, bounds.x + CONTAINER_PADDING, bounds.x + bounds.w - CONTAINER_PADDING),
    y: Math.max(box.y, bounds.y + STAGE_CONTENT_TOP),
  }
}

/** Step 4: moved past every placed card it would overlap, along the axis its container grows on. */
function clearOfOthers(box: Box, downwards: boolean, placed: readonly Box[]): Box {
  let at = box
  for (;;) {
    const hit = placed.find((other) => overlaps(at, other, PLACEMENT_MARGIN))
    if (hit === undefined) return at
    at = downwards
      ? { ...at, y: hit.y + hit.h + PLACEMENT_MARGIN }
      : { ...at, x: hit.x + hit.w + PLACEMENT_MARGIN }
  }
}

function boundsOf(boxes: readonly Box[]): { minX: number; minY: number; maxX: number; maxY: number } | null {
  if (boxes.length === 0) return null
  return {
    minX: Math.min(...boxes.map((b) => b.x)),
    minY: Math.min(...boxes.map((b) => b.y)),
    maxX: Math.max(...boxes.map((b) => b.x + b.w)),
    maxY: Math.max(...boxes.map((b) => b.y + b.h)),
  }
}

/** Step 5 for a container without bounds: its cards' box, with its header and padding around. */
function fitted(container: DraftContainer, cards: readonly Box[], below: number): Box {
  const box = boundsOf(cards)
  if (box === null) {
    return container.kind === 'lane'
      ? { x: 0, y: below, w: LANE_CONTENT_LEFT + STAGE_WIDTH, h: LANE_HEIGHT }
      : { x: 0, y: below, w: STAGE_WIDTH, h: LANE_HEIGHT }
  }
  const left = container.kind === 'lane' ? LANE_CONTENT_LEFT : CONTAINER_PADDING
  const above = container.kind === 'stage' ? STAGE_CONTENT_TOP : CONTAINER_PADDING
  return {
    x: box.minX - left,
    y: box.minY - above,
    w: box.maxX - box.minX + left + CONTAINER_PADDING,
    h: Math.max(container.kind === 'lane' ? LANE_HEIGHT : 0, box.maxY - box.minY + above + CONTAINER_PADDING),
  }
}

function neighboursOf(graph: LayoutGraph): Map<string, string[]> {
  const neighbours = new Map<string, string[]>(graph.nodes.map((node) => [node.id, []]))
  for (const edge of graph.edges) {
    neighbours.get(edge.from)?.push(edge.to)
    neighbours.get(edge.to)?.push(edge.from)
  }
  return neighbours
}

export async function anchoredLayout(draft: FlowDraft, graph: LayoutGraph): Promise<DraftGeometry> {
  const containerById = new Map(draft.containers.map((container) => [container.id, container]))
  const containers = new Map<string, Box>()
  for (const container of draft.containers)
    if (container.bounds !== null) containers.set(container.id, { ...container.bounds })

  // 1. What the source drew.
  const nodes = new Map<string, Box>()
  for (const node of graph.nodes) {
    if (node.bounds !== null) nodes.set(node.id, { x: node.bounds.x, y: node.bounds.y, w: node.w, h: node.h })
  }
  const missing = graph.nodes.filter((node) => node.bounds === null)
  if (missing.length > 0) {
    const relative = await layeredPositions(graph.nodes, graph.edges)
    const drawn = boundsOf([...nodes.values(), ...containers.values()])
    const start = { x: drawn?.minX ?? 0, y: drawn === null ? 0 : drawn.maxY + POOL_GAP }
    const placed: Box[] = [...nodes.values()]
    const byId = new Map(graph.nodes.map((node) => [node.id, node]))
    const neighbours = neighboursOf(graph)

    /** At its ELK offset from each neighbour already placed, averaged: between a drawn card before it and one after. */
    const place = (node: LayoutNode, anchors: readonly string[]) => {
      const elk = relative.get(node.id)!
      const offsetFrom = (id: string, axis: 'x' | 'y') =>
        nodes.get(id)![axis] + elk[axis] - relative.get(id)![axis]
      const mean = (axis: 'x' | 'y') =>
        anchors.reduce((sum, id) => sum + offsetFrom(id, axis), 0) / anchors.length
      const target: Box =
        anchors.length === 0
          ? { x: start.x, y: start.y, w: node.w, h: node.h }
          : { x: mean('x'), y: mean('y'), w: node.w, h: node.h }
      const container = node.containerId === null ? undefined : containerById.get(node.containerId)
      const inside = intoContainer(
        target,
        container,
        node.containerId === null ? undefined : containers.get(node.containerId),
      )
      const box = clearOfOthers(inside, container?.kind === 'stage', placed)
      nodes.set(node.id, box)
      placed.push(box)
    }

    // 2. Breadth first from what is placed; a part with nothing placed starts below it all.
    const queue = graph.nodes.filter((node) => nodes.has(node.id)).map((node) => node.id)
    for (let next = 0; nodes.size < graph.nodes.length; ) {
      if (next === queue.length) {
        const first = missing.find((node) => !nodes.has(node.id))!
        place(first, [])
        queue.push(first.id)
      }
      const from = queue[next++]!
      for (const id of neighbours.get(from) ?? []) {
        if (nodes.has(id)) continue
        place(
          byId.get(id)!,
          (neighbours.get(id) ?? []).filter((neighbour) => nodes.has(neighbour)),
        )
        queue.push(id)
      }
    }
  }

  // 5. Containers around their cards. A container the source drew grows only for the cards the layout
  // placed in it: a drawn card a little inside its lane's edge, or lanes of one pool drawn to different
  // widths, are the source's geometry and stay as they are.
  const cardsIn = new Map(
    [...groupBy(graph.nodes, (node) => node.containerId)].map(([id, members]) => [
      id,
      members.map((node) => ({ box: nodes.get(node.id)!, drawn: node.bounds !== null })),
    ]),
  )
  const grown = new Set<string>()
  let below = (boundsOf([...nodes.values(), ...containers.values()])?.maxY ?? 0) + POOL_GAP
  for (const container of draft.containers) {
    const own = containers.get(container.id)
    const cards = cardsIn.get(container.id) ?? []
    if (own === undefined) {
      const box = fitted(
        container,
        cards.map((card) => card.box),
        below,
      )
      if (cards.length === 0) below += box.h
      containers.set(container.id, box)
      continue
    }
    const placed = boundsOf(cards.filter((card) => !card.drawn).map((card) => card.box))
    if (placed === null) continue
    const before = { w: own.w, h: own.h }
    if (container.kind === 'lane') own.w = Math.max(own.w, placed.maxX + CONTAINER_PADDING - own.x)
    else own.h = Math.max(own.h, placed.maxY + CONTAINER_PADDING - own.y)
    if (own.w !== before.w || own.h !== before.h) grown.add(container.id)
  }
  sharePoolExtent(draft.containers, containers, grown)
  return { nodes, containers }
}

/**
 * The pools with a member that grew: their lanes reach one right edge, their stages one bottom edge
 * (the far edges only, so nothing moves).
 */
function sharePoolExtent(
  all: readonly DraftContainer[],
  boxes: Map<string, Box>,
  grown: ReadonlySet<string>,
) {
  for (const members of poolsOf(all)) {
    if (!members.some((member) => grown.has(member.id))) continue
    const lanes = members[0]!.kind === 'lane'
    const farEdge = (box: Box) => (lanes ? box.x + box.w : box.y + box.h)
    const far = Math.max(...members.map((member) => farEdge(boxes.get(member.id)!)))
    for (const member of members) {
      const box = boxes.get(member.id)!
      if (lanes) box.w = far - box.x
      else box.h = far - box.y
    }
  }
}

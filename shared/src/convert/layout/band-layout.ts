/**
 * The layout of a draft with no geometry at all (a Mermaid flowchart, a BPMN file without DI):
 *
 * 1. ELK's layered layout of every card in a lane or in no container, as one graph, orders the cards
 *    into layers along the flow (left to right). Its x is kept.
 * 2. Lanes are rows: each lane is a horizontal band, stacked in pool order with no gap. A card's y is
 *    its place in its lane: the cards of one lane whose x ranges overlap (a layer) are stacked in ELK's
 *    order, centred in the band; the band grows to hold the tallest stack. Lanes of a pool share one
 *    left edge and one width, grown to the rightmost card.
 * 3. Stages are columns: each pool of stages is laid out by ELK on its own, with its stages as ELK
 *    partitions (so a stage's cards come after the stage before's), then each stage becomes a column
 *    just wide enough for its cards, side by side, all of one height, below the lanes.
 * 4. Cards in no container form one more band below, laid out like a lane without its header.
 */
import type { FlowDraft } from '../flow-draft.ts'
import { type LayeredEdge, type LayeredPoint, layeredPositions } from './elk-layered.ts'
import { groupBy } from './group-by.ts'
import { type Box, type LayoutGraph, type LayoutNode, poolsOf } from './layout-graph.ts'
import {
  CONTAINER_PADDING,
  LANE_CONTENT_LEFT,
  LANE_HEIGHT,
  POOL_GAP,
  STACK_GAP,
  STAGE_CONTENT_TOP,
  STAGE_WIDTH,
} from './layout-spacing.ts'

export type DraftGeometry = {
  /** Every node's box in page coordinates. */
  readonly nodes: ReadonlyMap<string, Box>
  /** Every container's box in page coordinates. */
  readonly containers: ReadonlyMap<string, Box>
}

/** Cards of one band stacked column by column: each card's y within the band, and the tallest stack. */
function stackInBand(cards: readonly LayoutNode[], at: ReadonlyMap<string, LayeredPoint>) {
  const byX = [...cards].sort((a, b) => at.get(a.id)!.x - at.get(b.id)!.x)
  const columns: LayoutNode[][] = []
  let columnRight = Number.NEGATIVE_INFINITY
  for (const card of byX) {
    const x = at.get(card.id)!.x
    if (x >= columnRight) {
      columns.push([])
      columnRight = x + card.w
    } else {
      columnRight = Math.max(columnRight, x + card.w)
    }
    columns.at(-1)!.push(card)
  }
  const heights = columns.map(
    (column) => column.reduce((sum, card) => sum + card.h, 0) + STACK_GAP * (column.length - 1),
  )
  const tallest = Math.max(0, ...heights)
  const y = new Map<string, number>()
  columns.forEach((column, i) => {
    let cursor = (tallest - heights[i]!) / 2
    for (const card of [...column].sort((a, b) => at.get(a.id)!.y - at.get(b.id)!.y)) {
      y.set(card.id, cursor)
      cursor += card.h + STACK_GAP
    }
  })
  return { y, tallest }
}

function rightmost(cards: readonly LayoutNode[], at: ReadonlyMap<string, LayeredPoint>): number {
  return Math.max(0, ...cards.map((card) => at.get(card.id)!.x + card.w))
}

export async function bandLayout(draft: FlowDraft, graph: LayoutGraph): Promise<DraftGeometry> {
  const kindOf = new Map(draft.containers.map((container) => [container.id, container.kind]))
  const inStage = (card: LayoutNode) => card.containerId !== null && kindOf.get(card.containerId) === 'stage'
  const flowCards = graph.nodes.filter((card) => !inStage(card))
  const cardsIn = groupBy(graph.nodes, (card) => card.containerId)

  const laid = await layeredPositions(flowCards, graph.edges)
  // Shifted so the leftmost card sits just right of a lane's header, lanes starting at x = 0.
  const minX = Math.min(0, ...flowCards.map((card) => laid.get(card.id)!.x))
  const at = new Map([...laid].map(([id, p]) => [id, { x: p.x - minX + LANE_CONTENT_LEFT, y: p.y }]))

  const nodes = new Map<string, Box>()
  const containers = new Map<string, Box>()
  let top = 0

  // 2. Lanes as rows.
  for (const lanes of poolsOf(draft.containers.filter((container) => container.kind === 'lane'))) {
    const members = lanes.flatMap((lane) => cardsIn.get(lane.id) ?? [])
    const width = Math.max(LANE_CONTENT_LEFT + STAGE_WIDTH, rightmost(members, at) + CONTAINER_PADDING)
    for (const lane of lanes) {
      const cards = cardsIn.get(lane.id) ?? []
      const band = stackInBand(cards, at)
      const h = Math.max(LANE_HEIGHT, band.tallest + 2 * CONTAINER_PADDING)
      for (const card of cards) {
        nodes.set(card.id, {
          x: at.get(card.id)!.x,
          y: top + (h - band.tallest) / 2 + band.y.get(card.id)!,
          w: card.w,
          h: card.h,
        })
      }
      containers.set(lane.id, { x: 0, y: top, w: width, h })
      top += h
    }
    top += POOL_GAP
  }

  // 3. Stages as columns.
  for (const stages of poolsOf(draft.containers.filter((container) => container.kind === 'stage'))) {
    const cards = stages.flatMap((stage, i) =>
      (cardsIn.get(stage.id) ?? []).map((card) => ({ ...card, partition: i })),
    )
    const ids = new Set(cards.map((card) => card.id))
    const edges: LayeredEdge[] = graph.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to))
    const placed = await layeredPositions(cards, edges)
    const minY = Math.min(0, ...cards.map((card) => placed.get(card.id)!.y))
    const bottom = Math.max(0, ...cards.map((card) => placed.get(card.id)!.y + card.h - minY))
    const h = Math.max(LANE_HEIGHT, STAGE_CONTENT_TOP + bottom + CONTAINER_PADDING)
    let left = 0
    for (const stage of stages) {
      const inThis = cardsIn.get(stage.id) ?? []
      const from = Math.min(...inThis.map((card) => placed.get(card.id)!.x))
      const to = Math.max(...inThis.map((card) => placed.get(card.id)!.x + card.w))
      const w = inThis.length === 0 ? STAGE_WIDTH : Math.max(STAGE_WIDTH, to - from + 2 * CONTAINER_PADDING)
      const inset = (w - (to - from)) / 2
      for (const card of inThis) {
        const p = placed.get(card.id)!
        nodes.set(card.id, {
          x: left + inset + p.x - from,
          y: top + STAGE_CONTENT_TOP + p.y - minY,
          w: card.w,
          h: card.h,
        })
      }
      containers.set(stage.id, { x: left, y: top, w, h })
      left += w
    }
    top += h + POOL_GAP
  }

  // 4. Cards in no container.
  const loose = cardsIn.get(null) ?? []
  const band = stackInBand(loose, at)
  for (const card of loose)
    nodes.set(card.id, { x: at.get(card.id)!.x, y: top + band.y.get(card.id)!, w: card.w, h: card.h })
  return { nodes, containers }
}

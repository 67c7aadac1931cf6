/**
 * What the records keep of a draft so that an export imported back reads as it did: a lane's stage,
 * a step's status and estimate, and a drawn diagram's bounds even where a card sits over its lane's edge.
 */
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import { draftEdge, draftLane, draftNode, draftStage, flowDraft } from '../testing/flow-drafts.ts'
import { draftToContent } from './draft-to-content.ts'
import type { DraftContainer } from './flow-draft.ts'

function shapes(records: readonly TLRecord[]): Map<string, TLShape> {
  return new Map(
    records.filter((r): r is TLShape => r.typeName === 'shape').map((shape) => [shape.id as string, shape]),
  )
}

function inStage(lane: DraftContainer, stage: string): DraftContainer {
  return { ...lane, meta: { ...lane.meta, stage } }
}

/** A shape's page box: its x/y added up its parents. */
function pageBox(all: ReadonlyMap<string, TLShape>, id: string) {
  let shape = all.get(id)!
  const { w, h } = shape.props as { w: number; h: number }
  let { x, y } = shape
  for (let parent = all.get(shape.parentId); parent; parent = all.get(parent.parentId)) {
    x += parent.x
    y += parent.y
    shape = parent
  }
  return { x, y, w, h }
}

describe('a lane whose meta.stage names a stage', () => {
  it('is drawn inside that stage as its child, and its cards read as in both', async () => {
    const draft = flowDraft({
      containers: [
        draftStage('plan'),
        inStage(draftLane('sales', { pool: 'p' }), 'plan'),
        inStage(draftLane('ops', { pool: 'p' }), 'plan'),
      ],
      nodes: [
        draftNode('a', 'step', { containerId: 'sales' }),
        draftNode('b', 'step', { containerId: 'ops' }),
      ],
    })
    const { records } = await draftToContent(draft)
    const all = shapes(records)
    for (const lane of ['shape:sales', 'shape:ops']) {
      expect(all.get(lane)!.parentId).toBe('shape:plan')
      expect(all.get(lane)!.meta).toEqual({ pool: 'p' })
      const box = pageBox(all, lane)
      const stage = pageBox(all, 'shape:plan')
      expect(box.x).toBeGreaterThanOrEqual(stage.x)
      expect(box.y).toBeGreaterThanOrEqual(stage.y)
      expect(box.x + box.w).toBeLessThanOrEqual(stage.x + stage.w)
      expect(box.y + box.h).toBeLessThanOrEqual(stage.y + stage.h)
    }
    const graph = toWorkflowGraph(records, [])
    expect(graph.nodes.map((node) => [node.id, node.laneId, node.stageId])).toEqual([
      ['shape:a', 'shape:sales', 'shape:plan'],
      ['shape:b', 'shape:ops', 'shape:plan'],
    ])
  })

  it('keeps the bounds a source drew for the stage, the lane and the card exactly', async () => {
    const draft = flowDraft({
      containers: [
        draftStage('plan', { bounds: { x: 100, y: 50, w: 900, h: 700 } }),
        inStage(draftLane('sales', { bounds: { x: 100, y: 50, w: 900, h: 300 } }), 'plan'),
      ],
      nodes: [draftNode('a', 'step', { containerId: 'sales', bounds: { x: 300, y: 120, w: 160, h: 80 } })],
    })
    const all = shapes((await draftToContent(draft)).records)
    expect(all.get('shape:sales')).toMatchObject({ parentId: 'shape:plan', x: 0, y: 0 })
    expect(pageBox(all, 'shape:plan')).toEqual({ x: 100, y: 50, w: 900, h: 700 })
    expect(pageBox(all, 'shape:sales')).toEqual({ x: 100, y: 50, w: 900, h: 300 })
    expect(pageBox(all, 'shape:a')).toEqual({ x: 300, y: 120, w: 160, h: 80 })
  })

  it('naming no stage of the draft, is drawn on the page', async () => {
    const draft = flowDraft({ containers: [inStage(draftLane('sales'), 'gone')] })
    expect(shapes((await draftToContent(draft)).records).get('shape:sales')!.parentId).toBe('page:page')
  })
})

describe("a step's status and estimate in meta", () => {
  it('become its props, and leave meta', async () => {
    const draft = flowDraft({
      nodes: [draftNode('a', 'step', { meta: { bpmnKind: 'userTask', status: 'blocked', estimate: 6.5 } })],
    })
    const step = shapes((await draftToContent(draft)).records).get('shape:a')!
    expect(step.props).toMatchObject({ status: 'blocked', estimate: 6.5 })
    expect(step.meta).toEqual({ bpmnKind: 'userTask' })
  })

  it('stay in meta when they are no valid status or estimate, and the step keeps its defaults', async () => {
    const draft = flowDraft({ nodes: [draftNode('a', 'step', { meta: { status: 'paused', estimate: -2 } })] })
    const step = shapes((await draftToContent(draft)).records).get('shape:a')!
    expect(step.props).toMatchObject({ status: 'todo', estimate: null })
    expect(step.meta).toEqual({ status: 'paused', estimate: -2 })
  })
})

describe('a drawn diagram', () => {
  it('keeps a lane as drawn when a card it holds was drawn over its edge', async () => {
    const lane = { x: 0, y: 0, w: 500, h: 200 }
    const card = { x: 420, y: 60, w: 160, h: 80 }
    const draft = flowDraft({
      containers: [
        draftLane('l', { pool: 'p', bounds: lane }),
        draftLane('m', { pool: 'p', bounds: { ...lane, y: 200, w: 480 } }),
      ],
      nodes: [draftNode('a', 'step', { containerId: 'l', bounds: card })],
    })
    const all = shapes((await draftToContent(draft)).records)
    expect(pageBox(all, 'shape:l')).toEqual(lane)
    expect(pageBox(all, 'shape:m')).toEqual({ ...lane, y: 200, w: 480 })
    expect(pageBox(all, 'shape:a')).toEqual(card)
  })
})

describe('a note in no container', () => {
  const lane = draftLane('lane', { bounds: { x: 0, y: 0, w: 800, h: 300 } })
  const card = draftNode('a', 'step', { containerId: 'lane', bounds: { x: 100, y: 100, w: 160, h: 80 } })

  it('drawn outside every container, stays on the page though a connector joins it to a card in a lane', async () => {
    const note = draftNode('memo', 'note', { bounds: { x: -400, y: 0, w: 200, h: 200 } })
    const draft = flowDraft({
      containers: [lane],
      nodes: [card, note],
      edges: [draftEdge('needs', 'memo', 'a', { flow: 'dependency' })],
    })
    const all = shapes((await draftToContent(draft)).records)
    expect(all.get('shape:memo')).toMatchObject({ parentId: 'page:page', x: -400, y: 0 })
  })

  it('placed by nothing, stays outside unless its meta.nearNodeId names the card it sits by', async () => {
    const draft = flowDraft({
      containers: [draftLane('lane')],
      nodes: [
        draftNode('a', 'step', { containerId: 'lane' }),
        draftNode('told', 'note'),
        draftNode('by', 'note', { meta: { nearNodeId: 'a' } }),
      ],
      edges: [draftEdge('tells', 'a', 'told', { flow: 'information' })],
    })
    const all = shapes((await draftToContent(draft)).records)
    expect(all.get('shape:told')!.parentId).toBe('page:page')
    expect(all.get('shape:by')!.parentId).toBe('shape:lane')
  })
})

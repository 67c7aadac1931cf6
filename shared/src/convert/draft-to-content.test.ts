import type { TLArrowBinding, TLRecord, TLShape } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_ID_CHARS } from '../schema/limits.ts'
import { validateRecord } from '../schema/validate-record.ts'
import { draftEdge, draftLane, draftNode, draftStage, flowDraft } from '../testing/flow-drafts.ts'
import { draftToContent, draftToContentWithNotices } from './draft-to-content.ts'
import type { DraftContainer, DraftEdge, DraftNode, FlowDraft } from './flow-draft.ts'
import { NOTE_SIDE } from './note-size.ts'

type Box = { x: number; y: number; w: number; h: number }

const CONTAINER_TYPES = new Set(['lane', 'stage'])

function shapesOf(records: readonly TLRecord[]): TLShape[] {
  return records.filter((record): record is TLShape => record.typeName === 'shape')
}

/** Every shape's box in page coordinates (children are relative to their parent). */
function pageBoxes(records: readonly TLRecord[]): Map<string, Box> {
  const byId = new Map(shapesOf(records).map((shape) => [shape.id as string, shape]))
  const boxes = new Map<string, Box>()
  const boxOf = (shape: TLShape): Box => {
    const known = boxes.get(shape.id)
    if (known) return known
    const props = shape.props as { w?: number; h?: number }
    const parent = byId.get(shape.parentId)
    const origin = parent ? boxOf(parent) : { x: 0, y: 0 }
    const box = {
      x: origin.x + shape.x,
      y: origin.y + shape.y,
      w: shape.type === 'note' ? NOTE_SIDE : (props.w ?? 0),
      h: shape.type === 'note' ? NOTE_SIDE : (props.h ?? 0),
    }
    boxes.set(shape.id, box)
    return box
  }
  for (const shape of byId.values()) boxOf(shape)
  return boxes
}

function cardsOf(records: readonly TLRecord[]): TLShape[] {
  return shapesOf(records).filter((shape) => shape.type !== 'arrow' && !CONTAINER_TYPES.has(shape.type))
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

function inside(inner: Box, outer: Box): boolean {
  const e = 1e-6
  return (
    inner.x >= outer.x - e &&
    inner.y >= outer.y - e &&
    inner.x + inner.w <= outer.x + outer.w + e &&
    inner.y + inner.h <= outer.y + outer.h + e
  )
}

function expectNoOverlap(records: readonly TLRecord[]) {
  const boxes = pageBoxes(records)
  const cards = cardsOf(records)
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const [a, b] = [boxes.get(cards[i]!.id)!, boxes.get(cards[j]!.id)!]
      if (overlap(a, b))
        throw new Error(`${cards[i]!.id} ${JSON.stringify(a)} overlaps ${cards[j]!.id} ${JSON.stringify(b)}`)
    }
  }
}

function expectCardsInTheirContainers(records: readonly TLRecord[]) {
  const boxes = pageBoxes(records)
  const containers = new Set(
    shapesOf(records)
      .filter((s) => CONTAINER_TYPES.has(s.type))
      .map((s) => s.id as string),
  )
  for (const card of cardsOf(records)) {
    if (containers.has(card.parentId))
      expect(inside(boxes.get(card.id)!, boxes.get(card.parentId)!)).toBe(true)
  }
}

/** Lanes of one pool: one left edge, one width, each starting where the one above ends. */
function expectPoolsStacked(records: readonly TLRecord[]) {
  const pools = new Map<unknown, TLShape[]>()
  for (const shape of shapesOf(records)) {
    if (shape.type === 'lane' && shape.meta.pool !== undefined)
      pools.set(shape.meta.pool, [...(pools.get(shape.meta.pool) ?? []), shape])
  }
  for (const lanes of pools.values()) {
    const sorted = [...lanes].sort((a, b) => a.y - b.y)
    sorted.forEach((lane, i) => {
      const props = lane.props as { w: number; h: number }
      expect(lane.x).toBe(sorted[0]!.x)
      expect(props.w).toBe((sorted[0]!.props as { w: number }).w)
      if (i > 0) expect(lane.y).toBeCloseTo(sorted[i - 1]!.y + (sorted[i - 1]!.props as { h: number }).h, 6)
    })
  }
}

/** Steps named by id, each in the container given (null: none), and a chain of sequence edges through `chain`. */
function stepsIn(containers: Record<string, string | null>, chain: readonly string[] = []) {
  return {
    nodes: Object.entries(containers).map(([id, containerId]) => draftNode(id, 'step', { containerId })),
    edges: chain.slice(1).map((to, i) => draftEdge(`${chain[i]}-${to}`, chain[i]!, to)),
  }
}

/** A random draft without geometry: pools of lanes, maybe a pool of stages, cards anywhere, edges between them. */
const draftWithoutGeometry: fc.Arbitrary<FlowDraft> = fc
  .record({
    pools: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
    stages: fc.integer({ min: 0, max: 3 }),
    lonelyLanes: fc.integer({ min: 0, max: 2 }),
    cards: fc.array(
      fc.record({
        kind: fc.constantFrom('step', 'decision', 'event', 'artifact', 'note') as fc.Arbitrary<
          DraftNode['kind']
        >,
        container: fc.nat(),
        inContainer: fc.boolean(),
      }),
      { maxLength: 40 },
    ),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('sequence', 'information', 'dependency')), {
      maxLength: 60,
    }),
  })
  .map(({ pools, stages, lonelyLanes, cards, edges }) => {
    const containers: DraftContainer[] = [
      ...pools.flatMap((count, p) =>
        Array.from({ length: count }, (_, l) => draftLane(`p${p}-lane${l}`, { pool: `pool${p}` })),
      ),
      ...Array.from({ length: lonelyLanes }, (_, l) => draftLane(`alone${l}`)),
      ...Array.from({ length: stages }, (_, s) => draftStage(`stage${s}`, { pool: 'stages' })),
    ]
    const nodes = cards.map((card, i) =>
      draftNode(`n${i}`, card.kind, {
        containerId:
          card.inContainer && containers.length > 0
            ? containers[card.container % containers.length]!.id
            : null,
      }),
    )
    const draftEdges: DraftEdge[] =
      nodes.length === 0
        ? []
        : edges.map(([from, to, flow], i) =>
            draftEdge(`e${i}`, nodes[from % nodes.length]!.id, nodes[to % nodes.length]!.id, {
              flow: flow as DraftEdge['flow'],
            }),
          )
    return flowDraft({ containers, nodes, edges: draftEdges })
  })

describe('draftToContent without geometry', () => {
  it('lays out any draft into records that validate, cards apart, in their containers, lanes stacked', async () => {
    await fc.assert(
      fc.asyncProperty(draftWithoutGeometry, async (draft) => {
        const { records } = await draftToContent(draft)
        for (const record of records) expect(validateRecord(record)).toMatchObject({ ok: true })
        expectNoOverlap(records)
        expectCardsInTheirContainers(records)
        expectPoolsStacked(records)
      }),
      { numRuns: 40 },
    )
  })

  it('lays a chain A → B → C out left to right', async () => {
    const draft = flowDraft({
      nodes: ['A', 'B', 'C'].map((id) => draftNode(id)),
      edges: [draftEdge('ab', 'A', 'B'), draftEdge('bc', 'B', 'C')],
    })
    const boxes = pageBoxes((await draftToContent(draft)).records)
    const [a, b, c] = ['A', 'B', 'C'].map((id) => boxes.get(`shape:${id}`)!)
    expect(a!.x + a!.w).toBeLessThan(b!.x)
    expect(b!.x + b!.w).toBeLessThan(c!.x)
  })

  it('sets a card off the line of a connector that skips it, in a lane and out of one', async () => {
    // "In stock?" → yes → Ship, and no → Reorder → Ship: the yes connector runs past Reorder.
    for (const lane of [null, 'ops']) {
      const ids = ['start', 'check', 'reorder', 'ship', 'done']
      const draft = flowDraft({
        containers: lane === null ? [] : [draftLane(lane, { pool: 'p' })],
        nodes: ids.map((id) => draftNode(id, 'step', { containerId: lane })),
        edges: [
          draftEdge('e1', 'start', 'check'),
          draftEdge('e2', 'check', 'ship'),
          draftEdge('e3', 'check', 'reorder'),
          draftEdge('e4', 'reorder', 'ship'),
          draftEdge('e5', 'ship', 'done'),
        ],
      })
      const boxes = pageBoxes((await draftToContent(draft)).records)
      const [check, reorder, ship] = ['check', 'reorder', 'ship'].map((id) => boxes.get(`shape:${id}`)!)
      // The connector from check to ship is drawn level with them: reorder lies above or below it.
      const line = check!.y + check!.h / 2
      expect(ship!.y + ship!.h / 2).toBeCloseTo(line, 3)
      expect(reorder!.y > line || reorder!.y + reorder!.h < line, `reorder is off the line (${lane})`).toBe(
        true,
      )
      expect(check!.x < reorder!.x && reorder!.x < ship!.x).toBe(true)
    }
  })

  it('keeps a chain across lanes left to right, each card in its own lane band', async () => {
    const draft = flowDraft({
      containers: [draftLane('sales', { pool: 'p' }), draftLane('ops', { pool: 'p' })],
      ...stepsIn({ A: 'sales', B: 'ops', C: 'sales' }, ['A', 'B', 'C']),
    })
    const { records } = await draftToContent(draft)
    const boxes = pageBoxes(records)
    const [a, b, c] = ['A', 'B', 'C'].map((id) => boxes.get(`shape:${id}`)!)
    expect(a!.x).toBeLessThan(b!.x)
    expect(b!.x).toBeLessThan(c!.x)
    const shapes = new Map(shapesOf(records).map((s) => [s.id as string, s]))
    expect(shapes.get('shape:A')!.parentId).toBe('shape:sales')
    expect(shapes.get('shape:B')!.parentId).toBe('shape:ops')
    expect(inside(b!, boxes.get('shape:ops')!)).toBe(true)
    expectPoolsStacked(records)
  })

  it('puts stages side by side as columns of one height, each holding its cards', async () => {
    const draft = flowDraft({
      containers: [draftStage('plan', { pool: 's' }), draftStage('build', { pool: 's' })],
      // c → a runs against the stage order: ELK's partitions must still keep the stages in order.
      ...stepsIn({ a: 'plan', b: 'plan', c: 'build' }, ['a', 'b', 'c', 'a']),
    })
    const { records } = await draftToContent(draft)
    const shapes = new Map(shapesOf(records).map((s) => [s.id as string, s]))
    const [plan, build] = [shapes.get('shape:plan')!, shapes.get('shape:build')!]
    const planProps = plan.props as { w: number; h: number; order: number }
    expect(build.x).toBeCloseTo(plan.x + planProps.w, 6)
    expect(build.y).toBe(plan.y)
    expect((build.props as { h: number }).h).toBe(planProps.h)
    expect([planProps.order, (build.props as { order: number }).order]).toEqual([1, 2])
    expectCardsInTheirContainers(records)
    expectNoOverlap(records)
  })

  it('sets a note by the node its meta.nearNodeId names, in that node’s lane', async () => {
    const steps = stepsIn({ a: 'lane', b: 'lane', c: 'other', d: 'other' }, ['a', 'b', 'c', 'd'])
    const draft = flowDraft({
      containers: [draftLane('lane', { pool: 'p' }), draftLane('other', { pool: 'p' })],
      nodes: [...steps.nodes, draftNode('memo', 'note', { meta: { nearNodeId: 'c' } })],
      edges: steps.edges,
    })
    const { records } = await draftToContent(draft)
    const note = shapesOf(records).find((s) => s.type === 'note')!
    expect(note.parentId).toBe('shape:other')
    const boxes = pageBoxes(records)
    const [memo, c] = [boxes.get(note.id)!, boxes.get('shape:c')!]
    const distance = Math.hypot(memo.x + memo.w / 2 - (c.x + c.w / 2), memo.y + memo.h / 2 - (c.y + c.h / 2))
    expect(distance).toBeLessThan(500)
    expectNoOverlap(records)
  })

  it('lays out 500 nodes in lanes', async () => {
    const lanes = Array.from({ length: 6 }, (_, i) => draftLane(`lane${i}`, { pool: 'p' }))
    const nodes = Array.from({ length: 500 }, (_, i) =>
      draftNode(`n${i}`, i % 7 === 3 ? 'decision' : 'step', { containerId: `lane${(i * 7) % 6}` }),
    )
    const edges = nodes.slice(1).map((node, i) => draftEdge(`e${i}`, nodes[i]!.id, node.id))
    const { content, notices } = await draftToContentWithNotices(
      flowDraft({ containers: lanes, nodes, edges }),
    )
    expect(cardsOf(content.records)).toHaveLength(500)
    expectNoOverlap(content.records)
    expectCardsInTheirContainers(content.records)
    expect(notices).toEqual(['506 elements had no diagram layout and were laid out automatically'])
  })
})

/** Every node and container with bounds in the draft has exactly those bounds on the page. */
function expectDrawnKept(draft: FlowDraft, boxes: ReadonlyMap<string, Box>) {
  for (const element of [...draft.nodes, ...draft.containers]) {
    if (element.bounds !== null) expect(boxes.get(`shape:${element.id}`), element.id).toEqual(element.bounds)
  }
}

describe('draftToContent with geometry', () => {
  const lane = (id: string, y: number) => draftLane(id, { pool: 'p', bounds: { x: 0, y, w: 1000, h: 200 } })
  const at = (x: number, y: number) => ({ x, y, w: 100, h: 80 })

  it('keeps every bound of a fully drawn diagram exactly, and says nothing was laid out', async () => {
    const draft = flowDraft({
      containers: [lane('l1', 0), lane('l2', 200)],
      nodes: [
        draftNode('a', 'event', { containerId: 'l1', bounds: { x: 152.5, y: 82, w: 36, h: 36 } }),
        draftNode('b', 'step', { containerId: 'l1', bounds: at(240, 60) }),
        draftNode('c', 'decision', { containerId: 'l2', bounds: { x: 395, y: 275, w: 50, h: 50 } }),
      ],
      edges: [draftEdge('ab', 'a', 'b'), draftEdge('bc', 'b', 'c', { branch: 'yes' })],
    })
    const { content, notices } = await draftToContentWithNotices(draft)
    expectDrawnKept(draft, pageBoxes(content.records))
    expect(notices).toEqual([])
  })

  it('keeps a drawn card at its lane’s very edge, and lanes of one pool drawn to different widths, as drawn', async () => {
    const draft = flowDraft({
      containers: [
        draftLane('outer', { pool: 'p', bounds: { x: 0, y: 0, w: 1000, h: 200 } }),
        draftLane('inner', { pool: 'p', bounds: { x: 30, y: 200, w: 970, h: 200 } }),
      ],
      nodes: [
        draftNode('edge', 'step', { containerId: 'outer', bounds: at(895, 115) }),
        draftNode('tight', 'step', { containerId: 'inner', bounds: at(35, 205) }),
        draftNode('placed', 'step', { containerId: 'inner' }),
      ],
      edges: [draftEdge('e1', 'edge', 'tight'), draftEdge('e2', 'tight', 'placed')],
    })
    const { content } = await draftToContentWithNotices(draft)
    expectDrawnKept(draft, pageBoxes(content.records))
  })

  it('keeps drawn nodes where they were and places the missing ones beside them, apart and in their lanes', async () => {
    const draft = flowDraft({
      containers: [lane('l1', 0), lane('l2', 200)],
      nodes: [
        draftNode('a', 'step', { containerId: 'l1', bounds: at(200, 60) }),
        draftNode('b', 'step', { containerId: 'l1' }),
        draftNode('c', 'step', { containerId: 'l2', bounds: at(400, 260) }),
        draftNode('d', 'step', { containerId: 'l2' }),
        draftNode('e', 'step', { containerId: 'l1' }),
        draftNode('island', 'step'),
      ],
      edges: [
        draftEdge('ab', 'a', 'b'),
        draftEdge('bc', 'b', 'c'),
        draftEdge('cd', 'c', 'd'),
        draftEdge('ce', 'c', 'e'),
      ],
    })
    const { content, notices } = await draftToContentWithNotices(draft)
    const boxes = pageBoxes(content.records)
    expect(boxes.get('shape:a')).toEqual(at(200, 60))
    expect(boxes.get('shape:c')).toEqual(at(400, 260))
    expect(boxes.get('shape:l1')!.y).toBe(0)
    expect(boxes.get('shape:l2')!.y).toBe(200)
    // Placed after its drawn predecessor along the flow.
    expect(boxes.get('shape:d')!.x).toBeGreaterThan(400)
    expectNoOverlap(content.records)
    expectCardsInTheirContainers(content.records)
    expectPoolsStacked(content.records)
    expect(notices).toEqual(['4 elements had no diagram layout and were laid out automatically'])
  })

  it('sets a missing card between the drawn cards before and after it', async () => {
    const draft = flowDraft({
      containers: [lane('l1', 0)],
      nodes: [
        draftNode('a', 'step', { containerId: 'l1', bounds: at(200, 60) }),
        draftNode('b', 'step', { containerId: 'l1' }),
        draftNode('c', 'step', { containerId: 'l1', bounds: at(640, 60) }),
      ],
      edges: [draftEdge('ab', 'a', 'b'), draftEdge('bc', 'b', 'c')],
    })
    const boxes = pageBoxes((await draftToContent(draft)).records)
    const b = boxes.get('shape:b')!
    expect(b.x).toBeGreaterThan(300)
    expect(b.x + b.w).toBeLessThan(640)
  })

  it('keeps drawn nodes of random partial diagrams exactly and overlaps nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 30 }),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
        async (count, drawn, pairs) => {
          // Drawn cards on a grid, one lane per row of the grid: never overlapping, always in their lane.
          const lanes = [lane('l0', 0), lane('l1', 200), lane('l2', 400)]
          const nodes = Array.from({ length: count }, (_, i) =>
            draftNode(`n${i}`, 'step', {
              containerId: `l${i % 3}`,
              bounds: drawn[i] ? at(200 + Math.floor(i / 3) * 150, (i % 3) * 200 + 60) : null,
            }),
          )
          const edges = pairs.map(([f, t], i) => draftEdge(`e${i}`, `n${f % count}`, `n${t % count}`))
          const { records } = await draftToContent(flowDraft({ containers: lanes, nodes, edges }))
          const boxes = pageBoxes(records)
          for (const node of nodes)
            if (node.bounds) expect(boxes.get(`shape:${node.id}`)).toEqual(node.bounds)
          for (const record of records) expect(validateRecord(record)).toMatchObject({ ok: true })
          expectNoOverlap(records)
          expectCardsInTheirContainers(records)
          expectPoolsStacked(records)
        },
      ),
      { numRuns: 30 },
    )
  })
})

describe('draftToContent records', () => {
  it('draws containers behind cards and cards behind connectors', async () => {
    const draft = flowDraft({
      containers: [draftLane('lane')],
      nodes: [draftNode('x', 'step'), draftNode('y', 'step', { containerId: 'lane' })],
      edges: [draftEdge('xy', 'x', 'y')],
    })
    const { records } = await draftToContent(draft)
    const onPage = shapesOf(records)
      .filter((s) => s.parentId === 'page:page')
      .sort((a, b) => (a.index < b.index ? -1 : 1))
    expect(onPage.map((s) => s.type)).toEqual(['lane', 'step', 'arrow'])
  })

  it('binds each connector to its cards, with its flow kind, its branch as meta and text, routed as elbow', async () => {
    const draft = flowDraft({
      nodes: [draftNode('ask', 'decision'), draftNode('yes', 'step'), draftNode('doc', 'artifact')],
      edges: [
        draftEdge('branch', 'ask', 'yes', { branch: 'approved', meta: { bpmnKind: 'sequenceFlow' } }),
        draftEdge('info', 'yes', 'doc', { flow: 'information' }),
        draftEdge('loose', 'yes', null, {
          waypoints: [
            { x: 10, y: 20 },
            { x: 90, y: 20 },
          ],
        }),
      ],
    })
    const { records } = await draftToContent(draft)
    const arrows = new Map(
      shapesOf(records)
        .filter((s) => s.type === 'arrow')
        .map((a) => [a.id as string, a]),
    )
    const branch = arrows.get('shape:branch')!
    expect(branch.meta).toEqual({ bpmnKind: 'sequenceFlow', flow: 'sequence', branch: 'approved' })
    expect(branch.props).toMatchObject({ kind: 'elbow', dash: 'solid' })
    expect(JSON.stringify((branch.props as { richText: unknown }).richText)).toContain('approved')
    expect(arrows.get('shape:info')!.meta).toEqual({ flow: 'information' })
    const bindings = records.filter((r): r is TLArrowBinding => r.typeName === 'binding')
    expect(
      bindings.filter((b) => b.fromId === 'shape:branch').map((b) => [b.props.terminal, b.toId]),
    ).toEqual([
      ['start', 'shape:ask'],
      ['end', 'shape:yes'],
    ])
    const loose = arrows.get('shape:loose')!
    expect([loose.x, loose.y, (loose.props as { end: unknown }).end]).toEqual([10, 20, { x: 80, y: 0 }])
    expect(bindings.filter((b) => b.fromId === 'shape:loose')).toHaveLength(1)
  })

  it('makes valid, unique record ids within the id limit from any source ids', async () => {
    const long = 'x'.repeat(400)
    const draft = flowDraft({
      containers: [draftLane('same')],
      nodes: [
        draftNode('same', 'step'),
        draftNode(long, 'step'),
        draftNode(`${long}y`, 'step'),
        draftNode('', 'note'),
      ],
      edges: [draftEdge('same', 'same', long), draftEdge(`${long}z`, long, `${long}y`)],
    })
    const first = await draftToContent(draft)
    const ids = first.records.map((r) => r.id as string)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(MAX_ID_CHARS)
    for (const record of first.records) expect(validateRecord(record)).toMatchObject({ ok: true })
    expect((await draftToContent(draft)).records).toEqual(first.records)
  })

  it('passes the roles, title and each element’s meta through, and gives steps their fields', async () => {
    const role = { id: 'role:clerk', name: 'Clerk', color: '#333', kind: 'person' as const }
    const step: DraftNode = {
      id: 's',
      kind: 'step',
      label: 's',
      containerId: 'lane',
      bounds: null,
      owner: role.id,
      automation: 'ai-agent',
      description: 'Checks',
      meta: { bpmnKind: 'serviceTask' },
    }
    const draft = flowDraft({
      title: 'Claims',
      roles: [role],
      containers: [{ ...draftLane('lane', { roleId: role.id, pool: 'pool' }), meta: { bpmnId: 'Lane_1' } }],
      nodes: [step],
    })
    const content = await draftToContent(draft)
    expect(content.title).toBe('Claims')
    expect(content.roles).toEqual([role])
    const shapes = new Map(shapesOf(content.records).map((s) => [s.id as string, s]))
    expect(shapes.get('shape:lane')!.meta).toEqual({ bpmnId: 'Lane_1', pool: 'pool' })
    expect(shapes.get('shape:lane')!.props).toMatchObject({ roleId: role.id, label: 'lane' })
    expect(shapes.get('shape:s')!.props).toMatchObject({
      owner: role.id,
      automation: 'ai-agent',
      description: 'Checks',
      label: 's',
    })
    expect(shapes.get('shape:s')!.meta).toEqual({ bpmnKind: 'serviceTask' })
  })
})

/**
 * Round trips through the files other tools read: a map exported as BPMN 2.0 or Mermaid and imported
 * back through the one import entry, as a person's file would be. Compared is what a person reads off
 * the board, with ids replaced by the labels and role names they stand for (an import makes ids of its
 * own): the title, the roles, every lane (label, role, the stage it sits in), every stage in its order
 * left to right, which lanes and stages form a pool (restack together), every card (kind, label, owner and whether the step names it or its lane does, lane,
 * stage, a step's automation and description, an event's and artifact's kind), every sticky note's text
 * and container, and every connector (its ends, flow kind and branch label).
 *
 * What each format keeps beyond that, and what it cannot:
 * - BPMN 2.0 keeps the geometry too: every card's, note's, lane's and stage's page bounds to the unit,
 *   and a step's status and estimate (`flowmap:status`, `flowmap:estimate`). A connector with a loose
 *   end (the generator draws a few) is an association from its bound end, and comes back loose at the
 *   same end, pointing where it pointed. The import of our own file keeps nothing as a note, lays
 *   nothing out anew and tells of nothing skipped.
 * - Mermaid has no geometry (an import is laid out afresh: every lane inside its stage, every card
 *   inside its container, is what is checked of it) and the dialect does not carry a step's status or
 *   estimate (docs/mermaid-dialect.md), so neither is compared; a loose end is a
 *   `%% flowmap: connector` comment and comes back loose.
 * Over generated maps (lanes inside a stage, as `generateWorkflowMap` draws them, with two sticky notes
 * and connectors to and from them added; one map large enough for two stages) and every built-in
 * template.
 */
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createContainerResolver } from '../graph/containers.ts'
import { plainTextOf } from '../graph/rich-text-plain.ts'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import type { Role } from '../schema/role.ts'
import { BUILT_IN_TEMPLATES } from '../templates/built-in-templates.ts'
import { generateWorkflowMap, type WorkflowMap } from '../testing/generate-workflow-map.ts'
import { connector, noteShape } from '../testing/shape-records.ts'
import { boardToBpmn } from './bpmn/export-bpmn.ts'
import { importBoardFile } from './import-file.ts'
import type { ImportResult } from './import-result.ts'
import type { MapContent } from './map-content.ts'
import { boardToMermaid } from './mermaid/export-mermaid.ts'
import { NOTE_SIDE } from './note-size.ts'

type Format = 'bpmn' | 'mermaid'

type Summary = {
  title: string
  roles: string[]
  lanes: string[]
  stages: string[]
  pools: string[]
  nodes: string[]
  notes: string[]
  edges: string[]
}

function shapesOf(content: MapContent): Map<string, TLShape> {
  return new Map(
    content.records.filter((r): r is TLShape => r.typeName === 'shape').map((shape) => [shape.id, shape]),
  )
}

/** What a person reads off a map, in the terms a format keeps. */
function summary(content: MapContent, format: Format): Summary {
  const graph = toWorkflowGraph(content.records, content.roles)
  const shapes = shapesOf(content)
  const containersOf = createContainerResolver(shapes)
  const roleName = (id: string | null) => (id === null ? '-' : (graph.roleById.get(id)?.name ?? `?${id}`))
  const laneLabel = (id: string | null) => (id === null ? '-' : (graph.laneById.get(id)?.label ?? '?'))
  const stageLabel = (id: string | null) => (id === null ? '-' : (graph.stageById.get(id)?.label ?? '?'))
  const noteText = (shape: TLShape) => plainTextOf((shape as TLShape<'note'>).props.richText)
  const endName = (id: string | null) => {
    if (id === null) return '(loose)'
    const node = graph.nodeById.get(id)
    if (node) return `${node.type}:${node.label}`
    const shape = shapes.get(id)
    return shape?.type === 'note' ? `note:${noteText(shape)}` : '(not a node)'
  }
  const nodes = graph.nodes.map((node) => {
    const where = `owner=${roleName(node.owner)}(${node.ownerSource}) lane=${laneLabel(node.laneId)} stage=${stageLabel(node.stageId)}`
    const shape = node.shape
    let props = ''
    if (shape.type === 'step') {
      const { automation, description, status, estimate } = shape.props
      props = `${automation} ${JSON.stringify(description)}`
      if (format === 'bpmn') props += ` ${status} ${estimate ?? '-'}h`
    } else if (shape.type === 'event' || shape.type === 'artifact') props = shape.props.kind
    return `${node.type}:${node.label} ${where} ${props}`
  })
  const notes = [...shapes.values()]
    .filter((shape) => shape.type === 'note')
    .map((note) => {
      const { laneId, stageId } = containersOf(note.parentId)
      return `${noteText(note)} lane=${laneLabel(laneId)} stage=${stageLabel(stageId)}`
    })
  // Containers of one parent sharing `meta.pool` restack together: which do, by label (pool ids are made up).
  const pools = new Map<string, string[]>()
  for (const shape of shapes.values()) {
    const pool = shape.meta.pool
    if ((shape.type !== 'lane' && shape.type !== 'stage') || typeof pool !== 'string') continue
    const key = `${shape.parentId} ${pool}`
    pools.set(key, [...(pools.get(key) ?? []), `${shape.type}:${(shape.props as { label: string }).label}`])
  }
  return {
    title: content.title ?? '',
    roles: content.roles.map((role) => `${role.name} ${role.color} ${role.kind}`).sort(),
    lanes: graph.lanes
      .map((lane) => `${lane.label} role=${roleName(lane.roleId)} stage=${stageLabel(lane.stageId)}`)
      .sort(),
    // Read left to right: the order numbers an import gives may start elsewhere.
    stages: [...graph.stages].sort((a, b) => a.order - b.order).map((stage) => stage.label),
    pools: [...pools.values()].map((members) => members.sort().join(', ')).sort(),
    nodes: nodes.sort(),
    notes: notes.sort(),
    edges: graph.edges
      .map((edge) => `${endName(edge.from)} -${edge.flow}-> ${endName(edge.to)} [${edge.branch ?? ''}]`)
      .sort(),
  }
}

/** Every card's, note's, lane's and stage's page bounds, by what it is called, and where loose ends point. */
function geometry(content: MapContent): string[] {
  const shapes = shapesOf(content)
  const pageXY = (shape: TLShape): { x: number; y: number } => {
    const parent = shapes.get(shape.parentId as TLShape['id'])
    if (!parent) return { x: shape.x, y: shape.y }
    const at = pageXY(parent)
    return { x: at.x + shape.x, y: at.y + shape.y }
  }
  const graph = toWorkflowGraph(content.records, content.roles)
  const named = new Map<string, string>()
  for (const node of graph.nodes) named.set(node.id, `${node.type}:${node.label}`)
  for (const lane of graph.lanes) named.set(lane.id, `lane:${lane.label}`)
  for (const stage of graph.stages) named.set(stage.id, `stage:${stage.label}`)
  const drawn: string[] = []
  for (const shape of shapes.values()) {
    const name =
      shape.type === 'note'
        ? `note:${plainTextOf((shape as TLShape<'note'>).props.richText)}`
        : named.get(shape.id)
    if (name === undefined) continue
    const { x, y } = pageXY(shape)
    const { w, h } = shape.props as { w?: number; h?: number }
    drawn.push(`${name} @${x},${y}${w === undefined ? '' : ` ${w}x${h}`}`)
  }
  // A loose end is where its arrow points: the arrow's origin plus that end's point.
  for (const edge of graph.edges) {
    if (edge.from !== null && edge.to !== null) continue
    const arrow = shapes.get(edge.id) as TLShape<'arrow'>
    const origin = pageXY(arrow)
    const at = (point: { x: number; y: number }) => `${origin.x + point.x},${origin.y + point.y}`
    const ends = `${named.get(edge.from ?? '') ?? at(arrow.props.start)} -> ${named.get(edge.to ?? '') ?? at(arrow.props.end)}`
    drawn.push(`loose connector ${ends}`)
  }
  return drawn.sort()
}

function board(records: readonly TLRecord[], roles: readonly Role[], title = 'Round trip'): MapContent {
  return { title, records, roles }
}

async function imported(name: string, text: string): Promise<ImportResult & { ok: true }> {
  const result = await importBoardFile({ name, text })
  if (!result.ok) throw new Error(result.reason)
  return result
}

async function throughBpmn(before: MapContent): Promise<void> {
  const { content: after, report } = await imported('map.bpmn', await boardToBpmn(before))
  expect(summary(after, 'bpmn')).toEqual(summary(before, 'bpmn'))
  expect(geometry(after)).toEqual(geometry(before))
  // Our own file is read whole: nothing kept as a note, nothing laid out anew, nothing skipped.
  expect(report.keptAsNotes).toEqual([])
  expect(report.notices).toEqual([])
}

/** Laid out afresh, every lane sits inside its stage and every card inside its container, as drawn. */
function expectChildrenInside(content: MapContent): void {
  const shapes = shapesOf(content)
  const box = (shape: TLShape): { x: number; y: number; w: number; h: number } => {
    const parent = shapes.get(shape.parentId as TLShape['id'])
    const at = parent ? box(parent) : { x: 0, y: 0 }
    const { w, h } = shape.props as { w?: number; h?: number }
    const side = shape.type === 'note' ? NOTE_SIDE : 0
    return { x: at.x + shape.x, y: at.y + shape.y, w: w ?? side, h: h ?? side }
  }
  for (const shape of shapes.values()) {
    const parent = shapes.get(shape.parentId as TLShape['id'])
    if (parent === undefined || shape.type === 'arrow') continue
    const [inner, outer] = [box(shape), box(parent)]
    const inside =
      inner.x >= outer.x - 1e-6 &&
      inner.y >= outer.y - 1e-6 &&
      inner.x + inner.w <= outer.x + outer.w + 1e-6 &&
      inner.y + inner.h <= outer.y + outer.h + 1e-6
    expect(inside, `${shape.id} ${JSON.stringify(inner)} in ${parent.id} ${JSON.stringify(outer)}`).toBe(true)
  }
}

async function throughMermaid(before: MapContent): Promise<void> {
  const { content: after } = await imported('map.mmd', boardToMermaid(before))
  expect(summary(after, 'mermaid')).toEqual(summary(before, 'mermaid'))
  expectChildrenInside(after)
}

/**
 * The map with sticky notes, which the generator draws none of: one in the first lane, told by a step,
 * and one on the page beside the map, a dependency of the first card.
 */
function withNotes(map: WorkflowMap, text: () => string = () => 'Ask legal first'): WorkflowMap {
  const firstLane = map.records.find((r) => r.id === 'shape:lane-0')
  const inLane = firstLane === undefined ? {} : { parentId: 'shape:lane-0', x: 3500, y: 780 }
  return {
    roles: map.roles,
    records: [
      ...map.records,
      noteShape({ id: 'shape:note-lane', ...inLane, text: text() }),
      noteShape({ id: 'shape:note-page', x: -400, y: 0, text: text() }),
      ...connector({ id: 'note-told', from: 'shape:node-1', to: 'shape:note-lane', flow: 'information' }),
      ...connector({ id: 'note-needs', from: 'shape:note-page', to: 'shape:node-0', flow: 'dependency' }),
    ],
  }
}

const generatedMaps = fc
  .record({
    nodes: fc.integer({ min: 2, max: 60 }),
    extraEdges: fc.integer({ min: 0, max: 30 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ nodes, extraEdges, seed }) =>
    withNotes(generateWorkflowMap({ nodes, edges: nodes - 1 + extraEdges, seed })),
  )

/**
 * Text as people type it and XML must carry: spaces and line breaks at either end, markup characters,
 * entities, quotes, emoji. Not control characters other than tab and line breaks: XML 1.0 cannot hold
 * them, and the export writes U+FFFD (docs/bpmn-dialect.md); nor carriage returns: bpmn-moddle's
 * writer escapes a line feed but not a carriage return, and drops one that follows a line feed (the
 * board's editors write line breaks as line feeds). A label of only spaces is '' here: the export
 * names a blank shape with a placeholder (bpmnlint requires a name), so it comes back empty.
 */
const awkwardPiece = fc.oneof(
  fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '&', '<', '>', '"', "'", '&amp;', ']]>', '😀', '中', 'é'),
  fc.constantFrom('Step', 'yes', 'no', '<br>', '%%', '-->', '#35;', '{', '}'),
  fc.string({ unit: fc.constantFrom(...'abcXYZ 019.,;:!?/\\-_'), maxLength: 6 }),
)
const awkwardText = fc
  .array(awkwardPiece, { maxLength: 6 })
  .map((pieces) => pieces.join(''))
  .map((text) => (text.trim() === '' ? '' : text))

function relabelled(record: TLRecord, text: () => string): TLRecord {
  if (record.typeName !== 'shape') return record
  const shape = record as TLShape & { props: Record<string, unknown>; meta: Record<string, unknown> }
  const props = (changes: Record<string, unknown>) =>
    ({ ...shape, props: { ...shape.props, ...changes } }) as TLRecord
  switch (shape.type) {
    case 'step':
      return props({ label: text(), description: text() })
    case 'decision':
      return props({ question: text() })
    case 'event':
    case 'artifact':
    case 'lane':
    case 'stage':
      return props({ label: text() })
    case 'arrow': {
      // A blank branch label is no branch label.
      const branch = text()
      return typeof shape.meta.branch === 'string'
        ? ({ ...shape, meta: { ...shape.meta, branch: branch === '' ? 'b' : branch } } as TLRecord)
        : record
    }
    default:
      return record
  }
}

/** A generated map whose every label, description, branch, role name and title is awkward text. */
const awkwardMaps = fc
  .record({
    nodes: fc.integer({ min: 2, max: 30 }),
    extraEdges: fc.integer({ min: 0, max: 20 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    texts: fc.array(awkwardText, { minLength: 1, maxLength: 30 }),
    title: awkwardText,
  })
  .map(({ nodes, extraEdges, seed, texts, title }) => {
    let next = 0
    const text = () => texts[next++ % texts.length]!
    const map = withNotes(generateWorkflowMap({ nodes, edges: nodes - 1 + extraEdges, seed }), text)
    const roles = map.roles.map((role) => {
      const name = text()
      return { ...role, name: name === '' ? role.name : name }
    })
    return board(
      map.records.map((record) => relabelled(record, text)),
      roles,
      title,
    )
  })

const templates = BUILT_IN_TEMPLATES.map((template) => [template.name, template] as const)

/** Two stages of four lanes each (the generator makes a stage per 500 nodes), with loose connectors. */
const twoStageMap = generateWorkflowMap({ nodes: 760, edges: 1000, seed: 11 })

describe('model → BPMN 2.0 → model', () => {
  test('keeps every element, label, owner, lane, stage, flow kind, branch label and geometry', async () => {
    await fc.assert(
      fc.asyncProperty(generatedMaps, async (map) => throughBpmn(board(map.records, map.roles))),
      { numRuns: 25 },
    )
  })

  test('keeps every label, description, branch label, role name and title exactly, however awkward', async () => {
    await fc.assert(fc.asyncProperty(awkwardMaps, throughBpmn), { numRuns: 40 })
  })

  test('keeps a map of two stages whole, its loose connectors too', async () => {
    const graph = toWorkflowGraph(twoStageMap.records, twoStageMap.roles)
    expect(graph.stages).toHaveLength(2)
    expect(graph.edges.some((edge) => edge.to === null)).toBe(true)
    await throughBpmn(board(twoStageMap.records, twoStageMap.roles))
  })

  test.each(templates)('the %s template comes back as it was drawn', async (_name, template) => {
    await throughBpmn(board(template.records, template.roles, template.name))
  })
})

describe('model → Mermaid → model', () => {
  test('keeps every element, label, owner, lane, stage, flow kind and branch label', async () => {
    await fc.assert(
      fc.asyncProperty(generatedMaps, async (map) => throughMermaid(board(map.records, map.roles))),
      { numRuns: 25 },
    )
  })

  test('keeps every label, description, branch label, role name and title exactly, however awkward', async () => {
    await fc.assert(fc.asyncProperty(awkwardMaps, throughMermaid), { numRuns: 40 })
  })

  test('keeps a map of two stages whole, its loose connectors too', async () => {
    await throughMermaid(board(twoStageMap.records, twoStageMap.roles))
  })

  test.each(templates)('the %s template comes back as it was drawn', async (_name, template) => {
    await throughMermaid(board(template.records, template.roles, template.name))
  })
})

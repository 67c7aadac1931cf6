import type { TLRecord } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toWorkflowGraph } from '../../graph/to-workflow-graph.ts'
import type { Role } from '../../schema/role.ts'
import { BUILT_IN_TEMPLATES } from '../../templates/built-in-templates.ts'
import { generateWorkflowMap } from '../../testing/generate-workflow-map.ts'
import { connector, noteShape, workflowShape } from '../../testing/shape-records.ts'
import { approvalRoles, cleanApprovalMap } from '../../testing/small-maps.ts'
import type { FlowDraft } from '../flow-draft.ts'
import type { MapContent } from '../map-content.ts'
import { boardToMermaid } from './export-mermaid.ts'
import { mermaidToDraft } from './import-mermaid.ts'
import { walkFlowchart } from './mermaid-flowchart-walk.ts'
import { parseMermaidFlowchart } from './mermaid-parser.ts'
import { readWithMermaid } from './testing/read-with-mermaid.ts'

/**
 * The export's id rule (docs/mermaid-dialect.md): the record id without `shape:`, other characters as
 * `_`, and `n_` before a Mermaid keyword (of the ids here, only `end`).
 */
function mermaidId(recordId: string): string {
  const id = recordId.replace(/^shape:/, '').replace(/[^A-Za-z0-9_]/g, '_')
  return id === 'end' ? 'n_end' : id
}

const awkwardPiece = fc.oneof(
  fc.constantFrom('"', '#', '[', ']', '(', ')', '{', '}', '|', '<', '>', '`', '%', ';', ':', '&', '\\', '/'),
  fc.constantFrom('\n', '\t', ' ', '\r', '\u00a0', '\u2028', 'é', '中', '😀', '-', '.', 'o', 'x'),
  fc.constantFrom(
    '#35;',
    '#quot;',
    '<br>',
    '%%',
    '%%{init: {}}%%',
    '-->',
    '---',
    'end',
    '"`',
    '`"',
    ' | ',
    ':::',
  ),
  fc.string({ maxLength: 4 }),
)
const awkwardLabel = fc.array(awkwardPiece, { maxLength: 8 }).map((pieces) => pieces.join(''))

/** A generated map whose every label, branch, description, role name and title is awkward text. */
const awkwardBoard: fc.Arbitrary<MapContent> = fc
  .record({
    nodes: fc.integer({ min: 2, max: 40 }),
    extraEdges: fc.integer({ min: 0, max: 30 }),
    seed: fc.integer({ min: 1, max: 10_000 }),
    labels: fc.array(awkwardLabel, { minLength: 1, maxLength: 30 }),
    title: fc.option(awkwardLabel, { nil: null }),
  })
  .map(({ nodes, extraEdges, seed, labels, title }) => {
    const map = generateWorkflowMap({ nodes, edges: nodes - 1 + extraEdges, seed })
    let next = 0
    const label = () => labels[next++ % labels.length]!
    return {
      title,
      roles: map.roles.map((role) => ({ ...role, name: label() })),
      records: map.records.map((r) => relabel(r, label)),
    }
  })

function relabel(record: TLRecord, label: () => string): TLRecord {
  if (record.typeName !== 'shape') return record
  const shape = record as TLRecord & {
    type: string
    props: Record<string, unknown>
    meta: Record<string, unknown>
  }
  switch (shape.type) {
    case 'step':
      return { ...shape, props: { ...shape.props, label: label(), description: label() } } as TLRecord
    case 'decision':
      return { ...shape, props: { ...shape.props, question: label() } } as TLRecord
    case 'event':
    case 'artifact':
    case 'lane':
    case 'stage':
      return { ...shape, props: { ...shape.props, label: label() } } as TLRecord
    case 'arrow':
      return typeof shape.meta.branch === 'string'
        ? ({ ...shape, meta: { ...shape.meta, branch: label() } } as TLRecord)
        : record
    default:
      return record
  }
}

function draftOf(text: string): FlowDraft {
  const read = mermaidToDraft(text)
  if (!read.ok) throw new Error(`${read.reason}\n${text}`)
  return read.draft
}

/** What of a board a Mermaid round trip must keep, in the terms both sides share. */
function expectKept(board: MapContent, draft: FlowDraft) {
  const graph = toWorkflowGraph(board.records, board.roles)
  expect(draft.title).toBe(board.title === '' ? null : board.title)
  expect(draft.roles).toEqual(board.roles)

  const nodes = new Map(draft.nodes.map((node) => [node.id, node]))
  expect(draft.nodes.filter((node) => node.kind !== 'note')).toHaveLength(graph.nodes.length)
  for (const node of graph.nodes) {
    const read = nodes.get(mermaidId(node.id))
    const container = node.laneId ?? node.stageId
    expect(read).toMatchObject({
      kind: node.type,
      label: node.label,
      containerId: container === null ? null : mermaidId(container),
    })
    const shape = node.shape
    if (shape.type === 'step') {
      const { owner, automation, description } = shape.props
      expect(read).toMatchObject({ owner, automation, description })
    }
    if (shape.type === 'event') expect(read).toMatchObject({ event: shape.props.kind })
    if (shape.type === 'artifact') expect(read).toMatchObject({ artifact: shape.props.kind })
  }

  const containers = new Map(draft.containers.map((container) => [container.id, container]))
  const poolOf = (id: string) => {
    const meta = board.records.find((record) => record.id === id)?.meta as { pool?: unknown } | undefined
    const pool = meta?.pool
    return typeof pool === 'string' ? pool : null
  }
  expect(draft.containers).toHaveLength(graph.lanes.length + graph.stages.length)
  for (const lane of graph.lanes) {
    expect(containers.get(mermaidId(lane.id))).toMatchObject({
      kind: 'lane',
      label: lane.label,
      roleId: lane.roleId,
      pool: poolOf(lane.id),
      meta: lane.stageId === null ? {} : { stage: mermaidId(lane.stageId) },
    })
  }
  for (const stage of graph.stages) {
    expect(containers.get(mermaidId(stage.id))).toMatchObject({
      kind: 'stage',
      label: stage.label,
      pool: poolOf(stage.id),
      meta: { order: stage.order },
    })
  }

  const end = (id: string | null) => (id === null ? null : mermaidId(id))
  const expectedEdges = graph.edges.map((edge) => [end(edge.from), end(edge.to), edge.flow, edge.branch])
  const readEdges = draft.edges.map((edge) => [
    edge.from,
    edge.to,
    edge.flow,
    edge.branch ?? edge.meta.text ?? null,
  ])
  expect(sorted(readEdges)).toEqual(sorted(expectedEdges))

  const { report } = draft
  expect(report.format).toBe('mermaid')
  expect(report.elementCount).toBe(draft.nodes.length + draft.edges.length + draft.containers.length)
  expect(report.mapped.reduce((sum, line) => sum + line.count, 0)).toBe(report.elementCount)
}

function sorted<T>(values: T[]): T[] {
  return values
    .map((value) => [JSON.stringify(value), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, value]) => value)
}

describe('board → Mermaid → draft', () => {
  it('keeps every element, label, owner, flow kind, branch label and lane membership of generated maps with awkward labels', () => {
    fc.assert(
      fc.property(awkwardBoard, (board) => {
        expectKept(board, draftOf(boardToMermaid(board)))
      }),
      { numRuns: 80 },
    )
  })

  it('keeps a generated map of 600 nodes whole, its loose connectors too', () => {
    const map = generateWorkflowMap({ nodes: 600, edges: 900, seed: 7 })
    const graph = toWorkflowGraph(map.records, map.roles)
    expect(graph.edges.some((edge) => edge.to === null)).toBe(true)
    expectKept({ title: 'Big', ...map }, draftOf(boardToMermaid({ title: 'Big', ...map })))
  })

  it.each(BUILT_IN_TEMPLATES.map((template) => [template.id, template] as const))(
    'keeps the built-in template %s, its pools too',
    (_, template) => {
      const board = { title: template.name, roles: template.roles, records: template.records }
      expectKept(board, draftOf(boardToMermaid(board)))
    },
  )

  it('keeps the approval map: owners, the lane role, the stage, branches from arrow text and meta', () => {
    const board = { title: 'Approval', roles: approvalRoles, records: cleanApprovalMap() }
    expectKept(board, draftOf(boardToMermaid(board)))
  })

  it('keeps sticky notes, connectors to them, and events whose links would say the other kind', () => {
    const roles: Role[] = []
    const records = [
      workflowShape('lane', { id: 'ops', props: { label: 'Ops', roleId: null }, meta: { pool: 'p1' } }),
      workflowShape('event', {
        id: 'begin',
        parentId: 'shape:ops',
        props: { kind: 'start', label: 'Begin' },
      }),
      workflowShape('step', { id: 'work', parentId: 'shape:ops', props: { label: 'Work' } }),
      workflowShape('event', { id: 'finish', props: { kind: 'end', label: '' } }),
      noteShape({ id: 'memo', parentId: 'shape:ops', text: 'Ask "Ops" #first' }),
      ...connector({ id: 'back', from: 'work', to: 'begin' }),
      ...connector({ id: 'c1', from: 'begin', to: 'work' }),
      ...connector({ id: 'tonote', from: 'work', to: 'memo', flow: 'information' }),
    ]
    const text = boardToMermaid({ title: null, roles, records })
    const draft = draftOf(text)
    expectKept({ title: null, roles, records }, draft)
    expect(draft.nodes.find((node) => node.id === 'memo')).toMatchObject({
      kind: 'note',
      label: 'Ask "Ops" #first',
      containerId: 'ops',
    })
    expect(draft.containers).toEqual([expect.objectContaining({ id: 'ops', pool: 'p1' })])
    // begin has an incoming sequence link yet is a start; finish has none yet is an end.
    expect(text).toContain('%% flowmap: event begin {"event":"start"}')
    expect(text).toContain('%% flowmap: event finish {"event":"end"}')
  })
})

describe('Mermaid itself reads our export', () => {
  /** Our parser's reading of a chart, in the reference reader's terms. */
  function ourReading(text: string) {
    const parsed = parseMermaidFlowchart(text)
    if (!parsed.ok) throw new Error(parsed.reason)
    const walked = walkFlowchart(parsed.flowchart)
    return {
      nodes: [...walked.nodes.values()].map((node) => ({
        id: node.id,
        shape: node.shape,
        label: node.label?.text ?? node.id,
      })),
      links: walked.links.map(({ from, to, link }) => ({
        from,
        to,
        stroke: link.stroke === 'invisible' ? null : link.stroke,
        text: link.label?.text ?? '',
      })),
      subgraphs: [...walked.subgraphs.values()].map((subgraph) => ({
        id: subgraph.id,
        title: subgraph.title,
        members: [...subgraph.children, ...subgraph.nodes],
      })),
    }
  }

  async function expectSameReading(text: string) {
    const theirs = await readWithMermaid(text)
    const ours = ourReading(text)
    expect(sorted(ours.nodes)).toEqual(sorted(theirs.nodes))
    expect(sorted(ours.links)).toEqual(sorted(theirs.links))
    const members = (subgraphs: { id: string; title: string; members: string[] }[]) =>
      sorted(subgraphs.map((subgraph) => ({ ...subgraph, members: [...subgraph.members].sort() })))
    expect(members(ours.subgraphs)).toEqual(members(theirs.subgraphs))
  }

  it('as the same nodes, shapes, labels, links and subgraphs as our parser, over generated maps with awkward labels', async () => {
    await fc.assert(
      fc.asyncProperty(awkwardBoard, async (board) => {
        await expectSameReading(boardToMermaid(board))
      }),
      { numRuns: 30 },
    )
  })

  it.each(BUILT_IN_TEMPLATES.map((template) => [template.id, template] as const))(
    'for the built-in template %s',
    async (_, template) => {
      await expectSameReading(
        boardToMermaid({ title: template.name, roles: template.roles, records: template.records }),
      )
    },
  )

  it('sets no Mermaid configuration, even from labels and descriptions that hold a directive', async () => {
    const directive = '%%{init: {"theme": "dark"}}%%'
    const records = [
      workflowShape('step', {
        id: 'a',
        props: { label: `A ${directive}`, description: directive, owner: 'r' },
      }),
    ]
    const text = boardToMermaid({ title: directive, roles: [], records })
    const reading = await readWithMermaid(text)
    expect(reading.config).toEqual({})
    expect(reading.nodes).toEqual([{ id: 'a', shape: 'rect', label: `A ${directive}` }])
    expect(draftOf(text).nodes[0]).toMatchObject({ label: `A ${directive}`, description: directive })
  })

  it('with every node shape and link style the import knows', async () => {
    const records = [
      workflowShape('step', { id: 'round', props: { label: 'Round' }, meta: { mermaidShape: 'round' } }),
      workflowShape('step', {
        id: 'manual',
        props: { label: 'By hand' },
        meta: { mermaidShape: 'trapezoid' },
      }),
      workflowShape('decision', {
        id: 'hex',
        props: { question: 'Hex?' },
        meta: { mermaidShape: 'hexagon' },
      }),
      workflowShape('event', {
        id: 'go',
        props: { kind: 'start', label: 'Go' },
        meta: { mermaidShape: 'stadium' },
      }),
      workflowShape('artifact', { id: 'db', props: { kind: 'data', label: 'DB' } }),
      workflowShape('artifact', { id: 'doc', props: { kind: 'document', label: 'Doc' } }),
      workflowShape('artifact', { id: 'sys', props: { kind: 'system', label: 'ERP' } }),
      ...connector({ id: 'a', from: 'go', to: 'round' }),
      ...connector({ id: 'b', from: 'round', to: 'hex' }),
      ...connector({ id: 'c', from: 'hex', to: 'manual', branch: 'yes' }),
      ...connector({ id: 'd', from: 'manual', to: 'db', flow: 'information' }),
      ...connector({ id: 'e', from: 'doc', to: 'sys', flow: 'dependency' }),
    ]
    const text = boardToMermaid({ title: null, roles: [], records })
    expect(text).toContain('round("Round")')
    expect(text).toContain('manual[/"By hand"\\]')
    expect(text).toContain('hex{{"Hex?"}}')
    expect(text).toContain('go(["Go"])')
    await expectSameReading(text)
  })
})

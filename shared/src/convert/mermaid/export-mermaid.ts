/**
 * A board as a Mermaid flowchart (docs/mermaid-dialect.md): `flowchart LR`, the title as front
 * matter, stages and lanes as subgraphs (a lane inside its stage), each node in its container with the
 * shape of its kind, then every connector as a link styled by its flow kind with its branch label as
 * the link's text. What Mermaid cannot say (roles, owners, automation, a lane's role, stage order,
 * start or end where the links do not tell, sticky notes, connectors with a loose end) goes into
 * `%% flowmap:` comments, which Mermaid ignores and Flowmap's import reads back.
 */
import type { TLShape } from '@tldraw/tlschema'
import { plainTextOf } from '../../graph/rich-text-plain.ts'
import { toWorkflowGraph } from '../../graph/to-workflow-graph.ts'
import type { WorkflowEdge, WorkflowLane, WorkflowNode, WorkflowStage } from '../../graph/workflow-graph.ts'
import type { FlowKind } from '../../schema/connector.ts'
import type { MapContent } from '../map-content.ts'
import { type FlowmapComment, flowmapCommentLine } from './flowmap-comments.ts'
import { MERMAID_NODE_SHAPES, type MermaidNodeShape } from './mermaid-ast.ts'
import { type ExportedNodeKind, exportShapeOf, SHAPE_DELIMITERS, shapeFits } from './mermaid-shapes.ts'
import { quoteMermaidText } from './mermaid-text.ts'

const LINK_OF_FLOW: Readonly<Record<FlowKind, string>> = {
  sequence: '-->',
  information: '-.->',
  dependency: '==>',
}

/** Words Mermaid reads as keywords (or a direction) wherever a node id could stand; never used as ids. */
const RESERVED_IDS = new Set([
  'end',
  'subgraph',
  'graph',
  'flowchart',
  'direction',
  'style',
  'classdef',
  'class',
  'click',
  'linkstyle',
  'call',
  'href',
  'callback',
  'default',
  'interpolate',
  'acctitle',
  'accdescr',
  'tb',
  'td',
  'bt',
  'lr',
  'rl',
  'v',
  'o',
  'x',
])

/** Mermaid ids made from record ids ("shape:intake" → "intake"), unique across nodes and subgraphs. */
function mermaidIds() {
  const used = new Set<string>()
  const byRecord = new Map<string, string>()
  return {
    of(recordId: string): string {
      const known = byRecord.get(recordId)
      if (known !== undefined) return known
      let base = recordId.replace(/^shape:/, '').replace(/[^A-Za-z0-9_]/g, '_')
      if (base === '' || /^[0-9]/.test(base) || RESERVED_IDS.has(base.toLowerCase())) base = `n_${base}`
      let id = base
      for (let n = 2; used.has(id); n++) id = `${base}_${n}`
      used.add(id)
      byRecord.set(recordId, id)
      return id
    },
    known: (recordId: string) => byRecord.get(recordId),
  }
}

const mermaidShapeSet: ReadonlySet<string> = new Set(MERMAID_NODE_SHAPES)

function nodeKind(node: WorkflowNode): ExportedNodeKind {
  switch (node.shape.type) {
    case 'step':
      return { kind: 'step' }
    case 'decision':
      return { kind: 'decision' }
    case 'event':
      return { kind: 'event', event: node.shape.props.kind }
    case 'artifact':
      return { kind: 'artifact', artifact: node.shape.props.kind }
    default: {
      const unexpected: never = node.shape
      throw new Error(`unhandled node type ${JSON.stringify(unexpected)}`)
    }
  }
}

/** The shape a node was imported with, when it still fits its kind; else its kind's own shape. */
function shapeOf(node: WorkflowNode): MermaidNodeShape {
  const kind = nodeKind(node)
  const kept = (node.shape.meta as { mermaidShape?: unknown }).mermaidShape
  if (typeof kept === 'string' && mermaidShapeSet.has(kept) && shapeFits(kept as MermaidNodeShape, kind)) {
    return kept as MermaidNodeShape
  }
  return exportShapeOf(kind)
}

function metaPool(shape: TLShape | undefined): string | null {
  const pool = (shape?.meta as { pool?: unknown } | undefined)?.pool
  return typeof pool === 'string' ? pool : null
}

type Container = {
  id: string
  line: string
  comment: FlowmapComment
  children: Container[]
  nodes: WorkflowNode[]
}

/** A board as a Mermaid flowchart. */
export function boardToMermaid(board: MapContent): string {
  const graph = toWorkflowGraph(board.records, board.roles)
  const shapes = new Map<string, TLShape>()
  for (const record of board.records) if (record.typeName === 'shape') shapes.set(record.id, record)
  const ids = mermaidIds()
  const lines: string[] = []
  if (board.title !== null && board.title !== '')
    lines.push('---', `title: ${JSON.stringify(board.title)}`, '---')
  lines.push('flowchart LR')
  for (const role of board.roles) lines.push(`  ${flowmapCommentLine({ what: 'role', role })}`)

  // 1. Containers: stages by order, lanes top to bottom, each lane inside its stage.
  const containers = new Map<string, Container>()
  const topLevel: Container[] = []
  const byY = (a: { id: string }, b: { id: string }) =>
    (shapes.get(a.id)?.y ?? 0) - (shapes.get(b.id)?.y ?? 0)
  const stages = [...graph.stages].sort((a, b) => a.order - b.order)
  const subgraphOf = (container: WorkflowStage | WorkflowLane, comment: FlowmapComment): Container => {
    const made: Container = {
      id: ids.of(container.id),
      line: `subgraph ${ids.of(container.id)} [${quoteMermaidText(container.label)}]`,
      comment,
      children: [],
      nodes: [],
    }
    containers.set(container.id, made)
    return made
  }
  const poolOf = (id: string) => metaPool(shapes.get(id))
  for (const stage of stages) {
    const id = ids.of(stage.id)
    topLevel.push(subgraphOf(stage, { what: 'stage', id, order: stage.order, pool: poolOf(stage.id) }))
  }
  for (const lane of [...graph.lanes].sort(byY)) {
    const id = ids.of(lane.id)
    const container = subgraphOf(lane, { what: 'lane', id, roleId: lane.roleId, pool: poolOf(lane.id) })
    const stage = lane.stageId === null ? undefined : containers.get(lane.stageId)
    ;(stage?.children ?? topLevel).push(container)
  }

  // 2. Nodes, each in its nearest lane, else its stage.
  const looseNodes: WorkflowNode[] = []
  for (const node of graph.nodes) {
    ids.of(node.id)
    const container = containers.get(node.laneId ?? node.stageId ?? '')
    ;(container?.nodes ?? looseNodes).push(node)
  }

  // An event whose kind the import would guess wrong from its incoming sequence links says it.
  const hasIncomingSequence = new Set(
    graph.edges.filter((edge) => edge.flow === 'sequence' && edge.to !== null).map((edge) => edge.to!),
  )
  const nodeLines = (node: WorkflowNode, indent: string): string[] => {
    const id = ids.of(node.id)
    const [open, close] = SHAPE_DELIMITERS[shapeOf(node)]
    const written = [`${indent}${id}${open}${quoteMermaidText(node.label)}${close}`]
    const shape = node.shape
    if (shape.type === 'step') {
      const { owner, automation, description } = shape.props
      if (owner !== null || automation !== 'manual' || description !== '') {
        written.push(`${indent}${flowmapCommentLine({ what: 'step', id, owner, automation, description })}`)
      }
    } else if (shape.type === 'event') {
      const guessed = hasIncomingSequence.has(node.id) ? 'end' : 'start'
      if (shape.props.kind !== guessed) {
        written.push(`${indent}${flowmapCommentLine({ what: 'event', id, event: shape.props.kind })}`)
      }
    }
    return written
  }
  const containerLines = (container: Container, indent: string): string[] => [
    `${indent}${container.line}`,
    `${indent}  ${flowmapCommentLine(container.comment)}`,
    ...container.children.flatMap((child) => containerLines(child, `${indent}  `)),
    ...container.nodes.flatMap((node) => nodeLines(node, `${indent}  `)),
    `${indent}end`,
  ]
  for (const container of topLevel) lines.push(...containerLines(container, '  '))
  for (const node of looseNodes) lines.push(...nodeLines(node, '  '))

  // 3. Sticky notes (Mermaid has none), in their lane or stage.
  for (const shape of shapes.values()) {
    if (shape.type !== 'note') continue
    const container = containers.get(shape.parentId)
    const label = plainTextOf((shape.props as { richText?: unknown }).richText)
    lines.push(
      `  ${flowmapCommentLine({ what: 'note', id: ids.of(shape.id), label, container: container?.id ?? null })}`,
    )
  }

  // 4. Connectors: a link between two nodes, else (a loose end, a note's end) a comment.
  const isNode = (id: string | null): id is string => id !== null && graph.nodeById.has(id)
  for (const edge of graph.edges) lines.push(`  ${edgeLine(edge, isNode, ids)}`)
  return `${lines.join('\n')}\n`
}

function edgeLine(
  edge: WorkflowEdge,
  isNode: (id: string | null) => id is string,
  ids: ReturnType<typeof mermaidIds>,
): string {
  if (isNode(edge.from) && isNode(edge.to)) {
    const text = edge.branch === null ? '' : `|${quoteMermaidText(edge.branch)}|`
    return `${ids.of(edge.from)} ${LINK_OF_FLOW[edge.flow]}${text} ${ids.of(edge.to)}`
  }
  const end = (id: string | null) => (id === null ? null : (ids.known(id) ?? null))
  return flowmapCommentLine({
    what: 'connector',
    id: ids.of(edge.id),
    from: end(edge.from),
    to: end(edge.to),
    flow: edge.flow,
    branch: edge.branch,
  })
}

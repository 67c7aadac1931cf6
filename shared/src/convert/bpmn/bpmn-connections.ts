/**
 * Flows and associations as draft edges:
 * - sequence flows → sequence connectors; the branch label is the flow's name, else its condition's
 *   body (a Flowmap export writes both, the same);
 * - message flows between pools → information connectors (an end at a pool drawn as a black box is loose);
 * - data input/output associations → information connectors between the artifact and its activity,
 *   or the kind `flowmap:flow` names (an export marks a sequence connector to or from data so);
 * - associations with `flowmap:flow` → connectors of that kind, a note at either end or not (an export
 *   writes every connector it cannot write otherwise so); an association without it and with a text
 *   annotation at one end is where the note sits: the note's neighbour (`meta.nearNodeId`, and its lane
 *   when it has no diagram), not a connector; any other association → an information connector.
 * Ends at an expanded subprocess (a stage, not a node) reach its single start or end event inside.
 */
import type { ModdleElement } from 'bpmn-moddle'
import { FLOW_KINDS, type FlowKind } from '../../schema/connector.ts'
import type { DraftEdge, DraftMeta, DraftNode } from '../flow-draft.ts'
import { localTypeName, pluralWords } from './bpmn-element-kinds.ts'
import type { FlowNodesRead } from './bpmn-flow-nodes.ts'
import type { BpmnReadContext } from './bpmn-read-context.ts'
import { idOf, idOrMadeUp, manyOf, oneOf } from './moddle-read.ts'

const flowKinds: ReadonlySet<string> = new Set(FLOW_KINDS)

type Ends = {
  readonly nodes: ReadonlyMap<string, DraftNode>
  readonly stageEnds: FlowNodesRead['stageEnds']
}

function endOf(ends: Ends, element: ModdleElement | null, side: 'from' | 'to'): string | null {
  const id = element === null ? null : idOf(element)
  if (id === null) return null
  if (ends.nodes.has(id)) return id
  const stage = ends.stageEnds.get(id)
  if (stage === undefined) return null
  return side === 'from' ? stage.end : stage.start
}

/** What a loose end pointed at, so the edge can be reconnected by hand. */
function looseEnds(
  from: string | null,
  to: string | null,
  source: ModdleElement | null,
  target: ModdleElement | null,
) {
  const meta: Record<string, string> = {}
  const sourceId = source === null ? null : idOf(source)
  const targetId = target === null ? null : idOf(target)
  if (from === null && sourceId !== null) meta.sourceRef = sourceId
  if (to === null && targetId !== null) meta.targetRef = targetId
  return meta
}

function sequenceEdge(flow: ModdleElement, id: string, ends: Ends, context: BpmnReadContext): DraftEdge {
  const source = oneOf(flow, 'sourceRef')
  const target = oneOf(flow, 'targetRef')
  const from = endOf(ends, source, 'from')
  const to = endOf(ends, target, 'to')
  const name = context.flowmap.textOf(flow, 'name')
  const expression = oneOf(flow, 'conditionExpression')
  const condition = expression === null ? null : context.flowmap.textOf(expression, 'body')
  const meta: Record<string, string | boolean> = {
    bpmnKind: 'sequenceFlow',
    ...looseEnds(from, to, source, target),
  }
  if (condition !== null && name !== null && condition !== name) meta.condition = condition
  if (source !== null && source.default === flow) meta.default = true
  context.tally.mapped(
    condition === null ? 'sequence flows' : 'conditional sequence flows',
    'sequence connectors',
  )
  return {
    id,
    from,
    to,
    flow: 'sequence',
    branch: name ?? condition,
    waypoints: context.diagram.waypoints(id),
    meta,
  }
}

function plainEdge(
  element: ModdleElement,
  id: string,
  flow: FlowKind,
  ends: {
    from: string | null
    to: string | null
    source: ModdleElement | null
    target: ModdleElement | null
  },
  context: BpmnReadContext,
): DraftEdge {
  const meta: DraftMeta = {
    bpmnKind: localTypeName(element.$type),
    ...looseEnds(ends.from, ends.to, ends.source, ends.target),
  }
  return {
    id,
    from: ends.from,
    to: ends.to,
    flow,
    branch: context.flowmap.textOf(element, 'name') ?? context.flowmap.attribute(element, 'branch'),
    waypoints: context.diagram.waypoints(id),
    meta,
  }
}

/** The flow kind `flowmap:flow` names; null when the element has none, information for a kind unknown here. */
function writtenFlow(element: ModdleElement, context: BpmnReadContext): FlowKind | null {
  const written = context.flowmap.attribute(element, 'flow')
  if (written === null) return null
  return flowKinds.has(written) ? (written as FlowKind) : 'information'
}

function isAnnotation(element: ModdleElement | null): boolean {
  return element !== null && element.$type === 'bpmn:TextAnnotation'
}

/** The connectors of a file, and its notes with the neighbours their associations name. */
export function readConnections(
  read: FlowNodesRead,
  collaborations: readonly ModdleElement[],
  context: BpmnReadContext,
): { edges: DraftEdge[]; nodes: DraftNode[] } {
  const nodes = new Map(read.nodes.map((node) => [node.id, node]))
  const ends: Ends = { nodes, stageEnds: read.stageEnds }
  const edges: DraftEdge[] = []

  for (const flow of read.sequenceFlows)
    edges.push(sequenceEdge(flow, idOrMadeUp(flow, edges.length), ends, context))

  for (const flow of collaborations.flatMap((c) => manyOf(c, 'messageFlows'))) {
    const id = idOrMadeUp(flow, edges.length)
    const source = oneOf(flow, 'sourceRef')
    const target = oneOf(flow, 'targetRef')
    const from = endOf(ends, source, 'from')
    const to = endOf(ends, target, 'to')
    context.tally.mapped('message flows', 'information connectors')
    edges.push(plainEdge(flow, id, 'information', { from, to, source, target }, context))
  }

  for (const { holder, association } of read.dataAssociations) {
    const local = localTypeName(association.$type)
    const baseId = idOf(association) ?? `${holder}-${local}-${edges.length}`
    const flow = writtenFlow(association, context) ?? 'information'
    context.tally.mapped(pluralWords(local), `${flow} connectors`)
    const holderNode = nodes.has(holder) ? holder : null
    if (local === 'dataOutputAssociation') {
      const target = oneOf(association, 'targetRef')
      edges.push(
        plainEdge(
          association,
          baseId,
          flow,
          { from: holderNode, to: endOf(ends, target, 'to'), source: null, target },
          context,
        ),
      )
      continue
    }
    const sources = manyOf(association, 'sourceRef')
    sources.forEach((source, index) => {
      const id = sources.length === 1 ? baseId : `${baseId}:${index}`
      edges.push(
        plainEdge(
          association,
          id,
          flow,
          { from: endOf(ends, source, 'from'), to: holderNode, source, target: null },
          context,
        ),
      )
    })
  }

  for (const association of read.associations) {
    const id = idOrMadeUp(association, edges.length)
    const source = oneOf(association, 'sourceRef')
    const target = oneOf(association, 'targetRef')
    const written = writtenFlow(association, context)
    const annotation = isAnnotation(source) ? source : isAnnotation(target) ? target : null
    if (written === null && annotation !== null) {
      const neighbour = annotation === source ? target : source
      const noteId = idOf(annotation)
      const neighbourId = neighbour === null ? null : idOf(neighbour)
      const note = noteId === null ? undefined : nodes.get(noteId)
      context.tally.mapped('associations of text annotations', "the notes' neighbours")
      if (note !== undefined && neighbourId !== null && note.meta.nearNodeId === undefined) {
        const containerId =
          note.containerId ?? (note.bounds === null ? (nodes.get(neighbourId)?.containerId ?? null) : null)
        nodes.set(note.id, { ...note, containerId, meta: { ...note.meta, nearNodeId: neighbourId } })
      }
      continue
    }
    const flow = written ?? 'information'
    context.tally.mapped('associations', `${flow} connectors`)
    edges.push(
      plainEdge(
        association,
        id,
        flow,
        { from: endOf(ends, source, 'from'), to: endOf(ends, target, 'to'), source, target },
        context,
      ),
    )
  }
  return { edges, nodes: [...nodes.values()] }
}

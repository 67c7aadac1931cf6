/**
 * A board as a bpmn-moddle model (docs/bpmn-dialect.md is the mapping, row by row): one collaboration
 * with one participant for the board and its process, lanes from swimlanes, flow nodes from workflow
 * shapes, flows and associations from connectors, groups from stages, text annotations from sticky
 * notes, and the BPMNDI shapes and edges from the board's geometry.
 *
 * 1. Index the shapes and read the workflow graph (nearest lane and stage, resolved connector ends).
 * 2. Write one element per lane, node, note and stage, remembering each record id's element.
 * 3. Write each connector as the element its ends allow: a sequence flow between flow nodes, a data
 *    association between a task and a data artifact, an association otherwise.
 * 4. Put the lanes in the lane set (nested lanes in their lane's child lane set), the rest in the process.
 * 5. Draw: every element that has a place on the canvas gets its BPMNDI shape or edge.
 */
import type { TLShape } from '@tldraw/tlschema'
import type { Moddle, ModdleElement } from 'bpmn-moddle'
import { createContainerResolver } from '../../graph/containers.ts'
import { plainTextOf } from '../../graph/rich-text-plain.ts'
import { toWorkflowGraph } from '../../graph/to-workflow-graph.ts'
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from '../../graph/workflow-graph.ts'
import type { MapContent } from '../map-content.ts'
import { buildDiagram, type DrawnEdge, type DrawnShape } from './bpmn-diagram.ts'
import {
  automationAttribute,
  gatewayTypeOf,
  isConditionalGatewayType,
  keptBpmnKind,
  taskTypeOf,
} from './bpmn-element-types.ts'
import { type EdgeEnd, edgeWaypoints, type Outline } from './edge-waypoints.ts'
import { FLOWMAP_BPMN_NAMESPACE } from './flowmap-bpmn-dialect.ts'
import { createPageGeometry, type PageGeometry, type PagePoint } from './page-geometry.ts'
import { createXmlIds, type XmlIds } from './xml-ids.ts'
import { xmlText } from './xml-text.ts'

/** What BPMN readers are shown for a shape with no label; `flowmap:nameless` says the map had none. */
const PLACEHOLDER_NAMES = {
  board: 'Flowmap board',
  lane: 'Lane',
  step: 'Step',
  decision: 'Decision',
  start: 'Start',
  end: 'End',
} as const

type Attributes = Record<string, unknown>

/** The pool a lane or stage restacks with (`meta.pool`), written so an import keeps the pools apart. */
function poolOf(shape: TLShape | undefined): string | undefined {
  const pool = shape?.meta.pool
  return typeof pool === 'string' ? pool : undefined
}

/** A written element with the lists moddle serialises by reference: filled in as connectors are met. */
type Written = {
  element: ModdleElement
  kind: 'flow-node' | 'task' | 'data' | 'other'
  /** The record's shape, for geometry; null for an element with no shape of its own. */
  shape: TLShape
  outline: Outline
  incoming: ModdleElement[]
  outgoing: ModdleElement[]
  dataInputs: ModdleElement[]
  dataOutputs: ModdleElement[]
  properties: ModdleElement[]
}

class DefinitionsBuilder {
  readonly ids: XmlIds = createXmlIds()
  readonly geometry: PageGeometry
  readonly graph: WorkflowGraph
  readonly shapes = new Map<string, TLShape>()
  readonly written = new Map<string, Written>()
  readonly flowElements: ModdleElement[] = []
  readonly artifacts: ModdleElement[] = []
  readonly drawnShapes: DrawnShape[] = []
  readonly drawnEdges: DrawnEdge[] = []

  readonly moddle: Moddle
  readonly content: MapContent

  constructor(moddle: Moddle, content: MapContent) {
    this.moddle = moddle
    this.content = content
    for (const record of content.records) if (record.typeName === 'shape') this.shapes.set(record.id, record)
    this.graph = toWorkflowGraph(content.records, content.roles)
    this.geometry = createPageGeometry(this.shapes)
  }

  create(type: string, attributes: Attributes): ModdleElement {
    // moddle writes an attribute that is present but undefined as an empty one: leave those out.
    // Called for every element and DI node (tens of thousands on a large board): one plain loop.
    const defined: Attributes = {}
    for (const key in attributes) {
      const value = attributes[key]
      if (value !== undefined) defined[key] = typeof value === 'string' ? xmlText(value) : value
    }
    return this.moddle.create(type, defined)
  }

  named(label: string, placeholder: string): Attributes {
    return label.trim() === '' ? { name: placeholder, 'flowmap:nameless': true } : { name: label }
  }

  remember(
    shape: TLShape,
    element: ModdleElement,
    kind: Written['kind'],
    outline: Outline,
    extra?: Partial<Written>,
  ) {
    const entry: Written = {
      element,
      kind,
      shape,
      outline,
      incoming: [],
      outgoing: [],
      dataInputs: [],
      dataOutputs: [],
      properties: [],
      ...extra,
    }
    this.written.set(shape.id, entry)
    const bounds = this.geometry.boundsOf(shape)
    if (bounds !== null) this.drawnShapes.push({ element, bounds })
    return entry
  }

  writeNode(node: WorkflowNode): void {
    const id = this.ids.forRecord(node.id)
    const incoming: ModdleElement[] = []
    const outgoing: ModdleElement[] = []
    const lists = { incoming, outgoing }
    const shape = node.shape
    switch (shape.type) {
      case 'step': {
        const dataInputs: ModdleElement[] = []
        const dataOutputs: ModdleElement[] = []
        const properties: ModdleElement[] = []
        const { description, owner, status, estimate, automation } = shape.props
        const element = this.create(taskTypeOf(shape), {
          id,
          ...this.named(shape.props.label, PLACEHOLDER_NAMES.step),
          ...lists,
          documentation:
            description.trim() === ''
              ? undefined
              : [this.create('bpmn:Documentation', { text: description })],
          properties,
          dataInputAssociations: dataInputs,
          dataOutputAssociations: dataOutputs,
          'flowmap:automation': automationAttribute(automation),
          'flowmap:owner': owner ?? undefined,
          'flowmap:status': status,
          'flowmap:estimate': estimate ?? undefined,
        })
        this.flowElements.push(element)
        this.remember(shape, element, 'task', 'box', { ...lists, dataInputs, dataOutputs, properties })
        return
      }
      case 'decision': {
        const element = this.create(gatewayTypeOf(shape), {
          id,
          ...this.named(shape.props.question, PLACEHOLDER_NAMES.decision),
          ...lists,
        })
        this.flowElements.push(element)
        this.remember(shape, element, 'flow-node', 'diamond', lists)
        return
      }
      case 'event': {
        const start = shape.props.kind === 'start'
        const element = this.create(start ? 'bpmn:StartEvent' : 'bpmn:EndEvent', {
          id,
          ...this.named(shape.props.label, start ? PLACEHOLDER_NAMES.start : PLACEHOLDER_NAMES.end),
          ...lists,
        })
        this.flowElements.push(element)
        this.remember(shape, element, 'flow-node', 'ellipse', lists)
        return
      }
      case 'artifact': {
        const { kind, label } = shape.props
        const name = label.trim() === '' ? undefined : label
        if (kind === 'document') {
          const dataObject = this.create('bpmn:DataObject', { id: this.ids.fresh(`${id}_object`) })
          const element = this.create('bpmn:DataObjectReference', { id, name, dataObjectRef: dataObject })
          this.flowElements.push(dataObject, element)
          this.remember(shape, element, 'data', 'box')
        } else {
          const element = this.create('bpmn:DataStoreReference', {
            id,
            name,
            'flowmap:artifactKind': kind === 'system' ? 'system' : undefined,
          })
          this.flowElements.push(element)
          this.remember(shape, element, 'data', 'box')
        }
        return
      }
    }
  }

  writeNote(note: TLShape<'note'>): void {
    const text = plainTextOf(note.props.richText)
    // An importer notes every element's type; only one other than an annotation says something here.
    const kept = keptBpmnKind(note)
    const element = this.create('bpmn:TextAnnotation', {
      id: this.ids.forRecord(note.id),
      text: text === '' ? undefined : text,
      'flowmap:bpmnKind': kept === null || kept === 'textAnnotation' ? undefined : kept,
    })
    this.artifacts.push(element)
    this.remember(note, element, 'other', 'box')
  }

  writeStages(): ModdleElement | null {
    if (this.graph.stages.length === 0) return null
    const values: ModdleElement[] = []
    for (const stage of this.graph.stages) {
      const shape = this.shapes.get(stage.id)!
      const id = this.ids.forRecord(stage.id)
      const value = this.create('bpmn:CategoryValue', {
        id: this.ids.fresh(`${id}_value`),
        value: stage.label,
      })
      values.push(value)
      const group = this.create('bpmn:Group', {
        id,
        categoryValueRef: value,
        'flowmap:order': stage.order,
        'flowmap:pool': poolOf(shape),
      })
      this.artifacts.push(group)
      this.remember(shape, group, 'other', 'box')
    }
    return this.create('bpmn:Category', { id: this.ids.fresh('Category_stages'), categoryValue: values })
  }

  writeLanes(): ModdleElement | null {
    if (this.graph.lanes.length === 0) return null
    const enclosingLaneOf = createContainerResolver(this.shapes)
    const top: ModdleElement[] = []
    const childLanes = new Map<string, ModdleElement[]>()
    const refs = new Map<string, ModdleElement[]>()
    const parentLane = new Map<string, string | null>()
    for (const lane of this.graph.lanes) {
      parentLane.set(lane.id, enclosingLaneOf(lane.parentId).laneId)
      refs.set(lane.id, [])
    }
    // A parent lane lists every flow node of its child lanes too (BPMN's lane partition).
    for (const node of this.graph.nodes) {
      const entry = this.written.get(node.id)
      if (entry === undefined || entry.kind === 'data') continue
      const seen = new Set<string>()
      for (let lane = node.laneId; lane !== null && !seen.has(lane); lane = parentLane.get(lane) ?? null) {
        seen.add(lane)
        refs.get(lane)?.push(entry.element)
      }
    }
    const elements = new Map<string, ModdleElement>()
    for (const lane of this.graph.lanes) {
      const children: ModdleElement[] = []
      childLanes.set(lane.id, children)
      const element = this.create('bpmn:Lane', {
        id: this.ids.forRecord(lane.id),
        ...this.named(lane.label, PLACEHOLDER_NAMES.lane),
        flowNodeRef: refs.get(lane.id),
        'flowmap:roleId': lane.roleId ?? undefined,
        'flowmap:pool': poolOf(this.shapes.get(lane.id)),
      })
      elements.set(lane.id, element)
      const bounds = this.geometry.boundsOf(this.shapes.get(lane.id)!)
      if (bounds !== null) this.drawnShapes.push({ element, bounds, horizontal: true })
    }
    for (const lane of this.graph.lanes) {
      const parent = parentLane.get(lane.id) ?? null
      const element = elements.get(lane.id)!
      if (parent === null || !childLanes.has(parent)) top.push(element)
      else childLanes.get(parent)!.push(element)
    }
    for (const [laneId, children] of childLanes) {
      if (children.length === 0) continue
      const lane = elements.get(laneId)!
      ;(lane as { childLaneSet?: ModdleElement }).childLaneSet = this.create('bpmn:LaneSet', {
        id: this.ids.fresh(`${lane.id as string}_lanes`),
        lanes: children,
      })
    }
    return this.create('bpmn:LaneSet', { id: this.ids.fresh('LaneSet_board'), lanes: top })
  }

  edgeEnd(entry: Written | undefined, arrow: TLShape, terminal: 'start' | 'end'): EdgeEnd {
    const bounds = entry === undefined ? null : this.geometry.boundsOf(entry.shape)
    if (entry !== undefined && bounds !== null) return { bounds, outline: entry.outline }
    // A loose end is where the arrow's own point is: its origin plus its start or end.
    const origin = this.geometry.originOf(arrow)
    const local = (arrow.props as { start?: PagePoint; end?: PagePoint })[terminal] ?? { x: 0, y: 0 }
    return { point: { x: origin.x + local.x, y: origin.y + local.y } }
  }

  writeEdge(edge: WorkflowEdge): void {
    const arrow = this.shapes.get(edge.id)!
    const from = edge.from === null ? undefined : this.written.get(edge.from)
    const to = edge.to === null ? undefined : this.written.get(edge.to)
    const id = this.ids.forRecord(edge.id)
    const waypoints = edgeWaypoints(this.edgeEnd(from, arrow, 'start'), this.edgeEnd(to, arrow, 'end'))
    const isFlowNode = (entry: Written | undefined) => entry?.kind === 'flow-node' || entry?.kind === 'task'
    const carriesData = edge.flow === 'sequence' || edge.flow === 'information'
    const sequenceMark = edge.flow === 'sequence' ? 'sequence' : undefined
    // Only a sequence flow has a name in BPMN: any other element carries the branch label so.
    const branch = edge.branch ?? undefined

    let element: ModdleElement
    if (
      edge.flow === 'sequence' &&
      from !== undefined &&
      to !== undefined &&
      isFlowNode(from) &&
      isFlowNode(to)
    ) {
      const conditional = isConditionalGatewayType(from.element.$type)
      element = this.create('bpmn:SequenceFlow', {
        id,
        name: edge.branch ?? undefined,
        sourceRef: from.element,
        targetRef: to.element,
        conditionExpression:
          conditional && edge.branch !== null
            ? this.create('bpmn:FormalExpression', { body: edge.branch })
            : undefined,
      })
      from.outgoing.push(element)
      to.incoming.push(element)
      this.flowElements.push(element)
    } else if (carriesData && from?.kind === 'task' && to?.kind === 'data') {
      element = this.create('bpmn:DataOutputAssociation', {
        id,
        targetRef: to.element,
        'flowmap:flow': sequenceMark,
        'flowmap:branch': branch,
      })
      from.dataOutputs.push(element)
    } else if (carriesData && from?.kind === 'data' && to?.kind === 'task') {
      // bpmn-js's convention: an input association targets a placeholder property of the task.
      let placeholder = to.properties[0]
      if (placeholder === undefined) {
        placeholder = this.create('bpmn:Property', {
          id: this.ids.fresh(`${to.element.id as string}_input`),
          name: '__targetRef_placeholder',
        })
        to.properties.push(placeholder)
      }
      element = this.create('bpmn:DataInputAssociation', {
        id,
        sourceRef: [from.element],
        targetRef: placeholder,
        'flowmap:flow': sequenceMark,
        'flowmap:branch': branch,
      })
      to.dataInputs.push(element)
    } else {
      element = this.create('bpmn:Association', {
        id,
        sourceRef: from?.element,
        targetRef: to?.element,
        associationDirection: 'One',
        'flowmap:flow': edge.flow,
        'flowmap:branch': branch,
      })
      this.artifacts.push(element)
    }
    this.drawnEdges.push({ element, waypoints })
  }

  build(): ModdleElement {
    const category = this.writeStages()
    for (const node of this.graph.nodes) this.writeNode(node)
    for (const shape of this.shapes.values())
      if (shape.type === 'note') this.writeNote(shape as TLShape<'note'>)
    for (const edge of this.graph.edges) this.writeEdge(edge)
    const laneSet = this.writeLanes()

    const { title, roles } = this.content
    const collaborationId = this.ids.fresh('Collaboration_board')
    const participantId = this.ids.fresh('Participant_board')
    // An empty board is a black-box pool: a process with no start or end would be no valid process.
    const hasProcess = this.written.size > 0 || laneSet !== null || roles.length > 0
    const process = hasProcess
      ? this.create('bpmn:Process', {
          id: this.ids.fresh('Process_board'),
          isExecutable: false,
          extensionElements:
            roles.length === 0
              ? undefined
              : this.create('bpmn:ExtensionElements', {
                  values: roles.map((role) =>
                    this.create('flowmap:Role', {
                      id: role.id,
                      name: role.name,
                      color: role.color,
                      kind: role.kind,
                    }),
                  ),
                }),
          laneSets: laneSet === null ? undefined : [laneSet],
          flowElements: this.flowElements,
          artifacts: this.artifacts,
        })
      : undefined
    const participant = this.create('bpmn:Participant', {
      id: participantId,
      ...this.named(title ?? '', PLACEHOLDER_NAMES.board),
      processRef: process,
    })
    const collaboration = this.create('bpmn:Collaboration', {
      id: collaborationId,
      participants: [participant],
    })
    const diagram = buildDiagram({
      create: (type, attributes) => this.create(type, attributes),
      freshId: (base) => this.ids.fresh(base),
      collaboration,
      participant,
      shapes: this.drawnShapes,
      edges: this.drawnEdges,
    })
    return this.create('bpmn:Definitions', {
      id: this.ids.fresh('Definitions_board'),
      targetNamespace: FLOWMAP_BPMN_NAMESPACE,
      exporter: 'Flowmap',
      exporterVersion: '1',
      rootElements: [...(category === null ? [] : [category]), collaboration, ...(process ? [process] : [])],
      diagrams: [diagram],
    })
  }
}

export function boardToDefinitions(moddle: Moddle, content: MapContent): ModdleElement {
  return new DefinitionsBuilder(moddle, content).build()
}

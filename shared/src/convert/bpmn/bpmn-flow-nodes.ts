/**
 * A process's flow nodes and artifacts as draft nodes and stages:
 * - tasks of every type and call activities → steps (`flowmap:automation` wins over the task type);
 * - gateways of every kind → decisions, the kind in `meta.bpmnKind`;
 * - start and end events → events, their trigger in `meta.bpmnEvent`;
 * - intermediate and boundary events → notes by their host (`meta.attachedTo`) or neighbours;
 * - data object and data store references → artifacts; text annotations → notes; groups → stages;
 * - a subprocess drawn expanded (BPMNDI `isExpanded`) → a stage holding its children; a collapsed one,
 *   or one without a diagram, → one step, its inner elements counted in the report and named in the
 *   step's description;
 * - anything else → a note, counted under its own kind.
 * Flows and associations are collected here and become edges in `bpmn-connections.ts`.
 */
import type { ModdleElement } from 'bpmn-moddle'
import { ARTIFACT_KINDS, type ArtifactKind } from '../../schema/artifact.ts'
import { STEP_AUTOMATIONS, type StepAutomation } from '../../schema/step.ts'
import type { DraftBounds, DraftContainer, DraftNode } from '../flow-draft.ts'
import {
  COUNTED_ELEMENT_TYPES,
  GATEWAY_TYPES,
  localTypeName,
  NOTE_EVENT_TYPES,
  pluralWords,
  SUBPROCESS_TYPES,
  TASK_AUTOMATION,
} from './bpmn-element-kinds.ts'
import type { ProcessScope } from './bpmn-pools.ts'
import type { BpmnReadContext } from './bpmn-read-context.ts'
import { eventTriggerOf, idOf, idOrMadeUp, manyOf, oneOf, stringOf } from './moddle-read.ts'

/** A data association with the flow node that holds it (BPMN nests them in the activity or event). */
export type HeldDataAssociation = { readonly holder: string; readonly association: ModdleElement }

export type FlowNodesRead = {
  readonly nodes: DraftNode[]
  readonly stages: DraftContainer[]
  readonly sequenceFlows: ModdleElement[]
  readonly associations: ModdleElement[]
  readonly dataAssociations: HeldDataAssociation[]
  /** An expanded subprocess's single start and end event, so flows into and out of it reach its inside. */
  readonly stageEnds: Map<string, { readonly start: string | null; readonly end: string | null }>
}

const automations: ReadonlySet<string> = new Set(STEP_AUTOMATIONS)
const artifactKinds: ReadonlySet<string> = new Set(ARTIFACT_KINDS)

type Walk = {
  readonly context: BpmnReadContext
  readonly laneOfNode: ReadonlyMap<string, string>
  /** Each lane's role, for the owner of a step drawn in it. */
  readonly laneRoles: ReadonlyMap<string, string | null>
  readonly out: FlowNodesRead
  readonly containerOfNode: Map<string, string | null>
  readonly dataObjects: ModdleElement[]
  readonly referencedDataObjects: Set<ModdleElement>
}

/** A step's description: its documentation's texts, one paragraph each. */
function descriptionOf(walk: Walk, element: ModdleElement): string {
  return manyOf(element, 'documentation')
    .map((doc) => walk.context.flowmap.textOf(doc, 'text'))
    .filter((text): text is string => text !== null)
    .join('\n\n')
}

function center(bounds: DraftBounds): { x: number; y: number } {
  return { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 }
}

function containing(lanes: readonly DraftContainer[], bounds: DraftBounds | null): string | null {
  if (bounds === null) return null
  const { x, y } = center(bounds)
  const lane = lanes.find(
    (l) =>
      l.bounds !== null &&
      x >= l.bounds.x &&
      x <= l.bounds.x + l.bounds.w &&
      y >= l.bounds.y &&
      y <= l.bounds.y + l.bounds.h,
  )
  return lane?.id ?? null
}

type Place = { readonly scope: ProcessScope; readonly stage: string | null }

function placeOf(walk: Walk, place: Place, id: string, bounds: DraftBounds | null): string | null {
  return (
    place.stage ?? walk.laneOfNode.get(id) ?? containing(place.scope.lanes, bounds) ?? place.scope.poolLane
  )
}

function capitalized(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function base(walk: Walk, place: Place, element: ModdleElement, id: string, label?: string) {
  const bounds = walk.context.diagram.shape(id)?.bounds ?? null
  const containerId = placeOf(walk, place, id, bounds)
  walk.containerOfNode.set(id, containerId)
  const meta: Record<string, string | number | boolean | null> = { bpmnKind: localTypeName(element.$type) }
  return { id, label: label ?? walk.context.flowmap.nameOf(element) ?? '', containerId, bounds, meta }
}

function collectDataAssociations(walk: Walk, element: ModdleElement, id: string): void {
  for (const property of ['dataInputAssociations', 'dataOutputAssociations']) {
    for (const association of manyOf(element, property))
      walk.out.dataAssociations.push({ holder: id, association })
  }
}

/** Every element a collapsed subprocess holds, as the report counts them, and the names of its flow nodes. */
function innerElements(subprocess: ModdleElement): { count: number; names: string[] } {
  let count = 0
  const names: string[] = []
  for (const inner of manyOf(subprocess, 'flowElements')) {
    if (COUNTED_ELEMENT_TYPES.has(localTypeName(inner.$type))) count += 1
    count += manyOf(inner, 'dataInputAssociations').length + manyOf(inner, 'dataOutputAssociations').length
    const name = stringOf(inner, 'name')
    if (name !== null && inner.$type !== 'bpmn:SequenceFlow') names.push(name)
    if (SUBPROCESS_TYPES.has(localTypeName(inner.$type))) {
      const nested = innerElements(inner)
      count += nested.count
      names.push(...nested.names)
    }
  }
  count += manyOf(subprocess, 'artifacts').length
  for (const laneSet of manyOf(subprocess, 'laneSets')) count += manyOf(laneSet, 'lanes').length
  return { count, names }
}

function automationOf(walk: Walk, element: ModdleElement, local: string): StepAutomation {
  const written = walk.context.flowmap.attribute(element, 'automation')
  if (written !== null && automations.has(written)) return written as StepAutomation
  return TASK_AUTOMATION[local] ?? 'manual'
}

function stepMeta(
  walk: Walk,
  element: ModdleElement,
  meta: Record<string, string | number | boolean | null>,
): void {
  const status = walk.context.flowmap.attribute(element, 'status')
  if (status !== null) meta.status = status
  const estimate = Number(walk.context.flowmap.attribute(element, 'estimate') ?? Number.NaN)
  if (Number.isFinite(estimate) && estimate >= 0) meta.estimate = estimate
  const calledElement = stringOf(element, 'calledElement')
  if (calledElement !== null) meta.calledElement = calledElement
}

function addStep(
  walk: Walk,
  place: Place,
  element: ModdleElement,
  id: string,
  local: string,
  description: string,
  extraMeta: Readonly<Record<string, number>> = {},
): void {
  const common = base(walk, place, element, id)
  stepMeta(walk, element, common.meta)
  Object.assign(common.meta, extraMeta)
  const laneRole = walk.context.flowmap.declared
    ? null
    : (walk.laneRoles.get(common.containerId ?? '') ?? null)
  walk.out.nodes.push({
    ...common,
    kind: 'step',
    // In a Flowmap file a step without `flowmap:owner` has no owner of its own (it inherits its lane's
    // role), and comes back so; a step from another modeler is owned by the role of its lane.
    owner: walk.context.flowmap.attribute(element, 'owner') ?? laneRole,
    automation: automationOf(walk, element, local),
    description,
  })
}

function eventWords(element: ModdleElement, local: string): string {
  const trigger = eventTriggerOf(element)
  const words = trigger === null ? '' : `${trigger} `
  switch (local) {
    case 'boundaryEvent':
      return `${element.cancelActivity === false ? 'non-interrupting ' : ''}boundary ${words}events`
    case 'intermediateCatchEvent':
      return `intermediate ${words}catch events`
    case 'intermediateThrowEvent':
      return `intermediate ${words}throw events`
    default:
      return `${words}${pluralWords(local)}`
  }
}

function addNoteEvent(walk: Walk, place: Place, element: ModdleElement, id: string, local: string): void {
  const words = eventWords(element, local)
  const name = stringOf(element, 'name')
  const kind = capitalized(words.replace(/s$/, ''))
  const common = base(walk, place, element, id, name === null ? kind : `${name} (${kind})`)
  const trigger = eventTriggerOf(element)
  if (trigger !== null) common.meta.bpmnEvent = trigger
  const host = oneOf(element, 'attachedToRef')
  const hostId = host === null ? null : idOf(host)
  if (hostId !== null) {
    common.meta.attachedTo = hostId
    // The layout places a note without a diagram by the node this names: a boundary event by its host.
    common.meta.nearNodeId = hostId
    const hostContainer = walk.containerOfNode.get(hostId)
    if (common.bounds === null && hostContainer !== undefined) walk.containerOfNode.set(id, hostContainer)
  }
  walk.context.tally.keptAsNote(words)
  walk.out.nodes.push({
    ...common,
    containerId: walk.containerOfNode.get(id) ?? common.containerId,
    kind: 'note',
  })
}

function artifactKindOf(walk: Walk, element: ModdleElement, fallback: ArtifactKind): ArtifactKind {
  const written = walk.context.flowmap.attribute(element, 'artifactKind')
  return written !== null && artifactKinds.has(written) ? (written as ArtifactKind) : fallback
}

function addArtifact(walk: Walk, place: Place, element: ModdleElement, id: string, local: string): void {
  const referenced = oneOf(element, local === 'dataStoreReference' ? 'dataStoreRef' : 'dataObjectRef')
  if (referenced !== null && local === 'dataObjectReference') walk.referencedDataObjects.add(referenced)
  const label =
    walk.context.flowmap.nameOf(element) ?? (referenced === null ? null : stringOf(referenced, 'name')) ?? ''
  const artifact = artifactKindOf(walk, element, local === 'dataStoreReference' ? 'data' : 'document')
  walk.context.tally.mapped(pluralWords(local), `${artifact} artifacts`)
  walk.out.nodes.push({ ...base(walk, place, element, id, label), kind: 'artifact', artifact })
}

/** An expanded subprocess: a stage whose children sit in it; flows to and from it reach its single start and end. */
function addExpandedSubprocess(
  walk: Walk,
  place: Place,
  element: ModdleElement,
  id: string,
  local: string,
): void {
  const common = base(walk, place, element, id)
  walk.context.tally.mapped(`expanded ${pluralWords(local)}`, 'stages')
  walk.out.stages.push({
    id,
    kind: 'stage',
    label: common.label,
    roleId: null,
    pool: place.scope.pool,
    bounds: common.bounds,
    meta: { ...common.meta, lane: place.stage === null ? common.containerId : null },
  })
  collectDataAssociations(walk, element, id)
  walkFlowElements(walk, { scope: place.scope, stage: id }, element)
  const inner = manyOf(element, 'flowElements')
  const only = (type: string) => {
    const found = inner.filter((e) => e.$type === type)
    return found.length === 1 ? idOf(found[0]!) : null
  }
  walk.out.stageEnds.set(id, { start: only('bpmn:StartEvent'), end: only('bpmn:EndEvent') })
}

/** How many inner names a collapsed subprocess's description lists: enough to recognise it, short enough to read. */
const INSIDE_NAMES_LISTED = 20

function insideSentence(names: readonly string[]): string {
  if (names.length === 0) return ''
  const listed = names.slice(0, INSIDE_NAMES_LISTED).join(', ')
  const more = names.length > INSIDE_NAMES_LISTED ? ` and ${names.length - INSIDE_NAMES_LISTED} more` : ''
  return `Inside: ${listed}${more}`
}

function addCollapsedSubprocess(
  walk: Walk,
  place: Place,
  element: ModdleElement,
  id: string,
  local: string,
): void {
  const drawn = walk.context.diagram.shape(id)
  walk.context.tally.mapped(
    drawn === null ? `${pluralWords(local)} without a diagram` : `collapsed ${pluralWords(local)}`,
    'steps',
  )
  const inner = innerElements(element)
  walk.context.tally.mapped(
    `elements inside collapsed subprocesses`,
    "parts of their subprocess's step",
    inner.count,
  )
  const documentation = descriptionOf(walk, element)
  const inside = insideSentence(inner.names)
  addStep(
    walk,
    place,
    element,
    id,
    'subProcess',
    [documentation, inside].filter((p) => p !== '').join('\n\n'),
    { innerElements: inner.count },
  )
  collectDataAssociations(walk, element, id)
}

function addFlowNode(walk: Walk, place: Place, element: ModdleElement, id: string, local: string): void {
  if (local in TASK_AUTOMATION) {
    walk.context.tally.mapped(pluralWords(local), 'steps')
    addStep(walk, place, element, id, local, descriptionOf(walk, element))
  } else if (SUBPROCESS_TYPES.has(local)) {
    if (walk.context.diagram.shape(id)?.expanded === true)
      addExpandedSubprocess(walk, place, element, id, local)
    else addCollapsedSubprocess(walk, place, element, id, local)
    return
  } else if (GATEWAY_TYPES.has(local)) {
    walk.context.tally.mapped(pluralWords(local), 'decisions')
    walk.out.nodes.push({ ...base(walk, place, element, id), kind: 'decision' })
  } else if (local === 'startEvent' || local === 'endEvent') {
    const event = local === 'startEvent' ? 'start' : 'end'
    const common = base(walk, place, element, id)
    const trigger = eventTriggerOf(element)
    if (trigger !== null) common.meta.bpmnEvent = trigger
    walk.context.tally.mapped(eventWords(element, local), `${event} events`)
    walk.out.nodes.push({ ...common, kind: 'event', event })
  } else if (local === 'dataObjectReference' || local === 'dataStoreReference') {
    addArtifact(walk, place, element, id, local)
  } else if (NOTE_EVENT_TYPES.has(local)) {
    addNoteEvent(walk, place, element, id, local)
  } else {
    walk.context.tally.keptAsNote(pluralWords(local))
    const name = stringOf(element, 'name')
    const kind = capitalized(pluralWords(local).replace(/s$/, ''))
    walk.out.nodes.push({
      ...base(walk, place, element, id, name === null ? kind : `${name} (${kind})`),
      kind: 'note',
    })
  }
  collectDataAssociations(walk, element, id)
}

function addArtifactElement(walk: Walk, place: Place, element: ModdleElement): void {
  const id = idOrMadeUp(element, walk.out.nodes.length + walk.out.stages.length)
  const local = localTypeName(element.$type)
  if (local === 'association') {
    walk.out.associations.push(element)
    return
  }
  if (local === 'textAnnotation') {
    walk.context.tally.mapped('text annotations', 'notes')
    walk.out.nodes.push({
      ...base(walk, place, element, id, walk.context.flowmap.textOf(element, 'text') ?? ''),
      kind: 'note',
    })
  } else if (local === 'group') {
    const category = oneOf(element, 'categoryValueRef')
    const label =
      walk.context.flowmap.nameOf(element) ??
      (category === null ? null : walk.context.flowmap.textOf(category, 'value')) ??
      ''
    const order = Number(walk.context.flowmap.attribute(element, 'order') ?? Number.NaN)
    walk.context.tally.mapped('groups', 'stages')
    walk.out.stages.push({
      id,
      kind: 'stage',
      label,
      roleId: null,
      pool: walk.context.flowmap.attribute(element, 'pool'),
      bounds: walk.context.diagram.shape(id)?.bounds ?? null,
      meta: Number.isFinite(order) ? { bpmnKind: 'group', order } : { bpmnKind: 'group' },
    })
  } else {
    walk.context.tally.keptAsNote(pluralWords(local))
    walk.out.nodes.push({
      ...base(walk, place, element, id, capitalized(pluralWords(local).replace(/s$/, ''))),
      kind: 'note',
    })
  }
}

function walkFlowElements(walk: Walk, place: Place, container: ModdleElement): void {
  const deferred: ModdleElement[] = []
  for (const element of manyOf(container, 'flowElements')) {
    const local = localTypeName(element.$type)
    if (local === 'sequenceFlow') walk.out.sequenceFlows.push(element)
    else if (local === 'dataObject') walk.dataObjects.push(element)
    else if (local === 'boundaryEvent') deferred.push(element)
    else addFlowNode(walk, place, element, idOrMadeUp(element, walk.out.nodes.length), local)
  }
  // Boundary events after the rest, so the host's lane is known when the event has no diagram.
  for (const element of deferred) {
    const id = idOrMadeUp(element, walk.out.nodes.length)
    addNoteEvent(walk, place, element, id, 'boundaryEvent')
    collectDataAssociations(walk, element, id)
  }
  for (const artifact of manyOf(container, 'artifacts')) addArtifactElement(walk, place, artifact)
}

/** A data object no reference points at is drawn itself (some modelers draw the object, not a reference). */
function addDataObjects(walk: Walk, scopes: readonly ProcessScope[]): void {
  const place: Place = { scope: scopes[0]!, stage: null }
  for (const dataObject of walk.dataObjects) {
    const id = idOrMadeUp(dataObject, walk.out.nodes.length)
    if (walk.referencedDataObjects.has(dataObject)) {
      walk.context.tally.mapped('data objects', 'the artifacts of their references')
      continue
    }
    walk.context.tally.mapped(
      'data objects (drawn without a reference)',
      `${artifactKindOf(walk, dataObject, 'document')} artifacts`,
    )
    walk.out.nodes.push({
      ...base(walk, place, dataObject, id),
      kind: 'artifact',
      artifact: artifactKindOf(walk, dataObject, 'document'),
    })
  }
}

export type FlowNodeSources = {
  readonly scopes: readonly ProcessScope[]
  readonly collaborations: readonly ModdleElement[]
  readonly laneOfNode: ReadonlyMap<string, string>
  readonly laneRoles: ReadonlyMap<string, string | null>
  readonly allLanes: readonly DraftContainer[]
}

export function readFlowNodes(sources: FlowNodeSources, context: BpmnReadContext): FlowNodesRead {
  const walk: Walk = {
    context,
    laneOfNode: sources.laneOfNode,
    laneRoles: sources.laneRoles,
    out: {
      nodes: [],
      stages: [],
      sequenceFlows: [],
      associations: [],
      dataAssociations: [],
      stageEnds: new Map(),
    },
    containerOfNode: new Map(),
    dataObjects: [],
    referencedDataObjects: new Set(),
  }
  for (const scope of sources.scopes) walkFlowElements(walk, { scope, stage: null }, scope.process)
  for (const collaboration of sources.collaborations) {
    const scope: ProcessScope = {
      process: collaboration,
      pool: null,
      poolLane: null,
      lanes: sources.allLanes,
    }
    for (const artifact of manyOf(collaboration, 'artifacts'))
      addArtifactElement(walk, { scope, stage: null }, artifact)
  }
  addDataObjects(walk, sources.scopes)
  return walk.out
}

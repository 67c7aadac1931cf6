import type { TLShape } from '@tldraw/tlschema'
import type { WorkflowEdge, WorkflowNode } from '../../graph/workflow-graph.ts'
import type { GraphDelta } from '../../lint/incremental/live-graph.ts'

/**
 * What an edit changed, in the terms the analyses read. Each part of `analyzeWorkflow` names the
 * aspects it reads (`PART_ASPECTS`); an edit recomputes only the parts that read an aspect it changed.
 *
 * - `nodes`: a node appeared, went, changed type, or an event changed kind (start / end)
 * - `edges`: a connector appeared, went, or changed an end or its flow (branch text and probability
 *   are read by the simulation, not by the insights)
 * - `label`, `position` (x, y), `containers` (parent, lane, stage), `owner` (the resolved owner)
 * - `timing` (process, wait, their ranges, % C&A), `raci` (accountable, consulted, informed)
 * - `work` (automation, status, description)
 * - `lanes`, `stages` (a lane or stage appeared, went or changed), `roles`, `contributors`
 * - `unknown`: a node prop this table does not know changed; every part recomputes (safe by default)
 */
export type InsightAspect =
  | 'nodes'
  | 'edges'
  | 'label'
  | 'position'
  | 'containers'
  | 'owner'
  | 'timing'
  | 'raci'
  | 'work'
  | 'lanes'
  | 'stages'
  | 'roles'
  | 'contributors'
  | 'unknown'

/** Node props by the aspect they belong to; `null`: no analysis reads it (a card's size). */
const PROP_ASPECTS: Readonly<Record<string, InsightAspect | null>> = {
  label: 'label',
  question: 'label',
  kind: 'nodes',
  owner: 'owner',
  estimate: 'timing',
  estimateRange: 'timing',
  wait: 'timing',
  waitRange: 'timing',
  completeAccurate: 'timing',
  accountable: 'raci',
  consulted: 'raci',
  informed: 'raci',
  automation: 'work',
  status: 'work',
  description: 'work',
  w: null,
  h: null,
}

/** The aspects a node's change touches. */
export function nodeAspects(
  before: WorkflowNode | undefined,
  after: WorkflowNode | undefined,
  into: Set<InsightAspect>,
): void {
  if (before === undefined || after === undefined || before.type !== after.type) {
    into.add('nodes')
    return
  }
  if (before.label !== after.label) into.add('label')
  if (before.shape.x !== after.shape.x || before.shape.y !== after.shape.y) into.add('position')
  if (
    before.parentId !== after.parentId ||
    before.laneId !== after.laneId ||
    before.stageId !== after.stageId
  )
    into.add('containers')
  if (before.owner !== after.owner || before.ownerSource !== after.ownerSource) into.add('owner')
  propAspects(before.shape, after.shape, into)
}

function propAspects(before: TLShape, after: TLShape, into: Set<InsightAspect>) {
  const a = before.props as unknown as Record<string, unknown>
  const b = after.props as unknown as Record<string, unknown>
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (sameValue(a[key], b[key])) continue
    const aspect = Object.hasOwn(PROP_ASPECTS, key) ? PROP_ASPECTS[key]! : 'unknown'
    if (aspect !== null) into.add(aspect)
  }
}

/** Props are JSON values: two are the same when they serialise alike (arrays and ranges are small). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Whether a connector's change matters to the insights: it appeared, went, or moved an end or its flow. */
export function edgeChanged(before: WorkflowEdge | undefined, after: WorkflowEdge | undefined): boolean {
  if (before === undefined || after === undefined) return before !== after
  return before.from !== after.from || before.to !== after.to || before.flow !== after.flow
}

/** The aspects one graph delta touches (stages are shapes the live graph does not keep: see the caller). */
export function deltaAspects(delta: GraphDelta, into: Set<InsightAspect>): void {
  for (const { before, after } of delta.nodes.values()) nodeAspects(before, after, into)
  for (const { before, after } of delta.edges.values()) if (edgeChanged(before, after)) into.add('edges')
  for (const { before, after } of delta.lanes.values())
    if (JSON.stringify(before) !== JSON.stringify(after)) into.add('lanes')
}

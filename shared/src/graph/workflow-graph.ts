import type { TLShape } from '@tldraw/tlschema'
import type { FlowKind } from '../schema/connector.ts'
import type { Role } from '../schema/role.ts'

/** The shapes that take part in the flow; stages and lanes are containers, listed apart. */
export type WorkflowNodeType = 'step' | 'decision' | 'artifact' | 'event'
export type WorkflowNodeShape = TLShape<WorkflowNodeType>

export type WorkflowNode = {
  id: string
  type: WorkflowNodeType
  /** The text a person knows it by: step/artifact/event label, decision question. */
  label: string
  parentId: string
  /** The nearest enclosing lane (by tldraw parent), or null. */
  laneId: string | null
  /** The nearest enclosing stage (by tldraw parent, through lanes), or null. */
  stageId: string | null
  /** Resolved owner role id: the step's own `owner`, else its lane's role, else null. */
  owner: string | null
  ownerSource: 'own' | 'lane' | null
  shape: WorkflowNodeShape
}

export type WorkflowEdge = {
  /** The arrow shape's id. */
  id: string
  /** The shape the arrow starts at; null when that end is loose. */
  from: string | null
  /** The shape the arrow points to; null when that end is loose. */
  to: string | null
  flow: FlowKind
  /** `meta.branch`, else the arrow's own text, else null. */
  branch: string | null
  /** `meta.probability` (0–1): how often a case takes this branch of a decision; null when unset. */
  probability: number | null
}

export type WorkflowLane = {
  id: string
  label: string
  roleId: string | null
  parentId: string
  stageId: string | null
}

export type WorkflowStage = {
  id: string
  label: string
  order: number
  parentId: string
}

export type WorkflowGraph = {
  nodes: WorkflowNode[]
  edges: WorkflowEdge[]
  lanes: WorkflowLane[]
  stages: WorkflowStage[]
  roles: Role[]
  nodeById: ReadonlyMap<string, WorkflowNode>
  laneById: ReadonlyMap<string, WorkflowLane>
  stageById: ReadonlyMap<string, WorkflowStage>
  roleById: ReadonlyMap<string, Role>
  /** Edges by their `from` shape id (loose starts excluded). */
  outgoing: ReadonlyMap<string, WorkflowEdge[]>
  /** Edges by their `to` shape id (loose ends excluded). */
  incoming: ReadonlyMap<string, WorkflowEdge[]>
}

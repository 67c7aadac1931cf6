import type { WorkflowGraph, WorkflowNode } from '../graph/workflow-graph.ts'
import type { Role } from '../schema/role.ts'

export type RaciLetter = 'R' | 'A' | 'C' | 'I'

/** One step or decision of the matrix; `cells` holds only the roles it names, each with its letters in RACI order. */
export type RaciRow = {
  nodeId: string
  label: string
  type: 'step' | 'decision'
  cells: Record<string, RaciLetter[]>
}

export type RaciMatrix = {
  /** The columns: every role of the board, in `graph.roles` order. */
  roleIds: string[]
  /** Every step and decision, in map order: stage order (no stage last), then y, then x. */
  rows: RaciRow[]
}

/**
 * The RACI matrix the map implies, roles × steps and decisions. Responsible is a step's resolved owner
 * (its own, else its lane's role: `WorkflowNode.owner`); accountable, consulted and informed are the
 * props of the same names. A decision has no responsible: it has no owner, its accountable decides.
 * A role id that names no role of the board still gets its letters (the lint points it out).
 */
export function raciMatrix(graph: WorkflowGraph): RaciMatrix {
  const rows = graph.nodes
    .map((node, index) => ({ node, index }))
    .filter(({ node }) => node.type === 'step' || node.type === 'decision')
    .sort((a, b) => compareMapOrder(graph, a.node, b.node) || a.index - b.index)
    .map(({ node }) => raciRow(node))
  return { roleIds: graph.roles.map((role) => role.id), rows }
}

function raciRow(node: WorkflowNode): RaciRow {
  const cells: Record<string, RaciLetter[]> = {}
  const mark = (roleId: string, letter: RaciLetter) => {
    const letters = cells[roleId]
    if (letters === undefined) cells[roleId] = [letter]
    else if (!letters.includes(letter)) letters.push(letter)
  }
  if (node.type === 'step' && node.owner !== null) mark(node.owner, 'R')
  const { accountable, consulted, informed } = raciOf(node)
  for (const id of accountable) mark(id, 'A')
  for (const id of consulted) mark(id, 'C')
  for (const id of informed) mark(id, 'I')
  return { nodeId: node.id, label: node.label, type: node.type === 'step' ? 'step' : 'decision', cells }
}

const NO_ROLES: readonly string[] = []

/** The accountable, consulted and informed role ids a step or decision lists; none for other shapes. */
export function raciOf(node: WorkflowNode): {
  accountable: readonly string[]
  consulted: readonly string[]
  informed: readonly string[]
} {
  const shape = node.shape
  if (shape.type === 'step' || shape.type === 'decision') return shape.props
  return { accountable: NO_ROLES, consulted: NO_ROLES, informed: NO_ROLES }
}

/** Whether a step or decision lists any accountable role id (a deleted role's included). */
export function namesAccountable(node: WorkflowNode): boolean {
  return raciOf(node).accountable.length > 0
}

/**
 * The accountable roles of a step or decision that exist on the board. Role ids of deleted roles do not
 * count: nobody answers for the work through them.
 */
export function accountableRoles(node: WorkflowNode, roleById: ReadonlyMap<string, Role>): Role[] {
  return raciOf(node).accountable.flatMap((id) => roleById.get(id) ?? [])
}

/** Steps without exactly one accountable role (of those that exist): the gaps in the RACI. */
export function raciGapStepIds(graph: WorkflowGraph): string[] {
  return graph.nodes
    .filter((node) => node.type === 'step' && accountableRoles(node, graph.roleById).length !== 1)
    .map((node) => node.id)
}

/**
 * Reading order: by stage, then top to bottom, then left to right. The coordinates are the shape's own,
 * relative to its container: within one lane or stage that is the order a person reads it in.
 */
function compareMapOrder(graph: WorkflowGraph, a: WorkflowNode, b: WorkflowNode): number {
  const stageOrder = (node: WorkflowNode) =>
    node.stageId === null ? Number.POSITIVE_INFINITY : (graph.stageById.get(node.stageId)?.order ?? 0)
  const byStage = stageOrder(a) - stageOrder(b)
  if (byStage !== 0 && !Number.isNaN(byStage)) return byStage
  return a.shape.y - b.shape.y || a.shape.x - b.shape.x
}

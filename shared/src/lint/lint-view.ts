import { isEndEvent } from '../analysis/flow-walk.ts'
import { namesAccountable } from '../analysis/raci.ts'
import { endReachability, flowReachability } from '../graph/flow-reachability.ts'
import type { WorkflowEdge, WorkflowGraph, WorkflowLane, WorkflowNode } from '../graph/workflow-graph.ts'
import type { Role } from '../schema/role.ts'

/**
 * What a rule's check may read beyond its subject. A full run reads it off a `WorkflowGraph`; the
 * incremental lint off its live graph, so one check serves both. A scope declares which of these it
 * reads (see `LintScope`), so the incremental lint knows when to recheck it.
 */
export type LintView = {
  readonly roleById: ReadonlyMap<string, Role>
  readonly nodeById: ReadonlyMap<string, WorkflowNode>
  readonly laneById: ReadonlyMap<string, WorkflowLane>
  /** Connectors by the shape they start at (loose starts excluded). */
  outgoingOf(shapeId: string): Iterable<WorkflowEdge>
  /** Every shape a start reaches along sequence flows, the starts included. */
  readonly reached: ReadonlySet<string>
  readonly hasStart: boolean
  /** Whether a start reaches any End along sequence flows: the flow finishes somewhere. */
  readonly endReached: boolean
  /** Every shape from which an End is reached along sequence flows, the Ends included. */
  readonly reachesEnd: ReadonlySet<string>
  /**
   * Whether any step or decision names an accountable role: the map records RACI. The RACI rules wait
   * for it, so a board that does not use RACI is not given one warning per step.
   */
  readonly usesRaci: boolean
}

const NO_EDGES: readonly WorkflowEdge[] = []

/** The view of a whole graph; reachability is computed on first read (flowReachability caches it per graph). */
export function fullLintView(graph: WorkflowGraph): LintView {
  let endReached: boolean | undefined
  let usesRaci: boolean | undefined
  return {
    roleById: graph.roleById,
    nodeById: graph.nodeById,
    laneById: graph.laneById,
    outgoingOf: (shapeId) => graph.outgoing.get(shapeId) ?? NO_EDGES,
    get reached() {
      return flowReachability(graph).reached
    },
    get hasStart() {
      return flowReachability(graph).startIds.length > 0
    },
    get endReached() {
      const { reached } = flowReachability(graph)
      endReached ??= graph.nodes.some((node) => isEndEvent(node) && reached.has(node.id))
      return endReached
    },
    get reachesEnd() {
      return endReachability(graph)
    },
    get usesRaci() {
      usesRaci ??= graph.nodes.some(namesAccountable)
      return usesRaci
    },
  }
}
